"""## What it does
Reports entry descriptions that sell instead of describe: "blazing fast", "the best",
"world-class", "#1", "revolutionary" and the like. Only the description is read (not the
name, not code spans or links in it), and only whole words.

A word is promotional when it praises the project without saying what it does. Fixed
phrases that name a thing rather than praise one are not: "best practices" (a topic),
"best-effort" (a delivery guarantee), "best paper" (an award), "best-first search" and
"greatest common divisor" (algorithms), "best suited for" and "best known for" (a fit or a
fact, not praise). A claim such as "the fastest-growing" is still promotional: it ranks the
project instead of describing it, and no reader can check it.

## Why is this bad?
A curated list is trusted because its descriptions are plain; marketing copy from a
project's own README turns it into an advertisement, and every entry then claims to be the
best. awesome-go rejects promotional descriptions in review.

## Example
```markdown
- [Foo](https://github.com/foo/foo) - The best, blazing fast JSON parser.
```

## Use instead
```markdown
- [Foo](https://github.com/foo/foo) - JSON parser that uses SIMD instructions.
```

## Options
- `words`: the words and phrases reported (case-insensitive; whole words).
- `allow`: phrases that contain one of them but are descriptive (`best practices`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from listbot.findings import Finding, Severity
from listbot.model import Document, Entry, Span
from listbot.rules._inline import BlockText, mask_markup
from listbot.rules.base import Rule

DEFAULT_WORDS = (
    "best", "fastest", "blazing", "blazingly", "lightning-fast", "world-class", "#1",
    "number one", "ultimate", "revolutionary", "game-changing", "game changer",
    "best-in-class", "unbeatable", "unparalleled", "unmatched", "incredible",
    "incredibly", "insanely", "amazing", "mind-blowing", "most powerful", "greatest",
)  # fmt: skip
DEFAULT_ALLOW = (
    "best practice", "best practices", "best-practice", "best-practices", "best effort",
    "best-effort", "best fit", "best-fit", "best match", "best-first", "best paper",
    "best student paper", "best demo", "best short paper", "best of", "best buy",
    "best subset", "fits best", "work best", "works best", "be best", "fastest path",
    "fastest route", "best suited", "best-suited", "best known", "best-known", "at best",
    "best-selling", "best seller", "best sellers", "best viewed", "greatest common",
    "fastest fourier",
)  # fmt: skip
_PRACTICES = re.compile(r"\bbest(?:[ -][\w+#.-]+){0,2}[ -]practices?\b", re.IGNORECASE)
""""best practices", also with words between ("best cloud practices", "best C++ practices")."""


@dataclass(frozen=True)
class Options:
    words: tuple[str, ...] = DEFAULT_WORDS
    """Words and phrases that sell (case-insensitive, whole words)."""
    allow: tuple[str, ...] = DEFAULT_ALLOW
    """Phrases with one of those words that describe rather than sell ("best practices")."""


@lru_cache(maxsize=8)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = sorted((re.escape(word.strip()) for word in words if word.strip()), key=len)
    joined = "|".join(reversed(alternatives))
    return re.compile(rf"(?<![\w#-])(?:{joined})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=8)
def _allowed(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    joined = "|".join(
        sorted((re.escape(p.strip()) for p in phrases if p.strip()), key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{joined})(?![\w-])", re.IGNORECASE)


def _description(doc: Document, entry: Entry) -> BlockText | None:
    span = entry.description_span
    if span is None or not entry.description.strip():
        return None
    return BlockText.of_span(doc, span)


def promotional(text: str, options: Options) -> list[tuple[int, int]]:
    """``(start, end)`` of each promotional word in ``text`` (markup already masked)."""
    pattern = _pattern(options.words)
    if pattern is None:
        return []
    allowed = _allowed(options.allow)
    covered = [(m.start(), m.end()) for m in allowed.finditer(text)] if allowed else []
    covered += [(m.start(), m.end()) for m in _PRACTICES.finditer(text)]
    return [
        (m.start(), m.end())
        for m in pattern.finditer(text)
        if not any(start <= m.start() and m.end() <= end for start, end in covered)
    ]


def check(doc: Document, options: Options) -> Iterator[Finding]:
    pattern = _pattern(options.words)
    if pattern is None:
        return
    for entry in doc.all_entries:
        if entry.main_link is None or entry.paper is not None:
            continue
        if not pattern.search(entry.description):  # most descriptions: no word, no masking
            continue
        source = _description(doc, entry)
        if source is None:
            continue
        masked = mask_markup(source.text, keep_link_text=False)
        found = promotional(masked, options)
        if not found:
            continue
        start, end = found[0]
        words = ", ".join(f'"{source.text[s:e]}"' for s, e in found)
        span: Span = source.span(start, end)
        yield RULE.finding(
            span,
            f"Promotional wording in the description: {words}; describe what it does instead",
            url=entry.url,
        )


RULE = Rule(
    id="promotional-wording",
    summary="Descriptions should describe, not sell.",
    check=check,
    severity=Severity.WARNING,
    tags=("policy", "entries"),
    options=Options,
    doc=__doc__ or "",
)
