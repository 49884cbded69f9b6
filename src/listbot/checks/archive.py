"""Archived copies of dead links, from the Internet Archive's availability API.

For a dead link the link-rot issue suggests the Wayback Machine's snapshot from before it
died, and ``lint --fix --unsafe-fixes`` (or the maintenance job, when asked to) can put it
in the list. ``GET {[links] archive_api_url}?url=URL&timestamp=YYYYMMDD`` answers
``{"archived_snapshots": {"closest": {"available": true, "url": ..., "timestamp": ...,
"status": "200"}}}``, or no ``closest`` when there is none.

At most one request per dead URL per run, each with ``[links] timeout``, at most
:data:`CONCURRENCY` at a time; answers (a snapshot, or none) are kept in the store
(:data:`FOUND_TTL`, :data:`NONE_TTL`). A request that fails (no answer, an error status,
anything but that JSON) stops the lookups for the rest of the run: the URLs left are
"not checked", never "no archived copy". Everything in an answer is server text: a
snapshot counts only when the archive captured it with a 2xx status and its URL is a
Wayback URL (``https://web.archive.org/web/<timestamp>/...``) that passes
:func:`listbot.normalize.safe_url.replacement_url`.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from listbot.net.options import LinksOptions
from listbot.net.policy import host_of, url_key

if TYPE_CHECKING:
    from listbot.net.http import HttpClient
    from listbot.store import Store

STORE_KIND = "archive"
FOUND_TTL = 30 * 86400.0
"""Seconds a snapshot found is reused: a capture does not go away."""
NONE_TTL = 7 * 86400.0
"""Seconds "no archived copy" is reused before asking again (the archive keeps crawling)."""
CONCURRENCY = 4
"""Lookups in flight at most: the archive is a shared, donation-funded service."""
WAYBACK_HOST = "web.archive.org"
_TIMESTAMP = re.compile(r"[0-9]{14}")
_WAYBACK_PATH = re.compile(r"/web/([0-9]{14})/")


@dataclass(frozen=True)
class Snapshot:
    """An archived copy: its URL (safe to write into a list) and when it was captured."""

    url: str
    timestamp: str
    """``YYYYMMDDhhmmss`` (UTC), as the archive writes it."""

    @property
    def date(self) -> str:
        return f"{self.timestamp[:4]}-{self.timestamp[4:6]}-{self.timestamp[6:8]}"


@dataclass
class Lookups:
    """What the archive said about each dead URL (by URL key)."""

    found: dict[str, Snapshot | None] = field(default_factory=dict)
    """A snapshot, or None when the archive has no usable copy."""
    not_checked: set[str] = field(default_factory=set)
    notice: str | None = None
    """Why some URLs were not checked (the API could not be asked), for the run's notices."""

    def status(self, url: str) -> dict[str, Any]:
        """The ``archive`` entry of a link record: found (url, date), none or not checked."""
        key = url_key(url)
        if key in self.found:
            snapshot = self.found[key]
            if snapshot is None:
                return {"status": "none"}
            return {"status": "found", "url": snapshot.url, "date": snapshot.date}
        return {"status": "not checked"}


def snapshot_from_answer(data: bytes) -> Snapshot | None:
    """The snapshot an availability answer offers, None when it offers none.

    Raises ValueError for an answer that is not the API's JSON (the API is not working).
    """
    try:
        answer = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, RecursionError, json.JSONDecodeError) as error:
        raise ValueError(f"an answer that is not JSON ({error})") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("archived_snapshots"), dict):
        raise ValueError("an answer without archived_snapshots")
    closest = answer["archived_snapshots"].get("closest")
    if not isinstance(closest, dict) or closest.get("available") is not True:
        return None
    timestamp, status, url = closest.get("timestamp"), closest.get("status"), closest.get("url")
    if not isinstance(timestamp, str) or not _TIMESTAMP.fullmatch(timestamp):
        return None
    if not isinstance(status, str) or not status.isdigit() or not 200 <= int(status) < 300:
        return None  # a capture of an error page is no copy
    wayback = wayback_url(url)
    if wayback is None or _WAYBACK_PATH.match(urlsplit(wayback).path or "") is None:
        return None
    return Snapshot(wayback, timestamp)


