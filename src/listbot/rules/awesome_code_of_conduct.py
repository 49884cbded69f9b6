"""## What it does
When a code of conduct sits beside the list (`code-of-conduct.md` or `code_of_conduct.md`,
in the list's folder or in `.github/`), checks that it is not empty, that the
`[INSERT EMAIL ADDRESS]` placeholder of the Contributor Covenant template was replaced,
and that it does not still name the template's author as the contact.

## Why is this bad?
A code of conduct whose contact address is a placeholder, or someone else's address,
gives people who need to report a problem nowhere to go. awesome-lint's
`awesome-code-of-conduct`.

The rule reads the files found beside the list when it is linted from disk; it stays
silent when the list is linted from text. Findings point at the list (line 1) and name
the place in the code of conduct as a related location.

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
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

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
                "The email placeholder must be replaced with yours",
                related=[Related(line, column, "placeholder in the code of conduct", name)],
            )
        elif _AUTHOR_EMAIL in lowered and options.repository_owner.casefold() != _AUTHOR:
            line, column = _locate(text, _AUTHOR_EMAIL)
            yield RULE.finding(
                origin,
                "The default email must be replaced with yours",
                related=[Related(line, column, "template address in the code of conduct", name)],
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
