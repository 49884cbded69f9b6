"""## What it does
Checks that a `contributing.md` (or `.github/contributing.md`, any case) sits beside the
list and is not empty.

## Why is this bad?
Contribution guidelines tell submitters what belongs in the list and how an entry must
look; without them maintainers repeat the same review comments on every pull request.
awesome-lint's `awesome-contributing`.

The rule reads the files found beside the list when it is linted from disk; it stays
silent when the list is linted from text (standard input, an API call), where there is no
folder to look in.

## Example
A repository with a `readme.md` and no `contributing.md`.

## Use instead
Add a `contributing.md` that explains how to propose an entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Finding
from listbot.model import Document, Span
from listbot.rules.base import NoOptions, Rule

_NAMES = ("contributing.md", ".github/contributing.md")


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    if doc.companions is None:
        return
    found = [name for name in _NAMES if name in doc.companions]
    if not found:
        yield RULE.finding(Span(1, 1, 1, 1), "Missing file contributing.md")
    elif not any(doc.companions[name].strip() for name in found):
        yield RULE.finding(Span(1, 1, 1, 1), "contributing.md file must not be empty")


RULE = Rule(
    id="awesome-contributing",
    summary="A non-empty contributing.md must sit beside the list.",
    check=check,
    tags=("awesome-lint", "files"),
    doc=__doc__ or "",
    aliases=("contributing",),
)
