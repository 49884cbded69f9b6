"""Findings and the edits that fix them: the values every rule, check and report share."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from listbot.model import Span


class Severity(str, Enum):
    """How much a finding matters. Only ``error`` makes ``listbot lint`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(
                f"unknown severity {value!r}: use one of error, warning, info"
            ) from None


class Applicability(str, Enum):
    """Whether ``--fix`` applies a fix by itself (safe) or only with ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace the text in ``span`` (end exclusive) with ``text``. An empty span inserts."""

    span: Span
    text: str

    @classmethod
    def replace_at(cls, line: int, column: int, old_length: int, text: str) -> Edit:
        return cls(Span(line, column, line, column + old_length), text)

    @classmethod
    def insert(cls, line: int, column: int, text: str) -> Edit:
        return cls(Span(line, column, line, column), text)


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits that must be applied together, and whether that is safe."""

    edits: tuple[Edit, ...]
    title: str
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding, e.g. the first occurrence of a duplicate."""

    line: int
    column: int
    message: str = ""
    file: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place. Rules leave ``file`` empty; the engine fills it in."""

    rule: str
    message: str
    span: Span
    severity: Severity = Severity.ERROR
    file: str = ""
    url: str | None = None
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    """Machine-readable facts for reports and fixes (e.g. ``final_url``, ``first_line``)."""

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def end_line(self) -> int:
        return self.span.end_line

    @property
    def end_column(self) -> int:
        return self.span.end_column

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.span.line, self.span.column, self.rule, self.message)

    def with_(self, **changes: Any) -> Finding:
        return replace(self, **changes)


def summarize(findings: list[Finding]) -> dict[str, int]:
    """Counts by severity, in the shape the JSON report uses."""
    counts = {"errors": 0, "warnings": 0, "infos": 0}
    for finding in findings:
        counts[finding.severity.value + "s"] += 1
    return counts
