"""The pure half of the arXiv check: which IDs to ask for, in which batches, what answers mean.

Parts:

- :func:`ids_to_fetch` and :func:`plan_batches`: the valid, unique, not-cached IDs, in
  batches of at most ``batch_size`` (invalid IDs are never sent).
- :func:`record_from_fields`, :func:`is_fresh`, :func:`is_withdrawn`: the cached form of
  arXiv's answer for one ID (``{"found": false}`` for a paper arXiv does not have).
- :func:`findings_for`: references (:func:`~listbot.normalize.arxiv_refs.collect_refs`) +
  records -> findings of the network arxiv-* rules, future-dated IDs (arxiv-invalid-id)
  and years that only the real first-version date decides (year-mismatch).

No clock, network or printing here: ``today`` and ``now`` are passed in by
:mod:`listbot.checks.arxiv`, the thin async sender.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from listbot.checks.arxiv_rules import (
    NOT_FOUND,
    PUBLISHED,
    TITLE_MISMATCH,
    WITHDRAWN,
    ArxivOptions,
)
from listbot.checks.arxiv_titles import label_conflict, label_names, same_paper, title_claims
from listbot.findings import Finding, Related
from listbot.model import Document
from listbot.normalize.arxiv_ids import ArxivId, validate
from listbot.normalize.arxiv_refs import ArxivRef
from listbot.rules.arxiv_invalid_id import RULE as INVALID_ID
from listbot.rules.year_mismatch import RULE as YEAR_MISMATCH
from listbot.rules.year_mismatch import entry_preprint, stated_year_conflict

__all__ = [
    "findings_for",
    "ids_to_fetch",
    "is_fresh",
    "is_valid_record",
    "is_withdrawn",
    "plan_batches",
    "record_from_fields",
]

DAY = 86400.0
_WITHDRAWN = re.compile(
    r"\b(?:this (?:paper|article|submission|manuscript) (?:has been|is|was) withdrawn"
    r"|withdrawn by (?:the )?(?:authors?|arxiv|submitter|admin)"
    r"|^\s*withdrawn\b)",
    re.IGNORECASE,
)


def ids_to_fetch(refs: Iterable[ArxivRef], today: date, cached: Iterable[str] = ()) -> list[str]:
    """Canonical IDs to ask arXiv about: valid, unique, not in ``cached``; sorted."""
    skip = set(cached)
    wanted = {
        ref.arxiv_id.id
        for ref in refs
        if ref.arxiv_id is not None and validate(ref.written, today) is None
    }
    return sorted(wanted - skip)


def plan_batches(ids: Sequence[str], batch_size: int) -> list[tuple[str, ...]]:
    """Unique IDs in batches of at most ``batch_size``, in a stable order."""
    unique = sorted(set(ids))
    return [tuple(unique[i : i + batch_size]) for i in range(0, len(unique), batch_size)]


def is_withdrawn(comment: str | None, summary: str | None) -> bool:
    """Whether arXiv's comment or abstract is a withdrawal notice."""
    return any(_WITHDRAWN.search(text) for text in (comment or "", (summary or "")[:300]))


def record_from_fields(
    *,
    version: int | None,
    title: str,
    published: date | None,
    journal_ref: str | None,
    doi: str | None,
    comment: str | None,
    summary: str | None,
    fetched: float,
) -> dict[str, Any]:
    """The JSON record kept in the store for one paper arXiv has."""
    return {
        "found": True,
        "version": version,
        "title": " ".join(title.split()),
        "published": published.isoformat() if published else None,
        "journal_ref": journal_ref,
        "doi": doi,
        "withdrawn": is_withdrawn(comment, summary),
        "fetched": fetched,
    }


_RECORD_TYPES: dict[str, tuple[type, ...]] = {
    "version": (int, type(None)),
    "title": (str,),
    "published": (str, type(None)),
    "journal_ref": (str, type(None)),
    "doi": (str, type(None)),
    "withdrawn": (bool,),
}


def is_valid_record(record: Any) -> bool:
    """Whether a stored value has the shape :func:`record_from_fields` gives (else dropped)."""
    if not isinstance(record, Mapping) or not isinstance(record.get("found"), bool):
        return False
    fetched = record.get("fetched")
    if not isinstance(fetched, (int, float)) or isinstance(fetched, bool):
        return False
    if not record["found"]:
        return True
    if not all(isinstance(record.get(k), t) for k, t in _RECORD_TYPES.items()):
        return False
    published = record.get("published")
    if published is not None:
        try:
            date.fromisoformat(published)
        except ValueError:
            return False
    return not isinstance(record.get("version"), bool)


def is_fresh(record: Mapping[str, Any], now: float, options: ArxivOptions) -> bool:
    """Whether a stored record may be reused (a "not found" answer ages faster)."""
    fetched = record.get("fetched")
    if not isinstance(fetched, (int, float)):
        return False
    days = options.cache_days if record.get("found") else options.not_found_cache_days
    return now - fetched <= days * DAY


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[: limit - 1] + "…"}"'


def findings_for(
    doc: Document,
    refs: Sequence[ArxivRef],
    records: Mapping[str, Mapping[str, Any]],
    options: ArxivOptions,
    selected: frozenset[str] | set[str],
    today: date,
) -> list[Finding]:
    """Findings of the selected arxiv-* rules; IDs without a record were not checked."""
    findings = list(_findings(doc, refs, records, options, selected, today))
    if YEAR_MISMATCH.id in selected:
        findings.extend(_year_findings(refs, records))
    return [finding.with_(file=doc.path) for finding in findings]


