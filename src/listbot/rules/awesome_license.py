"""## What it does
Reports a section whose heading is `License` or `Licence`.

## Why is this bad?
The Awesome guidelines ask for the licence to live in a `license` file, where GitHub
detects it and shows it in the sidebar, not in a section of the list: a README section
adds length to every visit and is not machine-readable. awesome-lint's `awesome-license`.

## Example
```markdown
## License

CC0
```

## Use instead
Delete the section and put the licence text in a `license` (or `LICENSE`) file beside
the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding
from listbot.model import Document
from listbot.rules.base import NoOptions, Rule

_EDGES = re.compile(r"^\W+|\W+$")


def _is_license(text: str) -> bool:
    """``License``, ``licence``, ``📜 License:``: the word alone, whatever surrounds it."""
    return _EDGES.sub("", text).casefold() in ("license", "licence")


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for heading in doc.headings:
        if _is_license(heading.text):
            yield RULE.finding(heading.span, "Forbidden license section found")


RULE = Rule(
    id="awesome-license",
    summary="The list must not have a License section; the licence belongs in its own file.",
    check=check,
    tags=("awesome-lint", "structure"),
    doc=__doc__ or "",
    aliases=("license",),
)
