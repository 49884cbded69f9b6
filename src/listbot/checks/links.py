"""Dead links: URL jobs -> verdicts -> findings (dead-link, redirect, link-unverified, ...).

Every http(s) link the parser found is deduplicated by :func:`~listbot.net.policy.url_key`
and checked once per run; a verdict becomes one finding at every line carrying the URL.
The store sits under the check: fresh results are reused before any request, new ones
written after, and each URL's failure history recorded for the scheduled link-rot job
(:func:`should_report`). Decisions are pure (:mod:`listbot.net.policy`); the async loop
for one URL is :func:`~listbot.checks.link_driver.check_url`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from listbot.checks import CheckContext, CheckReport
from listbot.checks.link_driver import Run, UrlJob, check_url, windowed
from listbot.checks.link_rules import (
    DEAD_LINK,
    LINK_UNVERIFIED,
    PRIVATE_ADDRESS,
    REDIRECT,
    RULES,
    findings_for,
)
from listbot.model import Document
from listbot.net.hosts import HostPool
from listbot.net.options import LinksOptions
from listbot.net.policy import (
    CONNECT_FAILURES,
    Failure,
    Verdict,
    VerdictKind,
    host_of,
    report_now,
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
    "exclusion",
    "should_report",
]

STORE_KIND = "link"
_BATCH = 1000
CHECKER = "links"
_NO_NETWORK_REASON = "not checked: no network (every host failed to resolve or connect)"


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
    excluded = exclusion(options, context.config.allow.urls)
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
        from listbot.net.http import HttpClient  # aiohttp is imported only when needed

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
            run = Run(client, pool, options)
            done = total - len(pending)
            async for key, verdict in windowed(pending, run, window=2 * options.concurrency):
                fresh[key] = verdicts[key] = verdict
                done += 1
                failures += verdict.failed
                _progress(context, done, total, failures)
    return verdicts, fresh


def _progress(context: CheckContext, done: int, total: int, failures: int) -> None:
    if context.progress is not None:
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
