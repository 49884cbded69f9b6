"""## What it does
Finds a numbered list item that only labels the list of links below it, such as
`1. Cost` or `1. **Section**` followed by `- [Paper](...)` items: a heading written as
a list item.

## Why is this bad?
The label is not a heading, so it has no anchor for the table of contents, and the
links under it belong to no section for GitHub's outline, for screen readers and for
tools that group entries by section (listbot's export, ecosyste.ms). The numbering
also breaks: each label is a separate one-item list, and a bullet list between two of
them makes Markdown restart the count.

## Example
```markdown
1. Cost
- **Language Models are Few-Shot Learners**, NeurIPS 2020. [Paper](https://arxiv.org/abs/2005.14165)
```

## Use instead
```markdown
#### 1. Cost
- **Language Models are Few-Shot Learners**, NeurIPS 2020. [Paper](https://arxiv.org/abs/2005.14165)
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding, Severity
from listbot.model import Document, ListItem, Span
from listbot.rules.base import NoOptions, Rule

MAX_LABEL_LENGTH = 80
_LINKISH = re.compile(r"\]\(|\]\[|https?://|<a\s", re.IGNORECASE)
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")


def _label(doc: Document, item: ListItem) -> str | None:
    """The item's text when it looks like a label: one short line, no link, no sentence."""
    text = doc.line_text(item.line)[item.column - 1 + len(item.marker) :].strip()
    if not text or len(text) > MAX_LABEL_LENGTH or _LINKISH.search(text):
        return None
    plain = _EMPHASIS.sub(r"\2", text).strip()
    if plain.endswith((".", "。", ":", "：", ";", "!", "?")) and not plain.endswith("..."):
        return None
    return text


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    items = doc.list_items
    for index, item in enumerate(items[:-1]):
        if not item.ordered:
            continue
        label = _label(doc, item)
        if label is None:
            continue
        following = items[index + 1]
        between = range(item.line + 1, following.line)
        if any(doc.line_text(line).strip() for line in between):
            continue
        nested = following.depth > item.depth
        if following.ordered and not nested:
            continue
        if not _LINKISH.search(following.first_line):
            continue
        column = doc.line_text(item.line).index(label, item.column - 1) + 1
        yield RULE.finding(
            Span(item.line, item.column, item.line, column + len(label)),
            f"Numbered item `{item.marker} {label}` labels the list below it like a heading; "
            "write it as a heading",
        )


RULE = Rule(
    id="ordered-list-as-heading",
    summary="A numbered list item must not stand in for a heading over a list of links.",
    check=check,
    severity=Severity.WARNING,
    tags=("headings", "lists"),
    doc=__doc__ or "",
)
