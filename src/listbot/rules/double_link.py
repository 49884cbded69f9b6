"""## What it does
Checks that no URL is listed twice. URLs are compared after normalisation: scheme,
`www.`, a trailing slash, tracking parameters (`utm_*`, `fbclid`, ...), GitHub owner and
repository case, `.git`, `#readme`, and the arXiv abs/pdf/`.pdf`/version/http forms of one
paper all count as the same URL. Every occurrence is reported, as awesome-lint does: the
first names where it is listed again, the others name the first.

The same URL twice in one section under one name is an error (a copy-paste slip). Two
sections, two groups of a section (under two label items, or split by a paragraph, quote
or rule such as `> **Benchmarks**`), or two names (two models on one vendor page, two
datasets of one paper in a table) make it a warning: filing a project under two
categories is often deliberate, and two things can share a page. A list that does that
often (five URLs or more) cross-lists on purpose: its repeats across sections are one
info finding for the list, not a warning at every place.

By default only the main link of each entry counts, as in awesome-lint: links in
descriptions ("built on [React](...)"), images and badges never make a duplicate, nor
do links back to the top or to the table of contents (`[Back to top](#contents)`), which
lists repeat after every section. A table of contents that links one section twice does.

Entries are whatever the list uses: list items, paper paragraphs and table rows. A link
that is a resource of the entry above it is not an entry's main link: a sub-item
labelled as one (`- Dataset: [TL;DR](…)`, `- Code: …`), a sub-item whose link names a
kind of resource (`- [Code](…)`, `- [Dataset](…)`), or a sub-item that is a sentence
about the entry (`- Taught by [Dan Gusfield](…) in 2010`), so two papers sharing a
dataset or a repository, or two courses by one teacher, are not a duplicate. Likewise a
table row that names its thing in its first cell (`| **CLEVR-ATVC** | [Paper](…) |
[Data](…) |`) shares its links with rows of other names freely; only a row of the same
name repeats it. A row without such a name is named by its cells: three benchmarks of
one paper are three rows (a warning), the same row pasted twice is a slip.

## Why is this bad?
A list that recommends the same thing twice wastes the reader's time and usually means
the two entries drift apart: one gets updated, the other rots.

## Example
```markdown
## Web
- [Foo](https://github.com/foo/foo) - Does foo.

## CLI
- [Foo](http://github.com/Foo/foo/) - Does foo from the terminal.
```

## Use instead
Keep one entry, in the section that fits best, or link the second section to it. For a
project that belongs in two sections on purpose, add its URL to `allow`, or put
`<!--lint ignore double-link-->` before the second entry.

## Differences from awesome-lint
awesome-lint counts every link outside list-item descriptions, empty links included;
listbot counts entries' main links (`scope = "all"` counts every link but anchors,
images and badges), never links back to the top or the TOC (lists repeat them on
purpose) nor empty links (`awesome-list-item` reports those), does not count a paper's
shared dataset or code link, and reports a repeat in another section or under another
name as a warning.

## Options
- `scope`: `"main"` (default) counts each entry's main link; `"all"` counts every link
  that is not an image, a badge or an `#anchor`.
- `allow`: URL patterns (`*` matches anything) that may appear more than once.
"""

from __future__ import annotations

import fnmatch
import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast
from urllib.parse import unquote

from listbot.directives import build_mask
from listbot.findings import Finding, Related, Severity
from listbot.model import Document, Entry, Link, Span
from listbot.normalize.titles import normalize_title
from listbot.normalize.urls import normalize_url
from listbot.rules._inline import mask_markup
from listbot.rules._toc import TOC_MEMO, find_toc
from listbot.rules.base import FixAvailability, Rule

SCOPES = ("main", "all")

RESOURCE_NAMES = frozenset(
    {
        "code", "source code", "github", "gitlab", "repo", "repository", "data", "dataset",
        "datasets", "data set", "benchmark", "demo", "project", "project page", "homepage",
        "website", "web", "blog", "blog post", "slides", "video", "talk", "poster", "model",
        "models", "checkpoint", "checkpoints", "weights", "leaderboard", "colab", "notebook",
        "docs", "documentation", "hugging face", "huggingface", "hf", "tweet", "media",
    }
)  # fmt: skip
"""Words that name a kind of resource of an entry (its code, its data), not a thing listed."""

