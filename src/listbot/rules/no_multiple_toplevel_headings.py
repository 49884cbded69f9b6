"""## What it does
Checks that the file has at most one top-level (`#`) Markdown heading.

## Why is this bad?
The `#` heading is the list's title. A second one splits the document's outline into
two roots, so tables of contents, GitHub's outline menu and tools that read the title
(awesome-lint, ecosyste.ms) pick one at random. Sections are `##`. remark-lint's
`no-multiple-toplevel-headings`, enabled by awesome-lint.

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
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Finding, Related
from listbot.model import Document, Span
from listbot.rules.base import NoOptions, Rule


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    first = None
    for heading in doc.headings:
        if heading.level != 1 or heading.style == "html":
            continue
        if first is None:
            first = heading
            continue
        line = doc.line_text(heading.line)
        yield RULE.finding(
            Span(heading.line, heading.span.column, heading.line, len(line) + 1),
            "Unexpected duplicate toplevel heading, expected a single heading with rank `1` "
            f"(the first is at line {first.line})",
            related=[Related(first.line, first.span.column, "first top-level heading")],
            first_line=first.line,
        )


RULE = Rule(
    id="no-multiple-toplevel-headings",
    summary="The file must have only one top-level (`#`) heading.",
    check=check,
    tags=("headings", "remark-lint"),
    doc=__doc__ or "",
)
