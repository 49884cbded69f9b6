"""## What it does
Checks that top-level list items start at the left margin, with no spaces before the
marker.

## Why is this bad?
An indented top-level item looks nested in the source but is not; with four or more
spaces it is not a list item at all but an indented code block (or a lazy continuation
of the paragraph above). remark-lint's `list-item-bullet-indent`, enabled by awesome-lint.

A list whose items are all indented alike is reported once, at its first item; the fix
covers every item of that list. When many of the file's lists are indented (three or
more, and half of its top-level lists, such as every list inside a `<details>` block
indented two spaces), that is the file's style, not a slip: it is reported once for the
file, as a warning.

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

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.model import Document, ListItem, Span
from listbot.rules.base import FixAvailability, NoOptions, Rule

_STYLE_LISTS = 3
_STYLE_SHARE = 0.5
"""Indented lists that make it the file's style: this many, and this share of all."""


def _indent_before_marker(doc: Document, item: ListItem) -> int:
    """Whitespace characters just before the marker (after any block-quote markers)."""
    text = doc.line_text(item.line)
    start = item.column - 1
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    width = item.column - 1 - start
    if start > 0 and text[start - 1] == ">" and text[start] == " ":
        width -= 1  # the space after `>` belongs to the block-quote marker
    return width


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    reported: dict[tuple[int, int], Finding] = {}
    edits: dict[tuple[int, int], list[Edit]] = {}
    for item in doc.list_items:
        if item.depth != 0 or item.indent == 0 or item.line in doc.code_lines:
            continue
        width = _indent_before_marker(doc, item)
        if width == 0:
            continue
        start = item.column - width
        key = (item.list_index, width)
        edits.setdefault(key, []).append(Edit.replace_at(item.line, start, width, ""))
        if key in reported:
            continue
        spaces = "space" if item.indent == 1 else "spaces"
        reported[key] = RULE.finding(
            Span(item.line, start, item.line, item.column),
            f"Unexpected `{item.indent}` {spaces} before list item, expected `0` spaces, "
            "remove them",
        )
    top_lists = len({item.list_index for item in doc.list_items if item.depth == 0})
    keys = list(reported)
    if len(keys) >= _STYLE_LISTS and len(keys) >= _STYLE_SHARE * top_lists:
        first = reported[keys[0]]
        all_edits = tuple(edit for key in keys for edit in edits[key])
        yield first.with_(
            message=f"{first.message} ({len(keys)} lists are indented like this)",
            severity=Severity.WARNING,
            fix=Fix(all_edits, "Remove the indentation before the markers", Applicability.UNSAFE),
            data={"items": len(all_edits), "lists": len(keys)},
        )
    else:
        for key in keys:
            finding = reported[key]
            count = len(edits[key])
            title = "Remove the indentation before the marker" + (
                f" of all {count} items of this list" if count > 1 else ""
            )
            yield finding.with_(
                fix=Fix(tuple(edits[key]), title, Applicability.UNSAFE),
                data={"items": count},
            )


RULE = Rule(
    id="list-item-bullet-indent",
    summary="Top-level list items must not be indented.",
    check=check,
    tags=("lists", "whitespace", "remark-lint"),
    fix=FixAvailability.ALWAYS,
    doc=__doc__ or "",
)
