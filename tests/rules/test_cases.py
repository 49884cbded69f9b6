"""Scenario files, one per rule: exact findings, and for fixable rules the fixed text.

``cases/<rule-id>.md`` is linted with only that rule selected. ``cases/<rule-id>.expected``
holds one line per finding, ``LINE:COLUMN severity message``. When ``cases/<rule-id>.fixed.md``
exists, applying the fixes must give exactly that text, fixing again must change nothing,
and re-linting the fixed text must leave no fixable finding.

Set ``LISTBOT_UPDATE_CASES=1`` to rewrite the ``.expected`` and ``.fixed.md`` files from
the current behaviour; review that diff like a snapshot update.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from listbot.api import lint_text
from listbot.config import Config
from listbot.rules import RULES

CASES = Path(__file__).parent / "cases"
UPDATE = os.environ.get("LISTBOT_UPDATE_CASES") == "1"
OFFLINE_RULES = [rule for rule in RULES if not rule.network]


def _config(rule_id: str) -> Config:
    return Config(select=(rule_id,))


def _render(findings: list) -> str:
    return "".join(f"{f.line}:{f.column} {f.severity.value} {f.message}\n" for f in findings)


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _lint(text: str, case: Path, config: Config) -> list:
    """Findings for a case; files in ``cases/<rule-id>.companions/`` sit beside the list."""
    folder = case.with_suffix(".companions")
    if not folder.is_dir():
        return lint_text(text, str(case), config=config).findings
    from dataclasses import replace

    from listbot.engine import run_rules
    from listbot.parse import parse, read_companions

    document = replace(parse(text, str(case)), companions=read_companions(folder / case.name))
    return run_rules(document, config)


@pytest.mark.parametrize("rule", OFFLINE_RULES, ids=lambda rule: rule.id)
def test_rule_case(rule) -> None:
    case = CASES / f"{rule.id}.md"
    assert case.is_file(), f"every rule needs a scenario file: {case.relative_to(CASES.parent)}"
    text = _read(case)
    findings = _lint(text, case, _config(rule.id))
    assert findings, f"{case.name} must make {rule.id} fire at least once"
    assert {f.rule for f in findings} == {rule.id}
    expected_path = case.with_suffix(".expected")
    actual = _render(findings)
    if UPDATE:
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.is_file(), f"missing {expected_path.name}"
    assert actual == expected_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "rule", [r for r in OFFLINE_RULES if r.fix.value != "never"], ids=lambda rule: rule.id
)
def test_rule_fix(rule) -> None:
    from listbot.fix import fix_text

    case = CASES / f"{rule.id}.md"
    fixed_path = CASES / f"{rule.id}.fixed.md"
    config = _config(rule.id)
    text = _read(case)
    once = fix_text(text, str(case), config, unsafe=True)
    if UPDATE:
        with fixed_path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(once.text)
    assert fixed_path.is_file(), f"a fixable rule needs {fixed_path.name}"
    assert once.text == _read(fixed_path)
    assert once.text != text, "the fix changed nothing"
    twice = fix_text(once.text, str(case), config, unsafe=True)
    assert twice.text == once.text, "fixing twice must give the same text as fixing once"
    left = [f for f in lint_text(once.text, str(case), config=config).findings if f.fix]
    assert not left, f"fixable findings left after fixing: {left}"
