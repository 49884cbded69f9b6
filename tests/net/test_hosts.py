"""The per-host limiter and the job window, without a server."""

from __future__ import annotations

import asyncio
import time

from listbot.checks.link_driver import UrlJob, _interleave
from listbot.net.hosts import HostPool


async def test_a_429_pauses_the_whole_host_but_not_others() -> None:
    pool = HostPool(concurrency=4, limit_for=lambda name: 2)
    slow, other = pool.host("slow.test"), pool.host("other.test")
    pool.rate_limited("slow.test", 0.2)
    started = time.monotonic()
    await pool.acquire(other)
    assert time.monotonic() - started < 0.1
    await pool.acquire(slow)
    assert time.monotonic() - started >= 0.19
    pool.release(slow)
    pool.release(other)


async def test_host_and_global_slots_are_released() -> None:
    pool = HostPool(concurrency=1, limit_for=lambda name: 1)
    host = pool.host("a.test")
    await pool.acquire(host)
    waiter = asyncio.ensure_future(pool.acquire(pool.host("b.test")))
    await asyncio.sleep(0.01)
    assert not waiter.done()  # the global slot is taken
    pool.release(host)
    await asyncio.wait_for(waiter, 1)
    assert host.in_flight == 0 and host.peak == 1


def test_backoff_after_429_doubles_without_retry_after() -> None:
    clock = [100.0]
    pool = HostPool(concurrency=1, limit_for=lambda name: 1, clock=lambda: clock[0])
    pool.rate_limited("a.test", None)
    first = pool.host("a.test").paused_until - clock[0]
    pool.rate_limited("a.test", None)
    assert (first, pool.host("a.test").paused_until - clock[0]) == (0.5, 1.0)
    pool.succeeded("a.test")
    assert pool.host("a.test").pause == 0.0


def test_jobs_are_interleaved_by_host() -> None:
    jobs = [UrlJob(f"k{i}", f"u{i}", host) for i, host in enumerate("aaaabbc")]
    assert [job.host for job in _interleave(jobs)] == list("abcabaa")
    assert [job.key for job in _interleave(jobs) if job.host == "a"] == ["k0", "k1", "k2", "k3"]
