"""List items → entries: main link, separator, description, children and paper fields.

An entry is a list item whose own content (nested lists excluded) has at least one
non-image link: a Markdown link, autolink, bare URL, reference link or HTML ``<a href>``.
Image-only items (a row of badges, a logo) are not entries: they recommend nothing. A link
that wraps an image (``[![logo](img)](url)``) is a link and counts.

The main link follows awesome-lint: the first non-image link followed by a separator
(``-``, ``—``, ``:``, ``：``, ``|``...), else the first non-image link, so leading emoji and
images are allowed.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence

from listbot.model import Entry, Link, LinkKind, ListItem, Paper, Span, Tag
from listbot.parse.blocks import ItemRecord
from listbot.parse.spans import slice_source
from listbot.parse.tags import LinkLookup, Token, scan_markers, scan_trailing_tags

__all__ = ["build_entries", "paper_fields"]

_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_CLOSERS = re.compile(r"(?:\*\*|__|\*|_|~~|</?[a-zA-Z][^>]*>)*")
_SEPARATOR = re.compile(r"[ \t]*(?:--?|[‐‑–—―:：|]|->|=>)[ \t]*|[ \t]+")
_MARKER_STARTS = frozenset("`*_[(:!<")
"""Characters a marker can start with (besides emoji): the usual ` - ` skips the scan."""
_STRONG_SEPARATOR = re.compile(r"[ \t]*(?:--?|[‐‑–—―:：|]|->|=>)")


def build_entries(
    records: Sequence[ItemRecord], lines: Sequence[str], plain_of: Callable[[str], str]
) -> tuple[Entry, ...]:
    """Top-level entries (nested ones under their nearest ancestor entry), in file order."""
    entry_records = {id(record) for record in records if _is_entry(record)}
    children: dict[int, list[Entry]] = {}
    roots: list[Entry] = []
    # Records are in document order, parents before their items: built in reverse, every
    # entry's children exist before the entry itself (and are collected last to first).
    for record in reversed(records):
        if id(record) not in entry_records:
            continue
        kids = children.pop(id(record), [])
        kids.reverse()
        entry = _entry(record, tuple(kids), lines, plain_of)
        parent = record.parent
        while parent is not None and id(parent) not in entry_records:
            parent = parent.parent
        if parent is None:
            roots.append(entry)
        else:
            children.setdefault(id(parent), []).append(entry)
    roots.reverse()
    return tuple(roots)


def _is_entry(record: ItemRecord) -> bool:
    return any(not link.is_image for link in record.links)


def _entry(
    record: ItemRecord,
    children: tuple[Entry, ...],
    lines: Sequence[str],
    plain_of: Callable[[str], str],
) -> Entry:
    item = record.item
    links = tuple(record.links)
    span = item.span
    raw = "\n".join(lines[span.line - 1 : span.end_line])
    main, separator, description_raw, description_span, markers, trailing = _main_link(
        links, item, lines
    )
    description = " ".join(plain_of(description_raw).split()) if description_raw else ""
    if description == description_raw:
        description = description_raw  # one string, not two equal ones (memory)
    return Entry(
        item=item,
        section=item.section,
        raw=raw,
        main_link=main,
        separator=separator,
        description_raw=description_raw,
        description=description,
        description_span=description_span,
        links=links,
        children=children,
        paper=paper_fields(item.span, links, main, lines) if _has_title_marks(raw) else None,
        markers=markers,
        trailing_tags=trailing,
    )


class _Tail:
    """The item's own text after one link, with offsets in it mapped back to the file."""

    __slots__ = ("has_links", "link_starts", "skip", "start_column", "start_line", "starts", "text")

    def __init__(
        self, link: Link, item: Span, starts: Mapping[tuple[int, int], Link], lines: Sequence[str]
    ):
        self.start_line, self.start_column = link.span.end_line, link.span.end_column
        if (link.span.end_line, link.span.end_column) >= (item.end_line, item.end_column):
            self.text = ""
        else:
            self.text = slice_source(
                lines,
                Span(link.span.end_line, link.span.end_column, item.end_line, item.end_column),
            )
        self.starts = [0]
        if "\n" in self.text:
            index = self.text.find("\n")
            while index >= 0:
                self.starts.append(index + 1)
                index = self.text.find("\n", index + 1)
        start = 0
        if link.kind is LinkKind.HTML_A:  # the link's span is its start tag: skip to </a>
            close = self.text.lower().find("</a>")
            start = close + 4 if close >= 0 else 0
        closers = _CLOSERS.match(self.text, start)
        self.skip = closers.end() if closers else start
        self.link_starts = starts
        self.has_links = "[" in self.text or "<" in self.text

    @property
    def links_at(self) -> LinkLookup:
        """Made when asked, never kept: a tail that held its lookup, which holds the tail,
        was a reference cycle per entry, left for the cyclic collector (paused while
        entries are built): 13 MB at once for 20,000 entries."""
        return _LinksAt(self, self.link_starts) if self.has_links else _NO_LINKS

    def offset(self, line: int, column: int) -> int | None:
        index = line - self.start_line
        if not 0 <= index < len(self.starts):
            return None
        return self.starts[index] + column - (self.start_column if index == 0 else 1)

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        if index == 0:  # the link's own line: its int, not a new one (memory)
            return self.start_line, offset - self.starts[0] + self.start_column
        return self.start_line + index, offset - self.starts[index] + 1

    def tag(self, token: Token) -> Tag:
        kind, start, end = token
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Tag(kind, self.text[start:end], Span(line, column, end_line, end_column))

    def separator_after(self) -> tuple[list[Token], int] | None:
        """Markers and where the separator starts, if a separator follows (markers or not)."""
        text, skip = self.text, self.skip
        first = len(text) - len(text[skip:].lstrip(" \t")) if skip < len(text) else skip
        if first < len(text) and (text[first] in _MARKER_STARTS or ord(text[first]) >= 0xA9):
            markers, position = scan_markers(text, skip, self.links_at, _STRONG_SEPARATOR)
            if markers:
                return markers, position
        return ([], skip) if _STRONG_SEPARATOR.match(text, skip) else None