_OPENS = ("[", "<a ", "<a>", "![")
"""How an item that is itself a link (not a label over sub-items) opens."""
_PROSE = re.compile(r"[^\W\d_]{2,}[ \t]+[^\W\d_]{2,}")
"""Two words in a row: a sentence, not a label or a marker."""
_LABEL = re.compile(r"^[*_\s]*([^\[\]():：]{1,40}?)[*_\s]*[:：][*_\s]*$")


@dataclass(frozen=True)
class Options:
    scope: str = "main"
    """Which links count: "main" (each entry's main link, like awesome-lint) or "all"
    (every link but images, badges and #anchors)."""
    allow: tuple[str, ...] = ()
    """URL patterns (fnmatch-style, `*` matches anything) that may be listed more than once."""

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {self.scope!r}")


def countable(link: Link, navigation: frozenset[str] | None = None) -> bool:
    """Whether a link can be a duplicate: not an image, a badge or empty, and not an
    ``#anchor`` unless ``navigation`` is given, naming the anchors that repeat by design
    (back to the top or to the table of contents)."""
    if link.is_image or link.image_urls or not link.text.strip():
        return False
    url = link.url.strip()
    if not url:
        return False
    if url.startswith("#"):
        return navigation is not None and unquote(url[1:]).casefold() not in navigation
    return True


def navigation_anchors(doc: Document) -> frozenset[str]:
    """Anchors that lists repeat on purpose: the top of the page, its title and its table of
    contents (``[back to top](#contents)`` after every section)."""
    names = {"", "top", "contents", "table-of-contents", "readme"}
    if doc.headings:
        names.add(doc.headings[0].slug.casefold())
    toc = doc.memo(TOC_MEMO, find_toc)
    if toc is not None and toc.heading is not None:
        names.add(toc.heading.slug.casefold())
    return frozenset(names)


def is_resource_link(entry: Entry) -> bool:
    """Whether the entry's main link is a resource of the entry above it, not a thing listed:
    ``- Dataset: [TL;DR](…)`` (a resource label before the link), or, in a sub-item,
    ``- [Code](…)`` (link text naming a kind of resource) or a sentence with a link in it
    (``- Taught by [Dan](…) in 2010``)."""
    link = entry.main_link
    if link is None:
        return False
    if link.span.line == entry.line:
        start = entry.column + len(entry.item.marker) + entry.item.content_gap
        if link.span.column - start > 2:  # most links open their item: no label to read
            lead = entry.item.first_line[start - 1 : link.span.column - 1]
            label = _LABEL.match(lead)
            if label and normalize_title(label.group(1)) in RESOURCE_NAMES:
                return True
            if entry.depth > 0 and entry.paper is None and _PROSE.search(lead):
                return True  # `- Taught by [Dan](…) in 2010`: a note on the entry above
    return entry.depth > 0 and normalize_title(link.text) in RESOURCE_NAMES


_Place = tuple[tuple[str, ...], str, bool]
"""Where a link is listed: its section, the name it is listed under, and whether that
name is a table row's (its links are resources of the named thing)."""


def row_name(entry: Entry) -> str | None:
    """The name a table row gives its thing in its first cell (``| **CLEVR-ATVC** | [paper]
    | [data] |``), normalised: its links are then the thing's resources. None when the first
    cell holds a link or no words (``| 2017-06 | … | [Attention Is All You Need](…) |``)."""
    if entry.kind != "table_row":
        return None
    cells = [cell for cell in entry.raw.strip().strip("|").split("|") if cell.strip()]
    if not cells or "](" in cells[0] or "<a" in cells[0].lower():
        return None
    name = normalize_title(mask_markup(cells[0]))
    return name if any(char.isalpha() for char in name) else None


_DESTINATION = re.compile(r"\]\([^)\s]*\)")


