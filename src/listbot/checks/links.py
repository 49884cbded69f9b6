"""Dead links: URL jobs -> verdicts -> findings (dead-link, redirect, link-unverified, ...).

Every http(s) link the parser found is deduplicated by :func:`~listbot.net.policy.url_key`
and checked once per run; a verdict becomes one finding at every line carrying the URL.
The store sits under the check: fresh results are reused before any request, new ones
written after, and each URL's failure history recorded for the scheduled link-rot job
(:func:`should_report`). Decisions are pure (:mod:`listbot.net.policy`); this module only
drives them: :func:`check_url` is the whole async loop for one URL.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import zip_longest
from typing import Any

from listbot.checks import CheckContext, CheckReport
from listbot.checks.link_rules import (
    DEAD_LINK,
    LINK_UNVERIFIED,
    PRIVATE_ADDRESS,
    REDIRECT,
    RULES,
    findings_for,
)
from listbot.model import Document, Link
from listbot.net.hosts import HostPool
from listbot.net.http import DEFAULT_ACCEPT, HttpClient
from listbot.net.options import LinksOptions
from listbot.net.policy import (
    CONNECT_FAILURES,
    Failure,
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
    report_now,
    retry_after_seconds,
    url_key,
)
from listbot.store import Store

__all__ = [
    "DEAD_LINK",
    "LINK_UNVERIFIED",
    "PRIVATE_ADDRESS",
    "REDIRECT",
    "RULES",
    "LinksOptions",
    "UrlJob",
    "check_links",
    "check_url",
    "collect_jobs",
    "should_report",
]

STORE_KIND = "link"
_BATCH = 1000
CHECKER = "links"
_NO_NETWORK_REASON = "not checked: no network (every host failed to resolve or connect)"


@dataclass(slots=True)
class UrlJob:
    """One URL to check and every place that carries it."""

    key: str
    url: str
    """The first occurrence as written (what is requested)."""
    host: str
    occurrences: list[tuple[Document, Link]] = field(default_factory=list)


def collect_jobs(
    documents: Iterable[Document], context: CheckContext | None = None
) -> list[UrlJob]:
    """Every http(s) link on a wanted line, grouped by URL key, in first-occurrence order."""
    jobs: dict[str, UrlJob] = {}
    for document in documents:
        for link in document.links:
            if not link.is_http or (context and not context.wants(document.path, link.line)):
                continue
            key = url_key(link.url)
            job = jobs.get(key)
            if job is None:
                job = jobs[key] = UrlJob(key, link.url.strip(), host_of(key))
            job.occurrences.append((document, link))
    return list(jobs.values())


# ---------------------------------------------------------------------------------------
# One URL


@dataclass
class _Run:
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


async def check_url(url: str, run: _Run, *, key: str = "", host: str = "") -> Verdict:
    """Check one URL: HEAD (or GET), retries, GET fallback and redirects, as policy decides.

    ``key`` and ``host`` may be passed when known (they are, per job) to save parsing.
    """
    started = time.monotonic()
    trail = Trail(seen=frozenset({key or url_key(url)}))
    current, method, attempts = url, "HEAD", 0
    name = host or host_of(url)
    while True:
        host = run.pool.host(name)
        if method == "HEAD" and (host.head_refused or run.options.host(name).method == "get"):
            method = "GET"
        await run.pool.acquire(host)
        try:
            attempt = await run.client.fetch(method, current, run.headers(name))
        finally:
            run.pool.release(host)
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
            host.head_refused = host.head_refused or attempt.status in (405, 501)
            method = "GET"
        elif isinstance(step, Follow):
            trail = replace(
                trail,
                chain=(*trail.chain, (step.status, step.url)),
                seen=trail.seen | {url_key(step.url)},
            )
            current, method, name = step.url, "HEAD", host_of(step.url)


# ---------------------------------------------------------------------------------------
# The checker


async def check_links(context: CheckContext) -> CheckReport:
    """The ``links`` checker: every wanted http(s) link, checked once, reported everywhere."""
    report = CheckReport()
    wanted = {rule.id for rule in RULES} & set(context.selected)
    if not wanted:
        return report
    options: LinksOptions = context.config.section("links")
    jobs = collect_jobs(context.documents, context)
    if not jobs:
        return report
    verdicts, fresh = await _verdicts(jobs, context, options)
    fatal = _no_network(fresh.items())
    if fatal:
        report.fatal = fatal
        for key, verdict in fresh.items():
            if verdict.failure in {f.value for f in CONNECT_FAILURES}:
                verdicts[key] = fresh[key] = replace(
                    verdict, kind=VerdictKind.UNVERIFIED, reason=_NO_NETWORK_REASON
                )
    else:
        _remember(context.store, options, fresh.items())
    several_files = len(context.documents) > 1
    for job in jobs:
        verdict = verdicts[job.key]
        report.links.append(link_record(job, verdict, with_files=several_files))
        report.findings.extend(findings_for(job.occurrences, verdict, wanted))
    return report


async def _verdicts(
    jobs: list[UrlJob], context: CheckContext, options: LinksOptions
) -> tuple[dict[str, Verdict], dict[str, Verdict]]:
    """All verdicts by key, and the subset that came from the network this run."""
    verdicts: dict[str, Verdict] = {}
    excluded = _exclusion(options, context.config.allow.urls)
    pending: list[UrlJob] = []
    for job in jobs:
        if excluded(job.url):
            verdicts[job.key] = Verdict(job.url, VerdictKind.EXCLUDED, "excluded by configuration")
    reuse = {} if context.options.get("no_cache") else _cached(context.store, options, jobs)
    for job in jobs:
        if job.key in verdicts:
            continue
        if job.key in reuse:
            verdicts[job.key] = replace(reuse[job.key], url=job.url)
        else:
            pending.append(job)
    total, failures = len(jobs), 0
    _progress(context, total - len(pending), total, failures)
    fresh: dict[str, Verdict] = {}
    if pending:
        allow_private = bool(context.options.get("allow_private")) or options.allow_private
        resolve = {**options.resolve, **dict(context.options.get("resolve") or {})}
        client = HttpClient(
            connect_timeout=options.connect_timeout,
            timeout=options.timeout,
            connections=options.concurrency + 16,
            allow_private=allow_private,
            resolve=resolve,
            only_mapping=bool(context.options.get("resolve_only")),
            ssl_context=context.options.get("ssl_context"),
        )
        async with client:
            pool = HostPool(options.concurrency, options.host_concurrency)
            run = _Run(client, pool, options)
            done = total - len(pending)
            async for key, verdict in _windowed(pending, run, window=2 * options.concurrency):
                fresh[key] = verdicts[key] = verdict
                done += 1
                failures += verdict.failed
                _progress(context, done, total, failures)
    return verdicts, fresh


async def _windowed(
    jobs: list[UrlJob], run: _Run, *, window: int
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


async def _keyed(job: UrlJob, run: _Run) -> tuple[str, Verdict]:
    return job.key, await check_url(job.url, run, key=job.key, host=job.host)


def _progress(context: CheckContext, done: int, total: int, failures: int) -> None:
    if context.progress is not None:
        context.progress(CHECKER, done, total, failures)


def _exclusion(options: LinksOptions, allowed: Iterable[str]) -> Any:
    import fnmatch

    exclude = [re.compile(p) for p in options.exclude]
    include = [re.compile(p) for p in options.include]
    allow = [re.compile(fnmatch.translate(p), re.IGNORECASE) for p in allowed]

    def excluded(url: str) -> bool:
        if any(p.match(url) for p in allow):
            return True
        if any(p.search(url) for p in include):
            return False
        return any(p.search(url) for p in exclude)

    return excluded


def _no_network(verdicts: Iterable[tuple[str, Verdict]]) -> str | None:
    """A message when every host failed before connecting, and it looks like the network."""
    hosts: dict[str, bool] = {}
    network_like = False
    connect_failures = {f.value for f in CONNECT_FAILURES}
    for key, verdict in verdicts:
        if verdict.kind in (VerdictKind.EXCLUDED, VerdictKind.PRIVATE):
            continue
        connect_failed = verdict.failure in connect_failures
        name = host_of(key)
        hosts[name] = hosts.get(name, True) and connect_failed
        network_like = network_like or verdict.failure in (
            Failure.DNS_TEMPORARY.value,
            Failure.UNREACHABLE.value,
        )
    if not hosts or not all(hosts.values()):
        return None
    if len(hosts) < 3 and not network_like:
        return None
    return (
        f"no network: all {len(hosts)} hosts failed to resolve or connect; "
        "links are reported as unverified (run with --offline to skip network checks)"
    )


# ---------------------------------------------------------------------------------------
# The store


def _cached(store: Store, options: LinksOptions, jobs: list[UrlJob]) -> dict[str, Verdict]:
    longest = max(options.ttl_ok, options.ttl_failure)
    if longest <= 0:
        return {}
    now = store.clock()
    found: dict[str, Verdict] = {}
    for key, value in store.get_many(STORE_KIND, (job.key for job in jobs), longest).items():
        try:
            verdict = Verdict.from_json(value)
            age = now - float(value["checked_at"])
        except (KeyError, TypeError, ValueError):
            continue
        if age <= (options.ttl_failure if verdict.failed else options.ttl_ok):
            found[key] = verdict
    return found


def _remember(store: Store, options: LinksOptions, verdicts: Iterable[tuple[str, Verdict]]) -> None:
    now = store.clock()
    rows: list[tuple[str, Any, bool]] = []
    outcomes: list[tuple[str, str, bool]] = []
    for key, verdict in verdicts:
        if verdict.kind in (VerdictKind.EXCLUDED, VerdictKind.PRIVATE):
            continue
        rows.append((key, {**verdict.to_json(), "checked_at": now}, not verdict.failed))
        outcomes.append((key, verdict.kind.value, verdict.failed))
    for start in range(0, len(rows), _BATCH):  # batches keep peak memory flat
        store.put_many(STORE_KIND, rows[start : start + _BATCH])
        if options.record_history:
            store.record_run(outcomes[start : start + _BATCH])


def should_report(store: Store, record: Mapping[str, Any], options: LinksOptions) -> bool:
    """For the scheduled link-rot job: report this ``CheckReport.links`` record now?"""
    history = store.history(url_key(str(record.get("url", ""))))
    return report_now(
        history,
        record,
        report_after=options.report_after,
        gone_at_once=options.report_gone_at_once,
    )


def link_record(job: UrlJob, verdict: Verdict, *, with_files: bool = False) -> dict[str, Any]:
    """The JSON report's ``links`` entry for one URL (kept small: 10,000 of these add up).

    Always: url, verdict, status, final_url, attempts, elapsed_ms, lines. Failures add
    ``reason`` and ``failure``; reused results add ``cached``; runs over several files add
    ``files``.
    """
    record: dict[str, Any] = {
        "url": job.url,
        "verdict": verdict.kind.value,
        "status": verdict.status,
        "final_url": verdict.final_url,
        "attempts": verdict.attempts,
        "elapsed_ms": verdict.elapsed_ms,
        "lines": sorted({link.line for _, link in job.occurrences}),
    }
    if verdict.kind is not VerdictKind.OK and verdict.reason:
        record["reason"] = verdict.reason
    if verdict.failure:
        record["failure"] = verdict.failure
    if verdict.cached:
        record["cached"] = True
    if with_files:
        record["files"] = sorted({document.path for document, _ in job.occurrences})
    return record
