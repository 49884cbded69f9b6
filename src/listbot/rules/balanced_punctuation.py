"""## What it does
Checks that quotes and CJK brackets are balanced within a paragraph, heading, table cell
or list item: `“”`, `‘’`, `"`, `（）`, `《》`, `「」`, `『』`, `【】`. Code, URLs and HTML
are skipped; `’` inside or at the end of a word (`don’t`, `students’`) is an apostrophe.
ASCII `()` and `[]` are not checked (Markdown uses them).

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
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding
from listbot.model import Document
from listbot.rules._inline import BlockText, mask_markup, prose_blocks
from listbot.rules.base import NoOptions, Rule

PAIRS: dict[str, str] = {
    "“": "”",
    "‘": "’",
    "『": "』",
    "（": "）",
    "《": "》",
    "「": "」",
    "【": "】",
}
SYMMETRIC = '"'
_CLOSING = {close: open_ for open_, close in PAIRS.items()}
_INTERESTING = frozenset(PAIRS) | frozenset(_CLOSING) | {SYMMETRIC}
_AFTER_APOSTROPHE = frozenset(' \t\n.,;:!?()[]{}"“”‘’—–')
_INTERESTING_SEARCH = re.compile("[" + re.escape("".join(sorted(_INTERESTING))) + "]")


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _apostrophe(text: str, index: int, stack: list[tuple[str, int]]) -> bool:
    """``’`` in ``don’t`` or ``students’``, not the end of a one-word quote ``‘steal’``."""
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if not _word_char(before):
        return False
    if _word_char(after):
        return True
    if after and after not in _AFTER_APOSTROPHE:
        return False
    opener = next((pos for char, pos in reversed(stack) if char == "‘"), None)
    return opener is None or any(ch.isspace() for ch in text[opener + 1 : index])


def unbalanced(text: str) -> Iterator[tuple[int, str]]:
    """(offset, message) for each unmatched quote or bracket in already-masked text."""
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char not in _INTERESTING:
            continue
        if char == "’" and _apostrophe(text, index, stack):
            continue
        if char == SYMMETRIC:
            if stack and stack[-1][0] == SYMMETRIC:
                stack.pop()
            elif any(open_ == SYMMETRIC for open_, _ in stack):
                yield index, f"Unmatched closing {char} without corresponding opening {char}"
                stack = [entry for entry in stack if entry[0] != SYMMETRIC]
            else:
                stack.append((char, index))
        elif char in PAIRS:
            stack.append((char, index))
        else:
            opener = _CLOSING[char]
            found = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == opener), None)
            if found is None:
                yield index, f"Unmatched closing {char} without corresponding opening {opener}"
            else:
                del stack[found]
    for char, index in stack:
        closing = PAIRS.get(char, SYMMETRIC)
        yield index, f"Unclosed {char} without matching closing {closing}"


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for _block, source in prose_blocks(doc):
        yield from _check_block(source)


def _check_block(source: BlockText) -> Iterator[Finding]:
    # Masking only blanks characters out, so a block without any quote or bracket is done.
    if not _INTERESTING_SEARCH.search(source.text):
        return
    masked = mask_markup(source.text)
    if not _INTERESTING_SEARCH.search(masked):
        return
    for offset, message in sorted(unbalanced(masked)):
        yield RULE.finding(source.span(offset, offset + 1), message)


RULE = Rule(
    id="balanced-punctuation",
    summary="Quotes and CJK brackets must be closed within their paragraph.",
    check=check,
    tags=("awesome-lint", "prose"),
    doc=__doc__ or "",
    aliases=("match-punctuation",),
)
