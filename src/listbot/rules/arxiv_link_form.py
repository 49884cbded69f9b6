"""## What it does
Reports arXiv links in a form readers are worse off with: a PDF (`/pdf/ID`, `.pdf`), a
pinned version (`v2`), plain `http://`, or the `www.`/`export.` hosts; optionally mirrors
(ar5iv, alphaXiv) and the HTML rendering.

A PDF link whose text says so (`[pdf](https://arxiv.org/pdf/…)`) is what its author
meant and is not reported. A form that most of a list's arXiv links share (a paper list
that links every PDF) is the list's convention: it is reported once, not on every link.

## Why is this bad?
The abstract page shows the title, authors, every version and all formats, works on
phones, and is the form that duplicate checks and search engines recognise. A versioned
link silently hides later corrections.

## Example
```markdown
- **Llama 2: Open Foundation and Fine-Tuned Chat Models** [Paper](https://arxiv.org/pdf/2307.09288v2.pdf)
```

## Use instead
```markdown
- **Llama 2: Open Foundation and Fine-Tuned Chat Models** [Paper](https://arxiv.org/abs/2307.09288)
```

## Fix safety
Safe for `http` and `host` (the same page at `https://arxiv.org`). Unsafe for `pdf` and
`versioned`: the abstract page, or the latest version, is not what the link showed, and
the author may have meant it. Only the reported forms change (an `http` PDF link in a
list of PDF links becomes an `https` PDF link). Links whose URL is not written literally
on one line (escapes, entities, a reference definition) get no fix.

## Options
`forms`: which forms to report, any of `pdf`, `versioned`, `http`, `host`, `mirror`,
`html` (default `pdf`, `versioned`, `http`, `host`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit, urlunsplit

from listbot.findings import Applicability, Finding, Severity
from listbot.model import Document
from listbot.normalize.arxiv_ids import ArxivId, validate
from listbot.normalize.arxiv_refs import LINK_FORMS, ArxivRef, collect_refs, link_forms, url_fix
from listbot.rules.base import FixAvailability, Rule

__all__ = ["RULE", "Options", "check"]


@dataclass(frozen=True)
class Options:
    forms: tuple[str, ...] = ("pdf", "versioned", "http", "host")
    """Link forms to report: pdf, versioned, http, host (www./export.), mirror (ar5iv,
    alphaXiv), html."""

    def __post_init__(self) -> None:
        unknown = sorted(set(self.forms) - set(LINK_FORMS))
        if unknown:
            raise ValueError(f"forms: unknown form {unknown[0]!r} (use {', '.join(LINK_FORMS)})")


_CONVENTION_SHARE = 0.5
_CONVENTION_MIN = 10
_CONVENTIONAL = ("pdf", "versioned")
"""Forms a list may choose for all its links; http and host are slips, never a choice."""
_SAME_PAGE = frozenset({"http", "host"})


def check(doc: Document, options: Options) -> Iterator[Finding]:
    found: list[tuple[ArxivRef, ArxivId, list[str]]] = []
    for ref in collect_refs(doc):
        arxiv_id = ref.arxiv_id
        if arxiv_id is None or ref.url is None or ref.link is None:
            continue
        if validate(ref.written, date.max) is not None:
            continue  # arxiv-invalid-id's
        forms = [form for form in link_forms(ref.url, arxiv_id) if form in options.forms]
        if "pdf" in forms and "pdf" in ref.link.text.lower():
            forms.remove("pdf")  # "[pdf](…/pdf/…)": the PDF is what the author meant
        found.append((ref, arxiv_id, forms))
    conventions = _conventions(found)
    for form, (first, count) in conventions.items():
        ref, arxiv_id, _ = first
        yield RULE.finding(
            ref.span,
            f"{count} of {len(found)} arXiv links are {_FORM_NAMES[form]} links, the list's "
            f"convention; the abstract page ({arxiv_id.abs_url}) shows every version and format",
            url=ref.url,
            forms=[form],
            links=count,
        )
    for ref, arxiv_id, forms in found:
        forms = [form for form in forms if form not in conventions]
        if not forms:
            continue
        assert ref.url is not None and ref.link is not None
        target = _rewritten(ref.url, arxiv_id, forms)
        fix = url_fix(doc, ref.link, ref.url, target)
        if fix is not None and not _SAME_PAGE.issuperset(forms):
            fix = replace(fix, applicability=Applicability.UNSAFE)
        what = "the abstract page " if target == arxiv_id.abs_url else ""
        yield RULE.finding(
            ref.span,
            f"Link {what}{target} instead of this {'/'.join(forms)} link",
            url=ref.url,
            fix=fix,
            forms=forms,
        )


_FORM_NAMES = {"pdf": "PDF", "versioned": "versioned"}


def _conventions(
    found: list[tuple[ArxivRef, ArxivId, list[str]]],
) -> dict[str, tuple[tuple[ArxivRef, ArxivId, list[str]], int]]:
    """Forms most of the list's arXiv links share: (the first such link, how many)."""
    conventions: dict[str, tuple[tuple[ArxivRef, ArxivId, list[str]], int]] = {}
    for form in _CONVENTIONAL:
        having = [item for item in found if form in item[2]]
        if len(having) >= _CONVENTION_MIN and len(having) >= _CONVENTION_SHARE * len(found):
            conventions[form] = (having[0], len(having))
    return conventions


def _rewritten(url: str, arxiv_id: ArxivId, forms: list[str]) -> str:
    """``url`` with only the reported forms changed (the abstract page for a PDF)."""
    if "pdf" in forms:
        return arxiv_id.abs_url
    parts = urlsplit(url.strip())
    path = parts.path
    if "versioned" in forms and arxiv_id.version is not None:
        path = re.sub(rf"(?<=\d)v{arxiv_id.version}(?!\d)", "", path, count=1)
    host = "arxiv.org" if "host" in forms else parts.netloc
    scheme = "https" if "http" in forms else parts.scheme
    return urlunsplit((scheme, host, path, parts.query, parts.fragment))


RULE = Rule(
    id="arxiv-link-form",
    summary="arXiv links should use the canonical abstract page `https://arxiv.org/abs/ID`.",
    check=check,
    severity=Severity.INFO,
    tags=("arxiv", "papers"),
    fix=FixAvailability.SOMETIMES,
    options=Options,
    doc=__doc__ or "",
)
