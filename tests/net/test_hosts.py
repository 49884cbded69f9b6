"""The per-host limiter and the job window, without a server."""

from __future__ import annotations

import asyncio
import time

from listbot.checks.link_driver import Lanes, UrlJob
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


def _taken(lanes: Lanes) -> list[str]:
    keys = []
    while (job := lanes.take()) is not None:
        keys.append(job.key)
    return keys


async def test_jobs_are_taken_host_by_host_in_list_order() -> None:
    jobs = [UrlJob(f"{host}{i}", f"u{i}", host) for i, host in enumerate("aaaabbc")]
    lanes = Lanes(jobs, HostPool(concurrency=10, limit_for=lambda name: 5))
    assert _taken(lanes) == ["a0", "b4", "c6", "a1", "b5", "a2", "a3"]


async def test_a_host_without_room_waits_until_a_check_there_ends() -> None:
    pool = HostPool(concurrency=10, limit_for=lambda name: 2)
    jobs = [UrlJob(f"{host}{i}", f"u{i}", host) for i, host in enumerate("aaaab")]
    lanes = Lanes(jobs, pool)
    first = lanes.take()
    assert first is not None and first.key == "a0"
    await pool.acquire(pool.host("a"))  # the check of a0 holds a slot
    assert _taken(lanes) == ["b4", "a1"]  # a1 takes a's last slot: a is full
    await pool.acquire(pool.host("a"))
    lanes.freed("b")  # a check elsewhere ended: a still waits
    assert lanes.take() is None and lanes.startable(idle=False) == 0
    pool.release(pool.host("a"))
    lanes.freed("a")
    assert _taken(lanes) == ["a2"]
    # Nothing of this run is running, yet a's slot is taken: go on rather than stall.
    assert lanes.startable(idle=True) == 1
    job = lanes.take(anyway=True)
    assert job is not None and job.key == "a3" and lanes.take(anyway=True) is None


async def test_while_narrowed_only_a_few_hosts_are_asked_each_at_full_share() -> None:
    jobs = [UrlJob(f"{host}{i}", f"u{i}", host) for i, host in enumerate("aaabbc")]
    lanes = Lanes(jobs, HostPool(concurrency=10, limit_for=lambda name: 5))
    taken = []
    while (job := lanes.take(hosts=2)) is not None:
        taken.append(job.key)
    assert taken == ["a0", "b3", "a1", "b4", "a2"]  # every check of a and b, none of c
    lanes.ended("b")
    assert lanes.take(hosts=2) is None  # b still has a check running
    lanes.ended("b")  # b's last check ended: c takes its place
    job = lanes.take(hosts=2)
    assert job is not None and job.key == "c5"


async def test_widening_gives_the_hosts_set_aside_their_turns() -> None:
    jobs = [UrlJob(f"{host}{i}", f"u{i}", host) for i, host in enumerate("aabc")]
    lanes = Lanes(jobs, HostPool(concurrency=10, limit_for=lambda name: 5))
    first = lanes.take(hosts=1)
    assert first is not None and first.key == "a0"
    assert lanes.take(hosts=1) is not None  # a1
    assert lanes.take(hosts=1) is None
    lanes.widen()
    assert _taken(lanes) == ["b2", "c3"]


def test_a_check_report_repr_is_a_summary() -> None:
    """asyncio formats the run's finished task, result included, when it ends the run:
    the repr of a report with thousands of link records must not be all of them."""
    from listbot.checks import CheckReport

    report = CheckReport(links=[{"url": f"https://a.dev/{i}"} for i in range(10_000)])
    assert repr(report) == "CheckReport(0 findings, 10000 links, 0 notices, fatal=None)"
