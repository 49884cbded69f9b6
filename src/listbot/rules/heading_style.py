"""## What it does
Checks that Markdown headings use the ATX style (`## Foo`), not the setext style (`Foo`
underlined with `===` or `---`).

## Why is this bad?
Setext headings only have two levels, look like a paragraph followed by a thematic
break, and turn into a heading by accident when someone adds `---` under a line. One
style keeps the outline greppable (`grep '^## '`). remark-lint's `heading-style`,
enabled by awesome-lint with `atx`.

## Example
```markdown
Tools
-----
```

## Use instead
```markdown
## Tools
```

A file that writes most of its sections as setext headings (five or more, and more than
its `#` and `##` headings) has chosen that style: with `atx` it gets one warning for the
file, not an error per heading.

## Fix safety
Safe (for `atx`): puts the `#` markers before the heading text and removes the underline
line; the heading renders identically and keeps its anchor. Headings whose text spans
several lines are reported without a fix. The one fix for a file whose style is setext is
unsafe: the style was chosen.

## Options
`style`: `"atx"` (default), `"setext"` (levels 1 and 2 must be setext) or `"consistent"`
(the file's first Markdown heading sets the style).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Edit, Finding, Fix
from listbot.model import Document, Heading, Span
from listbot.rules.base import FixAvailability, Rule

STYLES = ("atx", "setext", "consistent")
_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


@dataclass(frozen=True)
class Options:
    style: str = "atx"
    """Heading style: "atx" (`## Foo`), "setext" (underlined) or "consistent" (as the first)."""

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"style must be one of {', '.join(map(repr, STYLES))}")


def _to_atx(doc: Document, heading: Heading) -> Fix | None:
    underline = heading.span.end_line
    if underline != heading.line + 1 or not _UNDERLINE.match(doc.line_text(underline)):
        return None
    text = doc.line_text(heading.line)
    indent = len(text) - len(text.lstrip(" "))
    end = len(text.rstrip(" \t")) + 1
    last = len(doc.line_text(underline)) + 1
    return Fix(
        (
            Edit.insert(heading.line, indent + 1, "#" * heading.level + " "),
            Edit(Span(heading.line, end, underline, last), ""),
        ),
        "Rewrite as an ATX heading",
    )


CONVENTION_MIN = 5
"""Setext headings from which, when most headings of levels 1 and 2 are setext, that is the
file's style: reported once."""


def check(doc: Document, options: Options) -> Iterator[Finding]:
    in_items = doc.headings_in_items
    found = []
    for finding in _check(doc, options):
        if finding.line in in_items:
            yield finding  # an accident under one entry, never part of the file's style
        else:
            found.append(finding)
    setext = [h for h in doc.headings if h.style == "setext" and h.line not in in_items]
    atx = [h for h in doc.headings if h.style == "atx" and h.level <= 2]
    if options.style != "atx" or len(setext) < CONVENTION_MIN or len(setext) <= len(atx):
        yield from found
        return
    # most sections are underlined: the file's own style, told once with one unsafe fix
    yield RULE.convention(
        found,
        f"{len(setext)} headings are setext (underlined), as the file writes its sections: "
        "its own style, reported once; awesome-lint wants ATX (`## Foo`)",
        f"Rewrite {len(setext)} headings as ATX",
        "setext",
    )


def _check(doc: Document, options: Options) -> Iterator[Finding]:
    style = None if options.style == "consistent" else options.style
    for heading in doc.headings:
        if heading.style not in ("atx", "setext"):
            continue
        if style is None:
            style = heading.style
            continue
        if heading.style == style:
            continue
        if style == "setext" and heading.level > 2:
            continue  # setext has no level 3 and deeper
        span = Span(
            heading.line, heading.span.column, heading.line, len(doc.line_text(heading.line)) + 1
        )
        if heading.style == "setext" and heading.line in doc.headings_in_items:
            # `---` under an entry: the item renders as a heading, which nobody meant
            yield RULE.finding(
                span,
                "Unexpected setext heading, expected ATX: the line of `-` or `=` under "
                "this list item makes it a heading; remove that line",
            )
        elif heading.style == "setext":
            yield RULE.finding(
                span, "Unexpected setext heading, expected ATX", fix=_to_atx(doc, heading)
            )
        else:
            yield RULE.finding(span, "Unexpected ATX heading, expected setext")


RULE = Rule(
    id="heading-style",
    summary="Headings must use the ATX style (`## Foo`), not setext underlines.",
    check=check,
    tags=("headings", "style", "remark-lint"),
    fix=FixAvailability.SOMETIMES,
    options=Options,
    doc=__doc__ or "",
)
