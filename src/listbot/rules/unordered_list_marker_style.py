"""## What it does
Checks that unordered list items use one bullet character: `-`, `*` or `+`.

## Why is this bad?
Mixed bullets make a list look unkempt in the source, and in Markdown a change of bullet
character ends one list and starts another, so a stray `*` among `-` items silently
splits the list (and can change its spacing on GitHub). remark-lint's
`unordered-list-marker-style`, enabled by awesome-lint with `consistent`.

Items of one list that share the wrong bullet are reported once, at the first of them;
the fix rewrites them all.

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
Safe: replaces the one bullet character and nothing else. Unsafe when a list with the
new bullet sits right before or after (only blank or indented lines between): a change of
bullet is what separates the two lists, and the fix would join them into one, which
renders differently (one list, and a loose list spreads its neighbour's items).

## Options
`style`: `"consistent"` (the bullet most items in the file use; remark-lint takes the
first one, which in a list such as awesome-python-cn, whose preamble uses `-` and its
900 entries `*`, would flag every entry), or `"-"`, `"*"`, `"+"` to require that
character.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Applicability, Edit, Finding, Fix
from listbot.model import Document, ListItem, Span
from listbot.rules.base import FixAvailability, Rule

STYLES = ("consistent", "-", "*", "+")


@dataclass(frozen=True)
class Options:
    style: str = "consistent"
    """Bullet to require: "consistent" (the one most items use), "-", "*" or "+"."""

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"style must be one of {', '.join(map(repr, STYLES))}")


def _most_common_bullet(doc: Document) -> str | None:
    """The bullet most items use; on a tie, the one that comes first in the file."""
    counts = Counter(item.bullet for item in doc.list_items if not item.ordered)
    if not counts:
        return None
    return max(counts, key=lambda bullet: counts[bullet])


def check(doc: Document, options: Options) -> Iterator[Finding]:
    expected = _most_common_bullet(doc) if options.style == "consistent" else options.style
    if expected is None:
        return
    groups: dict[tuple[int, str], list[ListItem]] = {}
    for item in doc.list_items:
        if not item.ordered and item.bullet != expected:
            groups.setdefault((item.list_index, item.bullet), []).append(item)
    for (_, bullet), items in groups.items():
        first = items[0]
        more = f" ({len(items)} items in this list)" if len(items) > 1 else ""
        yield RULE.finding(
            Span.at(first.line, first.column),
            f"Unexpected unordered list marker `{bullet}`, expected `{expected}`{more}",
            fix=Fix(
                tuple(Edit.replace_at(item.line, item.column, 1, expected) for item in items),
                f"Use `{expected}` as the bullet",
                Applicability.UNSAFE
                if _joins_a_neighbour(doc, items, expected)
                else Applicability.SAFE,
            ),
            items=len(items),
        )


def _joins_a_neighbour(doc: Document, items: list[ListItem], expected: str) -> bool:
    """Whether giving ``items`` the bullet ``expected`` would join them to an adjacent list."""
    first, last = items[0], items[-1]

    def only_gap(start: int, end: int) -> bool:
        return all(
            not text.strip() or text[:1] in " \t"
            for text in (doc.line_text(n) for n in range(start, end))
        )

    for other in doc.list_items:
        if other.ordered or other.bullet != expected or other.list_index == first.list_index:
            continue
        if other.depth != first.depth or other.indent != first.indent:
            continue
        before = other.span.end_line < first.line and only_gap(other.span.end_line + 1, first.line)
        after = other.line > last.span.end_line and only_gap(last.span.end_line + 1, other.line)
        if before or after:
            return True
    return False


RULE = Rule(
    id="unordered-list-marker-style",
    summary="Unordered list items must use one bullet character throughout the file.",
    check=check,
    tags=("lists", "style", "remark-lint"),
    fix=FixAvailability.ALWAYS,
    options=Options,
    doc=__doc__ or "",
)
