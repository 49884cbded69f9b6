"""The SQLite store: results with ages, per-URL history, and never crashing on a bad file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from listbot.store import open_store
from listbot.store_file import APPLICATION_ID, SCHEMA, StoreError


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


def test_read_many_keeps_what_the_reader_makes_and_drops_what_it_refuses(
    tmp_path: Path,
) -> None:
    def read(value: dict[str, int]) -> int:
        return value["n"] * 10  # KeyError for a row without "n"

    with open_store(tmp_path / "c.sqlite") as store:
        store.put_many("k", [("a", {"n": 1}, True), ("b", {"m": 2}, True)])
        assert store.read_many("k", ["a", "b", "c"], None, read) == {"a": 10}
        assert store.get_many("k", ["a", "b"], None) == {"a": {"n": 1}}  # b was dropped


def test_a_transaction_commits_its_writes_once_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"

    def committed() -> set[str]:
        reader = sqlite3.connect(path)
        try:
            keys = {row[0] for row in reader.execute("SELECT key FROM results")}
            keys |= {row[0] for row in reader.execute("SELECT url FROM history")}
            return keys
        finally:
            reader.close()

    with open_store(path) as store:
        with store.transaction():
            store.put_many("link", [("a", {"kind": "ok"}, True)])
            with store.transaction():
                store.record_run([("b", "dead", True)])
            assert committed() == set()  # an inner transaction does not commit
            store.put("link", "c", {"kind": "ok"})
            assert committed() == set()
        assert committed() == {"a", "b", "c"}
        store.put("link", "d", {"kind": "ok"})
        assert committed() == {"a", "b", "c", "d"}  # outside one, each write commits
        with pytest.raises(KeyboardInterrupt), store.transaction():
            store.put("link", "e", {"kind": "ok"})
            raise KeyboardInterrupt
        assert committed() == {"a", "b", "c", "d"}  # an interrupted one leaves nothing
        assert store.get("link", "e", None) is None


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


def test_many_keys_are_read_and_recorded_in_batches_with_the_same_answers(
    tmp_path: Path,
) -> None:
    """More keys than one query takes: every batch answers, stale and bad rows as one by one."""
    clock = Clock()
    keys = [f"https://a.dev/{i}" for i in range(1_234)]
    with open_store(tmp_path / "c.sqlite", clock=clock) as store:
        store.put_many("link", [(key, {"n": i}, True) for i, key in enumerate(keys)])
        clock.now += 100
        store.put("link", keys[-1], {"n": "new"})
        assert store.get_many("link", [*keys, "missing", keys[0]], None) == {
            key: ({"n": i} if key != keys[-1] else {"n": "new"}) for i, key in enumerate(keys)
        }
        assert store.get_many("link", keys, max_age=50) == {keys[-1]: {"n": "new"}}
        refused = store.get_many("link", keys, None, valid=lambda v: v["n"] != 1_000)
        assert keys[1_000] not in refused and len(refused) == len(keys) - 1
        assert store.get("link", keys[1_000], None) is None  # refused rows are deleted

        # A URL twice in one run counts twice; the others once, across every batch.
        store.record_run([(key, "dead", True) for key in keys] + [(keys[700], "dead", True)])
        histories = store.histories([*keys, "never"])
        assert set(histories) == set(keys)
        assert histories[keys[700]].consecutive_failures == 2
        assert {h.consecutive_failures for k, h in histories.items() if k != keys[700]} == {1}
        clock.now += 10
        store.record_run([(key, "ok", False) for key in keys[:600]])
        assert {store.histories(keys)[key].consecutive_failures for key in keys[:600]} == {0}
        assert store.histories(keys)[keys[600]].last_verdict == "dead"


@pytest.mark.parametrize(
    "content",
    [
        b"# Awesome list\n\n- [a](https://a.dev) - A.\n",
        b"",
        b"this is not a database" * 100,
        b"SQLite format 3\x00" + b"\x00" * 200,
    ],
)
def test_a_file_that_is_not_our_store_is_refused_and_left_alone(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"not a listbot cache|empty file"):
        open_store(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]


def test_another_sqlite_database_and_a_folder_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "app.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE users (name TEXT)")
    db.execute("INSERT INTO users VALUES ('ada')")
    db.commit()
    db.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="SQLite database that is not a listbot cache"):
        open_store(other)
    assert other.read_bytes() == before
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="is a folder"):
        open_store(folder)
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db", "folder"]


def test_new_stores_are_stamped_and_reopened(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "c.sqlite"
    with open_store(path) as store:
        store.put("link", "k", {"v": 1})
        assert store.warnings == []
    assert path.read_bytes()[68:72] == APPLICATION_ID.to_bytes(4, "big")
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".new")] == []
    with open_store(path) as store:
        assert store.get("link", "k", None) == {"v": 1} and store.warnings == []


def test_a_file_store_writes_ahead_and_syncs_normally(tmp_path: Path) -> None:
    """WAL with synchronous NORMAL: readers never wait for a run that writes, and a commit
    does not wait for the disk (a cache may lose its last run to a power cut, not its file)."""
    path = tmp_path / "cache.sqlite"
    with open_store(path) as store:
        store.put("links", "https://a.example", {"ok": True}, ok=True)
        assert store._db.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL
    other = sqlite3.connect(path)
    assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    other.close()


def test_a_store_from_before_the_stamp_is_still_ours(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.execute("INSERT INTO meta VALUES ('schema', '1')")
    db.commit()
    db.close()
    with open_store(path) as store:
        assert store.warnings == []
        store.put("link", "k", {"v": 3})
    assert path.read_bytes()[68:72] == APPLICATION_ID.to_bytes(4, "big")


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:] = b"\xa5" * (len(data) - 100)  # keep the header (ours), wreck the pages
    path.write_bytes(bytes(data))


def test_a_damaged_store_of_ours_is_set_aside_under_a_new_name(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    asides: list[Path] = []
    for run in range(3):
        with open_store(path) as store:
            store.put("link", f"k{run}", {"v": run})
        _damage(path)
        damaged = path.read_bytes()
        with open_store(path) as store:
            assert len(store.warnings) == 1 and "set aside" in store.warnings[0]
            store.put("link", "fresh", {"v": 2})
            assert store.get("link", "fresh", None) == {"v": 2}
        (aside,) = (p for p in tmp_path.glob("c.sqlite.damaged-*") if p not in asides)
        assert aside.read_bytes() == damaged  # kept as it was, never overwritten
        asides.append(aside)
    assert len({p.name for p in asides}) == 3


def test_rows_of_the_wrong_shape_are_dropped_and_the_store_heals(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with open_store(path) as store:
        store.put("link", "good", {"v": 1})
        store.record_run([("u", "dead", True)])
    db = sqlite3.connect(path)
    db.executemany(
        "INSERT OR REPLACE INTO results (kind, key, value, ok, checked_at) VALUES (?,?,?,?,?)",
        [
            ("link", "text-time", '{"v": 1}', 1, "yesterday"),
            ("link", "not-json", "{nope", 1, 1.0),
            ("link", "blob", b"\x00\x01", 1, 1.0),
            ("link", "list", "[1, 2]", 1, 1.0),
        ],
    )
    db.execute("UPDATE history SET consecutive_failures = 'many' WHERE url = 'u'")
    db.commit()
    db.close()
    keys = ["good", "text-time", "not-json", "blob", "list"]
    with open_store(path) as store:
        assert store.get_many("link", keys, None, valid=lambda v: isinstance(v, dict)) == {
            "good": {"v": 1}
        }
        assert store.history("u") is None  # dropped: the run starts the count again
        store.record_run([("u", "dead", True)])
    with open_store(path) as store:
        assert store.get_many("link", keys, None) == {"good": {"v": 1}}
        history = store.history("u")
        assert history is not None and history.consecutive_failures == 1
    db = sqlite3.connect(path)
    assert [row[0] for row in db.execute("SELECT key FROM results")] == ["good"]
    db.close()


def test_unwritable_place_gives_a_memory_store(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with open_store(blocker / "sub" / "c.sqlite") as store:
        assert store.warnings and "continuing without it" in store.warnings[0]
        store.put("link", "k", {"v": 2})
        assert store.get("link", "k", None) == {"v": 2}


def test_readers_refuse_stored_values_they_did_not_write() -> None:
    from listbot.checks.arxiv_plan import is_valid_record, record_from_fields
    from listbot.github.repos import RepoFacts

    record = record_from_fields(
        version=2, title="T", published=None, journal_ref=None, doi=None, comment=None,
        summary=None, fetched=1.0,
    )  # fmt: skip
    assert is_valid_record(record) and is_valid_record({"found": False, "fetched": 1.0})
    for bad in ([], {"found": "yes", "fetched": 1}, {**record, "title": 3},
                {**record, "published": "last year"}, {**record, "version": True}):  # fmt: skip
        assert not is_valid_record(bad), bad
    assert RepoFacts.is_valid_json(RepoFacts(name_with_owner="a/b").to_json())
    for bad_facts in ([1], {"missing": "no"}, {"name_with_owner": ["a"]}, {"pushed_at": 5}):
        assert not RepoFacts.is_valid_json(bad_facts), bad_facts
