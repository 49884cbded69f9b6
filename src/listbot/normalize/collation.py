"""Sort keys for entry names: the orders a reader (or a maintainer's script) calls alphabetical.

Every key ignores case (casefold). Four choices vary between lists that are all
"alphabetical" to their maintainers, so each combination is a :class:`Collation`:

- ``accents``: accents folded (Unicode NFKD with combining marks dropped), so ``Élan``
  sorts with ``Elan``, as a reader expects; or code points as they are, which is what
  byte-wise sorting does (``Bärner`` after ``Brisbane``).
- ``natural``: numbers by value (``Vue 2`` before ``Vue 10``) or digit by digit
  (``Vue 10`` before ``Vue 2``, as ``sort`` does).
- ``spacing``: ``"words"``, word by word, where spaces and punctuation separate words and
  a shorter word comes first (``Go kit`` before ``GoKit``); ``"letters"``, letter by
  letter, ignoring spaces and punctuation (``GoKit`` beside ``Go kit``); or
  ``"characters"``, every character by its code point, as byte-wise sorting does (a space
  before ``-`` before digits before letters).
- ``prefix_last``: a name that begins another comes first (``Calibre`` before
  ``Calibre Web``) or last, the order of lists generated from file names
  (``calibre-web.yml`` before ``calibre.yml``).

The standard library is enough here. Full Unicode collation (UCA, through PyICU's native
ICU or the unmaintained pyuca) would order differently only names that a code-point key
cannot place anyway: Han characters, whose reader order is by reading (pinyin) or by
strokes, which UCA's radical-stroke order does not give either. Names that start with one
are not placed at all (:func:`sortable`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "COLLATIONS",
    "SPACINGS",
    "Collation",
    "Key",
    "agreed_order",
    "fold",
    "sort_key",
    "sortable",
    "strip_article",
]

_DIGITS = re.compile(r"(\d+)")
_WORD = re.compile(r"[^\W_]+")
_ARTICLES = re.compile(r"^(?:the|an?)\s+(?=\w)", re.IGNORECASE)
_LAST = "\U0010ffff"
"""Sorts after every word: the end of a name under ``prefix_last``."""

Key = tuple[object, ...]


@dataclass(frozen=True)
class Collation:
    """One way of comparing names alphabetically."""

    accents: bool = True
    natural: bool = True
    spacing: str = "words"
    prefix_last: bool = False

    @property
    def label(self) -> str:
        return ", ".join(
            (
                "accents folded" if self.accents else "accents as code points",
                "numbers by value" if self.natural else "digit by digit",
                {"words": "word by word", "letters": "letter by letter"}.get(
                    self.spacing, "character by character"
                ),
                "longer names first" if self.prefix_last else "shorter names first",
            )
        )


SPACINGS = ("words", "characters", "letters")
COLLATIONS = tuple(
    Collation(accents, natural, spacing, prefix_last)
    for prefix_last in (False, True)
    for accents in (True, False)
    for spacing in SPACINGS
    for natural in (True, False)
)
"""Every collation a list may follow; the first is the one a reader expects."""


@lru_cache(maxsize=8192)
def fold(name: str, accents: bool = True) -> str:
    """Case (and accents) folded: ``"Élan"`` → ``"elan"``."""
    if accents:
        # The micro sign stands for "u" in names (µTorrent, µBlock); NFKD makes it a Greek mu.
        decomposed = unicodedata.normalize("NFKD", name.replace("\u00b5", "u"))
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return name.casefold()


def strip_article(name: str) -> str:
    """The name without a leading English article (``The Foo`` → ``Foo``)."""
    return _ARTICLES.sub("", name.strip(), count=1)


def _natural(word: str) -> tuple[object, ...]:
    # split() alternates text and digits, starting with (maybe empty) text, so parts at
    # one index always have one type and compare.
    return tuple(
        (int(piece), len(piece)) if index % 2 else piece
        for index, piece in enumerate(_DIGITS.split(word))
    )


@lru_cache(maxsize=8192)
def sort_key(name: str, collation: Collation) -> Key:
    """The key of ``name`` under ``collation``: a tuple of words (one word, letter by
    letter), each a string or, with numbers by value, a tuple of text and numbers."""
    folded = fold(name, collation.accents)
    if collation.spacing == "characters":
        words = [" ".join(folded.split())]
    else:
        words = _WORD.findall(folded)
        if collation.spacing == "letters":
            words = ["".join(words)]
    key: list[object] = [_natural(word) for word in words] if collation.natural else list(words)
    if collation.prefix_last:
        key.append((_LAST,) if collation.natural else _LAST)
    return tuple(key)


def agreed_order(first: str, second: str) -> int:
    """-1 or 1 when every collation puts ``first`` before or after ``second``; 0 when they
    might disagree. Sure when the case-folded names are identical up to a position where
    both have an ASCII letter, and differ there: spacing, numbers, accents and the ends of
    names then play no part."""
    a, b = first.casefold(), second.casefold()
    for x, y in zip(a, b, strict=False):
        if x != y:
            if x.isascii() and y.isascii() and x.isalpha() and y.isalpha():
                return -1 if x < y else 1
            return 0
    return 0


def _first_letter(name: str) -> str:
    return next((ch for ch in name if ch.isalnum()), "")


def sortable(name: str) -> bool:
    """Whether a name can be placed alphabetically: it has a letter or digit, and does not
    start with a Han character (whose reader order is by reading, not by code point)."""
    first = _first_letter(name)
    return bool(first) and not unicodedata.name(first, "").startswith("CJK ")
