"""## What it does
Reports a section that lists fewer entries than `min_entries` (off by default; awesome-go
asks for at least 3). Only sections that list entries of their own count: an introduction,
a table of contents, or a heading whose entries are all in its subsections is never
reported. Navigation links (`#anchors`) are not entries.

## Why is this bad?
A category with one or two entries makes the table of contents longer without helping
anyone find anything; the entries usually belong in a broader category.

## Example
```markdown
## Bitcoin

- [btcd](https://github.com/btcsuite/btcd) - Bitcoin node.
```

## Use instead
Merge the entries into a broader section (`## Blockchain`) until the category has grown.

## Options
- `min_entries`: the fewest entries a section with entries may have (default 3).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from listbot.constraints import ranged
from listbot.findings import Finding, Severity
from listbot.model import Document
from listbot.rules.base import Rule


@dataclass(frozen=True)
class Options:
    min_entries: int = ranged(3, 1, 100_000)
    """The fewest entries a section that lists entries may have."""

    def __post_init__(self) -> None:
        if self.min_entries < 1:
            raise ValueError("min_entries must be at least 1")


def check(doc: Document, options: Options) -> Iterator[Finding]:
    counts: dict[int, int] = {}
    for entry in doc.entries:  # top-level entries: nested ones belong to their parent
        if entry.url.startswith("#") or not entry.section:
            continue
        line = _heading_line(doc, entry.line)
        if line:
            counts[line] = counts.get(line, 0) + 1
    for heading in doc.headings:
        count = counts.get(heading.line, 0)
        if 0 < count < options.min_entries:
            noun = "entry" if count == 1 else "entries"
            yield RULE.finding(
                heading.span,
                f'Section "{heading.text}" lists {count} {noun}; this list asks for at least '
                f"{options.min_entries}",
                count=count,
            )


def _heading_line(doc: Document, line: int) -> int:
    """The line of the nearest heading above ``line`` (0 when there is none)."""
    best = 0
    for heading in doc.headings:
        if heading.line >= line:
            break
        best = heading.line
    return best


RULE = Rule(
    id="section-size",
    summary="Sections should list at least the number of entries the list asks for.",
    check=check,
    severity=Severity.WARNING,
    tags=("policy",),
    enabled=False,
    options=Options,
    doc=__doc__ or "",
)
