"""## What it does
Reports arXiv links in a form readers are worse off with: a PDF (`/pdf/ID`, `.pdf`), a
pinned version (`v2`), plain `http://`, or the `www.`/`export.` hosts; optionally mirrors
(ar5iv, alphaXiv) and the HTML rendering.

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
Replaces the URL, as written in the file, with `https://arxiv.org/abs/ID`. Safe for
`http://` and the `www.`/`export.` hosts, which serve the same page; unsafe for a PDF or a
pinned version, where the author linked another document than the abstract page (the
fix changes what the reader opens). Links whose URL is not written literally on one line
(escapes, entities, a reference definition) get no fix.

## Options
`forms`: which forms to report, any of `pdf`, `versioned`, `http`, `host`, `mirror`,
`html` (default `pdf`, `versioned`, `http`, `host`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from listbot.findings import Applicability, Finding, Severity
from listbot.model import Document
from listbot.normalize.arxiv_ids import validate
from listbot.normalize.arxiv_refs import LINK_FORMS, collect_refs, link_forms, url_fix
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


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for ref in collect_refs(doc):
        arxiv_id = ref.arxiv_id
        if arxiv_id is None or ref.url is None or ref.link is None:
            continue
        if validate(ref.written, date.max) is not None:
            continue  # arxiv-invalid-id's
        forms = [form for form in link_forms(ref.url, arxiv_id) if form in options.forms]
        if not forms:
            continue
        fix = url_fix(doc, ref.link, ref.url, arxiv_id.abs_url)
        if fix is not None and ("pdf" in forms or "versioned" in forms):
            fix = replace(fix, applicability=Applicability.UNSAFE)  # another document
        yield RULE.finding(
            ref.span,
            f"Link the abstract page {arxiv_id.abs_url} instead of this {'/'.join(forms)} link",
            url=ref.url,
            fix=fix,
            forms=forms,
        )


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
