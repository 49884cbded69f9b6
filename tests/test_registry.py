"""The rule registry: stable, unique, kebab-case ids; selection by id, alias and tag."""

from __future__ import annotations

import subprocess
import sys

import pytest

from listbot.checks.links import RULES as LINK_RULES
from listbot.config import Config
from listbot.engine import selected_rules
from listbot.rules import REDIRECTS, RULES, get_rule, network_rules, resolve
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


def test_network_rules_are_the_registry_s_network_rules_in_order() -> None:
    assert network_rules() == tuple(rule for rule in RULES if rule.network)
    link_ids = {rule.id for rule in LINK_RULES}
    assert resolve(sorted(link_ids)) == link_ids
    assert selected_rules(Config(select=tuple(link_ids)), network=False) == []


_LINKS_RUN = """
import sys
from listbot.checks.links import RULES
from listbot.config import Config
from listbot.engine import run_rules, selected_rules
from listbot.parse import parse
from listbot.rules import get_rule
config = Config(select=tuple(rule.id for rule in RULES))
assert run_rules(parse("# X\\n\\n- [a](https://a.example) - A.\\n"), config) == []
assert {rule.id for rule in selected_rules(config, network=True)} == set(config.select)
offline = [name for name in ("awesome_heading", "awesome_list_item", "awesome_spell_check")
           if f"listbot.rules.{name}" in sys.modules]
print(offline, get_rule("awesome-list-item").id)
"""


def test_a_link_check_imports_no_offline_rule() -> None:
    """``listbot links`` selects only network rules; the offline ones stay unimported (each
    import costs start-up time), yet any rule is found by id when asked for."""
    done = subprocess.run(
        [sys.executable, "-c", _LINKS_RUN], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[]", "awesome-list-item"]
