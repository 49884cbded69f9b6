"""## What it does
Checks the table of contents against the headings. The TOC is the list under a heading
named "Contents", "Table of Contents", "Catalog", "目录" and the like (or in that
heading's section, when a subheading comes first), or, without such a heading, the first
list whose items all link to `#anchors`. A TOC written as a table of links is not read.

What the TOC says is read from its anchors, not from its wording or position:

- each item's anchor must resolve to a heading (GitHub's slug of the rendered heading,
  raw HTML headings included) or to an HTML `id`/`name` (error, with a guess at the
  heading it meant for the first 64 such items; a warning for a link to the page's
  title, or one that misses only the `-` a trailing badge adds to GitHub's anchor), and
  no anchor may be listed twice (error);
- an item without a link is a group label when it has sub-items (not reported) and a
  missing link when it has none (error);
- items should follow the headings' order (warning);
- a third level of items is reported once, as info, in a list that shows the Awesome
  badge: awesome-lint, which such lists pass to be listed, allows two;
- an item whose text differs from its heading's is fine: TOCs shorten headings
  (`[inotifywait](#tool-inotifywait)` for `##### Tool: [inotifywait](…)`); it is
  reported as info only, and once for the TOC when three or more items do it;
- a heading is missing when the TOC lists its siblings: at the TOC's top level, the
  headings of the level most of its items point at; in a sub-list, the headings of the
  level its items point at inside the section its parent item points at (error), once,
  in the sub-list whose section holds it most closely. A sub-list that leaves out more
  of those headings than it lists is a selection, not an outdated TOC, and an item
  without a sub-list expects none.

## Why is this bad?
A TOC that points at renamed or deleted headings sends readers nowhere, and a heading
missing from it is a section nobody finds. awesome-lint's `awesome-toc`, with its bugs
fixed (see below).

## Example
```markdown
## Contents
- [Tools](#tool)

## Tools
## Articles
```

## Use instead
```markdown
## Contents
- [Tools](#tools)
- [Articles](#articles)

## Tools
## Articles
```

## Fix safety
The fix writes the TOC again: the existing items in heading order with their own texts,
missing headings added where they belong, in the TOC's marker and indentation. One
finding carries it. It is safe when every TOC line is a plain `- [Text](#anchor)` item,
every item resolves to a heading and every added heading's text is plain; otherwise it
is unsafe (formatting inside items would be lost) or not offered (the TOC has other
content, such as group labels, between its items).

## Options
`exclude`: headings that need no TOC item (case and emoji ignored); their subheadings
are exempt too. A heading containing `<!-- omit in toc -->` is always exempt, and so are
the headings between the TOC and the first heading it lists (a sponsor block, news):
the page's preamble, like the headings above the TOC.

## Differences from awesome-lint
awesome-lint finds a TOC only under a `## Contents` heading, matches items to headings
by position (one item too many and every later item "does not match"), wants the TOC
to be the first section, and reports every item nested deeper than two levels as an
error. listbot matches items by anchor, accepts other TOC headings, reports the depth
once and as info, and a differing item text as info, not as an error. awesome-lint
exempts only `Contributing` and `Footnotes`; listbot also exempts the other usual names
of the sections about the list itself (`Contribute`, `Contributors`, `License`, ...),
which lists commonly leave out of their TOC.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from listbot.findings import Applicability, Edit, Finding, Fix, Related, Severity
from listbot.model import Document, Heading, Span
from listbot.rules._toc import (
    TOC_MEMO,
    Toc,
    TocItem,
    anchored_headings,
    find_toc,
    heading_name,
    html_anchors,
    is_simple,
    section_end,
)
from listbot.rules._toc import render as render_toc
from listbot.rules.base import FixAvailability, Rule, line_span

_MARKDOWN_SPECIAL = frozenset("[]`*_<>\\")


@dataclass(frozen=True)
class Options:
    exclude: tuple[str, ...] = (
        "Contributing",
        "Contribute",
        "Contributors",
        "Contribution",
        "Contributions",
        "How to Contribute",
        "Footnotes",
        "Related Lists",
        "Related Awesome Lists",
        "Other Awesome Lists",
        "See Also",
        "Code of Conduct",
        "Acknowledgements",
        "Acknowledgments",
        "License",
        "Licence",
    )
    """Headings that need no item in the table of contents (their subheadings neither):
    the sections about the list itself, which many lists leave out of their TOC."""


@dataclass(frozen=True)
class _Found:
    span: Span
    message: str
    severity: Severity = Severity.ERROR
    related: tuple[Related, ...] = ()


@dataclass
class _Review:
    """What each TOC item points at, and what is wrong with the items themselves."""

    targets: dict[int, Heading] = field(default_factory=dict)
    """TOC item index -> the heading it points at (or, for a stale anchor, most likely meant)."""
    found: list[_Found] = field(default_factory=list)
    dropped: bool = False
    """Some item points nowhere, or at a guessed heading: regenerating the TOC would lose
    it or rest on the guess (the fix is then unsafe)."""
    also_listed: set[int] = field(default_factory=set)
    """Headings that other links in the TOC's section point at (``[Credits](#credits)``
    under the list, ``### [Tools](#tools-1)``): listed, though not as items."""
    guesses: int = 0
    """How many items a heading was guessed for (at most :data:`MAX_GUESSES`)."""
    reworded: list[_Found] = field(default_factory=list)
    """Items whose text differs from their heading's (info, or one finding for the TOC)."""


