"""The sarif, rdjson, github and markdown reports on hand-made findings.

SARIF is validated against the official 2.1.0 schema from ``../shared/fixtures/sarif``.
"""

from __future__ import annotations

import json
import re

import pytest

from listbot.findings import Applicability, Edit, Finding, Fix, Related, Severity
from listbot.model import Span
from listbot.report import FORMATS, ReportContext, render
from listbot.rules import RULES
from tests.conftest import FIXTURES

SCHEMA = FIXTURES / "sarif" / "sarif-schema-2.1.0.json"
RULE = RULES[0].id
UNTRUSTED = (
    "Bad @octocat #12 <img src=x onerror=alert(1)> | [click](https://evil.test) 50%\r\n::error::x"
)


def findings() -> list[Finding]:
    fix = Fix(
        (Edit(Span(3, 10, 3, 12), ""), Edit(Span(3, 20, 3, 20), ".")), "Tidy", Applicability.SAFE
    )
    unsafe = Fix((Edit(Span(7, 1, 8, 1), ""),), "Drop the line", Applicability.UNSAFE)
    return [
        Finding(RULE, "First problem", Span(3, 10, 3, 12), file="README.md", fix=fix),
        Finding(
            RULE,
            UNTRUSTED,
            Span(5, 2, 5, 9),
            severity=Severity.WARNING,
            file="docs/a list, v2: notes.md",
            url="https://example.com/x",
            related=(Related(1, 3, "first seen here"),),
        ),
        Finding(
            "not-a-registered-rule", "Odd", Span(7, 1, 8, 1), Severity.INFO, "README.md", fix=unsafe
        ),
    ]


def test_every_format_is_registered() -> None:
    assert {"text", "json", "sarif", "rdjson", "github", "markdown"} <= set(FORMATS)


# -- SARIF ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("../shared/fixtures/sarif is absent")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_sarif_is_valid_and_carries_rule_metadata(sarif_validator) -> None:
    log = json.loads(render("sarif", findings(), ReportContext(files=("README.md",))))
    sarif_validator.validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules[: len(RULES)]] == [rule.id for rule in RULES]
    first = rules[0]
    assert first["shortDescription"]["text"] == RULES[0].summary
    assert first["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert first["help"]["markdown"] == RULES[0].doc.strip()
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 10, "endLine": 3, "endColumn": 12}
    replacements = results[0]["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacements[1] == {
        "deletedRegion": {"startLine": 3, "startColumn": 20, "endLine": 3, "endColumn": 20},
        "insertedContent": {"text": "."},
    }
    assert results[2]["fixes"][0]["properties"]["applicability"] == "unsafe"
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "docs/a%20list%2C%20v2%3A%20notes.md"
    )
    assert results[1]["relatedLocations"][0]["message"]["text"] == "first seen here"
    assert results[1]["message"]["text"] == UNTRUSTED  # JSON escapes it; nothing is lost
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_without_findings_is_valid(sarif_validator) -> None:
    log = json.loads(render("sarif", [], ReportContext()))
    sarif_validator.validate(log)
    assert log["runs"][0]["results"] == []


def test_sarif_fingerprints_survive_moved_lines_and_tell_repeats_apart() -> None:
    def prints(items: list[Finding]) -> list[str]:
        log = json.loads(render("sarif", items, ReportContext()))
        return [r["partialFingerprints"]["listbot/v1"] for r in log["runs"][0]["results"]]

    base = findings()
    moved = [f.with_(span=Span(f.line + 4, f.column, f.end_line + 4, f.end_column)) for f in base]
    assert prints(base) == prints(moved)
    twice = [base[0], base[0].with_(span=Span(9, 1, 9, 2))]
    assert len(set(prints(twice))) == 2


# -- rdjson --------------------------------------------------------------------------------


def test_rdjson_has_reviewdog_fields_and_utf8_byte_columns() -> None:
    lines = {"README.md": ("", "", "héllo 🙂 wörld and more text here")}
    result = json.loads(render("rdjson", findings(), ReportContext(extra={"lines": lines})))
    assert result["source"]["name"] == "listbot"
    first, second, third = result["diagnostics"]
    assert first["severity"] == "ERROR" and second["severity"] == "WARNING"
    assert third["severity"] == "INFO"
    assert first["code"]["value"] == RULE and first["code"]["url"].startswith("https://")
    # line 3: the 9 characters before column 10, "héllo 🙂 w", are 13 UTF-8 bytes; the 11
    # before column 12 add "ör" (3 bytes)
    assert first["location"] == {
        "path": "README.md",
        "range": {"start": {"line": 3, "column": 14}, "end": {"line": 3, "column": 17}},
    }
    assert [s["text"] for s in first["suggestions"]] == ["", "."]
    # a file whose lines are unknown keeps character columns
    assert second["location"]["range"]["start"] == {"line": 5, "column": 2}
    assert "suggestions" not in second


