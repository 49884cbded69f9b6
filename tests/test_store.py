"""The SQLite store: results with ages, per-URL history, and never crashing on a bad file."""

from __future__ import annotations

from pathlib import Path

from listbot.store import open_store


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_results_expire_by_max_age(tmp_path: Path) -> None:
    clock = Clock()
    with open_store(tmp_path / "c.sqlite", clock=clock) as store:
        store.put("link", "https://a.dev/", {"kind": "ok"})
        clock.now += 100
        assert store.get("link", "https://a.dev/", max_age=200) == {"kind": "ok"}
        assert store.get("link", "https://a.dev/", max_age=50) is None
        assert store.get("link", "https://a.dev/", max_age=None) == {"kind": "ok"}
        assert store.get_many("link", ["https://a.dev/", "https://b.dev/"], 200) == {
            "https://a.dev/": {"kind": "ok"}
        }
    with open_store(tmp_path / "c.sqlite", clock=clock) as again:
        assert again.get("link", "https://a.dev/", None) == {"kind": "ok"}


def test_history_counts_consecutive_failures_and_resets(tmp_path: Path) -> None:
    clock = Clock()
    with open_store(tmp_path / "c.sqlite", clock=clock) as store:
        store.record_run([("u", "dead", True)])
        first = clock.now
        clock.now += 10
        store.record_run([("u", "unverified", True)])
        history = store.history("u")
        assert history is not None
        assert (history.consecutive_failures, history.first_failure) == (2, first)
        assert history.last_verdict == "unverified"
        store.record_run([("u", "ok", False)])
        history = store.history("u")
        assert history is not None and history.consecutive_failures == 0
        assert history.last_failure == clock.now
        assert store.history("never") is None


def test_corrupt_store_warns_and_starts_fresh(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with open_store(path) as store:
        assert len(store.warnings) == 1 and "corrupt" in store.warnings[0]
        store.put("link", "k", {"v": 1})
        assert store.get("link", "k", None) == {"v": 1}
    assert (tmp_path / "c.sqlite.corrupt").exists()


def test_unwritable_place_gives_a_memory_store(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with open_store(blocker / "sub" / "c.sqlite") as store:
        assert store.warnings and "continuing without it" in store.warnings[0]
        store.put("link", "k", {"v": 2})
        assert store.get("link", "k", None) == {"v": 2}
