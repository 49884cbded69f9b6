"""Benchmark the contribution policy (github-requirements) on 3,000 repositories.

A list of N entries, each linking its own GitHub repository, is checked against an
awesome-go-like policy through the fake GitHub of tests/github (127.0.0.1, every GraphQL
query validated and executed against GitHub's schema with graphql-core), served from this
process. listbot runs as users run it, ``listbot lint --select github-requirements`` in a
fresh process with cached bytecode, pointed at the fake by ``GITHUB_API_URL``; its time and
its own peak memory are measured apart from this script (:mod:`_measure`). Prints the
GraphQL requests and the time, beside what awesome-go's own PR workflow would cost (about
seven REST calls per repository).

Goals (issue 12): 3,000 repositories in <= 8 s with <= 30 requests: GraphQL queries are
reads, and no read waits for PyGithub's pause between writes.

    python bench/policy.py [--repos 3000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from _measure import Measured, child_env, measure, method, prepare

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.github.fake_github import FakeGitHub  # noqa: E402
from tests.github.fake_graphql import Repositories, errors_of, repository  # noqa: E402

REST_CALLS_PER_REPO = 7
"""awesome-go's PR workflow: repository, licence, commits (age), workflows, README,
releases, go.mod: about seven REST calls for each added repository."""
POLICY = """select = ["github-requirements"]

[rules.github-requirements]
min_stars = 10
min_age_days = 150
license = true
readme = true
ci = true
release = "semver"
files = ["go.mod"]
not_fork = true
not_archived = true
"""
MAX_SECONDS = 8.0
MAX_REQUESTS = 30


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


def _failing(measured: Measured) -> int:
    try:
        findings = json.loads(measured.stdout)["findings"]
    except (ValueError, KeyError):
        return -1
    return sum(1 for finding in findings if finding["rule"] == "github-requirements")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repos", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    errors_of("query { viewer { login } }")  # build GitHub's schema once, before any run
    prepare()
    runs: list[Measured] = []
    requests: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        readme = work / "README.md"
        readme.write_text(_list(args.repos), encoding="utf-8")
        config = work / "listbot.toml"
        config.write_text(POLICY, encoding="utf-8")
        for run in range(args.runs):
            fake = FakeGitHub().start()
            try:
                fake.graphql_handler = Repositories(_repos(args.repos))
                env = child_env({"GITHUB_TOKEN": "t", "GITHUB_API_URL": fake.api_url})
                command = [sys.executable, "-m", "listbot", "lint", str(readme)]
                command += ["--config", str(config), "--cache", str(work / f"c{run}.sqlite")]
                command += ["--format", "json", "--exit-zero", "--quiet"]
                measured = measure(command, cwd=work, env=env)
                runs.append(measured)
                requests.append(len(fake.graphql_requests()))
            finally:
                fake.stop()
            print(
                f"  run {run + 1}: wall {measured.wall:.2f} s, CPU {measured.cpu:.2f} s, "
                f"peak RSS {measured.rss_mb:.0f} MB, {requests[-1]} GraphQL requests, "
                f"{_failing(measured):,} entries fail the policy, exit {measured.code}",
                flush=True,
            )
    wall = statistics.median(m.wall for m in runs)
    print(
        f"github-requirements on {args.repos:,} repositories, {args.runs} runs (median), "
        f"a fresh cache each run; peak RSS of the command alone, measured by {method()}:"
    )
    print(
        f"  listbot: {max(requests)} GraphQL requests (goal <= {MAX_REQUESTS}), wall {wall:.2f} s "
        f"(goal <= {MAX_SECONDS:.0f}), CPU {statistics.median(m.cpu for m in runs):.2f} s, "
        f"peak RSS {max(m.rss_mb for m in runs):.0f} MB"
    )
    print(
        f"  awesome-go's own approach: ~{args.repos * REST_CALLS_PER_REPO:,} REST calls "
        f"(~{REST_CALLS_PER_REPO} per repository)"
    )
    met = wall <= MAX_SECONDS and max(requests) <= MAX_REQUESTS
    print(f"  goals {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
