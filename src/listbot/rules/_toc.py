"""Finding a list's table of contents, and writing a new one from the headings.

A table of contents is the list under a heading such as "Contents", "Table of Contents",
"Catalog" or "目录", or, when no heading names it, the first list whose items all link to
``#anchors``. Items are matched to headings by anchor (GitHub's slugs, :attr:`Heading.slug`),
not by position, so a TOC that includes the title or itself still makes sense.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

from listbot.model import Document, Entry, Heading, Link, ListItem

TOC_NAMES = frozenset(
    {
        "contents",
        "content",
        "table of contents",
        "table of content",
        "toc",
        "catalog",
        "catalogue",
        "categories",
        "index",
        "outline",
        "navigation",
        "目录",
        "目錄",
        "目次",
        "もくじ",
        "목차",
        "contenido",
        "índice",
        "indice",
        "sommaire",
        "inhalt",
        "inhaltsverzeichnis",
        "содержание",
        "conteúdo",
    }
)
"""Heading texts (letters only, case-folded) that name a table of contents."""

STRICT_NAMES = frozenset({"contents", "table of contents", "table of content", "toc", "目录"})
"""Names that promise a TOC: a missing list under them is reported."""

_HTML_ID = re.compile(r"\b(?:id|name)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
_SIMPLE_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])( +)\[([^\[\]`*_<>]+)\]\(#[^()\s]*\)\s*$")


def heading_name(text: str) -> str:
    """Letters, digits and single spaces, case-folded (``📖 Contents:`` → ``contents``)."""
    kept = "".join(
        ch if unicodedata.category(ch)[0] in "LN" or ch.isspace() else " " for ch in text
    )
    return " ".join(kept.split()).casefold()


@dataclass(frozen=True)
class TocItem:
    item: ListItem
    link: Link | None
    level: int
    """Nesting inside the TOC: 0 for its top-level items."""

    @property
    def anchor(self) -> str | None:
        if self.link is None or not self.link.url.startswith("#"):
            return None
        return unquote(self.link.url[1:])


@dataclass(frozen=True)
class Toc:
    heading: Heading | None
    items: tuple[TocItem, ...]
    first_line: int
    last_line: int
    """Lines the TOC's items occupy (children included)."""
    end_line: int
    """The line before the next heading: what counts as "after the TOC" starts here."""


def _first_link(entry: Entry | None) -> Link | None:
    if entry is None:
        return None
    return next((link for link in entry.links if not link.is_image), None)


def _next_heading_line(doc: Document, line: int) -> int:
    return next((h.line for h in doc.headings if h.line > line), len(doc.lines) + 1)


def _collect(doc: Document, items: list[ListItem], heading: Heading | None, end: int) -> Toc:
    by_line = {entry.item.span: entry for entry in doc.all_entries}
    base = min(item.depth for item in items)
    toc_items = tuple(
        TocItem(item, _first_link(by_line.get(item.span)), item.depth - base) for item in items
    )
    last = max(item.span.end_line for item in items)
    return Toc(heading, toc_items, items[0].line, last, end)


def find_toc(doc: Document) -> Toc | None:
    """The table of contents, or None when the list has none."""
    for heading in doc.headings:
        if heading_name(heading.text) not in TOC_NAMES:
            continue
        end = _next_heading_line(doc, heading.line)
        items = [item for item in doc.list_items if heading.line < item.line < end]
        if items:
            toc = _collect(doc, items, heading, end)
            if any(entry.anchor is not None for entry in toc.items):
                return toc
        elif heading_name(heading.text) in STRICT_NAMES:
            return Toc(heading, (), heading.line, heading.line, end)
    return _headingless(doc)


def _headingless(doc: Document) -> Toc | None:
    """The first list whose top-level items all link to ``#anchors`` (at least two of them)."""
    anchors: dict[int, list[bool]] = {}
    entries = {entry.item.span: entry for entry in doc.all_entries}
    for item in doc.list_items:
        if item.depth == 0:
            link = _first_link(entries.get(item.span))
            anchors.setdefault(item.list_index, []).append(
                link is not None and link.url.startswith("#") and len(link.url) > 1
            )
    chosen = next((key for key, flags in anchors.items() if len(flags) >= 2 and all(flags)), None)
    if chosen is None:
        return None
    items: list[ListItem] = []
    for item in doc.list_items:
        if item.depth == 0 and item.list_index != chosen and items:
            break
        if item.list_index == chosen or (items and item.depth > 0):
            items.append(item)
    end = _next_heading_line(doc, items[-1].line)
    return _collect(doc, items, None, end)


def html_anchors(doc: Document) -> frozenset[str]:
    """``id`` and ``name`` attributes in the file's HTML: anchors that are not headings."""
    return frozenset(match.group(1) for block in doc.html for match in _HTML_ID.finditer(block.raw))


def is_simple(doc: Document, toc: Toc) -> bool:
    """Every line of the TOC is one `- [Text](#anchor)` item: regenerating it loses nothing."""
    if not toc.items:
        return False
    item_lines = {entry.item.line for entry in toc.items}
    for line in range(toc.first_line, toc.last_line + 1):
        if line not in item_lines or not _SIMPLE_ITEM.match(doc.line_text(line)):
            return False
    return True


def render(doc: Document, toc: Toc, headings: list[tuple[int, str, str]]) -> list[str]:
    """TOC lines for ``(level, text, anchor)`` in document order, in the existing TOC's style."""
    first = toc.items[0].item if toc.items else None
    marker = first.marker if first is not None else "-"
    gap = " " * (first.content_gap if first is not None and first.content_gap else 1)
    indent = _indent_unit(toc, len(marker) + len(gap))
    margin = " " * (first.indent if first is not None else 0)
    lines: list[str] = []
    stack: list[int] = []
    counters: list[int] = []
    for level, text, anchor in headings:
        while stack and stack[-1] >= level:
            stack.pop()
        depth = len(stack)
        stack.append(level)
        del counters[depth + 1 :]
        while len(counters) <= depth:
            counters.append(0)
        counters[depth] += 1
        bullet = f"{counters[depth]}{marker[-1]}" if marker[-1] in ".)" else marker
        lines.append(f"{margin}{' ' * (indent * depth)}{bullet}{gap}[{text}](#{anchor})")
    return lines


def _indent_unit(toc: Toc, default: int) -> int:
    for entry in toc.items:
        if entry.level == 1:
            unit = entry.item.indent - toc.items[0].item.indent
            return unit if unit > 0 else default
    return default
