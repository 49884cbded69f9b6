"""Titles for comparison: when two entries name the same paper or project.

Parts:

- :func:`normalize_title`: the comparison form. Unicode-compatible (NFKC), case-folded,
  quotes and apostrophes dropped (``Openai’s`` = ``OpenAI's``), every other punctuation
  mark a space (``Few-Shot`` = ``few shot``), spaces collapsed, and a trailing version
  (``v2``, ``(v2)``, ``version 2``) dropped: a revised preprint is the same paper.
  Letters and digits of every script are kept, so Chinese titles compare too.
- :func:`title_stem`: the title without a trailing subtitle (``X: Y`` -> ``X``), for
  callers that want to catch ``X`` listed beside ``X: a survey``.
- :func:`blocking_keys`: cheap keys that near-equal titles share, so a caller compares a
  title only with the few earlier titles in its blocks instead of with all of them.
- :func:`near_equal`: whether two different normalised titles are the same work written
  slightly differently (a typo, a dropped article), and not two numbered works
  (``Llama 2`` / ``Llama 3``, ``GPT-3`` / ``GPT-4``), which differ in their numbers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from listbot.normalize.urls import URL_CACHE_SIZE

__all__ = [
    "NEAR_EQUAL_RATIO",
    "blocking_keys",
    "near_equal",
    "normalize_title",
    "similarity",
    "title_stem",
]

NEAR_EQUAL_RATIO = 0.9
"""Similarity at or above which two titles are taken as the same work."""

MIN_NEAR_TOKENS = 4
"""Shorter titles are compared for equality only: "Awesome Go" and "Awesome Gin" are two things."""

_QUOTES = "'\"`´‘’‚‛“”„‟‹›«»「」『』"
_DROP = str.maketrans("", "", _QUOTES)
_TRAILING_VERSION = re.compile(r"(?:\s+(?:v|version\s*)\d+)+$")
_SUBTITLE = re.compile(r"\s*(?::|：|\s[-–—]\s)\s*")
_DIGITS = re.compile(r"\d+")
_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=URL_CACHE_SIZE)  # the same trade-off: titles are read in file order too
def normalize_title(title: str) -> str:
    """The comparison form of a title (see the module docstring); ``""`` if nothing is left."""
    text = unicodedata.normalize("NFKC", title).casefold().translate(_DROP)
    text = " ".join(_NOT_ALNUM.sub(" ", text).split())
    return _TRAILING_VERSION.sub("", text)


def title_stem(title: str) -> str:
    """The normalised title before its first subtitle separator (``:``, ``：``, `` - ``)."""
    head = _SUBTITLE.split(title.strip(), maxsplit=1)[0]
    return normalize_title(head)


def blocking_keys(normalized: str) -> tuple[str, ...]:
    """Keys that two near-equal titles almost always share: the first and the last three words.

    A near-equal pair differs in a few characters, so at least one end of the title is
    untouched. Titles shorter than :data:`MIN_NEAR_TOKENS` words get no keys.
    """
    tokens = normalized.split()
    if len(tokens) < MIN_NEAR_TOKENS:
        return ()
    return ("^" + " ".join(tokens[:3]), "$" + " ".join(tokens[-3:]))


def similarity(a: str, b: str) -> float:
    """A 0..1 ratio of how alike two normalised titles are (difflib's, on characters)."""
    if a == b:
        return 1.0
    from difflib import SequenceMatcher  # here: most runs compare no titles (~1 ms import)

    return SequenceMatcher(None, a, b, autojunk=False).ratio()


MAX_NEAR_LENGTH = 400
"""Longer titles are compared for equality only: no name or paper title is this long, and
the character comparison costs the square of the length (8,000 characters: over a second)."""


def near_equal(a: str, b: str) -> bool:
    """Whether two *different* normalised titles are one work written slightly differently."""
    if a == b or not a or not b or max(len(a), len(b)) > MAX_NEAR_LENGTH:
        return False
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    from difflib import SequenceMatcher  # here: most runs compare no titles (~1 ms import)

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # The cheap upper bounds reject most pairs before the quadratic-in-length ratio().
    return (
        matcher.real_quick_ratio() >= NEAR_EQUAL_RATIO
        and matcher.quick_ratio() >= NEAR_EQUAL_RATIO
        and matcher.ratio() >= NEAR_EQUAL_RATIO
    )
