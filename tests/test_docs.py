"""Rule documentation: docstring headings, ``listbot explain``, and the README rules section.

The README's rules section is generated from the registry. Once it has been generated
(between ``<!-- rules:start -->`` and ``<!-- rules:end -->``), it must stay in sync; run
``LISTBOT_UPDATE_DOCS=1 pytest tests/test_docs.py`` to regenerate it.
"""

from __future__ import annotations

import json
import os

import pytest

from listbot.api import lint_text
from listbot.cli import main
from listbot.config import Config
from listbot.explain import (
    REQUIRED_HEADINGS,
    RULES_END,
    RULES_START,
    example_of,
    explain,
    render_rules_section,
    sections_of,
    update_rules_section,
)
from listbot.rules import RULES
from tests.conftest import REPO

README = REPO / "README.md"
UPDATE = os.environ.get("LISTBOT_UPDATE_DOCS") == "1"
HOW_TO_UPDATE = "LISTBOT_UPDATE_DOCS=1 pytest tests/test_docs.py"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_docstring_has_the_required_headings(rule) -> None:
    sections = sections_of(rule.doc)
    missing = [heading for heading in REQUIRED_HEADINGS if not sections.get(heading)]
    assert not missing, f"{rule.id}: docstring lacks ## {', ## '.join(missing)}"


def test_sections_skip_headings_inside_code_fences() -> None:
    doc = "## Example\n```markdown\n## Not a section\n- item\n```\n\n## Use instead\nThis."
    assert sections_of(doc) == {
        "Example": "```markdown\n## Not a section\n- item\n```",
        "Use instead": "This.",
    }


def test_rules_section_lists_every_rule_once() -> None:
    section = render_rules_section()
    rows = [line for line in section.splitlines() if line.startswith("| <a id=")]
    assert len(rows) == len(RULES)
    for rule, row in zip(RULES, rows, strict=True):
        assert f'<a id="rule-{rule.id}"></a>`{rule.id}`' in row
        assert rule.summary.replace("|", "\\|") in row
        assert ("🌐" in row) == rule.network


def test_update_rules_section_is_idempotent_and_needs_markers() -> None:
    readme = f"# X\n\n## Rules\n\n{RULES_START}\nOLD TABLE\n{RULES_END}\n\n## More\n"
    once = update_rules_section(readme)
    assert "OLD TABLE" not in once and once.endswith(f"{RULES_END}\n\n## More\n")
    assert update_rules_section(once) == once
    with pytest.raises(ValueError, match="rules:start"):
        update_rules_section("# no markers\n")


def test_readme_rules_section_is_in_sync() -> None:
    text = README.read_text(encoding="utf-8")
    assert RULES_START in text and RULES_END in text, "README.md lost its rules markers"
    expected = update_rules_section(text)
    if UPDATE and expected != text:
        README.write_text(expected, encoding="utf-8")
        text = expected
    current = text[text.index(RULES_START) + len(RULES_START) : text.index(RULES_END)]
    if not current.strip():
        pytest.skip(f"README rules section not generated yet: {HOW_TO_UPDATE}")
    assert text == expected, f"README rules section is stale: {HOW_TO_UPDATE}"


# -- listbot explain -----------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_explain_text_and_json(rule, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", rule.id]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"# {rule.id}\n\n{rule.summary}\n")
    assert "## What it does" in text
    assert main(["explain", rule.id, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == rule.id and data["summary"] == rule.summary
    assert data["fix"] == rule.fix.value and data["severity"] == rule.severity.value
    assert [o["name"] for o in data["options"]] == list(rule.option_names)
    assert set(REQUIRED_HEADINGS) <= set(data["sections"])


def test_explain_accepts_aliases() -> None:
    aliased = [rule for rule in RULES if rule.aliases]
    if not aliased:
        pytest.skip("no rule has an alias yet")
    assert main(["explain", aliased[0].aliases[0]]) == 0


def test_explain_unknown_rule_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "no-such-rule"]) == 2
    err = capsys.readouterr().err
    assert "unknown rule 'no-such-rule'" in err and len(err.strip().splitlines()) == 1


def test_explain_shows_the_example_finding_and_its_fix() -> None:
    shown = 0
    for rule in RULES:
        example = example_of(rule)
        if rule.network or example is None:
            continue
        explanation = explain(rule)
        config = Config(select=(rule.id,))
        actual = lint_text(example, "example.md", config=config).findings
        assert [f["line"] for f in explanation.findings] == [f.line for f in actual]
        if explanation.fixed is not None:
            shown += 1
            assert explanation.fixed != example
            left = lint_text(explanation.fixed, "example.md", config=config).findings
            assert not [f for f in left if f.fix], f"{rule.id}: the fixed example is still fixable"
    assert shown, "no rule's example demonstrates a fix"
