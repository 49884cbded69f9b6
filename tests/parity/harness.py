"""awesome-lint's own test suite as a peer suite, restated case by case in our own words.

Each :class:`Case` names the awesome-lint 2.3.0 fixture it reproduces (``source``), holds our own
Markdown of the same shape (and companion files such as ``contributing.md``), and the findings
awesome-lint reports on it as ``(rule id, line)`` pairs: its test file's expectation, or, where
its test only logs the messages, what awesome-lint 2.3.0 printed for that fixture.

A listbot finding about another file than the list (its related place carries that file,
as the code of conduct's do) is compared at its line in that file, where awesome-lint
reports it.

Where listbot deliberately differs, ``listbot`` holds what listbot reports instead and ``why``
says why; the same difference is documented in the rule's ``listbot explain`` text under a
"Differences from awesome-lint" heading. Cases that need awesome-lint's network checks are
marked ``comparable=False`` and left out of the agreement figure.

Modules ``tests/parity/test_*.py`` each define ``CASES``; ``test_agreement.py`` collects them
all and holds the agreement figure to the issue's bar.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from listbot.config import config_from_mapping
from listbot.engine import run_rules
from listbot.parse import parse_file
from listbot.rules import get_rule

Pair = tuple[str, int]


@dataclass(frozen=True)
class Case:
    source: str
    """The awesome-lint fixture this case restates, e.g. ``test/fixtures/list-item/1.md``."""
    rules: tuple[str, ...]
    """awesome-lint rule ids the case runs (listbot runs the rules of the same ids)."""
    markdown: str
    awesome_lint: frozenset[Pair]
    """What awesome-lint 2.3.0 reports: (rule id, line)."""
    listbot: frozenset[Pair] | None = None
    """What listbot reports when it deliberately differs (None: the same as awesome-lint)."""
    why: str = ""
    companions: Mapping[str, str] = field(default_factory=dict)
    """Files beside the list (path relative to the list's folder -> content)."""
    filename: str = "readme.md"
    comparable: bool = True
    options: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    """listbot rule options by rule id, where the awesome-lint test configures its rule."""

    @property
    def expected(self) -> frozenset[Pair]:
        return self.awesome_lint if self.listbot is None else self.listbot

    @property
    def agrees(self) -> bool:
        return self.listbot is None


def pairs(*items: Pair) -> frozenset[Pair]:
    return frozenset(items)


def listbot_pairs(case: Case, folder: Path) -> frozenset[Pair]:
    """Lint the case from disk in ``folder`` with only its rules; ``(rule id, line)`` pairs."""
    for name, content in case.companions.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    readme = folder / case.filename
    readme.write_text(case.markdown, encoding="utf-8")
    ids = []
    for rule_id in case.rules:
        rule = get_rule(rule_id)
        assert rule is not None, f"{case.source}: no listbot rule for awesome-lint's {rule_id!r}"
        ids.append(rule.id)
    config = config_from_mapping({"select": ids, "rules": case.options})
    findings = run_rules(parse_file(readme), config)
    # A finding about another file (the code of conduct) is compared at its line there.
    return frozenset(
        (f.rule, next((r.line for r in f.related if r.file), f.line)) for f in findings
    )


def agreement(cases: Iterable[Case]) -> tuple[int, int]:
    """(cases where listbot reports exactly what awesome-lint does, comparable cases)."""
    comparable = [case for case in cases if case.comparable]
    return sum(case.agrees for case in comparable), len(comparable)
