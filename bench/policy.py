"""Benchmark the contribution policy (github-requirements) on 3,000 repositories.

A list of N entries, each linking its own GitHub repository, is checked against an
awesome-go-like policy through the fake GitHub of tests/github (127.0.0.1, real PyGithub,
every GraphQL query validated and executed against GitHub's schema with graphql-core).
Prints the GraphQL requests and the time, beside what awesome-go's own PR workflow would
cost (about seven REST calls per repository).

    python bench/policy.py [--repos 3000] [--runs 3]
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
from tests.github.fake_graphql import Repositories, errors_of, repository  # noqa: E402

from listbot.api import lint_paths  # noqa: E402
from listbot.config import config_from_mapping  # noqa: E402
from listbot.parse import parse  # noqa: E402

REST_CALLS_PER_REPO = 7
"""awesome-go's PR workflow: repository, licence, commits (age), workflows, README,
releases, go.mod: about seven REST calls for each added repository."""
POLICY = {
    "min_stars": 10,
    "min_age_days": 150,
    "license": True,
    "readme": True,
    "ci": True,
    "release": "semver",
    "files": ["go.mod"],
    "not_fork": True,
    "not_archived": True,
}


def _list(count: int) -> str:
    lines = ["# Awesome Bench", "", "## Things", ""]
    lines += [
        f"- [pkg{i:05d}](https://github.com/bench{i % 97}/pkg{i:05d}) - Package {i}."
        for i in range(count)
    ]
    return "\n".join(lines) + "\n"


def _repos(count: int) -> dict[str, dict[str, object]]:
    paths = {
        "": ("README.md", "go.mod", "LICENSE"),
        ".github/workflows": ("ci.yml",),
        "go.mod": None,
    }
    return {
        f"bench{i % 97}/pkg{i:05d}": repository(stars=i % 500, paths=paths, archived=i % 50 == 0)
        for i in range(count)
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repos", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    errors_of("query { viewer { login } }")  # build GitHub's schema once, outside the timing
    document = parse(_list(args.repos), "README.md")
    config = config_from_mapping(
        {"select": ["github-requirements"], "rules": {"github-requirements": POLICY}}
    )
    times, requests, failing = [], [], 0
    for _ in range(args.runs):
        fake = FakeGitHub().start()
        try:
            fake.graphql_handler = Repositories(_repos(args.repos))
            network = {"store_path": None, "github_token": "t", "github_api_url": fake.api_url}
            start = time.perf_counter()
            result = lint_paths([], config, documents=[document], options=network)
            times.append(time.perf_counter() - start)
            requests.append(len(fake.graphql_requests()))
            failing = sum(1 for f in result.findings if f.rule == "github-requirements")
        finally:
            fake.stop()
    print(f"github-requirements on {args.repos:,} repositories, {args.runs} runs (median):")
    print(
        f"  listbot: {requests[0]} GraphQL requests, {statistics.median(times):.2f} s "
        f"({failing:,} entries fail the policy), nothing cached"
    )
    print(
        f"  awesome-go's own approach: ~{args.repos * REST_CALLS_PER_REPO:,} REST calls "
        f"(~{REST_CALLS_PER_REPO} per repository)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
