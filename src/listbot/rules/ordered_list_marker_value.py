"""## What it does
Checks the numbers of ordered list items: counting up by one from the list's first
number (`ordered`, the default), all `1.` (`one`), or all equal to the first (`single`).

## Why is this bad?
Markdown renders an ordered list from its first number and ignores the rest, so a
source that reads 1, 2, 2, 4 shows 1, 2, 3, 4 on GitHub: readers of the rendered list and
of the source see different numbers, and "see item 3" points nowhere. remark-lint's
`ordered-list-marker-value`, enabled by awesome-lint with `ordered`.

## Example
```markdown
1. [Foo](https://foo.dev) - Does foo.
2. [Bar](https://bar.dev) - Does bar.
2. [Baz](https://baz.dev) - Does baz.
```

## Use instead
```markdown
1. [Foo](https://foo.dev) - Does foo.
2. [Bar](https://bar.dev) - Does bar.
3. [Baz](https://baz.dev) - Does baz.
```

## Fix safety
Safe: rewrites the numbers of the second and later items only, which Markdown does not
render; the list's first number, which it does render, is never changed. Unsafe when
the new number has another width (`9.` to `10.`) and the item has indented lines below
it: the content column moves, and a child list may no longer be nested.

## Options
`style`: `"ordered"`, `"one"` or `"single"`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Applicability, Edit, Finding, Fix
from listbot.model import Document, ListItem, Span
from listbot.normalize.markup import has_indented_follower
from listbot.rules.base import FixAvailability, Rule

STYLES = ("ordered", "one", "single")


@dataclass(frozen=True)
class Options:
    style: str = "ordered"
    """Item numbers: "ordered" (1, 2, 3, ...), "one" (all 1) or "single" (all as the first)."""

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"style must be one of {', '.join(map(repr, STYLES))}")


def _expected(style: str, first: int, position: int) -> int:
    if style == "one":
        return 1
    if style == "single":
        return first
    return first + position


def check(doc: Document, options: Options) -> Iterator[Finding]:
    lists: dict[int, list[ListItem]] = {}
    for item in doc.list_items:
        if item.ordered and item.number is not None:
            lists.setdefault(item.list_index, []).append(item)
    for items in lists.values():
        first = items[0].number or 0
        for position, item in enumerate(items):
            expected = _expected(options.style, first, position)
            if item.number == expected:
                continue
            digits = item.marker[:-1]
            fix = None
            if position > 0:
                moves_content = len(str(expected)) != len(digits)
                fix = Fix(
                    (Edit.replace_at(item.line, item.column, len(digits), str(expected)),),
                    f"Number the item {expected}",
                    Applicability.UNSAFE
                    if moves_content and has_indented_follower(doc, item)
                    else Applicability.SAFE,
                )
            yield RULE.finding(
                Span.at(item.line, item.column, len(digits)),
                f"Unexpected ordered list item value `{item.number}`, expected `{expected}`",
                fix=fix,
            )


RULE = Rule(
    id="ordered-list-marker-value",
    summary="Ordered list items must be numbered 1, 2, 3 (or as the configured style says).",
    check=check,
    tags=("lists", "style", "remark-lint"),
    fix=FixAvailability.SOMETIMES,
    options=Options,
    doc=__doc__ or "",
)
