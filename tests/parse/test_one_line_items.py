"""The block fast path for one-line list items (``positions._one_line_item_end``) parses
every document exactly as mistune's general list-item path does, or steps aside.

Each case parses a text twice, with the fast path and with it turned off, and compares the
whole Document (entries, notices and block lines included): on hand-picked near misses, on
generated lists and on the corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listbot.parse import parse, positions
from tests.conftest import corpus_and_fuzz_params


def everything(text: str) -> tuple[Any, ...]:
    document = parse(text)
    return (
        document,
        document.entries,
        document.block_entries,
        document.block_lines,
        document.notices,
        sorted(document.code_lines),
    )


def without_fast_path(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    with monkeypatch.context() as patch:
        patch.setattr(positions, "_one_line_item_end", lambda *args: None)
        return everything(text)


def fast_items(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many items the fast path parsed."""
    calls = []
    real = positions._parse_one_line_item
    with monkeypatch.context() as patch:
        patch.setattr(
            positions, "_parse_one_line_item", lambda *args: calls.append(1) or real(*args)
        )
        parse(text)
    return len(calls)


NEAR_MISSES = [
    "- [a](b) - one\n- - -\n- c\n",  # a thematic break, not an item
    "- [a](b)\n- # heading\n- c\n",
    "- [a](b)\n-\n- c\n",  # an empty item
    "- [a](b)\n-   \n- c\n",
    "- [a](b)\n* [c](d)\n+ e\n",  # a new list at each marker change
    "- [a](b)\n  - [c](d)\n    - e\n- f\n",  # nested lists
    "- [a](b)\nlazy continuation\n- c\n",
    "- [a](b)\n\n- [c](d)\n",  # loose
    "- a\n\n\n- b\n",
    "- [a](b)\n> quote\n",
    "- [a](b)\n>- c\n",
    "-  [a](b)\n- two spaces before the content\n",
    "-    [a](b)\n- four\n",
    "-     code\n- five spaces: indented code\n",
    "-\t[a](b)\n-\tc\n",
    "- \t[a](b)\n- c\n",
    "- \u00a0a\n- \u3000b\n",
    "- [foo]: /url\n- [foo]\n",  # a reference definition inside an item
    "- ```\n- x\n",
    "- ~~~\ncode\n~~~\n- x\n",
    "- <div>\n- x\n",
    "- <!-- c -->\n- x\n",
    "- a\n===\n",
    "- a\n---\n- b\n",
    "- a   \n- b\n",
    "- a\\\n- b\n",
    "- | a | b |\n- |---|---|\n",
    "| a | b |\n|---|---|\n| - c | d |\n",
    "- a\n- [ ] task\n- [x] done\n",
    "1. a\n2. b\n3) c\n10. d\n",
    "1. a\n1. b\n- c\n",
    "- a\n - b\n  - c\n   - d\n    - e\n",
    "> - a\n> - b\n>\n> - c\n",
    "- a\n\t- b\n",
    "- a\r\n- b\r\n",
    "- a\r- b\r",
    "- a\n- b",
    "- a",
    "* * *\n* a\n* b\n",
    "- $$\n- x\n",
    "- [^1]\n- b\n\n[^1]: note\n",
    "- a\n    - b\n- c\n",
    "paragraph\n- a\n- b\n",
    "- " * 12 + "deep\n" + "- " * 12 + "deeper\n",
    "".join("  " * depth + "- [x](y)\n" for depth in range(14)),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_parse_as_without_the_fast_path(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert everything(text) == without_fast_path(text, monkeypatch)


def test_plain_entries_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# List\n\n- [a](https://a.example) - A.\n- [b](https://b.example) - B.\n- c\n\nEnd.\n"
    assert fast_items(text, monkeypatch) == 2  # a blank line after "c": mistune's path
    assert fast_items("- a\n- b\n- c", monkeypatch) == 3  # the source's end ends the last
    assert fast_items("- a\n  continued\n- b\n", monkeypatch) == 1
    assert fast_items("- a\n\n- b\n", monkeypatch) == 1
    assert fast_items("- a\n-\n", monkeypatch) == 1
    assert everything(text) == without_fast_path(text, monkeypatch)


LINES = [
    "- [a](https://a.example) - A.", "- b", "* c", "1. d", "2) e", "  - f", "    - g", "",
    "-", "- - -", "- # h", "> - i", "j", "- ```", "```", "- <div>", "    code", "- [l]: /u",
    "\t- m", "- [ ] n", "---", "===", "- o\\", "| p | q |", "|---|---|",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=14))
def test_generated_lists_parse_as_without_the_fast_path(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    with pytest.MonkeyPatch.context() as patch:
        assert everything(text) == without_fast_path(text, patch)


@pytest.mark.parametrize("path", corpus_and_fuzz_params())
def test_every_corpus_list_parses_as_without_the_fast_path(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert everything(text) == without_fast_path(text, monkeypatch)
