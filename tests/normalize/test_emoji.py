"""The emoji table against a maintained definition of Unicode's Extended_Pictographic.

``LISTBOT_UPDATE_EMOJI=1 pytest tests/normalize/test_emoji.py`` regenerates
``src/listbot/normalize/_emoji_table.py`` from the ``regex`` module (a test dependency).
"""

from __future__ import annotations

import os

import pytest

from listbot.normalize import _emoji_table
from listbot.normalize.emoji import ends_with_emoji, is_emoji_part, is_pictographic, strip_emoji
from tests.conftest import REPO

TABLE = REPO / "src" / "listbot" / "normalize" / "_emoji_table.py"
HEADER = '''"""Unicode's Extended_Pictographic ranges (inclusive). Generated: do not edit.

Regenerate with ``LISTBOT_UPDATE_EMOJI=1 pytest tests/normalize/test_emoji.py`` (from the
``regex`` module's ``\\\\p{Extended_Pictographic}``).
"""

EXTENDED_PICTOGRAPHIC: tuple[tuple[int, int], ...] = (
'''


def _ranges_from_regex() -> list[tuple[int, int]]:
    regex = pytest.importorskip("regex")
    pattern = regex.compile(r"\p{Extended_Pictographic}")
    ranges: list[tuple[int, int]] = []
    start = None
    for code in range(0x110001):
        inside = code < 0x110000 and pattern.match(chr(code)) is not None
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append((start, code - 1))
            start = None
    return ranges


def _render(ranges: list[tuple[int, int]]) -> str:
    rows = "".join(f"    (0x{a:05X}, 0x{b:05X}),\n" for a, b in ranges)
    return HEADER + rows + ")\n"


def test_table_matches_unicode_extended_pictographic() -> None:
    ranges = _ranges_from_regex()
    if os.environ.get("LISTBOT_UPDATE_EMOJI") == "1":
        TABLE.write_text(_render(ranges), encoding="utf-8")
        return
    assert list(_emoji_table.EXTENDED_PICTOGRAPHIC) == ranges, (
        "emoji table is stale: LISTBOT_UPDATE_EMOJI=1 pytest tests/normalize/test_emoji.py"
    )


@pytest.mark.parametrize("char", ["⌚", "⏰", "⏳", "◾", "📷", "⭐", "©", "🦀", "☕"])
def test_pictographs(char: str) -> None:
    assert is_pictographic(char)


@pytest.mark.parametrize("char", ["a", ".", "。", "中", "→", "▁", "₎", "=", "ↀ"])
def test_not_pictographs(char: str) -> None:
    assert not is_pictographic(char)


def test_sequence_parts() -> None:
    assert is_emoji_part("\ufe0f") and is_emoji_part("\u200d") and is_emoji_part("🏿")
    assert not is_emoji_part("x")


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("Ends with a camera. 📷", "Ends with a camera."),
        ("Family 👩‍👩‍👧 ", "Family"),
        ("Thumbs 👍🏿 :tada:", "Thumbs"),
        ("Time ⌚", "Time"),
        ("No emoji here.", "No emoji here."),
        ("ratio 1:2:", "ratio 1:2:"),
        ("See:tada:", "See:tada:"),
        ("Vote :+1:", "Vote"),
    ],
)
def test_strip_emoji(text: str, stripped: str) -> None:
    assert strip_emoji(text) == stripped
    assert ends_with_emoji(text) == (stripped != text.rstrip())
