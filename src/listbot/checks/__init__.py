"""Network checks: links, arXiv metadata, GitHub repositories. The only ``asyncio.gather``.

Each checker is an async function ``(CheckContext) -> CheckReport`` listed in
:data:`CHECKERS`. They run concurrently, share one :class:`~listbot.store.Store` and one
progress callback, and never print. Their findings go through
:func:`listbot.engine.finalize` like rule findings, so lint comments and allow-lists
apply to them too.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from listbot.config import Config
from listbot.findings import Finding
from listbot.model import Document

if TYPE_CHECKING:
    # Only a type here: `listbot lint` imports this package for the network rules'
    # metadata, and the store's sqlite3 and json cost ~7 ms that an offline run never needs.
    from listbot.store import Store


class Progress(Protocol):
    """``progress(checker_name, done, total, failures)``: called as checks complete.

    ``note`` (given only when there is something to say, e.g. "no network: stopped
    early") is shown on the progress line.
    """

    def __call__(self, name: str, done: int, total: int, failures: int, /, note: str = "") -> None:
        """Called as checks complete."""


@dataclass
class CheckContext:
    """What every checker gets: the documents, what to check, where to keep results."""

    documents: Sequence[Document]
    config: Config
    store: Store
    selected: frozenset[str]
    """Ids of the network rules that are on; a checker skips ids not in it."""
    lines: Mapping[str, frozenset[int]] | None = None
    """Per file, the only lines whose links are checked (PR review); None: all lines."""
    progress: Progress | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    """Run-time overrides from the command line (e.g. ``allow_private``, ``no_cache``)."""

    def wants(self, path: str, line: int) -> bool:
        if self.lines is None:
            return True
        return line in self.lines.get(path, frozenset())


@dataclass(repr=False)
class CheckReport:
    """What a checker found, plus what reports need besides findings."""

    findings: list[Finding] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    """One record per checked URL for the JSON report's ``links`` array."""
    notices: list[str] = field(default_factory=list)
    """One-line messages for stderr, ``"label: detail"`` (e.g. "GitHub checks skipped: no
    token"): the final summary line names each by its label."""
    fatal: str | None = None
    """Set when the run cannot give a meaningful answer (no network): exit 2. Same form."""
    entries: list[Any] = field(default_factory=list)
    """What a review shows per added entry (github-requirements' facts and verdict)."""
    run: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per checker, facts about the run itself (requests, peaks in flight, elapsed time):
    the JSON report's ``run`` object."""

    def __repr__(self) -> str:
        """A summary, not every record: asyncio formats the run's finished task, result
        and all, when it puts the Ctrl-C handler back (30 ms for 10,000 link records)."""
        return (
            f"CheckReport({len(self.findings)} findings, {len(self.links)} links, "
            f"{len(self.notices)} notices, fatal={self.fatal!r})"
        )

    def merge(self, other: CheckReport) -> None:
        self.findings.extend(other.findings)
        self.links.extend(other.links)
        self.notices.extend(other.notices)
        self.entries.extend(other.entries)
        self.run.update(other.run)
        self.fatal = self.fatal or other.fatal


Checker = Callable[[CheckContext], Awaitable[CheckReport]]

# "module:function" of every checker, in report order.
CHECKER_TARGETS: tuple[str, ...] = (
    "listbot.checks.links:check_links",
    "listbot.checks.arxiv:check_arxiv",
    "listbot.checks.github_repos:check_github_repos",
)


def checkers() -> list[Checker]:
    result = []
    for target in CHECKER_TARGETS:
        module_name, _, function = target.partition(":")
        result.append(getattr(importlib.import_module(module_name), function))
    return result


async def run_checks(context: CheckContext) -> CheckReport:
    """Run every checker concurrently and merge their reports.

    A checker that fails with an unexpected error costs its own findings, never the
    others' or the offline ones: the run says so (exit 2) and goes on.
    """
    import asyncio  # here, not at the top: the rule registry imports this package

    report = CheckReport()
    names = [target.rpartition(":")[2] for target in CHECKER_TARGETS]
    results = await asyncio.gather(
        *(checker(context) for checker in checkers()), return_exceptions=True
    )
    for name, result in zip(names, results, strict=True):
        if isinstance(result, CheckReport):
            report.merge(result)
        elif isinstance(result, Exception):
            detail = " ".join(str(result).split())[:200]
            report.fatal = report.fatal or (
                f"{name} failed: {type(result).__name__}: {detail} "
                "(a bug in listbot; please report it with the list)"
            )
        else:  # KeyboardInterrupt, SystemExit, cancellation: not ours to swallow
            raise result
    return report
