"""The async side of the link checker: one loop per URL, a bounded window of them.

Parts: :class:`UrlJob` (a URL and every place that carries it), :class:`Run` (what
every check of one run shares: the HTTP client, the host pool, per-host settings),
:func:`check_url` (the whole loop for one URL: ask policy, sleep, fall back, follow) and
:func:`windowed` (N workers, each taking the next URL as it finishes one, hosts in
turn, a host only while it has room). Decisions are made in :mod:`listbot.net.policy`;
this module only awaits.

One URL can never cost the run: whatever goes wrong while checking it (a reply nobody
foresaw, a bug) becomes that URL's ``unverified`` verdict with the reason. When the
consumer stops early or the run is interrupted, every check still alive is cancelled and
awaited, so no task is left to die unobserved.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from listbot.model import Document, Link
from listbot.net.hosts import Host, HostPool
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


@dataclass(slots=True)
class HostPlan:
    """What every request to one host needs, worked out once per run."""

    state: Host
    limits: Limits
    headers: dict[str, str]
    get_only: bool
    """``[links.hosts."name"] method = "get"``: never HEAD here."""


@dataclass
class Run:
    """Shared by every URL check of one run; per-host settings are worked out once."""

    client: HttpClient
    pool: HostPool
    options: LinksOptions
    rng: random.Random = field(default_factory=random.Random)
    _plans: dict[str, HostPlan] = field(default_factory=dict)

    def plan(self, name: str) -> HostPlan:
        plan = self._plans.get(name)
        if plan is None:
            options, host = self.options, self.options.host(name)
            plan = self._plans[name] = HostPlan(
                state=self.pool.host(name),
                limits=Limits.bounded(
                    retries=options.retries,
                    timeout_retries=options.timeout_retries,
                    backoff=options.backoff,
                    max_retry_wait=options.max_retry_wait,
                    accept=frozenset(options.accept) | frozenset(host.accept),
                ),
                headers={
                    "Accept": DEFAULT_ACCEPT,
                    **options.headers,
                    **host.headers,
                    "User-Agent": options.agent,
                },
                get_only=host.method == "get",
            )
        return plan

    def limits(self, name: str) -> Limits:
        return self.plan(name).limits

    def headers(self, name: str) -> dict[str, str]:
        return self.plan(name).headers


_FRESH = Trail()
"""The trail of a check before its first retry or redirect (``seen`` is filled at the first
redirect: until then the only URL requested is the one checked, which
:func:`~listbot.net.policy.next_step` compares a redirect's target with anyway)."""


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
    trail = _FRESH  # replaced on a retry or a redirect: most checks need neither
    current, method, attempts = url, "HEAD", 0
    name = host or host_of(url)
    head_doubted = False
    pool = run.pool
    while True:
        plan = run.plan(name)
        state = plan.state
        refusal = pool.refusal(state)
        if refusal:
            finish = Finish(VerdictKind.UNVERIFIED, refusal)
            return conclude(url, finish, trail, None, attempts, time.monotonic() - started)
        if method == "HEAD" and (state.head_refused or plan.get_only):
            method = "GET"
        await pool.acquire(state)
        try:
            refusal = pool.refusal(state)  # it may have changed while this one waited
            if not refusal:
                state.requests += 1
                attempt = await run.client.fetch(method, current, plan.headers, host=name)
        finally:
            pool.release(state)
        if refusal:
            finish = Finish(VerdictKind.UNVERIFIED, refusal)
            return conclude(url, finish, trail, None, attempts, time.monotonic() - started)
        attempts += 1
        limits = plan.limits
        status = attempt.status
        if status == 429 or status == 503:
            _throttle(run, name, status, attempt.retry_after, limits)
        elif state.pause and status is not None and status < 400:
            pool.succeeded(name)  # the 429 backoff starts again from its shortest
        if head_doubted and method == "GET" and status in GONE:
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
            state.head_refused = state.head_refused or status in (405, 501)
            head_doubted = status is not None and 200 <= status < 300
            method = "GET"
        elif isinstance(step, Follow):
            seen = trail.seen or frozenset({key or url_key(url)})  # the first hop's
            trail = replace(
                trail,
                chain=(*trail.chain, (step.status, step.url)),
                seen=seen | {url_key(step.url)},
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
) -> AsyncGenerator[tuple[UrlJob, Verdict], None]:
    """Check jobs with at most ``window`` checks alive at once, hosts in turn.

    ``window`` workers take the next job as they finish one (a task per URL up front
    would cost memory in proportion to the list, and waiting on all of them for the
    first to finish costs CPU in proportion to the window). A worker takes a job only
    for a host with room for a request now (:class:`Lanes`): no check waits on a busy
    host while another host could go, and no host's queue blocks the others. ``narrow()``
    may limit for now how many hosts are asked at once (the run keeps it to a few until
    it knows the network answers at all; each of those hosts gets its full share of
    checks, so a list of few hosts starts at full speed); once it says None (no limit),
    it is not asked again. Verdicts come out as they are
    reached. It stops when ``stop`` is
    set, or when closed (``contextlib.aclosing``): the checks still running are
    cancelled and awaited.
    """
    lanes = Lanes(jobs, run.pool)
    finished: deque[tuple[UrlJob, Verdict]] = deque()
    wake = asyncio.Event()
    workers: set[asyncio.Task[None]] = set()
    failed: list[BaseException] = []
    busy = 0

    narrowing = narrow

    def hosts() -> int | None:
        """The hosts that may be asked at once for now (None: any number, from then on)."""
        nonlocal narrowing
        cap = narrowing() if narrowing else None
        if cap is None:
            narrowing = None  # asked once per check otherwise, for nothing
        return cap

    def may_take() -> bool:
        """Whether a worker may start another check now. While the hosts are narrowed
        the consumer must have read every verdict first: what it learns from them (the
        network answers, or the run stops) decides whether more checks start at all."""
        if stop is not None and stop.is_set():
            return False
        return busy < window and (not finished or hosts() is None)

    def spawn() -> None:
        task = asyncio.ensure_future(work())
        workers.add(task)
        task.add_done_callback(ended)

    async def work() -> None:
        nonlocal busy
        while may_take():  # a worker beyond a narrowed window leaves
            job = lanes.take(anyway=busy == 0, hosts=hosts())
            if job is None:  # no host has room: the checks running take the next jobs
                return
            if lanes.ready and len(workers) < window:
                spawn()  # another host (or this one) has room too: one more worker
            busy += 1
            try:
                verdict = await check_url(job.url, run, key=job.key, host=job.host)
            finally:
                busy -= 1
            lanes.ended(job.host)
            for _, target in verdict.chain:  # its redirects held slots there too
                lanes.freed(host_of(target))
            finished.append((job, verdict))
            wake.set()

    def ended(task: asyncio.Task[None]) -> None:
        workers.discard(task)
        if not task.cancelled() and task.exception() is not None:
            failed.append(task.exception())  # type: ignore[arg-type]
        wake.set()

    relay = asyncio.ensure_future(_relay(stop, wake)) if stop is not None else None
    try:
        while True:
            if stop is not None and stop.is_set():
                return
            if failed:
                raise failed[0]
            while finished:
                yield finished.popleft()
            if hosts() is None:
                lanes.widen()
            for _ in range(min(window - len(workers), lanes.startable(idle=not workers))):
                spawn()  # the workers started take the rest of the room (see work)
            if not workers and not finished:
                return
            if not finished:
                wake.clear()
                await wake.wait()
    finally:
        await cancel_all({*workers, *([relay] if relay else [])})


class Lanes:
    """The jobs waiting, queued by host; :meth:`take` gives hosts their turns.

    A host whose slots are all taken is set aside (``full``) until a check that held one
    of them ends (:meth:`freed`), so workers never queue on a busy host's slots: on a
    list of 20 hosts, a window of 512 checks kept 300 of them waiting there, each wait
    costing a future and a wake-up.
    """

    def __init__(self, jobs: list[UrlJob], pool: HostPool) -> None:
        self.pool = pool
        self.queues: dict[str, deque[UrlJob]] = {}
        for job in jobs:
            self.queues.setdefault(job.host, deque()).append(job)
        self.ready: deque[str] = deque(self.queues)
        """Hosts with jobs waiting, in turn; a host is back at the end after each job."""
        self.full: set[str] = set()
        """Hosts with jobs waiting but no room at the last look."""
        self.active: dict[str, int] = {}
        """Checks taken and not yet ended, by host."""
        self.later: deque[str] = deque()
        """Hosts with jobs waiting, set aside while only a few hosts may be asked."""

    def take(self, *, anyway: bool = False, hosts: int | None = None) -> UrlJob | None:
        """The next job whose host has room now, hosts in turn; None if no host has.

        The caller starts the check at once: it takes its host slot before any other
        worker runs, so the room seen here is the room there is. ``anyway``: nothing of
        this run is running, so nothing will free a slot for us: take the next job all
        the same (it waits its turn). ``hosts``: at most that many hosts with checks
        running (others wait in :attr:`later` until one of those ends or :meth:`widen`).
        """
        ready, pool, active = self.ready, self.pool, self.active
        while ready:
            name = ready.popleft()
            if hosts is not None and name not in active and len(active) >= hosts:
                self.later.append(name)
                continue
            room = pool.room(name)
            if room > 0:
                return self._next(name, more=room > 1)
            self.full.add(name)
        if anyway and self.full:
            return self._next(self.full.pop(), more=False)
        return None

    def startable(self, *, idle: bool) -> int:
        """How many new workers would find a job at least (``idle``: none is running)."""
        return len(self.ready) or int(idle and bool(self.full))

    def freed(self, name: str) -> None:
        """A check that held a slot on ``name`` ended: the host has room again."""
        if name in self.full:
            self.full.discard(name)
            self.ready.append(name)

    def ended(self, name: str) -> None:
        """A check taken here for ``name`` ended: its slot is free, and when it was the
        host's last, a host set aside may take its place."""
        count = self.active[name] - 1
        if count:
            self.active[name] = count
        else:
            del self.active[name]
            if self.later:
                self.ready.append(self.later.popleft())
        self.freed(name)

    def widen(self) -> None:
        """Any number of hosts may be asked again: the hosts set aside take their turns."""
        if self.later:
            self.ready.extend(self.later)
            self.later.clear()

    def _next(self, name: str, *, more: bool) -> UrlJob:
        """``name``'s next job; the host's turn comes again if it has ``more`` room."""
        self.active[name] = self.active.get(name, 0) + 1
        queue = self.queues[name]
        job = queue.popleft()
        if not queue:
            del self.queues[name]
        elif more:
            self.ready.append(name)
        else:
            self.full.add(name)
        return job


async def _relay(stop: asyncio.Event, wake: asyncio.Event) -> None:
    await stop.wait()
    wake.set()


async def cancel_all(tasks: set[asyncio.Task[Any]]) -> None:
    """Cancel ``tasks`` and wait for them, so none ends with an exception nobody reads."""
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)
