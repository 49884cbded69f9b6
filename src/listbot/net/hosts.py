"""Politeness: a global limit, a per-host limit, and per-host pauses after 429.

Parts: :class:`Host` (a semaphore sized by the host's concurrency, a "paused until"
time set by 429 answers, whether HEAD is refused there, and a reason to stop asking it
at all) and :class:`HostPool` (hosts created lazily by lower-case name, plus the global
semaphore). A request takes its host's slot first and a global slot second, so requests
queued behind a busy host never hold global slots that other hosts could use. Retries
wait outside both.

No pause is longer than the run's retry-wait cap: a server asking for more (``Retry-After:
3600``) is not waited for; its host is marked as refusing (:meth:`HostPool.refuse`) and
its other URLs are reported unverified without a request, instead of stalling the host.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_PAUSE = 60.0


@dataclass
class Host:
    name: str
    limit: int
    semaphore: asyncio.Semaphore
    paused_until: float = 0.0
    pause: float = 0.0
    """The current 429 backoff; doubled on each 429, reset by a success."""
    head_refused: bool = False
    """HEAD was refused here once (or answered 2xx where GET said 404): use GET."""
    refusing: str = ""
    """Why this host is not asked again in this run (it asked to wait beyond the cap)."""
    refusing_until: float = 0.0
    held: int = 0
    """Slots taken (a request may hold one while it waits out a pause or a global slot)."""
    in_flight: int = 0
    peak: int = 0
    """The most requests in flight here at once (the run reports it)."""
    requests: int = 0
    """Requests attempted here (the caller counts them: a slot may end without one)."""


@dataclass
class HostPool:
    """Every host seen in this run and the global limit over all of them."""

    concurrency: int
    limit_for: Callable[[str], int]
    clock: Callable[[], float] = time.monotonic
    hosts: dict[str, Host] = field(default_factory=dict)
    in_flight: int = 0
    peak: int = 0
    """The most requests in flight over every host at once."""
    _global: asyncio.Semaphore | None = None

    def host(self, name: str) -> Host:
        host = self.hosts.get(name)
        if host is None:
            limit = max(1, self.limit_for(name))
            host = Host(name, limit, asyncio.Semaphore(limit))
            self.hosts[name] = host
        return host

    def room(self, name: str) -> int:
        """How many more requests to ``name`` would get a host slot without waiting now."""
        host = self.host(name)
        return 0 if host.semaphore.locked() else host.limit - host.held

    async def acquire(self, host: Host) -> None:
        """Wait for the host's pause to end, a host slot, then a global slot.

        Callers pair it with :meth:`release` in ``try/finally`` (cheaper than a context
        manager on the hot path: one pair per request).
        """
        if self._global is None:
            self._global = asyncio.Semaphore(self.concurrency)
        await host.semaphore.acquire()
        host.held += 1
        try:
            while (wait := host.paused_until - self.clock()) > 0:
                await asyncio.sleep(wait)
            await self._global.acquire()
        except BaseException:
            host.held -= 1
            host.semaphore.release()
            raise
        host.in_flight += 1
        if host.in_flight > host.peak:
            host.peak = host.in_flight
        self.in_flight += 1
        if self.in_flight > self.peak:
            self.peak = self.in_flight

    def release(self, host: Host) -> None:
        host.held -= 1
        host.in_flight -= 1
        self.in_flight -= 1
        assert self._global is not None
        self._global.release()
        host.semaphore.release()

    def rate_limited(self, name: str, asked: float | None, cap: float = MAX_PAUSE) -> None:
        """A 429 from ``name``: pause the whole host (Retry-After if given, else doubling).

        Never longer than ``cap`` (the run's ``max_retry_wait``) nor :data:`MAX_PAUSE`:
        a longer ``Retry-After`` makes the host refusing instead (see :meth:`refuse`).
        """
        host = self.host(name)
        cap = max(0.0, min(MAX_PAUSE, cap))
        host.pause = min(cap, max(0.5, host.pause * 2))
        pause = host.pause if asked is None or asked > cap else min(cap, asked)
        host.paused_until = max(host.paused_until, self.clock() + pause)

    def refuse(self, name: str, reason: str, seconds: float) -> None:
        """Stop asking ``name`` for ``seconds`` (at most this run): it said to come back later."""
        host = self.host(name)
        host.refusing = reason
        host.refusing_until = max(host.refusing_until, self.clock() + max(0.0, seconds))

    def refusal(self, host: Host) -> str:
        """Why ``host`` is not to be asked now, or ``""``."""
        if host.refusing and self.clock() < host.refusing_until:
            return host.refusing
        return ""

    def succeeded(self, name: str) -> None:
        self.host(name).pause = 0.0

    def facts(self) -> dict[str, int]:
        """What the run's JSON report says about the traffic (``run.links``)."""
        asked = [host for host in self.hosts.values() if host.requests]
        return {
            "requests": sum(host.requests for host in asked),
            "hosts": len(asked),
            "peak_in_flight": self.peak,
            "peak_in_flight_per_host": max((host.peak for host in asked), default=0),
        }