def wayback_url(candidate: object) -> str | None:
    """``candidate`` as a clean https Wayback Machine URL, or None.

    The archive answers with ``http://web.archive.org/...``; the site serves HTTPS, so the
    suggestion uses it. Any other host, or a URL the safe-URL validator refuses, is None.
    """
    from listbot.normalize.safe_url import UnsafeUrl, replacement_url

    if not isinstance(candidate, str):
        return None
    if candidate.lower().startswith("http://"):
        candidate = "https://" + candidate[len("http://") :]
    try:
        url = replacement_url(candidate, final_status=200)
    except UnsafeUrl:
        return None
    return url if host_of(url) == WAYBACK_HOST and url.startswith("https://") else None


def request_url(api_url: str, url: str, since: float | None) -> str:
    """The availability request for ``url``: the capture closest to when it still worked."""
    query = {"url": url}
    if since is not None:
        query["timestamp"] = datetime.fromtimestamp(since, tz=timezone.utc).strftime("%Y%m%d")
    return f"{api_url}{'&' if '?' in api_url else '?'}{urlencode(query)}"


def _stored(value: Any) -> Snapshot | None:
    """A stored answer: ``{"url": ..., "timestamp": ...}`` or ``{"url": null}``."""
    if value.get("url") is None:
        return None
    snapshot = Snapshot(str(value["url"]), str(value["timestamp"]))
    if wayback_url(snapshot.url) != snapshot.url or not _TIMESTAMP.fullmatch(snapshot.timestamp):
        raise ValueError("not a snapshot we stored")
    return snapshot


def _read_stored(value: Any) -> tuple[Snapshot | None, Any]:
    """A stored answer and the value it was read from; raises for a value we did not store
    (the store drops it)."""
    return _stored(value), value


async def look_up(
    urls: Iterable[str],
    options: LinksOptions,
    store: Store,
    client: Callable[[int, frozenset[str]], HttpClient],
    since: Mapping[str, float | None] | None = None,
) -> Lookups:
    """Ask the archive about each URL once (stored answers first); see the module doc.

    ``client(connections, trusted_hosts)`` makes the HTTP client (the run's settings; the
    API's own host is trusted, as the user configured it). ``since`` maps a URL to when it
    started failing, to ask for the capture closest to that time.
    """
    lookups = Lookups()
    pending: dict[str, str] = {}
    for url in urls:
        pending.setdefault(url_key(url), url)
    if not pending or not options.archive_api_url:
        lookups.not_checked.update(pending)
        return lookups
    now = store.clock()
    stored = store.read_many(STORE_KIND, pending, FOUND_TTL, _read_stored)
    for key, (snapshot, value) in stored.items():
        if snapshot is not None or now - float(value.get("asked_at", 0)) <= NONE_TTL:
            lookups.found[key] = snapshot
            del pending[key]
    if not pending:
        return lookups
    headers = {"Accept": "application/json", "User-Agent": options.agent}
    api_host = host_of(options.archive_api_url)
    stop = asyncio.Event()
    limit = asyncio.Semaphore(CONCURRENCY)
    rows: list[tuple[str, Any, bool]] = []

    async def ask(http: HttpClient, key: str, url: str) -> None:
        async with limit:
            if stop.is_set():
                return
            target = request_url(options.archive_api_url, url, (since or {}).get(url))
            attempt = await http.fetch("GET", target, headers, read_body=True)
            try:
                if attempt.failure is not None:
                    raise ValueError(attempt.failure.value)
                if attempt.status != 200:
                    raise ValueError(f"HTTP {attempt.status}")
                snapshot = snapshot_from_answer(attempt.body)
            except ValueError as problem:
                if not stop.is_set():
                    lookups.notice = f"archived copies not checked: the archive API gave {problem}"
                stop.set()
                return
            lookups.found[key] = snapshot
            value: dict[str, Any] = {"url": None, "asked_at": now}
            if snapshot is not None:
                value.update(url=snapshot.url, timestamp=snapshot.timestamp)
            rows.append((key, value, snapshot is not None))

    async with client(CONCURRENCY, frozenset({api_host})) as http:
        await asyncio.gather(*(ask(http, key, url) for key, url in pending.items()))
    store.put_many(STORE_KIND, rows)
    lookups.not_checked.update(key for key in pending if key not in lookups.found)
    return lookups