def _name(entry: Entry, link: Link) -> str:
    """What the entry calls the thing: a table row's name, or for a row without one its
    cells (three benchmarks of one paper, `| MBXP | … | [paper](…) |`, are three rows), a
    paper's title, else the link text (normalised)."""
    if entry.kind == "table_row":
        return row_name(entry) or normalize_title(_DESTINATION.sub("]", entry.raw))
    if entry.paper is not None and entry.paper.title:
        return normalize_title(entry.paper.title)
    return normalize_title(link.text)


def _links_in_scope(doc: Document, scope: str) -> Iterator[tuple[Link, Entry | None]]:
    """Each link that may count, with the entry it is the main link of (scope "main")."""
    if scope == "all":
        for link in doc.links:
            yield link, None
        return
    for entry in doc.every_entry:
        if entry.main_link is not None and not is_resource_link(entry):
            yield entry.main_link, entry


def _key(link: Link, entry: Entry | None) -> str:
    """Equal for two links that repeat each other: the normalised URL, and for a named
    table row its name (a named row's links are shared only under its name)."""
    key = normalize_url(link.url)
    name = row_name(entry) if entry is not None else None
    return key if name is None else f"{key}\0{name}"


def _placer(doc: Document, scope: str) -> Callable[[Link, Entry | None], _Place]:
    """Where a link is listed, for the few links that repeat (the inputs are read once)."""
    starts = [heading.line for heading in doc.headings]
    if scope == "all":
        return lambda link, _: (
            (_section_of(starts, link.line),),
            normalize_title(link.text),
            False,
        )
    groups = _group_labels(doc)
    labels = _label_blocks(doc)

    def place(link: Link, paired: Entry | None) -> _Place:
        entry = cast(Entry, paired)  # scope "main" pairs every link with its entry
        return (
            (
                _section_of(starts, entry.line),
                str(bisect_right(labels, entry.line)),
                *groups.get(entry.item.span, ()),
            ),
            _name(entry, link),
            row_name(entry) is not None,
        )

    return place


def _section_of(starts: list[int], line: int) -> str:
    """The section a line is in, by its heading's line: two "### Models" sections (one per
    language) are two places, though their titles are one."""
    return str(bisect_right(starts, line))


def _label_blocks(doc: Document) -> list[int]:
    """First lines of the top-level blocks that group entries within a section without being
    headings: a paragraph, quote, rule or HTML block in which no entry is written
    (``> **Surveys**`` over one list, ``---`` and ``> **Benchmarks**`` over the next). The
    entries on either side are in two places, as under two headings."""
    entry_lines = sorted(entry.line for entry in doc.every_entry)
    headings = {heading.line for heading in doc.headings}
    starts: list[int] = []
    for first, last in doc.block_lines:
        text = doc.line_text(first).strip()
        if not text or first in headings or first in doc.code_lines or text.startswith("<!--"):
            continue
        index = bisect_right(entry_lines, last)
        if index and entry_lines[index - 1] >= first:
            continue  # a list, or a paragraph or table that is itself an entry
        starts.append(first)
    return starts


def _group_labels(doc: Document) -> dict[Span, tuple[str, ...]]:
    """For list items under label items (``* HTTP Client`` over its entries), the labels:
    a label groups entries like a heading, so two groups are two places. A label is an
    item over sub-items that does not open with a link: ``* NoSQL [[nosql](…)]`` too."""
    labels: dict[Span, tuple[str, ...]] = {}
    if not any(item.depth for item in doc.list_items):
        return labels  # no nesting, no labels over entries
    stack: list[tuple[int, str]] = []  # (depth, label or "" for an item that is a link)
    for item in doc.list_items:
        while stack and stack[-1][0] >= item.depth:
            stack.pop()
        if stack and any(label for _, label in stack):
            labels[item.span] = tuple(label for _, label in stack if label)
        content = item.first_line.strip()[len(item.marker) :].strip()
        stack.append((item.depth, "" if content.lstrip("*_").startswith(_OPENS) else content))
    return labels


