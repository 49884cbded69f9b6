"""The pure parts: patches, markers and fingerprints, escaping, workflow commands."""

from __future__ import annotations

import pytest

from listbot.findings import Finding, Severity
from listbot.github import escape, markers
from listbot.github.annotations import job_summary, workflow_commands
from listbot.github.diff import parse_patch
from listbot.model import Span

PATCH = """@@ -1,3 +1,4 @@
 one
-two
+deux
+trois
 four
@@ -10,2 +11,3 @@ heading context
 ten
+eleven
 twelve
\\ No newline at end of file"""


def test_patch_lines_on_the_right_side() -> None:
    patch = parse_patch("README.md", PATCH)
    assert patch.added == {2, 3, 12}
    assert patch.context == {1, 2, 3, 4, 11, 12, 13}
    assert patch.hunks == ((1, 4), (11, 13))
    assert patch.same_hunk(2, 4) and not patch.same_hunk(4, 11)


def test_missing_patch_means_nothing_is_commentable() -> None:
    patch = parse_patch("big.md", None)
    assert patch.added == frozenset() and patch.context == frozenset()


def _finding(line: int = 3, rule: str = "dead-link", url: str | None = "https://x.dev") -> Finding:
    return Finding(rule, "msg", Span(line, 1, line, 5), Severity.ERROR, file="README.md", url=url)


def test_fingerprint_ignores_line_numbers_and_spacing_but_not_content() -> None:
    base = markers.fingerprint(_finding(3), "- [X](https://x.dev)  - Thing.")
    assert markers.fingerprint(_finding(40), "-  [X](https://x.dev) - Thing.") == base
    assert markers.fingerprint(_finding(3), "- [X](https://x.dev) - Other.") != base
    assert (
        markers.fingerprint(_finding(3, rule="redirect"), "- [X](https://x.dev)  - Thing.") != base
    )
    assert (
        markers.fingerprint(_finding(3, url="https://y.dev"), "- [X](https://x.dev)  - Thing.")
        != base
    )


def test_markers_round_trip_and_reject_injected_characters() -> None:
    text = markers.marker(markers.FINDING, fp="abc123", rule="dead-link")
    assert text == "<!-- listbot:finding fp=abc123 rule=dead-link -->"
    assert markers.find_markers("x " + text) == [("finding", {"fp": "abc123", "rule": "dead-link"})]
    hostile = markers.marker(markers.FINDING, fp="a --> <b>")
    assert hostile == "<!-- listbot:finding fp=a-b -->"
    assert markers.fingerprints("no marker") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@octocat", "@\u200boctocat"),
        ("see #12", "see \\#\u200b12"),
        ("GH-7", "GH\u200b\\-7"),
        ("<script>", "&lt;script&gt;"),
        ("a & b", "a &amp; b"),
        ("[x](javascript:alert(1))", "\\[x\\]\\(javascript:alert\\(1\\)\\)"),
        ("line\nbreak", "line break"),
        ("go to https://a.dev/x_(y).", "go to `https://a.dev/x_(y)`\\."),
        ("email me@host.org", "email me@\u200bhost\\.org"),
    ],
)
def test_inline_escaping(text: str, expected: str) -> None:
    assert escape.inline(text) == expected


def test_code_span_fences_and_tables() -> None:
    assert escape.code("a`b") == "``a`b``"
    assert escape.code("`x`") == "`` `x` ``"
    assert escape.code("a|b", table=True) == "`a\\|b`"
    assert len(escape.code("x" * 1000)) == 302


def test_fit_stays_under_the_limit_and_says_what_is_left_out() -> None:
    parts = ["x" * 100] * 10
    body = escape.fit(parts, limit=350, more="… {count} more")
    assert body.endswith("… 7 more") and len(body) <= 350 + len("… 7 more") + 1
    assert len(escape.fit(["y" * 70_000])) <= escape.BODY_LIMIT