def _heading_parents(doc: Document) -> dict[int, Heading | None]:
    parents: dict[int, Heading | None] = {}
    stack: list[Heading] = []
    for heading in doc.headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        parents[id(heading)] = stack[-1] if stack else None
        stack.append(heading)
    return parents


def _item_parents(toc: Toc) -> list[int | None]:
    """Each TOC item's parent item (the nearest earlier item one level up)."""
    parents: list[int | None] = []
    open_items: list[int] = []  # index of the last item seen at each depth
    for index, entry in enumerate(toc.items):
        del open_items[entry.level :]
        parents.append(open_items[-1] if open_items else None)
        open_items.append(index)
    return parents


def _text(entry: TocItem) -> str:
    """The item's own words, for messages: its link text, else its line without the marker."""
    if entry.link is not None and entry.link.text.strip():
        return entry.link.text.strip()
    line = entry.item.first_line.strip()
    return line[len(entry.item.marker) :].strip() or line


MAX_GUESSES = 64
"""A TOC with more stale or repeated items than this is out of date as a whole (the fix
regenerates it): guessing a heading for each item reads every heading each time, which
made a list of 700 repeated items quadratic (1 s of 2)."""


def _guess(
    named: list[tuple[Heading, str]], text: str, anchor: str, taken: set[int], review: _Review
) -> Heading | None:
    """The one free heading a stale item most likely meant: the one named exactly as the
    item, else the one named so but for spaces (``Progress View`` → ``ProgressView``),
    else the one whose name contains the item's or is contained in it
    (``🚀(New) Prompts`` → ``Prompts``, ``[3D](#ui-3d)`` → ``3D``)."""
    if review.guesses >= MAX_GUESSES:
        return None
    review.guesses += 1
    own_name = heading_name(text)
    names = {own_name, heading_name(anchor.replace("-", " "))} - {""}
    free = [(heading, name) for heading, name in named if id(heading) not in taken]
    exact = [heading for heading, name in free if name == own_name]
    if len(exact) == 1:
        return exact[0]
    unspaced = {name.replace(" ", "") for name in names}  # `Progress View` for `ProgressView`
    spacing = [heading for heading, name in free if name.replace(" ", "") in unspaced]
    if len(spacing) == 1:
        return spacing[0]
    found = [
        heading
        for heading, name in free
        if len(name) >= 4 and any(name in item or item in name for item in names)
    ]
    return found[0] if len(found) == 1 else None


class _Resolver:
    """Anchors to headings: GitHub's slugs first, then HTML anchors that name a heading."""

    def __init__(self, doc: Document) -> None:
        self.headings: dict[str, Heading] = {}
        for heading in doc.headings:
            self.headings.setdefault(heading.slug.casefold(), heading)
        for name, heading in anchored_headings(doc).items():
            self.headings.setdefault(name, heading)
        self.others = {anchor.casefold() for anchor in html_anchors(doc)}

    def heading(self, anchor: str) -> Heading | None:
        return self.headings.get(anchor.casefold())


