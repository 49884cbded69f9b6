"""Rule metadata of the repository-health checks (ids, docs), without the checker.

Kept apart from :mod:`listbot.checks.github_repos` so that the rule registry, which every
``listbot`` command loads, does not import asyncio and the GitHub client code.
"""

from __future__ import annotations

from listbot.findings import Severity
from listbot.rules.base import FixAvailability, Rule, network_only

ARCHIVED_DOC = """## What it does
Reports links to GitHub repositories that their owners have archived (read-only).

## Why is this bad?
An archived project gets no fixes or security updates; readers of a curated list expect
maintained recommendations, or at least a note saying the project is archived.

## Example
```markdown
- [Foo](https://github.com/old/foo) - Does foo.
```

## Use instead
Move the entry to an "Archived" section (listed in `[allow] sections`), point to a
maintained fork, or remove it.

## Options
Needs a token (`GITHUB_TOKEN` or `--token`); GitHub Enterprise via `GITHUB_API_URL`.
"""

MOVED_DOC = """## What it does
Reports links to GitHub repositories that were renamed or transferred, with the new URL.

## Why is this bad?
GitHub redirects the old name only until someone creates a repository under it; then the
link silently points to a different project.

## Example
```markdown
- [Foo](https://github.com/old-owner/foo) - Does foo.
```

## Use instead
```markdown
- [Foo](https://github.com/new-owner/foo) - Does foo.
```

## Fix safety
Safe: replaces the `owner/name` part of the URL as written with the name GitHub reports,
keeping the rest of the path. Links whose URL is not written verbatim get no fix, and so
does a name from the API that is not a valid `owner/name` or a URL that cannot be written
safely where the link is (the finding says why).
"""

MISSING_DOC = """## What it does
Reports links to GitHub repositories that do not exist (deleted, or private).

## Why is this bad?
The entry recommends something nobody can see.

## Example
```markdown
- [Foo](https://github.com/someone/deleted-repo) - Does foo.
```

## Use instead
Find the project's new home or remove the entry.
"""

STALE_DOC = """## What it does
Reports GitHub repositories with no push for `[github] stale_days` days (365 by default).
Off by default: a finished project can be perfectly good.

## Why is this bad?
Lists that promise "actively maintained" projects drift as projects go quiet.

## Example
```markdown
- [Foo](https://github.com/someone/quiet) - Last push three years ago.
```

## Use instead
Check whether the project is still the best choice; move it to an "Inactive" section.

## Options
`[github] stale_days`.
"""


ARCHIVED = Rule(
    id="github-archived",
    summary="Linked GitHub repositories should not be archived.",
    check=network_only,
    severity=Severity.WARNING,
    tags=("github",),
    network=True,
    doc=ARCHIVED_DOC,
)
MOVED = Rule(
    id="github-moved",
    summary="Links to renamed or transferred GitHub repositories should use the new name.",
    check=network_only,
    severity=Severity.WARNING,
    tags=("github",),
    fix=FixAvailability.SOMETIMES,
    network=True,
    doc=MOVED_DOC,
)
MISSING = Rule(
    id="github-missing",
    summary="Linked GitHub repositories must exist.",
    check=network_only,
    tags=("github",),
    network=True,
    doc=MISSING_DOC,
)
STALE = Rule(
    id="github-stale",
    summary="Linked GitHub repositories should have been pushed to recently.",
    check=network_only,
    severity=Severity.INFO,
    tags=("github",),
    enabled=False,
    network=True,
    doc=STALE_DOC,
)
RULES = (ARCHIVED, MOVED, MISSING, STALE)
