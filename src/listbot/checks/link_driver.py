"""The async side of the link checker: one loop per URL, a bounded window of them.

Parts: :class:`UrlJob` (a URL and every place that carries it), :class:`Run` (what
every check of one run shares: the HTTP client, the host pool, per-host settings),
:func:`check_url` (the whole loop for one URL: ask policy, sleep, fall back, follow) and
:func:`windowed` (at most N checks alive, hosts interleaved). Decisions are made in
:mod:`listbot.net.policy`; this module only awaits.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from itertools import zip_longest
from typing import TYPE_CHECKING

from listbot.model import Document, Link
from listbot.net.hosts import HostPool
from listbot.net.options import DEFAULT_ACCEPT, LinksOptions
from listbot.net.policy import (
    Finish,
    Follow,
    Limits,
    Retry,
    Trail,
    UseGet,
    Verdict,
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
            limits = self._limits[name] = Limits(
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
    """
    started = time.monotonic()
    trail = Trail(seen=frozenset({key or url_key(url)}))
    current, method, attempts = url, "HEAD", 0
    name = host or host_of(url)
    while True:
        state = run.pool.host(name)
        if method == "HEAD" and (state.head_refused or run.options.host(name).method == "get"):
            method = "GET"
        await run.pool.acquire(state)
        try:
            attempt = await run.client.fetch(method, current, run.headers(name))
        finally:
            run.pool.release(state)
        attempts += 1
        if attempt.status == 429:
            run.pool.rate_limited(name, retry_after_seconds(attempt.retry_after, time.time()))
        elif attempt.status is not None and attempt.status < 400:
            run.pool.succeeded(name)
        step = next_step(attempt, trail, run.limits(name), jitter=run.rng.random(), now=time.time())
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
            method = "GET"
        elif isinstance(step, Follow):
            trail = replace(
                trail,
                chain=(*trail.chain, (step.status, step.url)),
                seen=trail.seen | {url_key(step.url)},
            )
            current, method, name = step.url, "HEAD", host_of(step.url)


async def windowed(
    jobs: list[UrlJob], run: Run, *, window: int
) -> AsyncIterator[tuple[str, Verdict]]:
    """Check jobs with at most ``window`` checks alive at once, hosts interleaved.

    A task per URL up front would cost memory in proportion to the list (10,000 links:
    tens of MB); round-robin over hosts keeps the window spread so no host's queue
    blocks the others.
    """
    queue = iter(_interleave(jobs))
    running: set[asyncio.Task[tuple[str, Verdict]]] = set()
    while True:
        for job in queue:
            running.add(asyncio.ensure_future(_keyed(job, run)))
            if len(running) >= window:
                break
        if not running:
            return
        finished, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
        for task in finished:
            yield task.result()


def _interleave(jobs: list[UrlJob]) -> list[UrlJob]:
    """Jobs round-robin by host, each host's jobs in list order."""
    by_host: dict[str, list[UrlJob]] = {}
    for job in jobs:
        by_host.setdefault(job.host, []).append(job)
    columns = list(by_host.values())
    return [job for row in zip_longest(*columns) for job in row if job is not None]


async def _keyed(job: UrlJob, run: Run) -> tuple[str, Verdict]:
    return job.key, await check_url(job.url, run, key=job.key, host=job.host)
