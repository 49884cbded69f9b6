"""Dead links: URL jobs -> verdicts -> findings (dead-link, redirect, link-unverified, ...).

Every http(s) link the parser found is deduplicated by :func:`~listbot.net.policy.url_key`
and checked once per run; a verdict becomes one finding at every line carrying the URL.
The store sits under the check: fresh results are reused before any request, new ones
written after, and each URL's failure history recorded for the scheduled link-rot job
(:func:`should_report`). Decisions are pure (:mod:`listbot.net.policy`); the async loop
for one URL is :func:`~listbot.checks.link_driver.check_url`.

Network health is measured (:mod:`listbot.net.health`): when no host has answered after a
small sample (or a few seconds), the canaries are asked, and if they do not answer either
the run stops there. A run without a working network reports its DNS and connection
failures as "not checked", records no history (so the link-rot job never files network
trouble as rot) and ends with one fatal notice (exit 2).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from listbot.checks import CheckContext, CheckReport
from listbot.checks.archive import Lookups, look_up
from listbot.checks.link_driver import Run, UrlJob, check_url, windowed
from listbot.checks.link_health import (
    NetworkState,
    canary_timeout,
    needs_judgement,
    probe_canaries,
    watch_network,
)
from listbot.checks.link_rules import (
    DEAD_LINK,
    LINK_UNVERIFIED,
    PRIVATE_ADDRESS,
    REDIRECT,
    RULES,
    findings_for,
)
from listbot.checks.redirect_history import record_redirects
from listbot.model import Document, Link
from listbot.net.guard import is_ip_literal
from listbot.net.health import NO_NETWORK_REASON, Evidence, unverified_for_no_network
from listbot.net.hosts import HostPool
from listbot.net.options import LinksOptions
from listbot.net.policy import (
    Verdict,
    VerdictKind,
    bounded,
    host_of,
    report_now,
    url_key,
    url_key_and_host,
)
from listbot.normalize.safe_url import display_url
from listbot.store import Store

if TYPE_CHECKING:
    from listbot.net.http import HttpClient

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
    "exclusion",
    "should_report",
]

STORE_KIND = "link"
_BATCH = 1000
CHECKER = "links"
PROGRESS_EVERY = 0.05
"""Seconds between progress updates (a terminal redraws ten times a second at most)."""
MAX_CONCURRENCY = 1024
MAX_HOST_CONCURRENCY = 64


def collect_jobs(
    documents: Iterable[Document], context: CheckContext | None = None
) -> list[UrlJob]:
    """Every http(s) link on a wanted line, grouped by URL key, in first-occurrence order."""
    jobs: dict[str, UrlJob] = {}
    for document in documents:
        for link in document.links:
            if not link.is_http or (context and not context.wants(document.path, link.line)):
                continue
            key, host = url_key_and_host(link.url)
            job = jobs.get(key)
            if job is None:
                job = jobs[key] = UrlJob(key, link.url.strip(), host)
            job.occurrences.append((document, link))
    return list(jobs.values())


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
    verdicts, fresh, network, traffic = await _verdicts(jobs, context, options)
    report.run[CHECKER] = {
        "urls": len(jobs),
        "excluded": sum(1 for v in verdicts.values() if v.kind is VerdictKind.EXCLUDED),
        "cached": sum(1 for verdict in verdicts.values() if verdict.cached),
        **traffic,
    }
    if network is not None and not network.working():
        not_checked = 0
        for key, verdict in fresh.items():
            replaced = unverified_for_no_network(verdict, literal_host=is_ip_literal(host_of(key)))
            if replaced is not None:
                verdicts[key] = fresh[key] = replaced
            not_checked += verdicts[key].reason == NO_NETWORK_REASON
        report.fatal = network.message(not_checked, len(jobs))
    else:
        _remember(context.store, options, fresh.items())
    archived = None
    if context.options.get("archive_lookup") and report.fatal is None:
        archived = await _archived_copies(jobs, verdicts, context, options)
        if archived.notice:
            report.notices.append(archived.notice)
    several_files = len(context.documents) > 1
    for job in jobs:
        verdict = verdicts[job.key]
        record = link_record(job, verdict, with_files=several_files)
        snapshot = None
        if archived is not None and verdict.kind is VerdictKind.DEAD:
            record["archive"] = archived.status(job.url)
            snapshot = archived.found.get(job.key)
        report.links.append(record)
        if verdict.reason != NO_NETWORK_REASON:  # the fatal notice speaks for them, once
            report.findings.extend(findings_for(job.occurrences, verdict, wanted, snapshot))
    return report


async def _archived_copies(
    jobs: list[UrlJob],
    verdicts: Mapping[str, Verdict],
    context: CheckContext,
    options: LinksOptions,
) -> Lookups:
    """The Internet Archive's snapshots of the dead links (:mod:`listbot.checks.archive`)."""
    dead = [job.url for job in jobs if verdicts[job.key].kind is VerdictKind.DEAD]
    since = {}
    for url in dead:
        history = context.store.history(url_key(url))
        since[url] = history.first_failure if history else None
    return await look_up(
        dead,
        options,
        context.store,
        lambda connections, trusted: http_client(context, options, connections, trusted),
        since,
    )


