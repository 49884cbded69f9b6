"""``listbot github maintain`` when things are not simple: forks, tokens that may not write,
no network, flaky redirects, branches and pull requests touched by people, archived copies,
bad configuration."""

from __future__ import annotations

import pytest

from listbot.github import markers
from tests.github.fake_github import FakeGitHub
from tests.github.fake_graphql import needs_github_schema
from tests.github.maintain_env import World, list_text, pull_writes
from tests.net.servers import FakeArchive

BRANCH = "listbot/maintenance"


def _never_the_default_branch(fake: FakeGitHub) -> None:
    assert not any("heads/main" in write for write in pull_writes(fake))


def _issues(fake: FakeGitHub) -> list[dict]:
    return [
        issue
        for issue in fake.issues.values()
        if issue["state"] == "open"
        and "pull_request" not in issue
        and markers.has_marker(issue["body"], "link-rot")
    ]


def _start(world: World) -> bytes:
    gone = world.farm.hosts["h3.test"].url("/status/404")
    world.archive.snapshots[gone] = FakeArchive.closest(gone)
    data = list_text(world.farm).encode("utf-8")
    world.fake.git.commit_files({"README.md": data})
    return data


@needs_github_schema
@pytest.mark.parametrize("case", ["fork", "read-only contents", "no pull requests"])
async def test_without_write_access_the_issue_alone_with_a_notice(
    world: World, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    _start(world)
    if case == "fork":
        world.fake.git.fork = True
    elif case == "read-only contents":
        world.fake.permissions["contents"] = "read"
    else:
        world.fake.permissions["pull_requests"] = "read"
    assert await world.run() == 0
    assert world.fake.git.prs == {}
    (issue,) = _issues(world.fake)
    assert "fixed in #" not in issue["body"] and "/status/404" in issue["body"]
    err = capsys.readouterr().err
    notice = {
        "fork": "octo/list is a fork: no maintenance pull request here",
        "read-only contents": "the token needs contents: write and pull-requests: write",
        "no pull requests": "the token needs pull-requests: write",
    }[case]
    assert notice in err
    if case != "no pull requests":
        assert list(world.fake.git.refs) == ["heads/main"], "no branch either"
    _never_the_default_branch(world.fake)


@needs_github_schema
async def test_actions_not_allowed_to_open_pull_requests_leaves_the_branch_and_says_so(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    _start(world)
    world.fake.git.may_open_pulls = False
    assert await world.run() == 0
    assert world.fake.git.prs == {} and f"heads/{BRANCH}" in world.fake.git.refs
    err = capsys.readouterr().err
    assert "allow GitHub Actions to create pull requests" in err
    assert "GitHub Actions is not permitted" in err
    writes = len(world.fake.writes())
    assert await world.run() == 0  # the same fixes: no new commit, only the refused PR again
    assert [w for w in pull_writes(world.fake)[writes:] if "/git/" in w] == []


@needs_github_schema
async def test_no_network_leaves_the_pull_request_and_the_issue_alone(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from listbot.net import http
    from tests.net.resolvers import BrokenDns

    _start(world)
    assert await world.run() == 0
    pulls, issues = dict(world.fake.git.prs), len(_issues(world.fake))
    branch = world.fake.git.refs[f"heads/{BRANCH}"]
    writes = len(world.fake.writes())
    monkeypatch.setattr(http, "resolver_factory", BrokenDns)
    world.extra_config = ""
    config = world.config.read_text(encoding="utf-8")
    # No [links] resolve any more: every name fails, as on a runner without DNS.
    world.config.write_text(
        "\n".join(
            line for line in config.splitlines() if not line.startswith(("resolve", "canary"))
        )
        + '\ncanary = ["https://canary.test/"]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(World, "config", property(lambda self: self.folder / "listbot.toml"))
    capsys.readouterr()
    assert await world.run() == 2
    assert world.fake.writes()[writes:] == []
    assert world.fake.git.prs == pulls and world.fake.git.refs[f"heads/{BRANCH}"] == branch
    assert len(_issues(world.fake)) == issues
    err = capsys.readouterr().err
    assert "no network" in err and "left as they are" in err


@needs_github_schema
async def test_a_redirect_is_fixed_only_after_report_after_runs_alike(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    world.report_after = 2
    _start(world)
    moved = world.farm.hosts["h1.test"].url("/redirect/301/0")
    assert await world.run() == 0
    (pr,) = world.fake.git.open_pulls()
    first = world.fake.git.file_at(BRANCH, "README.md")
    assert first is not None and f"({moved})" not in first.decode()
    assert "### `redirect`" not in pr["body"] and "4 fixes" in capsys.readouterr().err
    assert await world.run() == 0
    (again,) = world.fake.git.open_pulls()
    second = world.fake.git.file_at(BRANCH, "README.md")
    assert again["number"] == pr["number"] and second is not None
    assert f"({moved})" in second.decode() and "### `redirect` (1)" in again["body"]


@needs_github_schema
async def test_commits_by_people_on_the_bot_branch_are_never_overwritten(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    _start(world)
    assert await world.run() == 0
    human = world.fake.git.commit_files({"README.md": b"# Mine now\n"}, "My edit", branch=BRANCH)
    writes = len(world.fake.writes())
    world.fake.git.commit_files({"docs/other.md": b"x\n"}, "Elsewhere")  # main moves on
    assert await world.run() == 0
    assert world.fake.git.refs[f"heads/{BRANCH}"] == human
    assert [w for w in pull_writes(world.fake)[writes:] if "/pulls" in w or "/git/" in w] == []
    assert "has commits listbot did not make" in capsys.readouterr().err


@needs_github_schema
async def test_a_pull_request_the_maintainer_closed_is_not_opened_again_for_the_same_fixes(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _start(world)
    assert await world.run() == 0
    (pr,) = world.fake.git.open_pulls()
    pr["state"] = "closed"  # the maintainer declines
    world.fake.issues[pr["number"]]["state"] = "closed"
    assert await world.run() == 0
    assert world.fake.git.open_pulls() == []
    assert f"#{pr['number']} was closed with these same fixes" in capsys.readouterr().err
    h2 = world.farm.hosts["h2.test"]
    world.fake.git.commit_files(
        {"README.md": data + f"- [More]({h2.url('/ok/more')}?fbclid=1) - New.\r\n".encode()}
    )
    assert await world.run() == 0
    (new,) = world.fake.git.open_pulls()
    assert new["number"] != pr["number"] and "### `tracking-parameter` (2)" in new["body"]


@needs_github_schema
async def test_a_merged_pull_request_leaves_nothing_and_its_branch_goes(world: World) -> None:
    _start(world)
    assert await world.run() == 0
    (pr,) = world.fake.git.open_pulls()
    world.fake.git.merge(pr["number"])
    assert await world.run() == 0
    assert world.fake.git.open_pulls() == [] and f"heads/{BRANCH}" not in world.fake.git.refs
    assert [c for c in world.fake.issue_comments if c["issue"] == pr["number"]] == []


@needs_github_schema
async def test_dead_links_become_their_archived_copy_only_when_asked(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    _start(world)
    gone = world.farm.hosts["h3.test"].url("/status/404")
    copy = f"https://web.archive.org/web/20200102030405/{gone}"
    world.extra_config = "[maintain]\nreplace_dead_with_archive = true\n"
    assert await world.run() == 0
    (pr,) = world.fake.git.open_pulls()
    fixed = world.fake.git.file_at(BRANCH, "README.md")
    assert fixed is not None and f"({copy})" in fixed.decode() and f"({gone})" not in fixed.decode()
    assert (
        "### `dead-link` (1)" in pr["body"] and "the archived copy is from 2020-01-02" in pr["body"]
    )
    assert _issues(world.fake) == [], "the pull request fixes the only broken link"


@needs_github_schema
async def test_unreachable_github_checks_hold_the_pull_request(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    world.extra_config = "[github]\ncache_hours = 0.0\n"  # ask GitHub every run
    _start(world)
    assert await world.run() == 0
    (pr,) = world.fake.git.open_pulls()
    writes = len(world.fake.writes())
    world.graphql = None  # type: ignore[assignment]  # the fake answers 500
    assert await world.run() == 0
    assert [w for w in pull_writes(world.fake)[writes:] if "/pulls" in w or "/git/" in w] == []
    assert world.fake.git.open_pulls() == [pr]
    assert "the maintenance pull request is left as it is" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "config", "message"),
    [
        (["--branch", "main"], "", "is the default branch of octo/list"),
        (["--branch", "a b"], "", "--branch: branch: 'a b' is not a branch name"),
        (
            [],
            "[maintain]\nrules = ['double-link']\n",
            "[maintain]: rules: 'double-link' has no fix",
        ),
        ([], "[maintain]\nbranh = 'x'\n", "[maintain]: unknown key 'branh'"),
        (["../README.md"], "", "../README.md: name list files by their path in the repository"),
        (["notes"], "", "notes: not a regular file in octo/list"),
        (["missing.md"], "", "missing.md: no such file in octo/list"),
        (["LINK.md"], "", "LINK.md: not a regular file in octo/list (mode 120000)"),
    ],
)
async def test_mistakes_are_one_line_and_exit_2_with_nothing_changed(
    world: World,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    config: str,
    message: str,
) -> None:
    _start(world)
    world.fake.git.commit_files({"notes/a.md": b"# A\n"})
    world.fake.git.commit_files({"LINK.md": b"README.md"}, modes={"LINK.md": "120000"})
    world.extra_config = config
    if extra and not extra[0].startswith("--"):
        argv = world.argv()
        argv[argv.index("README.md")] = extra[0]
        code = await _main(argv)
    else:
        code = await world.run(*extra)
    err = capsys.readouterr().err
    assert code == 2 and world.fake.writes() == []
    assert len(err.strip().splitlines()) == 1 and message in err, err


async def _main(argv: list[str]) -> int:
    import asyncio

    from listbot.cli import main

    return await asyncio.get_running_loop().run_in_executor(None, main, argv)


@needs_github_schema
async def test_dry_run_prints_both_bodies_and_asks_github_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _start(world)
    (world.folder / "README.md").write_bytes(data)
    monkeypatch.chdir(world.folder)
    world.fake.graphql_handler = world.graphql
    monkeypatch.setenv("GITHUB_API_URL", world.fake.api_url)
    before = len(world.fake.requests)
    argv = ["github", "maintain", "--dry-run", "--config", str(world.config), "--token", "t"]
    assert await _main(argv) == 0
    out = capsys.readouterr().out
    assert "### `github-moved` (1)" in out and "listbot found that 1 link is broken" in out
    assert [r.path for r in world.fake.requests[before:]] == ["/api/graphql"]


@pytest.mark.parametrize(
    ("mode", "snapshot", "expected"),
    [
        ("ok", True, "archived copy from 2020-01-02: `https://web.archive.org/web/20200102030405/"),
        ("ok", False, "| no archived copy |"),
        ("error", True, "| no archived copy checked |"),
        ("hang", True, "| no archived copy checked |"),
    ],
)
async def test_the_issue_suggests_the_archived_copy_or_says_why_not(
    world: World, capsys: pytest.CaptureFixture[str], mode: str, snapshot: bool, expected: str
) -> None:
    _start(world)
    if not snapshot:
        world.archive.snapshots.clear()
    world.archive.mode = mode
    world.timeout = 0.5
    assert await world.run() == 0
    (issue,) = _issues(world.fake)
    assert expected in issue["body"]
    assert len(world.archive.asked) == 1, "one request for the one dead link"
    err = capsys.readouterr().err
    assert ("archived copies not checked" in err) == (mode != "ok")


async def test_a_tree_too_large_to_list_is_an_error_and_changes_nothing(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    _start(world)
    world.fake.git.truncated = True
    assert await world.run() == 2
    assert world.fake.writes() == []
    assert "too large to list" in capsys.readouterr().err
