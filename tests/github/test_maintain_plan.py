"""The maintenance pull request's content, pure: what changed (old URL -> new URL), the body
grouped by rule with everything from the list escaped, the commit message, fingerprints."""

from __future__ import annotations

from listbot.config import Config
from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.fix import fix_text
from listbot.github import markers
from listbot.github.maintain_plan import (
    MAINTENANCE,
    Change,
    FileFix,
    Plan,
    blob_id,
    changes_of,
    commit_message,
    marked,
    pull_body,
)
from listbot.model import Span

CONFIG = Config(select=("insecure-link", "tracking-parameter", "arxiv-link-form", "final-newline"))
TEXT = (
    "# List\n\n## Tools\n\n"
    "- [A](http://github.com/a/b?utm_source=x) - Two fixes on one URL.\n"
    "- [P](https://export.arxiv.org/abs/2307.09288) - Paper.\n"
    "- [R](https://old.dev/page) - Moved.\n"
    "- [Q](https://x.dev/`|@octocat|#12) - Hostile."
)


def _redirect() -> Finding:
    line = TEXT.splitlines()[6]
    column = line.index("https://old.dev/page") + 1
    span = Span(7, column, 7, column + len("https://old.dev/page"))
    fix = Fix((Edit(span, "https://new.dev/page"),), "Replace with https://new.dev/page")
    return Finding(
        "redirect", "Redirect", span, Severity.WARNING, "README.md", "https://old.dev/page", fix=fix
    )


def _changes() -> list[Change]:
    result = fix_text(TEXT, "README.md", CONFIG, extra=[_redirect()])
    return changes_of("README.md", result)


def test_each_applied_fix_is_one_change_from_old_url_to_new_url() -> None:
    got = sorted((c.rule, c.line, c.old, c.new) for c in _changes())
    assert got == [
        ("arxiv-link-form", 6, "https://export.arxiv.org/abs/2307.09288", "https://arxiv.org/abs/2307.09288"),
        ("final-newline", 8, "", "Add a final newline"),
        ("insecure-link", 5, "http://github.com/a/b?utm_source=x", "https://github.com/a/b?utm_source=x"),
        ("redirect", 7, "https://old.dev/page", "https://new.dev/page"),
        ("tracking-parameter", 5, "http://github.com/a/b?utm_source=x", "http://github.com/a/b"),
    ]  # fmt: skip


def _plan(changes: list[Change], base: str = "a" * 40) -> Plan:
    after = b"fixed"
    return Plan(base, "main", (FileFix("README.md", "100644", b"before", after, tuple(changes)),))


def test_the_body_groups_by_rule_and_escapes_what_came_from_the_list() -> None:
    hostile = Change(
        "README.md",
        6,
        "tracking-parameter",
        "https://x.dev/`|@octocat|#12?fbclid=1",
        "https://x.dev/`|@octocat|#12",
        _redirect(),
    )
    changes = [*_changes(), hostile]
    evidence = {c.key: "evidence" for c in changes}
    body = pull_body(
        _plan(changes),
        evidence,
        issue=7,
        order=("redirect", "insecure-link"),
        summaries={"redirect": "Links that `redirect`"},
    )
    assert markers.has_marker(body, MAINTENANCE) and marked(body, "fixes")
    headings = [line for line in body.splitlines() if line.startswith("### ")]
    assert headings == [
        "### `redirect` (1)",
        "### `insecure-link` (1)",
        "### `arxiv-link-form` (1)",
        "### `final-newline` (1)",
        "### `tracking-parameter` (2)",
    ]
    assert "_Links that `redirect`_" in body
    row = next(line for line in body.splitlines() if "octocat" in line)
    assert row.count(" | ") == 3, "a | in a URL must not make a new column"
    assert "``https://x.dev/`\\|@octocat\\|#12?fbclid=1``" in row
    assert "listed in #7." in body
    assert "| `README.md:8` | — | Add a final newline | evidence |" in body


def test_fingerprints_name_the_changes_and_the_state() -> None:
    changes = _changes()
    moved = [
        Change(c.path, c.line + 10, c.rule, c.old, c.new, c.finding) for c in reversed(changes)
    ]
    assert _plan(changes).fixes == _plan(moved).fixes, "lines move; the fixes are the same"
    assert _plan(changes).fixes != _plan(changes[1:]).fixes
    assert _plan(changes).state != _plan(changes, base="b" * 40).state
    assert blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"  # git hash-object


def test_the_commit_message_neutralises_mentions_and_carries_the_marker() -> None:
    plan = Plan("c" * 40, "main", (FileFix("docs/@team #3.md", "100644", b"", b"x", ()),))
    message = commit_message(plan, "Fix links for @everyone #1")
    title = message.splitlines()[0]
    assert title == "Fix links for @\u200beveryone #\u200b1"
    assert "docs/@\u200bteam #\u200b3.md" in message and "cccccccccccc" in message
    assert marked(message, "state") == plan.state and marked(message, "fixes") == plan.fixes


def test_an_unsafe_fix_given_as_safe_is_what_the_plan_applies() -> None:
    """The maintenance job turns archived copies safe only when asked: the engine then
    applies them like any other extra finding."""
    finding = _redirect()
    assert finding.fix is not None
    unsafe = finding.with_(fix=Fix(finding.fix.edits, "x", Applicability.UNSAFE))
    assert fix_text(TEXT, "README.md", Config(select=("redirect",)), extra=[unsafe]).applied == 0
