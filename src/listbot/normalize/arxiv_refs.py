"""arXiv references in a Document: where papers are named, and how their links are written.

Parts:

- :class:`ArxivRef` / :func:`collect_refs`: every arXiv link (any URL form) and ``arXiv:ID``
  mention outside code, with the entry it belongs to and whether that entry links several
  papers. Shared by the offline arXiv rules and the arXiv check, so both read a link alike.
- :func:`link_forms`: how a link differs from the canonical ``https://arxiv.org/abs/ID``.
- :func:`url_fix`: the edit that rewrites a URL where it is written literally.

Pure: no clock, network or printing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from listbot.findings import Edit, Fix
from listbot.model import Document, Entry, Link, Span
from listbot.normalize.arxiv_ids import (
    ArxivId,
    arxiv_url_candidate,
    find_arxiv_ids,
    parse_arxiv_id,
)

__all__ = ["LINK_FORMS", "ArxivRef", "collect_refs", "link_forms", "url_fix"]

LINK_FORMS = ("pdf", "versioned", "http", "host", "mirror", "html")
"""Every non-canonical form :func:`link_forms` names."""

_WRITTEN_ID = re.compile(r"[\w.\-]+(?:/\d{7}(?:v\d+)?)?")


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
    """Every arXiv link and ``arXiv:ID`` mention in ``doc``, in file order (built once)."""
    return doc.memo("arxiv_refs", _collect_refs)


def _collect_refs(doc: Document) -> list[ArxivRef]:
    candidates: list[tuple[Link, str]] = []
    for link in doc.links:
        if link.is_image or not link.is_http:
            continue
        written = arxiv_url_candidate(link.url)
        if written is not None:
            candidates.append((link, written))
    # Which entry each link belongs to, only when some link is arXiv's (most lists have none).
    entry_of: dict[Span, Entry] = {}
    if candidates:
        for entry in doc.all_entries:
            for link in entry.links:
                entry_of.setdefault(link.span, entry)
    refs: list[ArxivRef] = []
    linked: set[tuple[int, str]] = set()
    for link, written in candidates:
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


def url_fix(doc: Document, link: Link, url: str, replacement: str) -> Fix | None:
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
