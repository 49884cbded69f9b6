"""Benchmark ``listbot github review`` on a big list: time and GitHub requests per run.

A PR that adds N entries to avelino-awesome-go.md (404 KB) is reviewed against the fake
GitHub of tests/github (127.0.0.1, real PyGithub, no throttling), with every offline rule
on; then the same review is run again (what a rerun or push costs). Also prints the size
of the GraphQL queries for the repository checks of the whole list.

    python bench/github_review.py [--added 50] [--runs 3] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.github.fake_github import FakeGitHub  # noqa: E402

from listbot.api import lint_paths  # noqa: E402
from listbot.config import Config  # noqa: E402
from listbot.github.api import GitHubClient  # noqa: E402
from listbot.github.options import GithubOptions  # noqa: E402
from listbot.github.repos import batches, build_query, unique_repos  # noqa: E402
from listbot.github.review import PullTarget, run_review  # noqa: E402
from listbot.parse import parse  # noqa: E402


def _lint(documents, lines):  # type: ignore[no-untyped-def]
    return lint_paths([], Config(), offline=True, lines=lines, documents=documents)


def pr_adding(text: str, added: int) -> tuple[str, str]:
    """The list with ``added`` new entries after its 100th line, and the PR's patch."""
    lines = text.splitlines()
    at = 100
    new = [
        f"- [New {i}](https://github.com/bench/new-{i}) - TODO describe {i}" for i in range(added)
    ]
    head = lines[:at] + new + lines[at:]
    context_before = lines[at - 3 : at]
    context_after = lines[at : at + 3]
    hunk = [f" {line}" for line in context_before] + [f"+{line}" for line in new]
    hunk += [f" {line}" for line in context_after]
    patch = f"@@ -{at - 2},6 +{at - 2},{6 + added} @@\n" + "\n".join(hunk)
    return "\n".join(head) + "\n", patch


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--added", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    args = parser.parse_args()
    source = args.corpus / "avelino-awesome-go.md"
    if not source.is_file():
        print(f"{source} not found", file=sys.stderr)
        return 2
    text, patch = pr_adding(source.read_text(encoding="utf-8"), args.added)
    firsts, reruns, requests_first, requests_rerun = [], [], [], []
    for _ in range(args.runs):
        fake = FakeGitHub().start()
        try:
            fake.add_pull(1, "a" * 40, {"README.md": (patch, text)})
            target = PullTarget("octo/list", 1, "a" * 40)
            with GitHubClient("t", api_url=fake.api_url, retry=False, throttle=False) as client:
                start = time.perf_counter()
                outcome = run_review(client, target, GithubOptions(), _lint)
                firsts.append(time.perf_counter() - start)
                requests_first.append(len(fake.requests))
                start = time.perf_counter()
                run_review(client, target, GithubOptions(), _lint)
                reruns.append(time.perf_counter() - start)
                requests_rerun.append(len(fake.requests) - requests_first[-1])
        finally:
            fake.stop()
    print(f"avelino-awesome-go.md + {args.added} added entries, {args.runs} runs (median):")
    print(
        f"  first review: {statistics.median(firsts):.2f} s, {requests_first[0]} requests, "
        f"{len(outcome.findings)} findings kept, {outcome.inline_posted} inline, "
        f"{outcome.body_posted} in the body"
    )
    print(
        f"  rerun:        {statistics.median(reruns):.2f} s, {requests_rerun[0]} requests, "
        "nothing posted"
    )
    repos = unique_repos(link.url for link in parse(text, "README.md").links)
    planned = batches(repos, 100)
    sizes = [len(build_query(batch)) for batch in planned]
    print(
        f"  repository checks for the whole list: {len(repos)} repositories -> "
        f"{len(planned)} GraphQL queries of at most {max(sizes)} characters"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
