"""A document's entries are built when first read (``model.Deferred``), and read like a field.

``listbot links`` never reads them, so it never pays for them; everything that does read
them must see exactly what an eager build gave.
"""

from __future__ import annotations

import dataclasses
import gc
import importlib
from collections.abc import Callable
from typing import Any

import pytest

from listbot.model import Document
from listbot.parse import parse

LIST = (
    "# Awesome\n\n"
    "- [One](https://one.example) - First.\n"
    "  - [Two](https://two.example) - Nested.\n"
    "- [Three](https://three.example) - Third.\n"
)

parse_module = importlib.import_module("listbot.parse")


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the parser built a document's entries (one item per build)."""
    calls: list[int] = []
    real: Callable[..., Any] = parse_module.build_entries

    def counting(*args: Any) -> Any:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(parse_module, "build_entries", counting)
    return calls


def test_entries_are_built_on_first_read_and_only_once(builds: list[int]) -> None:
    document = parse(LIST)
    assert builds == []
    assert [entry.name for entry in document.entries] == ["One", "Three"]
    assert [child.name for child in document.entries[0].children] == ["Two"]
    assert document.entries is document.entries
    assert [entry.name for entry in document.all_entries] == ["One", "Two", "Three"]
    assert builds == [1]


def test_a_document_with_deferred_entries_behaves_like_one_without(builds: list[int]) -> None:
    deferred, eager = parse(LIST), parse(LIST)
    assert len(eager.entries) == 2
    assert builds == [1]
    assert deferred == eager  # equality reads the entries, as for any compared field
    assert repr(deferred) == repr(eager)
    copy = dataclasses.replace(parse(LIST), origin="https://example.org/list")
    assert copy.entries == eager.entries
    with pytest.raises(dataclasses.FrozenInstanceError):
        eager.entries = ()  # type: ignore[misc]


def test_entries_given_as_a_value_are_kept_as_given() -> None:
    document = parse(LIST)
    built = dataclasses.replace(document, entries=document.entries[:1])
    assert [entry.name for entry in built.entries] == ["One"]
    assert "entries" in {field.name for field in dataclasses.fields(Document)}


def test_building_entries_leaves_no_garbage_for_the_cyclic_collector() -> None:
    """The collector is paused while entries are built: a reference cycle per entry (a
    description's tail and its link lookup once held each other) stayed in memory until
    the next collection, 13 MB at once for 20,000 entries."""
    document = parse(
        "# Awesome\n\n"
        + "".join(
            f"- [E{n}](https://e{n}.example) :star: - Uses [a lib](https://l{n}.example). `MIT`\n"
            for n in range(50)
        )
    )
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        assert len(document.entries) == 50
        assert document.entries[0].markers and document.entries[0].trailing_tags
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


def test_a_document_still_pickles_before_its_entries_are_read() -> None:
    """Documents are plain values (tools send them to worker processes): deferring the
    entries must not make them unpicklable."""
    import pickle

    document = parse(LIST)
    copy = pickle.loads(pickle.dumps(document))
    assert copy == document
    assert [entry.name for entry in copy.entries] == ["One", "Three"]
