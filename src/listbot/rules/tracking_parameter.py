"""## What it does
Finds URLs that carry tracking parameters: `utm_*`, `fbclid`, `gclid`, `msclkid`,
`mc_cid`, `igshid` and the other click identifiers listed in
`listbot.normalize.urls.TRACKING_PARAMETERS`, plus `si`/`feature` on YouTube and
`ref_src` on Twitter/X. `ref` is not one of them: on GitHub and GitLab it names a branch.

## Why is this bad?
The parameters tell a site where a click came from; they do nothing for the reader, make
URLs long, leak the campaign a contributor came from, and hide duplicates (the same page
with two different `utm_source` values).

## Example
```markdown
- [Foo](https://foo.dev/?utm_source=newsletter&lang=en) - Does foo.
```

## Use instead
```markdown
- [Foo](https://foo.dev/?lang=en) - Does foo.
```

## Fix safety
Safe: removes exactly the tracking pieces (and a `?` left with nothing after it); every
other character of the URL stays as written. URLs that are not written verbatim in the
file (HTML entities such as `&amp;`, backslash escapes) are reported without a fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Edit, Finding, Fix, Severity
from listbot.model import Document, Span
from listbot.normalize.link_source import written_urls
from listbot.normalize.urls import query_bounds, remove_tracking_parameters, tracking_parameters
from listbot.rules.base import FixAvailability, NoOptions, Rule


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for written in written_urls(doc, keep=lambda url: bool(tracking_parameters(url))):
        found = tracking_parameters(written.url)
        if not found:
            continue
        names = ", ".join(dict.fromkeys(p.name for p in found))
        plural = "s" if len(found) > 1 else ""
        span = written.span
        fix = None
        url_span = written.url_span
        bounds = query_bounds(written.url)
        if url_span is not None and bounds is not None:
            line, column = url_span.line, url_span.column
            span = Span(line, column + found[0].start, line, column + found[-1].end)
            clean = remove_tracking_parameters(written.url)
            start, end = bounds[0] - 1, bounds[1]  # from the "?" to the end of the query
            replacement = clean[start : len(clean) - (len(written.url) - end)]
            edit = Edit(Span(line, column + start, line, column + end), replacement)
            fix = Fix((edit,), f"Remove tracking parameter{plural} {names}")
        yield RULE.finding(
            span,
            f"Tracking parameter{plural} {names} in URL: remove {'them' if plural else 'it'}",
            url=written.url,
            fix=fix,
            parameters=[p.name for p in found],
        )


RULE = Rule(
    id="tracking-parameter",
    summary="URLs must not carry tracking parameters such as utm_source or fbclid.",
    check=check,
    severity=Severity.WARNING,
    tags=("links", "urls"),
    fix=FixAvailability.SOMETIMES,
    doc=__doc__ or "",
)
