"""arXiv metadata check: the thin async sender around the pure planner. The only ``import arxiv``.

Flow: :func:`~listbot.normalize.arxiv_refs.collect_refs` on every document -> valid unique IDs
-> the store (kind ``arxiv``, 30 days) -> batches of at most 100 IDs, one
``arxiv.Client``, ``Search(id_list=batch, max_results=len(batch))``, results matched back
by ID (never by order), ``delay`` seconds between requests, a timeout around every call
-> records -> :func:`~listbot.checks.arxiv_plan.findings_for`.

The ``arxiv`` package is synchronous and sets no timeout, so each request runs in a
thread under :func:`asyncio.wait_for` and its ``requests`` session gets the same timeout:
arXiv lookups overlap the link checks, and a stalled server costs ``timeout`` seconds.
A batch that fails (timeout, connection error, 5xx after ``retries``, a 400) leaves its IDs
unchecked and adds one notice; it never turns into "not found". When arXiv cannot be
reached at all (a batch times out or fails to connect on every attempt), the remaining
batches are not tried: one notice says the arXiv checks were skipped.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from listbot.checks import CheckContext, CheckReport
from listbot.checks.arxiv_plan import (
    findings_for,
    ids_to_fetch,
    is_fresh,
    is_valid_record,
    plan_batches,
    record_from_fields,
)
from listbot.checks.arxiv_rules import RULES, ArxivOptions
from listbot.net.policy import bounded
from listbot.normalize.arxiv_ids import parse_arxiv_id
from listbot.normalize.arxiv_refs import collect_refs
from listbot.rules.arxiv_invalid_id import RULE as INVALID_ID
from listbot.rules.year_mismatch import RULE as YEAR_MISMATCH

__all__ = ["RULES", "ArxivOptions", "FetchOutcome", "check_arxiv", "fetch_records"]

STORE_KIND = "arxiv"
MAX_TIMEOUT = 300.0
MAX_DELAY = 60.0
MAX_RETRIES = 5
_RULE_IDS = frozenset(rule.id for rule in RULES)


@dataclass
class FetchOutcome:
    """What the sender got: a record per answered ID, and what could not be asked."""

    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    unchecked: list[str] = field(default_factory=list)
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    """One reason per failed batch, e.g. ``timeout after 30 s``."""
    unreachable: str = ""
    """Why arXiv could not be reached at all (the batches after it were not tried)."""


async def check_arxiv(context: CheckContext) -> CheckReport:
    """Check every arXiv reference in the context's documents against arXiv's metadata."""
    report = CheckReport()
    options: ArxivOptions = context.config.section("arxiv")
    from listbot.engine import selected_rules  # engine -> rules -> this module: import late

    selected = context.selected & _RULE_IDS
    offline = {YEAR_MISMATCH.id, INVALID_ID.id}
    if selected:  # these two ride along with a lookup; alone they need no network
        selected |= offline & {rule.id for rule in selected_rules(context.config)}
    if not options.enabled or not selected:
        return report
    today = context.options.get("today") or datetime.now(timezone.utc).date()
    refs_by_doc = [
        (doc, [ref for ref in collect_refs(doc) if context.wants(doc.path, ref.span.line)])
        for doc in context.documents
    ]
    all_refs = [ref for _, refs in refs_by_doc for ref in refs]
    wanted = ids_to_fetch(all_refs, today)
    records: dict[str, dict[str, Any]] = {}
    if wanted and not context.options.get("no_cache"):
        now = context.store.clock()
        stored = context.store.get_many(
            STORE_KIND, wanted, options.cache_days * 86400.0, is_valid_record
        )
        records = {key: value for key, value in stored.items() if is_fresh(value, now, options)}
    missing = [key for key in wanted if key not in records]
    if missing:
        outcome = await fetch_records(missing, options, context=context)
        records.update(outcome.records)
        context.store.put_many(
            STORE_KIND,
            [(key, value, bool(value.get("found"))) for key, value in outcome.records.items()],
        )
        if outcome.unreachable:
            report.notices.append(
                f"arXiv checks skipped: cannot reach {urlsplit(options.api_url).netloc} "
                f"({outcome.unreachable}); {len(outcome.unchecked)} of {len(missing)} IDs "
                "not checked"
            )
        elif outcome.failures:
            report.notices.append(
                f"arXiv checks incomplete: {len(outcome.unchecked)} of {len(missing)} IDs "
                f"not checked ({'; '.join(sorted(set(outcome.failures)))})"
            )
    for doc, refs in refs_by_doc:
        report.findings.extend(findings_for(doc, refs, records, options, selected, today))
    return report


async def fetch_records(
    ids: Sequence[str], options: ArxivOptions, *, context: CheckContext | None = None
) -> FetchOutcome:
    """Ask arXiv about ``ids`` in batches; one record per ID it answered for."""
    import arxiv  # type: ignore[import-untyped]

    # The package logs malformed feeds; with no handler Python would print them to stderr.
    logging.getLogger("arxiv").addHandler(logging.NullHandler())
    outcome = FetchOutcome()
    batches = plan_batches(ids, options.batch_size)
    timeout = bounded(options.timeout, 0.1, MAX_TIMEOUT, 30.0)
    delay = bounded(options.delay, 0.0, MAX_DELAY, 3.0)
    retries = int(bounded(options.retries, 0, MAX_RETRIES, 2))
    client = arxiv.Client(page_size=options.batch_size, delay_seconds=0, num_retries=0)
    separator = "&" if "?" in options.api_url else "?"
    client.query_url_format = options.api_url + separator + "{}"
    session_get = client._session.get
    client._session.get = functools.partial(session_get, timeout=timeout)
    try:
        for done, batch in enumerate(batches, start=1):
            doubted, reached = False, False
            for attempt in range(retries + 1):
                if outcome.requests:
                    await asyncio.sleep(delay)
                outcome.requests += 1
                results, reason, retry, answered = await _attempt(arxiv, client, batch, timeout)
                reached = reached or answered
                if results == [] and len(batch) > 1 and not doubted and attempt < retries:
                    # arXiv sometimes answers a busy moment with an empty feed: before
                    # reporting a whole batch as missing, ask once more.
                    doubted = True
                    continue
                if results is not None or not retry:
                    break
            if results is not None:
                _store_results(outcome, batch, results, context)
            else:
                outcome.unchecked.extend(batch)
                outcome.failures.append(reason)
                if not reached:  # no answer at all: the other batches would fare no better
                    outcome.unreachable = reason
                    outcome.unchecked.extend(key for rest in batches[done:] for key in rest)
                    break
            if context is not None and context.progress is not None:
                context.progress("arxiv", done, len(batches), len(outcome.failures))
    finally:
        client._session.close()
    return outcome


async def _attempt(
    arxiv: Any, client: Any, batch: tuple[str, ...], timeout: float
) -> tuple[list[Any] | None, str, bool, bool]:
    """One request under a timeout: ``(results, why it failed, retry?, did arXiv answer?)``."""
    import requests

    try:
        results = await asyncio.wait_for(asyncio.to_thread(_search, arxiv, client, batch), timeout)
    except (asyncio.TimeoutError, requests.exceptions.Timeout):
        return None, f"timeout after {timeout:g} s", True, False
    except arxiv.HTTPError as error:
        return None, f"HTTP {error.status}", error.status >= 500 or error.status == 429, True
    except requests.exceptions.ConnectionError as error:
        return None, _connection_reason(error), True, False
    except (arxiv.ArxivError, requests.exceptions.RequestException) as error:
        return None, type(error).__name__, True, True
    return results, "", False, True


def _connection_reason(error: Exception) -> str:
    """A short reason for a failed connection: DNS, refused, or the error's type."""
    text = str(error).lower()
    if "name resolution" in text or "name or service" in text or "nodename" in text:
        return "DNS lookup failed"
    if "refused" in text:
        return "connection refused"
    return type(error).__name__


def _search(arxiv: Any, client: Any, batch: tuple[str, ...]) -> list[Any]:
    """One request: every ID of the batch, ``max_results`` set (the default truncates)."""
    search = arxiv.Search(id_list=list(batch), max_results=len(batch))
    return list(client.results(search))


def _store_results(
    outcome: FetchOutcome,
    batch: tuple[str, ...],
    results: list[Any],
    context: CheckContext | None,
) -> None:
    """Match results to the batch by ID; an ID with no result is a paper arXiv lacks."""
    fetched = context.store.clock() if context is not None else datetime.now().timestamp()
    asked = set(batch)
    for result in results:
        returned = parse_arxiv_id(result.get_short_id())
        if returned is None or returned.id not in asked:
            continue
        published = result.published.date() if result.published else None
        outcome.records[returned.id] = record_from_fields(
            version=returned.version,
            title=result.title or "",
            published=published if isinstance(published, date) else None,
            journal_ref=result.journal_ref,
            doi=result.doi,
            comment=result.comment,
            summary=result.summary,
            fetched=fetched,
        )
    for key in batch:
        if key not in outcome.records:
            outcome.records[key] = {"found": False, "fetched": fetched}
