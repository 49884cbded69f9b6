"""Small helpers between spans and file lines, shared by the parse modules."""

from __future__ import annotations

from collections.abc import Sequence

from listbot.model import Span

__all__ = ["advance", "slice_source"]


def slice_source(lines: Sequence[str], span: Span) -> str:
    """The file text a span covers, lines joined with ``\\n``."""
    if span.line == span.end_line:
        return (
            lines[span.line - 1][span.column - 1 : span.end_column - 1]
            if span.line <= len(lines)
            else ""
        )
    parts = [lines[span.line - 1][span.column - 1 :]]
    parts.extend(lines[span.line : span.end_line - 1])
    if span.end_line <= len(lines):
        parts.append(lines[span.end_line - 1][: span.end_column - 1])
    return "\n".join(parts)


def advance(line: int, column: int, text: str) -> tuple[int, int]:
    """The position just after ``text`` when it starts at (line, column) in the root text."""
    newlines = text.count("\n")
    if not newlines:
        return line, column + len(text)
    return line + newlines, len(text) - text.rfind("\n")
