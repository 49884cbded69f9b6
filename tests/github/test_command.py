"""``listbot github review`` end to end: the Actions environment, the real parser and
rules, the fake GitHub; exit codes, annotations and the job summary for forks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from listbot.cli import main
from listbot.github import markers
from tests.github.fake_github import FakeGitHub

HEAD = "d" * 40
# The PR appends an entry and leaves the file without a final newline.
TEXT = "# Awesome\n\n- [A](https://a.dev) - A.\n- [B](https://b.dev) - B."
PATCH = (
    "@@ -1,3 +1,4 @@\n # Awesome\n \n - [A](https://a.dev) - A.\n"
    "+- [B](https://b.dev) - B.\n\\ No newline at end of file"
)


def _event(tmp_path: Path, *, fork: bool) -> Path:
    head_repo = "someone/list" if fork else "octo/list"
    event = {
        "pull_request": {
            "number": 3,
            "head": {"sha": HEAD, "repo": {"full_name": head_repo}},
            "base": {"sha": "e" * 40, "repo": {"full_name": "octo/list"}},
        }
    }
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event), encoding="utf-8")
    return path


@pytest.fixture
def actions_env(fake: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fake.add_pull(3, HEAD, {"README.md": (PATCH, TEXT)})
    summary = tmp_path / "summary.md"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_REPOSITORY", "octo/list")
    monkeypatch.setenv("GITHUB_API_URL", fake.api_url)
    monkeypatch.setenv("GITHUB_TOKEN", "secret-token")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    return summary


def test_review_from_the_actions_event(
    fake: FakeGitHub, actions_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(_event(tmp_path, fork=False)))
    code = main(["github", "review", "--offline", "--select", "final-newline"])
    assert code == 1  # final-newline is an error, as `lint` would say
    (post,) = [
        r for r in fake.requests if r.method == "POST" and r.path.endswith("/pulls/3/reviews")
    ]
    assert post.json["commit_id"] == HEAD
    (comment,) = post.json["comments"]
    assert (comment["path"], comment["line"], comment["side"]) == ("README.md", 4, "RIGHT")
    assert "final-newline" in comment["body"] and markers.fingerprints(comment["body"])
    assert main(["github", "review", "--offline", "--select", "final-newline"]) == 1
    assert (
        len(
            [r for r in fake.requests if r.path.endswith("/pulls/3/reviews") and r.method == "POST"]
        )
        == 1
    )
    captured = capsys.readouterr()
    assert "secret-token" not in captured.out + captured.err
    assert not actions_env.exists()  # no fallback, no job summary


def test_fork_gets_annotations_and_a_job_summary(
    fake: FakeGitHub, actions_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(_event(tmp_path, fork=True)))
    code = main(["github", "review", "--offline", "--select", "final-newline"])
    assert code == 1
    assert fake.writes() == []
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "::error file=README.md,line=4,col=26,endLine=4,endColumn=26,"
        "title=listbot (final-newline)::Missing final newline"
    ]
    summary = actions_env.read_text(encoding="utf-8")
    assert "fork" in summary and "| `README.md` | 4 | error | `final-newline` |" in summary


def test_not_a_pull_request_event_is_a_no_op(
    fake: FakeGitHub, actions_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    push = tmp_path / "push.json"
    push.write_text(json.dumps({"ref": "refs/heads/main"}), encoding="utf-8")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(push))
    assert main(["github", "review", "--offline"]) == 0
    assert fake.requests == []


def test_explicit_pr_and_missing_token(
    fake: FakeGitHub, actions_env: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.delenv("GITHUB_EVENT_PATH", raising=False)
    assert main(["github", "review", "--pr", "3", "--offline", "--exit-zero"]) == 0
    assert fake.requests[0].path == "/api/v3/repos/octo/list/pulls/3"
    assert any(r.path.endswith("/pulls/3/reviews") and r.method == "POST" for r in fake.requests)
    monkeypatch.delenv("GITHUB_TOKEN")
    monkeypatch.delenv("GH_TOKEN", raising=False)
    assert main(["github", "review", "--pr", "3", "--offline"]) == 2
    assert "no GitHub token" in capsys.readouterr().err
