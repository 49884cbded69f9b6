"""The async side of the link checker: one loop per URL, a bounded window of them.

Parts: :class:`UrlJob` (a URL and every place that carries it), :class:`Run` (what
every check of one run shares: the HTTP client, the host pool, per-host settings),
:func:`check_url` (the whole loop for one URL: ask policy, sleep, fall back, follow) and
:func:`windowed` (at most N checks alive, hosts interleaved). Decisions are made in
:mod:`listbot.net.policy`; this module only awaits.

One URL can never cost the run: whatever goes wrong while checking it (a reply nobody
foresaw, a bug) becomes that URL's ``unverified`` verdict with the reason. When the
consumer stops early or the run is interrupted, every check still alive is cancelled and
awaited, so no task is left to die unobserved.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field, replace
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from listbot.model import Document, Link
from listbot.net.hosts import HostPool
from listbot.net.options import DEFAULT_ACCEPT, LinksOptions
from listbot.net.policy import (
    GONE,
    Finish,
    Follow,
    Limits,
    Retry,
    Trail,
    UseGet,
    Verdict,
    VerdictKind,
    conclude,
    host_of,
    next_step,
    retry_after_seconds,
    url_key,
)

if TYPE_CHECKING:  # the aiohttp import waits until a run needs the network
    from listbot.net.http import HttpClient


@dataclass(slots=True)
class UrlJob:
    """One URL to check and every place that carries it."""

    key: str
    url: str
    """The first occurrence as written (what is requested)."""
    host: str
    occurrences: list[tuple[Document, Link]] = field(default_factory=list)


@dataclass
class Run:
    """Shared by every URL check of one run; per-host settings are worked out once."""

    client: HttpClient
    pool: HostPool
    options: LinksOptions
    rng: random.Random = field(default_factory=random.Random)
    _limits: dict[str, Limits] = field(default_factory=dict)
    _headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def limits(self, name: str) -> Limits:
        limits = self._limits.get(name)
        if limits is None:
            options = self.options
            limits = self._limits[name] = Limits.bounded(
                retries=options.retries,
                timeout_retries=options.timeout_retries,
                backoff=options.backoff,
                max_retry_wait=options.max_retry_wait,
                accept=frozenset(options.accept) | frozenset(options.host(name).accept),
            )
        return limits

    def headers(self, name: str) -> dict[str, str]:
        headers = self._headers.get(name)
        if headers is None:
            headers = self._headers[name] = {
                "Accept": DEFAULT_ACCEPT,
                **self.options.headers,
                **self.options.host(name).headers,
                "User-Agent": self.options.agent,
            }
        return headers


async def check_url(url: str, run: Run, *, key: str = "", host: str = "") -> Verdict:
    """Check one URL: HEAD (or GET), retries, GET fallback and redirects, as policy decides.

    ``key`` and ``host`` may be passed when known (they are, per job) to save parsing.
    Never raises (but for cancellation): anything unexpected is this URL's ``unverified``.
    """
    started = time.monotonic()
    try:
        return await _check_url(url, run, key, host, started)
    except Exception as error:  # one URL's trouble, never the run's
        from listbot.normalize.safe_url import display_url

        detail = display_url(" ".join(str(error).split()), limit=120)
        return Verdict(
            url,
            VerdictKind.UNVERIFIED,
            f"could not be checked ({type(error).__name__}{': ' + detail if detail else ''})",
            elapsed_ms=round((time.monotonic() - started) * 1000),
            failure="internal",
        )


async def _check_url(url: str, run: Run, key: str, host: str, started: float) -> Verdict:
    trail = Trail(seen=frozenset({key or url_key(url)}))
    current, method, attempts = url, "HEAD", 0
    name = host or host_of(url)
    head_doubted = False
    while True:
        state = run.pool.host(name)
        refusal = run.pool.refusal(state)
        if refusal:
            finish = Finish(VerdictKind.UNVERIFIED, refusal)
            return conclude(url, finish, trail, None, attempts, time.monotonic() - started)
        if method == "HEAD" and (state.head_refused or run.options.host(name).method == "get"):
            method = "GET"
        await run.pool.acquire(state)
        try:
            refusal = run.pool.refusal(state)  # it may have changed while this one waited
            if not refusal:
                attempt = await run.client.fetch(method, current, run.headers(name))
        finally:
            run.pool.release(state)
        if refusal:
            finish = Finish(VerdictKind.UNVERIFIED, refusal)
            return conclude(url, finish, trail, None, attempts, time.monotonic() - started)
        attempts += 1
        limits = run.limits(name)
        if attempt.status in (429, 503):
            _throttle(run, name, attempt.status, attempt.retry_after, limits)
        elif attempt.status is not None and attempt.status < 400:
            run.pool.succeeded(name)
        if head_doubted and method == "GET" and attempt.status in GONE:
            state.head_refused = True  # this host's HEAD said 200 where GET says gone
        step = next_step(attempt, trail, limits, jitter=run.rng.random(), now=time.time())
        if isinstance(step, Finish):
            return conclude(url, step, trail, attempt, attempts, time.monotonic() - started)
        if isinstance(step, Retry):
            await asyncio.sleep(step.delay)
            trail = (
                replace(trail, timeout_retries=trail.timeout_retries + 1)
                if step.timeout
                else replace(trail, retries=trail.retries + 1)
            )
        elif isinstance(step, UseGet):
            state.head_refused = state.head_refused or attempt.status in (405, 501)
            head_doubted = attempt.status is not None and 200 <= attempt.status < 300
            method = "GET"
        elif isinstance(step, Follow):
            trail = replace(
                trail,
                chain=(*trail.chain, (step.status, step.url)),
                seen=trail.seen | {url_key(step.url)},
            )
            current, method, name = step.url, "HEAD", host_of(step.url)


def _throttle(run: Run, name: str, status: int, header: str | None, limits: Limits) -> None:
    """A 429 or 503: pause the host briefly, or stop asking it when it wants a long wait."""
    asked = retry_after_seconds(header, time.time())
    if asked is not None and asked > limits.max_retry_wait:
        label = "rate limited (HTTP 429)" if status == 429 else f"HTTP {status}"
        run.pool.refuse(name, f"{label}; the server asks to wait {asked:.0f} s", asked)
    elif status == 429:
        run.pool.rate_limited(name, asked, cap=limits.max_retry_wait)


async def windowed(
    jobs: list[UrlJob],
    run: Run,
    *,
    window: int,
    stop: asyncio.Event | None = None,
    narrow: Callable[[], int | None] | None = None,
) -> AsyncGenerator[tuple[str, Verdict], None]:
    """Check jobs with at most ``window`` checks alive at once, hosts interleaved.

    A task per URL up front would cost memory in proportion to the list (10,000 links:
    tens of MB); round-robin over hosts keeps the window spread so no host's queue
    blocks the others. ``narrow()`` may lower the window for now (the run keeps it small
    until it knows the network answers at all). It stops when ``stop`` is set, or when
    closed (``contextlib.aclosing``): the checks still running are cancelled and awaited.
    """
    queue = iter(_interleave(jobs))
    running: set[asyncio.Task[tuple[str, Verdict]]] = set()
    stopped: asyncio.Task[bool] | None = (
        asyncio.ensure_future(stop.wait()) if stop is not None else None
    )
    try:
        while True:
            limit = min(window, (narrow() if narrow else None) or window)
            while len(running) < limit and (job := next(queue, None)) is not None:
                running.add(asyncio.ensure_future(_keyed(job, run)))
            if not running or (stop is not None and stop.is_set()):
                return
            waiting: set[asyncio.Task[Any]] = {*running, *([stopped] if stopped else [])}
            finished, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
            for task in finished:
                if task is not stopped:
                    running.discard(task)
                    yield task.result()
    finally:
        await cancel_all({*running, *([stopped] if stopped else [])})


async def cancel_all(tasks: set[asyncio.Task[Any]]) -> None:
    """Cancel ``tasks`` and wait for them, so none ends with an exception nobody reads."""
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)


def _interleave(jobs: list[UrlJob]) -> list[UrlJob]:
    """Jobs round-robin by host, each host's jobs in list order."""
    by_host: dict[str, list[UrlJob]] = {}
    for job in jobs:
        by_host.setdefault(job.host, []).append(job)
    columns = list(by_host.values())
    return [job for row in zip_longest(*columns) for job in row if job is not None]


async def _keyed(job: UrlJob, run: Run) -> tuple[str, Verdict]:
    return job.key, await check_url(job.url, run, key=job.key, host=job.host)
