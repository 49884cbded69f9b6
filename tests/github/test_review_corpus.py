"""Reviews of real lists: each corpus file arrives as a new file in a PR, with every
offline rule on. The review must stay within GitHub's limits and a rerun must post nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from listbot.api import lint_paths
from listbot.config import Config
from listbot.github import markers
from listbot.github.api import GitHubClient
from listbot.github.escape import BODY_LIMIT
from listbot.github.options import GithubOptions
from listbot.github.review import PullTarget, run_review
from tests.conftest import corpus_params
from tests.github.fake_github import FakeGitHub

HEAD = "c" * 40


class _Lint:
    """Lints once and answers reruns from memory: the rerun tests posting, not linting."""

    def __init__(self) -> None:
        self.result = None

    def __call__(self, documents, lines):
        if self.result is None:
            self.result = lint_paths([], Config(), offline=True, lines=lines, documents=documents)
        return self.result


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_file_as_new_file(fake: FakeGitHub, client: GitHubClient, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    patch = f"@@ -0,0 +1,{len(lines)} @@\n" + "\n".join("+" + line for line in lines)
    fake.add_pull(1, HEAD, {"README.md": (patch, text)})
    target = PullTarget("octo/list", 1, HEAD)
    lint = _Lint()
    outcome = run_review(client, target, GithubOptions(), lint)
    reviews = list(fake.reviews)
    if not outcome.findings:
        assert reviews == [] and fake.issue_comments == []
        return
    (review,) = reviews
    assert len(review["body"]) < BODY_LIMIT
    assert len(fake.review_comments) == min(30, outcome.inline_posted) == outcome.inline_posted
    assert all(c["line"] <= len(lines) for c in fake.review_comments)
    posted = [markers.fingerprints(c["body"]) for c in fake.review_comments]
    assert all(len(fps) == 1 for fps in posted)
    assert len(set().union(*posted)) == len(posted)
    (summary,) = fake.issue_comments
    assert len(summary["body"]) < BODY_LIMIT
    writes = len(fake.writes())
    run_review(client, target, GithubOptions(), lint)
    assert len(fake.writes()) == writes  # nothing new, nothing stale, summary unchanged
