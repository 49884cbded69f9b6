"""The review with the real parser and network checks: only links on added lines are
checked (web links and GitHub repositories), and their findings become inline comments."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from aiohttp import web

from listbot.api import lint_paths
from listbot.config import config_from_mapping
from listbot.github.api import GitHubClient
from listbot.github.options import GithubOptions
from listbot.github.review import PullTarget, run_review
from tests.github.fake_github import FakeGitHub, start_app
from tests.github.fake_graphql import needs_github_schema
from tests.github.test_repos import GraphQL

HEAD = "f" * 40


@pytest.fixture
def site() -> Iterator[tuple[int, list[str]]]:
    seen: list[str] = []

    async def handler(request: web.Request) -> web.Response:
        seen.append(request.path)
        return web.Response(status=404 if "gone" in request.path else 200, text="ok")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    port, stop = start_app(app)
    try:
        yield port, seen
    finally:
        stop()


@needs_github_schema
def test_network_checks_only_on_added_lines(
    fake: FakeGitHub, client: GitHubClient, site: tuple[int, list[str]]
) -> None:
    port, seen = site
    base = f"http://127.0.0.1:{port}"
    old = f"- [Old]({base}/gone-old) - Was here. [Repo](https://github.com/y/old-gone)"
    new = f"- [New]({base}/gone-new) - Added. [Repo](https://github.com/x/gone)"
    text = f"# Awesome\n\n{old}\n{new}\n"
    patch = f"@@ -1,3 +1,4 @@\n # Awesome\n \n {old}\n+{new}"
    fake.add_pull(9, HEAD, {"README.md": (patch, text)})
    graphql = GraphQL({"x/gone": None, "y/old-gone": None})
    fake.graphql_handler = graphql
    links = {"allow_private": True, "retries": 0, "exclude": ["^https://github[.]com/"]}
    config = config_from_mapping({"select": ["links", "github"], "links": links})
    network = {"store_path": None, "github_token": "t", "github_api_url": fake.api_url}

    def lint(documents, lines):  # what `listbot github review` passes, minus the CLI
        return lint_paths([], config, lines=lines, documents=documents, options=network)

    outcome = run_review(client, PullTarget("octo/list", 9, HEAD), GithubOptions(), lint)
    assert set(seen) == {"/gone-new"}  # GET after HEAD, perhaps; never the old line's link
    assert graphql.queries == [["x/gone"]]
    assert sorted((f.line, f.rule) for f in outcome.findings) == [
        (4, "dead-link"),
        (4, "github-missing"),
    ]
    (post,) = [r for r in fake.requests if r.method == "POST" and r.path.endswith("/reviews")]
    assert sorted(c["line"] for c in post.json["comments"]) == [4, 4]
    bodies = " ".join(c["body"] for c in post.json["comments"])
    assert "`dead-link`" in bodies and "`github-missing`" in bodies
