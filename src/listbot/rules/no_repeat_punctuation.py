"""## What it does
Finds punctuation repeated for emphasis, such as `!!`, `??`, `！！`, `，，` or `。。`,
in prose (code, URLs and HTML tags are skipped). Dots are never reported, so `...` is fine,
and neither are titles quoted as written: a paper's title, a bold title that opens a line
(`**(Certified!!) Adversarial Robustness for Free!**`) and text in quotation marks.

## Why is this bad?
Descriptions in a curated list are read as reference text; `Amazing!!!` reads as
marketing, and `，，` or `。。` are usually typing slips. The third-party
`remark-lint-no-repeat-punctuation` that awesome-lint enables.

## Example
```markdown
- [Foo](https://foo.dev) - The best tool ever!!
```

## Use instead
```markdown
- [Foo](https://foo.dev) - A fast tool for foo.
```

## Fix safety
Unsafe: keeps one character of the run, which changes the text (and a quoted title may
really contain `!!`).

## Options
`characters`: the punctuation that may not repeat. ASCII `~` is left out because `~~` is
strikethrough markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Applicability, Edit, Finding, Fix
from listbot.model import Document, Span
from listbot.normalize.markup import mask_markup, prose_lines
from listbot.rules.base import FixAvailability, Rule


@dataclass(frozen=True)
class Options:
    characters: str = "!！?？,，、。；～·"
    """Punctuation characters that may not appear twice in a row."""


_QUOTED = re.compile(
    r"\"[^\"\n]*\"|“[^”\n]*”|「[^」\n]*」|《[^》\n]*》"
    r"|^[ \t>]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\*\*[^*\n]+\*\*|__[^_\n]+__)"  # a bold title
)


def _titles(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """Columns (start, end) of paper titles by line: quoted as their authors wrote them."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for entry in doc.all_entries:
        span = entry.paper.title_span if entry.paper else None
        if span is not None and span.line == span.end_line:
            spans.setdefault(span.line, []).append((span.column, span.end_column))
    return spans


def check(doc: Document, options: Options) -> Iterator[Finding]:
    if not options.characters:
        return
    pattern = re.compile(f"([{re.escape(options.characters)}])\\1+")
    titles: dict[int, list[tuple[int, int]]] | None = None
    for number, text in prose_lines(doc):
        if not pattern.search(text):
            continue  # most lines: no repeat at all, so no need to mask markup
        masked = mask_markup(text)
        if titles is None:
            titles = _titles(doc)
        quoted = [(m.start() + 1, m.end() + 1) for m in _QUOTED.finditer(masked)]
        quoted += titles.get(number, [])
        for match in pattern.finditer(masked):
            start, end = match.span()
            if any(a <= start + 1 and end + 1 <= b for a, b in quoted):
                continue
            if match.group(1) == "!" and masked[end : end + 1] == "[":
                end -= 1  # `Wow![logo](...)`: the last `!` starts an image
                if end - start < 2:
                    continue
            char = match.group(1)
            yield RULE.finding(
                Span(number, start + 1, number, end + 1),
                f'Should not repeat "{char}"',
                fix=Fix(
                    (Edit.replace_at(number, start + 1, end - start, char),),
                    f'Keep one "{char}"',
                    Applicability.UNSAFE,
                ),
            )


RULE = Rule(
    id="no-repeat-punctuation",
    summary="Punctuation such as `!!` or `？？` must not be repeated.",
    check=check,
    tags=("punctuation", "prose", "remark-lint"),
    fix=FixAvailability.ALWAYS,
    options=Options,
    doc=__doc__ or "",
)
