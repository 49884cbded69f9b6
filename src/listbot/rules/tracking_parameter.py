"""## What it does
Finds URLs that carry tracking parameters: `utm_*`, `fbclid`, `gclid`, `msclkid`,
`mc_cid`, `igshid` and the other click identifiers listed in
`listbot.normalize.urls.TRACKING_PARAMETERS`, plus `si`/`feature` on YouTube and
`ref_src` on Twitter/X. `ref` is not one of them: on GitHub and GitLab it names a branch.

Not reported: `utm_*` parameters that credit this list itself as the referrer (a value
naming GitHub or an awesome list, `?utm_source=github&utm_medium=awesome-mac`), which a
sponsor or a project asked for, and every parameter in the list's header, before its
first section (sponsor blocks and badges are the maintainer's own links).

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
from listbot.normalize.urls import (
    QueryParameter,
    query_bounds,
    remove_tracking_parameters,
    tracking_parameters,
)
from listbot.rules.base import FixAvailability, NoOptions, Rule


def _first_section_line(doc: Document) -> int:
    """Where the list's header ends: its first heading below the title (0 when none)."""
    return next((heading.line for heading in doc.headings if heading.level >= 2), 0)


def _credits_this_list(url: str, found: tuple[QueryParameter, ...]) -> bool:
    """Whether a ``utm_*`` value names GitHub or an awesome list: the link's owner counting
    visits from this list, not a campaign a contributor copied the URL from."""
    for parameter in found:
        if parameter.name.lower().startswith("utm_"):
            value = url[parameter.start : parameter.end].partition("=")[2].lower()
            if "github" in value or "awesome" in value:
                return True
    return False


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    header_end = _first_section_line(doc)
    for written in written_urls(doc, keep=lambda url: bool(tracking_parameters(url))):
        if written.span.line < header_end:
            continue
        every = tracking_parameters(written.url)
        found = every
        if _credits_this_list(written.url, every):
            found = tuple(p for p in every if not p.name.lower().startswith("utm_"))
        if not found:
            continue
        names = ", ".join(dict.fromkeys(p.name for p in found))
        plural = "s" if len(found) > 1 else ""
        span = written.span
        fix = None
        url_span = written.url_span
        bounds = query_bounds(written.url)
        if (
            url_span is not None
            and bounds is not None
            and found == tracking_parameters(written.url)
        ):
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
