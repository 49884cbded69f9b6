"""## What it does
Checks that quotes and CJK brackets are balanced within a paragraph, heading, table cell
or list item: `“”`, `‘’`, `"`, `（）`, `《》`, `「」`, `『』`, `【】`. Code, URLs and HTML
are skipped; `’` inside or at the end of a word (`don’t`, `Jr.’s`, `students’`) is an
apostrophe unless it closes an open `‘` (`a ‘Quiet War’ ended`, `‘小羊驼类’模型`), and so
is a `‘` before a two-digit year (`ICLR‘24`, `the ‘90s`). A quote written with a
backslash (`\\"`) is a literal character, not a quotation mark. ASCII `()` and `[]` are
not checked (Markdown uses them), but a full-width bracket that pairs with an ASCII one
(`(第三版）`, the kaomoji `(╯°□°）╯︵ ┻━┻`) is a pair in two widths, and a curly quote
closed by a straight one (`“Title"`, `"Title”`) a quotation in two styles.

## Why is this bad?
An unclosed quote or bracket usually means a lost word or a broken edit, and in CJK text
it runs the rest of the sentence into the quotation. awesome-lint's `balanced-punctuation`.

## Example
```markdown
- [Foo](https://foo.dev) - The “fast widget parser.
```

## Use instead
```markdown
- [Foo](https://foo.dev) - The “fast” widget parser.
```

## Options
`pairs`: the pairs to check, each a two-character string (opening, closing) or one
character that both opens and closes (`"`). Setting it replaces the defaults, as
awesome-lint's option does.

## Differences from awesome-lint
awesome-lint takes every `’` that ends a word for an apostrophe, so a phrase in single
curly quotes (`‘steal’ this`) is reported as an unclosed `‘`; listbot reads a `’` that
closes an open `‘` as its closing quote. An escaped `\\"` is not counted. A full-width
`）` that closes an ASCII `(`, or a `（` closed by `)`, is not reported, nor is a curly
quote closed by a straight one; a curly quote left open inside straight quotes is
reported once, as unclosed, not also as an unmatched straight quote. Each paragraph
and list item is checked on its own content; awesome-lint checks a list item together
with its nested items.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from listbot.findings import Finding
from listbot.model import Document
from listbot.rules._inline import BlockText, is_cjk, mask_markup, prose_blocks
from listbot.rules.base import Rule

DEFAULT_PAIRS: tuple[str, ...] = ("“”", "‘’", "『』", "（）", "《》", "「」", "【】", '"')
"""awesome-lint's defaults: curly quotes, CJK brackets and the straight double quote."""

_YEAR_ELISION = re.compile(r"\d\d(?!\d)")
_AFTER_APOSTROPHE = frozenset(' \t\n.,;:!?()[]{}"“”‘’—–')
_ESCAPED_QUOTE = re.compile(r"(?<!\\)(?:\\\\)*\\[\"“”‘’]")


@dataclass(frozen=True)
class Options:
    pairs: tuple[str, ...] = DEFAULT_PAIRS
    """Pairs to check: two characters (opening, closing) or one that both opens and closes."""

    def __post_init__(self) -> None:
        for pair in self.pairs:
            if len(pair) not in (1, 2):
                raise ValueError(
                    f"pairs: {pair!r} must be two characters (opening, closing) or one"
                )


@dataclass(frozen=True)
class _Pairs:
    opening: dict[str, str]
    """Opening character -> closing character (asymmetric pairs)."""
    closing: dict[str, str]
    symmetric: frozenset[str]
    search: re.Pattern[str]
    """Finds any character of interest: blocks without one are skipped."""


@lru_cache(maxsize=8)
def _pairs(spec: tuple[str, ...]) -> _Pairs:
    opening = {pair[0]: pair[1] for pair in spec if len(pair) == 2 and pair[0] != pair[1]}
    symmetric = frozenset(pair[0] for pair in spec if len(pair) == 1 or pair[0] == pair[1])
    closing = {close: open_ for open_, close in opening.items()}
    chars = "".join(sorted(set(opening) | set(closing) | symmetric))
    search = re.compile("[" + re.escape(chars) + "]" if chars else r"(?!)")
    return _Pairs(opening, closing, symmetric, search)


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _apostrophe(text: str, index: int, stack: list[tuple[str, int]]) -> bool:
    """``’`` in ``don’t``, ``Jr.’s`` or ``students’``; not the end of a quote ``‘Quiet War’``.

    A ``’`` that ends a word closes a ``‘`` that is still open (the quieter reading: a
    quotation rather than a stray opening quote); CJK text has no apostrophes, so next to
    a CJK character it is always a quotation mark (``‘小羊驼类’模型``).
    """
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if (before and is_cjk(before)) or (after and is_cjk(after)):
        return False
    if _word_char(after):
        return _word_char(before) or before == "."
    if not _word_char(before):
        return False
    if after and after not in _AFTER_APOSTROPHE:
        return False
    return not any(char == "‘" for char, _ in stack)