class _LinksAt:
    """The link that starts at an offset of a tail, and the offset where it ends.

    Looked up when asked, not worked out for every link of the item up front: each of an
    item's name candidates has a tail, and an item can hold thousands of links.
    """

    __slots__ = ("starts", "tail")

    def __init__(self, tail: _Tail, starts: Mapping[tuple[int, int], Link]) -> None:
        self.tail, self.starts = tail, starts

    def get(self, offset: int) -> tuple[Link, int] | None:
        if offset < 0:
            return None
        link = self.starts.get(self.tail.position(offset))
        if link is None:
            return None
        end = self.tail.offset(link.span.end_line, link.span.end_column)
        return (link, end) if end is not None and offset < end else None


_NO_LINKS: dict[int, tuple[Link, int]] = {}

_NAME_CANDIDATES = 16
"""The links an item's name may be: the first, or one of the next after badges or
markers when no separator follows the first (no real entry has more before its name)."""

_Main = tuple[Link | None, str, str, Span | None, tuple[Tag, ...], tuple[Tag, ...]]


def _main_link(links: tuple[Link, ...], item: ListItem, lines: Sequence[str]) -> _Main:
    span = item.span
    item_start = (span.line, span.column)
    candidates = [
        link
        for link in links
        if not link.is_image and (link.span.line, link.span.column) >= item_start
    ]
    if not candidates:
        return None, "", "", None, (), ()
    starts = {(link.span.line, link.span.column): link for link in links}  # the last wins
    main = candidates[0]
    tail = _Tail(main, span, starts, lines)
    found = tail.separator_after()
    if found is None:
        # Each later candidate reads the rest of the item: a bound keeps an item of
        # thousands of links (a pasted or corrupted line) linear.
        for link in candidates[1:_NAME_CANDIDATES]:
            link_tail = _Tail(link, span, starts, lines)
            link_found = link_tail.separator_after()
            if link_found is not None:
                main, tail, found = link, link_tail, link_found
                break
    markers, position = found if found is not None else ([], tail.skip)
    text = tail.text
    match = _SEPARATOR.match(text, position)
    separator = sys.intern(match.group(0)) if match else ""  # a few distinct ones: shared
    start = position + len(separator)
    marker_tags = tuple(map(tail.tag, markers)) if markers else ()
    if not text[start:].strip():
        return main, separator, "", None, marker_tags, ()
    trailing = scan_trailing_tags(text, start, len(text), tail.links_at)
    end = trailing[0][1] if trailing else len(text)
    body = text[start:end]
    quoted = item.first_line.lstrip().startswith(">")
    if "\n" in body or quoted:
        lines_of = (_continuation(part, quoted) for part in body.split("\n"))
        description_raw = "\n".join(lines_of).strip()
    else:
        description_raw = body.strip()  # the usual one-line description: nothing to rejoin
    leading = len(body) - len(body.lstrip(" \t\n"))
    line, column = tail.position(start + leading)
    if "\n" in body[:leading]:
        column = _first_content_column(lines, line, quoted)
    return (
        main,
        separator,
        description_raw,
        Span(line, column, span.end_line, span.end_column),
        marker_tags,
        tuple(map(tail.tag, trailing)) if trailing else (),
    )


