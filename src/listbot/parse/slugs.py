"""GitHub heading anchors, so TOC links can be checked against the headings they name.

GitHub (github-slugger): lower-case; drop every character that is not a letter, number,
mark, connector punctuation (``_``), hyphen or space; spaces become hyphens; repeats get
``-1``, ``-2``... in document order. Emoji and other symbols simply vanish, and so do emoji
variation selectors (``⬆️`` is U+2B06 U+FE0F; GitHub ignores the selector, a mark);
non-ASCII letters stay. The text is the heading as rendered: entities already decoded.
"""

from __future__ import annotations

import unicodedata

__all__ = ["Slugger", "slugify"]

_KEPT_CATEGORIES = ("L", "N", "M")


def slugify(text: str) -> str:
    """The anchor GitHub gives a heading with this plain text (before deduplication)."""
    kept = []
    for char in text.lower():
        if "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef":
            continue  # variation selectors
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
