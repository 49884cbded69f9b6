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

_WORD = re.compile(r"\w+")


def _is_license(text: str) -> bool:
    """``License``, ``licence``, ``📜 License:``: the word alone, whatever surrounds it.

    One run of word characters, not "strip the non-word edges": a trailing-symbols regex tries
    every start in a long run of symbols, quadratic (a heading with 60,000 ``~`` took 29 s).
    """
    words = _WORD.findall(text)
    return len(words) == 1 and words[0].casefold() in ("license", "licence")


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
