"""The rule registry: every rule module, in a fixed order, and look-up by id, alias or tag.

Adding a rule: write ``rules/<id_with_underscores>.py`` with a ``RULE``, add the module to
``_MODULES`` below (its group), and add ``tests/rules/cases/<id>.md``. Network checks are
in ``_NETWORK_MODULES``: those modules (``listbot.checks.…``) export ``RULES``,
a tuple of rules with ``network=True`` whose findings :mod:`listbot.checks` produces.
Retired ids stay in ``REDIRECTS`` so old configs and ``<!--lint ...-->`` comments keep working.

Modules are imported when a rule is first asked for: ``listbot links`` runs only the
network rules and never imports the offline ones (~35 ms, a thirtieth of a 2,000-link check).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable

from listbot.rules.base import FixAvailability, NoOptions, Rule
from listbot.suggest import did_you_mean

__all__ = [
    "REDIRECTS",
    "RULES",
    "FixAvailability",
    "NoOptions",
    "Rule",
    "all_rules",
    "get_rule",
    "network_rules",
    "resolve",
    "unknown_selectors",
]

# Module names (files in this package), in the order `listbot rules` lists them.
_MODULES: tuple[str, ...] = (
    # -- awesome-lint's own rules (ids as awesome-lint prints them) --
    "awesome_heading",
    "awesome_badge",
    "awesome_contributing",
    "awesome_code_of_conduct",
    "awesome_license",
    "awesome_list_item",
    "balanced_punctuation",
    "awesome_no_ci_badge",
    "no_repeat_item_in_description",
    "awesome_spell_check",
    "awesome_toc",
    "double_link",
    # -- remark-lint preset rules that awesome-lint enables --
    "final_newline",
    "unordered_list_marker_style",
    "list_item_indent",
    "list_item_bullet_indent",
    "ordered_list_marker_style",
    "ordered_list_marker_value",
    "heading_style",
    "no_multiple_toplevel_headings",
    "no_undefined_references",
    "no_unused_definitions",
    "no_heading_punctuation",
    "no_emphasis_as_heading",
    "no_repeat_punctuation",
    # -- beyond awesome-lint --
    "duplicate_entry",
    "year_mismatch",
    "arxiv_invalid_id",
    "arxiv_link_form",
    "tracking_parameter",
    "insecure_link",
    "html_balance",
    "no_trailing_spaces",
    "no_hard_tabs",
    "link_spacing",
    "ordered_list_as_heading",
    "mojibake",
    "latex_leftover",
    # -- contribution policy --
    "alphabetical_order",
    "section_size",
    "promotional_wording",
    "entry_name",
)
_NETWORK_MODULES: tuple[str, ...] = (
    # -- network checks (listbot.checks.*; each module exports RULES) --
    "listbot.checks.link_rules",
    "listbot.checks.arxiv_rules",
    "listbot.checks.github_rules",
    "listbot.checks.github_requirements",
)

# Old or alternative names -> current id.
REDIRECTS: dict[str, str] = {}

_BY_NAME: dict[str, Rule] = {}
"""Every id and alias of the rules imported so far."""
_LOADED: dict[str, tuple[Rule, ...]] = {}


def _rules_of(names: Iterable[str]) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for name in names:
        found = _LOADED.get(name)
        if found is None:
            module = importlib.import_module(
                name if name.startswith("listbot.") else f"{__name__}.{name}"
            )
            found = tuple(getattr(module, "RULES", None) or (module.RULE,))
            for rule in found:
                for rule_name in (rule.id, *rule.aliases):
                    if rule_name in _BY_NAME:
                        raise RuntimeError(f"rule name {rule_name!r} is used twice")
                    _BY_NAME[rule_name] = rule
            _LOADED[name] = found
        rules.extend(found)
    return tuple(rules)


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in the order `listbot rules` lists them (network checks last)."""
    return _rules_of((*_MODULES, *_NETWORK_MODULES))


@functools.cache
def network_rules() -> tuple[Rule, ...]:
    """The network checks' rules, without importing the offline ones."""
    return _rules_of(_NETWORK_MODULES)


def __getattr__(name: str) -> tuple[Rule, ...]:
    """``RULES``: :func:`all_rules`, imported on first use."""
    if name == "RULES":
        return all_rules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def get_rule(name: str) -> Rule | None:
    """The rule with this id or alias (redirects followed), or None. The network rules are
    imported first: a link check asks only for them; any other name imports every rule."""
    name = REDIRECTS.get(name, name)
    rule = _BY_NAME.get(name)
    for load in (network_rules, all_rules):
        if rule is not None:
            break
        load()
        rule = _BY_NAME.get(name)
    return rule


def resolve(selectors: Iterable[str], rules: Iterable[Rule] | None = None) -> set[str]:
    """Rule ids matched by selectors: ids, aliases, tags, or ``ALL`` (``rules``: every
    rule, imported only when a selector is a tag or ``ALL``).

    Raises ValueError naming every selector that matches nothing (see :func:`unknown_selectors`).
    """
    selectors = tuple(selectors)
    problems = unknown_selectors(selectors, rules)
    if problems:
        raise ValueError("; ".join(problems))
    chosen: set[str] = set()
    for selector in selectors:
        selector = selector.strip()
        if not selector:
            continue
        if selector.upper() == "ALL":
            chosen.update(rule.id for rule in _pool(rules))
            continue
        rule = get_rule(selector)
        if rule is not None:
            chosen.add(rule.id)
            continue
        chosen.update(rule.id for rule in _pool(rules) if selector in rule.tags)
    return chosen


def unknown_selectors(selectors: Iterable[str], rules: Iterable[Rule] | None = None) -> list[str]:
    """One message per selector that is no rule id, alias, tag or ``ALL``, with a suggestion."""
    tags: set[str] | None = None
    problems = []
    for selector in selectors:
        selector = selector.strip()
        if not selector or selector.upper() == "ALL" or get_rule(selector) is not None:
            continue
        if tags is None:
            tags = {tag for rule in _pool(rules) for tag in rule.tags}
        if selector not in tags:
            names = [*_BY_NAME, *REDIRECTS, *tags]
            problems.append(
                f"unknown rule or tag {selector!r}{did_you_mean(selector, names)} "
                "(`listbot rules --all` lists them)"
            )
    return problems


def _pool(rules: Iterable[Rule] | None) -> tuple[Rule, ...]:
    return all_rules() if rules is None else tuple(rules)
