"""## What it does
Checks an entry's stated year against the arXiv paper it links. The ID tells when the
preprint appeared (`2005.14165` is May 2020), so an entry that says 2019 for it, or that
says "arXiv 2021" for it, states the wrong year (or links the wrong paper). A venue year
after the preprint's is normal (a 2020 preprint at ICLR 2021) and is not reported, nor is
the year before a January ID (submitted in the last days of December), nor a venue in the
year before the preprint (a NeurIPS 2022 paper posted to arXiv in March 2023).

## Why is this bad?
Paper lists are read by year; a wrong one misplaces the paper in the field's history, and
it is often the visible half of a worse mistake: the entry links a different paper than
the one it names.

## Example
```markdown
- **Language Models are Few-Shot Learners**, arXiv 2021. [Paper](https://arxiv.org/abs/2005.14165)
- **Training Compute-Optimal Large Language Models**, 2021. [Paper](https://arxiv.org/abs/2203.15556)
```

## Use instead
```markdown
- **Language Models are Few-Shot Learners**, arXiv 2020. [Paper](https://arxiv.org/abs/2005.14165)
- **Training Compute-Optimal Large Language Models**, NeurIPS 2022. [Paper](https://arxiv.org/abs/2203.15556)
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding, Severity
from listbot.model import Document, Entry
from listbot.normalize.arxiv_ids import ArxivId
from listbot.normalize.urls import paper_arxiv_id
from listbot.rules.base import FixAvailability, NoOptions, Rule

__all__ = ["RULE", "check", "is_arxiv_venue", "stated_year_conflict"]

_ARXIV_VENUE = re.compile(r"^\W*(?:arxiv|corr)\b", re.IGNORECASE)


def is_arxiv_venue(venue: str | None) -> bool:
    """Whether a stated venue is arXiv itself ("arXiv", "ArXiv preprint", "CoRR")."""
    return bool(venue and _ARXIV_VENUE.match(venue))


def stated_year_conflict(
    stated_year: int, venue: str | None, preprint_year: int, preprint_month: int | None = None
) -> str | None:
    """Why ``stated_year`` contradicts a preprint first posted in ``preprint_year``, or None.

    Pure, for this rule (year from the ID) and the arXiv checks (year and month from the
    API): with arXiv as the venue the years must be equal; with another venue (or none)
    the stated year may be later (publication follows the preprint) but not earlier, except
    that a named venue may be a year earlier (a paper posted to arXiv after the event). A
    January ID may belong to a paper submitted in the last days of December (The Pile,
    ``2101.00027``, is "arXiv 2020"), so with ``preprint_month == 1`` the year before is
    accepted too.
    """
    earliest = preprint_year - 1 if preprint_month == 1 else preprint_year
    if is_arxiv_venue(venue):
        if not earliest <= stated_year <= preprint_year:
            return f"says arXiv {stated_year}, but the preprint is from {preprint_year}"
        return None
    if venue:  # published first, posted to arXiv after: within a year is common
        earliest = min(earliest, preprint_year - 1)
    if stated_year < earliest:
        return f"says {stated_year}, before its arXiv preprint ({preprint_year})"
    return None


def entry_preprint(entry: Entry) -> ArxivId | None:
    """The one arXiv paper an entry links (main link first), or None if none or several."""
    links = (entry.main_link, *entry.links) if entry.main_link is not None else entry.links
    found: dict[str, ArxivId] = {}
    for link in links:
        if link is None or link.is_image:
            continue
        arxiv_id = paper_arxiv_id(link.url)
        if arxiv_id is not None:
            found.setdefault(arxiv_id.id, arxiv_id)
    return next(iter(found.values())) if len(found) == 1 else None


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for entry in doc.all_entries:
        paper = entry.paper
        if paper is None or paper.year is None:
            continue
        preprint = entry_preprint(entry)
        if preprint is None:
            continue
        reason = stated_year_conflict(paper.year, paper.venue, preprint.year, preprint.month)
        if reason is None:
            continue
        yield RULE.finding(
            paper.year_span or entry.span,
            f"Year mismatch: the entry {reason} (arXiv {preprint.id})",
            url=entry.url or None,
            stated_year=paper.year,
            arxiv_id=preprint.id,
            preprint_year=preprint.year,
        )


RULE = Rule(
    id="year-mismatch",
    summary="An entry's stated year must not contradict the arXiv preprint it links.",
    check=check,
    severity=Severity.WARNING,
    tags=("papers", "arxiv"),
    fix=FixAvailability.NEVER,
    doc=__doc__ or "",
)