def _review(doc: Document, toc: Toc, children: set[int]) -> _Review:
    resolver = _Resolver(doc)
    taken = {
        id(target)
        for e in toc.items
        if e.anchor and (target := resolver.heading(e.anchor)) is not None
    }
    named = [(h, heading_name(h.text)) for h in doc.headings if heading_name(h.text)]
    review = _Review()
    item_links = {id(entry.link) for entry in toc.items if entry.link is not None}
    start = toc.heading.line if toc.heading is not None else toc.first_line
    for other in doc.links:
        if start <= other.line < toc.end_line and other.url.startswith("#"):
            listed = resolver.heading(unquote(other.url[1:]))
            if listed is not None and id(other) not in item_links:
                review.also_listed.add(id(listed))
    seen: set[str] = set()
    for index, entry in enumerate(toc.items):
        link = entry.link
        if link is None:
            if index not in children:  # a label over sub-items groups them; a leaf needs a link
                message = f'ToC item "{_text(entry)}" missing link'
                review.found.append(_Found(entry.item.span, message))
            review.dropped = True
            continue
        anchor = entry.anchor
        if anchor is None:
            review.dropped = True
            continue
        key = anchor.casefold()
        if key in seen:
            message = f'ToC item "{_text(entry)}" has duplicate link "{link.url}"'
            guess = _guess(named, link.text, "", taken, review)
            if guess is None or guess.line < toc.first_line:
                review.found.append(_Found(link.span, message))
                review.dropped = True
                continue
            taken.add(id(guess))
            message += f'; did you mean "#{guess.slug}"?'
            related = (Related(guess.line, guess.span.column, "heading here"),)
            review.found.append(_Found(link.span, message, related=related))
            review.targets[index] = guess
            review.dropped = True  # a guess: the regenerated TOC is not proven right
            continue
        seen.add(key)
        target = resolver.heading(anchor)
        if target is None:
            review.dropped = True
            if key in resolver.others:
                continue
            review.found.append(_stale(toc, index, entry, named, taken, review))
            continue
        if heading_name(link.text) != heading_name(target.text):
            message = (
                f'ToC item "{_text(entry)}" does not match corresponding heading "{target.text}"'
            )
            related = (Related(target.line, target.span.column, "heading here"),)
            review.reworded.append(_Found(link.span, message, Severity.INFO, related))
        review.targets[index] = target
    return review


def _page_top(toc: Toc, named: list[tuple[Heading, str]]) -> Heading | None:
    """The first heading of the page, when it comes before the TOC (the list's title)."""
    if not named or (toc.heading is not None and named[0][0] is toc.heading):
        return None
    return named[0][0] if named[0][0].line < toc.first_line else None


def _stale(
    toc: Toc,
    index: int,
    entry: TocItem,
    named: list[tuple[Heading, str]],
    taken: set[int],
    review: _Review,
) -> _Found:
    """The finding for an anchor that names no heading, with the heading it probably meant.

    A link to the list's title (the first heading, or a first item whose sub-items are
    the TOC) is a warning: the reader lands at the top of the page either way. So is an
    anchor that misses only the trailing hyphen a badge at the end of the heading gives
    its GitHub anchor: it works on other renderers.
    """
    link = entry.link
    assert link is not None and entry.anchor is not None
    message = f'ToC item "{_text(entry)}" link "{link.url}" not found'
    guess = _guess(named, link.text, entry.anchor, taken, review)
    title = index == 0 and all(other.level > entry.level for other in toc.items[1:])
    related: tuple[Related, ...] = ()
    if guess is not None:
        taken.add(id(guess))
        message += f'; did you mean "#{guess.slug}"?'
        related = (Related(guess.line, guess.span.column, "heading here"),)
        review.targets[index] = guess
        title = title or guess is _page_top(toc, named)
        # `#markdown-tools` for `### Markdown Tools [![badge](…)](…)`: GitHub's anchor keeps
        # the hyphen of the space before the badge; other renderers drop it
        title = title or guess.slug.rstrip("-").casefold() == entry.anchor.casefold()
    severity = Severity.WARNING if title else Severity.ERROR
    return _Found(link.span, message, severity, related)


def _order_finding(toc: Toc, review: _Review) -> _Found | None:
    previous: Heading | None = None
    for index in sorted(review.targets):
        target = review.targets[index]
        if previous is not None and target.line < previous.line:
            link = toc.items[index].link
            assert link is not None
            message = (
                f'ToC item "{_text(toc.items[index])}" is out of order: '
                f'its heading comes before "{previous.text}"'
            )
            related = (Related(target.line, target.span.column, "heading here"),)
            return _Found(link.span, message, Severity.WARNING, related)
        previous = target
    return None


@dataclass
class _Group:
    """Items listed side by side: the TOC's top level, or one item's sub-list."""

    parent: int | None
    members: list[int] = field(default_factory=list)


def _groups(toc: Toc, review: _Review, parents: list[int | None]) -> dict[int | None, _Group]:
    """Items by the item they are listed under. An item that points at no heading but
    has sub-items (a label, the title's stale anchor) is looked through: its sub-items
    belong to its own group."""
    children: dict[int, int] = Counter(p for p in parents if p is not None)

    def owner(index: int) -> int | None:
        parent = parents[index]
        while parent is not None and parent not in review.targets and children.get(parent):
            parent = parents[parent]
        return parent

    groups: dict[int | None, _Group] = {}
    for index in range(len(toc.items)):
        key = owner(index)
        groups.setdefault(key, _Group(key)).members.append(index)
    return groups


