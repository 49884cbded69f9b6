"""Property test: awesome-lint's rules on arbitrary list-like Markdown.

They must never raise, every finding must point into the file, and their fixes must
converge: fixing twice gives the text of fixing once.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listbot.config import Config
from listbot.fix import fix_text
from listbot.parse import parse
from listbot.rules import get_rule
from tests.rules.test_awesome_rules import AWESOME_RULES

FRAGMENTS = [
    "- ", "* ", "1. ", "  - ", "-", "[", "]", "](", ")", "[Foo](https://foo.dev)", "[Bar](#bar)",
    " - ", " – ", "—", ": ", "：", " ", "  ", "\t", "Parses widgets", "parses", ".", "。", "!",
    "`code`", "`", "“", "”", "‘", "’", '"', "（", "）", "「", "」", "javascript", "Github",
    "os x", "written in go", "# ", "## ", "### ", "Contents", "Table of Contents", "目录",
    "<h1>", "</h1>", '<p align="center">', "<img src=x>", "<!-- c -->", "~~old~~", "🚀",
    "![A](https://awesome.re/badge.svg)", "[![B](https://travis-ci.org/x.svg)](https://x)",
    "**", "_", "\\", "License", "中文描述", "\n", "\n", "\n\n",
]  # fmt: skip

markdown = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown)
def test_awesome_rules_are_total_and_fixes_converge(text: str) -> None:
    document = parse(text, "readme.md")
    for rule_id in AWESOME_RULES:
        rule = get_rule(rule_id)
        assert rule is not None
        for finding in rule.check(document, rule.default_options):
            assert 1 <= finding.line <= max(len(document.lines), 1)
            assert 1 <= finding.column <= len(document.line_text(finding.line)) + 1
    config = Config(select=AWESOME_RULES)
    once = fix_text(text, "readme.md", config, unsafe=True)
    twice = fix_text(once.text, "readme.md", config, unsafe=True)
    assert twice.text == once.text
