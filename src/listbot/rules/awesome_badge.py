"""## What it does
Checks that the level-1 heading that starts the list carries the Awesome badge: a link to
`https://awesome.re` or `https://github.com/sindresorhus/awesome` around the image
`https://awesome.re/badge.svg` (or `badge-flat.svg`, `badge-flat2.svg`).

## Why is this bad?
The badge is how readers recognise a list that follows the Awesome guidelines and how
they find the list of lists. Old copies point at `cdn.rawgit.com`, which shut down in
2019, so the image is broken. awesome-lint's `awesome-badge`. Like awesome-lint, the rule
does not look at lists whose title is an HTML block (a centred logo).

The badge belongs to lists that call themselves Awesome: when the title does not say
"awesome" (a paper list, a survey's reading list), a missing badge is only information.

## Example
```markdown
# Awesome Widgets [![Awesome](https://cdn.rawgit.com/sindresorhus/awesome/d7305f3/media/badge.svg)](https://github.com/sindresorhus/awesome)
```

## Use instead
```markdown
# Awesome Widgets [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)
```

## Differences from awesome-lint
A missing badge on a list whose title does not say "awesome" is information, not an error.
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Finding, Severity
from listbot.model import Document, Link, LinkKind
from listbot.rules._first_block import first_heading
from listbot.rules.base import NoOptions, Rule

BADGE_TARGETS = frozenset({"awesome.re", "github.com/sindresorhus/awesome"})
BADGE_IMAGES = frozenset(
    {"awesome.re/badge.svg", "awesome.re/badge-flat.svg", "awesome.re/badge-flat2.svg"}
)


def _bare(url: str) -> str:
    """``https://awesome.re/`` and ``http://awesome.re#readme`` are the same target."""
    url = url.strip()
    for prefix in ("https://", "http://"):
        if url.lower().startswith(prefix):
            url = url[len(prefix) :]
    return url.split("#", 1)[0].rstrip("/").lower()


def _badge_links(doc: Document, first: int, last: int) -> list[Link]:
    return [
        link
        for link in doc.links
        if first <= link.line <= last
        and link.kind in (LinkKind.INLINE, LinkKind.REFERENCE, LinkKind.HTML_A)
        and link.image_urls
        and _bare(link.url) in BADGE_TARGETS
    ]


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    heading = first_heading(doc)
    if heading is None or heading.level != 1:
        return
    badges = _badge_links(doc, heading.span.line, heading.span.end_line)
    for link in badges:
        if not any(_bare(src) in BADGE_IMAGES for src in link.image_urls):
            yield RULE.finding(link.span, "Invalid badge source", url=link.image_urls[0])
            return
    if not badges:
        awesome = "awesome" in heading.text.casefold()
        yield RULE.finding(
            heading.span,
            "Missing Awesome badge next to the main heading",
            severity=None if awesome else Severity.INFO,
        )


RULE = Rule(
    id="awesome-badge",
    summary="The main heading must carry the Awesome badge from awesome.re.",
    check=check,
    tags=("awesome-lint", "badges"),
    doc=__doc__ or "",
    aliases=("badge",),
)