def _exempt(doc: Document, toc: Toc, options: Options, first_listed: int) -> set[int]:
    parents = _heading_parents(doc)
    excluded_names = {heading_name(name) for name in options.exclude}
    exempt: set[int] = set()
    for heading in doc.headings:
        parent = parents[id(heading)]
        raw = heading.raw.lower()
        if (
            heading_name(heading.text) in excluded_names
            or "omit in toc" in raw
            or "omit from toc" in raw
            # the subsections of an exempt heading are exempt, but not the sections that
            # follow a TOC heading (`## Contents` over the list's `###` sections)
            or (parent is not None and id(parent) in exempt and parent is not toc.heading)
            or (toc.heading is not None and heading is toc.heading)
        ):
            exempt.add(id(heading))
    # headings before the TOC ends (the title, the TOC's own subheadings) need no item,
    # but their subsections after the TOC still do; nor do those between the TOC and the
    # first heading it lists: the page's preamble (sponsors, news), not its content
    exempt.update(
        id(heading) for heading in doc.headings if heading.line < max(toc.end_line, first_listed)
    )
    return exempt


def _missing(
    doc: Document, toc: Toc, review: _Review, parents: list[int | None], options: Options
) -> list[tuple[_Group, Heading]]:
    """Each heading missing from a group that lists its siblings, with that group."""
    listed = [h.line for h in review.targets.values() if h.line >= toc.end_line]
    exempt = _exempt(doc, toc, options, min(listed, default=0))
    covered = {id(heading) for heading in review.targets.values()} | review.also_listed
    heading_parents = _heading_parents(doc)
    missing: list[tuple[_Group, Heading]] = []
    for group in _groups(toc, review, parents).values():
        targets = [review.targets[i] for i in group.members if i in review.targets]
        if not targets:
            continue
        level = min(Counter(h.level for h in targets).most_common(), key=lambda c: (-c[1], c[0]))[0]
        if group.parent is None:
            owners = {id(heading_parents[id(h)]) for h in targets if h.level == level}
            candidates = [
                h for h in doc.headings if h.level == level and id(heading_parents[id(h)]) in owners
            ]
        else:
            section = review.targets.get(group.parent)
            if section is None:
                continue
            end = section_end(doc, section)
            candidates = [
                h for h in doc.headings if h.level == level and section.line < h.line < end
            ]
        candidates = [
            h for h in candidates if id(h) not in exempt and h.line not in doc.headings_in_items
        ]
        absent = [h for h in candidates if id(h) not in covered]
        if not absent or len(absent) > len(candidates) - len(absent):
            continue  # complete, or a selection of the headings rather than an outdated TOC
        missing.extend((group, heading) for heading in absent)
    return _innermost(missing, review)


def _innermost(
    missing: list[tuple[_Group, Heading]], review: _Review
) -> list[tuple[_Group, Heading]]:
    """Each missing heading once, in the group whose section holds it most closely: a
    sub-list under the list's title spans the whole page, as does the one under
    `Resources`."""
    best: dict[int, tuple[_Group, Heading]] = {}
    for group, heading in missing:
        kept = best.get(id(heading))
        if kept is None or _depth_line(group, review) > _depth_line(kept[0], review):
            best[id(heading)] = (group, heading)
    return [(group, heading) for group, heading in missing if best[id(heading)][0] is group]


def _depth_line(group: _Group, review: _Review) -> int:
    """The line of the heading a group's parent item points at (0 for the top level)."""
    parent = review.targets.get(group.parent) if group.parent is not None else None
    return parent.line if parent is not None else 0


