"""Contribution policy for linked repositories: github-requirements and max-new-entries.

Rule metadata, options and the pure judgement of one repository's facts against the
policy. The facts come from the repository-health query (:mod:`listbot.github.repos`,
one GraphQL request per 100 repositories) and the checker is
:mod:`listbot.checks.github_repos`; the review (:mod:`listbot.github.review`) shows one
row per added entry and counts new entries. Nothing here imports the network code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from listbot.constraints import ranged
from listbot.findings import Finding, Severity
from listbot.github.repos import RepoFacts, days_since
from listbot.model import Document, Entry
from listbot.rules.base import Rule, network_only

REQUIREMENTS_DOC = """## What it does
Checks each entry that links a GitHub repository against the list's own requirements:
stars, age, recent activity, a licence, a README, CI, a release, given files, not a fork,
not archived. Every requirement is off until configured. All facts for up to 100
repositories come from one GraphQL query (the one the other `github-*` checks use), and
are kept in the store like them.

In `listbot github review` only the entries a pull request adds are judged, so a
repository that ages out never blocks an unrelated pull request; run `listbot lint` on a
schedule to judge the entries already listed.

## Why is this bad?
Lists with entry requirements (awesome-go: a licence, five months of history, CI, a
README, a semver release, a `go.mod`) check them by hand or with a bot of their own, with
several REST calls per repository.

## Example
```toml
[rules.github-requirements]
min_stars = 10
min_age_days = 150
license = true
```
```markdown
- [Foo](https://github.com/someone/created-last-week) - Does foo.
```

## Use instead
Wait until the project meets the requirements, or list it elsewhere.

## Options
- `min_stars`: at least this many stars.
- `min_age_days`: created at least this many days ago.
- `max_idle_days`: pushed to within this many days.
- `license`: a licence GitHub recognises (an SPDX licence, not "Other").
- `readme`: a README at the root of the default branch.
- `ci`: CI configured (a GitHub Actions workflow, or a Travis, GitLab, CircleCI,
  Azure Pipelines or Jenkins configuration at the root).
- `release`: `"any"` release or tag, or a `"semver"` one (`v1.2.3`); `""` for none.
- `files`: paths that must exist on the default branch (e.g. `["go.mod"]`).
- `not_fork`, `not_archived`: not a fork; not archived.

Needs a token (`GITHUB_TOKEN` or `--token`).
"""

NEW_ENTRIES_DOC = """## What it does
Limits how many entries one pull request may add (`listbot github review` only).

## Why is this bad?
Lists such as awesome-go review one project per pull request: a pull request that adds
ten is hard to judge and usually a contributor's own projects.

## Example
```toml
[rules.max-new-entries]
max = 1
```

## Use instead
Open one pull request per entry.

## Options
- `max`: the most entries one pull request may add; 0 (the default) for no limit. An
  entry is new when its first line is added and its link is on no removed line.