async def _verdicts(
    jobs: list[UrlJob], context: CheckContext, options: LinksOptions
) -> tuple[dict[str, Verdict], dict[str, Verdict], NetworkState | None, dict[str, int]]:
    """All verdicts by key, the subset that came from the network this run, what the run
    learnt about the network (None when nothing was requested), and its traffic (requests,
    hosts, peaks in flight, elapsed milliseconds)."""
    verdicts: dict[str, Verdict] = {}
    excluded = exclusion(options, context.config.allow.urls)
    pending: list[UrlJob] = []
    for job in jobs:
        if excluded(job.url):
            verdicts[job.key] = Verdict(job.url, VerdictKind.EXCLUDED, "excluded by configuration")
    undecided = [job for job in jobs if job.key not in verdicts]
    cache = not context.options.get("no_cache") and undecided
    reuse = _cached(context.store, options, undecided) if cache else {}
    for job in undecided:
        if job.key in reuse:
            verdicts[job.key] = replace(reuse[job.key], url=job.url)
        else:
            pending.append(job)
    total, failures = len(jobs), 0
    _progress(context, total - len(pending), total, failures)
    fresh: dict[str, Verdict] = {}
    if not pending:
        nothing_asked = HostPool(1, _host_limit(options)).facts()
        return verdicts, fresh, None, {"checked": 0, **nothing_asked, "elapsed_ms": 0}
    canary = tuple(context.options.get("canary") or options.canary)
    concurrency = int(bounded(options.concurrency, 1, MAX_CONCURRENCY, 256))

    def client(connections: int, trusted: frozenset[str] = frozenset()) -> HttpClient:
        return http_client(context, options, connections, trusted)

    async def ask_canaries() -> tuple[int, int]:
        # Its own client: the configured canaries are exempt from the private-address
        # guard (tests and intranets point them at local servers), list links never are.
        async with client(len(canary) + 1, frozenset(host_of(u) for u in canary)) as own:
            run = Run(own, HostPool(len(canary) + 1, lambda name: 1), options)
            return await probe_canaries(run, canary, canary_timeout(options))

    network = NetworkState(Evidence.for_hosts(job.host for job in jobs))
    started = time.monotonic()
    async with client(concurrency + 16) as main_client:
        pool = HostPool(concurrency, _host_limit(options))
        run = Run(main_client, pool, options)
        done = total - len(pending)
        stop, sampled = asyncio.Event(), asyncio.Event()
        watch = asyncio.ensure_future(watch_network(ask_canaries, network, sampled, stop))
        shown = 0.0
        try:
            stream = windowed(
                pending, run, window=2 * concurrency, stop=stop, narrow=network.warming_up
            )
            async with contextlib.aclosing(stream):
                async for job, verdict in stream:
                    fresh[job.key] = verdicts[job.key] = verdict
                    network.evidence.add(job.host, verdict)
                    if not sampled.is_set() and network.evidence.sample_done:
                        sampled.set()
                    done += 1
                    failures += verdict.failed
                    if context.progress is not None and (
                        done == total or time.monotonic() - shown >= PROGRESS_EVERY
                    ):
                        shown = time.monotonic()
                        _progress(context, done, total, failures)
        finally:
            watch.cancel()
            await asyncio.gather(watch, return_exceptions=True)
        if network.stopped_early:
            for job in pending:
                if job.key not in fresh:
                    fresh[job.key] = verdicts[job.key] = Verdict(
                        job.url, VerdictKind.UNVERIFIED, NO_NETWORK_REASON
                    )
            note = f"no network: stopped after {done - (total - len(pending))} links"
            _progress(context, done, total, failures, note=note)
        else:
            network.depends = needs_judgement(fresh, network)
            if network.depends and network.canary is None:
                network.canary = await ask_canaries()
    elapsed = round((time.monotonic() - started) * 1000)
    checked = done - (total - len(pending))
    return verdicts, fresh, network, {"checked": checked, **pool.facts(), "elapsed_ms": elapsed}


def http_client(
    context: CheckContext,
    options: LinksOptions,
    connections: int,
    trusted: frozenset[str] = frozenset(),
) -> HttpClient:
    """A client with the run's network settings; ``trusted`` hosts skip the private-address
    guard (hosts the user configured: canaries, the archive API)."""
    from listbot.net.http import HttpClient  # aiohttp is imported only when needed

    return HttpClient(
        connect_timeout=options.connect_timeout,
        timeout=options.timeout,
        connections=connections,
        allow_private=bool(context.options.get("allow_private")) or options.allow_private,
        resolve={**options.resolve, **dict(context.options.get("resolve") or {})},
        only_mapping=bool(context.options.get("resolve_only")),
        ssl_context=context.options.get("ssl_context"),
        resolver=context.options.get("resolver"),
        trusted_hosts=trusted,
    )


