"""The collector pauses: the library's leave the collector as it was; the command line's
also freeze what a pause made, so no later collection rescans it, and unfreeze at the end."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from listbot.cli import main
from listbot.gcpause import collector_paused, freezing_after_pauses


@pytest.fixture(autouse=True)
def _nothing_frozen() -> None:
    gc.unfreeze()


def test_a_library_pause_freezes_nothing() -> None:
    with collector_paused():
        assert not gc.isenabled()
        made = [[n] for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert len(made) == 1000


def test_the_command_lines_pauses_freeze_what_they_made_until_the_end() -> None:
    with freezing_after_pauses():
        with collector_paused():
            made = [[n] for n in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(made)
        with freezing_after_pauses():  # nested: the outer one unfreezes
            pass
        assert gc.get_freeze_count() >= len(made)
    assert gc.get_freeze_count() == 0


def test_a_disabled_collector_stays_disabled_and_unfrozen() -> None:
    gc.disable()
    try:
        with freezing_after_pauses(), collector_paused():
            pass
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_an_in_process_command_leaves_nothing_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome X\n\n" + "".join(f"- [E{n}](https://e{n}.example) - E.\n" for n in range(50))
    )
    frozen_during: list[int] = []
    import listbot.engine as engine

    real = engine.run_rules

    def spy(*args: object, **kwargs: object) -> object:
        frozen_during.append(gc.get_freeze_count())  # the parse's objects, frozen
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "run_rules", spy)
    monkeypatch.setattr("listbot.api.run_rules", spy)
    assert main(["lint", "--offline", "--exit-zero", "--quiet", str(readme)]) == 0
    assert frozen_during and frozen_during[0] > 0
    assert gc.get_freeze_count() == 0
