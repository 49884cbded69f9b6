"""## What it does
Checks the list's title: the document must start with one level-1 heading (or an HTML
block that stands in for it: an `<h1>`..`<h6>`, or a centred logo image), there must be
no second level-1 heading, and the title must be in title case.

## Why is this bad?
The title is the list's name on GitHub, in search results and in the list of lists;
a list with two titles, none, or a title such as `awesome foo` looks unfinished.
awesome-lint's `awesome-heading`.

A list that uses level-1 headings for its sections (five or more after the title) follows
its own outline: that is one warning for the list, not an error on every heading, and
those section names need not be in title case.

## Example
```markdown
## awesome widgets
```

## Use instead
```markdown
# Awesome Widgets
```

## Differences from awesome-lint
- A leading `<!--lint ...-->` comment does not hide the heading below it.
- Five or more extra level-1 headings (the list's sections) are one warning, not an error
  each, and only the title is held to title case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding, Severity
from listbot.model import Document, Heading, Span
from listbot.rules._first_block import first_heading, first_html_block, html_block_is_heading
from listbot.rules._inline import has_case, mask_markup
from listbot.rules.base import NoOptions, Rule

# Words that title case leaves in lower case unless they come first.
SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "en", "for", "from", "if", "in", "into", "nor"}
    | {"of", "on", "or", "per", "so", "the", "to", "v", "v.", "via", "vs", "vs.", "with", "yet"}
)
_WORD = re.compile(r"\S+")


def is_title_case(text: str) -> bool:
    """True unless a word other than a small word starts with a lower-case letter."""
    for index, match in enumerate(_WORD.finditer(text)):
        word = match.group().lstrip("\"'“‘([{")
        if not word or word.startswith("."):
            continue
        first = word[0]
        if not (has_case(first) and first.islower()):
            continue
        if index > 0 and word.lower().rstrip(",:;") in SMALL_WORDS:
            continue
        return False
    return True


def _plain_text(heading: Heading) -> str:
    """The heading's own words: link labels, code and images left out, as awesome-lint does."""
    return " ".join(mask_markup(heading.raw, keep_link_text=False).split())


SECTIONS_AS_TITLES = 5
"""Extra level-1 headings from which they are the list's sections (its outline), not slips."""


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    extra: list[Heading] = []
    yield from _check(doc, extra)
    if len(extra) >= SECTIONS_AS_TITLES:  # section names, held to no title case
        yield RULE.finding(
            extra[0].span,
            f"List can only have one heading: {len(extra)} more level-1 headings serve as its "
            "sections; the list's own outline, reported once",
            severity=Severity.WARNING,
            count=len(extra),
        )
    else:  # a few more titles, each a slip
        for heading in extra:
            yield RULE.finding(heading.span, "List can only have one heading")
            if not _is_title_case(heading):
                yield _title_case(heading)


def _is_title_case(heading: Heading) -> bool:
    return heading.level != 1 or is_title_case(_plain_text(heading))


def _title_case(heading: Heading) -> Finding:
    return RULE.finding(heading.span, "Main heading must be in title case")


def _check(doc: Document, extra: list[Heading]) -> Iterator[Finding]:
    top = first_heading(doc)
    html = first_html_block(doc) if top is None else None
    count = 1 if html is not None and html_block_is_heading(html) else 0
    if top is not None and top.level > 1:
        yield RULE.finding(top.span, "Main list heading must be of depth 1")
        count += 1
    for heading in doc.headings:
        if heading.style == "html" or (heading.level != 1 and heading is not top):
            continue
        if heading is top and top.level > 1:
            continue
        count += 1
        if count > 1:
            extra.append(heading)  # its title case is decided once the extras are counted
        elif not _is_title_case(heading):
            yield _title_case(heading)
    if count == 0:
        yield RULE.finding(Span(1, 1, 1, 1), "Missing main list heading")


RULE = Rule(
    id="awesome-heading",
    summary="The list must start with exactly one level-1 heading, in title case.",
    check=check,
    tags=("awesome-lint", "structure"),
    doc=__doc__ or "",
    aliases=("heading",),
)
