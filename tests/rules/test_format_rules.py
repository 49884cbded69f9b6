"""The list, heading and line rules' options and branches that their scenario files leave out."""

from __future__ import annotations

from typing import Any

import pytest

from listbot.api import lint_text
from listbot.config import Config, ConfigError, RuleSettings, build_dataclass
from listbot.findings import Applicability, Finding
from listbot.fix import fix_text
from listbot.normalize.markup import code_span_ranges, mask_markup, mask_math
from listbot.rules import get_rule


def _lint(text: str, rule_id: str, **options: Any) -> list[Finding]:
    return lint_text(text, "list.md", config=_config(rule_id, **options)).findings


def _config(rule_id: str, **options: Any) -> Config:
    rule = get_rule(rule_id)
    assert rule is not None
    settings = {rule_id: RuleSettings(options=rule.options(**options))} if options else {}
    return Config(select=(rule_id,), rules=settings)


def _fixed(text: str, rule_id: str, **options: Any) -> str:
    return fix_text(text, "list.md", _config(rule_id, **options), unsafe=True).text


# -- options ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rule_id",
    [
        "unordered-list-marker-style",
        "list-item-indent",
        "ordered-list-marker-style",
        "ordered-list-marker-value",
        "heading-style",
    ],
)
def test_unknown_style_is_a_config_error_naming_the_key(rule_id: str) -> None:
    rule = get_rule(rule_id)
    assert rule is not None
    with pytest.raises(ConfigError, match=rf"\[rules.{rule_id}\].*style must be one of"):
        build_dataclass(rule.options, {"style": "fancy"}, f"listbot.toml: [rules.{rule_id}]")


def test_unordered_marker_explicit_style() -> None:
    text = "- a\n- b\n\nText.\n\n* c\n"
    assert [f.line for f in _lint(text, "unordered-list-marker-style")] == [6]
    starred = _lint(text, "unordered-list-marker-style", style="*")
    assert [(f.line, f.data["items"]) for f in starred] == [(1, 2)]
    assert _fixed(text, "unordered-list-marker-style", style="*") == "* a\n* b\n\nText.\n\n* c\n"


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("- a\n- b\n- c\n* d\n", True),  # tight and touching: joining keeps each item
        ("- a\n- b\n- c\n\n* d\n", False),  # a blank line between: the joined list is loose
        ("- a\n\n- b\n\n- c\n* d\n", False),  # already loose: its items are paragraphs
    ],
)
def test_stray_bullet_fix_is_safe_only_when_joining_keeps_items_tight(
    text: str, safe: bool
) -> None:
    import mistune

    (finding,) = _lint(text, "unordered-list-marker-style")
    assert finding.line == text.count("\n")
    assert finding.fix is not None
    expected = Applicability.SAFE if safe else Applicability.UNSAFE
    assert finding.fix.applicability is expected
    # right against its list the bullet split it by mistake; apart, a list may be meant
    assert finding.severity.value == ("error" if safe else "warning")
    fixed = _fixed(text, "unordered-list-marker-style")
    assert fixed == text.replace("* d", "- d")
    # what makes the unsafe ones unsafe: in the joined list every item becomes a paragraph
    assert ("<p>" in str(mistune.html(fixed))) is not safe


def test_list_item_indent_styles() -> None:
    tab_style = "*   a\n*   b\n* c\n\nText.\n\n1.  one\n"
    # consistent: most items use the tab-size gap, so only the one-space item is reported
    assert [f.line for f in _lint(tab_style, "list-item-indent")] == [3]
    one = _lint(tab_style, "list-item-indent", style="one")
    assert [(f.line, f.data["items"]) for f in one] == [(1, 2), (7, 1)], "one finding per list"
    assert [f.line for f in _lint(tab_style, "list-item-indent", style="tab")] == [3]
    assert _fixed(tab_style, "list-item-indent", style="tab").splitlines()[2] == "*   c"


def test_list_item_indent_gap_in_many_lists_is_the_files_habit() -> None:
    # a generator writes `-  ` before the tag line of every entry: ten lists, one habit
    entry = "- [App{n}](https://a{n}.dev)\n  - An app.\n  - A widget.\n  -  `2023` `swift`\n"
    text = "# A\n\n" + "\n".join(entry.format(n=n) for n in range(10))
    (finding,) = _lint(text, "list-item-indent")
    assert finding.message.endswith("(10 lists are written so)")
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    nine = "# A\n\n" + "\n".join(entry.format(n=n) for n in range(9))
    assert len(_lint(nine, "list-item-indent")) == 9


