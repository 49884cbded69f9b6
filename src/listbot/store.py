"""The persistent store: one SQLite file (WAL) under the checks, never around them.

It keeps JSON results by kind and key with the time they were taken (link verdicts,
arXiv metadata, GitHub repository facts), and each URL's failure history, which the
scheduled link-rot job reads to report only links that failed in N consecutive runs.

A store that is corrupt, locked or unwritable never stops a run: listbot warns once and
carries on with a fresh file (the bad one is moved aside) or, failing that, in memory.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_PATH = ".listbot/cache.sqlite"
SCHEMA_VERSION = 1

_UPSERT_HISTORY = (
    "INSERT OR REPLACE INTO history (url, first_failure, last_failure, "
    "consecutive_failures, last_verdict, last_checked) VALUES (?, ?, ?, ?, ?, ?)"
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    ok INTEGER NOT NULL,
    checked_at REAL NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE TABLE IF NOT EXISTS history (
    url TEXT PRIMARY KEY,
    first_failure REAL,
    last_failure REAL,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_verdict TEXT,
    last_checked REAL NOT NULL
);
"""


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

    # -- results -------------------------------------------------------------------------

    def get(self, kind: str, key: str, max_age: float | None) -> Any | None:
        """The stored value if it is younger than ``max_age`` seconds (None: any age)."""
        row = self._safe(
            lambda: self._db.execute(
                "SELECT value, checked_at FROM results WHERE kind = ? AND key = ?", (kind, key)
            ).fetchone()
        )
        if not row:
            return None
        value, checked_at = row
        if max_age is not None and self.clock() - checked_at > max_age:
            return None
        try:
            return json.loads(value)
        except ValueError:
            return None

    def get_many(self, kind: str, keys: Iterable[str], max_age: float | None) -> dict[str, Any]:
        """Fresh values for many keys at once (missing and stale keys are left out)."""
        found: dict[str, Any] = {}
        for key in keys:
            value = self.get(kind, key, max_age)
            if value is not None:
                found[key] = value
        return found

    def put(self, kind: str, key: str, value: Any, *, ok: bool = True) -> None:
        self.put_many(kind, [(key, value, ok)])

    def put_many(self, kind: str, items: Iterable[tuple[str, Any, bool]]) -> None:
        now = self.clock()
        rows = [(kind, key, json.dumps(value), int(ok), now) for key, value, ok in items]
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
        now = self.clock()
        for url, verdict, failed in outcomes:
            previous = self.history(url)
            row: tuple[str, float | None, float | None, int, str, float]
            if failed:
                first = (
                    previous.first_failure if previous and previous.consecutive_failures else now
                )
                count = (previous.consecutive_failures if previous else 0) + 1
                row = (url, first, now, count, verdict, now)
            else:
                last = previous.last_failure if previous else None
                row = (url, None, last, 0, verdict, now)
            self._safe(functools.partial(self._db.execute, _UPSERT_HISTORY, row))
        self._commit()

    def history(self, url: str) -> History | None:
        row = self._safe(
            lambda: self._db.execute(
                "SELECT url, first_failure, last_failure, consecutive_failures, last_verdict, "
                "last_checked FROM history WHERE url = ?",
                (url,),
            ).fetchone()
        )
        return History(*row) if row else None

    # -- plumbing ------------------------------------------------------------------------

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _commit(self) -> None:
        self._safe(self._db.commit)

    def _safe(self, action: Callable[[], Any]) -> Any:
        """Run a query; on a database error warn once and go on in memory."""
        try:
            return action()
        except sqlite3.Error as error:
            self.warnings.append(
                f"{self.path}: cache unusable ({error}); continuing without it for this run"
            )
            self._db = _memory()
            return None


def _memory() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.executescript(_SCHEMA)
    return db


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=2.0, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(_SCHEMA)
    version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if version is None:
        db.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        db.commit()
    elif version[0] != str(SCHEMA_VERSION):
        raise sqlite3.DatabaseError(f"schema version {version[0]}, expected {SCHEMA_VERSION}")
    return db


def open_store(
    path: str | os.PathLike[str] | None, *, clock: Callable[[], float] = time.time
) -> Store:
    """Open (or create) the store at ``path``; ``None`` gives an in-memory store.

    A corrupt file is moved aside to ``<name>.corrupt`` and replaced; a locked or
    unwritable one gives an in-memory store. Either way ``store.warnings`` says so.
    """
    if path is None:
        return Store(_memory(), ":memory:", clock=clock)
    file = Path(path)
    warnings: list[str] = []
    try:
        if not file.parent.is_dir():
            file.parent.mkdir(parents=True, exist_ok=True)
            # A folder made for the store keeps itself out of git (as ruff's and pytest's do).
            with contextlib.suppress(OSError):
                (file.parent / ".gitignore").write_text("# Created by listbot.\n*\n")
        return Store(_connect(file), str(file), clock=clock)
    except sqlite3.DatabaseError as error:
        if "locked" in str(error).lower():
            warnings.append(f"{file}: cache is locked by another run ({error}); using a fresh one")
            return Store(_memory(), str(file), clock=clock, warnings=warnings)
        try:
            aside = file.with_name(file.name + ".corrupt")
            os.replace(file, aside)
            for suffix in ("-wal", "-shm"):
                Path(str(file) + suffix).unlink(missing_ok=True)
            warnings.append(
                f"{file}: cache was corrupt ({error}); moved to {aside}, starting fresh"
            )
            return Store(_connect(file), str(file), clock=clock, warnings=warnings)
        except (OSError, sqlite3.Error) as second:
            warnings.append(f"{file}: cache unusable ({second}); continuing without it")
            return Store(_memory(), str(file), clock=clock, warnings=warnings)
    except OSError as error:
        warnings.append(
            f"{file}: cannot create the cache ({error.strerror or error}); continuing without it"
        )
        return Store(_memory(), str(file), clock=clock, warnings=warnings)
