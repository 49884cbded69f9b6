"""## What it does
Checks that Markdown headings do not end in punctuation such as `:`, `.` or `!`
(full-width `。，：；！？` included).

## Why is this bad?
A heading is a label, not a sentence: `## Tools:` reads as a run-in sentence, and the
punctuation is dropped from the anchor anyway, so links and the visible text drift
apart. remark-lint's `no-heading-punctuation`, enabled by awesome-lint; listbot adds
the full-width forms that CJK lists use.

## Example
```markdown
## Tools:
```

## Use instead
```markdown
## Tools
```

## Fix safety
Unsafe: removes the character, which changes the visible heading text (not its anchor).

## Options
`punctuation`: the characters that may not end a heading. A heading ending in `...`
(an ellipsis) is never reported.

## Differences from awesome-lint
Ten or more such headings (a generator's taglines, an FAQ) are the file's way of writing
headings: one warning for the file, with one unsafe fix, not an error on each. A heading
that asks a question (`## Why?`, `### How do I install it?` in an FAQ) is a
warning, not an error: a question is a fair heading, though awesome-lint (and the lists
it admits) asks for none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.model import Document, Heading, Span
from listbot.rules.base import FixAvailability, Rule

_TRAILING_MARKUP = "*_`~]) \t>"
_QUESTION_MARKS = "?？"
"""A heading that asks a question (an FAQ's) is a warning, not an error."""


@dataclass(frozen=True)
class Options:
    punctuation: str = "!,.:;?。，：；！？"
    """Characters that may not end a heading."""


def _without_closing(line: str) -> str:
    """``line`` without a closing ``#`` sequence and trailing spaces; what the regex
    ``(?:[ \t]+#+)?[ \t]*$`` removes, in linear time (the regex tries every start in a run
    of spaces: quadratic on a heading with a long one)."""
    line = line.rstrip(" \t")
    body = line.rstrip("#")
    if body != line and body[-1:] in (" ", "\t"):
        return body.rstrip(" \t")
    return line


def _source_column(doc: Document, heading: Heading, char: str) -> int | None:
    """1-based column of the final ``char`` in the heading's source line, if it ends it."""
    line = doc.line_text(heading.line)
    if heading.style == "atx":
        line = _without_closing(line)
    end = len(line.rstrip())
    while end > 0 and line[end - 1] in _TRAILING_MARKUP and line[end - 1] != char:
        end -= 1
    if end > 0 and line[end - 1] == char:
        return end
    return None


HABIT_MIN = 10
"""Headings ending in punctuation from which the file writes sentences as headings (a
generator's taglines, an FAQ): told once, not on every heading."""


def check(doc: Document, options: Options) -> Iterator[Finding]:
    found = list(_check(doc, options))
    if len(found) < HABIT_MIN:
        yield from found
        return
    yield RULE.convention(
        found,
        f"{len(found)} headings end in punctuation: the file writes sentences as headings, "
        "its own style, reported once",
        f"Remove the final punctuation of {len(found)} headings",
        "sentence-headings",
    )


def _check(doc: Document, options: Options) -> Iterator[Finding]:
    for heading in doc.headings:
        if heading.style == "html" or heading.line in doc.headings_in_items:
            continue  # a heading made by accident inside an entry: heading-style says so
        text = heading.text.rstrip()
        if not text or text[-1] not in options.punctuation or text.endswith("..."):
            continue
        char = text[-1]
        column = _source_column(doc, heading, char)
        message = f"Unexpected character `{char}` at end of heading, remove it"
        severity = Severity.WARNING if char in _QUESTION_MARKS else None
        if column is None:
            line = doc.line_text(heading.line)
            span = Span(heading.line, 1, heading.line, len(line) + 1)
            yield RULE.finding(span, message, severity=severity)
            continue
        yield RULE.finding(
            Span.at(heading.line, column),
            message,
            severity=severity,
            fix=Fix(
                (Edit.replace_at(heading.line, column, 1, ""),),
                f"Remove `{char}`",
                Applicability.UNSAFE,
            ),
        )


RULE = Rule(
    id="no-heading-punctuation",
    summary="Headings must not end in punctuation.",
    check=check,
    tags=("headings", "punctuation", "remark-lint"),
    fix=FixAvailability.SOMETIMES,
    options=Options,
    doc=__doc__ or "",
)
