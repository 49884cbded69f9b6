"""## What it does
Checks that ordered list items use one delimiter after the number: `1.` or `1)`.

## Why is this bad?
A change of delimiter ends one list and starts another, so `1.` items followed by a
`2)` item render as two lists, the second one numbered from 2. remark-lint's
`ordered-list-marker-style`, enabled by awesome-lint with `consistent`.

## Example
```markdown
1. [Foo](https://foo.dev) - Does foo.
2) [Bar](https://bar.dev) - Does bar.
```

## Use instead
```markdown
1. [Foo](https://foo.dev) - Does foo.
2. [Bar](https://bar.dev) - Does bar.
```

## Fix safety
Safe: replaces the one delimiter character and nothing else.

## Options
`style`: `"consistent"` (the delimiter most of the file's ordered items use), `"."` or
`")"`.

## Differences from awesome-lint
With `consistent`, remark-lint takes the file's first ordered item's delimiter; listbot
takes the one most items use (the first on a tie), so one stray `2)` above nine `1.`
items is the one finding, not the nine.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Edit, Finding, Fix
from listbot.model import Document, Span
from listbot.normalize.markup import most_common_bullet
from listbot.rules.base import FixAvailability, Rule

STYLES = ("consistent", ".", ")")


@dataclass(frozen=True)
class Options:
    style: str = "consistent"
    """Delimiter after the number: "consistent" (the first one in the file), "." or ")"."""

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"style must be one of {', '.join(map(repr, STYLES))}")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    ordered = [item for item in doc.list_items if item.ordered]
    if not ordered:
        return
    expected = options.style
    if expected == "consistent":  # one stray `2)` in a file of `1.` lists is the slip
        expected = most_common_bullet(ordered) or "."
    for item in ordered:
        if item.bullet == expected:
            continue
        column = item.column + len(item.marker) - 1
        yield RULE.finding(
            Span.at(item.line, column),
            f"Unexpected ordered list marker `{item.bullet}`, expected `{expected}`",
            fix=Fix(
                (Edit.replace_at(item.line, column, 1, expected),),
                f"Use `{expected}` after the number",
            ),
        )


RULE = Rule(
    id="ordered-list-marker-style",
    summary="Ordered list items must use one delimiter (`.` or `)`) throughout the file.",
    check=check,
    tags=("lists", "style", "remark-lint"),
    fix=FixAvailability.ALWAYS,
    options=Options,
    doc=__doc__ or "",
)