def _host_limit(options: LinksOptions) -> Any:
    def limit(name: str) -> int:
        return int(bounded(options.host_concurrency(name), 1, MAX_HOST_CONCURRENCY, 10))

    return limit


def _progress(
    context: CheckContext, done: int, total: int, failures: int, *, note: str = ""
) -> None:
    if context.progress is None:
        return
    if note:
        context.progress(CHECKER, done, total, failures, note=note)
    else:
        context.progress(CHECKER, done, total, failures)


def exclusion(options: LinksOptions, allowed: Iterable[str]) -> Any:
    """``url -> bool``: is the URL excluded ([allow] urls, [links] exclude, not include)?"""
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


# ---------------------------------------------------------------------------------------
# The store


def _cached(store: Store, options: LinksOptions, jobs: list[UrlJob]) -> dict[str, Verdict]:
    longest = max(options.ttl_ok, options.ttl_failure)
    if longest <= 0:
        return {}
    now = store.clock()
    found: dict[str, Verdict] = {}
    stored = store.read_many(STORE_KIND, (job.key for job in jobs), longest, _read_stored)
    for key, (verdict, checked_at) in stored.items():
        if now - checked_at <= (options.ttl_failure if verdict.failed else options.ttl_ok):
            found[key] = verdict
    return found


def _read_stored(value: Any) -> tuple[Verdict, float]:
    """A stored verdict and when it was reached; raises for a row we cannot read (the
    store drops it)."""
    return Verdict.from_json(value), float(value["checked_at"])


def _remember(store: Store, options: LinksOptions, fresh: Iterable[tuple[str, Verdict]]) -> None:
    """Store the fresh verdicts, then the history, in one transaction (rows are built
    batch by batch: 10,000 rows at once held several MB until the end of the run)."""
    with store.transaction():
        _store_verdicts(store, options, fresh)


def _store_verdicts(
    store: Store, options: LinksOptions, fresh: Iterable[tuple[str, Verdict]]
) -> None:
    now = store.clock()
    rows: list[tuple[str, Any, bool]] = []
    outcomes: list[tuple[str, str, bool]] = []
    redirects: list[tuple[str, Verdict]] = []
    for key, verdict in fresh:
        kind = verdict.kind
        if kind is VerdictKind.EXCLUDED or kind is VerdictKind.PRIVATE:
            continue
        value = verdict.to_json()
        value["checked_at"] = now
        failed = verdict.failed
        rows.append((key, value, not failed))
        if len(rows) == _BATCH:
            store.put_many(STORE_KIND, rows)
            rows = []
        outcomes.append((key, kind.value, failed))
        if kind is VerdictKind.REDIRECT:
            redirects.append((key, verdict))
    if rows:
        store.put_many(STORE_KIND, rows)
    if options.record_history:
        # Streaks read the history as the previous run left it: record them first.
        record_redirects(store, redirects)
        for start in range(0, len(outcomes), _BATCH):
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


def _lines(occurrences: list[tuple[Document, Link]]) -> list[int]:
    if len(occurrences) == 1:  # most URLs: no set to sort
        return [occurrences[0][1].line]
    return sorted({link.line for _, link in occurrences})


def link_record(job: UrlJob, verdict: Verdict, *, with_files: bool = False) -> dict[str, Any]:
    """The JSON report's ``links`` entry for one URL (kept small: 10,000 of these add up).

    Always: url, verdict, status, final_url, attempts, elapsed_ms, lines. Failures add
    ``reason`` and ``failure``; redirects add ``chain`` ([status, target] per hop); reused
    results add ``cached``; runs over several files add ``files``; dead links add
    ``archive`` when archived copies were looked up.
    """
    record: dict[str, Any] = {
        "url": job.url,
        "verdict": verdict.kind.value,
        "status": verdict.status,
        "final_url": verdict.final_url,
        "attempts": verdict.attempts,
        "elapsed_ms": verdict.elapsed_ms,
        "lines": _lines(job.occurrences),
    }
    if verdict.kind is not VerdictKind.OK and verdict.reason:
        record["reason"] = verdict.reason
    if verdict.failure:
        record["failure"] = verdict.failure
    if verdict.chain:  # where the link led, hop by hop (server text, shown only when clean)
        record["chain"] = [[status, display_url(target)] for status, target in verdict.chain]
    if verdict.cached:
        record["cached"] = True
    if with_files:
        record["files"] = sorted({document.path for document, _ in job.occurrences})
    return record