def unbalanced(text: str, spec: tuple[str, ...] = DEFAULT_PAIRS) -> Iterator[tuple[int, str]]:
    """(offset, message) for each unmatched quote or bracket in already-masked text."""
    pairs = _pairs(spec)
    stack: list[tuple[str, int]] = []
    apostrophes = "’" in pairs.closing
    # A full-width bracket may pair with an ASCII one, `(注）` or the kaomoji `(╯°□°）╯`:
    # both render, so that is a pair written in two widths, not an unmatched bracket.
    two_widths = "（" in pairs.opening and "(" not in pairs.opening
    # Likewise a curly quote closed by a straight one, or the other way round (`“Title"`).
    two_styles = pairs.opening.get("“") == "”" and '"' in pairs.symmetric
    ascii_open = 0
    for index, char in enumerate(text):
        if apostrophes and char == "’" and _apostrophe(text, index, stack):
            continue
        if char == "‘" and _YEAR_ELISION.match(text, index + 1):
            continue  # `ICLR‘24`, `the ‘90s`: a year cut short, the quote mark typed for `’`
        if two_widths and char in "()":
            if char == "(":
                ascii_open += 1
            elif ascii_open:
                ascii_open -= 1
            elif (opened := _innermost(stack, "（")) is not None:
                del stack[opened]
            continue
        if two_widths and char == "）" and ascii_open and "（" not in (c for c, _ in stack):
            ascii_open -= 1
            continue
        if char in pairs.symmetric:
            opened = _innermost(stack, char)
            if opened is None:
                stack.append((char, index))
                continue
            # `"**“Title**."`: the straight quotes pair; what opened inside them and is
            # still open is the unclosed one, not this closing quote
            yield from _unclosed(stack[opened + 1 :], pairs)
            del stack[opened:]
        elif char in pairs.opening:
            stack.append((char, index))
        elif char in pairs.closing:
            opener = pairs.closing[char]
            found = _innermost(stack, opener)
            if found is not None:
                del stack[found]
            elif two_styles and char == "”" and stack and stack[-1][0] == '"':
                stack.pop()  # `"Title”`: a quotation in two styles
            else:
                yield index, f"Unmatched closing {char} without corresponding opening {opener}"
    yield from _unclosed(_without_two_style_pairs(stack) if two_styles else stack, pairs)


def _unclosed(stack: list[tuple[str, int]], pairs: _Pairs) -> Iterator[tuple[int, str]]:
    for char, index in stack:
        yield index, f"Unclosed {char} without matching closing {pairs.opening.get(char, char)}"


def _innermost(stack: list[tuple[str, int]], opener: str) -> int | None:
    """The position in ``stack`` of the innermost open ``opener``, if one is open."""
    return next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == opener), None)


def _without_two_style_pairs(stack: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """``stack`` without each ``“`` left open right under a straight ``"`` left open: the
    two are one quotation written in two styles (``“EfficientDet."``)."""
    kept: list[tuple[str, int]] = []
    for entry in stack:
        if entry[0] == '"' and kept and kept[-1][0] == "“":
            kept.pop()
        else:
            kept.append(entry)
    return kept


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for _block, source in prose_blocks(doc):
        yield from _check_block(source, options.pairs)


def _check_block(source: BlockText, spec: tuple[str, ...]) -> Iterator[Finding]:
    # Masking only blanks characters out, so a block without any quote or bracket is done.
    search = _pairs(spec).search
    if not search.search(source.text):
        return
    masked = mask_markup(source.text)
    if "\\" in source.text:
        masked = _blank_escaped(source.text, masked)
    if not search.search(masked):
        return
    for offset, message in sorted(unbalanced(masked, spec)):
        yield RULE.finding(source.span(offset, offset + 1), message)


def _blank_escaped(source: str, masked: str) -> str:
    """``masked`` without quotes written with a backslash (``Aky{\\"{u}}rek``): an escaped
    quote is a literal character the author asked for, not a quotation mark."""
    chars = list(masked)
    for match in _ESCAPED_QUOTE.finditer(source):
        chars[match.end() - 1] = " "
    return "".join(chars)


RULE = Rule(
    id="balanced-punctuation",
    summary="Quotes and CJK brackets must be closed within their paragraph.",
    check=check,
    tags=("awesome-lint", "prose"),
    options=Options,
    doc=__doc__ or "",
    aliases=("match-punctuation",),
)