def test_list_item_indent_fix_is_unsafe_when_lines_below_depend_on_the_column() -> None:
    text = "-   alone\n\nText.\n\n-   parent\n    continued\n"
    findings = _lint(text, "list-item-indent", style="one")
    by_line = {f.line: f.fix.applicability for f in findings if f.fix}
    assert by_line == {1: Applicability.SAFE, 5: Applicability.UNSAFE}


def test_ordered_marker_style_consistent_is_what_most_items_use() -> None:
    text = "Steps:\n\n2) stray\n\nText.\n\n1. a\n2. b\n3. c\n"
    findings = _lint(text, "ordered-list-marker-style")
    assert [(f.line, f.message) for f in findings] == [
        (3, "Unexpected ordered list marker `)`, expected `.`")
    ]
    assert _fixed(text, "ordered-list-marker-style").startswith("Steps:\n\n2. stray\n")


def test_ordered_marker_value_one_and_single() -> None:
    text = "3. a\n3. b\n4. c\n"
    one = _lint(text, "ordered-list-marker-value", style="one")
    assert [(f.line, f.message[-3:]) for f in one] == [(1, "`1`"), (2, "`1`"), (3, "`1`")]
    assert one[0].fix is None, "the first number renders, so it is never rewritten"
    single = _lint(text, "ordered-list-marker-value", style="single")
    assert [f.line for f in single] == [3]
    assert _fixed(text, "ordered-list-marker-value", style="single") == "3. a\n3. b\n3. c\n"


def test_ordered_marker_value_renumbers_from_the_break() -> None:
    text = "1. a\n2. b\n2. c\n3. d\n4. e\n"
    findings = _lint(text, "ordered-list-marker-value")
    assert [f.line for f in findings] == [3]
    assert _fixed(text, "ordered-list-marker-value") == "1. a\n2. b\n3. c\n4. d\n5. e\n"


def test_ordered_marker_value_in_a_file_that_numbers_every_item_one() -> None:
    # every list repeats `1.` but one, which a `<details>` split into 21., 22., 1., 1.:
    # its `1.` items follow the file's style; its real slip (`5.` after `2.`) is still found
    lists = "1. a\n1. b\n\nText.\n\n1. c\n1. d\n\nText.\n\n"
    text = lists + "21. e\n22. f\n1. g\n1. h\n\nText.\n\n1. i\n2. j\n5. k\n"
    findings = _lint(text, "ordered-list-marker-value")
    assert [(f.line, f.severity.value) for f in findings] == [(2, "warning"), (20, "error")]


def test_heading_style_consistent_and_setext() -> None:
    text = "Title\n=====\n\n## Section\n\n### Deep\n"
    assert [f.line for f in _lint(text, "heading-style")] == [1]
    consistent = _lint(text, "heading-style", style="consistent")
    assert [(f.line, f.message) for f in consistent] == [
        (4, "Unexpected ATX heading, expected setext")
    ], "level 3 cannot be setext, so it is not reported"
    assert not _lint(text, "heading-style", style="setext")[1:]


def test_heading_style_of_a_file_that_underlines_its_sections_is_told_once() -> None:
    sections = "".join(f"Section {n}\n---------\n\n### Part {n}\n\n" for n in range(5))
    (finding,) = _lint(f"# A\n\n{sections}", "heading-style")
    assert finding.severity.value == "warning" and finding.line == 3
    assert finding.message.startswith("5 headings are setext")
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    assert len(finding.fix.edits) == 10
    four = "".join(f"Section {n}\n---------\n\n" for n in range(4))
    assert {f.severity.value for f in _lint(f"# A\n\n{four}", "heading-style")} == {"error"}


def test_a_dash_line_under_an_entry_is_one_finding_of_heading_style() -> None:
    # `---` under an entry turns it into a setext heading inside the list: heading-style
    # says so once, without a fix; the TOC and the punctuation rule leave it alone
    text = (
        "# A\n\n## Contents\n\n- [Web](#web)\n\n## Web\n\n"
        "* [IHP](https://ihp.dev) - The best way to start.\n    ---\n"
        "* [Yesod](https://y.dev) - Web.\n"
    )
    config = Config(select=("heading-style", "awesome-toc", "no-heading-punctuation"))
    found = lint_text(text, "readme.md", config=config).findings
    assert [(f.line, f.rule) for f in found] == [(9, "heading-style")]
    assert found[0].fix is None and "under this list item" in found[0].message


def test_trailing_spaces_hard_break_as_backslash_when_not_allowed() -> None:
    text = "A line  \ncontinues.\n"
    assert not _lint(text, "no-trailing-spaces")
    findings = _lint(text, "no-trailing-spaces", allow_hard_breaks=False)
    assert len(findings) == 1
    assert _fixed(text, "no-trailing-spaces", allow_hard_breaks=False) == "A line\\\ncontinues.\n"


