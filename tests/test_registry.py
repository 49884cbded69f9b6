"""The rule registry: stable, unique, kebab-case ids; selection by id, alias and tag."""

from __future__ import annotations

import pytest

from listbot.config import Config
from listbot.engine import selected_rules
from listbot.rules import REDIRECTS, RULES, get_rule, resolve
from listbot.rules.base import ID_PATTERN


def test_ids_and_aliases_are_unique_and_kebab_case() -> None:
    names = [name for rule in RULES for name in (rule.id, *rule.aliases)]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert ID_PATTERN.match(rule.id), rule.id
        assert rule.summary.endswith("."), f"{rule.id}: summary should be one sentence"


def test_redirects_point_at_existing_rules() -> None:
    for old, new in REDIRECTS.items():
        assert get_rule(new) is not None, f"redirect {old} -> {new} points nowhere"


def test_resolve_by_id_tag_and_all() -> None:
    assert resolve(["final-newline"]) == {"final-newline"}
    assert "final-newline" in resolve(["whitespace"])
    assert resolve(["ALL"]) == {rule.id for rule in RULES}
    with pytest.raises(ValueError, match="unknown rule or tag"):
        resolve(["nope"])


def test_default_selection_is_the_enabled_rules() -> None:
    chosen = {rule.id for rule in selected_rules(Config())}
    assert chosen == {rule.id for rule in RULES if rule.enabled}
    off = [rule.id for rule in RULES if not rule.enabled]
    if off:
        assert off[0] in {r.id for r in selected_rules(Config(extend_select=(off[0],)))}


def test_ignore_beats_select() -> None:
    config = Config(select=("final-newline",), ignore=("final-newline",))
    assert selected_rules(config) == []
