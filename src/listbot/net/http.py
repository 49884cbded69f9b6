"""The only aiohttp import: one session per run, one request per call, errors translated once.

Parts: :class:`HttpClient` (``async with``: raises the open-file limit, opens one
``ClientSession`` with raised header limits and a guarded resolver; :meth:`HttpClient.fetch`
makes exactly one request, never follows redirects, reads at most 64 KB of a body and
only when that helps) and :func:`translate` (every aiohttp/asyncio exception -> a
:class:`~listbot.net.policy.Failure`). Nothing above this module sees an aiohttp type.

The resolver is injectable: ``resolve`` maps host names to ``address[:port]`` (tests
and the benchmark point names at loopback servers this way), ``resolver`` replaces the
system's DNS (tests simulate a machine without working DNS with it; code only), and the
private-address guard filters what DNS returns, so a public-looking name cannot lead to
127.0.0.1. With ``HTTP(S)_PROXY`` set the proxy resolves names, so the guard resolves the
target first and refuses private ones (and local-only names) before anything is sent.

Everything a server says is untrusted: header values reach the rest of listbot as valid
UTF-8 without control characters (bytes that were not UTF-8 become U+FFFD), so no report
can carry them, and :func:`translate` turns any exception into a failure kind.
"""

from __future__ import annotations

import asyncio
import errno
import re
import socket
import ssl
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any

from yarl import URL

from listbot.net import certificates

with certificates.loading_in_background():
    import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.helpers import get_env_proxy_for_url

from listbot.net.guard import blocked_reason, is_ip_literal
from listbot.net.policy import Attempt, Failure, bounded, host_of

BODY_LIMIT = 64 * 1024
"""Never read more of a body than this: enough to spot a challenge page or reuse a connection."""
HEADER_LIMIT = 32 * 1024
_GONE_ERRNOS = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}
_REFUSED = {errno.ECONNREFUSED}
_UNREACHABLE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL}
_RESET = {errno.ECONNRESET, errno.ECONNABORTED, errno.EPIPE}
_CHALLENGE_MARKERS = (b"challenge-platform", b"cf-chl", b"Just a moment...", b"captcha")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".lan", ".localdomain")
MAX_TIMEOUT = 300.0

resolver_factory: Callable[[], AbstractResolver] | None = None
"""Makes the resolver behind the guard when a client is given none (default: the system's
DNS through threads). Tests set it to simulate broken DNS under the whole CLI; it cannot be
set from configuration."""


class PrivateAddressError(Exception):
    """Every address of a host is loopback, private, link-local or cloud metadata."""


