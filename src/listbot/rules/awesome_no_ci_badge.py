"""## What it does
Reports continuous-integration status badges: Travis CI, CircleCI, AppVeyor, GitHub
Actions (`…/actions/workflows/…/badge.svg`, shields.io `github/actions/workflow/status`),
GitLab pipelines, Azure Pipelines, Drone, Buildkite, Jenkins, and any image whose alt
text or title says "build status".

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
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding
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
    for link in doc.links:
        if link.is_image and is_ci_badge(link.url, link.text, link.title):
            yield RULE.finding(link.span, "Readme must not contain CI badge", url=link.url)


RULE = Rule(
    id="awesome-no-ci-badge",
    summary="The list must not show continuous-integration status badges.",
    check=check,
    tags=("awesome-lint", "badges"),
    doc=__doc__ or "",
    aliases=("no-ci-badge",),
)
