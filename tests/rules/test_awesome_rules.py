"""awesome-lint's own rules: the branches the scenario files cannot show (one file each).

Scenario files hold what fires; here are the cases that must stay silent, option and
fix-safety branches, companion files, and the corpus (real lists) as a regression net.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from listbot.api import lint_text
from listbot.config import Config, config_from_mapping
from listbot.findings import Applicability, Finding, Severity
from listbot.fix import fix_text
from listbot.parse import parse, parse_file
from listbot.rules import get_rule
from listbot.rules.awesome_list_item import Options as ListItemOptions
from listbot.rules.balanced_punctuation import unbalanced
from tests.conftest import corpus_params

AWESOME_RULES = (
    "awesome-heading",
    "awesome-badge",
    "awesome-contributing",
    "awesome-code-of-conduct",
    "awesome-license",
    "awesome-list-item",
    "balanced-punctuation",
    "awesome-no-ci-badge",
    "no-repeat-item-in-description",
    "awesome-spell-check",
    "awesome-toc",
)


def lint(rule: str, text: str) -> list[Finding]:
    return lint_text(text, "readme.md", config=Config(select=(rule,))).findings


def messages(rule: str, text: str) -> list[str]:
    return [f.message for f in lint(rule, text)]


def check_with(rule_id: str, text: str, options: object = None, **changes: object) -> list[Finding]:
    """Run one rule's check directly, on a document with ``changes`` (e.g. companions)."""
    rule = get_rule(rule_id)
    assert rule is not None
    document = dataclasses.replace(parse(text, "readme.md"), **changes)
    return list(rule.check(document, options if options is not None else rule.default_options))


# -- awesome-heading ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '<h1 align="center">The Awesome Widgets</h1>\n\nIntro.\n',
        '<p align="center"><img src="logo.png" alt="Awesome Widgets"></p>\n\nIntro.\n',
        "<!--lint disable double-link-->\n\n# Awesome Widgets\n",
        "# Awesome Node.js for the Web\n",
        "# Python 资源大全中文版\n",
        "# [awesome widgets](https://widgets.dev)\n",
    ],
)
def test_heading_accepts(text: str) -> None:
    assert messages("awesome-heading", text) == []


def test_heading_missing() -> None:
    assert messages("awesome-heading", "Just a paragraph.\n\n## Tools\n") == [
        "Missing main list heading"
    ]


def test_heading_sections_at_level_one_are_one_warning_and_not_titles() -> None:
    # five level-1 sections after the title: the list's outline; their names are not titles
    sections = "".join(f"# Text and binary parsers {n}\n\n" for n in range(5))
    found = lint("awesome-heading", f"# awesome widgets\n\n{sections}")
    assert [(f.line, f.severity.value, f.message[:40]) for f in found] == [
        (1, "error", "Main heading must be in title case"),
        (3, "warning", "List can only have one heading: 5 more l"),
    ]
    four = "".join(f"# Text parsers {n}\n\n" for n in range(4))
    assert (
        messages("awesome-heading", f"# Awesome Widgets\n\n{four}").count(
            "Main heading must be in title case"
        )
        == 4
    )


# -- awesome-badge -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "# Awesome Widgets [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n",
        "# Awesome Widgets [![Awesome](https://awesome.re/badge-flat2.svg)](https://awesome.re/)\n",
        '<h1 align="center">Awesome Widgets</h1>\n',
        "Intro first.\n\n# Awesome Widgets\n",
    ],
)
def test_badge_accepts(text: str) -> None:
    assert messages("awesome-badge", text) == []


def test_badge_missing_next_to_heading() -> None:
    text = "# Awesome Widgets\n\n[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
    assert messages("awesome-badge", text) == ["Missing Awesome badge next to the main heading"]


# -- awesome-contributing / awesome-code-of-conduct ----------------------------------------

LIST = "# Awesome Widgets\n\n- [Foo](https://foo.dev) - Parses widgets.\n"


@pytest.mark.parametrize(
    ("companions", "expected"),
    [
        (None, []),
        ({}, ["Missing file contributing.md"]),
        ({"contributing.md": "Send a pull request."}, []),
        ({".github/contributing.md": "Send a pull request."}, []),
        ({"contributing.md": " \n"}, ["contributing.md file must not be empty"]),
    ],
)
def test_contributing(companions: dict[str, str] | None, expected: list[str]) -> None:
    found = check_with("awesome-contributing", LIST, companions=companions)
    assert [f.message for f in found] == expected


