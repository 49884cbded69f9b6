"""GitHub heading anchors, so TOC links can be checked against the headings they name.

GitHub (github-slugger): lower-case; drop every character that is not a letter, number,
mark, connector punctuation (``_``), hyphen or space; spaces become hyphens; repeats get
``-1``, ``-2``... in document order. Emoji and other symbols simply vanish; non-ASCII letters
stay.
"""

from __future__ import annotations

import unicodedata

__all__ = ["Slugger", "slugify"]

_KEPT_CATEGORIES = ("L", "N", "M")


def slugify(text: str) -> str:
    """The anchor GitHub gives a heading with this plain text (before deduplication)."""
    kept = []
    for char in text.lower():
        if char in "-_ ":
            kept.append("-" if char == " " else char)
        else:
            category = unicodedata.category(char)
            if category[0] in _KEPT_CATEGORIES or category == "Pc":
                kept.append(char)
    return "".join(kept)


class Slugger:
    """Deduplicates slugs in document order exactly as github-slugger does."""

    def __init__(self) -> None:
        self._occurrences: dict[str, int] = {}

    def slug(self, text: str) -> str:
        original = slugify(text)
        result = original
        while result in self._occurrences:
            self._occurrences[original] += 1
            result = f"{original}-{self._occurrences[original]}"
        self._occurrences[result] = 0
        return result
