"""Masks over one source line, so that prose rules see prose and not markup.

:func:`mask_markup` returns the line with inline code, link destinations, HTML tags,
autolinks and bare URLs blanked out (replaced by spaces, so columns do not move): a
regex run over the result finds `!!` in a sentence but not in ``code`` or in a URL.
:func:`mask_math` also blanks ``$...$`` and ``$$...$$`` (GitHub renders it as math).
:func:`prose_lines` yields the lines that are not inside code blocks.

All pure string functions; each call is linear in the length of the line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from listbot.model import Document, ListItem

__all__ = [
    "code_span_ranges",
    "has_indented_follower",
    "mask_markup",
    "mask_math",
    "mask_ranges",
    "most_common_bullet",
    "prose_lines",
]

_BACKTICKS = re.compile(r"`+")
_HTML_TAG = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>|<[^<>\s@]+@[^<>\s@]+>")
_BARE_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>]*", re.IGNORECASE)
_DEFINITION = re.compile(r"^(\s{0,3}(?:>\s*)*\[[^\]]+\]:)(.*)$")
_MATH = re.compile(r"\$\$.+?\$\$|(?<![\\$])\$(?=\S)[^$]*?(?<=\S)\$(?!\d)")


def code_span_ranges(line: str) -> list[tuple[int, int]]:
    """0-based ``[start, end)`` ranges of inline code spans (backtick runs included)."""
    ranges: list[tuple[int, int]] = []
    runs = list(_BACKTICKS.finditer(line))
    index = 0
    while index < len(runs):
        opener = runs[index]
        if opener.start() > 0 and line[opener.start() - 1] == "\\":
            index += 1
            continue
        width = len(opener.group())
        closer = next(
            (j for j in range(index + 1, len(runs)) if len(runs[j].group()) == width), None
        )
        if closer is None:
            index += 1
            continue
        ranges.append((opener.start(), runs[closer].end()))
        index = closer + 1
    return ranges


def mask_ranges(line: str, ranges: list[tuple[int, int]]) -> str:
    """``line`` with each ``[start, end)`` range replaced by spaces."""
    if not ranges:
        return line
    chars = list(line)
    for start, end in ranges:
        for position in range(max(start, 0), min(end, len(chars))):
            chars[position] = " "
    return "".join(chars)


def _destination_ranges(line: str) -> list[tuple[int, int]]:
    """``(url "title")`` parts of inline links and images, parentheses included."""
    ranges: list[tuple[int, int]] = []
    start = line.find("](")
    while start != -1:
        depth = 0
        position = start + 1
        end = -1
        while position < len(line):
            char = line[position]
            if char == "\\":
                position += 2
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    end = position + 1
                    break
            position += 1
        if end == -1:
            end = len(line)
        ranges.append((start + 1, end))
        start = line.find("](", end)
    return ranges


def mask_markup(line: str) -> str:
    """The line with code spans, link destinations, HTML tags, autolinks and URLs blanked."""
    ranges = code_span_ranges(line)
    masked = mask_ranges(line, ranges)
    definition = _DEFINITION.match(masked)
    if definition:
        masked = masked[: definition.end(1)] + " " * len(definition.group(2))
    ranges = _destination_ranges(masked)
    masked = mask_ranges(masked, ranges)
    for pattern in (_HTML_TAG, _AUTOLINK, _BARE_URL):
        masked = pattern.sub(lambda match: " " * len(match.group()), masked)
    return masked


def mask_math(line: str) -> str:
    """The line with ``$...$`` and ``$$...$$`` math blanked (apply to a masked line)."""
    return _MATH.sub(lambda match: " " * len(match.group()), line)


def prose_lines(doc: Document) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` for every line outside fenced and indented code blocks."""
    code = doc.code_lines
    for number, text in enumerate(doc.lines, start=1):
        if number not in code:
            yield number, text


def has_indented_follower(doc: Document, item: ListItem) -> bool:
    """Whether the next non-blank line after ``item`` is indented past its marker.

    Such a line is a continuation or a child of the item, and its meaning depends on the
    item's content column: fixes that move that column are unsafe when this is true.
    """
    line = item.line + 1
    while line <= len(doc.lines) and not doc.line_text(line).strip():
        line += 1
    if line > len(doc.lines):
        return False
    text = doc.line_text(line)
    indent = len(text) - len(text.lstrip(" \t>"))
    return indent > item.column - 1


def most_common_bullet(items: Iterable[ListItem]) -> str | None:
    """The bullet (`-`, `*`, `+`) or delimiter (`.`, `)`) most ``items`` use, the first in
    the file on a tie: a file's `consistent` style, of which a stray item is the slip."""
    counts = Counter(item.bullet for item in items)  # keeps the order of first use
    return max(counts, key=counts.__getitem__) if counts else None