def test_code_of_conduct_branches() -> None:
    rule = get_rule("awesome-code-of-conduct")
    assert rule is not None
    email = {"code-of-conduct.md": "# Code\n\nWrite to sindresorhus@gmail.com.\n"}
    found = check_with("awesome-code-of-conduct", LIST, companions=email)
    assert [f.message for f in found] == [
        "The default email must be replaced with yours (code-of-conduct.md:3)"
    ]
    assert (found[0].related[0].line, found[0].related[0].column) == (3, 10)
    assert found[0].related[0].file == "code-of-conduct.md"
    owner = rule.options(repository_owner="sindresorhus")
    assert check_with("awesome-code-of-conduct", LIST, owner, companions=email) == []
    empty = check_with("awesome-code-of-conduct", LIST, companions={"code_of_conduct.md": ""})
    assert [f.message for f in empty] == ["code_of_conduct.md file must not be empty"]
    assert check_with("awesome-code-of-conduct", LIST, companions={}) == []
    assert check_with("awesome-code-of-conduct", LIST, companions=None) == []


@pytest.mark.parametrize(
    "facts",
    [
        {"companions": {"package.json": '{"repository": "sindresorhus/awesome-x"}'}},
        {"companions": {"package.json": '{"repository": {"url": "git+https://github.com/sindresorhus/x.git"}}'}},
        {"companions": {"package.json": '{"author": "Sindre Sorhus <sindresorhus@gmail.com>"}'}},
        {"companions": {}, "origin": "git@github.com:sindresorhus/awesome-x.git"},
        {"companions": {}, "origin": "https://github.com/SindreSorhus/awesome-x"},
    ],
)  # fmt: skip
def test_code_of_conduct_owner_is_found_beside_the_list(facts: dict[str, object]) -> None:
    companions = dict(facts["companions"])  # type: ignore[call-overload]
    companions["code-of-conduct.md"] = "Write to sindresorhus@gmail.com.\n"
    changes = {**facts, "companions": companions}
    assert check_with("awesome-code-of-conduct", LIST, **changes) == []
    # someone else's list keeps the finding
    other = {**changes, "origin": "git@github.com:someone/awesome-x.git"}
    if "package.json" not in companions:
        assert len(check_with("awesome-code-of-conduct", LIST, **other)) == 1


def test_code_of_conduct_owner_from_github_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    from listbot.commands.common import with_environment_owner

    monkeypatch.setenv("GITHUB_REPOSITORY", "sindresorhus/awesome-x")
    config = with_environment_owner(Config())
    assert config.rule_options("awesome-code-of-conduct").repository_owner == "sindresorhus"
    configured = config_from_mapping(
        {"rules": {"awesome-code-of-conduct": {"repository_owner": "me"}}}
    )
    assert (
        with_environment_owner(configured).rule_options("awesome-code-of-conduct").repository_owner
        == "me"
    )
    monkeypatch.delenv("GITHUB_REPOSITORY")
    assert with_environment_owner(Config()) == Config()


