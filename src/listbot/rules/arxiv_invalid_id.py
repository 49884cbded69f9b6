"""## What it does
Checks every arXiv identifier in links (abs, pdf, html, ar5iv, alphaXiv, the
`10.48550/arXiv.` DOI) and in `arXiv:ID` text against arXiv's identifier scheme:
`YYMM.NNNN` through December 2014, `YYMM.NNNNN` from January 2015, a real month, and
old-style `archive/YYMMNNN` IDs of a real archive from July 1991 to March 2007. The
network check adds IDs dated in the future (it knows today's date; rules do not).

## Why is this bad?
The link leads to an error page and readers cannot find the paper. A malformed ID is
never sent to arXiv: one would make a whole batch of 100 lookups fail with HTTP 400.

## Example
```markdown
- **Attention Is All You Need** [Paper](https://arxiv.org/abs/1706.037622)
- **Deep Residual Learning for Image Recognition** [Paper](https://arxiv.org/abs/1512.3385)
```

## Use instead
```markdown
- **Attention Is All You Need** [Paper](https://arxiv.org/abs/1706.03762)
- **Deep Residual Learning for Image Recognition** [Paper](https://arxiv.org/abs/1512.03385)
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from listbot.findings import Finding, Severity
from listbot.model import Document
from listbot.normalize.arxiv_ids import validate
from listbot.normalize.arxiv_refs import collect_refs
from listbot.rules.base import NoOptions, Rule

__all__ = ["RULE", "check"]

NO_FUTURE = date.max
"""Validation without the clock: nothing is in the future (the network check does that)."""


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for ref in collect_refs(doc):
        reason = validate(ref.written, NO_FUTURE)
        if reason is not None:
            yield RULE.finding(ref.span, f"Invalid arXiv ID {ref.written!r}: {reason}", url=ref.url)


RULE = Rule(
    id="arxiv-invalid-id",
    summary="An arXiv link or `arXiv:` reference must carry a well-formed identifier.",
    check=check,
    severity=Severity.ERROR,
    tags=("arxiv", "papers"),
    doc=__doc__ or "",
)
