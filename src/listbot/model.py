"""The document model: what a README becomes after parsing.

Everything here is a plain frozen value. Positions are 1-based; columns count Python
characters (a tab is one column, a non-BMP character is one column) in the file's line
with the line terminator and a leading BOM removed. ``end_column`` is exclusive: the
column just past the last character, as in SARIF.

Rules and checks read a :class:`Document`; they never see the parser. Indexes that
several rules share (links by normalised URL, entries in file order, ...) are built
once, lazily, as cached properties here; so are the entries themselves (:class:`Deferred`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any, Generic, TypeVar, cast, overload

from listbot.frozen import direct_init

T = TypeVar("T")


@direct_init
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A region of the file: start inclusive, end exclusive (both 1-based)."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def at(cls, line: int, column: int, length: int = 1) -> Span:
        """A span on one line starting at ``column`` and ``length`` characters long."""
        return cls(line, column, line, column + max(length, 0))


class LinkKind(str, Enum):
    """How a link is written in the source."""

    INLINE = "inline"  # [text](url)
    REFERENCE = "reference"  # [text][label], [text][], [text]
    AUTOLINK = "autolink"  # <https://example.com>
    BARE = "bare"  # https://example.com in running text (GFM autolink literal)
    IMAGE = "image"  # ![alt](src), ![alt][label]
    HTML_A = "html_a"  # <a href="...">
    HTML_IMG = "html_img"  # <img src="...">


_IMAGE_KINDS = frozenset((LinkKind.IMAGE, LinkKind.HTML_IMG))
"""A set, not ``LinkKind.X`` lookups: ``is_image`` runs for every link in many rules, and
reading an Enum member off its class costs several times a set lookup."""


@direct_init
@dataclass(frozen=True, slots=True)
class Link:
    """One link or image, wherever it is in the file (code is never a link)."""

    kind: LinkKind
    url: str
    """Destination as written (backslash escapes and entities resolved, nothing percent-encoded)."""
    text: str
    """Plain text of the label; alt text for images; the URL itself for autolinks."""
    span: Span
    """Covers the whole markup, from ``[``/``![``/``<``/the URL's first character to its end."""
    raw: str = ""
    """Source text of the markup (joined with ``\\n`` when it spans lines)."""
    title: str | None = None
    label: str | None = None
    """Reference label (``[text][label]``), as written."""
    definition_line: int | None = None
    """Line of the ``[label]: url`` definition that a reference link uses."""
    in_table: bool = False
    in_html: bool = False
    image_urls: tuple[str, ...] = ()
    """Sources of images inside the link's label, e.g. a badge ``[![alt](img)](url)``."""

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def is_image(self) -> bool:
        return self.kind in _IMAGE_KINDS

    @property
    def is_http(self) -> bool:
        return self.url.lower().startswith(("http://", "https://"))


@direct_init
@dataclass(frozen=True, slots=True)
class Definition:
    """A link reference definition ``[label]: url "title"``."""

    label: str
    url: str
    title: str | None
    span: Span
    used: bool = False


@direct_init
@dataclass(frozen=True, slots=True)
class Heading:
    """A heading in Markdown (ATX or setext) or in HTML (``<h1>``..``<h6>``)."""

    level: int
    text: str
    """Plain text, as GitHub uses it for the anchor."""
    raw: str
    """The heading's inline Markdown (or HTML) as written, without ``#`` markers."""
    slug: str
    """GitHub's anchor for it, deduplicated in document order (``foo``, ``foo-1``, ...)."""
    span: Span
    style: str
    """``atx``, ``setext`` or ``html``."""

    @property
    def line(self) -> int:
        return self.span.line


@direct_init
@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything under it, down to the next heading of the same or higher level."""

    heading: Heading
    children: tuple[Section, ...] = ()
    path: tuple[str, ...] = ()
    """Heading texts from the top-most section down to this one."""

    @property
    def level(self) -> int:
        return self.heading.level

    @property
    def text(self) -> str:
        return self.heading.text

    @property
    def slug(self) -> str:
        return self.heading.slug

    @property
    def line(self) -> int:
        return self.heading.line

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@direct_init
@dataclass(frozen=True, slots=True)
class ListItem:
    """Any list item, with or without links: what formatting rules look at."""

    span: Span
    """From the marker to the end of the item's own content (children excluded)."""
    marker: str
    """The marker as written: ``-``, ``*``, ``+``, ``1.``, ``2)``."""
    ordered: bool
    number: int | None
    indent: int
    """Columns of whitespace before the marker (after any block-quote markers)."""
    content_gap: int
    """Whitespace characters between the marker and the content (0 for an empty item)."""
    depth: int
    """0 for a top-level list, 1 inside one list item, ..."""
    list_index: int
    """Items of the same list share this number (a marker change starts a new list)."""
    loose: bool
    first_line: str
    """The file line the marker is on."""
    section: tuple[str, ...] = ()
    block_end_line: int = 0
    """The last line of the item with its nested lists and blocks (0: not known)."""

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def bullet(self) -> str:
        """The marker character: ``-``, ``*``, ``+``, ``.`` or ``)``."""
        return self.marker[-1]


@direct_init
@dataclass(frozen=True, slots=True)
class Paper:
    """Bibliographic fields of a paper-style entry (``**Title**, Venue 2023, [Paper](url)``)."""

    title: str | None = None
    title_span: Span | None = None
    venue: str | None = None
    year: int | None = None
    year_span: Span | None = None
    authors: str | None = None


@direct_init
@dataclass(frozen=True, slots=True)
class Tag:
    """Markup beside an entry's description that is not its prose.

    Lists mark entries with emoji or shortcodes (``:penguin:`` for Linux support), badges,
    and short tags (``**NEW**``, `` `MIT` ``, ``[deprecated]``, ``(beta)``) between the link
    and the separator, and with licence/language tags, badges or a group of extra links
    (``([Demo](…), [Source Code](…))``) after the description.
    """

    kind: str
    """``emoji``, ``shortcode``, ``badge``, ``code``, ``emphasis``, ``bracket``,
    ``parenthetical``, ``links`` or ``link``."""
    raw: str
    span: Span


@direct_init
@dataclass(frozen=True, slots=True)
class Entry:
    """A list item that carries at least one link: one thing the list recommends."""

    item: ListItem
    section: tuple[str, ...]
    raw: str
    """The item's own source lines (children excluded), marker included, joined with ``\\n``."""
    main_link: Link | None
    """The link the entry is about: the first non-image link followed by a separator, else
    the first."""
    separator: str
    """Text between the main link and the description as written, e.g. `` - ``, ``：``, `` — ``."""
    description_raw: str
    """The description as written, without the entry's markers and trailing tags."""
    description: str
    """The description as plain text (Markdown removed)."""
    description_span: Span | None
    """Where the description starts, to the end of the item's own content."""
    links: tuple[Link, ...]
    """Every link and image in the item's own content, in source order."""
    children: tuple[Entry, ...] = ()
    paper: Paper | None = None
    markers: tuple[Tag, ...] = ()
    """Tags between the main link and the separator (``[Zolang](url) :penguin: - ...``)."""
    trailing_tags: tuple[Tag, ...] = ()
    """Tags after the description's prose (``- Notes. `MIT` `PHP```)."""
    kind: str = "list_item"
    """Where the entry is written: ``list_item``, or, for lists that give entries their own
    blocks, ``paragraph`` or ``table_row`` (those have a stand-in ``item`` covering the
    block, with an empty marker, and live in :attr:`Document.block_entries`)."""

    @property
    def line(self) -> int:
        return self.item.span.line

    @property
    def column(self) -> int:
        return self.item.span.column

    @property
    def span(self) -> Span:
        return self.item.span

    @property
    def name(self) -> str:
        return self.main_link.text if self.main_link else ""

    @property
    def url(self) -> str:
        return self.main_link.url if self.main_link else ""

    @property
    def images(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.is_image)

    @property
    def depth(self) -> int:
        return self.item.depth

    def walk(self) -> Iterator[Entry]:
        yield self
        for child in self.children:
            yield from child.walk()


@direct_init
@dataclass(frozen=True, slots=True)
class HtmlBlock:
    """Raw HTML: a block, or one inline tag."""

    raw: str
    span: Span
    inline: bool = False


@direct_init
@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment ``<!-- ... -->`` (lint directives live in these)."""

    text: str
    """What is between ``<!--`` and ``-->``."""
    span: Span


@direct_init
@dataclass(frozen=True, slots=True)
class TextBlock:
    """A paragraph, heading or table cell's inline content: what prose rules read."""

    kind: str
    """``paragraph``, ``block_text``, ``heading`` or ``table_cell``."""
    span: Span


class Deferred(Generic[T]):
    """A :class:`Document` field that the parser may give as a function, called once, when
    the field is first read: ``listbot links`` never reads the entries, and building them
    is a sixth of parsing a list; the rules never read the whole text. Everyone else sees
    a plain attribute.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = f"_deferred_{name}"

    @overload
    def __get__(self, document: None, owner: type) -> Deferred[T]: ...
    @overload
    def __get__(self, document: object, owner: type) -> T: ...
    def __get__(self, document: object | None, owner: type) -> T | Deferred[T]:
        if document is None:
            # Read on the class: no default, as ``dataclass`` asks (AttributeError = none).
            raise AttributeError(self._slot)
        value = document.__dict__[self._slot]
        if callable(value):
            value = document.__dict__[self._slot] = value()
        return cast(T, value)

    def __set__(self, document: object, value: T | Callable[[], T]) -> None:
        document.__dict__[self._slot] = value


@dataclass(frozen=True)
class Document:
    """A parsed README. Built only by :func:`listbot.parse.parse`."""

    path: str
    lines: tuple[str, ...]
    """File lines without terminators; ``lines[n - 1]`` is line ``n``."""
    newline: str
    """The file's dominant line ending (``\\n``, ``\\r\\n`` or ``\\r``)."""
    bom: bool
    title: Heading | None
    headings: tuple[Heading, ...]
    sections: tuple[Section, ...]
    """Top-level sections (usually the ``#`` title, or the ``##`` sections when there is none)."""
    list_items: tuple[ListItem, ...]
    links: tuple[Link, ...]
    """Every link and image in the file, in source order."""
    definitions: tuple[Definition, ...]
    html: tuple[HtmlBlock, ...]
    comments: tuple[Comment, ...]
    text_blocks: tuple[TextBlock, ...]
    code_lines: frozenset[int]
    """Lines inside fenced or indented code blocks (prose rules skip them)."""
    entries: Deferred[tuple[Entry, ...]] = Deferred()  # required: no default (see Deferred.__get__)
    """Top-level entries in file order; nested entries are in their parents' ``children``
    (the parser builds them when first read: see :class:`Deferred`)."""
    text: Deferred[str] = Deferred()  # required: no default (see Deferred.__get__)
    """The decoded text with the BOM removed and line endings as in the file. When the file
    ends every line alike, the parser gives it as ``lines`` to be joined when first read:
    rules read the lines, and the text kept beside them was 14 MB of 100,000 entries."""
    block_lines: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)
    """(first, last) line of each top-level block, in order (the parser's AST is not kept:
    see :func:`listbot.parse.positioned_tokens`)."""
    block_entries: tuple[Entry, ...] = field(default=(), compare=False, repr=False)
    """Entries written as paragraphs or table rows (paper lists that use no list items),
    in file order; list-item rules never see them (see :attr:`every_entry`)."""
    companions: Mapping[str, str] | None = field(default=None, compare=False, repr=False)
    """Texts of the files that awesome-lint looks for beside the list, by lower-case path
    relative to the list's folder (``contributing.md``, ``.github/code-of-conduct.md``, ...).
    None when the document was parsed from text, so rules about them stay silent."""
    origin: str | None = field(default=None, compare=False, repr=False)
    """The URL of the git remote of the folder the list was read from (see
    :mod:`listbot.parse.origin`); None when parsed from text or outside a repository."""
    newline_at_end: bool | None = field(default=None, compare=False, repr=False)
    """Whether the text ends with a line ending (None: read it off :attr:`text`); given by
    the parser, so that asking does not join a deferred text."""
    notices: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """What parsing capped on pathological input (over-long markup runs, deep nesting),
    one line each naming the file and line: reported once per run, not per finding."""

    _memo: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def memo(self, key: str, compute: Callable[[Document], T]) -> T:
        """``compute(self)``, computed once per document: indexes that several rules and
        checks share (arXiv references, links by normalised URL, ...) are built only once."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return cast(T, self._memo[key])

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, or '' past the end."""
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    @cached_property
    def all_entries(self) -> tuple[Entry, ...]:
        """Every entry, nested ones included, in file order."""
        return tuple(sorted((e for top in self.entries for e in top.walk()), key=lambda e: e.span))

    @cached_property
    def headings_in_items(self) -> frozenset[int]:
        """Lines of the headings written inside a list item (`---` under an entry makes a
        setext one): not sections of the page, whatever heading-style says of them."""
        if not self.list_items:
            return frozenset()
        spans = sorted((item.span.line, item.span.end_line) for item in self.list_items)
        starts = [start for start, _ in spans]
        reach: list[int] = []  # the furthest line any item starting so far reaches
        for _, end in spans:
            reach.append(max(end, reach[-1]) if reach else end)
        inside = set()
        for heading in self.headings:
            index = bisect_right(starts, heading.line) - 1
            if index >= 0 and reach[index] >= heading.line:
                inside.add(heading.line)
        return frozenset(inside)

    @cached_property
    def every_entry(self) -> tuple[Entry, ...]:
        """Every entry in file order: list items (nested ones included), paragraphs and
        table rows. What rules about what a list recommends (duplicates) read."""
        if not self.block_entries:
            return self.all_entries
        return tuple(sorted((*self.all_entries, *self.block_entries), key=lambda e: e.span))

    @cached_property
    def ends_with_newline(self) -> bool:
        if self.newline_at_end is not None:
            return self.newline_at_end
        return self.text.endswith(("\n", "\r"))

    @cached_property
    def _heading_paths(self) -> tuple[list[int], list[tuple[str, ...]]]:
        lines: list[int] = []
        paths: list[tuple[str, ...]] = []
        stack: list[tuple[int, str]] = []
        for heading in self.headings:
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            stack.append((heading.level, heading.text))
            lines.append(heading.line)
            paths.append(tuple(text for _, text in stack))
        return lines, paths

    def section_path_at(self, line: int) -> tuple[str, ...]:
        """Heading texts, outermost first, of the section that ``line`` is in."""
        lines, paths = self._heading_paths
        index = bisect_right(lines, line) - 1
        return paths[index] if index >= 0 else ()

    def walk_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()