def _year_findings(
    refs: Sequence[ArxivRef], records: Mapping[str, Mapping[str, Any]]
) -> Iterator[Finding]:
    """year-mismatch from arXiv's real first-version date, only where the offline rule,
    which reads year and month from the ID, found nothing: it lets a January ID pass for
    the year before (a 31 December submission), which only the real date settles. The
    offline rule reports everything else, so never twice."""
    seen: set[int] = set()
    for ref in refs:
        entry = ref.entry
        if entry is None or id(entry) in seen or entry.paper is None or entry.paper.year is None:
            continue
        seen.add(id(entry))
        preprint = entry_preprint(entry)
        record = records.get(preprint.id) if preprint is not None else None
        published = str(record.get("published") or "") if record else ""
        if preprint is None or not published[:4].isdigit():
            continue
        paper = entry.paper
        stated = paper.year
        assert stated is not None
        real = stated_year_conflict(stated, paper.venue, int(published[:4]))
        offline = stated_year_conflict(stated, paper.venue, preprint.year, preprint.month)
        if real is None or offline is not None:
            continue
        yield YEAR_MISMATCH.finding(
            paper.year_span or entry.span,
            f"Year mismatch: the entry {real} (arXiv {preprint.id}, first version {published})",
            url=entry.url or None,
            stated_year=stated,
            arxiv_id=preprint.id,
            preprint_year=int(published[:4]),
        )


def _findings(
    doc: Document,
    refs: Sequence[ArxivRef],
    records: Mapping[str, Mapping[str, Any]],
    options: ArxivOptions,
    selected: frozenset[str] | set[str],
    today: date,
) -> Iterator[Finding]:
    title_checked: set[tuple[int, str]] = set()
    labels = _labels_by_id(refs)
    for ref in refs:
        if ref.arxiv_id is None or validate(ref.written, date.max) is not None:
            continue  # the offline rule arxiv-invalid-id reports these
        arxiv_id = ref.arxiv_id
        reason = validate(ref.written, today)
        if reason is not None:
            if INVALID_ID.id in selected:
                yield INVALID_ID.finding(
                    ref.span, f"Invalid arXiv ID {ref.written!r}: {reason}", url=ref.url
                )
            continue
        record = records.get(arxiv_id.id)
        if record is None:
            continue
        if not record.get("found"):
            if NOT_FOUND.id in selected:
                yield NOT_FOUND.finding(
                    ref.span, f"arXiv has no paper {arxiv_id.versioned}", url=ref.url
                )
            continue
        latest = record.get("version")
        if arxiv_id.version is not None and isinstance(latest, int) and arxiv_id.version > latest:
            if NOT_FOUND.id in selected:
                yield NOT_FOUND.finding(
                    ref.span,
                    f"arXiv {arxiv_id.id} has no v{arxiv_id.version} (latest is v{latest})",
                    url=ref.url,
                )
            continue
        actual = str(record.get("title") or "")
        if record.get("withdrawn") and WITHDRAWN.id in selected:
            yield WITHDRAWN.finding(
                ref.span, f"arXiv {arxiv_id.id} ({_quote(actual)}) was withdrawn", url=ref.url
            )
        key = (id(ref.entry), arxiv_id.id)
        if (
            TITLE_MISMATCH.id in selected
            and ref.link is not None
            and actual
            and key not in title_checked
        ):
            mismatch = _title_mismatch(ref, arxiv_id, actual, options, labels)
            if mismatch is not None:
                title_checked.add(key)
                yield mismatch
        if PUBLISHED.id in selected and (record.get("journal_ref") or record.get("doi")):
            where = record.get("journal_ref") or f"https://doi.org/{record.get('doi')}"
            yield PUBLISHED.finding(
                ref.span,
                f"arXiv {arxiv_id.id} records a published version: {where}",
                url=ref.url,
                journal_ref=record.get("journal_ref"),
                doi=record.get("doi"),
            )


def _labels_by_id(refs: Sequence[ArxivRef]) -> dict[str, list[tuple[str, int]]]:
    """Model-name labels of the entries that link each paper, with their lines."""
    labels: dict[str, list[tuple[str, int]]] = {}
    for ref in refs:
        if ref.link is None or ref.entry is None or ref.arxiv_id is None or ref.shared_entry:
            continue
        label = title_claims(ref.entry, ref.link).label
        if label is not None:
            labels.setdefault(ref.arxiv_id.id, []).append((label, ref.entry.line))
    return labels


def _title_mismatch(
    ref: ArxivRef,
    arxiv_id: ArxivId,
    actual: str,
    options: ArxivOptions,
    labels: Mapping[str, Sequence[tuple[str, int]]],
) -> Finding | None:
    """A title that names another paper; or a label naming another model, when a second
    entry links the same paper under the name arXiv's title starts with."""
    assert ref.link is not None
    claims = title_claims(ref.entry, ref.link, only_link_text=ref.shared_entry)
    if claims.title is not None and not same_paper(claims.title, actual, options.title_similarity):
        return TITLE_MISMATCH.finding(
            ref.span,
            f"Title {_quote(claims.title)} does not match arXiv {arxiv_id.id}: {_quote(actual)}",
            url=ref.url,
            claimed=claims.title,
            actual=actual,
        )
    if claims.label is None or ref.shared_entry or not label_conflict(claims.label, actual):
        return None
    named = [line for label, line in labels.get(arxiv_id.id, ()) if label_names(label, actual)]
    if not named:
        return None
    return TITLE_MISMATCH.finding(
        ref.span,
        f"Entry names {_quote(claims.label)} but arXiv {arxiv_id.id} is {_quote(actual)}, "
        f"which the entry on line {named[0]} names",
        url=ref.url,
        related=(Related(named[0], 1, "the entry that names this paper"),),
        claimed=claims.label,
        actual=actual,
    )