class _GuardedResolver(AbstractResolver):
    """DNS (or the ``resolve`` mapping) followed by the private-address guard."""

    def __init__(
        self,
        mapping: Mapping[str, str],
        *,
        only_mapping: bool,
        allow_private: bool,
        inner: AbstractResolver | None = None,
        trusted: frozenset[str] = frozenset(),
    ):
        self._mapping = {name.lower(): value for name, value in mapping.items()}
        self._only_mapping = only_mapping
        self._allow_private = allow_private
        self._inner = inner
        self._trusted = trusted
        """Names the user chose (proxies; canaries in their own client): not guarded."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        target = self._mapping.get(host.lower())
        if target is not None:
            results = [_mapped(host, target, port)]
        elif self._only_mapping:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        else:
            if self._inner is None:
                self._inner = resolver_factory() if resolver_factory else aiohttp.ThreadedResolver()
            results = await self._inner.resolve(host, port, family)
        if self._allow_private or host.lower() in self._trusted:
            return results
        public = [result for result in results if blocked_reason(result["host"]) is None]
        if not public:
            reason = blocked_reason(results[0]["host"]) if results else "no address"
            raise PrivateAddressError(f"{host} resolves to {reason}")
        return public

    async def close(self) -> None:
        if self._inner is not None:
            await self._inner.close()


def _mapped(host: str, target: str, port: int) -> ResolveResult:
    """A ``resolve`` entry for aiohttp; ``nxdomain`` and ``servfail`` simulate DNS errors."""
    if target == "nxdomain":
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    if target == "servfail":
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
    address, _, port_text = target.rpartition(":") if target.count(":") == 1 else (target, "", "")
    return ResolveResult(
        hostname=host,
        host=address,
        port=int(port_text) if port_text else port,
        family=socket.AF_INET6 if ":" in address else socket.AF_INET,
        proto=0,
        flags=socket.AI_NUMERICHOST,
    )


def raise_open_file_limit(target: int = 8192) -> None:
    """Raise the soft RLIMIT_NOFILE towards ``target`` (lychee #2106): one fd per connection."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        want = target if hard == resource.RLIM_INFINITY else min(target, hard)
        if soft != resource.RLIM_INFINITY and soft < want:
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    except (ValueError, OSError):  # pragma: no cover - not allowed here; carry on
        pass


class HttpClient:
    """One aiohttp session for a whole run. ``fetch`` is the only call into aiohttp."""

    def __init__(
        self,
        *,
        connect_timeout: float,
        timeout: float,
        connections: int,
        allow_private: bool = False,
        resolve: Mapping[str, str] | None = None,
        only_mapping: bool = False,
        ssl_context: ssl.SSLContext | None = None,
        resolver: AbstractResolver | None = None,
        trusted_hosts: frozenset[str] = frozenset(),
    ) -> None:
        self._timeout = aiohttp.ClientTimeout(
            total=bounded(timeout, 0.1, MAX_TIMEOUT, 15.0),
            sock_connect=bounded(connect_timeout, 0.1, MAX_TIMEOUT, 10.0),
        )
        self._connections = int(bounded(connections, 1, 4096, 256))
        self._allow_private = allow_private
        self._resolve = dict(resolve or {})
        self._only_mapping = only_mapping
        # aiohttp's own verified context (built once, at import) unless one is given:
        # another default context would load the system's certificates again.
        self._ssl: ssl.SSLContext | bool = ssl_context or True
        self._inner_resolver = resolver
        self._trusted = frozenset(name.lower() for name in trusted_hosts)
        self._resolver: _GuardedResolver | None = None
        self._session: aiohttp.ClientSession | None = None
        self._proxied = False
        self._proxy_verdicts: dict[str, str | None] = {}
        self._literal_verdicts: dict[str, str | None] = {}

    async def __aenter__(self) -> HttpClient:
        raise_open_file_limit()
        # trust_env costs two thread hops per request (netrc, proxy lookup): only
        # pay for it when a proxy is configured.
        self._proxied = not self._resolve and _proxy_configured()
        if self._proxied:
            certificates.wait()  # the proxy may be reached over TLS whatever the URL
        self._resolver = resolver = _GuardedResolver(
            self._resolve,
            only_mapping=self._only_mapping,
            allow_private=self._allow_private,
            inner=self._inner_resolver,
            trusted=self._trusted | (_proxy_hosts() if self._proxied else frozenset()),
        )
        connector = aiohttp.TCPConnector(
            limit=self._connections,
            limit_per_host=0,  # hosts.py limits per host; the pool only caps sockets
            ttl_dns_cache=300,
            resolver=resolver,
            ssl=self._ssl,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            timeout=self._timeout,
            max_line_size=HEADER_LIMIT,
            max_field_size=HEADER_LIMIT,
            auto_decompress=True,
            trust_env=self._proxied,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def fetch(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        *,
        timeout: float | None = None,
        read_body: bool = False,
        host: str | None = None,
    ) -> Attempt:
        """Make one request; never raise for network trouble (it becomes ``Attempt.failure``).

        ``timeout`` (seconds) replaces the session's for this request (the canary probe).
        ``read_body`` keeps the start of the body (at most 64 KB) in ``Attempt.body``: an
        API's small answer (the Internet Archive's availability API). ``host`` is
        ``host_of(url)`` when the caller knows it already.
        """
        assert self._session is not None, "use `async with HttpClient(...)`"
        started = time.monotonic()
        if host is None:
            host = host_of(url)
        if not self._allow_private and (reason := self._blocked_literal(host)):
            return Attempt(method, url, failure=Failure.PRIVATE, detail=f"{host} is {reason}")
        if certificates.pending() and not url.startswith("http://"):
            certificates.wait()  # a TLS handshake needs the certificates aiohttp asked for
        if self._proxied and not self._allow_private and not is_ip_literal(host):
            refused = await self._through_proxy(host, url)
            if refused:
                return Attempt(method, url, failure=Failure.PRIVATE, detail=refused)
        try:
            extra: dict[str, Any] = {}
            if timeout is not None:
                seconds = bounded(timeout, 0.1, MAX_TIMEOUT, 5.0)
                extra["timeout"] = aiohttp.ClientTimeout(total=seconds, sock_connect=seconds)
            async with self._session.request(
                method, _as_written(url), headers=headers, allow_redirects=False, **extra
            ) as response:
                bot_wall = response.headers.get("cf-mitigated", "").lower() == "challenge"
                head = b""
                if method == "GET" and (read_body or _worth_reading(response)):
                    head = await _read_some(response)
                    bot_wall = bot_wall or (
                        response.status in (403, 429, 503)
                        and any(marker in head for marker in _CHALLENGE_MARKERS)
                    )
                return Attempt(
                    method,
                    url,
                    status=response.status,
                    location=header_text(response.headers.get("Location")),
                    retry_after=header_text(response.headers.get("Retry-After")),
                    bot_wall=bot_wall,
                    elapsed=time.monotonic() - started,
                    content_type=header_text(response.headers.get("Content-Type")),
                    body=head if read_body else b"",
                )
        except Exception as error:  # translated into a failure kind
            failure, detail = translate(error)
            return Attempt(
                method, url, failure=failure, detail=detail, elapsed=time.monotonic() - started
            )

    def _blocked_literal(self, host: str) -> str | None:
        """Why ``host``, an IP address written in the URL, must not be asked (None: it may,
        or it is a name, which the resolver guards). Worked out once per host."""
        try:
            return self._literal_verdicts[host]
        except KeyError:
            reason = blocked_reason(host) if is_ip_literal(host) else None
            self._literal_verdicts[host] = reason
            return reason

    async def _through_proxy(self, host: str, url: str) -> str | None:
        """Why ``url`` must not go through the proxy (its name is private), or None.

        The proxy would resolve the name itself, beyond the guard: resolve it here first.
        A name that does not resolve here is left to the proxy unless it is local-only.
        """
        if host in self._proxy_verdicts:
            return self._proxy_verdicts[host]
        verdict: str | None = None
        try:
            get_env_proxy_for_url(URL(url))
        except (LookupError, ValueError):
            self._proxy_verdicts[host] = None  # sent directly: the connector's guard applies
            return None
        assert self._resolver is not None
        try:
            await self._resolver.resolve(host, 0, socket.AF_UNSPEC)
        except PrivateAddressError as error:
            verdict = str(error)
        except OSError:
            if "." not in host.strip(".") or host.endswith(_LOCAL_SUFFIXES) or host == "localhost":
                verdict = f"{host} is a local name; not sent through the proxy"
        self._proxy_verdicts[host] = verdict
        return verdict


def header_text(value: str | None, limit: int = HEADER_LIMIT) -> str | None:
    """A header value as clean text: valid UTF-8, no control characters (U+FFFD instead).

    aiohttp decodes header bytes that are not UTF-8 as lone surrogates; those, and control
    characters, must never reach a report, a message or a file.
    """
    if value is None:
        return None
    if not value.isascii():
        value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub("\ufffd", value[:limit])


def _proxy_configured() -> bool:
    import urllib.request

    return any(scheme in ("http", "https", "all") for scheme in urllib.request.getproxies())


def _proxy_hosts() -> frozenset[str]:
    """Host names of the configured proxies (the user chose them: they may be private)."""
    import urllib.request

    names = set()
    for scheme, address in urllib.request.getproxies().items():
        if scheme in ("http", "https", "all"):
            name = host_of(address if "://" in address else f"http://{address}")
            if name:
                names.add(name)
    return frozenset(names)


def _as_written(url: str) -> URL:
    """Send the URL as written (no re-encoding) when it is plain ASCII; else let yarl encode it."""
    if url.isascii() and " " not in url:
        return URL(url, encoded=True)
    return URL(url)


def _worth_reading(response: Any) -> bool:
    """Read a little body only to spot a challenge page or to keep a small answer's connection."""
    if response.status in (403, 429, 503):
        return True
    length = response.content_length
    return length is not None and length <= BODY_LIMIT


async def _read_some(response: Any) -> bytes:
    """At most BODY_LIMIT bytes; errors here do not matter (the status is already known)."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size < BODY_LIMIT:
            chunk = await response.content.readany()
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
        pass
    return b"".join(chunks)[:BODY_LIMIT]


def translate(error: BaseException) -> tuple[Failure, str]:
    """Map an exception from one request to a failure kind and a short, safe detail."""
    if isinstance(error, PrivateAddressError):
        return Failure.PRIVATE, str(error)
    if isinstance(error, aiohttp.ClientConnectorDNSError):
        code = getattr(error.os_error, "errno", None)
        text = str(getattr(error.os_error, "strerror", "") or error.os_error)
        gone = code in _GONE_ERRNOS or "not found" in text.lower() or "not known" in text.lower()
        return (Failure.DNS if gone else Failure.DNS_TEMPORARY), text
    if isinstance(error, (aiohttp.ClientConnectorCertificateError, aiohttp.ClientSSLError)):
        return Failure.TLS, _short(error)
    if isinstance(error, (aiohttp.ServerTimeoutError, asyncio.TimeoutError, TimeoutError)):
        return Failure.TIMEOUT, ""
    if isinstance(error, aiohttp.ClientConnectorError):
        code = error.os_error.errno if error.os_error else None
        if code in _REFUSED:
            return Failure.REFUSED, ""
        if code in _UNREACHABLE:
            return Failure.UNREACHABLE, _short(error.os_error)
        if code in _RESET:
            return Failure.RESET, ""
        return Failure.UNREACHABLE, _short(error.os_error)
    if isinstance(
        error,
        (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError, ConnectionResetError),
    ):
        return Failure.RESET, ""
    if isinstance(error, aiohttp.ClientOSError):
        return (Failure.RESET if error.errno in _RESET else Failure.PROTOCOL), _short(error)
    if isinstance(error, (aiohttp.InvalidURL, ValueError)):
        return Failure.INVALID, "not a valid URL"
    if isinstance(error, aiohttp.ClientResponseError):
        return Failure.PROTOCOL, _short(error.message)
    if isinstance(error, (aiohttp.ClientError, OSError)):
        return Failure.PROTOCOL, _short(error)
    # Anything else (a reply nobody foresaw): this request failed, the run goes on.
    return Failure.PROTOCOL, _short(f"{type(error).__name__}: {error}")


def _short(error: object, limit: int = 120) -> str:
    text = header_text(" ".join(str(error).split())) or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"
