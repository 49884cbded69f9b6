"""## What it does
Finds `http://` links to hosts that are known to serve the same pages over HTTPS: arXiv,
GitHub and `*.github.io`, Wikipedia, YouTube, the big paper sites (OpenReview, ACL
Anthology, NeurIPS and PMLR proceedings), package registries and the usual blog hosts
(`KNOWN_HTTPS_DOMAINS` below; each includes its subdomains, `www.` among them). Other
`http://` links are left alone: many small sites still have no certificate.

## Why is this bad?
Plain HTTP can be read and changed on the way; browsers mark it "Not secure", and the
site answers with a redirect anyway, so the link costs a round trip and hides a possible
downgrade.

## Example
```markdown
- **Calibrate before use**, ICML 2021. [Paper](http://proceedings.mlr.press/v139/zhao21c.html)
```

## Use instead
```markdown
- **Calibrate before use**, ICML 2021. [Paper](https://proceedings.mlr.press/v139/zhao21c.html)
```

## Fix safety
Safe: only `http` becomes `https`, and only for the hosts above, which serve every page
over HTTPS. URLs with an explicit port, or not written verbatim in the file, are reported
without a fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from listbot.findings import Edit, Finding, Fix, Severity
from listbot.model import Document, Span
from listbot.normalize.link_source import written_urls
from listbot.rules.base import FixAvailability, NoOptions, Rule

__all__ = ["KNOWN_HTTPS_DOMAINS", "RULE", "check", "serves_https"]

KNOWN_HTTPS_DOMAINS: frozenset[str] = frozenset(
    {
        # code hosting
        "github.com", "githubusercontent.com", "github.io", "gitlab.com", "gitlab.io",
        "bitbucket.org", "gitee.com", "codeberg.org",
        # papers
        "arxiv.org", "openreview.net", "aclanthology.org", "aclweb.org", "neurips.cc",
        "nips.cc", "mlr.press", "jmlr.org", "semanticscholar.org", "paperswithcode.com",
        "huggingface.co", "dl.acm.org", "ieeexplore.ieee.org", "link.springer.com", "nature.com",
        "science.org", "sciencedirect.com", "doi.org", "researchgate.net",
        # reference, video, social
        "wikipedia.org", "wikimedia.org", "wikidata.org", "youtube.com", "youtu.be",
        "vimeo.com", "twitter.com", "x.com", "reddit.com", "stackoverflow.com",
        "stackexchange.com", "ycombinator.com", "linkedin.com", "facebook.com",
        "instagram.com", "discord.com", "discord.gg", "t.me", "zhihu.com", "bilibili.com",
        # blogs and docs hosting
        "medium.com", "substack.com", "dev.to", "blogspot.com", "wordpress.com",
        "readthedocs.io", "readthedocs.org", "netlify.app", "vercel.app", "herokuapp.com",
        # languages, registries, vendors
        "python.org", "pypi.org", "npmjs.com", "crates.io", "docs.rs", "rust-lang.org",
        "go.dev", "golang.org", "nodejs.org", "mozilla.org", "google.com", "microsoft.com",
        "apple.com", "openai.com", "kaggle.com", "docker.com", "kubernetes.io",
    }
)  # fmt: skip
"""Domains whose every host serves HTTPS; a host matches its domain or any subdomain."""


def serves_https(host: str) -> bool:
    """Whether ``host`` (lower case) is, or is under, a domain in :data:`KNOWN_HTTPS_DOMAINS`."""
    host = host.rstrip(".")
    while host:
        if host in KNOWN_HTTPS_DOMAINS:
            return True
        _, dot, host = host.partition(".")
        if not dot:
            return False
    return False


def _http_host(url: str) -> tuple[str, bool] | None:
    """(host, has an explicit port) for an ``http://`` URL, else None."""
    if url[:7].lower() != "http://":
        return None
    try:
        parts = urlsplit(url)
        return (parts.hostname or "").lower(), parts.port is not None
    except ValueError:
        return None


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for written in written_urls(doc, keep=lambda url: url[:7].lower() == "http://"):
        target = _http_host(written.url)
        if target is None or not serves_https(target[0]):
            continue
        url_span = written.url_span
        if url_span is None and "http://" not in written.raw.lower():
            continue  # e.g. a bare www. link: the http:// was added by the parser
        span = url_span or written.span
        fix = None
        if url_span is not None and not target[1]:
            scheme = Span(url_span.line, url_span.column, url_span.line, url_span.column + 4)
            fix = Fix((Edit(scheme, "https"),), "Use https://")
        yield RULE.finding(
            span,
            f"Insecure link: {target[0]} serves HTTPS, use https://",
            url=written.url,
            fix=fix,
            host=target[0],
        )


RULE = Rule(
    id="insecure-link",
    summary="Links to hosts that serve HTTPS must use https://.",
    check=check,
    severity=Severity.WARNING,
    tags=("links", "urls"),
    fix=FixAvailability.SOMETIMES,
    doc=__doc__ or "",
)
