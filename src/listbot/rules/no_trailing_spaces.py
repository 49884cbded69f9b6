"""## What it does
Finds spaces and tabs at the end of lines, outside code blocks. Exactly two spaces before
a line that continues the same paragraph are a Markdown hard break and are allowed
(option `allow_hard_breaks`); more than two there are reported and trimmed to two.

## Why is this bad?
Trailing whitespace is invisible in the rendered list and in most editors, yet it makes
diffs noisy (editors strip it on save, so unrelated lines change in pull requests) and
two spaces at the end of a list item or paragraph turn into an accidental line break.

## Example
```markdown
- [Foo](https://foo.dev) - Does foo.\x20\x20\x20
```

## Use instead
```markdown
- [Foo](https://foo.dev) - Does foo.
```

## Fix safety
Safe: removes the whitespace; where it forms a hard break (two or more spaces inside a
paragraph) it keeps exactly two spaces, or with `allow_hard_breaks = false` writes the
break as a backslash, so the rendered text does not change.

## Options
`allow_hard_breaks`: accept exactly two trailing spaces that form a hard break (when
false, such breaks are reported and fixed to a backslash break).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Edit, Finding, Fix, Severity
from listbot.model import Document, Span
from listbot.normalize.markup import prose_lines
from listbot.rules.base import FixAvailability, Rule

_STARTS_BLOCK = re.compile(r"^\s*(?:[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|#|>|\||```|~~~|<)")


_FIX_TITLES = {
    "": "Remove trailing whitespace",
    "  ": "Trim to two spaces (a hard break)",
    "\\": "Write the hard break as a backslash",
}


@dataclass(frozen=True)
class Options:
    allow_hard_breaks: bool = True
    """Accept exactly two trailing spaces that make a hard line break inside a paragraph."""


def _is_hard_break(doc: Document, number: int) -> bool:
    """Whether trailing spaces on ``number`` make a line break: the paragraph continues."""
    following = doc.line_text(number + 1)
    if number >= len(doc.lines) or not following.strip() or number + 1 in doc.code_lines:
        return False
    if doc.line_text(number).lstrip().startswith("#"):
        return False
    return not _STARTS_BLOCK.match(following)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for number, text in prose_lines(doc):
        content = text.rstrip(" \t")
        if len(content) == len(text):
            continue
        trailing = text[len(content) :]
        keep = ""
        if (
            content.strip()
            and trailing.strip(" ") == ""
            and len(trailing) >= 2
            and _is_hard_break(doc, number)
        ):
            if options.allow_hard_breaks and len(trailing) == 2:
                continue
            keep = "  " if options.allow_hard_breaks else "\\"
        column = len(content) + 1
        if not content.strip():
            message = "Unexpected whitespace on an empty line"
        elif keep == "  ":
            message = f"Unexpected `{len(trailing)}` spaces for a hard break, expected `2`"
        elif keep:
            message = "Unexpected trailing spaces for a hard break, use a backslash (`\\`)"
        else:
            message = "Unexpected trailing whitespace"
        yield RULE.finding(
            Span(number, column, number, len(text) + 1),
            message,
            fix=Fix(
                (Edit.replace_at(number, column, len(trailing), keep),),
                _FIX_TITLES[keep],
            ),
        )


RULE = Rule(
    id="no-trailing-spaces",
    summary="Lines must not end in spaces or tabs (except a two-space hard break).",
    check=check,
    severity=Severity.WARNING,
    tags=("whitespace",),
    fix=FixAvailability.ALWAYS,
    options=Options,
    doc=__doc__ or "",
)