def test_trailing_spaces_that_most_lines_have_are_the_files_style() -> None:
    generated = "".join(f"- [Tool {n}](https://t{n}.dev) - Does {n}. \n" for n in range(20))
    (finding,) = _lint(f"# A \n\n{generated}", "no-trailing-spaces")
    assert finding.line == 1 and finding.message.startswith("21 of 21 lines end in whitespace")
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    assert len(finding.fix.edits) == 21
    few = "# A\n\n" + "- [Tool](https://t.dev) - Does it.\n" * 20 + generated[:200]
    assert {f.message for f in _lint(few, "no-trailing-spaces")} == {
        "Unexpected trailing whitespace"
    }


def test_hard_tabs_in_indentation_when_not_allowed() -> None:
    text = "- a\n\t- b\n"
    assert not _lint(text, "no-hard-tabs")
    assert _fixed(text, "no-hard-tabs", allow_indentation=False) == "- a\n    - b\n"


def test_heading_punctuation_option() -> None:
    text = "# Title\n\n## Tools:\n\n## Why?\n"
    assert [f.line for f in _lint(text, "no-heading-punctuation")] == [3, 5]
    assert [f.line for f in _lint(text, "no-heading-punctuation", punctuation="?")] == [5]


def test_heading_punctuation_of_a_file_of_sentence_headings_is_told_once() -> None:
    taglines = "".join(f"### Tool {n}\n\n#### Build an AI team {n}.\n\n" for n in range(10))
    (finding,) = _lint(f"# A\n\n{taglines}", "no-heading-punctuation")
    assert finding.severity.value == "warning" and finding.line == 5
    assert finding.message.startswith("10 headings end in punctuation")
    nine = "".join(f"#### Build an AI team {n}.\n\n" for n in range(9))
    assert len(_lint(f"# A\n\n{nine}", "no-heading-punctuation")) == 9


def test_repeat_punctuation_option() -> None:
    text = "Wait... what?? Really!!\n"
    assert [f.column for f in _lint(text, "no-repeat-punctuation")] == [13, 22]
    assert [f.column for f in _lint(text, "no-repeat-punctuation", characters="?")] == [13]
    assert not _lint(text, "no-repeat-punctuation", characters="")


def test_crlf_keeps_columns_and_fixes_keep_line_endings() -> None:
    text = "- a \r\n* b\r\n"
    trailing = _lint(text, "no-trailing-spaces")
    assert [(f.line, f.column) for f in trailing] == [(1, 4)]
    assert _fixed(text, "no-trailing-spaces") == "- a\r\n* b\r\n"


# -- masks --------------------------------------------------------------------------


def test_code_span_ranges_match_backtick_runs() -> None:
    line = "a `x` b ``y ` z`` c `unclosed"
    assert [line[s:e] for s, e in code_span_ranges(line)] == ["`x`", "``y ` z``"]


def test_mask_markup_keeps_columns_and_link_text() -> None:
    line = 'See [Foo!!](https://x.dev/?a=1!!) <b title="!!">x</b> `!!` https://y.dev/!! end!!'
    masked = mask_markup(line)
    assert len(masked) == len(line)
    assert masked.count("!!") == 2  # in the link text and at the end
    assert masked.index("!!") == line.index("Foo!!") + 3


def test_mask_math() -> None:
    line = r"Math $\textbf{x}$ and $$\cite{y}$$ but \emph{z} costs $5 and $10."
    masked = mask_math(line)
    assert "\\textbf" not in masked and "\\cite" not in masked
    assert "\\emph" in masked and "$5 and $10" in masked


# -- the corpus: real defects found, no crying wolf -----------------------------------


def _corpus_findings(path: Any, rule_id: str) -> list[Finding]:
    text = path.read_text(encoding="utf-8")
    return lint_text(text, str(path), config=Config(select=(rule_id,))).findings


def test_html_balance_on_the_corpus(corpus: Any) -> None:
    guide = _corpus_findings(corpus / "llms-practical-guide.md", "html-balance")
    assert [(f.line, f.message.split(":")[0]) for f in guide] == [
        (302, "`<b>` inside `<b>`"),
        (303, "`<b>` inside `<b>`"),
        (304, "`<b>` inside `<b>`"),
        (305, "`<b>` inside `<b>`"),
        (306, "`<b>` inside `<b>`"),
        (310, "`<tr>` opens an empty row"),
        (361, "`<tr>` opens an empty row"),
    ]
    for name in (
        "sindresorhus-awesome.md",
        "kdeldycke-awesome-falsehood.md",
        "RUCAIBox-LLMSurvey.md",
        "Hannibal046-Awesome-LLM.md",
        "enaqx-awesome-react.md",
    ):
        assert not _corpus_findings(corpus / name, "html-balance"), name


