"""Inline lint comments, compatible with awesome-lint / remark-message-control."""

from __future__ import annotations

from listbot.api import lint_text
from listbot.config import Config

ONLY = Config(select=("final-newline",))
BODY = "# T\n\n- [a](https://a.dev) - A."


def rules_fired(text: str) -> list[str]:
    return [f.rule for f in lint_text(text, config=ONLY).findings]


def test_without_comment_the_rule_fires() -> None:
    assert rules_fired(BODY) == ["final-newline"]


def test_disable_named_rule() -> None:
    assert rules_fired("<!--lint disable final-newline-->\n" + BODY) == []


def test_disable_all() -> None:
    assert rules_fired("<!--lint disable-->\n" + BODY) == []


def test_disable_other_rule_does_not_hide() -> None:
    assert rules_fired("<!--lint disable awesome-list-item-->\n" + BODY) == ["final-newline"]


def test_enable_turns_it_back_on() -> None:
    text = (
        "<!--lint disable final-newline-->\n# T\n\n"
        "<!--lint enable final-newline-->\n\n- [a](https://a.dev) - A."
    )
    assert rules_fired(text) == ["final-newline"]


def test_ignore_covers_only_the_next_block() -> None:
    hidden = "# T\n\n<!--lint ignore final-newline-->\n- [a](https://a.dev) - A."
    assert rules_fired(hidden) == []
    shown = "# T\n\n<!--lint ignore final-newline-->\nSome text.\n\n- [a](https://a.dev) - A."
    assert rules_fired(shown) == ["final-newline"]