def test_git_remote_is_read_beside_the_list(tmp_path: Path) -> None:
    from listbot.parse.origin import git_remote

    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(
        '[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/a/b\n'
        '[remote "origin"]\n\turl = git@github.com:me/awesome.git\n',
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    assert git_remote(tmp_path / "docs") == "git@github.com:me/awesome.git"
    worktree = tmp_path / "wt"
    worktree.mkdir()
    linked = tmp_path / ".git" / "worktrees" / "wt"
    linked.mkdir(parents=True)
    (linked / "commondir").write_text("../..\n", encoding="utf-8")
    (worktree / ".git").write_text(f"gitdir: {linked}\n", encoding="utf-8")
    assert git_remote(worktree) == "git@github.com:me/awesome.git"


def test_code_of_conduct_finding_names_its_file_in_every_report(tmp_path: Path) -> None:
    import json

    from listbot.api import lint_file
    from listbot.report import ReportContext, render

    (tmp_path / "readme.md").write_text(LIST, encoding="utf-8")
    (tmp_path / "code-of-conduct.md").write_text(
        "# Code\n\nReport to [INSERT EMAIL ADDRESS].\n", encoding="utf-8"
    )
    config = Config(select=("awesome-code-of-conduct",))
    (finding,) = lint_file(tmp_path / "readme.md", config=config).findings
    assert "(code-of-conduct.md:3)" in finding.message
    context = ReportContext(files=(finding.file,))
    related = json.loads(render("json", [finding], context))["findings"][0]["related"]
    assert related == [{"file": str(tmp_path / "code-of-conduct.md"), "line": 3, "column": 11}]
    sarif = json.loads(render("sarif", [finding], context))
    place = sarif["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]
    assert place["artifactLocation"]["uri"].endswith("/code-of-conduct.md")
    assert "code-of-conduct.md:3" in render("text", [finding], context)


def test_companions_are_read_beside_a_file(tmp_path: Path) -> None:
    readme = tmp_path / "readme.md"
    readme.write_text(LIST, encoding="utf-8")
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CODE_OF_CONDUCT.md").write_text("[INSERT EMAIL ADDRESS]\n")
    document = parse_file(readme)
    contributing = get_rule("awesome-contributing")
    conduct = get_rule("awesome-code-of-conduct")
    assert contributing is not None and conduct is not None
    found = [*contributing.check(document, None), *conduct.check(document, conduct.options())]
    assert [f.message for f in found] == [
        "Missing file contributing.md",
        "The email placeholder must be replaced with yours (.github/code_of_conduct.md:1)",
    ]


# -- awesome-license ---------------------------------------------------------------------


def test_license_heading_words() -> None:
    text = "# Awesome\n\n## Licensing\n\n## License and Credits\n\n## licence\n"
    assert [f.line for f in lint("awesome-license", text)] == [7]


# -- awesome-list-item -------------------------------------------------------------------


def test_list_item_name_in_lower_case_is_not_a_casing_error() -> None:
    text = "# A\n\n- [virtualenv](https://virtualenv.pypa.io) - virtualenv makes envs.\n"
    assert lint("awesome-list-item", text) == []


@pytest.mark.parametrize(
    ("description", "applicability"),
    [
        ("a thread-safe map.", Applicability.SAFE),
        ("fast widgets.", Applicability.SAFE),
        ("ripgrep-like search.", Applicability.UNSAFE),
        ("numpy arrays for widgets.", Applicability.UNSAFE),
    ],
)
def test_list_item_casing_fix_is_safe_only_for_plain_words(
    description: str, applicability: Applicability
) -> None:
    text = f"# A\n\n- [Foo](https://foo.dev) - {description}\n"
    (finding,) = lint("awesome-list-item", text)
    assert finding.message == "List item description must start with valid casing"
    assert finding.fix is not None and finding.fix.applicability is applicability


@pytest.mark.parametrize(
    "line",
    [
        "- [Zolang](https://github.com/Zolang/Zolang) :penguin: - A DSL for generating code.",
        "- [Down](https://down.dev) :worried: - Unreachable, kept for the record.",
        "- [WePY](https://github.com/Tencent/wepy) :100:",
        "- [Lib](https://lib.dev) :zap: - Fast. [BSD] [website](https://lib.dev)",
        "- [App](https://app.dev) - Notes. ([Demo](https://d.dev), [Source Code](https://s.dev))",
    ],
)
def test_list_item_markers_and_tags_are_not_the_description(line: str) -> None:
    assert messages("awesome-list-item", f"# A\n\n{line}\n") == []


def test_list_item_tag_before_the_separator_does_not_hide_the_description() -> None:
    text = "# A\n\n- [Tool](https://example.com) **NEW** - tool is amazing\n"
    assert sorted(messages("awesome-list-item", text)) == [
        "List item description must end with proper punctuation",
        "List item description must start with valid casing",
    ]


def test_list_item_shortcode_is_never_capitalised() -> None:
    text = "# A\n\n- [Zolang](https://github.com/Zolang/Zolang) :penguin: - a DSL for code.\n"
    fixed = fix_text(text, "readme.md", Config(select=("awesome-list-item",))).text
    assert fixed == text.replace("- a DSL", "- A DSL")


@pytest.mark.parametrize(
    "text",
    [
        "- [Requests](https://github.com/psf/requests) -\u3000http for humans.\n",
        "- [p](m)-\u3000a",
        "# Awesome X\n\n- [Requests](https://github.com/psf/requests) -\n  http for humans.\n",
    ],
)
def test_list_item_odd_whitespace_after_the_dash_does_not_crash(text: str) -> None:
    found = lint("awesome-list-item", text)
    assert all(f.rule == "awesome-list-item" for f in found)


def test_list_item_description_wrapped_after_the_dash_is_checked() -> None:
    text = "# A\n\n- [Requests](https://github.com/psf/requests) -\n  http for humans.\n"
    assert messages("awesome-list-item", text) == [
        "List item description must start with valid casing"
    ]


def test_list_item_ideographic_space_after_the_dash_is_invalid_whitespace() -> None:
    text = "# A\n\n- [Requests](https://github.com/psf/requests) -\u3000Http for humans.\n"
    (finding,) = lint("awesome-list-item", text)
    assert finding.message == "List item link and description separated by invalid whitespace"
    fixed = fix_text(text, "readme.md", Config(select=("awesome-list-item",))).text
    assert fixed == text.replace("-\u3000", "- ")


def test_list_item_ascii_colon_before_cjk_text_suggests_full_width() -> None:
    text = "# A\n\n- [abu](https://github.com/bbfamily/abu): 基于 Python 的量化交易框架。\n"
    (finding,) = lint("awesome-list-item", text)
    assert (
        finding.message == 'List item link and CJK description must be separated with "：" or " - "'
    )
    assert finding.fix is not None and finding.fix.edits[0].text == "："
    fixed = fix_text(text, "readme.md", Config(select=("awesome-list-item",)), unsafe=True)
    assert "[abu](https://github.com/bbfamily/abu)：基于" in fixed.text


def test_list_item_cjk_colon_option() -> None:
    text = "# A\n\n- [p](https://github.com/qw3rtman/p)：非常简单的 Python 版本管理工具。\n"
    assert check_with("awesome-list-item", text) == []
    strict = ListItemOptions(cjk_colon=False)
    found = check_with("awesome-list-item", text, strict)
    assert [f.message for f in found] == [
        "List item link and description must be separated with a dash"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "- [Foo](https://foo.dev) - Parses widgets.",
        "- [Foo](https://foo.dev) - 《深入理解》的笔记（第三版）。",
        "- [Foo](https://foo.dev) - Says “hi!”",
        "- [Foo](https://foo.dev) - `foo` bindings for widgets.",
        "- [Foo](https://foo.dev) - See the [docs](https://foo.dev/docs)",
        "- [Foo](https://foo.dev) - See https://foo.dev/docs",
        "- [Foo](https://foo.dev) - https://foo.dev/docs has the details.",
        "- [Foo](https://foo.dev) - Fast!!",
        "- [Foo](https://foo.dev)",
        "- [Foo](https://foo.dev) ⭐",
        "- [Foo](https://foo.dev) `Google` `2019`",
        "- [Foo](https://foo.dev) ([Paper](https://foo.dev/paper.pdf)) `Google`, `2019`",
        "1. <u>GPT</u>: **Improving Language Understanding**. *Radford et al.* 2018. [[Paper](https://x.dev/p.pdf)]",
        "- Model **Attention Is All You Need**, NeurIPS 2017, [Paper](https://arxiv.org/abs/1706.03762)",
        "- [Contents](#contents)",
    ],
)
def test_list_item_accepts(line: str) -> None:
    assert messages("awesome-list-item", f"# A\n\n{line}\n") == []


# -- awesome-spell-check -----------------------------------------------------------------


def test_spell_check_leaves_entry_names_and_code_alone() -> None:
    text = (
        "# A\n\n- [pytorch](https://github.com/pytorch/pytorch) - Tensors and networks.\n"
        "- [Foo](https://foo.dev) - Runs `javascript`"
        ' <a href="https://x.dev/github">here</a> and in https://github.com.\n'
    )
    assert messages("awesome-spell-check", text) == []


def test_spell_check_looks_skipped_spans_up_by_line_in_file_order() -> None:
    from listbot.rules.awesome_spell_check import _ByLine

    by_line = _ByLine(["c", "a1", "b", "a2", "d"], [3, 1, 2, 1, 4])  # a paper title first
    assert [by_line.get(line) for line in range(6)] == [[], ["a1", "a2"], ["b"], ["c"], ["d"], []]
    in_order = _ByLine(["a", "b", "c"], [1, 1, 5])
    assert in_order.get(1) == ["a", "b"] and in_order.get(5) == ["c"] and in_order.get(2) == []
    found = in_order.get(1)
    found.append("x")  # the caller's own list
    assert in_order.get(1) == ["a", "b"]


def test_spell_check_heading_fix_is_unsafe_when_the_anchor_changes() -> None:
    text = "# A\n\n## Postgre SQL tools\n\n## Javascript\n"
    found = lint("awesome-spell-check", text)
    safety = {f.message.split('"')[1]: f.fix.applicability for f in found if f.fix}
    assert safety == {"Postgre SQL": Applicability.UNSAFE, "Javascript": Applicability.SAFE}


def test_spell_check_reports_a_multi_word_name_once() -> None:
    found = lint("awesome-spell-check", "# A\n\nWorks on Mac OSX and on Linux.\n")
    assert [f.message for f in found] == [
        'Text "Mac OSX" should be written as "macOS" (if referring to the technology)'
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("A crate for rust developers.", 1),
        ("Written in go.", 1),
        ("The rust on the go-kart is not a language.", 0),
        ("A swift library.", 1),
        ("A swift reply.", 0),
    ],
)
def test_spell_check_ambiguous_words_need_context(text: str, count: int) -> None:
    assert len(lint("awesome-spell-check", f"# A\n\n{text}\n")) == count