def test_pdf_debris_in_the_practical_guide(corpus: Any) -> None:
    path = corpus / "llms-practical-guide.md"
    mojibake = _corpus_findings(path, "mojibake")
    assert [(f.line, f.column) for f in mojibake] == [(490, 29)]
    assert "probably `ç`" in mojibake[0].message
    latex = _corpus_findings(path, "latex-leftover")
    assert [(f.line, f.column) for f in latex] == [(135, 64)], "the copy in a comment is hidden"


def test_numbered_labels_in_the_practical_guide(corpus: Any) -> None:
    path = corpus / "llms-practical-guide.md"
    findings = _corpus_findings(path, "ordered-list-as-heading")
    labels = [f.message.split("`")[1] for f in findings]
    assert labels == [
        "1. Cost",
        "2. Latency",
        "3. Parameter-Efficient Fine-Tuning",
        "4. Pretraining System",
        "1. Robustness and Calibration",
        "2. Spurious biases",
        "3. Safety issues",
    ]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("[a]: https://a.dev\n", "\n"),
        ("- [A][a]\n\n[a]: https://a.dev\n[b]: https://b.dev", "- [A][a]\n\n[a]: https://a.dev"),
        (
            "- [A][a]\n\n[b]: https://b.dev\n[a]: https://a.dev\n",
            "- [A][a]\n\n[a]: https://a.dev\n",
        ),
    ],
)
def test_unused_definition_removal_keeps_the_other_lines(text: str, fixed: str) -> None:
    assert _fixed(text, "no-unused-definitions") == fixed


FORMAT_RULES = (
    "unordered-list-marker-style",
    "list-item-indent",
    "list-item-bullet-indent",
    "ordered-list-marker-style",
    "ordered-list-marker-value",
    "heading-style",
    "no-multiple-toplevel-headings",
    "no-undefined-references",
    "no-unused-definitions",
    "no-heading-punctuation",
    "no-emphasis-as-heading",
    "no-repeat-punctuation",
    "html-balance",
    "no-trailing-spaces",
    "no-hard-tabs",
    "link-spacing",
    "ordered-list-as-heading",
    "mojibake",
    "latex-leftover",
)


@pytest.mark.parametrize(
    "text",
    ["", "\n", " ", "\t", "-", "1.", "**a**", "<b>", "</b>", "[a][b]", "x\n===", "\r\n", "99)"],
)
def test_tiny_inputs_give_findings_inside_the_text(text: str) -> None:
    findings = lint_text(text, "tiny.md", config=Config(select=FORMAT_RULES)).findings
    lines = text.splitlines() or [""]
    for finding in findings:
        assert 1 <= finding.line <= len(lines), finding
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding


def test_indented_lists_that_are_the_files_style_are_reported_once_as_a_warning() -> None:
    block = (
        "<details><summary>{0}</summary>\n\n  - [{0}](https://{0}.dev) - Indented.\n</details>\n\n"
    )
    text = (
        "# A\n\n"
        + "".join(block.format(name) for name in ("a", "b", "c"))
        + "- [d](https://d.dev)\n"
    )
    findings = lint_text(text, "a.md", config=Config(select=("list-item-bullet-indent",))).findings
    assert [(f.severity.value, f.message) for f in findings] == [
        (
            "warning",
            "Unexpected `2` spaces before list item, expected `0` spaces, remove them "
            "(3 lists are indented like this)",
        )
    ]
    assert findings[0].fix is not None and len(findings[0].fix.edits) == 3


def test_whole_lists_in_the_files_other_gap_are_reported_once() -> None:
    entries = "".join(f"*   [e{n}](https://e{n}.dev)\n" for n in range(6))
    nested = "*   [p](https://p.dev)\n    * [c](https://c.dev)\n\nText.\n\n"
    text = (
        f"# A\n\n{entries}\nText.\n\n{nested}{nested}*   [x](https://x.dev)\n* [y](https://y.dev)\n"
    )
    findings = lint_text(text, "a.md", config=Config(select=("list-item-indent",))).findings
    assert [(f.line, f.message) for f in findings] == [
        (
            13,
            "Unexpected `1` spaces between list item marker and content, expected `3` spaces "
            "(2 lists are written so)",
        ),
        (23, "Unexpected `1` spaces between list item marker and content, expected `3` spaces"),
    ]
