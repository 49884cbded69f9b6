"""## What it does
Reports technology names written with the wrong letters or casing: `Javascript`,
`Github`, `NodeJS`, `Postgres SQL`, `OSX`, … (about 180 names, see
`listbot/rules/_spelling.py`). Names that are also ordinary words (`rust`, `swift`,
`react`, `go`) are reported only where a technology is clearly meant: `written in rust`,
`swift library`. Code, URLs, link destinations and words joined to others by `-`, `_` or
`.` (`node-fetch`, `github.io`) are skipped.

## Why is this bad?
Names are how readers search a list, and a list that spells them right looks maintained.
awesome-lint's `awesome-spell-check`, a warning since awesome-lint 2.3.0 because a word
such as "notion" may not mean the product.

## Example
```markdown
- [Foo](https://foo.dev) - Javascript client for the Github API.
```

## Use instead
```markdown
- [Foo](https://foo.dev) - JavaScript client for the GitHub API.
```

## Fix safety
Safe: the word is replaced by the correct spelling. In a heading the fix is unsafe when
it would change the heading's anchor (`OS X` → `macOS`), since links to it would break.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.model import Document, Span
from listbot.rules._inline import BlockText, mask_markup, prose_blocks
from listbot.rules._spelling import CONTEXT_NAMES, LEADING_CONTEXT, NAMES, TRAILING_CONTEXT
from listbot.rules.base import FixAvailability, NoOptions, Rule

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_GAP = re.compile(r"[ \t]+")
_BEFORE = re.compile(r"([A-Za-z]+)\W*\s([A-Za-z]+)\s+$|([A-Za-z]+)\s+$")
"""Non-word characters then one space match what the same with one or more spaces does,
without trying every split of a run of spaces between two words."""
_AFTER = re.compile(r"\s+([A-Za-z]+)")
_CONTEXT_WINDOW = 100
"""Characters before and after a name searched for context words: the words are short,
and a bounded window keeps each search constant-time on long runs of spaces or letters."""
_SLUG_DROP = re.compile(r"[^\w\- ]")
_NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass(frozen=True)
class _Lexicon:
    """Every spelling, looked up by its first lower-case word; longest forms first."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]]

    @classmethod
    def build(cls) -> _Lexicon:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for correct, variants in NAMES.items():
            for form in {correct.lower(), *variants}:
                words = tuple(form.lower().split())
                by_first.setdefault(words[0], []).append((words[1:], correct))
        for options in by_first.values():
            options.sort(key=lambda option: -len(option[0]))
        return cls(by_first)


LEXICON = _Lexicon.build()
_LEADING_ONE = frozenset(c for c in LEADING_CONTEXT if " " not in c)
_LEADING_TWO = frozenset(c for c in LEADING_CONTEXT if " " in c)
_TRAILING = frozenset(TRAILING_CONTEXT)
_FIRST_WORDS = frozenset({*LEXICON.by_first, *CONTEXT_NAMES})
"""Where a name may start: the first words of every spelling (the rest is checked in code)."""
_RUN = re.compile(r"[a-z0-9]+")
_FIRST_RUNS = frozenset(re.split(r"[^a-z0-9]", word, maxsplit=1)[0] for word in _FIRST_WORDS)
"""The letters and digits each first word starts with (``vue`` for ``vue.js``)."""
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # not the `string` module: it costs 0.5 ms to import
_ASCII_LETTERS = frozenset(_UPPER + _UPPER.lower())
_LETTER_OR_DIGIT = _ASCII_LETTERS | frozenset("0123456789")
_NOT_BEFORE_NAME = _LETTER_OR_DIGIT | frozenset("._-@#/$\\")
"""A word right after one of these is inside a longer token or a path, tag, mention, ..."""
_ASCII_LOWER = str.maketrans(_UPPER, _UPPER.lower())


def _token_at(masked: str, start: int) -> int:
    """End of the word starting at ``start``, trailing ``.``, ``-``, ``_`` excluded."""
    match = _TOKEN.match(masked, start)
    end = match.end() if match else start
    while end > start and masked[end - 1] in ".-_":
        end -= 1
    return end


def _last_two_words(masked: str, end: int, floor: int = 0) -> int:
    """Where the second-last run of ASCII letters before ``end`` starts (``floor`` if none).

    A ``_BEFORE`` match ends at ``end`` and spans at most the last two runs of letters, so
    searching from here finds the same match as searching the whole block, without
    trying every earlier position.
    """
    at = end
    for _ in range(2):
        while at > floor and masked[at - 1] not in _ASCII_LETTERS:
            at -= 1
        while at > floor and masked[at - 1] in _ASCII_LETTERS:
            at -= 1
    return at


