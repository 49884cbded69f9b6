"""## What it does
Checks that top-level list items start at the left margin, with no spaces before the
marker.

## Why is this bad?
An indented top-level item looks nested in the source but is not; with four or more
spaces it is not a list item at all but an indented code block (or a lazy continuation
of the paragraph above). remark-lint's `list-item-bullet-indent`, enabled by awesome-lint.

## Example
```markdown
 - [Foo](https://foo.dev) - Does foo.
```

## Use instead
```markdown
- [Foo](https://foo.dev) - Does foo.
```

## Fix safety
Unsafe: removing the spaces moves the item's content column, and children or
continuation lines indented relative to the old column may end up parsed differently.
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Applicability, Edit, Finding, Fix
from listbot.model import Document, Span
from listbot.rules.base import FixAvailability, NoOptions, Rule


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for item in doc.list_items:
        if item.depth != 0 or item.indent == 0 or item.line in doc.code_lines:
            continue
        text = doc.line_text(item.line)
        start = item.column - 1
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        width = item.column - 1 - start
        if width == 0:
            continue
        spaces = "space" if item.indent == 1 else "spaces"
        yield RULE.finding(
            Span(item.line, start + 1, item.line, item.column),
            f"Unexpected `{item.indent}` {spaces} before list item, expected `0` spaces, "
            "remove them",
            fix=Fix(
                (Edit.replace_at(item.line, start + 1, width, ""),),
                "Remove the indentation before the marker",
                Applicability.UNSAFE,
            ),
        )


RULE = Rule(
    id="list-item-bullet-indent",
    summary="Top-level list items must not be indented.",
    check=check,
    tags=("lists", "whitespace", "remark-lint"),
    fix=FixAvailability.ALWAYS,
    doc=__doc__ or "",
)
