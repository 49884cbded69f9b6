"""## What it does
Finds a link glued to the word before or after it (`2023[Paper](...)`, `[Foo](...)and`)
or to the next link (`[Paper](...)[Code](...)`).

## Why is this bad?
GitHub renders the link text and the word as one run (`2023Paper`, `PaperCode`), which
reads as a typo and hides where the link starts. Punctuation next to a link
(`([Foo](...))`, `[Foo](...).`) and CJK text, which has no spaces between words, are
fine and not reported; nor are badge images placed side by side.

## Example
```markdown
- **Attention Is All You Need**, NeurIPS 2017[Paper](https://arxiv.org/abs/1706.03762)
```

## Use instead
```markdown
- **Attention Is All You Need**, NeurIPS 2017 [Paper](https://arxiv.org/abs/1706.03762)
```

## Fix safety
Unsafe: inserting the space changes the rendered text, which is the point, but a glued
suffix is occasionally intended (`[PR](...)s`).
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.model import Document, Link, LinkKind
from listbot.rules.base import FixAvailability, NoOptions, Rule

_CHECKED = (LinkKind.INLINE, LinkKind.REFERENCE, LinkKind.AUTOLINK)
# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, CJK, Hangul):
# their letters may touch a link. Code point ranges rather than a regex class, which
# would take ~2 ms to compile at every start-up.
_NO_SPACES_SCRIPTS = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x2FDF), (0x3000, 0x9FFF),
    (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
)  # fmt: skip


def _is_word_char(char: str) -> bool:
    if not char or not char.isalnum():
        return False
    code = ord(char)
    return not any(low <= code <= high for low, high in _NO_SPACES_SCRIPTS)


def _label(link: Link) -> str:
    text = link.raw.split("\n", 1)[0]
    return text if len(text) <= 40 else text[:37] + "..."


def _finding(link: Link, line: int, column: int, message: str) -> Finding:
    return RULE.finding(
        link.span,
        message,
        fix=Fix((Edit.insert(line, column, " "),), "Insert a space", Applicability.UNSAFE),
    )


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    starts: dict[tuple[int, int], Link] | None = None  # built when first needed (rarely)
    for link in doc.links:
        if link.kind not in _CHECKED or link.image_urls or link.in_html:
            continue
        before = (
            doc.line_text(link.line)[link.column - 2 : link.column - 1] if link.column > 1 else ""
        )
        after_text = doc.line_text(link.span.end_line)
        after = after_text[link.span.end_column - 1 : link.span.end_column]
        if _is_word_char(before):
            yield _finding(
                link,
                link.line,
                link.column,
                f"Missing space between `{before}` and the link `{_label(link)}`",
            )
        if _is_word_char(after):
            yield _finding(
                link,
                link.span.end_line,
                link.span.end_column,
                f"Missing space between the link `{_label(link)}` and `{after}`",
            )
        elif after == "[":
            if starts is None:
                starts = {(other.line, other.column): other for other in doc.links}
            following = starts.get((link.span.end_line, link.span.end_column))
            if following and following.kind in _CHECKED and not following.image_urls:
                yield _finding(
                    link,
                    link.span.end_line,
                    link.span.end_column,
                    f"Missing space between the links `{_label(link)}` and `{_label(following)}`",
                )


RULE = Rule(
    id="link-spacing",
    summary="A link must be separated by a space from the words and links around it.",
    check=check,
    severity=Severity.WARNING,
    tags=("links", "whitespace"),
    fix=FixAvailability.ALWAYS,
    doc=__doc__ or "",
)
