"""## What it does
Checks that the file has at most one top-level (`#`) Markdown heading.

## Why is this bad?
The `#` heading is the list's title. A second one splits the document's outline into
two roots, so tables of contents, GitHub's outline menu and tools that read the title
(awesome-lint, ecosyste.ms) pick one at random. Sections are `##`. remark-lint's
`no-multiple-toplevel-headings`, enabled by awesome-lint.

A list that uses level-1 headings for its sections (five or more after the title) follows
its own outline: that is one warning for the list, not an error on every heading.

## Example
```markdown
# Awesome Foo

# Tools
```

## Use instead
```markdown
# Awesome Foo

## Tools
```

## Differences from awesome-lint
Five or more extra level-1 headings (the list's sections) are one warning; remark-lint
reports each.
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Finding, Related, Severity
from listbot.model import Document, Heading, Span
from listbot.rules.awesome_heading import SECTIONS_AS_TITLES
from listbot.rules.base import NoOptions, Rule


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    top = [heading for heading in doc.headings if heading.level == 1 and heading.style != "html"]
    if len(top) < 2:
        return
    first, extra = top[0], top[1:]
    related = [Related(first.line, first.span.column, "first top-level heading")]
    if len(extra) >= SECTIONS_AS_TITLES:
        yield RULE.finding(
            _line_span(doc, extra[0]),
            f"Unexpected {len(extra)} more toplevel headings, expected a single heading with "
            f"rank `1` (the first is at line {first.line}): they serve as the list's sections; "
            "its own outline, reported once",
            related=related,
            severity=Severity.WARNING,
            first_line=first.line,
            count=len(extra),
        )
        return
    for heading in extra:
        yield RULE.finding(
            _line_span(doc, heading),
            "Unexpected duplicate toplevel heading, expected a single heading with rank `1` "
            f"(the first is at line {first.line})",
            related=related,
            first_line=first.line,
        )


def _line_span(doc: Document, heading: Heading) -> Span:
    line = doc.line_text(heading.line)
    return Span(heading.line, heading.span.column, heading.line, len(line) + 1)


RULE = Rule(
    id="no-multiple-toplevel-headings",
    summary="The file must have only one top-level (`#`) heading.",
    check=check,
    tags=("headings", "remark-lint"),
    doc=__doc__ or "",
)
