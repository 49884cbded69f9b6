"""``[links]`` options: every knob of the link checker and its default, in one place.

Field docstrings become the comments of ``config.toml``; the table is registered in
:data:`listbot.config.SECTION_TARGETS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from listbot import __version__
from listbot.constraints import METADATA_KEY, FilePath, HeaderText, ranged

DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
"""Browser-like Accept: some sites (crates.io) answer 404 to clients that do not ask for HTML."""

DEFAULT_CANARY = (
    "https://www.google.com/",
    "https://www.cloudflare.com/",
    "https://www.wikipedia.org/",
    "https://www.microsoft.com/",
)
"""Well-known sites on different networks, over HTTPS so a captive portal cannot answer."""

DEFAULT_ARCHIVE_API = "https://archive.org/wayback/available"
"""The Wayback Machine's availability API: the closest snapshot of a URL, as JSON."""

DEFAULT_EXCLUDE = (
    # RFC 2606 names: documentation placeholders, never real links.
    r"^https?://([^/?#@]*\.)?example\.(com|org|net)([:/?#]|$)",
    r"^https?://[^/?#@]*\.(example|invalid)\.?([:/?#]|$)",
)


@dataclass(frozen=True)
class HostOptions:
    """``[links.hosts."example.com"]``: overrides for one host (and its subdomains' own tables)."""

    concurrency: int | None = ranged(None, 1, 256)
    """Requests in flight to this host at most (default: ``per_host_concurrency``)."""
    headers: dict[str, str] = field(default_factory=dict, metadata={METADATA_KEY: HeaderText()})
    """Extra request headers for this host, e.g. ``{ Accept = "text/html" }`` for crates.io."""
    method: str = ""
    """``get`` for hosts known to mishandle HEAD; empty: HEAD first, GET when refused."""
    accept: tuple[int, ...] = ranged((), 100, 599)
    """Status codes treated as working on this host besides 2xx (``[403]`` behind a bot wall)."""


@dataclass(frozen=True)
class LinksOptions:
    """``[links]``: the link checker (dead-link, redirect, link-unverified, private-address)."""

    connect_timeout: float = ranged(10.0, above=0, high=300, unit="seconds")
    """Seconds to open a TCP/TLS connection."""
    timeout: float = ranged(15.0, above=0, high=600, unit="seconds")
    """Seconds for one whole request (connect, send, response headers)."""
    retries: int = ranged(3, 0, 10)
    """Retries after a reset, 429, 500, 502, 503 or 504 (exponential backoff with jitter)."""
    timeout_retries: int = ranged(1, 0, 5)
    """Retries after a timeout (each costs up to ``timeout`` seconds again)."""
    backoff: float = ranged(0.5, 0, 60, unit="seconds")
    """Seconds before the first retry; doubled on each further retry, with jitter."""
    max_retry_wait: float = ranged(30.0, 0, 600, unit="seconds")
    """Longest wait honoured from ``Retry-After``; a server asking for more gets link-unverified."""
    concurrency: int = ranged(256, 1, 1024)
    """Requests in flight at most, over all hosts."""
    per_host_concurrency: int = ranged(10, 1, 256)
    """Requests in flight to one host at most (override per host in ``[links.hosts."name"]``)."""
    hosts: dict[str, HostOptions] = field(default_factory=dict)
    """Per-host overrides by lower-case host name: concurrency, headers, method, accept."""
    accept: tuple[int, ...] = ranged((), 100, 599)
    """Status codes treated as working on every host besides 2xx."""
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    """Regular expressions searched in each URL: matching links are not checked (excluded)."""
    include: tuple[str, ...] = ()
    """Regular expressions that win over ``exclude``: matching links are always checked."""
    headers: dict[str, str] = field(default_factory=dict, metadata={METADATA_KEY: HeaderText()})
    """Extra request headers for every host."""
    user_agent: str = field(default="", metadata={METADATA_KEY: HeaderText()})
    """The User-Agent header; empty: ``listbot/<version>`` (honest; fake browsers cause loops)."""
    cache_path: str = field(default=".listbot/cache.sqlite", metadata={METADATA_KEY: FilePath()})
    """SQLite store of results and per-URL history (relative to the working folder)."""
    ttl_ok: float = ranged(86400.0, 0, 31_536_000, unit="seconds")
    """Seconds a working (or redirecting) result is reused without asking the server again."""
    ttl_failure: float = ranged(0.0, 0, 31_536_000, unit="seconds")
    """Seconds a failed result is reused (0: failures are always checked again)."""
    allow_private: bool = False
    """Check links that resolve to loopback, private, link-local or cloud-metadata addresses."""
    report_after: int = ranged(2, 0, 100)
    """Scheduled link-rot reports: a link must fail in this many consecutive runs first."""
    report_gone_at_once: bool = True
    """Scheduled link-rot reports: 404, 410 and domains that do not exist are reported at once."""
    record_history: bool = True
    """Keep each URL's failure history in the store (the link-rot job reads it)."""
    resolve: dict[str, str] = field(default_factory=dict)
    """Host name -> ``address`` or ``address:port`` to use instead of DNS (like curl --resolve)."""
    canary: tuple[str, ...] = DEFAULT_CANARY
    """Well-known URLs asked (HEAD, once) when the run alone cannot tell whether the network
    works; a domain is reported as not existing only when at least half of them answer."""
    archive_api_url: str = DEFAULT_ARCHIVE_API
    """The Internet Archive's availability API, asked once per dead link for an archived copy
    (by the link-rot and maintenance jobs and `lint --fix --unsafe-fixes`); empty: never."""

    def __post_init__(self) -> None:
        for name in ("concurrency", "per_host_concurrency"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        for name in ("retries", "timeout_retries", "report_after"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        for name in ("connect_timeout", "timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be more than 0 seconds")
        for pattern in (*self.exclude, *self.include):
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"bad regular expression {pattern!r}: {error}") from None
        if self.archive_api_url and not re.match(r"https?://[^/?#\s]+", self.archive_api_url):
            raise ValueError("archive_api_url must be an http(s) URL, or empty to look up nothing")
        for host, override in self.hosts.items():
            if override.method not in ("", "get", "head"):
                raise ValueError(f"hosts.{host}.method must be 'get', 'head' or empty")
            if override.concurrency is not None and override.concurrency < 1:
                raise ValueError(f"hosts.{host}.concurrency must be at least 1")

    @property
    def agent(self) -> str:
        return self.user_agent or f"listbot/{__version__}"

    def host(self, name: str) -> HostOptions:
        """The overrides for a host name (exact, lower-case match), or none."""
        return self.hosts.get(name.lower()) or _NO_OVERRIDES

    def host_concurrency(self, name: str) -> int:
        return self.host(name).concurrency or self.per_host_concurrency


_NO_OVERRIDES = HostOptions()