def _continuation(text: str, quoted: bool) -> str:
    """A description line without its indentation (and quote markers inside a quote)."""
    return _QUOTE_PREFIX.sub("", text).strip() if quoted else text.strip()


def _first_content_column(lines: Sequence[str], line: int, quoted: bool) -> int:
    text = lines[line - 1] if line <= len(lines) else ""
    prefix = _QUOTE_PREFIX.match(text) if quoted else None
    start = prefix.end() if prefix else 0
    return start + len(text[start:]) - len(text[start:].lstrip()) + 1


# Paper fields --------------------------------------------------------------------------------


def _has_title_marks(raw: str) -> bool:
    """Bold or a quotation mark: a title is possible (four substring tests beat a regex)."""
    return "**" in raw or "__" in raw or '"' in raw or "“" in raw


_BOLD = re.compile(r"\*\*(?!\s)(.+?)(?<!\s)\*\*|__(?!\s)(.+?)(?<!\s)__")
_QUOTED = re.compile(r"\"([^\"\n]{6,}?)\"|“([^”\n]{6,}?)”")
_ITALIC = re.compile(
    r"(?<![*\w])\*(?!\s|\*)([^*\n]+?)(?<!\s)\*(?!\*)(?:\s*(et al\.?))?"
    r"|(?<![_\w])_(?!\s|_)([^_\n]+?)(?<!\s)_(?!_)"
)
_YEAR_TEXT = r"(?<!\d)(?:(?P<year>(?:19[5-9]|20[0-4])\d)|(?<=['’])(?P<short>[0-4]\d))(?![\d\w])"
# Venue words and the spaces around them are bounded, so a match spans at most
# _VENUE_REACH characters before its year: unbounded, every start in a long run of word
# characters was read to its end looking for a year (a 20,000-character word took 30 s).
_VENUE_YEAR = re.compile(
    r"(?:(?P<venue>[A-Za-z][\w&\-]{0,40}?(?:[ \t]{1,16}[A-Z][\w&\-]{0,40}?)?)"
    r"[ \t]{0,16}(?P<apostrophe>['’])?[ \t]{0,16})?" + _YEAR_TEXT
)
_YEAR = re.compile(_YEAR_TEXT)
_VENUE_REACH = 1 + 40 + 16 + 1 + 40 + 16 + 1 + 16
_GENERIC_LABELS = {
    "paper",
    "pdf",
    "arxiv",
    "link",
    "blog",
    "code",
    "repo",
    "github",
    "project",
    "website",
    "slides",
    "video",
    "course",
    "book",
    "demo",
    "checkpoint",
    "model",
    "data",
    "dataset",
}
_BARE_VENUE = re.compile(r"[ \t.,]*([A-Za-z][\w&\- ]{0,40}?)[ \t]*\.(?:\s|$)")
_NOT_VENUES = {"in", "of", "and", "the", "on", "at", "from", "since", "for", "by", "to", "et", "al"}


def paper_fields(
    span: Span, links: tuple[Link, ...], main: Link | None, lines: Sequence[str]
) -> Paper | None:
    """Title (bold or quoted), venue, year and authors of a paper-style item, else None.

    A paper-style item has a title that is not a link label, placed before the main link or
    followed by a generic link (``[Paper]``, ``[PDF]``, ``[Blog]``...):
    ``- Model **Title**, 2023, [Paper](url)``. A quoted title also needs a year (a quotation
    is not a paper). Classic ``- [Name](url) - Description.`` items get None.
    """
    own = _masked_lines(span, links, lines)
    title = _title(own)
    if title is None:
        return None
    title_text, title_span, quoted = title
    year = _venue_year(own, title_span)
    before_main = main is None or (title_span.line, title_span.column) < (
        main.span.line,
        main.span.column,
    )
    generic_main = main is not None and main.text.strip(" []").lower() in _GENERIC_LABELS
    if not (before_main or generic_main) or (quoted and year is None):
        return None
    authors, after_authors = _authors(own, title_span)
    venue, year_value, year_span = year if year is not None else (None, None, None)
    if venue is None and year is None and after_authors:
        venue = _bare_venue(after_authors)  # "*Jordan Hoffmann et al.* arXiv. [[Paper](...)]"
    return Paper(title_text, title_span, venue, year_value, year_span, authors)