@pytest.mark.parametrize(
    "text",
    [
        "# A\n\n- x{pad}python\n",
        "# A\n\n- for{pad}python{pad}library\n",
        "# A\n\n- written in{pad}rust{pad}and{pad}go,{pad}Github\n",
    ],
)
def test_spell_check_is_linear_in_long_whitespace(text: str) -> None:
    """4x the whitespace costs about 4x the time, not 16x (no rescans of a run)."""
    rule = get_rule("awesome-spell-check")
    assert rule is not None

    def best_time(pad: int) -> float:
        doc = parse(text.format(pad=" " * pad), "readme.md")
        timings = []
        for _ in range(5):
            start = time.perf_counter()
            list(rule.check(doc, rule.default_options))
            timings.append(time.perf_counter() - start)
        return min(timings)

    small, large = best_time(25_000), best_time(100_000)
    assert large < 10 * small + 0.005, (small, large)


# -- balanced-punctuation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Don’t worry, the students’ books.", []),
        ("‘steal’ this", []),
        ("“outer ‘inner’ outer”", []),
        # A ’ that ends a word closes an open ‘: a quotation, not an apostrophe.
        ("a ‘Quiet War’ replaced", []),
        ("‘小羊驼类’模型", []),
        ("Jr.’s book, ‘quoted’.", []),
        ("‘The students’ books", []),
        ("a ‘quote that never ends", [(2, "Unclosed ‘ without matching closing ’")]),
        ('a "b', [(2, 'Unclosed " without matching closing "')]),
        ("a」b", [(1, "Unmatched closing 」 without corresponding opening 「")]),
        # the straight quotes pair; the curly one opened inside them is what is unclosed
        ('"“Sequence learning." 2014', [(1, "Unclosed “ without matching closing ”")]),
        # one quotation in two styles, or a bracket pair in two widths
        ('“EfficientDet." 2019', []),
        ('"Title” too', []),
        ("(注）and （注) and (╯°□°）╯", []),
        # a year cut short, typed with the opening quote mark
        ("(*ICLR‘24*) Reasoning on Graphs, and the ‘90s", []),
    ],
)
def test_unbalanced(text: str, expected: list[tuple[int, str]]) -> None:
    assert sorted(unbalanced(text)) == expected