def _tech_context(masked: str, start: int, end: int) -> bool:
    floor = max(0, start - _CONTEXT_WINDOW)
    before = _BEFORE.search(masked, _last_two_words(masked, start, floor), start)
    if before:
        if before.group(3) and before.group(3).lower() in _LEADING_ONE:
            return True
        if before.group(2):
            one = before.group(2).lower()
            two = f"{before.group(1).lower()} {one}"
            if one in _LEADING_ONE or two in _LEADING_TWO:
                return True
    after = _AFTER.match(masked, end, end + _CONTEXT_WINDOW)
    return bool(after and after.group(1).lower() in _TRAILING)


def _phrase_end(masked: str, end: int, rest: tuple[str, ...]) -> int | None:
    """Where ``rest`` (the following words of a name) ends after ``end``, if it follows."""
    for word in rest:
        gap = _GAP.match(masked, end)
        if gap is None:
            return None
        stop = _token_at(masked, gap.end())
        if masked[gap.end() : stop].lower() != word:
            return None
        end = stop
    return end


def _name_starts(masked: str) -> list[int]:
    """Offsets, in order, of the words that may start a name: the only ones worth a look.

    Looping in Python over every word of every block was most of this rule's time, yet
    few words can start a name. The block's letter-and-digit runs are intersected with
    the first runs of the names (a set operation done in C), and only the runs in both
    are searched for (``str.find``); a hit counts where it is a whole run that starts a
    word the way ``_matches`` requires.
    """
    lowered = masked.lower()
    if len(lowered) != len(masked):  # a few letters (``İ``) lower to two characters
        lowered = masked.translate(_ASCII_LOWER)
    starts: list[int] = []
    for run in _FIRST_RUNS.intersection(_RUN.findall(lowered)):
        at = lowered.find(run)
        while at >= 0:
            end = at + len(run)
            if (at == 0 or masked[at - 1] not in _NOT_BEFORE_NAME) and masked[
                end : end + 1
            ] not in _LETTER_OR_DIGIT:
                starts.append(at)
            at = lowered.find(run, end)
    starts.sort()
    return starts


def _matches(masked: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, correct spelling) of every misspelt name in the masked text."""
    consumed = 0
    for start in _name_starts(masked):
        if start < consumed:
            continue
        end = _token_at(masked, start)
        lowered = masked[start:end].lower()
        if lowered not in _FIRST_WORDS:
            continue
        hit: tuple[int, str] | None = None
        for rest, correct in LEXICON.by_first.get(lowered, ()):
            stop = _phrase_end(masked, end, rest)
            if stop is not None:
                hit = (stop, correct)
                break
        if hit is None and lowered in CONTEXT_NAMES and _tech_context(masked, start, end):
            hit = (end, CONTEXT_NAMES[lowered])
        if hit is None:
            continue
        stop, correct = hit
        following = masked[stop : stop + 1]
        if following and following in "/@":
            continue
        consumed = stop
        if " ".join(masked[start:stop].split()) != correct:
            yield start, stop, correct


def _slug_form(text: str) -> str:
    return _SLUG_DROP.sub("", text.lower()).replace(" ", "-")


def _names(doc: Document) -> dict[int, list[Span]]:
    """Entry names and paper titles by line: written as their owners write them, not checked."""
    spans: dict[int, list[Span]] = {}
    for entry in doc.all_entries:
        found = [entry.main_link.span] if entry.main_link is not None else []
        if entry.paper is not None and entry.paper.title_span is not None:
            found.append(entry.paper.title_span)
        for span in found:
            spans.setdefault(span.line, []).append(span)
    return spans


def _blank_names(source: BlockText, masked: str, names: dict[int, list[Span]]) -> str:
    last = source.first_line + len(source.line_starts) - 1
    for line in range(source.first_line, last + 1):
        for span in names.get(line, ()):
            start = source.offset(span.line, span.column)
            if start is None:
                continue
            end = source.offset(span.end_line, span.end_column)
            end = len(masked) if end is None else min(end, len(masked))
            chunk = masked[start:end]
            blank = _NOT_NEWLINE.sub(" ", chunk) if "\n" in chunk else " " * len(chunk)
            masked = masked[:start] + blank + masked[end:]
    return masked


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    names = _names(doc)
    for block, source in prose_blocks(doc):
        masked = _blank_names(source, mask_markup(source.text), names)
        for start, end, correct in _matches(masked):
            yield _finding(block.kind, source, start, end, correct)


def _finding(kind: str, source: BlockText, start: int, end: int, correct: str) -> Finding:
    written = source.text[start:end]
    span = source.span(start, end)
    safe = kind != "heading" or _slug_form(written) == _slug_form(correct)
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    return RULE.finding(
        span,
        f'Text "{written}" should be written as "{correct}" (if referring to the technology)',
        fix=Fix((Edit(span, correct),), f'Write "{correct}"', applicability),
        expected=correct,
    )


RULE = Rule(
    id="awesome-spell-check",
    summary="Technology names must be spelled and cased as their projects spell them.",
    check=check,
    severity=Severity.WARNING,
    tags=("awesome-lint", "prose"),
    fix=FixAvailability.ALWAYS,
    doc=__doc__ or "",
    aliases=("spell-check",),
)
