"""``listbot github maintain`` through its whole life, against the fake GitHub (real PyGithub),
a fault farm serving the list's links and a fake Internet Archive.

First run: one pull request with the redirect, renamed-repository, https, tracking and
arXiv fixes, byte for byte what ``lint --fix --select RULES`` makes of the same file; the
dead link goes to the issue with its archived copy. A rerun changes nothing on GitHub. A
run after the default branch moved rebuilds the branch on top of it. A run after the
maintainer fixed everything closes the pull request.
"""

from __future__ import annotations

import pytest

from listbot.github import markers
from tests.github.fake_github import FakeGitHub
from tests.github.fake_graphql import needs_github_schema
from tests.github.maintain_env import (
    BOM,
    RULES,
    World,
    list_text,
    pull_writes,
)
from tests.net.servers import FakeArchive

BRANCH = "listbot/maintenance"


def _open_issue(fake: FakeGitHub) -> dict:
    (issue,) = [
        i
        for i in fake.issues.values()
        if i["state"] == "open"
        and "pull_request" not in i
        and markers.has_marker(i["body"], "link-rot")
    ]
    return issue


@needs_github_schema
async def test_the_whole_life_of_the_maintenance_pull_request(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake, git = world.fake, world.fake.git
    h1, h3 = world.farm.hosts["h1.test"], world.farm.hosts["h3.test"]
    gone = h3.url("/status/404")
    world.archive.snapshots[gone] = FakeArchive.closest(gone)
    original = list_text(world.farm).encode("utf-8")
    main_before = git.commit_files({"README.md": original, "docs/notes.txt": b"not a list\n"})

    # -- first run: one pull request, the issue for the rest ------------------------------
    assert await world.run() == 0
    (pr,) = git.open_pulls()
    assert (pr["head"], pr["base"], pr["title"]) == (BRANCH, "main", "Fix moved and insecure links")
    assert git.refs["heads/main"] == main_before, "the default branch is never written"
    assert git.changed_paths("main", BRANCH) == {"README.md"}
    fixed = git.file_at(BRANCH, "README.md")
    assert fixed is not None
    assert fixed == await world.lint_fix(original, monkeypatch), "the PR is `lint --fix`"
    text = fixed.decode("utf-8")
    assert text.startswith(BOM) and text.count("\r\n") == original.decode().count("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "déjà vu, 日本語, emoji 🚀" in text
    for expected in (
        f"({h1.url('/redirect/301/0')})",
        "(https://github.com/neo/repo)",
        "(https://en.wikipedia.org/ok/Foo)",
        "/ok/@someone?x=1)",
        "(https://arxiv.org/abs/2307.09288)",
        f"({gone})",  # dead: the issue's business, not replaced
        f"({h1.url('/to/h2.test/ok/away')})",  # another host: unsafe, left alone
    ):
        assert expected in text, expected
    (commit_sha,) = [sha for sha, c in git.commits.items() if c["parents"] == [main_before]]
    assert git.refs[f"heads/{BRANCH}"] == commit_sha
    message = git.commits[commit_sha]["message"]
    assert "5 safe fixes" in message and markers.has_marker(message, "maintenance")

    body = pr["body"]
    assert markers.has_marker(body, "maintenance")
    for rule in RULES.split(","):
        assert f"### `{rule}` (1)" in body, rule
    moved, target = h1.url("/redirect/301/1"), h1.url("/redirect/301/0")
    assert f"| `README.md:5` | `{moved}` | `{target}` |" in body
    assert f"301 → `{target}`, then 200; the same every run since" in body
    assert "`http://h2.test/ok/@someone?utm_source=news&x=1`" in body  # a mention stays code
    issue = _open_issue(fake)
    assert f"Broken links that need a person are listed in #{issue['number']}." in body
    assert f"fixed in #{pr['number']}" in issue["body"]
    assert gone in issue["body"] and "archived copy from 2020-01-02" in issue["body"]
    assert "redirect/301/1" not in issue["body"], "the issue lists what the PR cannot fix"
    err = capsys.readouterr().err
    assert f"maintenance pull request #{pr['number']}: opened (5 fixes)" in err
    assert "secret-token" not in err

    # -- a rerun with nothing new: no commit, no pull request, no edit ---------------------
    writes = len(fake.writes())
    asked = len(world.archive.asked)
    assert await world.run() == 0
    assert fake.writes()[writes:] == []
    assert len(world.archive.asked) == asked, "archived copies come from the store"
    assert f"#{pr['number']}: unchanged" in capsys.readouterr().err

    # -- the default branch moved: the branch is rebuilt on it -----------------------------
    edited = (
        original.decode("utf-8").replace(
            "- [Wiki](http://en.wikipedia.org/ok/Foo) - An http link to a site that serves https.",
            "- [Wiki](http://en.wikipedia.org/ok/Foo) - Edited by the maintainer meanwhile.",
        )
        + f"- [New]({world.farm.hosts['h2.test'].url('/ok/new')}?utm_medium=email) - Added.\r\n"
    )
    main_now = git.commit_files({"README.md": edited.encode("utf-8")}, "Maintainer's edit")
    writes = len(fake.writes())
    assert await world.run() == 0
    assert [pull["number"] for pull in git.open_pulls()] == [pr["number"]]
    assert git.commits[git.refs[f"heads/{BRANCH}"]]["parents"] == [main_now]
    rebuilt = git.file_at(BRANCH, "README.md")
    assert rebuilt == await world.lint_fix(edited.encode("utf-8"), monkeypatch)
    assert rebuilt is not None and "Edited by the maintainer meanwhile." in rebuilt.decode()
    assert "/ok/new)" in rebuilt.decode()
    new = pull_writes(fake)[writes:]
    assert "PATCH /git/refs/heads/listbot/maintenance" in new
    assert not any("heads/main" in write for write in new)
    assert "6 fixes" in capsys.readouterr().err

    # -- the maintainer fixed everything by hand: the pull request is closed ---------------
    by_hand = rebuilt.decode("utf-8").replace(f"- [Gone]({gone}) - A dead link.\r\n", "")
    git.commit_files({"README.md": by_hand.encode("utf-8")}, "Fix the links")
    assert await world.run() == 0
    assert git.open_pulls() == []
    assert git.prs[pr["number"]]["state"] == "closed" and not git.prs[pr["number"]].get("merged_at")
    (comment,) = [c for c in fake.issue_comments if c["issue"] == pr["number"]]
    assert "Nothing is left to fix" in comment["body"]
    assert f"heads/{BRANCH}" not in git.refs, "the bot's branch is deleted"
    assert issue["state"] == "closed", "no broken link is left either"
    err = capsys.readouterr().err
    assert f"maintenance pull request #{pr['number']}: closed (0 fixes)" in err

    # -- and a run after that has nothing to do --------------------------------------------
    writes = len(fake.writes())
    assert await world.run() == 0
    assert fake.writes()[writes:] == []

    # -- the same fixes needed again: a new pull request (the closed one was not declined) --
    git.commit_files({"README.md": edited.encode("utf-8")}, "Revert")
    assert await world.run() == 0
    (again,) = git.open_pulls()
    assert again["number"] > pr["number"]
    assert git.file_at(BRANCH, "README.md") == rebuilt
