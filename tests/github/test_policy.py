"""Contribution policy through the fake GitHub: github-requirements and max-new-entries in a
pull-request review, the summary table, one GraphQL request, the write pause."""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from listbot.api import lint_paths
from listbot.checks.github_requirements import Options, judge
from listbot.cli import main
from listbot.config import Config, config_from_mapping
from listbot.findings import Severity
from listbot.github.api import GitHubClient
from listbot.github.options import GithubOptions
from listbot.github.repos import RepoFacts, build_query
from listbot.github.review import PullTarget, run_review
from tests.github.fake_github import FakeGitHub
from tests.github.fake_graphql import Repositories, errors_of, needs_github_schema, repository

HEAD = "e" * 40
DAY = 86400.0


def _days_ago(days: float) -> str:
    then = datetime.now(timezone.utc) - timedelta(days=days)
    return then.strftime("%Y-%m-%dT%H:%M:%SZ")


BEFORE = [
    "- [Atlas](https://github.com/old/atlas) - Maps.",
    "- [Gin](https://github.com/old/gin) - Web.",
    "- [Zap](https://github.com/old/zap) - Logs.",
]
ADDED = {
    "Beacon": "- [Beacon](https://github.com/fresh/beacon) - Fine in every way.",
    "Crate": "- [Crate](https://github.com/fresh/crate) - Archived.",
    "Delta": "- [Delta](https://github.com/fresh/delta) - Created last month.",
    "Ember": "- [Ember](https://github.com/fresh/ember) - No licence.",
}
REPOS = {
    "old/atlas": repository(),
    "old/gin": repository(),
    "old/zap": repository(),
    "fresh/beacon": repository(stars=1234, created=_days_ago(900), pushed=_days_ago(3)),
    "fresh/crate": repository(archived=True),
    "fresh/delta": repository(created=_days_ago(30)),
    "fresh/ember": repository(license=None),
}
POLICY = {
    "min_stars": 10,
    "min_age_days": 150,
    "license": True,
    "not_archived": True,
    "release": "semver",
}


def _pull(fake: FakeGitHub) -> None:
    lines = [BEFORE[0], *ADDED.values(), *BEFORE[1:]]
    text = "# Awesome Go-ish\n\n## Things\n\n" + "\n".join(lines) + "\n"
    patch = "@@ -5,3 +5,7 @@\n " + BEFORE[0] + "\n"
    patch += "".join(f"+{line}\n" for line in ADDED.values())
    patch += "".join(f" {line}\n" for line in BEFORE[1:])
    fake.add_pull(7, HEAD, {"README.md": (patch, text)})


def _config(**extra: Any) -> Config:
    return config_from_mapping(
        {
            "extend_select": ["github-requirements"],
            "links": {"exclude": ["^https://github[.]com/"]},
            "rules": {"github-requirements": POLICY, **extra},
        }
    )


def _review(fake: FakeGitHub, client: GitHubClient, config: Config, store: Path | None = None):
    network = {"store_path": str(store) if store else None, "github_token": "t"}
    network["github_api_url"] = fake.api_url

    def lint(documents, lines):  # what `listbot github review` passes, minus the CLI
        return lint_paths([], config, lines=lines, documents=documents, options=network)

    return run_review(client, PullTarget("octo/list", 7, HEAD), GithubOptions(), lint, config)


@needs_github_schema
def test_a_pull_request_adding_four_entries(fake: FakeGitHub, client: GitHubClient) -> None:
    _pull(fake)
    graphql = Repositories(REPOS)
    fake.graphql_handler = graphql
    outcome = _review(fake, client, _config())

    errors = sorted((f.line, f.rule) for f in outcome.findings if f.severity is Severity.ERROR)
    assert errors == [
        (7, "github-requirements"),
        (8, "github-requirements"),
        (9, "github-requirements"),
    ]
    messages = {f.line: f.message for f in outcome.findings if f.rule == "github-requirements"}
    assert "archived: yes (needs not archived)" in messages[7]
    assert "created 30 days ago (needs at least 150 days)" in messages[8]
    assert "licence: none (needs a licence GitHub recognises)" in messages[9]

    # the whole policy, for seven repositories, is one GraphQL request
    assert len(fake.graphql_requests()) == 1
    assert len(graphql.queries) == 1

    (review,) = [r for r in fake.requests if r.method == "POST" and r.path.endswith("/reviews")]
    assert sorted(
        c["line"] for c in review.json["comments"] if "github-requirements" in c["body"]
    ) == [7, 8, 9]
    (summary,) = [c["body"] for c in fake.issue_comments]
    table = summary.split("### Entries this pull request adds", 1)[1]
    rows = {
        name: next(r for r in table.splitlines() if r.startswith(f"| {name}")) for name in ADDED
    }
    assert set(rows) == set(ADDED)
    assert "1,234 ✔" in rows["Beacon"] and "✔ meets the requirements" in rows["Beacon"]
    assert "`https://github.com/fresh/beacon`" in rows["Beacon"]
    assert "| Things |" in rows["Beacon"]
    assert "MIT ✔" in rows["Beacon"] and "v1\\.0\\.0 ✔" in rows["Beacon"]
    assert "yes ✘" in rows["Crate"] and "✘ fails: archived" in rows["Crate"]
    assert "30 days ✘" in rows["Delta"] and "✘ fails: age" in rows["Delta"]
    assert "none ✘" in rows["Ember"] and "✘ fails: licence" in rows["Ember"]
    for row in rows.values():  # every fact has a cell: stars, age, push, licence, archived, release
        assert row.count("|") == 11
    assert "Atlas" not in table, "only the entries the pull request adds get a row"


