"""Entries → JSON in the shape of ecosyste.ms awesome's list projects, plus what we know more.

Each entry has ecosyste.ms's ``category`` (the ``##`` section), ``sub_category`` (the
``###`` section), ``name``, ``url`` and ``description``, and in addition ``line``,
``column``, ``section`` (the whole heading path), ``depth``, ``links`` and ``paper``.
"""

from __future__ import annotations

from typing import Any

from listbot.model import Document, Entry, Link, Paper


def _link(link: Link) -> dict[str, Any]:
    return {
        "kind": link.kind.value,
        "text": link.text,
        "url": link.url,
        "line": link.line,
        "column": link.column,
    }


def _paper(paper: Paper | None) -> dict[str, Any] | None:
    if paper is None:
        return None
    return {
        "title": paper.title,
        "venue": paper.venue,
        "year": paper.year,
        "authors": paper.authors,
    }


def _categories(document: Document, entry: Entry) -> tuple[str | None, str | None]:
    """ecosyste.ms reads ``##`` as category and ``###`` as sub-category."""
    category = sub_category = None
    lines = [(h.level, h.text) for h in document.headings if h.line <= entry.line]
    for level, text in lines:
        if level <= 1:
            category = sub_category = None
        elif level == 2:
            category, sub_category = text, None
        elif level == 3 and category is not None:
            sub_category = text
    return category, sub_category


def export_entry(document: Document, entry: Entry) -> dict[str, Any]:
    category, sub_category = _categories(document, entry)
    return {
        "category": category,
        "sub_category": sub_category,
        "name": entry.name,
        "url": entry.url,
        "description": entry.description,
        "description_raw": entry.description_raw,
        "line": entry.line,
        "column": entry.column,
        "section": list(entry.section),
        "depth": entry.depth,
        "links": [_link(link) for link in entry.links],
        "paper": _paper(entry.paper),
    }


def export_document(document: Document) -> dict[str, Any]:
    return {
        "file": document.path,
        "title": document.title.text if document.title else None,
        "entries": [export_entry(document, entry) for entry in document.all_entries],
    }
