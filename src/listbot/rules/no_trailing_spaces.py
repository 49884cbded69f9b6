"""## What it does
Finds spaces and tabs at the end of lines, outside code blocks. Exactly two spaces before
a line that continues the same paragraph are a Markdown hard break and are allowed
(option `allow_hard_breaks`); more than two there are reported and trimmed to two. A file
where most lines (20 or more) end in whitespace has that style, usually from the program
that writes it: it gets one warning, not one per line.

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
break as a backslash, so the rendered text does not change. The one fix of a file whose
style is trailing whitespace is unsafe: the style was chosen, and a generated file gets
its whitespace back when it is generated again.

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


CONVENTION_MIN = 20
"""Lines with trailing whitespace from which, when most lines have it, it is the file's
style (a generator's, usually) and reported once."""


def check(doc: Document, options: Options) -> Iterator[Finding]:
    written = 0
    found: list[Finding] = []
    for number, text in prose_lines(doc):
        written += bool(text.strip())
        finding = _finding(doc, options, number, text)
        if finding is not None:
            found.append(finding)
    if len(found) < CONVENTION_MIN or 2 * len(found) <= written:
        yield from found
        return
    yield RULE.convention(
        found,
        f"{len(found)} of {written} lines end in whitespace: the file's own style "
        "(a generator's, often), reported once",
        f"Remove trailing whitespace from {len(found)} lines",
        "trailing-whitespace",
    )


def _finding(doc: Document, options: Options, number: int, text: str) -> Finding | None:
    """The finding for line ``number``, or None when it ends cleanly (or in a hard break)."""
    content = text.rstrip(" \t")
    if len(content) == len(text):
        return None
    trailing = text[len(content) :]
    keep = ""
    if (
        content.strip()
        and trailing.strip(" ") == ""
        and len(trailing) >= 2
        and _is_hard_break(doc, number)
    ):
        if options.allow_hard_breaks and len(trailing) == 2:
            return None
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
    return RULE.finding(
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
