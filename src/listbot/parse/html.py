"""Links, images, headings and comments inside raw HTML, via the stdlib HTML parser.

mistune leaves HTML unparsed (``block_html`` and ``inline_html`` tokens with ``raw``). Each
raw chunk is fed to :class:`html.parser.HTMLParser`; its ``getpos()`` (line, offset inside the
chunk) becomes a file position through ``columns``: the file column where each line of the
chunk starts (set by parse/positions.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from listbot.model import Comment, Link, LinkKind, Span
from listbot.parse.spans import slice_source

__all__ = ["HtmlHeading", "HtmlScan", "before_unclosed_comment", "scan_comments", "scan_html"]

_HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_COLLECTED_TAG = re.compile(r"<(?:a|img|h[1-6])(?=[\s/>])", re.IGNORECASE)
"""A start tag :class:`_Collector` makes something of (the others only cost time)."""


@dataclass(frozen=True)
class HtmlHeading:
    level: int
    text: str
    raw: str
    span: Span


@dataclass
class HtmlScan:
    links: list[Link] = field(default_factory=list)
    headings: list[HtmlHeading] = field(default_factory=list)


@dataclass
class _OpenAnchor:
    span: Span
    url: str
    title: str | None
    text: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)


@dataclass
class _OpenHeading:
    level: int
    tag: str
    span: Span
    text: list[str] = field(default_factory=list)


class _Positions:
    """Maps (line, offset) inside a raw chunk onto file positions."""

    def __init__(self, line: int, columns: Sequence[int]) -> None:
        self.line = line
        self.columns = columns

    def at(self, chunk_line: int, offset: int) -> tuple[int, int]:
        index = min(chunk_line - 1, len(self.columns) - 1)
        return self.line + chunk_line - 1, (self.columns[index] if index >= 0 else 1) + offset

    def after(self, chunk_line: int, offset: int, text: str) -> tuple[int, int]:
        newlines = text.count("\n")
        if not newlines:
            return self.at(chunk_line, offset + len(text))
        return self.at(chunk_line + newlines, len(text) - text.rfind("\n") - 1)


class _Collector(HTMLParser):
    def __init__(self, positions: _Positions, lines: Sequence[str], in_table: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.positions = positions
        self.lines = lines
        self.in_table = in_table
        self.scan = HtmlScan()
        self._anchor: _OpenAnchor | None = None
        self._heading: _OpenHeading | None = None

    def _tag_span(self) -> Span:
        chunk_line, offset = self.getpos()
        text = self.get_starttag_text() or ""
        line, column = self.positions.at(chunk_line, offset)
        end_line, end_column = self.positions.after(chunk_line, offset, text)
        return Span(line, column, end_line, end_column)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and "href" in values:
            self._flush_anchor()
            self._anchor = _OpenAnchor(
                self._tag_span(), values["href"].strip(), values.get("title")
            )
        elif tag == "img" and "src" in values:
            source = values["src"].strip()
            link = self._link(
                LinkKind.HTML_IMG,
                source,
                values.get("alt", ""),
                self._tag_span(),
                values.get("title"),
            )
            self.scan.links.append(link)
            if self._anchor is not None:
                self._anchor.images.append(source)
        elif tag in _HEADING_TAGS and self._heading is None:
            self._heading = _OpenHeading(_HEADING_TAGS[tag], tag, self._tag_span())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self._flush_anchor()

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._flush_anchor()
        elif self._heading is not None and tag == self._heading.tag:
            heading, self._heading = self._heading, None
            start = heading.span
            chunk_line, offset = self.getpos()
            end_line, end_column = self.positions.after(chunk_line, offset, f"</{tag}>")
            span = Span(start.line, start.column, end_line, end_column)
            inner = Span(start.end_line, start.end_column, *self.positions.at(chunk_line, offset))
            text = " ".join("".join(heading.text).split())
            raw = slice_source(self.lines, inner)
            self.scan.headings.append(HtmlHeading(heading.level, text, raw, span))

    def handle_data(self, data: str) -> None:
        if self._anchor is not None:
            self._anchor.text.append(data)
        if self._heading is not None:
            self._heading.text.append(data)

    def _flush_anchor(self) -> None:
        anchor, self._anchor = self._anchor, None
        if anchor is None:
            return
        text = " ".join("".join(anchor.text).split())
        link = self._link(LinkKind.HTML_A, anchor.url, text, anchor.span, anchor.title)
        if anchor.images:
            link = dataclasses.replace(link, image_urls=tuple(anchor.images))
        self.scan.links.append(link)

    def _link(self, kind: LinkKind, url: str, text: str, span: Span, title: str | None) -> Link:
        return Link(
            kind=kind,
            url=url,
            text=text,
            span=span,
            raw=slice_source(self.lines, span),
            title=title or None,
            in_table=self.in_table,
            in_html=True,
        )

    def finish(self) -> HtmlScan:
        with contextlib.suppress(Exception):  # malformed HTML must never stop a lint
            self.close()
        self._flush_anchor()
        self.scan.links.sort(key=lambda link: link.span)
        return self.scan


def scan_html(
    raw: str, line: int, columns: Sequence[int], lines: Sequence[str], *, in_table: bool = False
) -> HtmlScan:
    """Links (``<a href>``, ``<img src>``) and headings (``<h1>``..``<h6>``) in one raw chunk."""
    if "<" not in raw or not _COLLECTED_TAG.search(raw):
        return HtmlScan()  # no tag that yields a link or a heading: skip the HTML parser
    collector = _Collector(_Positions(line, columns), lines, in_table)
    with contextlib.suppress(Exception):  # HTMLParser can raise on pathological input
        collector.feed(before_unclosed_comment(raw))
    return collector.finish()


_COMMENT_CLOSE = re.compile(r"--\s*>")
"""What ends a comment for :class:`html.parser.HTMLParser`."""


def before_unclosed_comment(raw: str) -> str:
    """``raw`` up to an ``<!--`` that is never closed, which hides the rest in a browser.

    Fed whole, :class:`html.parser.HTMLParser` looks for the end of every such ``<!--``
    to the end of the text: quadratic with many of them (8,000: seconds).
    """
    start = raw.find("<!--")
    while start >= 0:
        close = _COMMENT_CLOSE.search(raw, start + 4)
        if close is None:
            return raw[:start]
        start = raw.find("<!--", close.end())
    return raw


def scan_comments(raw: str, line: int, columns: Sequence[int]) -> list[Comment]:
    """Every ``<!-- ... -->`` in a raw chunk, with its span."""
    if "<!--" not in raw:
        return []
    positions = _Positions(line, columns)
    comments = []
    chunk_line, line_start, counted = 1, 0, 0  # lines counted up to ``counted``, once
    start = raw.find("<!--")
    while start >= 0:
        end = raw.find("-->", start + 4)
        if end < 0:
            break  # no later "<!--" is closed either
        chunk_line += raw.count("\n", counted, start)
        newline = raw.rfind("\n", counted, start)
        line_start = newline + 1 if newline >= 0 else line_start
        counted = start
        offset = start - line_start
        whole = raw[start : end + 3]
        start_line, start_column = positions.at(chunk_line, offset)
        end_line, end_column = positions.after(chunk_line, offset, whole)
        comments.append(
            Comment(raw[start + 4 : end], Span(start_line, start_column, end_line, end_column))
        )
        start = raw.find("<!--", end + 3)
    return comments
