"""Reports: one module per output format, each ``render(findings, context) -> str``."""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from listbot.findings import Applicability, Finding

__all__ = ["FORMATS", "ReportContext", "fixable_note", "render", "statistics"]


@dataclass(frozen=True)
class ReportContext:
    """What a report needs besides the findings."""

    files: tuple[str, ...] = ()
    links: tuple[dict[str, Any], ...] = ()
    """Per-URL records from the link check (JSON's ``links`` array)."""
    color: bool = False
    statistics: bool = False
    fixed: int = 0
    """How many fixes ``--fix`` applied (mentioned in the text summary)."""
    quiet: bool = False
    """Findings only: no summary line."""
    extra: dict[str, Any] = field(default_factory=dict)


# Format name -> module in this package with a ``render`` function.
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "rdjson": "rdjson",
    "github": "github",
    "markdown": "markdown",
}

Renderer = Callable[[Sequence[Finding], ReportContext], str]


def render(name: str, findings: Sequence[Finding], context: ReportContext) -> str:
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    renderer: Renderer = module.render
    return renderer(findings, context)


def statistics(findings: Sequence[Finding]) -> list[tuple[str, int, bool]]:
    """``(rule, count, any_fixable)`` per rule, most frequent first (``--statistics``)."""
    counts = Counter(f.rule for f in findings)
    fixable = {f.rule for f in findings if f.fix is not None}
    return sorted(
        ((rule, count, rule in fixable) for rule, count in counts.items()),
        key=lambda row: (-row[1], row[0]),
    )


def fixable_note(findings: Sequence[Finding], command: str = "--fix") -> str:
    """How many findings plain ``--fix`` would fix and how many more need ``--unsafe-fixes``:
    ``"3 fixable with --fix (2 more with --unsafe-fixes)"``, or ``""`` when none."""
    safe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.SAFE)
    unsafe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.UNSAFE)
    if not safe:
        return f"{unsafe} fixable with --unsafe-fixes" if unsafe else ""
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return f"{safe} fixable with {command}{more}"
