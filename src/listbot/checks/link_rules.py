"""The four rules the link checker yields, their documentation, and verdict -> findings.

Network rules are documented and configured like the others, but their ``check`` yields
nothing: :func:`listbot.checks.links.check_links` produces their findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.model import Document, Link, LinkKind, Span
from listbot.rules.base import FixAvailability, Rule, network_only

if TYPE_CHECKING:
    from listbot.checks.archive import Snapshot
    from listbot.net.policy import Verdict

DEAD_LINK_DOC = """## What it does
Checks that every http(s) link still leads somewhere: reports 404 and 410 answers, domains
that do not exist, redirect loops, and server errors (5xx) that persist after retries.

## Why is this bad?
A dead link in a curated list is a recommendation nobody can follow; readers lose trust in
the whole list. Only answers that say the resource is gone count: bot walls, rate limits
and timeouts are `link-unverified` instead, so this rule does not cry wolf.

## Example
```markdown
- [Foo](https://foo.dev/gone) - Does foo.
```

## Use instead
Point to the project's new home, an archived copy, or remove the entry.

## Fix safety
Unsafe, and offered only where the Internet Archive was asked (`lint --fix --unsafe-fixes`,
the link-rot and maintenance jobs): links the archive's snapshot of the page from before it
died (`https://web.archive.org/web/<timestamp>/...`, a capture that answered 2xx). A frozen
copy is not the project, so the maintenance pull request makes this change only with
`[maintain] replace_dead_with_archive = true`.

## Options
Set in `[links]`: timeouts, retries, accepted status codes, `exclude`/`include` patterns,
per-host overrides, `archive_api_url`; `--no-cache` re-checks every link.
"""

REDIRECT_DOC = """## What it does
Reports links that redirect permanently (301 or 308) to a working URL, and offers the
final URL as a fix. Temporary redirects (302, 303, 307) are fine and not reported.

## Why is this bad?
Permanent redirects mean the resource has moved for good: renamed repositories, moved
documentation, http to https. The old URL costs every reader a round trip and breaks
when the redirect is dropped.

## Example
```markdown
- [Foo](http://github.com/old-name/foo) - Does foo.
```

## Use instead
```markdown
- [Foo](https://github.com/new-name/foo) - Does foo.
```

## Fix safety
Replaces the URL text inside the link with the last permanent target (the fragment is
kept); there is no fix when the URL is not written verbatim (escapes, entities). Safe
when the target stays on the same host (ignoring `www.`); unsafe when it moves to
another host (parked or hijacked domains redirect too) or when a deep link lands on the
front page (the page is gone). A redirect to a login page is not reported as a redirect.

The target comes from a server, so it is written only when it is a valid absolute
http(s) URL whose chain answered 2xx, re-serialised for where it goes (no spaces, quotes,
angle brackets, parentheses or backticks left unencoded; `&amp;` in HTML attributes; no
trailing punctuation after a bare URL). Otherwise the finding says why and has no fix.
"""

LINK_UNVERIFIED_DOC = """## What it does
Reports links listbot could not verify: timeouts, TLS certificate problems, connection
resets or refusals, 401/403/429/999 answers and bot walls (e.g. Cloudflare challenges).
The message says why.

## Why is this bad?
The link may well be fine: these are warnings, never errors. Repeated warnings for the
same link are a hint to look at it, or to accept it in `[links]` (`accept`, per-host
`headers`, `exclude`). A reply nobody foresaw also makes its link unverified, never the
run fail. Without a working network links are not checked at all: one notice says so
(exit 2) instead of a warning per link, and no domain is called dead.

## Example
```markdown
- [Foo](https://foo.dev) - The server answers 403 to robots.
```

## Use instead
Check the link in a browser; if it works, add its host to `[links.hosts."foo.dev"]`
with `accept = [403]` or exclude the URL.
"""

PRIVATE_ADDRESS_DOC = """## What it does
Reports links whose host is, or resolves to, a loopback, private, link-local or cloud
metadata address (127.0.0.1, 10.x, 192.168.x, 169.254.169.254, ...). They are not fetched
unless `--allow-private` or `[links] allow_private = true`.

## Why is this bad?
A public list cannot usefully point there, and a bot that checks links from pull requests
in CI must not be steered into its own network.

## Example
```markdown
- [Admin](http://192.168.1.1/) - My router.
```

