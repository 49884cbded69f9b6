"""The persistent store: one SQLite file (WAL) under the checks, never around them.

It keeps JSON results by kind and key with the time they were taken (link verdicts,
arXiv metadata, GitHub repository facts), and each URL's failure history, which the
scheduled link-rot job reads to report only links that failed in N consecutive runs.

Never lose a file we did not create: :mod:`listbot.store_file` recognises a store of ours
by its header before SQLite opens anything, refuses any other file at the path
(:class:`StoreError`, exit 2, the file untouched), and creates new stores whole.

A store of ours that is damaged, locked or unwritable never stops a run: a damaged one is
set aside under a new unique name (``cache.sqlite.damaged-20260101-120000``) and a fresh
one started; otherwise listbot carries on in memory. Either way ``store.warnings`` says so.
A row of the wrong shape (a value a later version or a hand edit left) is deleted when
read: the store heals instead of failing every later run.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from listbot.store_file import (
    APPLICATION_ID,
    SCHEMA,
    SCHEMA_VERSION,
    StoreError,
    classify,
    create,
    set_aside,
)

DEFAULT_PATH = ".listbot/cache.sqlite"
T = TypeVar("T")
_CHUNK = 500
_ENCODE = json.JSONEncoder(check_circular=False).encode
"""``json.dumps`` without its per-call set-up (stored results are plain trees, no cycles)."""
_UPSERT_HISTORY = (
    "INSERT OR REPLACE INTO history (url, first_failure, last_failure, "
    "consecutive_failures, last_verdict, last_checked) VALUES (?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class History:
    """A URL's record across runs."""

    url: str
    first_failure: float | None
    last_failure: float | None
    consecutive_failures: int
    last_verdict: str | None
    last_checked: float


