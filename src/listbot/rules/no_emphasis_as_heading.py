"""## What it does
Finds a paragraph that is only bold or italic text (`**Tools**`, `*Tools*`) and introduces
the content below it: a heading in disguise.

## Why is this bad?
A bold line is not a heading: it gets no anchor, so a table of contents cannot link to
it, GitHub's outline menu and screen readers skip it, and tools that read sections
(awesome-lint, ecosyste.ms, listbot's own section paths) file its entries under the
heading above. remark-lint's `no-emphasis-as-heading`, enabled by awesome-lint; listbot
also reports one that introduces a list or a table, not only a paragraph.

Not reported: an emphasised sentence (ending in `.`, `!`, `?`, `。`), which is a
description; emphasis of more than three words right under a heading, which describes
that section; and a bold
group label whose list links to `#anchors`, which is a table of contents.

## Example
```markdown
**Tools**

- [Foo](https://foo.dev) - Does foo.
```

## Use instead
```markdown
### Tools

- [Foo](https://foo.dev) - Does foo.
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
_TOC_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[^\]]*\]\(#")
_HEADING_LINE = re.compile(r"^\s{0,3}(?:#{1,6}(?:\s|$)|<h[1-6]\b|(?:=+|-+)\s*$)", re.IGNORECASE)
_NOT_CONTENT = re.compile(r"^\s{0,3}(?:#|<h[1-6]|[-*_](?:\s*[-*_]){2,}\s*$)", re.IGNORECASE)


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


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    blocks = doc.text_blocks
    # pairs each block with the one before it (None for the first)
    for candidate, previous_block in zip(blocks, (None, *blocks), strict=False):
        if candidate.kind != "paragraph" or candidate.span.line != candidate.span.end_line:
            continue
        line = candidate.span.line
        source = doc.line_text(line)[candidate.span.column - 1 :].strip()
        match = _EMPHASIS_ONLY.match(source)
        if not match:
            continue
        inner = match.group("strong") or match.group("em") or ""
        if "](" in inner or "<" in inner or not inner.strip():
            continue  # `**[back to top](#contents)**` is a link, not a label
        if inner.rstrip().endswith(_SENTENCE_END):
            continue  # `_Libraries for building actor-based programs._`: a description
        following = _next_block_line(doc, line)
        if following is None or _NOT_CONTENT.match(doc.line_text(following)):
            continue
        if _TOC_ITEM.match(doc.line_text(following)):
            continue  # a group label in a table of contents, not a section
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
