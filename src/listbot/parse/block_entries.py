"""Entries outside lists: paper lists written as paragraphs or as table rows.

Some lists give each entry a paragraph instead of a list item::

    **Argmax Flows and Multinomial Diffusion** \\
    *Emiel Hoogeboom, Didrik Nielsen* \\
    NeurIPS 2021. [[Paper](https://arxiv.org/abs/2102.05379)] \\

or a table row (``| [**Title**](https://arxiv.org/pdf/…) | arXiv | 2023-09-07 | - |``).
Entries are whatever the list uses, so these are built here, beside the list-item
entries of :mod:`listbot.parse.entries` (which this module does not change), as
:class:`~listbot.model.Entry` values whose ``kind`` is ``paragraph`` or ``table_row``.
Their ``item`` is a stand-in :class:`~listbot.model.ListItem` covering the block (empty
marker, ``list_index`` -1). They are kept apart in ``Document.block_entries``: rules about
list items never see them, while rules about what a list recommends (duplicates) read
``Document.every_entry``.

- A paragraph outside any list item and block quote is an entry when it is written like
  a paper entry: it opens with a bold or quoted title, followed by its year and links
  (:func:`~listbot.parse.entries.paper_fields`). Other paragraphs with links (an
  introduction with a bold word, a footer, a call-out) recommend nothing.
- A table row is an entry when it has a non-image link; the header row is not. Its main
  link is its first non-image link.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from listbot.model import Entry, Heading, Link, ListItem, Paper, Span, TextBlock
from listbot.parse.entries import paper_fields

__all__ = ["build_block_entries"]

_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def build_block_entries(
    text_blocks: Sequence[TextBlock],
    links: Sequence[Link],
    items: Sequence[ListItem],
    headings: Sequence[Heading],
    lines: Sequence[str],
) -> tuple[Entry, ...]:
    """Paragraph and table-row entries, in file order."""
    if not links:
        return ()
    starts = [(link.span.line, link.span.column) for link in links]
    inside_items = _item_lines(items)
    sections = _Sections(headings)
    found: list[Entry] = []
    rows: dict[int, list[TextBlock]] = {}
    for block in text_blocks:
        if block.kind == "table_cell":
            rows.setdefault(block.span.line, []).append(block)
        elif block.kind == "paragraph" and block.span.line not in inside_items:
            entry = _paragraph(block, links, starts, lines, sections)
            if entry is not None:
                found.append(entry)
    for line, cells in rows.items():
        entry = _row(line, cells, links, starts, lines, sections)
        if entry is not None:
            found.append(entry)
    found.sort(key=lambda entry: entry.span)
    return tuple(found)


def _item_lines(items: Sequence[ListItem]) -> set[int]:
    lines: set[int] = set()
    for item in items:
        lines.update(range(item.span.line, item.span.end_line + 1))
    return lines


class _Sections:
    """Heading paths by line (the document's are built later, on the Document)."""

    def __init__(self, headings: Sequence[Heading]) -> None:
        self.lines: list[int] = []
        self.paths: list[tuple[str, ...]] = []
        stack: list[tuple[int, str]] = []
        for heading in headings:
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            stack.append((heading.level, heading.text))
            self.lines.append(heading.line)
            self.paths.append(tuple(text for _, text in stack))

    def at(self, line: int) -> tuple[str, ...]:
        index = bisect_right(self.lines, line) - 1
        return self.paths[index] if index >= 0 else ()


def _links_in(span: Span, links: Sequence[Link], starts: list[tuple[int, int]]) -> tuple[Link, ...]:
    low = bisect_left(starts, (span.line, span.column))
    high = bisect_left(starts, (span.end_line, span.end_column))
    return tuple(links[low:high])


def _stand_in(span: Span, lines: Sequence[str], section: tuple[str, ...]) -> ListItem:
    first = lines[span.line - 1] if span.line <= len(lines) else ""
    return ListItem(
        span=span,
        marker="",
        ordered=False,
        number=None,
        indent=span.column - 1,
        content_gap=0,
        depth=0,
        list_index=-1,
        loose=False,
        first_line=first,
        section=section,
    )


def _raw(span: Span, lines: Sequence[str]) -> str:
    return "\n".join(lines[span.line - 1 : span.end_line])


def _paragraph(
    block: TextBlock,
    links: Sequence[Link],
    starts: list[tuple[int, int]],
    lines: Sequence[str],
    sections: _Sections,
) -> Entry | None:
    span = block.span
    raw = _raw(span, lines)
    if not ("**" in raw or "__" in raw or '"' in raw or "“" in raw):
        return None  # no bold or quoted title: not a paper entry (most paragraphs stop here)
    if raw.lstrip().startswith(">"):
        return None  # a quotation or a callout, not an entry
    own = _links_in(span, links, starts)
    main = next((link for link in own if not link.is_image), None)
    if main is None:
        return None
    paper = paper_fields(span, own, main, lines)
    if paper is None or not paper.title or paper.title_span is None or paper.year is None:
        return None  # a paper entry carries its year; bold prose with a link does not
    title = paper.title_span
    lead = lines[title.line - 1][: title.column - 1] if title.line == span.line else "x"
    if any(char.isalnum() for char in lead[span.column - 1 :]):
        return None  # a paper paragraph opens with its title; bold inside prose is emphasis
    return _entry("paragraph", span, own, main, lines, sections, paper)


def _row(
    line: int,
    cells: list[TextBlock],
    links: Sequence[Link],
    starts: list[tuple[int, int]],
    lines: Sequence[str],
    sections: _Sections,
) -> Entry | None:
    if line < len(lines) and _DELIMITER_ROW.match(lines[line]):
        return None  # the header row
    span = Span(line, cells[0].span.column, line, cells[-1].span.end_column)
    own = tuple(link for link in _links_in(span, links, starts) if link.in_table)
    main = next((link for link in own if not link.is_image), None)
    if main is None:
        return None
    return _entry("table_row", span, own, main, lines, sections)


def _entry(
    kind: str,
    span: Span,
    links: tuple[Link, ...],
    main: Link,
    lines: Sequence[str],
    sections: _Sections,
    paper: Paper | None = None,
) -> Entry:
    section = sections.at(span.line)
    return Entry(
        item=_stand_in(span, lines, section),
        section=section,
        raw=_raw(span, lines),
        main_link=main,
        separator="",
        description_raw="",
        description="",
        description_span=None,
        links=links,
        paper=paper,
        kind=kind,
    )