# -- awesome-toc -------------------------------------------------------------------------

HEADINGLESS = """# Awesome Widgets

- [Tools](#tools)
- [Videos](#video)
- [Books](#books)
  - [Old Books](#old-books)

## Tools

## Books

### Old Books

### New Books
"""


def test_toc_without_heading_is_found_and_checked() -> None:
    found = lint("awesome-toc", HEADINGLESS)
    assert [(f.line, f.message) for f in found] == [
        (4, 'ToC item "Videos" link "#video" not found'),
        (6, 'ToC missing item for "New Books"'),  # where it belongs: the sub-list of Books
    ]
    # the TOC is written again once, not once per finding
    assert [f.fix is not None for f in found] == [True, False]


def test_toc_fix_regenerates_in_the_existing_style() -> None:
    fixed = fix_text(HEADINGLESS, "readme.md", Config(select=("awesome-toc",)), unsafe=True)
    assert fixed.text.split("## Tools")[0] == (
        "# Awesome Widgets\n\n- [Tools](#tools)\n- [Books](#books)\n"
        "  - [Old Books](#old-books)\n  - [New Books](#new-books)\n\n"
    )
    assert messages("awesome-toc", fixed.text) == []


def test_toc_order_fix_is_safe_and_numbered() -> None:
    text = "# A\n\n## 目录\n\n1. [Books](#books)\n2. [Tools](#tools)\n\n## Tools\n\n## Books\n"
    (finding,) = lint("awesome-toc", text)
    assert finding.message.startswith('ToC item "Tools" is out of order')
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    fixed = fix_text(text, "readme.md", Config(select=("awesome-toc",)))
    assert "1. [Tools](#tools)\n2. [Books](#books)\n" in fixed.text


