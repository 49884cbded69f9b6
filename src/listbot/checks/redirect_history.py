"""How many runs in a row a URL redirected permanently to the same target.

A server can redirect by mistake for a day (a misconfigured proxy, a migration rolled
back), so the scheduled maintenance job writes a redirect's target into a list only
after the URL redirected there in ``[links] report_after`` consecutive runs, as the
link-rot issue waits for failures. The store's history records each fresh verdict's
kind (``last_verdict``); beside it a ``redirect-run`` row per URL keeps the target and
how many consecutive runs led there. A run whose verdict for the URL was anything else
(ok, dead, unverified, another target) breaks the streak; a run that reused a stored
verdict neither extends nor breaks it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from listbot.net.policy import Verdict, VerdictKind, url_key

if TYPE_CHECKING:
    from listbot.store import Store

STORE_KIND = "redirect-run"


@dataclass(frozen=True)
class Streak:
    """The target a URL redirected to in ``runs`` consecutive runs, since ``first_seen``."""

    target: str
    runs: int
    first_seen: float
    last_seen: float

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "runs": self.runs,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }

    @staticmethod
    def is_valid_json(value: Any) -> bool:
        try:
            Streak.from_json(value)
        except (KeyError, TypeError, ValueError, AttributeError):
            return False
        return True

    @classmethod
    def from_json(cls, value: Any) -> Streak:
        target, runs = value["target"], value["runs"]
        if not isinstance(target, str) or isinstance(runs, bool) or not isinstance(runs, int):
            raise ValueError("a streak has a text target and a whole number of runs")
        return cls(target, runs, float(value["first_seen"]), float(value["last_seen"]))


def record_redirects(store: Store, verdicts: Iterable[tuple[str, Verdict]]) -> None:
    """Extend or start the streak of each fresh redirect verdict (by URL key).

    Call it before the run's outcomes go into the history: a streak continues only when
    the URL's previous fresh verdict was a redirect to the same target.
    """
    now = store.clock()
    rows: list[tuple[str, Any, bool]] = []
    for key, verdict in verdicts:
        if verdict.kind is not VerdictKind.REDIRECT or not verdict.final_url:
            continue
        previous = streak(store, key)
        history = store.history(key)
        continued = (
            previous is not None
            and previous.target == verdict.final_url
            and history is not None
            and history.last_verdict == VerdictKind.REDIRECT.value
        )
        if continued and previous is not None:
            current = Streak(verdict.final_url, previous.runs + 1, previous.first_seen, now)
        else:
            current = Streak(verdict.final_url, 1, now, now)
        rows.append((key, current.to_json(), True))
    if rows:
        store.put_many(STORE_KIND, rows)


def streak(store: Store, key: str) -> Streak | None:
    """The stored streak of a URL key (it may be broken: see :func:`current_streak`)."""
    value = store.get(STORE_KIND, key, None, Streak.is_valid_json)
    return Streak.from_json(value) if value is not None else None


def current_streak(store: Store, url: str) -> Streak | None:
    """The URL's redirect streak if its latest fresh verdict was that redirect, else None."""
    key = url_key(url)
    found = streak(store, key)
    history = store.history(key)
    if found is None or history is None or history.last_verdict != VerdictKind.REDIRECT.value:
        return None
    return found


def redirect_due(store: Store, url: str, target: str, report_after: int) -> bool:
    """Whether ``url`` redirected to ``target`` in ``report_after`` consecutive runs."""
    if report_after <= 1:
        return True
    found = current_streak(store, url)
    return found is not None and found.target == target and found.runs >= report_after
