"""The PR review against a fake GitHub, through the real PyGithub: exact requests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from listbot.github import markers
from listbot.github.api import GitHubClient
from listbot.github.options import GithubOptions
from listbot.github.review import PullTarget, run_review
from tests.github.fake_github import BOT, FakeGitHub
from tests.github.helpers import TodoLinter

HEAD = "a" * 40
TEXT = (
    "# List\n"
    "- [A](https://a.dev) - A.\n"
    "- [B](https://b.dev) - TODO B.\n"
    "- [C](https://c.dev) - C.\n"
    "- [D](https://d.dev) - TODO D.\n"
    "- [E](https://e.dev) - E.\n"
    "\n"
    "- [F](https://f.dev) - TODO F, old.\n"
)
PATCH = (
    "@@ -1,4 +1,6 @@\n"
    " # List\n"
    " - [A](https://a.dev) - A.\n"
    "+- [B](https://b.dev) - TODO B.\n"
    " - [C](https://c.dev) - C.\n"
    "+- [D](https://d.dev) - TODO D.\n"
    " - [E](https://e.dev) - E."
)


def _setup(fake: FakeGitHub, text: str = TEXT, patch: str = PATCH, head: str = HEAD) -> PullTarget:
    fake.add_pull(
        7, head, {"README.md": (patch, text), "docs/notes.txt": ("@@ -0,0 +1 @@\n+TODO", "TODO\n")}
    )
    return PullTarget("octo/list", 7, head)


def _review_posts(fake: FakeGitHub) -> list:
    return [r for r in fake.requests if r.method == "POST" and r.path.endswith("/pulls/7/reviews")]


def test_one_review_with_inline_comments_on_added_lines(
    fake: FakeGitHub, client: GitHubClient
) -> None:
    linter = TodoLinter()
    outcome = run_review(client, _setup(fake), GithubOptions(), linter)
    posts = _review_posts(fake)
    assert len(posts) == 1
    payload = posts[0].json
    assert payload["event"] == "COMMENT"
    assert payload["commit_id"] == HEAD
    assert [(c["path"], c["line"], c["side"]) for c in payload["comments"]] == [
        ("README.md", 3, "RIGHT"),
        ("README.md", 5, "RIGHT"),
    ]
    for comment in payload["comments"]:
        assert len(markers.fingerprints(comment["body"])) == 1
        assert (
            "```suggestion\n- [B](https://b.dev) - DONE B." in comment["body"]
            or "DONE D." in comment["body"]
        )
    # Line 8 is not added by the PR: the default filter leaves it out.
    assert [f.line for f in outcome.findings] == [3, 5]
    # Only list files are linted; network checks are limited to the added lines.
    assert linter.calls == [(["README.md"], {"README.md": frozenset({3, 5})})]
    # The file is read at the head commit through the contents API.
    contents = [r for r in fake.requests if "/contents/" in r.path]
    assert [(r.path, r.query.get("ref")) for r in contents] == [
        ("/api/v3/repos/octo/list/contents/README.md", HEAD)
    ]
    assert all(r.authorization == "token secret-token" for r in fake.requests)
    summaries = [c for c in fake.issue_comments if markers.has_marker(c["body"], markers.SUMMARY)]
    assert len(summaries) == 1 and "2 errors" in summaries[0]["body"]
    assert (outcome.inline_posted, outcome.body_posted, outcome.summary) == (2, 0, "created")


def test_five_reruns_post_nothing_twice(fake: FakeGitHub, client: GitHubClient) -> None:
    target = _setup(fake)
    fake.page_size = 1  # every listing is paginated through Link headers
    for _ in range(5):
        run_review(client, target, GithubOptions(), TodoLinter())
    assert len(_review_posts(fake)) == 1
    assert len(fake.review_comments) == 2
    assert len(fake.issue_comments) == 1
    assert [r.method for r in fake.writes()] == ["POST", "POST"]  # the review and the summary, once


def test_rebase_that_moves_lines_does_not_repost(fake: FakeGitHub, client: GitHubClient) -> None:
    run_review(client, _setup(fake), GithubOptions(), TodoLinter())
    moved = "<!-- intro -->\n" + TEXT
    moved_patch = PATCH.replace("@@ -1,4 +1,6 @@", "@@ -1,4 +2,6 @@")
    target = _setup(fake, moved, moved_patch, head="b" * 40)
    outcome = run_review(client, target, GithubOptions(), TodoLinter())
    assert len(_review_posts(fake)) == 1
    assert outcome.deleted == 0
    assert outcome.summary == "edited"  # the head commit changed
    assert "bbbbbbbbbbbb" in fake.issue_comments[0]["body"]


def test_stale_own_comments_deleted_unless_replied(fake: FakeGitHub, client: GitHubClient) -> None:
    run_review(client, _setup(fake), GithubOptions(), TodoLinter())
    by_line = {c["line"]: c for c in fake.review_comments}
    fake.add_review_comment(
        7, "Why is this TODO?", login="maintainer", line=3, in_reply_to=by_line[3]["id"]
    )
    stranger = fake.add_review_comment(
        7, "copied " + markers.marker(markers.FINDING, fp="0" * 16), login="someone", line=5
    )
    fixed = TEXT.replace("TODO B", "Bee").replace("TODO D", "Dee")
    target = _setup(
        fake, fixed, PATCH.replace("TODO B", "Bee").replace("TODO D", "Dee"), head="c" * 40
    )
    outcome = run_review(client, target, GithubOptions(), TodoLinter())
    deletes = [r.path for r in fake.requests if r.method == "DELETE"]
    assert deletes == [f"/api/v3/repos/octo/list/pulls/comments/{by_line[5]['id']}"]
    assert outcome.deleted == 1
    remaining = {c["id"] for c in fake.review_comments}
    assert by_line[3]["id"] in remaining and stranger["id"] in remaining
    assert "No problems found" in fake.issue_comments[0]["body"]
    assert len(_review_posts(fake)) == 1


def test_422_posts_everything_in_the_body(fake: FakeGitHub, client: GitHubClient) -> None:
    fake.reject_reviews_with_comments = True
    target = _setup(fake)
    outcome = run_review(client, target, GithubOptions(), TodoLinter())
    posts = _review_posts(fake)
    assert len(posts) == 2
    assert len(posts[0].json["comments"]) == 2
    assert posts[1].json["comments"] == []
    assert len(markers.fingerprints(posts[1].json["body"])) == 2
    assert (outcome.inline_posted, outcome.body_posted) == (0, 2)
    run_review(client, target, GithubOptions(), TodoLinter())
    assert len(_review_posts(fake)) == 2  # the body's markers count as posted


def test_inline_comments_are_capped(fake: FakeGitHub, client: GitHubClient) -> None:
    outcome = run_review(client, _setup(fake), GithubOptions(max_inline_comments=1), TodoLinter())
    payload = _review_posts(fake)[0].json
    assert [c["line"] for c in payload["comments"]] == [3]
    assert "`README.md:5`" in payload["body"]
    assert (outcome.inline_posted, outcome.body_posted) == (1, 1)


@pytest.mark.parametrize(
    ("mode", "lines"),
    [("added", [3, 5]), ("diff_context", [3, 5]), ("file", [3, 5, 8]), ("nofilter", [3, 5, 8])],
)
def test_filter_modes(fake: FakeGitHub, client: GitHubClient, mode: str, lines: list[int]) -> None:
    outcome = run_review(client, _setup(fake), GithubOptions(filter_mode=mode), TodoLinter())
    assert [f.line for f in outcome.findings] == lines
    payload = _review_posts(fake)[0].json
    assert [c["line"] for c in payload["comments"]] == [3, 5]  # line 8 is outside the diff
    assert ("`README.md:8`" in payload["body"]) == (8 in lines)


def test_fork_pull_request_writes_nothing(fake: FakeGitHub, client: GitHubClient) -> None:
    target = replace(_setup(fake), from_fork=True)
    outcome = run_review(client, target, GithubOptions(), TodoLinter())
    assert fake.writes() == []
    assert outcome.fallback_reason and "fork" in outcome.fallback_reason
    assert [f.line for f in outcome.findings] == [3, 5]


def test_read_only_token_falls_back(fake: FakeGitHub, client: GitHubClient) -> None:
    fake.read_only = True
    outcome = run_review(client, _setup(fake), GithubOptions(), TodoLinter())
    assert outcome.fallback_reason and "403" in outcome.fallback_reason
    assert fake.reviews == [] and fake.issue_comments == []


def test_hostile_entry_text_is_escaped(fake: FakeGitHub, client: GitHubClient) -> None:
    hostile = "- [X](https://x.dev) - TODO @octocat fixes #12 <img src=x onerror=alert(1)> **now**"
    text = TEXT.replace("- [B](https://b.dev) - TODO B.", hostile)
    patch = PATCH.replace("- [B](https://b.dev) - TODO B.", hostile)
    run_review(client, _setup(fake, text, patch), GithubOptions(), TodoLinter())
    body = _review_posts(fake)[0].json["comments"][0]["body"]
    headline = body.split("\n", 1)[0]
    assert "@\u200boctocat" in headline and "#\u200b12" in headline
    assert "<img" not in headline and "&lt;img" in headline
    assert "\\*\\*now\\*\\*" in headline
    assert "`https://x.dev`" in headline
    summary = fake.issue_comments[0]["body"]
    assert "@octocat" not in summary and "<img" not in summary


def test_only_own_summary_is_edited(fake: FakeGitHub, client: GitHubClient) -> None:
    target = _setup(fake)
    other = fake.add_issue_comment(
        7, "Looks good " + markers.marker(markers.SUMMARY), login="someone"
    )
    run_review(client, target, GithubOptions(), TodoLinter())
    mine = [c for c in fake.issue_comments if c["user"]["login"] == BOT]
    assert len(mine) == 1
    assert other in fake.issue_comments and other["body"].startswith("Looks good")
    duplicate = fake.add_issue_comment(7, mine[0]["body"], login=BOT)
    run_review(client, target, GithubOptions(), TodoLinter())
    assert duplicate not in fake.issue_comments
    assert len([c for c in fake.issue_comments if c["user"]["login"] == BOT]) == 1


def test_personal_token_comments_are_recognised_by_login(
    fake: FakeGitHub, client: GitHubClient
) -> None:
    fake.token_login = "octo-maintainer"  # a personal token: GET /user answers
    target = _setup(fake)
    for _ in range(3):
        run_review(client, target, GithubOptions(), TodoLinter())
    assert len(_review_posts(fake)) == 1
    assert len(fake.issue_comments) == 1
    assert {c["user"]["login"] for c in fake.review_comments} == {"octo-maintainer"}
    assert any(r.path == "/api/v3/user" for r in fake.requests)