"""

RELEASES = ("", "any", "semver")
_SEMVER = re.compile(r"^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$")
_CI_FILES = frozenset(
    {".travis.yml", ".gitlab-ci.yml", ".circleci", "azure-pipelines.yml", "jenkinsfile"}
)
_NON_NEGATIVE = ("min_stars", "min_age_days", "max_idle_days")


@dataclass(frozen=True)
class Options:
    min_stars: int = ranged(0, 0, 10_000_000)
    """At least this many stars (0: not required)."""
    min_age_days: int = ranged(0, 0, 36_500, unit="days")
    """Created at least this many days ago (0: not required)."""
    max_idle_days: int = ranged(0, 0, 36_500, unit="days")
    """Pushed to within this many days (0: not required)."""
    license: bool = False
    """A licence GitHub recognises (an SPDX licence, not "Other")."""
    readme: bool = False
    """A README at the root of the default branch."""
    ci: bool = False
    """CI configured: a GitHub Actions workflow, or Travis, GitLab, CircleCI, Azure, Jenkins."""
    release: str = ""
    """"any" release or tag, or a "semver" one (v1.2.3); "" for none."""
    files: tuple[str, ...] = ()
    """Paths that must exist on the default branch, e.g. ["go.mod"]."""
    not_fork: bool = False
    """Not a fork."""
    not_archived: bool = False
    """Not archived."""

    def __post_init__(self) -> None:
        for name in _NON_NEGATIVE:
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.release not in RELEASES:
            raise ValueError(f'release must be one of "any", "semver" or "", not {self.release!r}')

    @property
    def active(self) -> bool:
        """Whether any requirement is set."""
        return self != Options()


@dataclass(frozen=True)
class NewEntriesOptions:
    max: int = ranged(0, 0, 100_000)
    """The most entries one pull request may add (0: no limit)."""

    def __post_init__(self) -> None:
        if self.max < 0:
            raise ValueError("max must not be negative")


@dataclass(frozen=True)
class Check:
    """One fact about a repository, and whether it meets the policy (None: not required)."""

    label: str
    value: str
    ok: bool | None = None
    needs: str = ""
    """What the policy asks, for messages (``at least 10``)."""


def _semver(tag: str | None) -> bool:
    return bool(tag) and _SEMVER.match(tag or "") is not None


def _age(days: float | None) -> str:
    if days is None:
        return "unknown"
    if days < 60:
        return f"{int(days)} days"
    if days < 730:
        return f"{int(days // 30)} months"
    return f"{days / 365:.1f} years"


def judge(facts: RepoFacts, options: Options, now: float) -> list[Check]:
    """The facts a review shows for one repository, each judged against the policy. The
    first six are always there (stars, age, last push, licence, archived, release)."""
    age = days_since(facts.created_at, now)
    idle = days_since(facts.pushed_at, now)
    release = facts.release or facts.latest_tag
    licence = facts.license if facts.license and facts.license != "NOASSERTION" else None
    checks = [
        Check(
            "stars",
            f"{facts.stars:,}",
            facts.stars >= options.min_stars if options.min_stars else None,
            f"at least {options.min_stars:,}",
        ),
        Check(
            "age",
            _age(age),
            age is not None and age >= options.min_age_days if options.min_age_days else None,
            f"at least {options.min_age_days} days",
        ),
        Check(
            "last push",
            f"{_age(idle)} ago" if idle is not None else "never",
            idle is not None and idle <= options.max_idle_days if options.max_idle_days else None,
            f"within {options.max_idle_days} days",
        ),
        Check(
            "licence",
            licence or ("other" if facts.license else "none"),
            licence is not None if options.license else None,
            "a licence GitHub recognises",
        ),
        Check(
            "archived",
            "yes" if facts.archived else "no",
            not facts.archived if options.not_archived else None,
            "not archived",
        ),
        Check(
            "release",
            release or "none",
            (_semver(release) if options.release == "semver" else release is not None)
            if options.release
            else None,
            "a semver release" if options.release == "semver" else "a release or tag",
        ),
    ]
    if options.not_fork:
        checks.append(Check("fork", "yes" if facts.fork else "no", not facts.fork, "not a fork"))
    if options.readme:
        has = any(name.lower().startswith("readme") for name in facts.root_files)
        checks.append(Check("README", "yes" if has else "no", has, "a README"))
    if options.ci:
        has = facts.workflows > 0 or bool({n.lower() for n in facts.root_files} & _CI_FILES)
        checks.append(Check("CI", "yes" if has else "no", has, "CI configured"))
    for path in options.files:
        has = bool(facts.files.get(path))
        checks.append(Check(path, "yes" if has else "no", has, f"a {path}"))
    return checks


def failures(checks: Sequence[Check]) -> list[Check]:
    return [check for check in checks if check.ok is False]


def describe(check: Check) -> str:
    """``"3 stars (needs at least 10)"``-style text for a failed check."""
    if check.label in ("stars",):
        return f"{check.value} stars (needs {check.needs})"
    if check.label in ("age",):
        return f"created {check.value} ago (needs {check.needs})"
    if check.label == "last push":
        return f"last push {check.value} (needs {check.needs})"
    return f"{check.label}: {check.value} (needs {check.needs})"


@dataclass(frozen=True)
class EntryPolicy:
    """One entry a pull request adds, with the facts behind the policy: a review row."""

    file: str
    line: int
    name: str
    url: str
    section: str
    repo: str
    checks: tuple[Check, ...]
    missing: bool = False

    @property
    def ok(self) -> bool:
        return not self.missing and not failures(self.checks)


REQUIREMENTS = Rule(
    id="github-requirements",
    summary="Linked GitHub repositories should meet the list's own requirements.",
    check=network_only,
    severity=Severity.ERROR,
    tags=("github", "policy"),
    network=True,
    options=Options,
    doc=REQUIREMENTS_DOC,
)
NEW_ENTRIES = Rule(
    id="max-new-entries",
    summary="A pull request should add no more entries than the list allows.",
    check=network_only,
    severity=Severity.ERROR,
    tags=("github", "policy"),
    network=True,
    options=NewEntriesOptions,
    doc=NEW_ENTRIES_DOC,
)
RULES = (REQUIREMENTS, NEW_ENTRIES)


def judge_entry(
    document: Document, entry: Entry, facts: RepoFacts, options: Options, now: float
) -> tuple[EntryPolicy, Finding | None]:
    """The review row of one entry and, when it fails the policy, its finding."""
    link = entry.main_link
    assert link is not None
    repo = facts.name_with_owner or link.url
    checks = () if facts.missing else tuple(judge(facts, options, now))
    row = EntryPolicy(
        file=document.path,
        line=entry.line,
        name=link.text,
        url=link.url,
        section=" › ".join(entry.section[1:] or entry.section),
        repo=repo,
        checks=checks,
        missing=facts.missing,
    )
    failed = failures(checks)
    if not failed:
        return row, None
    message = f"GitHub repository {repo} does not meet this list's requirements: " + "; ".join(
        describe(check) for check in failed
    )
    finding = REQUIREMENTS.finding(
        link.span, message, url=link.url, failed=[check.label for check in failed]
    ).with_(file=document.path)
    return row, finding