def _fix(
    doc: Document,
    toc: Toc,
    review: _Review,
    parents: list[int | None],
    missing: list[tuple[int, Heading]],
) -> Fix | None:
    """The TOC written again: existing items in heading order with their own texts, the
    missing headings added at their groups' depth; None when that changes nothing."""
    if not toc.items:
        return None
    item_lines = {entry.item.line for entry in toc.items}
    lines = range(toc.first_line, toc.last_line + 1)
    if any(line not in item_lines for line in lines):
        return None
    if any(doc.line_text(line).lstrip().startswith(">") for line in lines):
        return None
    if any(parent not in review.targets for parent in parents if parent is not None):
        return None  # a group label, or a stale item with sub-items: its place is unknown
    rows: list[tuple[int, int, str, str]] = []  # (heading line, depth, text, anchor)
    for index, target in review.targets.items():
        entry = toc.items[index]
        assert entry.link is not None
        rows.append((target.line, entry.level, _label_source(entry), target.slug))
    for depth, heading in missing:
        rows.append((heading.line, depth, heading.text.strip(), heading.slug))
    rows.sort(key=lambda row: row[0])
    text = doc.newline.join(render_toc(doc, toc, [(d, t, a) for _, d, t, a in rows]))
    current = doc.newline.join(doc.line_text(line) for line in lines)
    if text == current:
        return None
    plain = all(
        heading.raw.strip() == heading.text.strip()
        and not _MARKDOWN_SPECIAL.intersection(heading.text)
        for _, heading in missing
    )
    safe = plain and not review.dropped and is_simple(doc, toc)
    span = line_span(doc, toc.first_line)
    span = Span(span.line, 1, toc.last_line, len(doc.line_text(toc.last_line)) + 1)
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    return Fix((Edit(span, text),), "Regenerate the table of contents", applicability)


def _claims_awesome(doc: Document, toc: Toc) -> bool:
    """Whether the list shows the Awesome badge above its TOC: it asks to be held to
    awesome-lint's rules (to be listed in sindresorhus/awesome), limits included."""
    return any(
        link.image_urls and ("awesome.re" in link.url or "sindresorhus/awesome" in link.url)
        for link in doc.links
        if link.line < toc.first_line
    )


def _label_source(entry: TocItem) -> str:
    """The item's link label as written (``Engine \\& Runtime`` keeps its escape)."""
    assert entry.link is not None
    raw = entry.link.raw
    end = raw.rfind("](")
    if raw.startswith("[") and end > 0 and "\n" not in raw:
        return raw[1:end].strip()
    return entry.link.text.strip()


REWORDED_CONVENTION = 3
"""Items worded unlike their headings from which that is the TOC's style, reported once."""


def _reworded(reworded: list[_Found]) -> list[_Found]:
    """The items worded unlike their headings, or one finding when the TOC does that often
    (``[terminal](#tool-terminal)`` for every ``##### Tool: terminal``): its own style."""
    if len(reworded) < REWORDED_CONVENTION:
        return reworded
    first = reworded[0]
    message = (
        f"{len(reworded)} ToC items are worded unlike their headings (the first: "
        f"{first.message.removeprefix('ToC item ')}): the table's own style, reported once"
    )
    return [_Found(first.span, message, Severity.INFO, first.related)]


def check(doc: Document, options: Options) -> Iterator[Finding]:
    toc = doc.memo(TOC_MEMO, find_toc)
    if toc is None:
        return
    if not toc.items:
        assert toc.heading is not None
        yield RULE.finding(toc.heading.span, "Missing or invalid Table of Contents list")
        return
    parents = _item_parents(toc)
    review = _review(doc, toc, {p for p in parents if p is not None})
    found = [*review.found, *_reworded(review.reworded)]
    order = _order_finding(toc, review)
    if order is not None:
        found.append(order)
    deep = next((parents[i] for i, e in enumerate(toc.items) if e.level >= 2), None)
    if deep is not None and _claims_awesome(doc, toc):
        # once per TOC, at the item whose sub-list goes a level deeper
        message = "Exceeded max depth of 2 levels (awesome-lint's limit; GitHub renders any)"
        found.append(_Found(toc.items[deep].item.span, message, Severity.INFO))
    missing = _missing(doc, toc, review, parents, options)
    placed: list[tuple[int, Heading]] = []
    for group, heading in missing:
        first = toc.items[group.members[0]]  # reported where the item would go: its list
        placed.append((first.level, heading))
        related = (Related(heading.line, heading.span.column, "heading here"),)
        found.append(
            _Found(first.item.span, f'ToC missing item for "{heading.text}"', related=related)
        )
    if not found:
        return
    fix = _fix(doc, toc, review, parents, placed)
    # the fix is one edit of the whole TOC: carried once, by the first finding that needs it
    carrier = next(
        (f for f in sorted(found, key=lambda f: f.span) if f.severity is not Severity.INFO), None
    )
    for item in found:
        yield RULE.finding(
            item.span,
            item.message,
            related=item.related,
            fix=fix if item is carrier else None,
            severity=item.severity,
        )


RULE = Rule(
    id="awesome-toc",
    summary="The table of contents must link every section, by its GitHub anchor, in order.",
    check=check,
    tags=("awesome-lint", "structure"),
    fix=FixAvailability.SOMETIMES,
    options=Options,
    doc=__doc__ or "",
    aliases=("toc",),
)
