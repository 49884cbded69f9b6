"""## What it does
Reports an entry whose description restates the entry's name as its subject, as in
`- [Foo](url) - Foo is a library for ...`, `Foo: a library ...`, `Foo - a library`, or a
description that is only the name again.

A description that merely begins with the name's words in a phrase saying what the thing
is, `- [Shimmer](url) - Shimmer effect while content loads.`, `- [kalman](url) - Kalman
filter for JavaScript.`, is not a repetition: dropping the word would lose the meaning.
Nor is a possessive (`- [Airbnb](url) - Airbnb's style guide.`).

## Why is this bad?
The name is already the link right before it; repeating it costs the reader a few words
on every line of a long list. awesome-lint's `no-repeat-item-in-description`. The match
is case-insensitive and must end at a word boundary, so `- [Go](…) - Google's …` passes.

## Example
```markdown
- [Foo](https://foo.dev) - Foo is a fast widget parser.
```

## Use instead
```markdown
- [Foo](https://foo.dev) - Fast widget parser.
```

## Differences from awesome-lint
awesome-lint reports every description that starts with the name followed by a space
or punctuation, including `Shimmer effect while content loads` and `Kalman filter for
JavaScript`. listbot reports the name only where it is a subject (a verb such as `is`,
`provides`, `makes` follows, possibly after a parenthesis, `Serendipity (s9y) is`) or
stands alone before punctuation (`Foo:`, `Foo -`, `Foo,`, `Foo.`), unless it is the
first word of a series (`- [tiny](url) - Tiny, fast and compliant parser.`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding
from listbot.model import Document, Entry, Span
from listbot.rules.base import NoOptions, Rule

_BOUNDARY = ' \t\u00a0.,!?:;-–—"”“)'
_STANDALONE = '.,!?:;-–—"”“'
"""Punctuation right after the name: it stands alone (``Foo:``, ``Foo -``, ``Foo,``)."""
_FIRST_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_VERBS = frozenset(
    """is are was were be been has have had can could will would may might must should
    does do did isn't aren't provides provide offers allows enables lets helps makes gives
    supports implements includes contains uses aims takes adds brings converts generates
    creates automates simplifies wraps exposes extends handles manages performs produces
    renders parses keeps finds detects monitors integrates combines comes delivers
    transforms collects validates sends receives connects enhances improves speeds
    accelerates analyzes visualizes visualises computes calculates crawls scrapes fetches
    synchronizes translates compiles executes launches""".split()  # noqa: SIM905
)
"""Verbs that show the name is the subject of the description's sentence."""
_SERIES = re.compile(r",[ \t]*[^\W\d_]+(?:,[ \t]*[^\W\d_]+)*,?[ \t]+(?:and|or|&)[ \t]", re.I)
"""``, fast and``, ``, small, and``: the name is the first word of a series."""
_CJK_VERBS = ("是", "可以", "可", "能", "提供", "让", "使", "允许", "支持", "用于", "为", "会")
"""The same in Chinese (``Pygame 是一组 Python 模块``: "Pygame is a set of modules")."""


def repeats_name(entry: Entry) -> bool:
    """Whether the plain description restates the main link's text as its subject."""
    name = entry.name.strip()
    description = entry.description.strip()  # markers and tags are not the description
    if not name or not description or entry.paper is not None:
        return False
    if entry.main_link is None or entry.main_link.is_image:
        return False
    if not description.casefold().startswith(name.casefold()):
        return False
    rest = description[len(name) :]
    return not rest or (rest[0] in _BOUNDARY and _is_subject(rest))


def _is_subject(rest: str) -> bool:
    """Whether the text after the name makes the name a subject or leaves it alone."""
    rest = rest.lstrip(" \t\u00a0")
    if rest.startswith("("):  # "Serendipity (s9y) is ...": the aside is skipped
        close = rest.find(")")
        rest = "" if close < 0 else rest[close + 1 :].lstrip(" \t\u00a0")
    if _SERIES.match(rest):
        # `[tiny](…) - Tiny, fast and small`: the first of a series of adjectives that
        # happens to be the name, unlike `Peg, Parsing Expression Grammar, is`
        return False
    if not rest or rest[0] in _STANDALONE:
        return True
    if rest.startswith(_CJK_VERBS):
        return True
    word = _FIRST_WORD.match(rest)
    if word is None:
        return False
    lowered = word.group().lower()
    return lowered in _VERBS or (len(lowered) > 4 and lowered.endswith("ly"))


def _span(doc: Document, entry: Entry) -> Span:
    """The repeated words when the description starts with them as written, else the link."""
    start = entry.description_span
    assert entry.main_link is not None
    if start is not None:
        text = doc.line_text(start.line)[start.column - 1 :]
        if text.casefold().startswith(entry.name.strip().casefold()):
            return Span.at(start.line, start.column, len(entry.name.strip()))
    return entry.main_link.span


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for entry in doc.all_entries:
        if repeats_name(entry):
            name = entry.name.strip()
            yield RULE.finding(
                _span(doc, entry),
                f'List item description should not start with the item name "{name}"',
                url=entry.url,
            )


RULE = Rule(
    id="no-repeat-item-in-description",
    summary="An entry's description must not start with the entry's name.",
    check=check,
    tags=("awesome-lint", "entries"),
    doc=__doc__ or "",
    aliases=("repeat-item-in-description",),
)
