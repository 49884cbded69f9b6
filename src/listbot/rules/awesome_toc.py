"""## What it does
Checks the table of contents against the headings. The TOC is the list under a heading
named "Contents", "Table of Contents", "Catalog", "目录" and the like, or, without such a
heading, the first list whose items all link to `#anchors`. Each item's anchor must
resolve to a heading (GitHub's slug, raw HTML headings included) or an HTML `id`, no
anchor may appear twice, an item's text must match its heading's, items must follow the
headings' order, and every heading after the TOC at the levels the TOC covers must be
listed, where the TOC lists the heading's parent or one of its siblings.

## Why is this bad?
A TOC that points at renamed or deleted headings sends readers nowhere, and a heading
missing from it is a section nobody finds. awesome-lint's `awesome-toc`, with its bugs
fixed: awesome-lint only finds a TOC under a `## Contents` heading, matches items by
position rather than by anchor, and limits nesting to two levels. Where the TOC sits
(awesome-lint wants it first) is not checked.

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
The fix writes the TOC again from the headings, in the existing TOC's marker and
indentation. It is safe when every TOC line is a plain `- [Text](#anchor)` item, every
item resolves to a heading and every heading's text is plain; otherwise it is unsafe
(formatting inside items would be lost) or not offered (the TOC has other content,
such as group labels, between its items).

## Options
`exclude`: headings that need no TOC item (case and emoji ignored); their subheadings
are exempt too. A heading containing `<!-- omit in toc -->` is always exempt.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Applicability, Edit, Finding, Fix, Related
from listbot.model import Document, Heading, Link, Span
from listbot.rules._toc import Toc, find_toc, heading_name, html_anchors, is_simple, render
from listbot.rules.base import FixAvailability, Rule, line_span

_MARKDOWN_SPECIAL = frozenset("[]`*_<>\\")


@dataclass(frozen=True)
class Options:
    exclude: tuple[str, ...] = ("Contributing", "Footnotes", "Related Lists", "License")
    """Headings that need no item in the table of contents (their subheadings neither)."""


@dataclass
class _Review:
    """What the TOC items point at, in TOC order."""

    covered: list[Heading]
    links: list[Link]
    """The TOC link of each covered heading (same order)."""
    findings: list[tuple[Span, str, list[Related]]]
    dropped: bool


def _parents(doc: Document) -> dict[int, Heading | None]:
    parents: dict[int, Heading | None] = {}
    stack: list[Heading] = []
    for heading in doc.headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        parents[id(heading)] = stack[-1] if stack else None
        stack.append(heading)
    return parents


def _guess(
    named: list[tuple[Heading, str]], text: str, anchor: str, taken: set[int]
) -> Heading | None:
    """The one free heading a stale item most likely meant (``🚀(New) Prompts`` → ``Prompts``)."""
    names = {heading_name(text), heading_name(anchor.replace("-", " "))} - {""}
    found = [
        heading
        for heading, name in named
        if id(heading) not in taken and any(name in item or item in name for item in names)
    ]
    return found[0] if len(found) == 1 else None


def _review(doc: Document, toc: Toc) -> _Review:
    slugs: dict[str, Heading] = {}
    for heading in doc.headings:
        slugs.setdefault(heading.slug.casefold(), heading)
    others = {anchor.casefold() for anchor in html_anchors(doc)}
    taken = {
        id(slugs[e.anchor.casefold()])
        for e in toc.items
        if e.anchor and e.anchor.casefold() in slugs
    }
    named = [(h, name) for h in doc.headings if len(name := heading_name(h.text)) >= 4]
    review = _Review([], [], [], False)
    seen: set[str] = set()
    for entry in toc.items:
        link = entry.link
        if link is None:
            text = entry.item.first_line.strip()
            review.findings.append((entry.item.span, f'ToC item "{text}" missing link', []))
            review.dropped = True
            continue
        anchor = entry.anchor
        if anchor is None:
            review.dropped = True
            continue
        key = anchor.casefold()
        if key in seen:
            message = f'ToC item "{link.text}" has duplicate link "{link.url}"'
            review.findings.append((link.span, message, []))
            review.dropped = True
            continue
        seen.add(key)
        target = slugs.get(key)
        if target is None:
            review.dropped = True
            if key in others:
                continue
            message = f'ToC item "{link.text}" link "{link.url}" not found'
            guess = _guess(named, link.text, anchor, taken)
            if guess is None:
                review.findings.append((link.span, message, []))
                continue
            taken.add(id(guess))
            message += f'; did you mean "#{guess.slug}"?'
            related = [Related(guess.line, guess.span.column, "heading here")]
            review.findings.append((link.span, message, related))
            review.covered.append(guess)
            review.links.append(link)
            continue
        name = heading_name(link.text)
        if name != heading_name(target.text):
            message = f'ToC item "{link.text}" does not match corresponding heading "{target.text}"'
            related = [Related(target.line, target.span.column, "heading here")]
            review.findings.append((link.span, message, related))
        review.covered.append(target)
        review.links.append(link)
    return review


def _order_finding(review: _Review, toc: Toc) -> tuple[Span, str, list[Related]] | None:
    pairs = itertools.pairwise(zip(review.covered, review.links, strict=True))
    for (before, _), (after, link) in pairs:
        if after.line < before.line:
            message = (
                f'ToC item "{link.text}" is out of order: its heading comes before "{before.text}"'
            )
            return link.span, message, [Related(after.line, after.span.column, "heading here")]
    return None


def _missing(doc: Document, toc: Toc, covered: list[Heading], options: Options) -> list[Heading]:
    if not covered:
        return []
    levels = [heading.level for heading in covered]
    low, high = min(levels), max(levels)
    covered_ids = {id(heading) for heading in covered}
    parents = _parents(doc)
    # A heading is expected when its parent or one of its siblings is listed.
    listed_parents = {id(parents[id(h)]) for h in covered}
    excluded_names = {heading_name(name) for name in options.exclude}
    exempt: set[int] = set()
    missing: list[Heading] = []
    for heading in doc.headings:
        parent = parents[id(heading)]
        if (
            heading_name(heading.text) in excluded_names
            or "omit in toc" in heading.raw.lower()
            or "omit from toc" in heading.raw.lower()
            or (parent is not None and id(parent) in exempt)
            or (toc.heading is not None and heading is toc.heading)
        ):
            exempt.add(id(heading))
            continue
        if heading.line < toc.end_line or id(heading) in covered_ids:
            continue
        if not low <= heading.level <= high:
            continue
        if id(parent) in covered_ids or id(parent) in listed_parents:
            missing.append(heading)
    return missing


def _fix(doc: Document, toc: Toc, headings: list[Heading], dropped: bool) -> Fix | None:
    if not toc.items:
        return None
    item_lines = {entry.item.line for entry in toc.items}
    lines = range(toc.first_line, toc.last_line + 1)
    if any(line not in item_lines for line in lines):
        return None
    if any(doc.line_text(line).lstrip().startswith(">") for line in lines):
        return None
    plain = all(
        heading.raw.strip() == heading.text.strip()
        and not _MARKDOWN_SPECIAL.intersection(heading.text)
        for heading in headings
    )
    safe = plain and not dropped and is_simple(doc, toc)
    anchors = [(h.level, h.text, h.slug) for h in headings]
    text = doc.newline.join(render(doc, toc, anchors))
    span = line_span(doc, toc.first_line)
    span = Span(span.line, 1, toc.last_line, len(doc.line_text(toc.last_line)) + 1)
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    return Fix((Edit(span, text),), "Regenerate the table of contents", applicability)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    toc = find_toc(doc)
    if toc is None:
        return
    if not toc.items:
        assert toc.heading is not None
        yield RULE.finding(toc.heading.span, "Missing or invalid Table of Contents list")
        return
    review = _review(doc, toc)
    found = list(review.findings)
    order = _order_finding(review, toc)
    if order is not None:
        found.append(order)
    missing = _missing(doc, toc, review.covered, options)
    where = toc.heading.span if toc.heading is not None else toc.items[0].item.span
    for heading in missing:
        related = [Related(heading.line, heading.span.column, "heading here")]
        found.append((where, f'ToC missing item for "{heading.text}"', related))
    if not found:
        return
    wanted = sorted({id(h): h for h in [*review.covered, *missing]}.values(), key=lambda h: h.line)
    fix = _fix(doc, toc, wanted, review.dropped)
    for span, message, related in found:
        yield RULE.finding(span, message, related=related, fix=fix)


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
