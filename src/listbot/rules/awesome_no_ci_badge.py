"""## What it does
Reports continuous-integration status badges: Travis CI, CircleCI, AppVeyor, GitHub
Actions (`…/actions/workflows/…/badge.svg`, shields.io `github/actions/workflow/status`),
GitLab pipelines, Azure Pipelines, Drone, Buildkite, Jenkins, and any image whose alt
text or title says "build status".

A badge inside an entry shows that *project's* build, not the list's: lists that give
every entry its build badge do so on purpose, so those badges are reported once, as a
warning that counts them, not as an error on every entry.

## Why is this bad?
A list is not software: a green build badge tells the reader nothing about the list's
quality and a red one only advertises a broken link checker. The Awesome guidelines
forbid CI badges. awesome-lint's `awesome-no-ci-badge`, which misses GitHub Actions
badges; this rule catches them.

## Example
```markdown
# Awesome Foo [![CI](https://github.com/me/awesome-foo/actions/workflows/ci.yml/badge.svg)](https://github.com/me/awesome-foo/actions)
```

## Use instead
Remove the badge; keep the CI job.

## Differences from awesome-lint
- GitHub Actions, GitLab, Azure, Drone, Buildkite, Jenkins, AppVeyor and Cirrus badges are
  caught, and so are badges written as HTML `<img>`.
- Badges inside entries (the projects' builds) are one warning for the whole list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding, Severity
from listbot.model import Document
from listbot.rules.base import NoOptions, Rule

_CI_URL = re.compile(
    r"travis-ci\.(?:org|com)|circleci\.com|ci\.appveyor\.com|appveyor\.com/api/projects/status"
    r"|/actions/workflows/[^/?#]+/badge\.svg|/workflows/[^?#]*/badge\.svg"
    r"|img\.shields\.io/(?:github/(?:actions/)?workflow/status|travis|circleci|appveyor"
    r"|gitlab/pipeline|azure-devops/build|jenkins|drone|buildkite|cirrus)"
    r"|/badges/[^?#]*/pipeline\.svg|dev\.azure\.com/[^?#]*/_apis/build/status"
    r"|badge\.buildkite\.com|cloud\.drone\.io/api/badges|api\.cirrus-ci\.com/github"
    r"|/buildStatus/icon|semaphoreci\.com/api/v1/[^?#]*/badge",
    re.IGNORECASE,
)
_CI_TEXT = re.compile(r"\bbuild[\s_-]*status\b|\btravis\b|\bcircle\s*ci\b", re.IGNORECASE)


def is_ci_badge(url: str, text: str, title: str | None) -> bool:
    """Whether an image with this source, alt text and title is a CI status badge."""
    return bool(_CI_URL.search(url) or _CI_TEXT.search(text) or (title and _CI_TEXT.search(title)))


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    in_entries = {id(link) for entry in doc.all_entries for link in entry.links if link.is_image}
    entry_badges = []
    for link in doc.links:
        if link.is_image and is_ci_badge(link.url, link.text, link.title):
            if id(link) in in_entries:
                entry_badges.append(link)
            else:
                yield RULE.finding(link.span, "Readme must not contain CI badge", url=link.url)
    if entry_badges:
        count = len(entry_badges)
        yield RULE.finding(
            entry_badges[0].span,
            f"{count} entr{'y shows its' if count == 1 else 'ies show their'} project's CI "
            "badge: the Awesome guidelines want no CI badges in a list; reported once for the "
            "list",
            url=entry_badges[0].url,
            severity=Severity.WARNING,
            count=count,
        )


RULE = Rule(
    id="awesome-no-ci-badge",
    summary="The list must not show continuous-integration status badges.",
    check=check,
    tags=("awesome-lint", "badges"),
    doc=__doc__ or "",
    aliases=("no-ci-badge",),
)
