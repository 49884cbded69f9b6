"""What a rule is: one module, one :class:`Rule` value named ``RULE``.

A rule module holds everything about one rule: its docstring is its documentation
(ruff's headings: *What it does*, *Why is this bad?*, *Example*, *Use instead*, and
optionally *Fix safety* and *Options*), an ``Options`` dataclass with every option
and its default, and a pure ``check(doc, options)`` that yields findings. A fixable
finding carries its :class:`~listbot.findings.Fix`; the fix engine applies it.

Rules never read files, the clock, the network or the environment, and never print.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from typing import Any

from listbot.findings import Applicability, Finding, Fix, Related, Severity
from listbot.model import Document, Span


class FixAvailability(str, Enum):
    """ruff's three levels: every finding has a fix, some do, or none do."""

    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


@dataclass(frozen=True)
class NoOptions:
    """For rules that take no options."""


CheckFunction = Callable[[Document, Any], Iterable[Finding]]


def network_only(doc: Document, options: Any) -> Iterable[Finding]:
    """The ``check`` of a network rule: nothing offline (:mod:`listbot.checks` finds them)."""
    return ()


ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    """A rule's metadata and its check: the single source for CLI, docs, config and SARIF."""

    id: str
    summary: str
    """One sentence, used word for word by ``listbot rules``, the README and SARIF."""
    check: CheckFunction
    severity: Severity = Severity.ERROR
    tags: tuple[str, ...] = ()
    fix: FixAvailability = FixAvailability.NEVER
    enabled: bool = True
    """Whether the rule runs when the configuration does not select it explicitly."""
    options: type = NoOptions
    doc: str = ""
    """The module docstring: the rule's long documentation."""
    aliases: tuple[str, ...] = ()
    """Other names that select this rule, e.g. awesome-lint's ``awesome-list-item``."""
    network: bool = False
    """Network checks are documented and configured like rules but run in ``listbot.checks``."""
    extra_ids: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not ID_PATTERN.match(self.id):
            raise ValueError(f"rule id {self.id!r} is not kebab-case")
        if not is_dataclass(self.options):
            raise TypeError(f"{self.id}: options must be a dataclass")

    @property
    def default_options(self) -> Any:
        return self.options()

    @property
    def option_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self.options))

    def finding(
        self,
        span: Span,
        message: str,
        *,
        url: str | None = None,
        related: Iterable[Related] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
        **data: Any,
    ) -> Finding:
        """A finding of this rule at ``span`` with the rule's default severity."""
        return Finding(
            rule=self.id,
            message=message,
            span=span,
            severity=severity or self.severity,
            url=url,
            related=tuple(related),
            fix=fix,
            data=data,
        )

    def convention(
        self, found: Sequence[Finding], message: str, fix_title: str, convention: str
    ) -> Finding:
        """One warning, at the first of ``found``, for a style most of the file follows:
        its one fix carries every edit and is unsafe, since the style was chosen."""
        edits = tuple(edit for finding in found if finding.fix for edit in finding.fix.edits)
        return self.finding(
            found[0].span,
            message,
            fix=Fix(edits, fix_title, Applicability.UNSAFE) if edits else None,
            severity=Severity.WARNING,
            convention=convention,
            count=len(found),
        )


def line_span(doc: Document, line: int, column: int = 1, end_column: int | None = None) -> Span:
    """A span on ``line`` from ``column`` to ``end_column`` (default: end of line)."""
    text = doc.line_text(line)
    end = len(text) + 1 if end_column is None else end_column
    return Span(line, column, line, max(end, column))
