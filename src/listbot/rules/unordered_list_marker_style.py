"""## What it does
Checks that unordered list items use one bullet character: `-`, `*` or `+`.

## Why is this bad?
Mixed bullets make a list look unkempt in the source, and in Markdown a change of bullet
character ends one list and starts another, so a stray `*` among `-` items silently
splits the list (and can change its spacing on GitHub). remark-lint's
`unordered-list-marker-style`, enabled by awesome-lint with `consistent`.

A bullet that differs from the list it sits in (a `*` item right after `-` items, which
splits the list) is an error, reported once per run of such items. Whole lists that use
another bullet than the rest of the file, such as a table of contents written with `-`
in a list of `*` entries, split nothing: that is a style choice, reported once for the
file as a warning, with one fix for all of them.

## Example
```markdown
- [Foo](https://foo.dev) - Does foo.
* [Bar](https://bar.dev) - Does bar.
```

## Use instead
```markdown
- [Foo](https://foo.dev) - Does foo.
- [Bar](https://bar.dev) - Does bar.
```

## Fix safety
Safe for a stray bullet written right against its list (no blank line between, an
error): it replaces the bullet characters and nothing else, joining the two halves of the
list it split, which is the defect. Unsafe when a blank line separates the halves (a
warning: a list of its own may be meant): joined, they would make one loose list, and
every item of it would render with paragraph spacing.
Unsafe for whole lists in another bullet: the page would not change (they touch no
neighbouring list), but the bullet was chosen, and changing it is the author's call.

## Options
`style`: `"consistent"` (the bullet most items in the file use; remark-lint takes the
first one, which in a list such as awesome-python-cn, whose preamble uses `-` and its
900 entries `*`, would flag every entry), or `"-"`, `"*"`, `"+"` to require that
character.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.model import Document, ListItem, Span
from listbot.normalize.markup import most_common_bullet
from listbot.rules.base import FixAvailability, Rule

STYLES = ("consistent", "-", "*", "+")


@dataclass(frozen=True)
class Options:
    style: str = "consistent"
    """Bullet to require: "consistent" (the one most items use), "-", "*" or "+"."""

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"style must be one of {', '.join(map(repr, STYLES))}")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    expected: str | None = options.style
    if expected == "consistent":
        expected = most_common_bullet(item for item in doc.list_items if not item.ordered)
    if expected is None:
        return
    lists: dict[int, list[ListItem]] = {}
    for item in doc.list_items:
        if not item.ordered:
            lists.setdefault(item.list_index, []).append(item)
    ordered = list(lists.values())
    apart: list[list[ListItem]] = []
    for position, items in enumerate(ordered):
        bullet = items[0].bullet
        if bullet == expected:
            continue
        touching = _touching(doc, ordered, position)
        if touching:
            safe = all(_tight_join(doc, items, other) for other in touching)
            # right against its list, the bullet split it by mistake; after a blank line a
            # list of its own (an entry's features) may be meant: a warning
            severity = Severity.ERROR if safe else Severity.WARNING
            yield _finding(
                items, bullet, expected, severity, _count(len(items), "items"), safe=safe
            )
        else:
            apart.append(items)
    if apart:
        items = [item for group in apart for item in group]
        bullets = list(dict.fromkeys(group[0].bullet for group in apart))
        more = f" ({len(apart)} lists use {'them' if len(bullets) > 1 else 'it'})"
        yield _finding(
            items, "`, `".join(bullets), expected, Severity.WARNING, more if len(apart) > 1 else ""
        )


def _count(number: int, what: str) -> str:
    return f" ({number} {what} in this list)" if number > 1 else ""


def _finding(
    items: list[ListItem],
    bullet: str,
    expected: str,
    severity: Severity,
    more: str,
    *,
    safe: bool = False,
) -> Finding:
    first = items[0]
    return RULE.finding(
        Span.at(first.line, first.column),
        f"Unexpected unordered list marker{'s' if ',' in bullet else ''} `{bullet}`, "
        f"expected `{expected}`{more}",
        fix=Fix(
            tuple(Edit.replace_at(item.line, item.column, 1, expected) for item in items),
            f"Use `{expected}` as the bullet",
            # a whole list's bullet was chosen; whether to change it is the author's call
            Applicability.SAFE if safe else Applicability.UNSAFE,
        ),
        severity=severity,
        items=len(items),
    )


def _touching(doc: Document, lists: list[list[ListItem]], position: int) -> list[list[ListItem]]:
    """The sibling lists with another bullet that the list at ``position`` continues or is
    continued by (same depth, nothing but blank lines and nested content between): Markdown
    split one list in two there."""
    items = lists[position]
    found: list[list[ListItem]] = []
    for other in (lists[position - 1] if position else None, _next(lists, position)):
        if other is None or other[0].depth != items[0].depth:
            continue
        if other[0].bullet == items[0].bullet:
            continue
        before, after = (other, items) if other[0].line < items[0].line else (items, other)
        if _only_list_content(doc, before[-1].line, after[0].line, items[0].column):
            found.append(other)
    return found


def _tight_join(doc: Document, items: list[ListItem], other: list[ListItem]) -> bool:
    """Whether joining two touching lists keeps every item's rendering: both are tight and
    no blank line lies between them (else the joined list is loose, its items paragraphs)."""
    before, after = (other, items) if other[0].line < items[0].line else (items, other)
    if any(item.loose for item in (*before, *after)):
        return False
    gap = range(before[-1].span.end_line + 1, after[0].line)
    return all(doc.line_text(number).strip() for number in gap)


def _next(lists: list[list[ListItem]], position: int) -> list[ListItem] | None:
    return lists[position + 1] if position + 1 < len(lists) else None


def _only_list_content(doc: Document, first: int, last: int, column: int) -> bool:
    """Whether lines strictly between ``first`` and ``last`` are blank or indented past
    ``column`` (the lists' marker column): no paragraph or heading separates them."""
    for number in range(first + 1, last):
        text = doc.line_text(number)
        if text.strip() and len(text) - len(text.lstrip()) < column:
            return False
    return True


RULE = Rule(
    id="unordered-list-marker-style",
    summary="Unordered list items must use one bullet character throughout the file.",
    check=check,
    tags=("lists", "style", "remark-lint"),
    fix=FixAvailability.ALWAYS,
    options=Options,
    doc=__doc__ or "",
)