## Use instead
Link to a public address, or remove the entry.
"""


DEAD_LINK = Rule(
    id="dead-link",
    summary="Links must not be dead (404, 410, no such domain, redirect loop, persistent 5xx).",
    check=network_only,
    tags=("links",),
    fix=FixAvailability.SOMETIMES,
    network=True,
    doc=DEAD_LINK_DOC,
)
REDIRECT = Rule(
    id="redirect",
    summary="Links that redirect permanently should point to their new URL.",
    check=network_only,
    severity=Severity.WARNING,
    tags=("links",),
    fix=FixAvailability.SOMETIMES,
    network=True,
    doc=REDIRECT_DOC,
)
LINK_UNVERIFIED = Rule(
    id="link-unverified",
    summary="Links that could not be verified (timeout, TLS, 401/403/429, bot wall) are flagged.",
    check=network_only,
    severity=Severity.WARNING,
    tags=("links",),
    network=True,
    doc=LINK_UNVERIFIED_DOC,
)
PRIVATE_ADDRESS = Rule(
    id="private-address",
    summary="Links must not point to loopback, private, link-local or metadata addresses.",
    check=network_only,
    severity=Severity.WARNING,
    tags=("links",),
    network=True,
    doc=PRIVATE_ADDRESS_DOC,
)
RULES = (DEAD_LINK, REDIRECT, LINK_UNVERIFIED, PRIVATE_ADDRESS)

# By ``VerdictKind`` value. Every `listbot lint` imports this module for the rules above,
# so it does not import listbot.net.policy (~4 ms) until a network check needs it.
_RULE_FOR = {
    "dead": DEAD_LINK,
    "redirect": REDIRECT,
    "unverified": LINK_UNVERIFIED,
    "private": PRIVATE_ADDRESS,
}
_PREFIX = {
    "dead": "Dead link",
    "redirect": "Redirect",
    "unverified": "Link unverified",
    "private": "Private address",
}


def findings_for(
    occurrences: Iterable[tuple[Document, Link]],
    verdict: Verdict,
    wanted: set[str],
    archived: Snapshot | None = None,
) -> Iterator[Finding]:
    """One finding per occurrence of the URL (none for ok and excluded verdicts).

    A dead link with an ``archived`` copy gets an unsafe fix that links the copy instead.
    """
    rule = _RULE_FOR.get(verdict.kind.value)
    if rule is None or rule.id not in wanted:
        return
    prefix = _PREFIX[verdict.kind.value]
    message = f"{prefix}: {verdict.reason}" if verdict.reason else prefix
    data: dict[str, Any] = {
        "verdict": verdict.kind.value,
        "status": verdict.status,
        "attempts": verdict.attempts,
        **({"final_url": verdict.final_url} if verdict.final_url else {}),
    }
    if archived is not None and verdict.kind.value == "dead":
        message += f"; an archived copy from {archived.date} exists"
        data.update(archive_url=archived.url, archive_date=archived.date)
    for document, link in occurrences:
        fix, why = None, ""
        if verdict.kind.value == "redirect" and verdict.final_url:
            fix, why = url_fix(document, link, verdict.final_url, final_status=verdict.status)
        elif archived is not None and verdict.kind.value == "dead":
            fix = archive_fix(document, link, archived)
        text = f"{message} (no fix: {why})" if why else message
        finding = rule.finding(link.span, text, url=link.url, fix=fix, **data)
        yield finding.with_(file=document.path)


def archive_fix(document: Document, link: Link, archived: Snapshot) -> Fix | None:
    """Link the archived copy instead of a dead link: unsafe, the page is a frozen copy."""
    fix, _ = url_fix(document, link, archived.url, final_status=200, safe_on_same_site=False)
    if fix is None:
        return None
    return Fix(fix.edits, f"Link the archived copy from {archived.date}", Applicability.UNSAFE)


def redirect_fix(document: Document, link: Link, final_url: str) -> Fix | None:
    """Replace the URL text of ``link`` with ``final_url`` (which answered 2xx); None when
    it is not written verbatim or cannot be written safely there."""
    return url_fix(document, link, final_url, final_status=200)[0]


def url_fix(
    document: Document,
    link: Link,
    new_url: str,
    *,
    final_status: int | None,
    safe_on_same_site: bool = True,
) -> tuple[Fix | None, str]:
    """A fix writing ``new_url`` (from the network) in place of ``link``'s URL, or why not.

    The URL goes through :func:`listbot.normalize.safe_url.replacement_url` for the place
    it is written; a refused URL gives no fix and the reason. ``""`` as the reason with no
    fix means the URL is not written verbatim (nothing to say to the reader).
    """
    from listbot.net.policy import is_soft_404
    from listbot.normalize.safe_url import UnsafeUrl, placement_of, replacement_url

    span = url_span(document, link)
    if span is None:
        return None, ""
    try:
        text = replacement_url(
            new_url, final_status=final_status, placement=placement_of(link.kind.value)
        )
    except UnsafeUrl as unsafe:
        return None, f"the new URL cannot be written here: {unsafe}"
    if link.kind.value in ("html_a", "html_img") and not _quoted(document, span):
        return None, "the new URL cannot be written in an unquoted HTML attribute"
    safe = (
        safe_on_same_site and _same_site(link.url, new_url) and not is_soft_404(link.url, new_url)
    )
    return (
        Fix(
            (Edit(span, text),),
            f"Replace with {text}",
            Applicability.SAFE if safe else Applicability.UNSAFE,
        ),
        "",
    )


def _quoted(document: Document, span: Span) -> bool:
    """Whether the attribute value at ``span`` is between matching quotes."""
    line = document.line_text(span.line)
    before = line[span.column - 2] if span.column >= 2 else ""
    after = line[span.end_column - 1] if span.end_column - 1 < len(line) else ""
    return before in ("'", '"') and before == after


def url_span(document: Document, link: Link) -> Span | None:
    """Where the destination URL of ``link`` is written (its definition for reference links)."""
    url = link.url
    if link.kind is LinkKind.REFERENCE and link.definition_line:
        line = link.definition_line
        column = document.line_text(line).find(url)
        return Span.at(line, column + 1, len(url)) if column >= 0 else None
    candidates: list[Span] = []
    for line in range(link.span.line, link.span.end_line + 1):
        text = document.line_text(line)
        start = link.span.column - 1 if line == link.span.line else 0
        end = link.span.end_column - 1 if line == link.span.end_line else len(text)
        index = text.find(url, start, end)
        while index >= 0:
            candidates.append(Span.at(line, index + 1, len(url)))
            index = text.find(url, index + 1, end)
    if not candidates:
        return None
    # In [url](url) the destination comes last; in <a href="url">url</a> it comes first.
    return candidates[-1] if link.kind in (LinkKind.INLINE, LinkKind.IMAGE) else candidates[0]


def _same_site(old: str, new: str) -> bool:
    def site(url: str) -> str:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return url
        return host[4:] if host.startswith("www.") else host

    return site(old) == site(new)
