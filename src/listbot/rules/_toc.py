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

from listbot.model import Document, Entry, Heading, HtmlBlock, Link, ListItem

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

TOC_MEMO = "toc"
"""The :meth:`Document.memo` key of :func:`find_toc`'s result, shared by the rules that need it."""

STRICT_NAMES = frozenset({"contents", "table of contents", "table of content", "toc", "目录"})
"""Names that promise a TOC: a missing list under them is reported."""

_HTML_ID = re.compile(r"\b(?:id|name)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
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
    """The table of contents, or None when the list has none.

    The TOC's list sits under its heading, or, when the heading is followed straight by a
    subheading (``## Table of Contents`` / ``### Frameworks``), anywhere in the heading's
    section; the section's subheadings are then part of the TOC.
    """
    for heading in doc.headings:
        if heading_name(heading.text) not in TOC_NAMES:
            continue
        for end in (_next_heading_line(doc, heading.line), section_end(doc, heading)):
            items = [item for item in doc.list_items if heading.line < item.line < end]
            if items:
                toc = _collect(doc, items, heading, end)
                if any(entry.anchor is not None for entry in toc.items):
                    return toc
        if heading_name(heading.text) in STRICT_NAMES:
            end = _next_heading_line(doc, heading.line)
            if any(
                heading.line < link.line < end and link.url.startswith("#") for link in doc.links
            ):
                return None  # a table of contents written as a table of links: no list to read
            return Toc(heading, (), heading.line, heading.line, end)
    return _headingless(doc)


def section_end(doc: Document, heading: Heading) -> int:
    """The line of the next heading at the same or a higher level (or past the end)."""
    return next(
        (h.line for h in doc.headings if h.line > heading.line and h.level <= heading.level),
        len(doc.lines) + 1,
    )


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


def anchored_headings(doc: Document) -> dict[str, Heading]:
    """HTML anchors that name a heading (case-folded): an ``id``/``name`` inside the heading
    (``## <a name="cpp"></a>C++``) or in HTML right above it (only blank lines between)."""
    by_line = {heading.line: heading for heading in doc.headings}
    found: dict[str, Heading] = {}
    for block in doc.html:
        names = [match.group(1).casefold() for match in _HTML_ID.finditer(block.raw)]
        if not names:
            continue
        heading = by_line.get(block.span.line)
        if heading is None and _alone(doc, block):  # an anchor inside prose names no heading
            line = block.span.end_line + 1
            while line <= len(doc.lines) and not doc.line_text(line).strip():
                line += 1
            heading = by_line.get(line)
        if heading is not None:
            for name in names:
                found.setdefault(name, heading)
    return found


def _alone(doc: Document, block: HtmlBlock) -> bool:
    """Whether the HTML stands on its own lines (``<a name="x"></a>``), not inside prose."""
    if not block.inline:
        return True
    text = _TAG.sub("", doc.line_text(block.span.line))
    return not text.strip()


def is_simple(doc: Document, toc: Toc) -> bool:
    """Every line of the TOC is one `- [Text](#anchor)` item: regenerating it loses nothing."""
    if not toc.items:
        return False
    item_lines = {entry.item.line for entry in toc.items}
    for line in range(toc.first_line, toc.last_line + 1):
        if line not in item_lines or not _SIMPLE_ITEM.match(doc.line_text(line)):
            return False
    return True


def render(doc: Document, toc: Toc, rows: list[tuple[int, str, str]]) -> list[str]:
    """TOC lines for ``(depth, text, anchor)`` rows, in the existing TOC's style."""
    first = toc.items[0].item if toc.items else None
    marker = first.marker if first is not None else "-"
    gap = " " * (first.content_gap if first is not None and first.content_gap else 1)
    indent = _indent_unit(toc, len(marker) + len(gap))
    margin = " " * (first.indent if first is not None else 0)
    lines: list[str] = []
    counters: list[int] = []
    for depth, text, anchor in rows:
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
