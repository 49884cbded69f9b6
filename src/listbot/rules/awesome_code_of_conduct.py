"""## What it does
When a code of conduct sits beside the list (`code-of-conduct.md` or `code_of_conduct.md`,
in the list's folder or in `.github/`), checks that it is not empty, that the
`[INSERT EMAIL ADDRESS]` placeholder of the Contributor Covenant template was replaced,
and that it does not still name the template's author as the contact, unless the list
is the template author's.

## Why is this bad?
A code of conduct whose contact address is a placeholder, or someone else's address,
gives people who need to report a problem nowhere to go. awesome-lint's
`awesome-code-of-conduct`.

The rule reads the files found beside the list when it is linted from disk; it stays
silent when the list is linted from text. Findings point at the list (line 1); the
message names the place in the code of conduct (`code-of-conduct.md:58`), and so does
the related location (with its `file`) in JSON, SARIF and review output.

The list's owner is found as awesome-lint finds it, and then some: the
`repository_owner` option (which `listbot lint` fills from `GITHUB_REPOSITORY` in GitHub
Actions when the configuration sets none), `package.json`'s `repository` and `author`
beside the list, and the list folder's git remote. The template author's address is
allowed when any of them names the template author.

## Example
```markdown
reported by contacting the project team at [INSERT EMAIL ADDRESS].
```

## Use instead
```markdown
reported by contacting the project team at conduct@example.org.
```

## Options
`repository_owner`: the GitHub owner of the list's repository. The template author's
address is allowed when the owner is the template author.

## Differences from awesome-lint
awesome-lint reports on the code of conduct file itself; listbot reports on the list
and names the file and line. awesome-lint 2.3.0 looks for the placeholder as a
reference link, which `[INSERT EMAIL ADDRESS]` without a definition is not, so it never
reports it (its test for it is skipped); listbot finds the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from listbot.findings import Finding, Related
from listbot.model import Document, Span
from listbot.rules.base import Rule

_NAMES = (
    "code-of-conduct.md",
    "code_of_conduct.md",
    ".github/code-of-conduct.md",
    ".github/code_of_conduct.md",
)
_PLACEHOLDER = "[insert email address]"
_AUTHOR = "sindresorhus"
_AUTHOR_EMAIL = "sindresorhus@gmail.com"
_GITHUB_OWNER = re.compile(
    r"^(?:git\+)?(?:(?:https?|ssh|git)://)?(?:[^@/]+@)?github\.com[:/]+([^/:\s]+)/", re.I
)
_SHORTHAND = re.compile(r"^(?:github:)?([A-Za-z0-9][A-Za-z0-9-]*)/[\w.-]+$")


@dataclass(frozen=True)
class Options:
    repository_owner: str = ""
    """GitHub owner of the list's repository; the template's author may keep its address."""


def _locate(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first case-insensitive occurrence of ``needle``."""
    index = text.casefold().find(needle)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def github_owner(url: str) -> str | None:
    """The owner in a repository reference: a GitHub URL in any clone form, or
    ``owner/repo`` / ``github:owner/repo`` as package.json writes it."""
    url = url.strip()
    match = _GITHUB_OWNER.match(url) or _SHORTHAND.match(url)
    return match.group(1) if match else None


def _package_owners(text: str) -> set[str]:
    """Owners named by package.json: its repository's owner, and its author's when the
    author is written as the template author (name, e-mail or GitHub URL)."""
    try:
        data: Any = json.loads(text)
    except ValueError:
        return set()
    if not isinstance(data, dict):
        return set()
    owners: set[str] = set()
    repository = data.get("repository")
    if isinstance(repository, dict):
        repository = repository.get("url")
    if isinstance(repository, str) and (owner := github_owner(repository)):
        owners.add(owner)
    author = data.get("author")
    if isinstance(author, dict):
        author = " ".join(str(value) for value in author.values())
    if isinstance(author, str) and _AUTHOR in author.casefold():
        owners.add(_AUTHOR)
    return owners


def list_owners(doc: Document, options: Options) -> set[str]:
    """Every owner the list is known by (case-folded), from the option, package.json and
    the git remote."""
    owners = {options.repository_owner} if options.repository_owner else set()
    package = (doc.companions or {}).get("package.json")
    if package:
        owners |= _package_owners(package)
    if doc.origin and (owner := github_owner(doc.origin)):
        owners.add(owner)
    return {owner.casefold() for owner in owners}


def check(doc: Document, options: Options) -> Iterator[Finding]:
    if doc.companions is None:
        return
    origin = Span(1, 1, 1, 1)
    for name in _NAMES:
        text = doc.companions.get(name)
        if text is None:
            continue
        if not text.strip():
            yield RULE.finding(origin, f"{name} file must not be empty")
            continue
        lowered = text.casefold()
        if _PLACEHOLDER in lowered:
            line, column = _locate(text, _PLACEHOLDER)
            yield RULE.finding(
                origin,
                f"The email placeholder must be replaced with yours ({name}:{line})",
                related=[Related(line, column, file=name)],
            )
        elif _AUTHOR_EMAIL in lowered and _AUTHOR not in list_owners(doc, options):
            line, column = _locate(text, _AUTHOR_EMAIL)
            yield RULE.finding(
                origin,
                f"The default email must be replaced with yours ({name}:{line})",
                related=[Related(line, column, file=name)],
            )


RULE = Rule(
    id="awesome-code-of-conduct",
    summary="A code of conduct beside the list must be filled in, with the maintainer's address.",
    check=check,
    tags=("awesome-lint", "files"),
    options=Options,
    doc=__doc__ or "",
    aliases=("code-of-conduct",),
)
