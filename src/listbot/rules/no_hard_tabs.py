"""## What it does
Finds tab characters in text outside code: between words, between a link and its
description, inside table rows. Tabs that indent a line (nested lists indented with
tabs, as sindresorhus/awesome does) are accepted unless `allow_indentation` is false;
tabs in code blocks and code spans, and trailing tabs (see `no-trailing-spaces`), are
never reported.

## Why is this bad?
A tab inside a line renders as a single space on GitHub but shows as anything from two
to eight columns in editors and diffs, so source alignment lies; it is also usually
debris from pasting out of a spreadsheet or a PDF.

## Example
```markdown
1. [Foo](https://foo.dev)\t`Foo Inc`\t`2020`
```

## Use instead
```markdown
1. [Foo](https://foo.dev) `Foo Inc` `2020`
```

## Fix safety
Safe: each tab becomes the spaces up to the next multiple of four columns, which is how
CommonMark itself reads tabs for block structure, and inline whitespace renders the
same either way.

## Options
`allow_indentation`: accept tabs in a line's leading whitespace.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Edit, Finding, Fix, Severity
from listbot.model import Document, Span
from listbot.normalize.markup import code_span_ranges, prose_lines
from listbot.rules.base import FixAvailability, Rule

TAB_STOP = 4


@dataclass(frozen=True)
class Options:
    allow_indentation: bool = True
    """Accept tabs in the leading whitespace of a line (indentation of nested lists)."""


def _reported_tabs(text: str, allow_indentation: bool) -> list[int]:
    """0-based positions of the tabs this rule reports on one line."""
    start = len(text) - len(text.lstrip(" \t")) if allow_indentation else 0
    end = len(text.rstrip(" \t"))
    in_code = code_span_ranges(text)  # sorted, disjoint
    code_starts = [a for a, _ in in_code]
    tabs = []
    position = text.find("\t", start, end)
    while position >= 0:
        # the one code span that may hold it: the last starting at or before it
        span = bisect_right(code_starts, position) - 1
        if span < 0 or position >= in_code[span][1]:
            tabs.append(position)
        position = text.find("\t", position + 1, end)
    return tabs


def _expansions(number: int, text: str, tabs: list[int]) -> tuple[Edit, ...]:
    """Spaces for each reported tab, keeping every later character's visual column."""
    wanted = set(tabs)
    edits: list[Edit] = []
    column = 0
    for position, char in enumerate(text):
        if char == "\t":
            width = TAB_STOP - column % TAB_STOP
            if position in wanted:
                edits.append(Edit.replace_at(number, position + 1, 1, " " * width))
            column += width
        else:
            column += 1
    return tuple(edits)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for number, text in prose_lines(doc):
        if "\t" not in text:
            continue
        tabs = _reported_tabs(text, options.allow_indentation)
        if not tabs:
            continue
        edits = _expansions(number, text, tabs)
        count = "hard tab" if len(tabs) == 1 else f"{len(tabs)} hard tabs"
        yield RULE.finding(
            Span.at(number, tabs[0] + 1),
            f"Unexpected {count}, use spaces",
            fix=Fix(edits, "Replace tabs with spaces"),
        )


RULE = Rule(
    id="no-hard-tabs",
    summary="Text outside code must not contain tab characters.",
    check=check,
    severity=Severity.WARNING,
    tags=("whitespace",),
    fix=FixAvailability.ALWAYS,
    options=Options,
    doc=__doc__ or "",
)
