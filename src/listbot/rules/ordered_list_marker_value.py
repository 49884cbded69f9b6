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

With `ordered`, a slip is reported once, where the count breaks (`1, 2, 2, 3` is reported
at the second `2`, not at every later item), and a list that repeats one number
(`1. 1. 1.`) is reported once, at its second item. When most of the file's lists repeat
one number, that is the file's style (Markdown counts for them): it is reported once for
the file, as a warning, with one fix for all those lists, which is unsafe (the style was
chosen). In such a file an item numbered in that style (`21. 22. 1. 1.`, where every
other list repeats `1.`) is not a break in the lists that count.

## Fix safety
Safe: rewrites the numbers of the second and later items only (with `ordered`, every item
from the break on, counting up), which Markdown does not render; the list's first
number, which it does render, is never changed. Unsafe when
the new number has another width (`9.` to `10.`) and the item has indented lines below
it: the content column moves, and a child list may no longer be nested.

## Options
`style`: `"ordered"`, `"one"` or `"single"`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
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


def _renumber(doc: Document, items: list[ListItem], start: int, first_value: int) -> Fix:
    """Renumber ``items[start:]`` counting up from ``first_value``."""
    edits: list[Edit] = []
    unsafe = False
    for offset, item in enumerate(items[start:]):
        value = first_value + offset
        digits = item.marker[:-1]
        if item.number == value:
            continue
        if len(str(value)) != len(digits) and has_indented_follower(doc, item):
            unsafe = True
        edits.append(Edit.replace_at(item.line, item.column, len(digits), str(value)))
    count = len(edits)
    return Fix(
        tuple(edits),
        f"Renumber {count} item{'s' if count != 1 else ''} from {first_value}",
        Applicability.UNSAFE if unsafe else Applicability.SAFE,
    )


def _finding(item: ListItem, expected: int, fix: Fix | None) -> Finding:
    digits = item.marker[:-1]
    return RULE.finding(
        Span.at(item.line, item.column, len(digits)),
        f"Unexpected ordered list item value `{item.number}`, expected `{expected}`",
        fix=fix,
    )


def _check_ordered(
    doc: Document, items: list[ListItem], styled: frozenset[int] = frozenset()
) -> Iterator[Finding]:
    """Report where the count breaks, once per break; the fix renumbers the rest.

    The first break's fix renumbers every later item, so later breaks need none (a fix per
    break, each renumbering the rest, cost the square of the list's length); a second fix
    is offered only when the first is unsafe, for plain ``--fix``. An item numbered as the
    file's style numbers every item (``styled``, such as ``1.``) is not a break.
    """
    safe_fix_given = False
    fixes_left = 2
    for index in range(1, len(items)):
        previous, item = items[index - 1].number or 0, items[index].number
        if item in (previous + 1, (items[0].number or 0) + index) or item in styled:
            continue  # follows the item before it, or stands where the count puts it
        if index >= 2 and item == previous == items[index - 2].number:
            continue  # the same repeat as the item before: already reported there
        fix = None
        if fixes_left and not safe_fix_given:
            fix = _renumber(doc, items, index, previous + 1)
            fixes_left -= 1
            safe_fix_given = fix.applicability is Applicability.SAFE
        yield _finding(items[index], previous + 1, fix)


def _check_fixed(doc: Document, items: list[ListItem], value: int) -> Iterator[Finding]:
    """Every item must carry ``value``; the first item's number is never rewritten."""
    for index, item in enumerate(items):
        if item.number == value:
            continue
        fix = None
        if index > 0:
            digits = item.marker[:-1]
            moves = len(str(value)) != len(digits) and has_indented_follower(doc, item)
            fix = Fix(
                (Edit.replace_at(item.line, item.column, len(digits), str(value)),),
                f"Number the item {value}",
                Applicability.UNSAFE if moves else Applicability.SAFE,
            )
        yield _finding(item, value, fix)


def _repeats_one_number(items: list[ListItem]) -> bool:
    return len(items) > 1 and all(item.number == items[0].number for item in items)


def _style_finding(doc: Document, repeating: list[list[ListItem]]) -> Finding:
    """One warning for the lists that number every item alike, with one fix for them all."""
    first = repeating[0]
    fixes = [_renumber(doc, items, 1, (items[0].number or 0) + 1) for items in repeating]
    finding = _finding(first[1], (first[0].number or 0) + 1, None)
    return finding.with_(
        message=f"{finding.message} ({len(repeating)} lists number every item alike)",
        severity=Severity.WARNING,
        fix=Fix(
            tuple(edit for fix in fixes for edit in fix.edits),
            f"Renumber the items of {len(repeating)} lists",
            Applicability.UNSAFE,  # numbering every item 1. was chosen: the author's call
        ),
    )


def check(doc: Document, options: Options) -> Iterator[Finding]:
    lists: dict[int, list[ListItem]] = {}
    for item in doc.list_items:
        if item.ordered and item.number is not None:
            lists.setdefault(item.list_index, []).append(item)
    repeating = [items for items in lists.values() if _repeats_one_number(items)]
    counted = [items for items in lists.values() if len(items) > 1]
    styled: frozenset[int] = frozenset()
    if options.style == "ordered" and len(repeating) >= 2 and 2 * len(repeating) >= len(counted):
        yield _style_finding(doc, repeating)  # numbering every item 1. is the file's style
        lists = {key: items for key, items in lists.items() if not _repeats_one_number(items)}
        styled = frozenset(items[0].number or 0 for items in repeating)
    for items in lists.values():
        if options.style == "ordered":
            yield from _check_ordered(doc, items, styled)
        else:
            value = 1 if options.style == "one" else items[0].number or 0
            yield from _check_fixed(doc, items, value)


RULE = Rule(
    id="ordered-list-marker-value",
    summary="Ordered list items must be numbered 1, 2, 3 (or as the configured style says).",
    check=check,
    tags=("lists", "style", "remark-lint"),
    fix=FixAvailability.SOMETIMES,
    options=Options,
    doc=__doc__ or "",
)