def test_at_most_ten_annotations_per_level() -> None:
    findings = [_finding(line) for line in range(1, 15)] + [
        Finding("x", "m", Span(1, 1, 1, 1), Severity.INFO, file="R.md")
    ]
    lines = workflow_commands(findings)
    assert sum(line.startswith("::error") for line in lines) == 10
    assert sum(line.startswith("::notice") for line in lines) == 1
    assert all("\n" not in line for line in lines)


def test_job_summary_escapes_and_lists_every_finding() -> None:
    findings = [_finding(line) for line in range(1, 15)]
    findings.append(Finding("x", "<b>@team</b> | pipe", Span(2, 1, 2, 2), file="R.md"))
    summary = job_summary(findings, reason="Fork: no comments.")
    assert summary.count("\n| `") == 15
    assert "<b>" not in summary and "@\u200bteam" in summary and "\\|" in summary


def test_review_body_lists_then_compacts_and_stays_under_the_limit() -> None:
    from listbot.github.comments import Reported, review_body

    items = [
        Reported(_finding(line), f"{line:012x}", "- [X](https://x.dev)") for line in range(1, 3001)
    ]
    body, covered = review_body(items, 30)
    assert len(body) < escape.BODY_LIMIT
    assert covered == 3000
    assert markers.fingerprints(body) == {item.fingerprint for item in items}
    assert "### listbot: 3030 new findings" in body
    assert body.count("`README.md:") < 3000  # the tail is compact, not listed


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("README.md", True),
        ("readme.md", True),
        ("docs/zh/Readme.md", True),
        ("CONTRIBUTING.md", False),
        ("README.md.orig", False),
    ],
)
def test_default_list_files(path: str, expected: bool) -> None:
    from listbot.github.options import GithubOptions
    from listbot.github.review import is_list_file

    assert is_list_file(path, GithubOptions().list_files) is expected


def test_multi_line_findings_get_a_range_and_no_suggestion() -> None:
    from listbot.findings import Edit, Fix
    from listbot.github.comments import Reported, inline_comment
    from listbot.github.review import anchor

    patch = parse_patch("README.md", PATCH)
    fix = Fix((Edit.replace_at(2, 1, 4, "two"),), "Undo")
    one_line = Finding("r", "m", Span(2, 1, 2, 5), file="README.md", fix=fix)
    two_lines = Finding("r", "m", Span(2, 1, 3, 4), file="README.md", fix=fix)
    to_next_line_start = Finding("r", "m", Span(2, 1, 3, 1), file="README.md", fix=fix)
    assert anchor(one_line, patch) == {"path": "README.md", "side": "RIGHT", "line": 2}
    assert anchor(two_lines, patch) == {
        "path": "README.md",
        "side": "RIGHT",
        "start_line": 2,
        "start_side": "RIGHT",
        "line": 3,
    }
    assert anchor(to_next_line_start, patch)["line"] == 2
    assert anchor(Finding("r", "m", Span(3, 1, 12, 1), file="README.md"), patch) == {
        "path": "README.md",
        "side": "RIGHT",
        "line": 3,
    }  # the range would cross hunks: the first line only
    assert anchor(Finding("r", "m", Span(7, 1, 7, 2), file="README.md"), patch) is None
    assert "```suggestion\ntwo\n```" in inline_comment(Reported(one_line, "f" * 12, "deux"))
    assert "suggestion" not in inline_comment(Reported(two_lines, "f" * 12, "deux"))


def test_a_finding_about_another_file_is_anchored_there_when_the_pr_changes_it() -> None:
    from listbot.findings import Related
    from listbot.github.review import anchor_related

    patch = parse_patch("docs/code-of-conduct.md", PATCH)
    about = Finding(
        "awesome-code-of-conduct",
        "The default email must be replaced with yours (code-of-conduct.md:2)",
        Span(1, 1, 1, 1),
        file="docs/README.md",
        related=(Related(2, 5, file="docs/code-of-conduct.md"),),
    )
    assert anchor_related(about, {"docs/code-of-conduct.md": patch}) == {
        "path": "docs/code-of-conduct.md",
        "side": "RIGHT",
        "line": 2,
    }
    assert anchor_related(about, {}) is None