def _bare_venue(text: str) -> str | None:
    """A venue written without a year right after the authors: up to the next full stop."""
    match = _BARE_VENUE.match(text)
    return _venue(match.group(1)) if match else None


def _masked_lines(
    span: Span, links: tuple[Link, ...], lines: Sequence[str]
) -> list[tuple[int, int, str]]:
    """(line, first column, text) of the item's own lines with every link blanked out."""
    rows: list[tuple[int, int, str]] = []
    for line in range(span.line, span.end_line + 1):
        text = lines[line - 1] if line <= len(lines) else ""
        first = span.column if line == span.line else 1
        rows.append((line, first, text))
    masked = {line: list(text) for line, _, text in rows}
    for link in links:
        for line in range(link.span.line, link.span.end_line + 1):
            chars = masked.get(line)
            if chars is None:
                continue
            start = link.span.column - 1 if line == link.span.line else 0
            end = link.span.end_column - 1 if line == link.span.end_line else len(chars)
            for index in range(max(start, 0), min(end, len(chars))):
                chars[index] = " "
    return [(line, first, "".join(masked[line])) for line, first, _ in rows]


def _title(own: list[tuple[int, int, str]]) -> tuple[str, Span, bool] | None:
    for pattern in (_BOLD, _QUOTED):
        for line, first, text in own:
            for match in pattern.finditer(text, first - 1):
                group = 1 if match.group(1) is not None else 2
                value = match.group(group)
                start = match.start(group)
                stripped = value.strip(" \"“”'‘’")
                if len(stripped) < 3 or not any(c.isalpha() for c in stripped):
                    continue
                offset = value.index(stripped)
                column = start + offset + 1
                title = stripped.rstrip(" .,:;")
                return title, Span.at(line, column, len(title)), pattern is _QUOTED
    return None


def _venue_year(
    own: list[tuple[int, int, str]], title: Span
) -> tuple[str | None, int, Span] | None:
    found: tuple[str | None, int, Span] | None = None
    for line, first, text in own:
        start = title.end_column - 1 if line == title.line else first - 1
        if line < title.line:
            continue
        # Every match ends at a year: look for the venue only within reach of the first.
        year_found = _YEAR.search(text, start)
        if year_found is None:
            continue
        from_ = max(start, year_found.start() - _VENUE_REACH)
        for match in _VENUE_YEAR.finditer(text, from_):
            venue = _venue(match.group("venue"))
            if match.group("year"):
                year, year_start, width = int(match.group("year")), match.start("year"), 4
            else:  # ACL'23
                year, year_start, width = 2000 + int(match.group("short")), match.start("short"), 2
            found = (venue, year, Span.at(line, year_start + 1, width))
            return found
    return found


def _venue(words: str | None) -> str | None:
    """A venue is capitalised somewhere (NeurIPS, ICLR) or is arXiv; leading "of"/"in" go."""
    if not words:
        return None
    parts = words.split()
    while parts and parts[0].lower() in _NOT_VENUES:
        parts.pop(0)
    venue = " ".join(parts)
    if not venue or not (any(c.isupper() for c in venue) or venue.lower() == "arxiv"):
        return None
    return venue


def _authors(own: list[tuple[int, int, str]], title: Span) -> tuple[str | None, str]:
    """Authors marked in italics after the title (``*Brown et al.*``), and the text after."""
    for line, first, text in own:
        if line < title.line:
            continue
        start = title.end_column - 1 if line == title.line else first - 1
        for match in _ITALIC.finditer(text, max(start, 0)):
            value = match.group(1) or match.group(3) or ""
            if match.group(2):
                value = f"{value} {match.group(2)}"
            if any(c.isalpha() for c in value):
                return value.strip(), text[match.end() :]
    return None, ""