@needs_github_schema
def test_entry_text_in_the_table_is_escaped(fake: FakeGitHub, client: GitHubClient) -> None:
    evil = "- [<img src=x onerror=alert(1)> @admin #1](https://github.com/fresh/beacon) - Hi."
    text = "# List\n\n## Things\n\n" + evil + "\n"
    fake.add_pull(7, HEAD, {"README.md": ("@@ -0,0 +5,1 @@\n+" + evil, text)})
    fake.graphql_handler = Repositories(REPOS)
    _review(fake, client, _config())
    (summary,) = [c["body"] for c in fake.issue_comments]
    row = next(r for r in summary.splitlines() if "beacon" in r)
    assert "<img" not in row and "onerror" not in row  # inline HTML is not link text
    assert "@admin" not in row and "@\u200badmin" in row  # no mention
    assert "#1" not in row  # no issue reference


def test_max_new_entries(fake: FakeGitHub, client: GitHubClient) -> None:
    _pull(fake)
    fake.graphql_handler = Repositories(REPOS)
    outcome = _review(fake, client, _config(**{"max-new-entries": {"max": 1}}))
    (finding,) = [f for f in outcome.findings if f.rule == "max-new-entries"]
    assert finding.line == 7  # the second new entry
    assert finding.message == (
        "This pull request adds 4 entries; this list takes at most 1 per pull request"
    )


@needs_github_schema
def test_facts_are_cached(fake: FakeGitHub, client: GitHubClient, tmp_path: Path) -> None:
    _pull(fake)
    fake.graphql_handler = Repositories(REPOS)
    store = tmp_path / "store.sqlite"
    first = _review(fake, client, _config(), store)
    again = _review(fake, client, _config(), store)
    assert len(fake.graphql_requests()) == 1
    assert [f.line for f in first.findings] == [f.line for f in again.findings]
    # a policy that asks for a file the stored facts do not answer asks GitHub again
    _review(
        fake, client, _config(**{"github-requirements": {**POLICY, "files": ["go.mod"]}}), store
    )
    assert len(fake.graphql_requests()) == 2
    assert 'object(expression: "HEAD:go.mod")' in fake.graphql_requests()[-1].json["query"]


@needs_github_schema
def test_the_policy_query_is_valid_against_githubs_schema() -> None:
    query = build_query([("a", "b"), ("c", "d")], policy=True, files=["go.mod", "cmd/x/main.go"])
    assert errors_of(query) == []
    assert errors_of(query.replace("stargazerCount", "stargazersCount"))


# -- pure judgement ------------------------------------------------------------------------

NOW = 1_800_000_000.0


def _checks(facts: RepoFacts, **policy: Any) -> dict[str, bool | None]:
    return {c.label: c.ok for c in judge(facts, Options(**policy), NOW)}


def test_judge_each_requirement() -> None:
    facts = RepoFacts(
        policy=True,
        stars=5,
        created_at="2026-12-01T00:00:00Z",  # ~45 days before NOW
        pushed_at="2020-01-01T00:00:00Z",
        license="NOASSERTION",
        release="release-2",
        root_files=("readme.rst", ".travis.yml"),
        fork=True,
        files={"go.mod": True},
    )
    assert _checks(facts) == {
        "stars": None,
        "age": None,
        "last push": None,
        "licence": None,
        "archived": None,
        "release": None,
    }
    judged = _checks(
        facts,
        min_stars=5,
        min_age_days=60,
        max_idle_days=365,
        license=True,
        readme=True,
        ci=True,
        release="semver",
        files=("go.mod",),
        not_fork=True,
        not_archived=True,
    )
    assert judged == {
        "stars": True,
        "age": False,
        "last push": False,
        "licence": False,  # "Other" is not a licence GitHub recognises
        "archived": True,
        "release": False,  # not semver
        "fork": False,
        "README": True,
        "CI": True,
        "go.mod": True,
    }
    assert _checks(facts, release="any")["release"] is True


