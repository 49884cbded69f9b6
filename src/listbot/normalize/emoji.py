"""Emoji as Unicode defines them: what may end a description instead of a full stop.

An emoji is a character with Unicode's ``Extended_Pictographic`` property (``⌚``, ``◾``,
``📷``, ``©``...), possibly followed by the parts that build emoji sequences: variation
selector 16, zero-width joiner, skin-tone modifiers, the keycap mark, regional indicators
(flags) and tag characters. The property's ranges are a generated table
(:mod:`listbot.normalize._emoji_table`, from the ``regex`` module's
``\\p{Extended_Pictographic}``; ``LISTBOT_UPDATE_EMOJI=1 pytest tests/normalize/test_emoji.py``
regenerates it), so lint start-up needs no extra import.

A GitHub shortcode (``:penguin:``) renders as an emoji too: :data:`SHORTCODE` matches one.
:data:`TERMINATORS` are the marks that end a sentence in the scripts lists are written in.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from listbot.normalize._emoji_table import EXTENDED_PICTOGRAPHIC

__all__ = [
    "SHORTCODE",
    "TERMINATORS",
    "ends_with_emoji",
    "is_emoji_part",
    "is_pictographic",
    "strip_emoji",
]

TERMINATORS = ".!?…。！？．｡।॥۔؟"
"""Marks that end a sentence: Latin, CJK (full and half width), Devanagari, Urdu, Arabic."""

_STARTS = tuple(start for start, _ in EXTENDED_PICTOGRAPHIC)

SHORTCODE = re.compile(r"(?<![\w:])(?::[a-z0-9_+\-]*[a-z][a-z0-9_+\-]*:|:[+-]1:|:100:|:1234:)")
"""A GitHub emoji shortcode such as ``:penguin:``, ``:+1:`` or ``:100:`` (the only two
without a letter are ``:100:`` and ``:1234:``)."""


def is_pictographic(char: str) -> bool:
    """Whether ``char`` has the ``Extended_Pictographic`` property."""
    code = ord(char)
    if code < 0xA9:
        return False
    index = bisect_right(_STARTS, code) - 1
    return index >= 0 and code <= EXTENDED_PICTOGRAPHIC[index][1]


def is_emoji_part(char: str) -> bool:
    """A pictograph, or a character that only builds emoji sequences."""
    code = ord(char)
    return (
        is_pictographic(char)
        or code in (0xFE0F, 0x200D, 0x20E3)
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0x1F1E6 <= code <= 0x1F1FF  # regional indicators (flags)
        or 0xE0020 <= code <= 0xE007F  # tags (subdivision flags)
    )


def strip_emoji(text: str) -> str:
    """``text`` without trailing emoji, shortcodes and the spaces between them."""
    end = len(text)
    while True:
        trimmed = text[:end].rstrip()
        if trimmed and is_emoji_part(trimmed[-1]):
            end = len(trimmed) - 1
            continue
        if trimmed.endswith(":"):
            start = trimmed.rfind(":", 0, len(trimmed) - 1)
            match = SHORTCODE.match(trimmed, start) if start >= 0 else None
            if match is not None and match.end() == len(trimmed):
                end = start
                continue
        return trimmed


def ends_with_emoji(text: str) -> bool:
    """Whether the last thing in ``text`` (spaces aside) is an emoji or a shortcode."""
    return len(strip_emoji(text)) < len(text.rstrip())
