"""The pure half of the arXiv check: which IDs to ask for, in which batches, what answers mean.

Parts:

- :func:`collect_refs`: every arXiv reference in a document (links in any URL form and
  ``arXiv:ID`` text), with the entry it belongs to.
- :func:`ids_to_fetch` and :func:`plan_batches`: the valid, unique, not-cached IDs, in
  batches of at most ``batch_size`` (invalid IDs are never sent).
- :func:`record_from_fields`, :func:`is_fresh`, :func:`is_withdrawn`: the cached form of
  arXiv's answer for one ID (``{"found": false}`` for a paper arXiv does not have).
- :func:`findings_for`: references + records -> findings of the six arxiv-* rules.

No clock, network or printing here: ``today`` and ``now`` are passed in by
:mod:`listbot.checks.arxiv`, the thin async sender.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from listbot.checks.arxiv_rules import (
    INVALID_ID,
    LINK_FORM,
    NOT_FOUND,
    PUBLISHED,
    TITLE_MISMATCH,
    WITHDRAWN,
    ArxivOptions,
)
from listbot.checks.arxiv_titles import label_conflict, label_names, same_paper, title_claims
from listbot.findings import Edit, Finding, Fix, Related
from listbot.model import Document, Entry, Link, Span
from listbot.normalize.arxiv_ids import (
    ArxivId,
    arxiv_url_candidate,
    find_arxiv_ids,
    parse_arxiv_id,
    validate,
)
from listbot.rules.year_mismatch import RULE as YEAR_MISMATCH
from listbot.rules.year_mismatch import entry_preprint, stated_year_conflict

__all__ = [
    "ArxivRef",
    "collect_refs",
    "findings_for",
    "ids_to_fetch",
    "is_fresh",
    "is_withdrawn",
    "link_forms",
    "plan_batches",
    "record_from_fields",
]

DAY = 86400.0
_WRITTEN_ID = re.compile(r"[\w.\-]+(?:/\d{7}(?:v\d+)?)?")
_WITHDRAWN = re.compile(
    r"\b(?:this (?:paper|article|submission|manuscript) (?:has been|is|was) withdrawn"
    r"|withdrawn by (?:the )?(?:authors?|arxiv|submitter|admin)"
    r"|^\s*withdrawn\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ArxivRef:
    """One place in a document that names an arXiv paper."""

    span: Span
    written: str
    """The ID as written (``2005.14165v2``, ``abc``): what validation and messages use."""
    arxiv_id: ArxivId | None
    """The parsed ID; None when ``written`` does not even have an ID's shape."""
    url: str | None = None
    """The link's URL; None for ``arXiv:ID`` text."""
    link: Link | None = None
    entry: Entry | None = None
    shared_entry: bool = False
    """The entry links more than one arXiv paper, so its bold title may belong to another."""


def collect_refs(doc: Document) -> list[ArxivRef]:
    """Every arXiv link and ``arXiv:ID`` mention in ``doc``, in file order."""
    entry_of: dict[Span, Entry] = {}
    for entry in doc.all_entries:
        for link in entry.links:
            entry_of.setdefault(link.span, entry)
    refs: list[ArxivRef] = []
    linked: set[tuple[int, str]] = set()
    for link in doc.links:
        if link.is_image or not link.is_http:
            continue
        written = arxiv_url_candidate(link.url)
        if written is None:
            continue
        arxiv_id = parse_arxiv_id(written)
        refs.append(ArxivRef(link.span, written, arxiv_id, link.url, link, entry_of.get(link.span)))
        if arxiv_id is not None:
            linked.add((link.line, arxiv_id.id))
    for number, line in enumerate(doc.lines, start=1):
        if number in doc.code_lines or "arxiv:" not in line.lower():
            continue
        for arxiv_id, offset in find_arxiv_ids(line):
            if (number, arxiv_id.id) in linked:
                continue
            match = _WRITTEN_ID.match(line, offset)
            written = match.group(0).rstrip(".") if match else arxiv_id.versioned
            refs.append(ArxivRef(Span.at(number, offset + 1, len(written)), written, arxiv_id))
    papers_per_entry: dict[int, set[str]] = {}
    for ref in refs:
        if ref.entry is not None and ref.arxiv_id is not None:
            papers_per_entry.setdefault(id(ref.entry), set()).add(ref.arxiv_id.id)
    refs = [_with_shared(ref, len(papers_per_entry.get(id(ref.entry), ())) > 1) for ref in refs]
    refs.sort(key=lambda ref: ref.span)
    return refs


def _with_shared(ref: ArxivRef, shared: bool) -> ArxivRef:
    if not shared:
        return ref
    return ArxivRef(ref.span, ref.written, ref.arxiv_id, ref.url, ref.link, ref.entry, True)


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


def is_fresh(record: Mapping[str, Any], now: float, options: ArxivOptions) -> bool:
    """Whether a stored record may be reused (a "not found" answer ages faster)."""
    fetched = record.get("fetched")
    if not isinstance(fetched, (int, float)):
        return False
    days = options.cache_days if record.get("found") else options.not_found_cache_days
    return now - fetched <= days * DAY


def link_forms(url: str, arxiv_id: ArxivId) -> list[str]:
    """The non-canonical forms a URL has (see ``ArxivOptions.link_forms``)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return []
    host = (parts.hostname or "").lower()
    path = parts.path.lower()
    forms: list[str] = []
    if host.endswith("doi.org"):
        return forms
    if host not in ("arxiv.org", "www.arxiv.org", "export.arxiv.org", "lanl.arxiv.org"):
        return ["mirror"]
    if path.startswith("/pdf/") or path.endswith(".pdf"):
        forms.append("pdf")
    if path.startswith("/html/"):
        forms.append("html")
    if arxiv_id.version is not None:
        forms.append("versioned")
    if parts.scheme.lower() == "http":
        forms.append("http")
    if host != "arxiv.org":
        forms.append("host")
    return forms


def _url_fix(doc: Document, link: Link, url: str, replacement: str) -> Fix | None:
    """Replace the URL where it is written literally, once, inside the link's markup."""
    if link.span.line != link.span.end_line:
        return None
    text = doc.line_text(link.line)
    start, end = link.column - 1, link.span.end_column - 1
    segment = text[start:end]
    if segment.count(url) != 1:
        return None
    column = start + segment.index(url) + 1
    edit = Edit.replace_at(link.line, column, len(url), replacement)
    return Fix((edit,), f"Link {replacement}")


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
    """year-mismatch with arXiv's real first-version date, only where the offline rule,
    which reads the year from the ID, decided otherwise (a paper submitted on 31 December
    gets next year's ID). The offline rule reports everything else, so never twice."""
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
        if real is None or stated_year_conflict(stated, paper.venue, preprint.year) is not None:
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
        reason = validate(ref.written, today)
        if reason is not None or ref.arxiv_id is None:
            if INVALID_ID.id in selected:
                yield INVALID_ID.finding(
                    ref.span, f"Invalid arXiv ID {ref.written!r}: {reason}", url=ref.url
                )
            continue
        arxiv_id = ref.arxiv_id
        if LINK_FORM.id in selected and ref.url is not None and ref.link is not None:
            forms = [form for form in link_forms(ref.url, arxiv_id) if form in options.link_forms]
            if forms:
                yield LINK_FORM.finding(
                    ref.span,
                    f"Link the abstract page {arxiv_id.abs_url} instead of this "
                    f"{'/'.join(forms)} link",
                    url=ref.url,
                    fix=_url_fix(doc, ref.link, ref.url, arxiv_id.abs_url),
                    forms=forms,
                )
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