def test_toc_anchor_as_github_renders_a_badge_heading() -> None:
    text = (
        "# Awesome A ![Awesome](https://awesome.re/badge.svg)\n\n## Contents\n\n"
        "- [Tools](#tools)\n- [Awesome A](#awesome-a-)\n\n## Tools\n"
    )
    (finding,) = lint("awesome-toc", text)
    assert finding.message == (
        'ToC item "Awesome A" is out of order: its heading comes before "Tools"'
    )


def test_toc_accepts_html_anchors_and_omitted_headings() -> None:
    text = (
        "# A\n\n## Contents\n\n- [Tools](#tools)\n- [Extra](#extra)\n\n## Tools\n\n"
        '<a name="extra"></a> Extra notes.\n\n## Sponsors <!-- omit in toc -->\n\n## Contributing\n'
    )
    assert messages("awesome-toc", text) == []


def test_toc_preamble_between_the_toc_and_its_first_section_needs_no_item() -> None:
    # A sponsor block after the TOC is the page's preamble; a section after the first
    # listed one is still content, and `Progress View` is guessed for `ProgressView`
    # (one finding for one stale anchor, no "missing item" for the heading it meant).
    text = (
        "# A\n\n## Contents\n\n- [Tools](#tools)\n- [Progress View](#progress-view)\n\n"
        "## 🔥 Premium Resources | Follow\n\n### Our Guide\n\n## Tools\n\n## ProgressView\n\n"
        "## Videos\n"
    )
    found = lint("awesome-toc", text)
    assert [(f.line, f.message) for f in found] == [
        (5, 'ToC missing item for "Videos"'),
        (
            6,
            'ToC item "Progress View" link "#progress-view" not found; '
            'did you mean "#progressview"?',
        ),
    ]


@pytest.mark.parametrize(
    "meta",
    [
        "Contribute",
        "Contributors",
        "How to contribute",
        "Licence",
        "Code of Conduct",
        "Related Awesome Lists",
    ],
)
def test_toc_may_leave_out_the_sections_about_the_list_itself(meta: str) -> None:
    text = f"# A\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n## {meta}\n\n## Videos\n"
    assert messages("awesome-toc", text) == ['ToC missing item for "Videos"']


def test_toc_group_labels_need_no_link_but_a_bare_leaf_does() -> None:
    text = (
        "# A\n\n## 目录\n\n* 语言无关类\n  * [工具](#工具)\n  * [书籍](#书籍)\n* Utilities\n\n"
        "## 工具\n\n## 书籍\n"
    )
    found = lint("awesome-toc", text)
    assert [(f.line, f.message) for f in found] == [(8, 'ToC item "Utilities" missing link')]


def test_toc_item_text_may_shorten_its_heading() -> None:
    text = (
        "# A\n\n## Contents\n\n- [inotifywait](#tool-inotifywait)\n\n"
        "## Tool: [inotifywait](https://github.com/inotify-tools/inotify-tools)\n"
    )
    (finding,) = lint("awesome-toc", text)
    assert finding.severity.value == "info" and finding.fix is None


def test_toc_sections_after_the_toc_heading_are_content_and_told_once() -> None:
    # `## Contents` sits above the `###` sections, and the title item's sub-list spans the
    # whole page: a missing `### Security` is still reported, and `### Books` (under
    # Resources) once, in the sub-list of Resources
    text = (
        "# Awesome Postgres\n\n## Contents\n\n- [Awesome Postgres](#awesome-postgres)\n"
        "    - [Backups](#backups)\n    - [GUI](#gui)\n    - [CLI](#cli)\n"
        "- [Resources](#resources)\n    - [Blogs](#blogs)\n    - [Videos](#videos)\n\n"
        "### Backups\n\n### Security\n\n### GUI\n\n### CLI\n\n## Resources\n\n"
        "### Blogs\n\n### Books\n\n### Videos\n"
    )
    found = lint("awesome-toc", text)
    assert [(f.line, f.message) for f in found] == [
        (6, 'ToC missing item for "Security"'),
        (10, 'ToC missing item for "Books"'),
    ]


