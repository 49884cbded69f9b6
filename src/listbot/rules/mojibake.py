"""## What it does
Finds encoding debris in the text: UTF-8 read as Windows-1252 (`Ã©` for `é`, `â€™` for
`’`), replacement characters (`�`), C1 control characters, and spacing accents that a
PDF copy left beside their letter (`Lauren¸con` for `Laurençon`, `Mart´ın` for `Martín`).
Code blocks and code spans are skipped.

## Why is this bad?
Names and titles with debris are misspelt for every reader and for search: nobody finds
"Laurençon" by typing it. The debris comes from copying out of PDFs or from a file saved
in the wrong encoding, and one bad paste often brings several.

## Example
```markdown
- **The BigScience ROOTS Corpus**, Lauren¸con et al., 2022.
```

## Use instead
```markdown
- **The BigScience ROOTS Corpus**, Laurençon et al., 2022.
```

## Fix safety
Unsafe, and only where the intended text is certain (a Windows-1252 round trip that
decodes as UTF-8, or an accent that composes with the next letter): names are
involved, so review the result. Replacement characters and control characters have no
fix, since what they replaced is lost.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.model import Document, Span
from listbot.normalize.markup import code_span_ranges, mask_ranges, prose_lines
from listbot.rules.base import FixAvailability, NoOptions, Rule

# Characters that Windows-1252 decodes the bytes 0x80-0xBF to (UTF-8 continuation bytes).
_CP1252_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_DOUBLE_ENCODED = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]{{1,3}}")
_LOST = re.compile("[\ufffd\u0080-\u009f]")
_SPACING_ACCENTS = {
    "\u00a8": "\u0308",  # diaeresis
    "\u00b4": "\u0301",  # acute
    "\u00b8": "\u0327",  # cedilla
    "\u02c6": "\u0302",  # circumflex
    "\u02c7": "\u030c",  # caron
    "\u02d8": "\u0306",  # breve
    "\u02d9": "\u0307",  # dot above
    "\u02da": "\u030a",  # ring above
    "\u02db": "\u0328",  # ogonek
    "\u02dc": "\u0303",  # tilde
    "\u02dd": "\u030b",  # double acute
}
_ACCENT_BEFORE_LETTER = re.compile(f"[{''.join(_SPACING_ACCENTS)}](?=\\w)")
_DOTLESS = {"\u0131": "i", "\u0237": "j"}


def _repair_double_encoding(text: str) -> str | None:
    """The character that ``text`` (UTF-8 bytes shown as Windows-1252) stands for, if any."""
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            return None
    try:
        repaired = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return repaired if len(repaired) == 1 and not repaired.isascii() else None


def _compose(accent: str, letter: str) -> str | None:
    """The precomposed letter for a spacing ``accent`` placed before ``letter``, if one exists."""
    base = _DOTLESS.get(letter, letter)
    composed = unicodedata.normalize("NFC", base + _SPACING_ACCENTS[accent])
    return composed if len(composed) == 1 else None


def _line_findings(number: int, text: str) -> Iterator[Finding]:
    for match in _DOUBLE_ENCODED.finditer(text):
        repaired = _repair_double_encoding(match.group())
        if repaired is None:
            continue
        yield RULE.finding(
            Span(number, match.start() + 1, number, match.end() + 1),
            f"Mojibake `{match.group()}`: UTF-8 text read as Windows-1252, probably `{repaired}`",
            fix=Fix(
                (Edit.replace_at(number, match.start() + 1, len(match.group()), repaired),),
                f"Replace with `{repaired}`",
                Applicability.UNSAFE,
            ),
        )
    for match in _ACCENT_BEFORE_LETTER.finditer(text):
        letter = text[match.end()]
        composed = _compose(match.group(), letter)
        if composed is None:
            continue
        yield RULE.finding(
            Span(number, match.start() + 1, number, match.end() + 2),
            f"Stray accent `{match.group()}` before `{letter}` (PDF copy debris), "
            f"probably `{composed}`",
            fix=Fix(
                (Edit.replace_at(number, match.start() + 1, 2, composed),),
                f"Replace with `{composed}`",
                Applicability.UNSAFE,
            ),
        )
    for match in _LOST.finditer(text):
        char = match.group()
        what = (
            "replacement character U+FFFD (the original text was lost in a bad decode)"
            if char == "\ufffd"
            else f"control character U+{ord(char):04X} (encoding debris)"
        )
        yield RULE.finding(Span.at(number, match.start() + 1), f"Unexpected {what}")


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for number, text in prose_lines(doc):
        if text.isascii():
            continue
        yield from _line_findings(number, mask_ranges(text, code_span_ranges(text)))


RULE = Rule(
    id="mojibake",
    summary="Text must not contain encoding debris (`Ã©`, `â€™`, `�`, stray PDF accents).",
    check=check,
    severity=Severity.WARNING,
    tags=("encoding", "prose"),
    fix=FixAvailability.SOMETIMES,
    doc=__doc__ or "",
)
