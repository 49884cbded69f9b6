"""The arXiv check's rules (documentation and metadata) and its ``[arxiv]`` options.

One pass of :func:`listbot.checks.arxiv.check_arxiv` yields these four network rules'
findings, plus ``year-mismatch`` and ``arxiv-invalid-id`` findings that only arXiv's answer
or today's date can decide. ``arxiv-invalid-id`` and ``arxiv-link-form`` need no network
and are offline rules (``listbot/rules/arxiv_*.py``): they work with ``--offline``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from listbot.constraints import METADATA_KEY, HttpUrl, ranged
from listbot.findings import Severity
from listbot.rules.base import Rule, network_only

__all__ = [
    "NOT_FOUND",
    "PUBLISHED",
    "RULES",
    "TITLE_MISMATCH",
    "WITHDRAWN",
    "ArxivOptions",
]

DEFAULT_API_URL = "https://export.arxiv.org/api/query"


@dataclass(frozen=True)
class ArxivOptions:
    """``[arxiv]``: how paper links are checked against arXiv's metadata.

    Which findings appear is chosen like any rule's: ``ignore = ["arxiv-withdrawn"]``,
    ``extend_select = ["arxiv-published"]``.
    """

    enabled: bool = True
    """Look arXiv links up at all (off: no arXiv request and no arxiv-* finding)."""
    api_url: str = field(default=DEFAULT_API_URL, metadata={METADATA_KEY: HttpUrl()})
    """arXiv's export API, or a mirror or test server speaking the same Atom protocol."""
    batch_size: int = ranged(100, 1, 2000)
    """IDs per request (arXiv asks for at most 2000 results a call; 50-100 keep URLs short)."""
    delay: float = ranged(3.0, 0, 60, unit="seconds")
    """Seconds between two requests: arXiv's terms allow one request every three seconds."""
    timeout: float = ranged(30.0, above=0, high=600, unit="seconds")
    """Seconds before one request is given up (the IDs in it are reported as not checked)."""
    retries: int = ranged(2, 0, 10)
    """Extra attempts for a batch after a timeout, a connection error or a 5xx answer."""
    title_similarity: float = ranged(0.5, 0, 1)
    """0..1: below this token overlap an entry's title names a different paper than arXiv's."""
    cache_days: float = ranged(30.0, 0, 3650, unit="days")
    """How long arXiv metadata is reused from the store (a paper's title rarely changes)."""
    not_found_cache_days: float = ranged(1.0, 0, 365, unit="days")
    """How long a "no such paper" answer is reused (new IDs appear every day)."""

    def __post_init__(self) -> None:
        if not 1 <= self.batch_size <= 2000:
            raise ValueError("batch_size must be between 1 and 2000")
        if self.delay < 0 or self.timeout <= 0 or self.retries < 0:
            raise ValueError("delay and retries must be >= 0 and timeout > 0")
        if not 0.0 <= self.title_similarity <= 1.0:
            raise ValueError("title_similarity must be between 0 and 1")
        if self.cache_days < 0 or self.not_found_cache_days < 0:
            raise ValueError("cache_days and not_found_cache_days must be >= 0")
        if not self.api_url.startswith(("http://", "https://")):
            raise ValueError("api_url must be an http:// or https:// URL")


_TAGS = ("arxiv", "papers", "network")

NOT_FOUND = Rule(
    id="arxiv-not-found",
    summary="An arXiv link must point at a paper that arXiv knows.",
    check=network_only,
    severity=Severity.ERROR,
    tags=_TAGS,
    network=True,
    doc="""## What it does
Looks every well-formed arXiv ID up in arXiv's API and reports the IDs arXiv has no paper
for. IDs whose lookup failed (timeout, arXiv down) are not reported: unknown is not missing.

## Why is this bad?
A typo in a digit still gives a well-formed ID; the link then shows "Article not found".

## Example
```markdown
- **Language Models are Few-Shot Learners** [Paper](https://arxiv.org/abs/2005.99999)
```

## Use instead
```markdown
- **Language Models are Few-Shot Learners** [Paper](https://arxiv.org/abs/2005.14165)
```

## Options
`[arxiv]` `api_url`, `batch_size`, `delay`, `timeout`, `retries`, `not_found_cache_days`.
""",
)

TITLE_MISMATCH = Rule(
    id="arxiv-title-mismatch",
    summary="An entry's title must name the paper its arXiv link points at.",
    check=network_only,
    severity=Severity.ERROR,
    tags=_TAGS,
    network=True,
    doc="""## What it does
Compares the title an entry gives (its bold or quoted title, else the link text when it
is a title, else the text before the link) with arXiv's title for the linked ID, and a
short model-name label before the title (`RoBERTa **...**`) with the name arXiv's title
starts with. Case, punctuation, quotes, LaTeX braces, `v2` and a missing subtitle do not
count; a dataset or model name as link text (`[mC4](...)`) is not a title.

## Why is this bad?
Copy-pasted links point at the wrong paper: an entry titled "Megatron-LM: Training
Multi-Billion Parameter Language Models Using Model Parallelism" that links 1910.02054,
which is ZeRO. Readers get a different paper than the one recommended.

## Example
```markdown
- **Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism** [Paper](https://arxiv.org/abs/1910.02054)
```

## Use instead
```markdown
- **Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism** [Paper](https://arxiv.org/abs/1909.08053)
```

## Options
`[arxiv]` `title_similarity` (default 0.5): the share of title words the two titles must
have in common.
""",
)

WITHDRAWN = Rule(
    id="arxiv-withdrawn",
    summary="A linked arXiv paper should not be withdrawn.",
    check=network_only,
    severity=Severity.WARNING,
    tags=_TAGS,
    network=True,
    doc="""## What it does
Reports links to papers whose latest arXiv version is a withdrawal notice.

## Why is this bad?
The authors have retracted the work; a curated list should not recommend it, or should
say that it was withdrawn.

## Example
```markdown
- **A withdrawn result** [Paper](https://arxiv.org/abs/1234.5678)
```

## Use instead
Remove the entry, link the corrected paper, or mark it as withdrawn.
""",
)

PUBLISHED = Rule(
    id="arxiv-published",
    summary="A preprint link can point at the published version that arXiv records.",
    check=network_only,
    severity=Severity.INFO,
    tags=_TAGS,
    enabled=False,
    network=True,
    doc="""## What it does
Reports arXiv papers for which arXiv records a journal reference or a DOI of the
published version. Off by default: select it with `extend_select = ["arxiv-published"]`.

## Why is this bad?
It is not wrong; the peer-reviewed version may differ from the preprint and is the one
to cite.

## Example
```markdown
- **Deep Residual Learning for Image Recognition** [Paper](https://arxiv.org/abs/1512.03385)
```

## Use instead
```markdown
- **Deep Residual Learning for Image Recognition**, CVPR 2016 [Paper](https://arxiv.org/abs/1512.03385)
```
""",
)

RULES: tuple[Rule, ...] = (NOT_FOUND, TITLE_MISMATCH, WITHDRAWN, PUBLISHED)
