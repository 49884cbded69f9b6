"""The walk over the positioned mistune tokens: headings, list items, links, HTML, code.

One pass in document order. Headings are collected as they come, so a list item's section
path is the heading stack at that point. Links found while inside a list item's own content
are also recorded on that item (parse/entries.py turns items with links into entries).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from mistune.util import unikey

from listbot.model import (
    Comment,
    Definition,
    HtmlBlock,
    Link,
    LinkKind,
    ListItem,
    Span,
    TextBlock,
)
from listbot.parse.html import scan_comments, scan_html
from listbot.parse.spans import slice_source

__all__ = ["HeadingDraft", "ItemRecord", "Walk", "plain_text", "without_closing_hashes"]

Token = dict[str, Any]
_TEXT_BLOCKS = ("paragraph", "block_text", "heading", "footnote_definition")
_ATX_MARKER = re.compile(r"#{1,6}(?=[ \t]|$)[ \t]*")
_LIST_ITEMS = ("list_item", "task_list_item")
_IMG_SRC = re.compile(
    r"<img\b[^>]*?\ssrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE
)


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """Character references as CommonMark reads them (``&#35;`` ``&amp;``; the ``;`` is
    required, unknown names stay as written)."""
    return _ENTITY.sub(lambda match: html.unescape(match.group()), text)


def without_closing_hashes(text: str, spaces: str | None = None) -> str:
    r"""An ATX heading's text without its closing ``#`` sequence (``## Foo ##`` -> ``Foo``).

    What ``re.sub(r"(\s+|^)#+\s*$", "", text)`` does, in linear time: the regex tries every
    start in a run of spaces, so a heading with a long run of them took seconds. ``spaces``:
    the characters counted as spaces (default: any whitespace).
    """
    body = text.rstrip(spaces)
    hashes = len(body) - len(body.rstrip("#"))
    if not hashes:
        return text
    before = body[:-hashes]
    if before and not (before[-1].isspace() if spaces is None else before[-1] in spaces):
        return text
    return before.rstrip(spaces)


def plain_text(tokens: Sequence[Token], *, alt_text: bool = True, entities: bool = False) -> str:
    """Inline tokens as plain text: Markdown removed, code (and alt text, unless asked not) kept.

    With ``entities``, character references in text are decoded as GitHub renders them
    (``C&#35;`` is ``C#``); code spans keep theirs, as they show them literally.
    """
    if len(tokens) == 1 and tokens[0]["type"] == "text":
        raw: str = tokens[0].get("raw", "")  # the usual link label: skip the walk and the join
        return decode_entities(raw) if entities and "&" in raw else raw
    parts: list[str] = []
    _plain(tokens, parts, alt_text, entities)
    return "".join(parts)


def heading_text(tokens: Sequence[Token]) -> str:
    """A heading's text as GitHub renders it: entities decoded (``## C&#35;`` is ``C#``)."""
    return plain_text(tokens, entities=True)


def anchor_text(tokens: Sequence[Token]) -> str:
    """A heading's text as GitHub renders it for the anchor: image alt text is not text,
    and a space before a trailing badge stays (``# Foo [![b](i)](u)`` is ``#foo-``);
    entities are decoded (``## C&#35;`` is ``#c``)."""
    return plain_text(tokens, alt_text=False, entities=True).lstrip()


def _plain(tokens: Sequence[Token], parts: list[str], alt_text: bool, entities: bool) -> None:
    for token in tokens:
        kind = token["type"]
        if kind == "text":
            raw = token.get("raw", "")
            parts.append(decode_entities(raw) if entities and "&" in raw else raw)
        elif kind == "codespan":
            parts.append(token.get("raw", ""))
        elif kind in ("softbreak", "linebreak"):
            parts.append(" ")
        elif kind == "image" and not alt_text:
            continue
        elif "children" in token:
            _plain(token["children"], parts, alt_text, entities)


@dataclass
class HeadingDraft:
    """A heading before slugs are assigned (they need the whole document)."""

    level: int
    text: str
    raw: str
    span: Span
    style: str
    anchor: str | None = None
    """Text the GitHub anchor is made from, when it differs from ``text``."""


@dataclass(slots=True)
class ItemRecord:
    """A list item during the walk: its ListItem, own links and enclosing item."""

    item: ListItem
    parent: ItemRecord | None
    links: list[Link] = field(default_factory=list)
    own_end: tuple[int, int] = (0, 0)


@dataclass
class Walk:
    """Everything collected from the tokens, in document order."""

    lines: Sequence[str]
    definitions: dict[str, Definition]
    headings: list[HeadingDraft] = field(default_factory=list)
    items: list[ItemRecord] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    html: list[HtmlBlock] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    text_blocks: list[TextBlock] = field(default_factory=list)
    code_lines: set[int] = field(default_factory=set)
    block_lines: list[tuple[int, int]] = field(default_factory=list)
    """(first, last) line of each top-level block."""
    used_labels: set[str] = field(default_factory=set)
    _stack: list[tuple[int, str]] = field(default_factory=list)
    _section: tuple[str, ...] = ()
    """Heading texts of ``_stack``: one tuple shared by every item up to the next heading."""
    _list_count: int = 0

    @property
    def section(self) -> tuple[str, ...]:
        return self._section

    def run(self, tokens: Iterable[Token]) -> None:
        """Walk the top-level blocks in order; each is read once and not kept."""
        for token in tokens:
            self.block_lines.append((token.get("line", 0), token.get("end_line", 0)))
            self._blocks((token,), None, 0, False)
        self.links.sort(key=lambda link: link.span)

    # blocks -------------------------------------------------------------------------------

    def _blocks(
        self, tokens: Sequence[Token], item: ItemRecord | None, depth: int, in_table: bool
    ) -> None:
        for token in tokens:
            kind = token["type"]
            if "line" not in token:
                continue  # a token without a position (none expected) is skipped, not guessed
            if kind == "list":
                self._list(token, item, depth)
            elif kind in _TEXT_BLOCKS:
                self._text_block(token, item, in_table)
            elif kind == "table":
                self._table(token, item)
            elif kind == "block_code":
                self.code_lines.update(range(token["line"], token["end_line"] + 1))
            elif kind == "block_html":
                self._html(token, item, in_table, inline=False)
            elif "children" in token:
                self._blocks(token["children"], item, depth, in_table)

    def _list(self, token: Token, parent: ItemRecord | None, depth: int) -> None:
        self._list_count += 1
        list_index = self._list_count
        ordered = bool(token.get("attrs", {}).get("ordered"))
        loose = not token.get("tight", True)
        for child in token.get("children", []):
            if child["type"] not in _LIST_ITEMS or "column" not in child:
                self._blocks(child.get("children", []), parent, depth + 1, False)
                continue
            record = ItemRecord(self._list_item(child, ordered, depth, list_index, loose), parent)
            self.items.append(record)
            self._blocks(child.get("children", []), record, depth + 1, False)

    def _list_item(
        self, token: Token, ordered: bool, depth: int, list_index: int, loose: bool
    ) -> ListItem:
        line, column = token["line"], token["column"]
        marker: str = token.get("marker") or "-"
        file_line = self.lines[line - 1] if line <= len(self.lines) else ""
        before = file_line[: column - 1]
        indent = len(before) - len(before.rstrip(" \t"))
        if indent and before.rstrip(" \t").endswith(">") and before[-indent] == " ":
            indent -= 1  # the optional space after ">" belongs to the quote marker
        after = file_line[column - 1 + len(marker) :]
        content_gap = len(after) - len(after.lstrip(" \t")) if after.strip() else 0
        end_line = line
        for child in token.get("children", []):
            if child["type"] == "list":
                break
            end_line = max(end_line, child.get("end_line", line))
        last = self.lines[end_line - 1] if end_line <= len(self.lines) else ""
        end_column = max(len(last.rstrip()) + 1, column + len(marker) if end_line == line else 1)
        number = int(marker[:-1]) if ordered and marker[:-1].isdigit() else None
        return ListItem(
            span=Span(line, column, end_line, end_column),
            marker=marker,
            ordered=ordered,
            number=number,
            indent=indent,
            content_gap=content_gap,
            depth=depth,
            list_index=list_index,
            loose=loose,
            first_line=file_line,
            section=self.section,
            block_end_line=token["end_line"],
        )

    def _text_block(self, token: Token, item: ItemRecord | None, in_table: bool) -> None:
        kind = token["type"]
        children = token.get("children", [])
        span = self._block_span(token)
        if kind == "heading":
            level = int(token.get("attrs", {}).get("level", 1))
            style = token.get("style", "atx")
            if style == "atx":  # the span starts at the "#" run, not at the text
                first = self.lines[span.line - 1] if span.line <= len(self.lines) else ""
                before = first[: span.column - 1].rstrip(" \t")
                end_column = len(first.rstrip()) + 1  # closing "#"s included
                span = replace(span, column=len(before.rstrip("#")) + 1, end_column=end_column)
            self._add_heading(
                HeadingDraft(
                    level,
                    anchor_text(children).strip() or heading_text(children).strip(),
                    self._heading_raw(token, style),
                    span,
                    style,
                    anchor_text(children),
                )
            )
        # A footnote's text is prose like a paragraph's (TextBlock kinds stay the documented four).
        block_kind = "paragraph" if kind == "footnote_definition" else kind
        self.text_blocks.append(TextBlock(block_kind, span))
        self._inline(children, item, in_table)

    def _block_span(self, token: Token) -> Span:
        line: int = token["line"]
        end_line: int = token.get("end_line") or line
        column: int | None = token.get("column")
        if column is None:
            text = self.lines[line - 1] if line <= len(self.lines) else ""
            column = len(text) - len(text.lstrip()) + 1
        end_column: int | None = token.get("end_column")
        if end_column is None or end_line != self._last_text_line(token):
            last = self.lines[end_line - 1] if end_line <= len(self.lines) else ""
            end_column = len(last.rstrip()) + 1
        return Span(line, column, end_line, max(end_column, 1))

    @staticmethod
    def _last_text_line(token: Token) -> int:
        end_line: int = token.get("end_line") or token["line"]
        return end_line - (1 if token.get("style") == "setext" else 0)

    def _heading_raw(self, token: Token, style: str) -> str:
        line = token["line"]
        text = self.lines[line - 1] if line <= len(self.lines) else ""
        start = token.get("column")
        if style == "setext":
            rest = self.lines[line : token["end_line"] - 1]
            first = text[start - 1 :] if start is not None else text
            return "\n".join(part.strip() for part in (first, *rest))
        if start is not None:
            text = text[start - 1 :]
        else:
            marker = _ATX_MARKER.search(text)
            text = text[marker.end() :] if marker else text
        return without_closing_hashes(text, " \t").strip()

    def _add_heading(self, heading: HeadingDraft) -> None:
        self.headings.append(heading)
        while self._stack and self._stack[-1][0] >= heading.level:
            self._stack.pop()
        self._stack.append((heading.level, heading.text))
        self._section = tuple(text for _, text in self._stack)

    def _table(self, token: Token, item: ItemRecord | None) -> None:
        for part in token.get("children", []):
            rows = [part] if part["type"] == "table_head" else part.get("children", [])
            for row in rows:
                for cell in row.get("children", []):
                    if cell.get("column") is None:
                        continue  # empty: no text and no position (its span would be the row)
                    self.text_blocks.append(TextBlock("table_cell", self._block_span(cell)))
                    self._inline(cell.get("children", []), item, True)

    def _html(self, token: Token, item: ItemRecord | None, in_table: bool, *, inline: bool) -> None:
        raw: str = token.get("raw", "")
        line = token.get("line")
        columns = token.get("columns")
        if line is None or columns is None:
            return
        end_line = line + raw.rstrip("\n").count("\n")
        last_text = raw.rstrip("\n").rsplit("\n", 1)[-1]
        end_column = columns[min(end_line - line, len(columns) - 1)] + len(last_text)
        span = Span(line, columns[0], end_line, end_column)
        self.html.append(HtmlBlock(raw.rstrip("\n"), span, inline))
        self.comments.extend(scan_comments(raw, line, columns))
        scan = scan_html(raw, line, columns, self.lines, in_table=in_table)
        for heading in scan.headings:
            self._add_heading(
                HeadingDraft(heading.level, heading.text, heading.raw, heading.span, "html")
            )
        for link in scan.links:
            self._add_link(link, item)

    # inline -------------------------------------------------------------------------------

    def _inline(self, tokens: Sequence[Token], item: ItemRecord | None, in_table: bool) -> None:
        anchor: list[Any] = []  # [link index, text parts] while inside inline <a ...> ... </a>
        for token in tokens:
            kind = token["type"]
            if kind in ("link", "image"):
                link = self._markdown_link(token, in_table)
                if link is not None:
                    self._add_link(link, item)
                if kind == "link" and "ref" in token:
                    self.used_labels.add(unikey(token.get("label", "")))
            elif kind == "inline_html":
                before = len(self.links)
                self._html(token, item, in_table, inline=True)
                raw = token.get("raw", "")
                if raw[:3].lower() in ("<a ", "<a>") and len(self.links) > before:
                    anchor = [len(self.links) - 1, []]
                elif raw[:4].lower() == "</a>" and anchor:
                    self._set_anchor_text(anchor, item)
                    anchor = []
                continue
            if anchor and kind in ("text", "codespan"):
                anchor[1].append(token.get("raw", ""))
            if kind != "codespan" and "children" in token:
                self._inline(token["children"], item, in_table)
                if anchor:
                    anchor[1].append(plain_text(token["children"]))

    def _set_anchor_text(self, anchor: list[Any], item: ItemRecord | None) -> None:
        index, parts = anchor
        link = self.links[index]
        updated = replace(link, text=" ".join("".join(parts).split()))
        self.links[index] = updated
        if item is not None:
            item.links[:] = [updated if entry is link else entry for entry in item.links]

    def _add_link(self, link: Link, item: ItemRecord | None) -> None:
        self.links.append(link)
        if item is not None:
            item.links.append(link)

    def _markdown_link(self, token: Token, in_table: bool) -> Link | None:
        if "line" not in token or "end_line" not in token:
            return None
        span = Span(token["line"], token["column"], token["end_line"], token["end_column"])
        raw = slice_source(self.lines, span)
        attrs = token.get("attrs", {})
        label = token.get("label")
        definition_line = None
        children = token.get("children", [])
        text = plain_text(children)
        if token["type"] == "image":
            kind = LinkKind.IMAGE
        elif "ref" in token:
            kind = LinkKind.REFERENCE
        elif raw.startswith("<"):
            kind = LinkKind.AUTOLINK
        elif raw.startswith("["):
            kind = LinkKind.INLINE
        else:
            kind = LinkKind.BARE
        if "ref" in token:
            definition = self.definitions.get(token["ref"])
            url = definition.url if definition else attrs.get("url", "")
            definition_line = definition.span.line if definition else None
        elif kind is LinkKind.AUTOLINK:
            url = raw[1:-1]
        elif kind is LinkKind.BARE:
            url = raw
        else:
            url = token.get("source_url", attrs.get("url", ""))
        images = (
            tuple(_image_urls(children, self.definitions)) if kind is not LinkKind.IMAGE else ()
        )
        return Link(
            kind=kind,
            url=url,
            text=text,
            span=span,
            raw=raw,
            title=attrs.get("title") or None,
            label=label,
            definition_line=definition_line,
            in_table=in_table,
            image_urls=images,
        )


def _image_urls(tokens: Sequence[Token], definitions: dict[str, Definition]) -> list[str]:
    """Sources of the images in a link label: Markdown images and inline ``<img src>``."""
    urls: list[str] = []
    for token in tokens:
        if token["type"] == "image":
            if "ref" in token and token["ref"] in definitions:
                urls.append(definitions[token["ref"]].url)
            else:
                urls.append(token.get("source_url", token.get("attrs", {}).get("url", "")))
        elif token["type"] == "inline_html":
            source = _IMG_SRC.match(token.get("raw", ""))
            if source:
                urls.append(html.unescape(next(g for g in source.groups() if g is not None)))
        elif "children" in token:
            urls.extend(_image_urls(token["children"], definitions))
    return urls
