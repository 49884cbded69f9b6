"""## What it does
Checks that the file ends with a line ending.

## Why is this bad?
POSIX tools treat a last line without a newline as incomplete: `cat` glues it to the next
file, `git diff` shows "\\ No newline at end of file", and the next contributor's edit
touches a line they did not mean to change. remark-lint's `final-newline`, enabled by
awesome-lint.

## Example
```markdown
- [Foo](https://foo.dev) - Does foo.⏎ missing at the end of the file
```

## Use instead
End the file with a newline (in the file's own line-ending style).

## Fix safety
Safe: appends the file's dominant line ending (`\\n` or `\\r\\n`) and changes nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Edit, Finding, Fix
from listbot.model import Document, Span
from listbot.rules.base import FixAvailability, NoOptions, Rule


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    if not doc.lines or doc.ends_with_newline:  # the lines: reading the text would join it
        return
    line = len(doc.lines)
    column = len(doc.lines[-1]) + 1
    yield RULE.finding(
        Span(line, column, line, column),
        "Missing final newline",
        fix=Fix((Edit.insert(line, column, doc.newline),), "Add a final newline"),
    )


RULE = Rule(
    id="final-newline",
    summary="The file must end with a newline.",
    check=check,
    tags=("whitespace", "remark-lint"),
    fix=FixAvailability.ALWAYS,
    doc=__doc__ or "",
)