def _allow_matcher(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(fnmatch.translate(p) for p in patterns), re.IGNORECASE)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    allowed = _allow_matcher(options.allow)
    # An occurrence under `<!--lint ignore double-link-->` is not one: its partner stays
    # unreported too (awesome-lint reports it, sindresorhus/awesome-lint#145).
    mask = doc.memo("directives:mask", build_mask)
    navigation = navigation_anchors(doc) if options.scope == "main" else None

    def counted() -> Iterator[tuple[Link, Entry | None]]:
        for link, entry in _links_in_scope(doc, options.scope):
            if not countable(link, navigation):
                continue
            if allowed is not None and allowed.match(link.url.strip()):
                continue
            if not mask.hides(RULE.id, link.line):
                yield link, entry

    # Two passes: the first keeps only each key's hash, the second groups the links whose
    # hash came twice (a collision only adds a group of one). One pass kept every link with
    # its place: 60 MB at 100,000 entries, for the few that repeat.
    hashes = array("q")
    seen: set[int] = set()
    twice: set[int] = set()
    for link, entry in counted():
        hashed = hash(_key(link, entry))
        hashes.append(hashed)
        if hashed in seen:
            twice.add(hashed)
        seen.add(hashed)
    del seen
    place = _placer(doc, options.scope)
    by_key: dict[str, list[tuple[Link, _Place]]] = {}
    for (link, entry), hashed in zip(counted(), hashes, strict=True):
        if hashed in twice:
            by_key.setdefault(_key(link, entry), []).append((link, place(link, entry)))
    repeated = [(key.split("\0", 1)[0], found) for key, found in by_key.items() if len(found) > 1]
    crossed = [(key, found) for key, found in repeated if len({p for _, p in found}) > 1]
    convention = len(crossed) >= CROSS_LISTING_CONVENTION
    for key, found in repeated:
        yield from _report(key, found, slips_only=convention)
    if convention:
        yield _convention(crossed)


CROSS_LISTING_CONVENTION = 5
"""URLs listed in several places from which cross-listing is the list's convention."""


def _convention(crossed: list[tuple[str, list[tuple[Link, _Place]]]]) -> Finding:
    """One finding for a list that files things under several sections on purpose."""
    first = min((found[1][0] for _, found in crossed), key=lambda link: link.line)
    lines = sorted(link.line for _, found in crossed for link, _ in found[1:])
    return RULE.finding(
        first.span,
        f"{len(crossed)} URLs are listed in more than one section or under more than one "
        "name: the list cross-lists on purpose, so these repeats are not reported one by "
        "one (lines "
        + ", ".join(map(str, lines[:10]))
        + (", ..." if len(lines) > 10 else "")
        + ")",
        url=first.url,
        severity=Severity.INFO,
        convention=True,
        urls=len(crossed),
    )


def _report(
    key: str, found: list[tuple[Link, _Place]], *, slips_only: bool = False
) -> Iterator[Finding]:
    """Every occurrence (``slips_only``: only those repeated in their own place)."""
    first = found[0][0]
    first_url = first.url.strip()
    for index, (link, place) in enumerate(found):
        others = [other for n, other in enumerate(found) if n != index]
        same_place = any(other_place == place for _, other_place in others)
        if slips_only and not same_place:
            continue
        severity = Severity.ERROR if same_place else Severity.WARNING
        url = link.url.strip()
        message = f"Duplicate link: {url}"
        if index == 0:
            lines = ", ".join(str(other.line) for other, _ in others)
            where = f"listed again at line{'s' if len(others) > 1 else ''} {lines}"
            related = [Related(other.line, other.column, where) for other, _ in others[:1]]
        else:
            if first_url != url:
                message += f", the same as {first_url}"
            related = [Related(first.line, first.column, f"first seen at line {first.line}")]
        yield RULE.finding(
            link.span,
            message,
            url=link.url,
            related=related,
            severity=severity,
            first_line=first.line,
            normalized=key,
        )


RULE = Rule(
    id="double-link",
    summary="The same URL must not be listed twice (after normalisation).",
    check=check,
    severity=Severity.ERROR,
    tags=("links", "duplicates", "awesome-lint"),
    fix=FixAvailability.NEVER,
    options=Options,
    doc=__doc__ or "",
)
