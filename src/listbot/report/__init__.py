"""Reports: one module per output format, each ``render(findings, context) -> str``."""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from listbot.findings import Applicability, Finding

__all__ = [
    "FORMATS",
    "ReportContext",
    "fixable_note",
    "notice_label",
    "render",
    "statistics",
    "summary_notes",
]


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
    notices: tuple[str, ...] = ()
    """One-line ``"label: detail"`` messages of the run (arXiv skipped, cache set aside)."""
    fatal: str | None = None
    """Why the run could not give a meaningful answer (exit 2), e.g. "no network: ..."."""
    input_errors: int = 0
    """Files that could not be read (exit 2)."""
    run: dict[str, Any] = field(default_factory=dict)
    """Per network checker, facts about the run itself (JSON's ``run`` object)."""


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


def notice_label(message: str) -> str:
    """The few words before the first ``": "`` of a notice ("no network", "arXiv skipped")."""
    label, colon, _ = message.partition(": ")
    return label if colon and len(label) <= 60 else message[:60]


def summary_notes(context: ReportContext) -> list[str]:
    """What the final summary line must mention besides counts: why exit is 2, the links
    that could not be verified or checked, and each notice by its label."""
    notes: list[str] = []
    if context.fatal:
        notes.append(f"{notice_label(context.fatal)} (exit 2)")
    if context.input_errors:
        files = "file" if context.input_errors == 1 else "files"
        notes.append(f"{context.input_errors} {files} could not be read (exit 2)")
    verdicts = Counter(
        "not checked" if str(r.get("reason", "")).startswith("not checked") else r.get("verdict")
        for r in context.links
    )
    for kind in ("unverified", "not checked"):
        if verdicts[kind]:
            notes.append(f"{verdicts[kind]} link{'' if verdicts[kind] == 1 else 's'} {kind}")
    notes.extend(dict.fromkeys(notice_label(message) for message in context.notices))
    return notes


def fixable_note(findings: Sequence[Finding], command: str = "--fix") -> str:
    """How many findings plain ``--fix`` would fix and how many more need ``--unsafe-fixes``:
    ``"3 fixable with --fix (2 more with --unsafe-fixes)"``, or ``""`` when none."""
    safe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.SAFE)
    unsafe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.UNSAFE)
    if not safe:
        return f"{unsafe} fixable with --unsafe-fixes" if unsafe else ""
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return f"{safe} fixable with {command}{more}"
