"""Repository health: pure planning, and the checker against a fake GraphQL endpoint."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest

from listbot.checks import CheckContext
from listbot.checks.github_repos import NO_TOKEN, RULES, check_github_repos
from listbot.config import Config, config_from_mapping
from listbot.github.repos import batches, build_query, moved_url, read_answer, repo_of
from listbot.model import Link, LinkKind, Span
from listbot.store import open_store
from tests.github.fake_github import FakeGitHub
from tests.github.fake_graphql import needs_github_schema
from tests.github.helpers import document, inline_links

NOW = 1_800_000_000.0  # 2027-01-15
_ALIAS = re.compile(r'(r\d+): repository\(owner: "([^"]*)", name: "([^"]*)"\)')


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://github.com/psf/black", ("psf", "black")),
        ("https://github.com/psf/black/issues/1#x", ("psf", "black")),
        ("http://www.github.com/psf/black.git", ("psf", "black")),
        ("https://github.com/psf", None),
        ("https://github.com/topics/python", None),
        ("https://github.com/sponsors/someone", None),
        ("https://gist.github.com/a/b", None),
        ("https://example.com/psf/black", None),
        ("mailto:x@github.com", None),
    ],
)
def test_repo_of(url: str, expected: tuple[str, str] | None) -> None:
    assert repo_of(url) == expected


def test_batches_of_at_most_100_with_one_alias_each() -> None:
    repos = [(f"o{i}", f"n{i}") for i in range(101)]
    planned = batches(repos, 100)
    assert [len(batch) for batch in planned] == [100, 1]
    query = build_query(planned[0])
    assert len(_ALIAS.findall(query)) == 100
    assert 'r99: repository(owner: "o99", name: "n99")' in query


def test_read_answer_marks_missing_only_on_not_found() -> None:
    batch = [("a", "one"), ("b", "two"), ("c", "three")]
    answer = {
        "data": {"r0": {"nameWithOwner": "A/one", "isArchived": True}, "r1": None, "r2": None},
        "errors": [{"type": "NOT_FOUND", "path": ["r1"]}, {"type": "FORBIDDEN", "path": ["r2"]}],
    }
    facts = read_answer(batch, answer)
    assert facts["a/one"].archived and not facts["a/one"].missing
    assert facts["b/two"].missing
    assert "c/three" not in facts  # unknown: no finding rather than a false alarm


def test_moved_url_keeps_the_rest_of_the_path() -> None:
    url = "http://github.com/old/name/tree/main/docs#usage"
    assert moved_url(url, "old", "name", "new/renamed") == (
        "https://github.com/new/renamed/tree/main/docs#usage"
    )


class GraphQL:
    """Answers repository queries from a table; records each query's aliases."""

    def __init__(self, repos: dict[str, dict[str, Any] | None]) -> None:
        self.repos = repos
        self.queries: list[list[str]] = []

    def __call__(self, payload: dict[str, Any]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        errors = []
        aliases = _ALIAS.findall(payload["query"])
        self.queries.append([f"{owner}/{name}" for _, owner, name in aliases])
        for alias, owner, name in aliases:
            node = self.repos.get(f"{owner}/{name}".lower(), {})
            if node is None:
                data[alias] = None
                errors.append(
                    {"type": "NOT_FOUND", "path": [alias], "message": "Could not resolve"}
                )
            else:
                data[alias] = {
                    "nameWithOwner": node.get("nameWithOwner", f"{owner}/{name}"),
                    "url": f"https://github.com/{owner}/{name}",
                    "isArchived": node.get("isArchived", False),
                    "pushedAt": node.get("pushedAt", "2026-12-01T00:00:00Z"),
                }
        return {"data": data, **({"errors": errors} if errors else {})}


def _run(fake: FakeGitHub, text: str, config: Config | None = None, token: str | None = "t"):
    lines = text.splitlines()
    doc = document(text, "README.md", inline_links(lines))
    options: dict[str, Any] = {"github_api_url": fake.api_url}
    if token:
        options["github_token"] = token
    with open_store(None, clock=lambda: NOW) as store:
        context = CheckContext(
            documents=[doc],
            config=config or Config(),
            store=store,
            selected=frozenset(rule.id for rule in RULES),
            options=options,
        )
        return asyncio.run(check_github_repos(context)), doc


@needs_github_schema
def test_checker_reports_archived_moved_missing_and_stale(fake: FakeGitHub) -> None:
    fake.graphql_handler = GraphQL(
        {
            "a/archived": {"isArchived": True},
            "o/old": {"nameWithOwner": "neo/new"},
            "x/gone": None,
            "q/quiet": {"pushedAt": "2020-01-01T00:00:00Z"},
        }
    )
    text = (
        "- [Arch](https://github.com/a/archived) - A.\n"
        "- [Old](https://github.com/o/old) - B.\n"
        "- [Gone](https://github.com/x/gone) - C.\n"
        "- [Quiet](https://github.com/q/quiet) - D.\n"
        "- [Fine](https://github.com/f/fine) - E.\n"
    )
    report, _ = _run(fake, text, config_from_mapping({"github": {"stale_days": 400}}))
    got = [(f.line, f.rule, f.severity.value) for f in report.findings]
    assert got == [
        (1, "github-archived", "warning"),
        (2, "github-moved", "warning"),
        (3, "github-missing", "error"),
        (4, "github-stale", "info"),
    ]
    moved = report.findings[1]
    assert moved.fix is not None
    (edit,) = moved.fix.edits
    assert (edit.span.line, edit.span.column, edit.text) == (2, 9, "https://github.com/neo/new")
    graphql = [r for r in fake.requests if r.path == "/api/graphql"]
    assert len(graphql) == 1 and graphql[0].authorization == "token t"


@needs_github_schema
def test_101_repositories_take_two_queries(fake: FakeGitHub) -> None:
    handler = GraphQL({})
    fake.graphql_handler = handler
    text = "".join(f"- [R{i}](https://github.com/owner/repo{i}) - R.\n" for i in range(101))
    text += "- [Again](https://github.com/OWNER/REPO0/issues) - same repository.\n"
    report, _ = _run(fake, text)
    assert [len(aliases) for aliases in handler.queries] == [100, 1]
    assert report.findings == []


def test_without_token_one_notice_and_no_request(fake: FakeGitHub, monkeypatch) -> None:
    for name in ("GITHUB_TOKEN", "GH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    fake.graphql_handler = GraphQL({"x/gone": None})
    report, _ = _run(fake, "- [Gone](https://github.com/x/gone) - C.\n", token=None)
    assert report.notices == [NO_TOKEN]
    assert report.findings == [] and fake.requests == []


@needs_github_schema
def test_facts_are_reused_from_the_store(fake: FakeGitHub) -> None:
    handler = GraphQL({"x/gone": None})
    fake.graphql_handler = handler
    text = "- [Gone](https://github.com/x/gone) - C.\n"
    doc = document(text, "README.md", inline_links(text.splitlines()))
    options = {"github_api_url": fake.api_url, "github_token": "t"}
    selected = frozenset(rule.id for rule in RULES)
    now = [NOW]
    with open_store(None, clock=lambda: now[0]) as store:
        for _ in range(2):
            context = CheckContext([doc], Config(), store, selected, options=options)
            report = asyncio.run(check_github_repos(context))
            assert [f.rule for f in report.findings] == ["github-missing"]
        assert len(handler.queries) == 1
        now[0] += 25 * 3600  # older than cache_hours: asked again
        asyncio.run(
            check_github_repos(CheckContext([doc], Config(), store, selected, options=options))
        )
        assert len(handler.queries) == 2


@pytest.mark.parametrize(
    "new_name",
    [
        "neo/new) [x](http://evil.test",
        "neo/new\u202e",
        "neo/<!--",
        'neo/x" onmouseover="a',
        "neo/new name",
        "-neo/new",
        "neo",
        "neo/new\n",
    ],
)
@needs_github_schema
def test_a_hostile_new_name_from_the_api_is_never_a_fix(fake: FakeGitHub, new_name: str) -> None:
    fake.graphql_handler = GraphQL({"o/old": {"nameWithOwner": new_name}})
    report, _ = _run(fake, "- [Old](https://github.com/o/old) - B.\n")
    (moved,) = report.findings
    assert moved.rule == "github-moved" and moved.fix is None
    assert "no fix" in moved.message and "\n" not in moved.message
    assert "\u202e" not in moved.message and "evil.test)" not in moved.message


@needs_github_schema
def test_moved_fix_fits_where_the_link_is_written(fake: FakeGitHub) -> None:
    fake.graphql_handler = GraphQL({"o/old": {"nameWithOwner": "neo/new"}})
    text = '<a href="https://github.com/o/old?a=1&b=2">Old</a>\n'
    doc_links = (
        Link(LinkKind.HTML_A, "https://github.com/o/old?a=1&b=2", "Old", Span(1, 1, 1, 50)),
    )
    doc = document(text, "README.md", doc_links)
    with open_store(None, clock=lambda: NOW) as store:
        context = CheckContext(
            [doc],
            Config(),
            store,
            frozenset(rule.id for rule in RULES),
            options={"github_api_url": fake.api_url, "github_token": "t"},
        )
        report = asyncio.run(check_github_repos(context))
    (moved,) = report.findings
    assert moved.fix is not None
    assert moved.fix.edits[0].text == "https://github.com/neo/new?a=1&amp;b=2"


def test_github_out_of_reach_is_one_notice() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    text = "".join(f"- [R{i}](https://github.com/o/r{i}) - R.\n" for i in range(150))
    doc = document(text, "README.md", inline_links(text.splitlines()))
    options = {"github_api_url": f"http://127.0.0.1:{port}/api/v3", "github_token": "t"}
    with open_store(None) as store:
        context = CheckContext(
            [doc], Config(), store, frozenset(r.id for r in RULES), options=options
        )
        report = asyncio.run(check_github_repos(context))
    assert report.findings == []
    (notice,) = report.notices
    assert notice.startswith("GitHub repository checks skipped: cannot reach GitHub")
