"""## What it does
Checks that no URL is listed twice. URLs are compared after normalisation: scheme,
`www.`, a trailing slash, tracking parameters (`utm_*`, `fbclid`, ...), GitHub owner and
repository case, `.git`, `#readme`, and the arXiv abs/pdf/`.pdf`/version/http forms of one
paper all count as the same URL. Every occurrence after the first is reported, naming the
first.

By default only the main link of each entry counts, as in awesome-lint: links in
descriptions ("built on [React](...)"), table-of-contents anchors, `#anchor` links, images
and badges never make a duplicate.

## Why is this bad?
A list that recommends the same thing twice wastes the reader's time and usually means
the two entries drift apart: one gets updated, the other rots.

## Example
```markdown
## Web
- [Foo](https://github.com/foo/foo) - Does foo.

## CLI
- [Foo](http://github.com/Foo/foo/) - Does foo from the terminal.
```

## Use instead
Keep one entry, in the section that fits best, or link the second section to it. For a
project that belongs in two sections on purpose, add its URL to `allow`, or put
`<!--lint ignore double-link-->` before the second entry.

## Options
- `scope`: `"main"` (default) counts each entry's main link; `"all"` counts every link
  that is not an image, a badge or an `#anchor`.
- `allow`: URL patterns (`*` matches anything) that may appear more than once.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from listbot.findings import Finding, Related, Severity
from listbot.model import Document, Link
from listbot.normalize.urls import normalize_url
from listbot.rules.base import FixAvailability, Rule

SCOPES = ("main", "all")


@dataclass(frozen=True)
class Options:
    scope: str = "main"
    """Which links count: "main" (each entry's main link, like awesome-lint) or "all"
    (every link but images, badges and #anchors)."""
    allow: tuple[str, ...] = ()
    """URL patterns (fnmatch-style, `*` matches anything) that may be listed more than once."""

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {self.scope!r}")


def countable(link: Link) -> bool:
    """Whether a link can be a duplicate: not an image, a badge, an anchor or empty."""
    if link.is_image or link.image_urls or not link.text.strip():
        return False
    url = link.url.strip()
    return bool(url) and not url.startswith("#")


def _links_in_scope(doc: Document, scope: str) -> Iterable[Link]:
    if scope == "all":
        return doc.links
    return (entry.main_link for entry in doc.all_entries if entry.main_link is not None)


def _allow_matcher(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(fnmatch.translate(p) for p in patterns), re.IGNORECASE)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    allowed = _allow_matcher(options.allow)
    first_by_key: dict[str, Link] = {}
    for link in _links_in_scope(doc, options.scope):
        if not countable(link) or (allowed is not None and allowed.match(link.url.strip())):
            continue
        key = normalize_url(link.url)
        first = first_by_key.setdefault(key, link)
        if first is link:
            continue
        where = f"first seen at line {first.line}"
        message = f"Duplicate link: {link.url.strip()}"
        if first.url.strip() != link.url.strip():
            message += f", the same as {first.url.strip()}"
        yield RULE.finding(
            link.span,
            message,
            url=link.url,
            related=[Related(first.line, first.column, where)],
            first_line=first.line,
            normalized=key,
        )


RULE = Rule(
    id="double-link",
    summary="The same URL must not be listed twice (after normalisation).",
    check=check,
    severity=Severity.ERROR,
    tags=("links", "duplicates", "awesome-lint"),
    fix=FixAvailability.NEVER,
    options=Options,
    doc=__doc__ or "",
)
