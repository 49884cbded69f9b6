"""Entries → JSON in the shape of ecosyste.ms awesome's list projects, plus what we know more.

Each entry has ecosyste.ms's ``category`` (the ``##`` section), ``sub_category`` (the
``###`` section), ``name``, ``url`` and ``description``, and in addition ``line``,
``column``, ``section`` (the whole heading path), ``depth``, ``links``, ``paper``, and the
entry's ``markers`` (emoji, badges and tags between the link and the separator) and ``tags``
(licence/language tags, badges and extra links after the description) as written. The
description is the prose alone: markers and tags never leak into it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from listbot.model import Document, Entry, Link, Paper

Categories = tuple[int, str | None, str | None]
"""From a heading's line on: ecosyste.ms's (category, sub_category)."""


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


def _categories(document: Document) -> list[Categories]:
    """``(line, category, sub_category)`` from each heading on: ecosyste.ms reads ``##`` as
    category and ``###`` as sub-category."""
    category = sub_category = None
    changes: list[Categories] = []
    for heading in document.headings:
        if heading.level <= 1:
            category = sub_category = None
        elif heading.level == 2:
            category, sub_category = heading.text, None
        elif heading.level == 3 and category is not None:
            sub_category = heading.text
        changes.append((heading.line, category, sub_category))
    return changes


def _categories_at(changes: list[Categories], line: int) -> tuple[str | None, str | None]:
    index = bisect_right(changes, line, key=lambda change: change[0]) - 1
    return (changes[index][1], changes[index][2]) if index >= 0 else (None, None)


def export_entry(
    document: Document, entry: Entry, categories: list[Categories] | None = None
) -> dict[str, Any]:
    if categories is None:
        categories = _categories(document)
    category, sub_category = _categories_at(categories, entry.line)
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
        "markers": [tag.raw for tag in entry.markers],
        "tags": [tag.raw for tag in entry.trailing_tags],
    }


def export_document(document: Document) -> dict[str, Any]:
    categories = _categories(document)
    return {
        "file": document.path,
        "title": document.title.text if document.title else None,
        "entries": [export_entry(document, entry, categories) for entry in document.all_entries],
    }
