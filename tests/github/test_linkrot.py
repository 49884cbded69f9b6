"""The link-rot issue: lifecycle against the fake GitHub, and the whole command against
a local web server whose links break."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web

from listbot.cli import main
from listbot.github import markers
from listbot.github.api import GitHubClient
from listbot.github.linkrot import RotRow, issue_body, rows_for, sync_issue
from listbot.github.options import GithubOptions
from tests.github.fake_github import FakeGitHub, start_app

ROWS = [RotRow("README.md:3", "https://gone.example/x", "dead", 404, 1_700_000_000.0, None)]
OPTIONS = GithubOptions()


def _open_ours(fake: FakeGitHub) -> list[dict]:
    return [
        issue
        for issue in fake.issues.values()
        if issue["state"] == "open"
        and "pull_request" not in issue
        and markers.has_marker(issue["body"], markers.LINK_ROT)
    ]


def test_rows_for_reports_only_due_links_with_suggestions() -> None:
    records = [
        {
            "url": "https://a.dev",
            "verdict": "dead",
            "status": 404,
            "files": ["README.md"],
            "lines": [3, 9],
        },
        {
            "url": "https://b.dev",
            "verdict": "unverified",
            "status": 503,
            "files": ["README.md"],
            "lines": [4],
        },
        {
            "url": "http://c.dev",
            "verdict": "dead",
            "status": 410,
            "final_url": "https://c.dev/new",
            "files": ["README.md"],
            "lines": [5],
        },
    ]
    rows = rows_for(records, lambda r: r["url"] != "https://b.dev", lambda url: 1_700_000_000.0)
    assert [(r.places, r.url, r.suggestion) for r in rows] == [
        ("README.md:3, 9", "https://a.dev", None),
        ("README.md:5", "http://c.dev", "https://c.dev/new"),
    ]
    body = issue_body(rows)
    assert "| `README.md:3, 9` | `https://a.dev` | dead | 404 | 2023-11-14 |  |" in body
    assert markers.has_marker(body, markers.LINK_ROT)


def test_issue_lifecycle_create_update_close(fake: FakeGitHub, client: GitHubClient) -> None:
    created = sync_issue(client, "octo/list", ROWS, OPTIONS)
    assert created.action == "created"
    posts = [r for r in fake.requests if r.method == "POST"]
    assert [r.path for r in posts] == [
        "/api/v3/repos/octo/list/labels",
        "/api/v3/repos/octo/list/issues",
    ]
    assert posts[1].json["labels"] == ["link-rot"] and posts[1].json["title"] == "Broken links"
    assert len(_open_ours(fake)) == 1

    before = len(fake.writes())
    assert sync_issue(client, "octo/list", ROWS, OPTIONS).action == "unchanged"
    assert len(fake.writes()) == before

    more = [*ROWS, RotRow("README.md:7", "https://b.example", "unverified", 503, None, None)]
    updated = sync_issue(client, "octo/list", more, OPTIONS)
    assert (updated.action, updated.number) == ("updated", created.number)
    patch = fake.writes()[-1]
    assert patch.method == "PATCH" and "https://b.example" in patch.json["body"]
    assert len(_open_ours(fake)) == 1

    closed = sync_issue(client, "octo/list", [], OPTIONS)
    assert closed.action == "closed"
    last = fake.writes()[-1]
    assert (last.json["state"], last.json["state_reason"]) == ("closed", "completed")
    assert _open_ours(fake) == []
    assert sync_issue(client, "octo/list", [], OPTIONS).action == "none"


def test_duplicates_closed_and_foreign_issues_untouched(
    fake: FakeGitHub, client: GitHubClient
) -> None:
    fake.labels.add("link-rot")
    marker = markers.marker(markers.LINK_ROT)
    first = fake.add_issue("Broken links", marker + "\nold", ["link-rot"])
    second = fake.add_issue("Broken links", marker + "\nolder", ["link-rot"])
    pull = fake.add_issue("PR", marker, ["link-rot"], pull=True)
    human = fake.add_issue("Link broken on page", "no marker here", ["link-rot"])
    outcome = sync_issue(client, "octo/list", ROWS, OPTIONS)
    assert (outcome.action, outcome.number) == ("updated", first["number"])
    assert outcome.closed_duplicates == [second["number"]]
    assert second["state"] == "closed" and second["state_reason"] == "not_planned"
    assert (
        pull["state"] == "open" and human["state"] == "open" and human["body"] == "no marker here"
    )
    assert [i["number"] for i in _open_ours(fake)] == [first["number"]]
    assert not any(r.method == "POST" for r in fake.requests)  # no new issue, no label


@pytest.fixture
def site() -> Iterator[dict[str, int]]:
    """A web server whose /flaky path fails while ``state['broken']`` is set."""
    state = {"broken": 1}

    async def ok(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def gone(request: web.Request) -> web.Response:
        return web.Response(status=404)

    async def flaky(request: web.Request) -> web.Response:
        return web.Response(status=503 if state["broken"] else 200)

    app = web.Application()
    app.add_routes([web.get("/ok", ok), web.get("/gone", gone), web.get("/flaky", flaky)])
    port, stop = start_app(app)
    state["port"] = port
    try:
        yield state
    finally:
        stop()


def test_link_rot_command_waits_for_consecutive_failures(
    fake: FakeGitHub, site: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = f"http://127.0.0.1:{site['port']}"
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# List\n\n- [Ok]({base}/ok) - Fine.\n- [Gone]({base}/gone) - Gone.\n"
        f"- [Flaky]({base}/flaky) - Sometimes.\n",
        encoding="utf-8",
    )
    config = tmp_path / "listbot.toml"
    config.write_text(
        '[links]\nallow_private = true\nretries = 0\narchive_api_url = ""\n', encoding="utf-8"
    )
    argv = [
        "github", "link-rot", str(readme), "--repo", "octo/list", "--config", str(config),
        "--token", "secret-token", "--github-api-url", fake.api_url,
        "--cache", str(tmp_path / "cache.sqlite"),
    ]  # fmt: skip

    assert main(argv) == 0  # run 1: /gone at once (404), /flaky failed once only
    (issue,) = _open_ours(fake)
    assert f"{base}/gone" in issue["body"] and "/flaky" not in issue["body"]

    assert main(argv) == 0  # run 2: /flaky failed twice in a row
    (issue,) = _open_ours(fake)
    assert "/flaky" in issue["body"] and "/ok`" not in issue["body"]

    site["broken"] = 0
    readme.write_text(readme.read_text().replace(f"- [Gone]({base}/gone) - Gone.\n", ""))
    assert main(argv) == 0  # run 3: everything passes: closed as completed
    assert _open_ours(fake) == []
    assert len(fake.issues) == 1 and fake.issues[1]["state_reason"] == "completed"
    captured = capsys.readouterr()
    assert "secret-token" not in captured.out + captured.err


def test_link_rot_without_dns_leaves_the_issue_untouched(
    fake: FakeGitHub,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from listbot.net import http
    from listbot.store import open_store
    from tests.net.resolvers import BrokenDns

    monkeypatch.setattr(http, "resolver_factory", BrokenDns)
    fake.labels.add("link-rot")
    marker = markers.marker(markers.LINK_ROT)
    issue = fake.add_issue("Broken links", marker + "\nold table", ["link-rot"])
    urls = [f"https://github.com/o/r{i}" for i in range(30)] + ["https://a.dev/"]  # 2 hosts
    readme = tmp_path / "README.md"
    readme.write_text(
        "# List\n\n" + "".join(f"- [R{i}]({u}) - Repo.\n" for i, u in enumerate(urls)),
        encoding="utf-8",
    )
    config = tmp_path / "listbot.toml"
    config.write_text('[links]\ncanary = ["https://canary.test/"]\n', encoding="utf-8")
    cache = tmp_path / "cache.sqlite"
    argv = [
        "github", "link-rot", str(readme), "--repo", "octo/list", "--config", str(config),
        "--token", "secret-token", "--github-api-url", fake.api_url, "--cache", str(cache),
    ]  # fmt: skip
    for _ in range(3):  # report_after = 2: consecutive runs must not add up to rot either
        assert main(argv) == 2
        assert main([*argv, "--dry-run"]) == 2
    assert fake.writes() == []
    assert issue["state"] == "open" and issue["body"] == marker + "\nold table"
    err = capsys.readouterr().err
    assert "no network" in err and "left as it is" in err
    with open_store(cache) as store:
        assert all(store.history(url) is None for url in urls)
