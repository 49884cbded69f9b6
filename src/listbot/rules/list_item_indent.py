"""## What it does
Checks the whitespace between a list item's marker and its content: one space (`- Foo`),
or, in the tab-size style, enough to reach the next tab stop (`-   Foo`, `1.  Foo`).

## Why is this bad?
Items whose content starts at different columns look ragged in the source and make
nested lists and continuation lines easy to mis-indent: a child list must be indented
to its parent's content column, which moves with the gap. remark-lint's
`list-item-indent` (awesome-lint sets it to `one`).

## Example
```markdown
- [Foo](https://foo.dev) - Does foo.
-   [Bar](https://bar.dev) - Does bar.
```

## Use instead
```markdown
- [Foo](https://foo.dev) - Does foo.
- [Bar](https://bar.dev) - Does bar.
```

Items of one list with the same wrong gap are reported once, at the first of them; the
fix rewrites them all. With `consistent`, several whole lists written in the file's
other style (nested lists with one space in a file of `*   Foo` items), or one gap in ten
lists or more (a generator's `-  ` before every entry's tag line), are the file's second
habit, not a ragged list: they are reported once for the file, with one fix (unsafe:
that habit was chosen).

## Fix safety
The fix rewrites only the gap after the markers. It is safe when the items are one line
(nothing below them depends on their content column); when an item has indented
continuation lines or children it is unsafe, because moving the content column can
re-parent a child list or turn an indented paragraph into a code block.

## Options
`style`: `"consistent"` (default: the style most items whose style is clear use, one
space or tab-size, is the style for the file; lists such as awesome-python-cn that use
`*   Foo` for nearly every item are only told about the exceptions), `"one"`
(awesome-lint's setting) or `"tab"`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.model import Document, ListItem, Span
from listbot.normalize.markup import has_indented_follower
from listbot.rules.base import FixAvailability, Rule

STYLES = ("consistent", "one", "tab")
TAB_SIZE = 4


@dataclass(frozen=True)
class Options:
    style: str = "consistent"
    """Gap after list markers: "consistent" (as most items), "one" or "tab"."""

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"style must be one of {', '.join(map(repr, STYLES))}")


def _tab_gap(marker: str) -> int:
    """Spaces after ``marker`` that put the content on the next tab stop."""
    return TAB_SIZE - len(marker) % TAB_SIZE


def _gap_text(doc: Document, item: ListItem) -> str:
    start = item.column - 1 + len(item.marker)
    return doc.line_text(item.line)[start : start + item.content_gap]


def _style_of(item: ListItem) -> str | None:
    """``one`` or ``tab`` when the item shows which one it follows, else None."""
    one, tab = 1, _tab_gap(item.marker)
    if one == tab:
        return None
    if item.content_gap == one:
        return "one"
    if item.content_gap == tab:
        return "tab"
    return None


def _most_common_style(doc: Document) -> str:
    """``one`` or ``tab``: what most items that show a style use (``one`` on a tie)."""
    counts = Counter(_style_of(item) for item in doc.list_items if "\t" not in _gap_text(doc, item))
    return "tab" if counts["tab"] > counts["one"] else "one"


def check(doc: Document, options: Options) -> Iterator[Finding]:
    style = _most_common_style(doc) if options.style == "consistent" else options.style
    groups: dict[tuple[int, str], list[tuple[ListItem, int]]] = {}
    sizes: Counter[int] = Counter()
    for item in doc.list_items:
        if item.content_gap == 0 or item.line in doc.code_lines:
            continue
        sizes[item.list_index] += 1
        gap = _gap_text(doc, item)
        expected = 1 if style == "one" else _tab_gap(item.marker)
        if gap == " " * expected:
            continue
        if item.content_gap > 4 and expected == 1:
            continue  # five or more spaces: the content is an indented code block
        groups.setdefault((item.list_index, gap), []).append((item, expected))
    habits: dict[str, list[tuple[int, str]]] = {}
    if options.style == "consistent":
        # one gap in many lists, whole or not (a generator's `-  ` before every tag line)
        for key in groups:
            habits.setdefault(key[1], []).append(key)
        habits = {gap: keys for gap, keys in habits.items() if len(keys) >= HABIT_LISTS}
    habitual = {key: items for key, items in groups.items() if key[1] in habits}
    groups = {key: items for key, items in groups.items() if key[1] not in habits}
    whole = {key: items for key, items in groups.items() if len(items) == sizes[key[0]]}
    if options.style != "consistent":
        whole = {}  # a style the configuration asks for: every list that breaks it
    for key, items in groups.items():
        if key not in whole or len(whole) == 1:
            yield _finding(doc, style, key[1], items, f" ({len(items)} items in this list)")
    if len(whole) > 1:  # whole lists in the other style: the file's second style, once
        yield _habit(doc, style, list(whole.values()))
    for keys in habits.values():
        yield _habit(doc, style, [habitual[key] for key in keys])


HABIT_LISTS = 10
"""Lists with one wrong gap from which that gap is the file's habit, reported once."""


def _habit(doc: Document, style: str, lists: list[list[tuple[ListItem, int]]]) -> Finding:
    """One finding for lists written in the file's second style, with one unsafe fix."""
    items = [pair for pairs in lists for pair in pairs]
    gap = _gap_text(doc, items[0][0])
    finding = _finding(doc, style, gap, items, f" ({len(lists)} lists are written so)")
    assert finding.fix is not None  # the file's second habit: changing it is a choice
    return finding.with_(fix=replace(finding.fix, applicability=Applicability.UNSAFE))


def _finding(
    doc: Document, style: str, gap: str, items: list[tuple[ListItem, int]], more: str
) -> Finding:
    first, expected = items[0]
    column = first.column + len(first.marker)
    unit = "space" if expected == 1 else "spaces"
    found = "tab" if "\t" in gap else f"`{len(gap)}` spaces"
    unsafe = any(has_indented_follower(doc, item) for item, _ in items)
    edits = tuple(
        Edit.replace_at(
            item.line, item.column + len(item.marker), len(_gap_text(doc, item)), " " * want
        )
        for item, want in items
    )
    return RULE.finding(
        Span(first.line, column, first.line, column + len(gap)),
        f"Unexpected {found} between list item marker and content, "
        f"expected `{expected}` {unit}{more if len(items) > 1 else ''}",
        fix=Fix(
            edits,
            "Put the content one space after the marker"
            if style == "one"
            else "Put the content on the next tab stop",
            Applicability.UNSAFE if unsafe else Applicability.SAFE,
        ),
        items=len(items),
    )


RULE = Rule(
    id="list-item-indent",
    summary="List item content must start one space (or one tab stop) after the marker.",
    check=check,
    severity=Severity.WARNING,
    tags=("lists", "whitespace", "remark-lint"),
    fix=FixAvailability.ALWAYS,
    options=Options,
    doc=__doc__ or "",
)