def test_toc_that_shortens_every_heading_is_told_once() -> None:
    tools = ("terminal", "mount", "lsof")
    toc = "".join(f"- [{tool}](#tool-{tool})\n" for tool in tools)
    headings = "".join(f"## Tool: {tool}\n\n" for tool in tools)
    (finding,) = lint("awesome-toc", f"# A\n\n## Contents\n\n{toc}\n{headings}")
    assert (finding.line, finding.severity.value) == (5, "info")
    assert finding.message.startswith("3 ToC items are worded unlike their headings")
    two = lint("awesome-toc", f"# A\n\n## Contents\n\n{toc[: toc.rindex('- ')]}\n{headings}")
    assert [f.line for f in two if "does not match" in f.message] == [5, 6]


def test_toc_flat_list_expects_no_subheadings() -> None:
    # A flat TOC that also lists one `###` does not ask for every `###`.
    text = (
        "# A\n\n## Contents\n\n- [Tools](#tools)\n- [Web](#web)\n- [Books](#books)\n\n"
        "## Tools\n\n### CLI\n\n### Web\n\n### Desktop\n\n## Books\n\n### Old\n"
    )
    assert messages("awesome-toc", text) == []


def test_toc_sub_list_that_selects_is_not_outdated() -> None:
    # The sub-list names the languages; the many `###` beside them are not sections it missed.
    text = "# A\n\n## Contents\n\n- [Languages](#languages)\n  - [Arabic](#arabic)\n"
    text += "  - [Chinese](#chinese)\n\n## Languages\n\n### Arabic\n\n"
    text += "### Libraries\n\n### Datasets\n\n### Chinese\n\n### Libraries\n\n### Models\n"
    assert messages("awesome-toc", text) == []
    # one forgotten sibling among listed ones is reported, at the sub-list
    text = "# A\n\n## Contents\n\n- [Languages](#languages)\n  - [Arabic](#arabic)\n"
    text += "  - [Chinese](#chinese)\n\n## Languages\n\n### Arabic\n\n### Chinese\n\n### Danish\n"
    assert [(f.line, f.message) for f in lint("awesome-toc", text)] == [
        (6, 'ToC missing item for "Danish"')
    ]


def test_toc_list_in_a_subsection_of_the_toc_heading() -> None:
    text = (
        "# A\n\n## Table of Contents\n\n### Libraries\n\n- [Tools](#tools)\n- [Web](#web)\n\n"
        "## Tools\n\n## Web\n"
    )
    assert messages("awesome-toc", text) == []


def test_toc_depth_is_awesome_lints_limit_only_for_lists_with_its_badge() -> None:
    body = "## Contents\n\n- [A](#a)\n  - [B](#b)\n    - [C](#c)\n\n## A\n\n### B\n\n#### C\n"
    assert messages("awesome-toc", "# List\n\n" + body) == []
    badge = "# List [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
    (finding,) = lint("awesome-toc", badge + body)
    assert finding.line == 6 and finding.severity is Severity.INFO


def test_toc_heading_without_list() -> None:
    text = "# A\n\n## Table of Contents\n\nNothing here yet.\n\n## Tools\n"
    assert messages("awesome-toc", text) == ["Missing or invalid Table of Contents list"]
    # a table of anchor links is a table of contents too, though not a list to read
    table = "||Languages|\n|--|--|\n|C|[C](#c), [Go](#go)|\n"
    assert messages("awesome-toc", text.replace("Nothing here yet.", table)) == []


def test_no_toc_no_findings() -> None:
    assert messages("awesome-toc", "# A\n\n## Tools\n\n- [Foo](https://foo.dev) - Foo.\n") == []


