"""Run every restated awesome-lint case and hold the agreement figure.

Cases live in ``tests/parity/cases_*.py`` (one module per awesome-lint rule or fixture group,
each defining ``CASES``). A case passes when listbot reports exactly what awesome-lint does,
or, for a documented deliberate difference, exactly what the case says listbot reports.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

from listbot.rules import get_rule
from tests.parity.harness import Case, agreement, listbot_pairs

BAR = 0.95


def _all_cases() -> list[Case]:
    cases: list[Case] = []
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.name.startswith("cases_"):
            cases.extend(importlib.import_module(f"tests.parity.{module.name}").CASES)
    return cases


CASES = _all_cases()


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.source}:{case.rules[0]}")
def test_case(case: Case, tmp_path: Path) -> None:
    assert listbot_pairs(case, tmp_path) == case.expected


@pytest.mark.parametrize(
    "case", [c for c in CASES if not c.agrees], ids=lambda case: f"{case.source}:{case.rules[0]}"
)
def test_difference_is_documented(case: Case) -> None:
    assert case.why, f"{case.source}: a deliberate difference needs its reason"
    for rule_id in case.rules:
        rule = get_rule(rule_id)
        assert rule is not None
        assert "Differences from awesome-lint" in rule.doc, (
            f"{rule.id}: document the difference for {case.source} in the rule's explain text"
        )


def test_agreement_bar() -> None:
    agree, comparable = agreement(CASES)
    if comparable == 0:
        pytest.skip("no parity cases yet")
    assert agree / comparable >= BAR, f"{agree} of {comparable} cases agree with awesome-lint"