# -- GitHub annotations --------------------------------------------------------------------


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command back the way the runner does."""
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line

    def unescape(text: str) -> str:
        for escaped, plain in (
            ("%0D", "\r"),
            ("%0A", "\n"),
            ("%3A", ":"),
            ("%2C", ","),
            ("%25", "%"),
        ):
            text = text.replace(escaped, plain)
        return text

    properties = dict(part.split("=", 1) for part in match.group(2).split(","))
    return match.group(1), {k: unescape(v) for k, v in properties.items()}, unescape(match.group(3))


def test_github_annotations_escape_everything_from_the_list() -> None:
    output = render("github", findings(), ReportContext())
    lines = output.splitlines()
    assert len(lines) == 3, "a message must never break the command onto a second line"
    command, properties, message = _parse_command(lines[1])
    assert command == "warning"
    assert properties == {
        "file": "docs/a list, v2: notes.md",
        "line": "5",
        "col": "2",
        "endLine": "5",
        "endColumn": "9",
        "title": f"listbot ({RULE})",
    }
    assert message == UNTRUSTED
    assert lines[0].startswith("::error file=README.md,line=3,col=10,endLine=3,endColumn=12,")
    assert lines[2].startswith("::notice ")


# -- Markdown ------------------------------------------------------------------------------


def test_markdown_groups_by_rule_and_links_lines() -> None:
    report = render(
        "markdown",
        findings(),
        ReportContext(extra={"link_base": "https://github.com/o/r/blob/abc"}),
    )
    assert report.count("| Location | Severity | Message |") == 2
    assert f"### [`{RULE}`]" in report and "(2)" in report
    assert "[README.md:3](https://github.com/o/r/blob/abc/README.md?plain=1#L3)" in report
    assert "1 error, 1 warning, 1 info in 2 files." in report


def test_markdown_neutralises_untrusted_text() -> None:
    report = render("markdown", findings(), ReportContext())
    row = next(line for line in report.splitlines() if "Bad" in line)
    assert "<img" not in report and "&lt;img" in row
    assert "@octocat" not in report and "@&#8203;octocat" in row
    assert "#12" not in report and "#&#8203;12" in row
    assert "[click](" not in report and "\\[click\\]" in row
    # the message's pipe is escaped: the row still has exactly three cells
    assert len(re.findall(r"(?<!\\)\|", row)) == 4
    assert "::error" in row and "\r" not in report


def test_markdown_without_findings() -> None:
    assert "No findings in 2 files." in render("markdown", [], ReportContext(files=("a", "b")))


def test_reports_are_valid_utf8_even_with_undecodable_bytes(tmp_path, capsys) -> None:
    import argparse

    from listbot.commands.common import write_output

    text = "README\udcff.md:1:1: error rule message \ud800\n"
    out = tmp_path / "report.txt"
    write_output(argparse.Namespace(output=str(out)), text)
    assert out.read_bytes().decode("utf-8") == "README?.md:1:1: error rule message ?\n"
    write_output(argparse.Namespace(output=None), text)
    assert capsys.readouterr().out == "README?.md:1:1: error rule message ?\n"


def test_notices_reach_every_human_format_escaped() -> None:
    import json as json_module

    from listbot.report import ReportContext, render

    context = ReportContext(
        files=("README.md",),
        links=(
            {"url": "https://a.dev", "verdict": "unverified", "reason": "timed out"},
            {"url": "https://b.dev", "verdict": "unverified", "reason": "not checked: no network"},
        ),
        notices=("arXiv checks skipped: cannot reach export.arxiv.org (100%)\n::error::x",),
        fatal="no network: 0 hosts answered",
    )
    summary = render("text", [], context).strip().splitlines()[-1]
    assert summary == (
        "All good: no findings in 1 file. Notices: no network (exit 2); 1 link unverified; "
        "1 link not checked; arXiv checks skipped."
    )
    lines = render("github", [], context).splitlines()
    assert lines == [
        "::error title=listbot::no network: 0 hosts answered",
        "::warning title=listbot::arXiv checks skipped: cannot reach export.arxiv.org "
        "(100%25)%0A::error::x",
    ]
    notices = json_module.loads(render("json", [], context))["notices"]
    assert [n["level"] for n in notices] == ["error", "warning"]
    assert "**Notices:** no network (exit 2); 1 link unverified" in render("markdown", [], context)


def test_markdown_puts_errors_first() -> None:
    def one(rule: str, line: int, severity: Severity) -> Finding:
        return Finding(rule, "m", Span(line, 1, line, 2), severity, "README.md")

    warnings = [one("no-trailing-spaces", line, Severity.WARNING) for line in (1, 2, 3)]
    infos = [one("arxiv-link-form", line, Severity.INFO) for line in (4, 5)]
    mixed = [one("duplicate-entry", 9, Severity.WARNING), one("duplicate-entry", 8, Severity.ERROR)]
    report = render("markdown", [*warnings, *infos, *mixed], ReportContext())
    headings = [line.split("`")[1] for line in report.splitlines() if line.startswith("### ")]
    assert headings == ["duplicate-entry", "no-trailing-spaces", "arxiv-link-form"]
    rows = [line for line in report.splitlines() if "README.md:8" in line or "README.md:9" in line]
    assert "README.md:8" in rows[0] and "| error |" in rows[0]


@pytest.mark.parametrize(
    ("kinds", "note"),
    [
        ((Applicability.SAFE, Applicability.UNSAFE), "fix (1 more with --unsafe-fixes)."),
        ((Applicability.SAFE, Applicability.SAFE), "in 1 file. 2 fixable with --fix."),
        ((Applicability.UNSAFE,), "in 1 file. 1 fixable with --unsafe-fixes."),
        ((), "in 1 file."),
    ],
)
def test_fixable_counts_only_what_plain_fix_applies(
    kinds: tuple[Applicability, ...], note: str
) -> None:
    edit = (Edit(Span(1, 1, 1, 2), ""),)
    made = [
        Finding(RULE, "x", Span(1, 1, 1, 2), file="README.md", fix=Fix(edit, "t", kind))
        for kind in kinds
    ] or [Finding(RULE, "x", Span(1, 1, 1, 2), file="README.md")]
    context = ReportContext(files=("README.md",))
    text = render("text", made, context)
    assert text.endswith(note + "\n")
    markdown = render("markdown", made, context)
    assert ("--unsafe-fixes" in markdown) == (Applicability.UNSAFE in kinds)
    assert ("`listbot lint --fix`" in markdown) == (Applicability.SAFE in kinds)


def test_json_report_text_is_json_dumps_with_an_indent_of_two() -> None:
    """The report is written piece by piece (memory); its text must not change."""
    from listbot.report.json import _dumps

    document = {
        "version": 1,
        "findings": [],
        "links": [
            {"url": "https://a.dev/é\u2028", "lines": [3, 4], "chain": [[301, "x"]], "ok": True},
            {"url": None, "lines": [], "data": {"a": {"b": [1.5, None, {}]}}},
        ],
        "run": {"links": {"urls": 2, "elapsed_ms": 0}},
    }
    assert _dumps(document) == json.dumps(document, indent=2, ensure_ascii=False)
    assert _dumps({}) == "{}"


def test_json_report_text_matches_json_for_every_kind_of_value() -> None:
    """Keys and values json converts (numbers, booleans, tuples, str enums, NaN), empty
    and nested containers, escapes: the same text; what json refuses, it still refuses."""
    import enum
    import math

    import pytest

    from listbot.report.json import _dumps

    class Kind(str, enum.Enum):
        OK = "ok"

    class Code(enum.IntEnum):
        GONE = 410

    document = {
        "text": ["", 'é\u2028\x00"\\\n', Kind.OK],
        "numbers": [0, -1, 10**20, 1.0, -0.0, 1e16, 1e-7, math.nan, math.inf, -math.inf],
        "others": [None, True, False, Code.GONE, (1, (2, ())), [[], {}, [[{}]]]],
        3: "int key",
        2.5: "float key",
        True: "bool key",
        None: {"deep": {"er": {"est": [1, [2, [3]]]}}},
        "records": [{"verdict": Kind.OK, "status": Code.GONE, "cached": True, Kind.OK: -0.0}],
    }
    assert _dumps(document) == json.dumps(document, indent=2, ensure_ascii=False)
    with pytest.raises(TypeError, match="not JSON serializable"):
        _dumps({"links": [{"url": object()}]})
    with pytest.raises(TypeError, match="keys must be"):
        _dumps({"links": {(1, 2): 3}})
