"""Pure link-check decisions: one attempt in, the next step out. No I/O, no clock, no randomness.

Parts: :class:`Attempt` (what one request gave: a status or a :class:`Failure`),
:func:`next_step` (finish with a verdict kind, retry after N seconds, fall back to GET,
or follow a redirect), :func:`conclude` (the :class:`Verdict` of a whole check, with the
URL a permanent redirect should be replaced by), :func:`retry_after_seconds`,
:func:`backoff_delay`, and :func:`report_now` (the scheduled link-rot threshold).

The split that keeps listbot from crying wolf: ``dead`` only for answers saying the
resource is gone (404, 410, no such domain, a redirect loop, 5xx after every retry);
everything that might be a bot wall, a rate limit or a flaky network is ``unverified``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timezone
from enum import Enum
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from listbot.frozen import direct_init
from listbot.normalize.urls import PLAIN_HTTP_URL

MAX_REDIRECTS = 10
PERMANENT = frozenset({301, 308})
GONE = frozenset({404, 410})
WALLED = {401: "needs a login", 403: "access denied", 407: "needs a proxy login", 999: "bot wall"}
MAX_BACKOFF = 30.0
MAX_RETRIES = 10
"""However many retries are configured, no URL is asked more often than this (plus one)."""
MAX_TIMEOUT_RETRIES = 3
MAX_RETRY_WAIT = 300.0
"""The longest any single wait may be, whatever ``max_retry_wait`` says."""
_DIGITS = re.compile(r"[0-9]{1,12}")


class Failure(str, Enum):
    """Why a request gave no HTTP answer; :mod:`listbot.net.http` maps every exception to one."""

    TIMEOUT = "timeout"
    DNS = "dns"
    """The name does not exist (NXDOMAIN)."""
    DNS_TEMPORARY = "dns-temporary"
    """The resolver failed (no network, SERVFAIL): says nothing about the link."""
    REFUSED = "refused"
    UNREACHABLE = "unreachable"
    RESET = "reset"
    TLS = "tls"
    PROTOCOL = "protocol"
    PRIVATE = "private"
    INVALID = "invalid"


class VerdictKind(str, Enum):
    OK = "ok"
    DEAD = "dead"
    REDIRECT = "redirect"
    UNVERIFIED = "unverified"
    PRIVATE = "private"
    EXCLUDED = "excluded"


@dataclass(frozen=True, slots=True)
class Attempt:
    """One request and what came back: a status, or a failure and its detail."""

    method: str
    url: str
    status: int | None = None
    failure: Failure | None = None
    detail: str = ""
    location: str | None = None
    retry_after: str | None = None
    bot_wall: bool = False
    elapsed: float = 0.0
    content_type: str | None = None
    body: bytes = b""
    """The start of the body (at most 64 KB), only when the caller asked for it."""


@dataclass(frozen=True, slots=True)
class Finish:
    kind: VerdictKind
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Retry:
    delay: float
    reason: str
    timeout: bool = False


@dataclass(frozen=True, slots=True)
class UseGet:
    reason: str


@dataclass(frozen=True, slots=True)
class Follow:
    url: str
    status: int


Step = Finish | Retry | UseGet | Follow


@dataclass(frozen=True)
class Trail:
    """What happened so far while checking one URL (the driver replaces it after each step)."""

    retries: int = 0
    timeout_retries: int = 0
    chain: tuple[tuple[int, str], ...] = ()
    """Each redirect followed: (status, target URL)."""
    seen: frozenset[str] = frozenset()
    """Fragment-less URLs already requested, to catch loops at the first repeat."""


@dataclass(frozen=True)
class Limits:
    """The options :func:`next_step` needs (from ``[links]``, with the host's overrides).

    Build it with :meth:`bounded` from configured values: every number is brought into a
    range that cannot loop for long or sleep for hours, whatever the configuration says.
    """

    retries: int = 3
    timeout_retries: int = 1
    backoff: float = 0.5
    max_retry_wait: float = 30.0
    accept: frozenset[int] = frozenset()

    @classmethod
    def bounded(
        cls,
        *,
        retries: float,
        timeout_retries: float,
        backoff: float,
        max_retry_wait: float,
        accept: frozenset[int] = frozenset(),
    ) -> Limits:
        return cls(
            retries=int(bounded(retries, 0, MAX_RETRIES, 3)),
            timeout_retries=int(bounded(timeout_retries, 0, MAX_TIMEOUT_RETRIES, 1)),
            backoff=bounded(backoff, 0.0, MAX_BACKOFF, 0.5),
            max_retry_wait=bounded(max_retry_wait, 0.0, MAX_RETRY_WAIT, 30.0),
            accept=accept,
        )


def bounded(value: object, low: float, high: float, default: float) -> float:
    """``value`` as a number in ``[low, high]``; ``default`` for NaN or a non-number."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return default
    if number != number:  # NaN
        return default
    return min(high, max(low, number))


@direct_init
@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of checking one URL: what reports, the store and the rules read."""

    url: str
    kind: VerdictKind
    reason: str = ""
    status: int | None = None
    final_url: str | None = None
    """For ``redirect``: the URL to write instead; otherwise where the chain ended, if elsewhere."""
    attempts: int = 0
    elapsed_ms: int = 0
    failure: str | None = None
    chain: tuple[tuple[int, str], ...] = field(default=())
    cached: bool = False

    @property
    def failed(self) -> bool:
        return self.kind in (VerdictKind.DEAD, VerdictKind.UNVERIFIED)

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "kind": self.kind.value,
            "reason": self.reason,
            "status": self.status,
            "final_url": self.final_url,
            "attempts": self.attempts,
            "elapsed_ms": self.elapsed_ms,
            "failure": self.failure,
            "chain": [list(hop) for hop in self.chain],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Verdict:
        """A stored verdict; raises ValueError (or TypeError) for anything of the wrong shape."""
        status, final_url, failure = data.get("status"), data.get("final_url"), data.get("failure")
        if not (status is None or (isinstance(status, int) and not isinstance(status, bool))):
            raise ValueError("status must be an integer")
        if not all(value is None or isinstance(value, str) for value in (final_url, failure)):
            raise ValueError("final_url and failure must be text")
        return cls(
            url=str(data["url"]),
            kind=VerdictKind(data["kind"]),
            reason=str(data.get("reason", "")),
            status=status,
            final_url=final_url,
            attempts=int(data.get("attempts", 0)),
            elapsed_ms=int(data.get("elapsed_ms", 0)),
            failure=failure,
            chain=tuple((int(s), str(u)) for s, u in data.get("chain", ())),
            cached=True,
        )


# ---------------------------------------------------------------------------------------
# Decisions


def next_step(attempt: Attempt, trail: Trail, limits: Limits, *, jitter: float, now: float) -> Step:
    """What to do after ``attempt``. ``jitter`` is in [0, 1); ``now`` is Unix time (Retry-After)."""
    if attempt.failure is not None:
        return _after_failure(attempt, trail, limits, jitter)
    status = attempt.status or 0
    if 300 <= status < 400 and status != 304:
        return _after_redirect(attempt, trail)
    if 200 <= status < 300 and attempt.method == "HEAD" and not attempt.content_type:
        # Some servers answer every HEAD with an empty 200; a real page says what it is.
        return UseGet(f"HEAD gave HTTP {status} without a content type")
    if 200 <= status < 300 or status in limits.accept:
        return Finish(VerdictKind.OK)
    if attempt.method == "HEAD" and status != 429:
        return UseGet(f"HEAD gave HTTP {status}")
    if status == 429 or 500 <= status < 600:
        return _retry_status(attempt, trail, limits, jitter, now)
    if status in GONE:
        label = "Not Found" if status == 404 else "Gone"
        return Finish(VerdictKind.DEAD, f"HTTP {status} ({label})")
    if attempt.bot_wall:
        return Finish(VerdictKind.UNVERIFIED, f"HTTP {status}: a bot wall (challenge page)")
    if status in WALLED:
        return Finish(VerdictKind.UNVERIFIED, f"HTTP {status}: {WALLED[status]}")
    return Finish(VerdictKind.UNVERIFIED, f"HTTP {status}")


def _after_failure(attempt: Attempt, trail: Trail, limits: Limits, jitter: float) -> Step:
    failure = attempt.failure
    assert failure is not None
    detail = f": {attempt.detail}" if attempt.detail else ""
    if failure is Failure.PRIVATE:
        return Finish(VerdictKind.PRIVATE, attempt.detail or "resolves to a private address")
    if failure is Failure.DNS:
        return Finish(VerdictKind.DEAD, "the domain does not exist")
    if failure is Failure.TIMEOUT:
        if trail.timeout_retries < limits.timeout_retries:
            delay = backoff_delay(trail.retries + trail.timeout_retries, limits.backoff, jitter)
            return Retry(delay, "timed out", timeout=True)
        return Finish(VerdictKind.UNVERIFIED, "timed out")
    if failure in (Failure.RESET, Failure.PROTOCOL) and attempt.method == "HEAD":
        return UseGet(f"HEAD failed ({failure.value})")
    if failure is Failure.RESET:
        if trail.retries < limits.retries:
            return Retry(backoff_delay(trail.retries, limits.backoff, jitter), "connection reset")
        return Finish(VerdictKind.UNVERIFIED, f"connection reset{detail}")
    reasons = {
        Failure.DNS_TEMPORARY: "DNS lookup failed",
        Failure.REFUSED: "connection refused",
        Failure.UNREACHABLE: "network unreachable",
        Failure.TLS: "TLS problem",
        Failure.PROTOCOL: "bad HTTP response",
        Failure.INVALID: "cannot be requested",
    }
    return Finish(VerdictKind.UNVERIFIED, f"{reasons.get(failure, failure.value)}{detail}")


def _after_redirect(attempt: Attempt, trail: Trail) -> Step:
    status = attempt.status or 0
    if not attempt.location:
        return Finish(VerdictKind.UNVERIFIED, f"HTTP {status} without a Location header")
    try:
        target = urljoin(attempt.url, attempt.location.strip())
        scheme = urlsplit(target).scheme.lower()
        urlsplit(target).port  # noqa: B018 - raises for a bad port
    except ValueError:
        return Finish(VerdictKind.UNVERIFIED, f"HTTP {status} with an invalid Location header")
    if scheme not in ("http", "https"):
        return Finish(VerdictKind.UNVERIFIED, f"redirects to a non-HTTP URL ({status})")
    if url_key(target) in trail.seen or url_key(target) == url_key(attempt.url):
        return Finish(VerdictKind.DEAD, f"redirect loop after {len(trail.chain) + 1} redirects")
    if len(trail.chain) >= MAX_REDIRECTS:
        return Finish(VerdictKind.DEAD, f"more than {MAX_REDIRECTS} redirects")
    return Follow(target, status)


def _retry_status(
    attempt: Attempt, trail: Trail, limits: Limits, jitter: float, now: float
) -> Step:
    status = attempt.status or 0
    label = "rate limited (HTTP 429)" if status == 429 else f"HTTP {status}"
    asked = retry_after_seconds(attempt.retry_after, now)
    if asked is not None and asked > limits.max_retry_wait:
        return Finish(VerdictKind.UNVERIFIED, f"{label}; the server asks to wait {asked:.0f} s")
    if trail.retries < limits.retries:
        delay = asked if asked is not None else backoff_delay(trail.retries, limits.backoff, jitter)
        return Retry(delay, label)
    retried = f"after {trail.retries} retries" if trail.retries else "(retries are off)"
    if status == 429 or status == 501:
        return Finish(VerdictKind.UNVERIFIED, f"{label} {retried}")
    return Finish(VerdictKind.DEAD, f"{label} {retried}")


def backoff_delay(retry_index: int, base: float, jitter: float) -> float:
    """Exponential backoff with jitter: ``base * 2**n``, scaled by 0.5..1.5, capped."""
    return min(MAX_BACKOFF, base * (2**retry_index)) * (0.5 + jitter)


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta seconds or an HTTP date), or None.

    Whatever the server sent (``²``, a date in the year 9999, megabytes of digits),
    this returns a finite number or None and never raises.
    """
    if not value:
        return None
    value = value.strip()
    if _DIGITS.fullmatch(value):  # ASCII digits only: str.isdigit() accepts "²"
        return float(value)
    if len(value) > 64 or not value.isascii():
        return None
    # Imported here: email.utils pulls in socket, calendar and locale (~7 ms), and every
    # `listbot lint` imports this module for its rule metadata without ever retrying.
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return max(0.0, when.timestamp() - now)
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None


def conclude(
    url: str, finish: Finish, trail: Trail, last: Attempt | None, attempts: int, elapsed: float
) -> Verdict:
    """The verdict of a finished check; a permanent redirect to a working URL is ``redirect``."""
    kind, reason = finish.kind, finish.reason
    final_url = None
    if trail.chain:  # where the chain ended: server text, shown only when it is a clean URL
        from listbot.normalize.safe_url import UnsafeUrl, replacement_url, safe_url

        try:
            final_url = safe_url(trail.chain[-1][1])
        except UnsafeUrl:
            final_url = None
    if kind is VerdictKind.OK and trail.chain and trail.chain[0][0] in PERMANENT:
        permanent_target = trail.chain[0][1]
        for status, target in trail.chain:
            if status not in PERMANENT:
                break
            permanent_target = target
        if looks_like_login(permanent_target):
            # A page that now needs a login: the old URL is no worse than the login page.
            kind, reason = VerdictKind.UNVERIFIED, "redirects to a login page"
        else:
            kind, moved = VerdictKind.REDIRECT, trail.chain[0][0]
            try:  # the chain from the permanent target ended in ``last``: it must be 2xx
                final_url = replacement_url(
                    keep_fragment(url, permanent_target),
                    final_status=last.status if last else None,
                )
                reason = f"permanently redirected ({moved}) to {final_url}"
            except UnsafeUrl as unsafe:
                final_url = None
                reason = f"permanently redirected ({moved}); the new URL is not usable: {unsafe}"
    return Verdict(
        url=url,
        kind=kind,
        reason=reason,
        status=last.status if last else None,
        final_url=final_url,
        attempts=attempts,
        elapsed_ms=round(elapsed * 1000),
        failure=last.failure.value if last and last.failure else None,
        chain=trail.chain,
    )


def report_now(
    history: Any, record: Mapping[str, Any], *, report_after: int = 2, gone_at_once: bool = True
) -> bool:
    """Should the scheduled link-rot job report this link now?

    ``history`` is the link's :class:`listbot.store.History` *after* this run was recorded
    (or None); ``record`` is its entry in ``CheckReport.links``. A link is reported once it
    failed in ``report_after`` consecutive runs, or at once when it is plainly gone (404,
    410, no such domain) and ``gone_at_once`` is set.
    """
    if record.get("verdict") not in (VerdictKind.DEAD.value, VerdictKind.UNVERIFIED.value):
        return False
    if (
        gone_at_once
        and record.get("verdict") == VerdictKind.DEAD.value
        and (record.get("status") in GONE or record.get("failure") == Failure.DNS.value)
    ):
        return True
    failures = history.consecutive_failures if history is not None else 0
    return bool(failures >= max(report_after, 1))


# ---------------------------------------------------------------------------------------
# URLs


def url_key(url: str) -> str:
    """The dedupe key of a URL: no fragment, lower-case scheme and host, no default port.

    The path and query stay exactly as written: servers may treat them case- and
    encoding-sensitively, and listbot sends URLs as written.
    """
    return url_key_and_host(url)[0]


_DEFAULT_PORTS = {"http": 80, "https": 443}


def url_key_and_host(url: str) -> tuple[str, str]:
    """:func:`url_key` and the :func:`host_of` that key, from one parse of ``url``.

    Most URLs of a list are plain (:data:`~listbot.normalize.urls.PLAIN_HTTP_URL`): their
    key is put together from the match, the same text ``urlsplit`` and ``urlunsplit``
    give, in a third of the time.
    """
    stripped = url.strip()
    plain = PLAIN_HTTP_URL.fullmatch(stripped)
    if plain is not None:
        scheme, name, port, path, query, _ = plain.groups()
        scheme, name = scheme.lower(), name.lower()
        host = name
        if port is not None:
            number = int(port)
            if number > 65535:
                return _url_key_and_host(url)  # urlsplit refuses it: as it says
            if number != _DEFAULT_PORTS[scheme]:
                host = f"{name}:{number}"
        return f"{scheme}://{host}{path or '/'}{'?' + query if query else ''}", name
    return _url_key_and_host(url)


def _url_key_and_host(url: str) -> tuple[str, str]:
    """:func:`url_key_and_host` for any URL, by ``urlsplit``."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        key = url.strip().split("#", 1)[0]
        return key, host_of(key)
    name = host
    scheme = parts.scheme.lower()
    if port is not None and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}" if ":" not in host else f"[{host}]:{port}"
    elif ":" in host:
        host = f"[{host}]"
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@{host}" if userinfo else host
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, "")), name


_LOGIN_PATH = re.compile(r"/(log-?in|sign-?in|auth|sso|session|account/login)(/|$|\.)", re.I)
_LOGIN_QUERY = re.compile(r"(^|&)(next|return_?to|returnurl|redirect(_uri|_url)?|continue)=", re.I)


def looks_like_login(url: str) -> bool:
    """Whether a redirect target is a login wall (``/login?next=...``), not a new home."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(_LOGIN_PATH.search(parts.path) or _LOGIN_QUERY.search(parts.query))


def is_soft_404(old: str, new: str) -> bool:
    """A deep link redirected to the site's front page: the page is gone, not moved."""
    try:
        old_path, new_path = urlsplit(old).path, urlsplit(new).path
    except ValueError:
        return False
    return new_path in ("", "/") and old_path not in ("", "/")


def host_of(url: str) -> str:
    """The lower-case host name a URL talks to ('' when it has none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def keep_fragment(original: str, target: str) -> str:
    """``target`` with the original URL's fragment when the target has none (browsers do this)."""
    fragment = urlsplit(original).fragment
    if fragment and "#" not in target:
        return f"{target}#{fragment}"
    return target
