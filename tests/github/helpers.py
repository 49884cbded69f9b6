"""Test helpers: a stand-in linter with predictable findings, and Documents without the parser.

The review is tested with findings that are easy to predict: every line containing
``TODO`` gets one ``no-todo`` error whose message echoes the line (as real rules echo
entry text, which is what makes escaping matter).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from listbot.api import RunResult
from listbot.findings import Edit, Finding, Fix, Severity
from listbot.model import Document, Link, LinkKind, Span
from listbot.source import dominant_newline


def document(text: str, path: str, links: tuple[Link, ...] = ()) -> Document:
    """A Document with text, lines and (given) links only: what the GitHub code reads."""
    return Document(
        path=path,
        text=text,
        lines=tuple(text.splitlines()),
        newline=dominant_newline(text),
        bom=False,
        title=None,
        headings=(),
        sections=(),
        list_items=(),
        entries=(),
        links=links,
        definitions=(),
        html=(),
        comments=(),
        text_blocks=(),
        code_lines=frozenset(),
    )


def todo_findings(doc: Document) -> list[Finding]:
    findings = []
    for number, line in enumerate(doc.lines, start=1):
        column = line.find("TODO") + 1
        if column:
            fix = Fix((Edit.replace_at(number, column, 4, "DONE"),), "Replace TODO")
            findings.append(
                Finding(
                    rule="no-todo",
                    message=f"Unfinished entry: {line.strip()}",
                    span=Span(number, column, number, column + 4),
                    severity=Severity.ERROR,
                    file=doc.path,
                    fix=fix,
                )
            )
    return findings


class TodoLinter:
    """A Linter that records what it was asked to check."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], dict[str, frozenset[int]]]] = []

    def __call__(
        self, documents: Sequence[Document], lines: Mapping[str, frozenset[int]]
    ) -> RunResult:
        self.calls.append(([d.path for d in documents], dict(lines)))
        result = RunResult(documents=list(documents))
        for doc in documents:
            result.findings.extend(todo_findings(doc))
        return result


def inline_links(lines: list[str]) -> tuple[Link, ...]:
    """``[text](url)`` links found with a regex: a stand-in for the parser in these tests."""
    import re

    found = []
    for number, line in enumerate(lines, start=1):
        for match in re.finditer(r"\[([^\]]*)\]\(([^)\s]+)\)", line):
            span = Span(number, match.start() + 1, number, match.end() + 1)
            found.append(
                Link(LinkKind.INLINE, match.group(2), match.group(1), span, raw=match.group(0))
            )
    return tuple(found)