# -- configuration -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('min_stars = "ten"', "min_stars"),
        ("min_age_days = -1", "min_age_days"),
        ("minimum_stars = 3", "minimum_stars"),
        ('release = "newest"', "release"),
    ],
)
def test_bad_policy_exits_2_with_one_line_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, key: str
) -> None:
    (tmp_path / "listbot.toml").write_text(f"[rules.github-requirements]\n{table}\n")
    readme = tmp_path / "README.md"
    readme.write_text("# List\n\n- [A](https://github.com/a/b) - A.\n")
    assert main(["lint", "--offline", "--config", str(tmp_path / "listbot.toml"), str(readme)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and key in err[0] and "github-requirements" in err[0]


# -- PyGithub's write pause ----------------------------------------------------------------


@needs_github_schema
def test_queries_do_not_wait_but_writes_do(fake: FakeGitHub) -> None:
    fake.graphql_handler = Repositories(REPOS)
    with GitHubClient("t", api_url=fake.api_url, retry=False) as throttled:  # default pauses
        start = time.monotonic()
        for _ in range(3):
            throttled.graphql(build_query([("old", "atlas")], policy=True))
        queries = time.monotonic() - start
        fake.add_issue("x", "", [])
        start = time.monotonic()
        throttled.create_issue_comment("octo/list", 1, "one")
        throttled.create_issue_comment("octo/list", 1, "two")
        writes = time.monotonic() - start
    assert queries < 1.0, "three GraphQL queries must not wait a second each"
    assert writes >= 0.9, "two comments keep GitHub's pause between writes"


def test_the_readme_shows_awesome_gos_policy_as_a_valid_listbot_toml() -> None:
    import re

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"```toml\n(# listbot.toml: awesome-go's contribution policy.*?)```", readme, re.S
    )
    assert block is not None
    config = config_from_mapping(tomllib.loads(block.group(1)), source="README.md")
    policy = config.rule_options("github-requirements")
    assert policy.active and policy.files == ("go.mod",) and policy.release == "semver"
    assert config.rule_options("max-new-entries").max == 1
    assert config.rule_options("alphabetical-order").mode == "on"


# -- alphabetical order in a review ---------------------------------------------------------


def _order_review(fake: FakeGitHub, client: GitHubClient, lines: list[str], added: int):
    text = "# List\n\n## Things\n\n" + "\n".join(lines) + "\n"
    hunk = [(" " if index != added else "+") + line for index, line in enumerate(lines)]
    patch = f"@@ -5,{len(lines) - 1} +5,{len(lines)} @@\n" + "\n".join(hunk)
    fake.add_pull(7, HEAD, {"README.md": (patch, text)})
    config = config_from_mapping(
        {"select": ["alphabetical-order"], "rules": {"alphabetical-order": {"mode": "on"}}}
    )

    def lint(documents, lines_):
        return lint_paths([], config, offline=True, lines=lines_, documents=documents)

    run_review(client, PullTarget("octo/list", 7, HEAD), GithubOptions(), lint, config)
    (review,) = [r for r in fake.requests if r.method == "POST" and r.path.endswith("/reviews")]
    (comment,) = review.json["comments"]
    return comment


ENTRIES = [
    f"- [{name}](https://e.com/{name.lower()}) - {name}."
    for name in ["Alpha", "Bravo", "Delta", "Echo", "Golf"]
]


def test_a_move_past_one_neighbour_is_a_suggestion(fake: FakeGitHub, client: GitHubClient) -> None:
    charlie = "- [Charlie](https://e.com/charlie) - Charlie."
    lines = [*ENTRIES[:3], charlie, *ENTRIES[3:]]  # Alpha Bravo Delta Charlie Echo Golf
    comment = _order_review(fake, client, lines, added=3)
    assert (comment["start_line"], comment["line"]) == (7, 8)  # Delta and Charlie
    assert f"```suggestion\n{charlie}\n{ENTRIES[2]}\n```" in comment["body"]


def test_a_far_move_says_where_the_entry_belongs(fake: FakeGitHub, client: GitHubClient) -> None:
    foxtrot = "- [Foxtrot](https://e.com/foxtrot) - Foxtrot."
    lines = [ENTRIES[0], foxtrot, *ENTRIES[1:]]  # Foxtrot belongs after Echo, 3 entries down
    comment = _order_review(fake, client, lines, added=1)
    assert "suggestion" not in comment["body"] and "start_line" not in comment
    assert comment["line"] == 6
    assert 'it belongs after "Echo"' in comment["body"]
