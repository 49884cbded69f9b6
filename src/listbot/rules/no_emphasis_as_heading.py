"""## What it does
Finds a paragraph that is only bold or italic text (`**Tools**`, `*Tools*`) followed by
a paragraph: a heading in disguise, introducing the text below it.

## Why is this bad?
A bold line is not a heading: it gets no anchor, so a table of contents cannot link to
it, GitHub's outline menu and screen readers skip it, and tools that read sections
(awesome-lint, ecosyste.ms, listbot's own section paths) file what follows under the
heading above. remark-lint's `no-emphasis-as-heading`, enabled by awesome-lint.

Not reported: a bold or italic label above a list or a table (lists use them to group
entries inside a section: `_Edit images_`, `*(2016)*`); the bold title that opens a
list item (`- **Title of a Paper (AAAI 2020)**` with its authors and links below), which
is the entry itself; an emphasised sentence (ending in `.`, `!`, `?`, `。`), which is a
description; emphasis of more than three words right under a heading, which describes
that section; and emphasis right after another paragraph.

## Example
```markdown
**Installation**

Run the installer, then restart.
```

## Use instead
```markdown
### Installation

Run the installer, then restart.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding
from listbot.model import Document, Span, TextBlock
from listbot.rules.base import NoOptions, Rule

_EMPHASIS_ONLY = re.compile(
    r"^(?P<mark>\*\*|__)(?P<strong>(?:(?!\*\*|__).)+?)(?P=mark)$"
    r"|^(?P<one>[*_])(?P<em>[^*_](?:(?!\*|_).)*?)(?P=one)$"
)
MAX_LABEL_WORDS = 3
_SENTENCE_END = (".", "。", "!", "?", "！", "？", "…")
_HEADING_LINE = re.compile(r"^\s{0,3}(?:#{1,6}(?:\s|$)|<h[1-6]\b|(?:=+|-+)\s*$)", re.IGNORECASE)


def _after_heading(doc: Document, line: int) -> bool:
    """Whether the nearest non-blank line above is a heading (the text describes it)."""
    line -= 1
    while line >= 1 and not doc.line_text(line).strip():
        line -= 1
    return line >= 1 and bool(_HEADING_LINE.match(doc.line_text(line)))


def _next_block_line(doc: Document, line: int) -> int | None:
    """The first non-blank line after ``line``, if any."""
    line += 1
    while line <= len(doc.lines):
        if doc.line_text(line).strip():
            return line
        line += 1
    return None


def _previous_is_paragraph(doc: Document, block: TextBlock, previous: TextBlock | None) -> bool:
    """Whether the block just before ``block`` (only blank lines between) is a paragraph."""
    if previous is None or previous.kind != "paragraph":
        return False
    between = range(previous.span.end_line + 1, block.span.line)
    return all(not doc.line_text(line).strip() for line in between)


def _next_paragraph(doc: Document, block: TextBlock, following: TextBlock | None) -> bool:
    """Whether the next block is a paragraph in the same container (remark-lint's test)."""
    if following is None or following.kind != "paragraph":
        return False
    line = _next_block_line(doc, block.span.end_line)
    if line is None or following.span.line != line or line in doc.memo(_ITEM_LINES, _item_lines):
        return False  # a loose list item's paragraph is not the next block
    return following.span.column == block.span.column


_ITEM_LINES = "no-emphasis-as-heading:item-lines"


def _item_lines(doc: Document) -> frozenset[int]:
    return frozenset(item.line for item in doc.list_items)


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    blocks = doc.text_blocks
    # each block with the one before it (None for the first) and the one after it
    for candidate, previous_block, next_block in zip(
        blocks, (None, *blocks), (*blocks[1:], None), strict=False
    ):
        if candidate.kind != "paragraph" or candidate.span.line != candidate.span.end_line:
            continue
        line = candidate.span.line
        source = doc.line_text(line)[candidate.span.column - 1 :].strip()
        match = _EMPHASIS_ONLY.match(source)
        if not match:
            continue
        if line in doc.memo(_ITEM_LINES, _item_lines):
            continue  # `- **Title of a Paper**` opens its list item: the entry, not a heading
        inner = match.group("strong") or match.group("em") or ""
        if "](" in inner or "<" in inner or not inner.strip():
            continue  # `**[back to top](#contents)**` is a link, not a label
        if inner.rstrip().endswith(_SENTENCE_END):
            continue  # `_Libraries for building actor-based programs._`: a description
        if not _next_paragraph(doc, candidate, next_block):
            continue  # a label above a list or a table groups entries; at the end: nothing
        if len(inner.split()) > MAX_LABEL_WORDS and _after_heading(doc, line):
            continue  # `_Frameworks for performing ELT / ETL_` describes the heading above
        if _previous_is_paragraph(doc, candidate, previous_block):
            continue
        kind = "strong" if match.group("strong") else "emphasis"
        column = doc.line_text(line).find(source) + 1
        yield RULE.finding(
            Span(line, column, line, column + len(source)),
            f"Unexpected {kind} introducing a section, expected a heading instead",
        )


RULE = Rule(
    id="no-emphasis-as-heading",
    summary="Bold or italic text must not stand in for a heading.",
    check=check,
    tags=("headings", "remark-lint"),
    doc=__doc__ or "",
)
