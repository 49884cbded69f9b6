"""## What it does
Reports an entry whose description starts with the entry's own name, as in
`- [Foo](url) - Foo is a library for ...`.

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
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Finding
from listbot.model import Document, Entry, Span
from listbot.rules.base import NoOptions, Rule

_BOUNDARY = " \t\u00a0.,!?:;-–—'’\"”)"


def repeats_name(entry: Entry) -> bool:
    """Whether the plain description starts with the main link's text at a word boundary."""
    name = entry.name.strip()
    description = entry.description.strip()
    if not name or not description or entry.paper is not None:
        return False
    if entry.main_link is None or entry.main_link.is_image:
        return False
    if not description.casefold().startswith(name.casefold()):
        return False
    rest = description[len(name) :]
    return not rest or rest[0] in _BOUNDARY


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