class Store:
    """SQLite-backed results and history. Use :func:`open_store` to get one."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: str,
        *,
        clock: Callable[[], float] = time.time,
        warnings: Iterable[str] = (),
    ) -> None:
        self._db = connection
        self.path = path
        self.clock = clock
        self.warnings: list[str] = list(warnings)
        self._damaged = False
        self._open_transactions = 0
        self._file: Path | None = None
        """The store's file when it is on disk (set aside on close if found damaged)."""

    # -- results -------------------------------------------------------------------------

    def get(
        self,
        kind: str,
        key: str,
        max_age: float | None,
        valid: Callable[[Any], bool] | None = None,
    ) -> Any | None:
        """The stored value if it is younger than ``max_age`` seconds (None: any age).

        A row that is not what we wrote (not JSON, a wrong type, or refused by ``valid``)
        is deleted and reads as missing.
        """
        return self.get_many(kind, (key,), max_age, valid).get(key)

    def get_many(
        self,
        kind: str,
        keys: Iterable[str],
        max_age: float | None,
        valid: Callable[[Any], bool] | None = None,
    ) -> dict[str, Any]:
        """Fresh values for many keys at once (missing, stale and bad rows are left out;
        bad rows are deleted, as :meth:`get` does). One query per few hundred keys."""

        def accepted(value: Any) -> Any:
            if valid is not None and not valid(value):
                raise ValueError("refused by the reader")
            return value

        return self.read_many(kind, keys, max_age, accepted)

    def read_many(
        self, kind: str, keys: Iterable[str], max_age: float | None, read: Callable[[Any], T]
    ) -> dict[str, T]:
        """:meth:`get_many`, each value turned into what the caller keeps by ``read``, which
        raises ValueError, TypeError, KeyError or AttributeError for a row it cannot use
        (deleted like any bad row): a reader that checks a row by building its object
        builds it once."""
        wanted = list(dict.fromkeys(keys))
        now = self.clock()
        found: dict[str, T] = {}
        bad: list[tuple[str, str]] = []
        for chunk in _chunks(wanted):
            rows = self._rows(
                "SELECT key, value, checked_at FROM results "
                f"WHERE kind = ? AND key IN ({_marks(chunk)})",
                (kind, *chunk),
            )
            stored = {key: (value, checked_at) for key, value, checked_at in rows}
            for key in chunk:
                if key not in stored:
                    continue
                value, checked_at = stored[key]
                try:
                    if not isinstance(value, str) or not _is_number(checked_at):
                        raise ValueError("wrong column type")
                    kept = read(json.loads(value))
                except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
                    bad.append((kind, key))
                    continue
                if max_age is None or now - checked_at <= max_age:
                    found[key] = kept
        if bad:
            self._drop_many("DELETE FROM results WHERE kind = ? AND key = ?", bad)
        return found

    def put(self, kind: str, key: str, value: Any, *, ok: bool = True) -> None:
        self.put_many(kind, [(key, value, ok)])

    def put_many(self, kind: str, items: Iterable[tuple[str, Any, bool]]) -> None:
        now = self.clock()
        rows = [(kind, key, _ENCODE(value), int(ok), now) for key, value, ok in items]
        self._safe(
            lambda: self._db.executemany(
                "INSERT OR REPLACE INTO results (kind, key, value, ok, checked_at) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )
        )
        self._commit()

    # -- history -------------------------------------------------------------------------

    def record_run(self, outcomes: Iterable[tuple[str, str, bool]]) -> None:
        """Record this run's verdict for each URL: ``(url, verdict, failed)``."""
        outcomes = list(outcomes)
        now = self.clock()
        previous: dict[str, History | None] = dict(self.histories(url for url, _, _ in outcomes))
        rows: list[tuple[str, float | None, float | None, int, str, float]] = []
        for url, verdict, failed in outcomes:
            before = previous.get(url)
            row: tuple[str, float | None, float | None, int, str, float]
            if failed:
                first = before.first_failure if before and before.consecutive_failures else now
                count = (before.consecutive_failures if before else 0) + 1
                row = (url, first, now, count, verdict, now)
            else:
                last = before.last_failure if before else None
                row = (url, None, last, 0, verdict, now)
            rows.append(row)
            previous[url] = History(*row)  # a URL twice in one call counts twice
        self._safe(functools.partial(self._db.executemany, _UPSERT_HISTORY, rows))
        self._commit()

    def history(self, url: str) -> History | None:
        """The URL's record; a row of the wrong shape is deleted and reads as none."""
        return self.histories((url,)).get(url)

    def histories(self, urls: Iterable[str]) -> dict[str, History]:
        """The records of many URLs at once (URLs without one are left out; rows of the
        wrong shape are deleted). One query per few hundred URLs."""
        found: dict[str, History] = {}
        bad: list[tuple[str]] = []
        for chunk in _chunks(list(dict.fromkeys(urls))):
            rows = self._rows(
                "SELECT url, first_failure, last_failure, consecutive_failures, "
                f"last_verdict, last_checked FROM history WHERE url IN ({_marks(chunk)})",
                tuple(chunk),
            )
            for row in rows:
                _, first, last, count, verdict, checked = row
                if (
                    not isinstance(count, int)
                    or isinstance(count, bool)
                    or count < 0
                    or not all(value is None or _is_number(value) for value in (first, last))
                    or not _is_number(checked)
                    or not (verdict is None or isinstance(verdict, str))
                ):
                    bad.append((row[0],))
                    continue
                found[row[0]] = History(*row)
        if bad:
            self._drop_many("DELETE FROM history WHERE url = ?", bad)
        return found

    # -- plumbing ------------------------------------------------------------------------

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        if self._damaged and self._file is not None:
            self._damaged = False
            with contextlib.suppress(OSError):
                aside = set_aside(self._file)
                self.warnings.append(
                    f"cache damaged: {self._file} was set aside as {aside}; "
                    "the next run starts a fresh one"
                )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Writes inside are committed once, when the outermost transaction ends, or rolled
        back if it ends with an exception (a commit per batch of a run's 10,000 verdicts
        and their history was a seventh of storing them)."""
        self._open_transactions += 1
        try:
            yield
        except BaseException:
            self._open_transactions -= 1
            if not self._open_transactions:
                self._safe(self._db.rollback)
            raise
        self._open_transactions -= 1
        self._commit()

    def _commit(self) -> None:
        if not self._open_transactions:
            self._safe(self._db.commit)

    def _rows(self, query: str, parameters: tuple[Any, ...]) -> list[Any]:
        """Every row ``query`` selects (none when the database fails: see :meth:`_safe`)."""
        return self._safe(lambda: self._db.execute(query, parameters).fetchall()) or []

    def _drop_many(self, query: str, parameters: Sequence[tuple[str, ...]]) -> None:
        self._safe(lambda: self._db.executemany(query, parameters))
        self._commit()

    def _safe(self, action: Callable[[], Any]) -> Any:
        """Run a query; on a database error warn once and go on in memory.

        Corruption found during the run marks the file to be set aside on close.
        """
        try:
            return action()
        except sqlite3.Error as error:
            if _is_corruption(error):
                self._damaged = True
            self.warnings.append(
                f"cache unusable: {self.path} ({error}); continuing without it for this run"
            )
            self._db.close()
            self._db = _memory()
            return None


def _chunks(keys: list[str], size: int = _CHUNK) -> Iterator[list[str]]:
    """``keys`` in slices small enough for one ``IN (...)`` (SQLite allows 999 at least)."""
    for start in range(0, len(keys), size):
        yield keys[start : start + size]


def _marks(chunk: list[str]) -> str:
    """The ``?, ?, ...`` of an ``IN (...)`` over ``chunk``."""
    return ",".join("?" * len(chunk))


def _memory() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.executescript(SCHEMA)
    return db


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def _is_corruption(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return isinstance(error, sqlite3.DatabaseError) and any(
        words in text for words in ("malformed", "not a database", "corrupt", "disk image")
    )


def _connect(path: Path) -> sqlite3.Connection:
    """Open a store of ours; raise sqlite3.DatabaseError if it is damaged."""
    db = sqlite3.connect(path, timeout=2.0, check_same_thread=False)
    try:
        # NORMAL first: switching a new file to WAL under the default FULL syncs it to disk
        # several times more (5 ms of a first run; the journal mode persists, not this).
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA journal_mode=WAL")
        check = db.execute("PRAGMA quick_check(1)").fetchone()
        if not check or check[0] != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed ({check})")
        db.executescript(SCHEMA)
        version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if version is None:
            db.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif version[0] != str(SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"schema version {version[0]}, expected {SCHEMA_VERSION}")
        if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # an older store of ours
        db.commit()
    except BaseException:
        db.close()
        raise
    return db


def open_store(
    path: str | os.PathLike[str] | None, *, clock: Callable[[], float] = time.time
) -> Store:
    """Open (or create) the store at ``path``; ``None`` gives an in-memory store.

    Raises :class:`StoreError` when ``path`` exists and is not a listbot store (nothing is
    changed). A damaged store of ours is set aside under a new unique name and replaced;
    a locked or unwritable one gives an in-memory store. ``store.warnings`` says which.
    """
    if path is None:
        return Store(_memory(), ":memory:", clock=clock)
    file = Path(path)
    warnings: list[str] = []
    try:
        kind = classify(file)
    except OSError as error:
        warnings.append(
            f"cache unreadable: {file} ({error.strerror or error}); continuing without it"
        )
        return Store(_memory(), str(file), clock=clock, warnings=warnings)
    if kind not in ("missing", "ours"):
        raise StoreError(
            f"{file}: the cache path {kind}; listbot only keeps its results in a file of its "
            "own: choose another path (--cache or [links] cache_path) or remove it"
        )
    try:
        if kind == "missing":
            if not file.parent.is_dir():
                file.parent.mkdir(parents=True, exist_ok=True)
                # A folder made for the store keeps itself out of git (as ruff's and pytest's do).
                with contextlib.suppress(OSError):
                    (file.parent / ".gitignore").write_text("# Created by listbot.\n*\n")
            create(file)
            if classify(file) != "ours":  # something else took the path meanwhile
                raise StoreError(f"{file}: the cache path was taken by another file; try again")
        return _opened(file, clock, warnings)
    except sqlite3.DatabaseError as error:
        if "locked" in str(error).lower():
            warnings.append(f"cache locked: {file} is in use by another run; using a fresh one")
            return Store(_memory(), str(file), clock=clock, warnings=warnings)
        try:
            aside = set_aside(file)
            warnings.append(
                f"cache damaged: {file} ({error}) was set aside as {aside}; starting fresh"
            )
            create(file)
            return _opened(file, clock, warnings)
        except (OSError, sqlite3.Error) as second:
            warnings.append(f"cache unusable: {file} ({second}); continuing without it")
            return Store(_memory(), str(file), clock=clock, warnings=warnings)
    except OSError as error:
        warnings.append(
            f"cache not created: {file} ({error.strerror or error}); continuing without it"
        )
        return Store(_memory(), str(file), clock=clock, warnings=warnings)


def _opened(file: Path, clock: Callable[[], float], warnings: list[str]) -> Store:
    store = Store(_connect(file), str(file), clock=clock, warnings=warnings)
    store._file = file
    return store