# -- the corpus --------------------------------------------------------------------------


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_findings_point_into_the_file(path: Path) -> None:
    document = parse_file(path)
    for rule_id in AWESOME_RULES:
        rule = get_rule(rule_id)
        assert rule is not None
        for finding in rule.check(document, rule.default_options):
            line = document.line_text(finding.line)
            assert 1 <= finding.line <= max(len(document.lines), 1), (rule_id, finding)
            assert 1 <= finding.column <= len(line) + 1, (rule_id, finding)


def _corpus_findings(corpus: Path, name: str, rule_id: str) -> list[Finding]:
    document = parse_file(corpus / name)
    rule = get_rule(rule_id)
    assert rule is not None
    return list(rule.check(document, rule.default_options))


def test_corpus_stale_toc_anchors(corpus: Path) -> None:
    found = _corpus_findings(corpus, "RUCAIBox-LLMSurvey.md", "awesome-toc")
    found = [f for f in found if f.severity is not Severity.INFO]
    assert [f.line for f in found] == [124, 125, 126, 127, 128, 129]
    assert all("not found" in f.message for f in found)
    # Renamed headings are suggested: "🚀(New) Prompts" (#new-prompts) is now "Prompts".
    assert found[4].message.endswith('did you mean "#prompts"?')
    assert sum("did you mean" in f.message for f in found) == 5


def test_corpus_paper_lists_are_not_awesome_items(corpus: Path) -> None:
    for name in ("llms-practical-guide.md", "RUCAIBox-LLMSurvey.md"):
        assert _corpus_findings(corpus, name, "awesome-list-item") == []


def test_corpus_full_width_colon_list(corpus: Path) -> None:
    found = _corpus_findings(corpus, "jobbole-awesome-python-cn.md", "awesome-list-item")
    separators = [f for f in found if "separated" in f.message]
    assert 0 < len(separators) < 20  # hundreds of `：` entries are accepted
    assert not [f for f in found if "casing" in f.message]


def test_corpus_github_actions_badge(corpus: Path) -> None:
    found = _corpus_findings(corpus, "avelino-awesome-go.md", "awesome-no-ci-badge")
    assert [f.line for f in found] == [5]


def test_list_item_extra_spaces_around_the_dash_are_a_warning() -> None:
    text = (
        "# A\n\n- [Foo](https://foo.dev) -  Parses widgets.\n"
        "- [Bar](https://bar.dev) -\u00a0Bars.\n"
    )
    found = lint("awesome-list-item", text)
    assert [(f.line, f.severity.value) for f in found] == [(3, "warning"), (4, "error")]


@pytest.mark.parametrize(
    "description",
    [
        "std::tuple like methods.",
        "vhf/free-books/C.",
        "z for vim.",
        "go:generate tool.",
        ".nib to .xib converter.",
    ],
)
def test_list_item_code_like_first_word_is_not_a_casing_error(description: str) -> None:
    assert lint("awesome-list-item", f"# A\n\n- [Foo](https://foo.dev) - {description}\n") == []


def test_list_item_convention_counts_entries_that_have_a_description() -> None:
    # Six entries carry only a language tag, so they have no separator to follow; of the
    # six with a description, five leave out the dash: the list's style, told once.
    tagged = "".join(f"- [Tag{n}](https://t{n}.dev) (Python)\n" for n in range(6))
    bare = "".join(f"- [Bare{n}](https://b{n}.dev) Segments Chinese text.\n" for n in range(5))
    text = f"# A\n\n{tagged}{bare}- [Dash](https://d.dev) - Segments text.\n"
    (finding,) = lint("awesome-list-item", text)
    assert finding.severity.value == "warning"
    assert finding.message.startswith("Link and description are not separated by a dash in 5 of 6")


def test_list_item_code_block_under_an_entry_is_not_its_description() -> None:
    # best-of lists: a link with its stats, a colon, and how to install it as code
    text = (
        "# A\n\n- [PyPi](https://pypi.org/project/x) (📥 26M / month · ⏱️ 13.08.2025):\n"
        "\t```\n\tpip install x\n\t```\n- [Conda](https://anaconda.org/x) - Installs x\n"
    )
    found = lint("awesome-list-item", text)
    assert [(f.line, f.message) for f in found] == [
        (7, "List item description must end with proper punctuation")
    ]


def test_list_item_lower_case_after_a_colon_is_only_the_colon() -> None:
    text = "# A\n\n- [Space](https://s.example): a Hugging Face Space by Ann.\n"
    assert messages("awesome-list-item", text) == [
        "List item link and description must be separated with a dash"
    ]
