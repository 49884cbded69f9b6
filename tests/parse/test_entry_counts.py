"""Entry and list-item counts on the corpus, checked against counts made without the parser.

Two independent references:

* ``../shared/corpus/SOURCES.md`` counts list items with plain regexes (``^\\s*[-*] `` and
  ``^\\s*\\d+\\. ``); every ListItem the parser finds must add up to exactly that.
* :func:`line_count` below: list-item lines (any indent, inside block quotes too) outside
  fenced code whose own line holds a Markdown link, a reference link, an HTML ``<a href>`` or
  a bare ``http(s)://`` URL. An entry is a list item whose own content has a non-image link,
  so the two agree exactly when every entry's link is on its marker line and no item is
  image-only. Reconciled on the corpus: they agree on all 13 files with no exceptions (the
  lone awesome-go item without links, line 838 ``- ``, is counted by neither; the
  ``**Group**`` label items in vinta-awesome-python and the 52 ``*   通用`` sub-labels in
  jobbole-awesome-python-cn have no link on their line and are not entries either).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from listbot.parse import parse_file
from tests.conftest import CORPUS, corpus_params

_ITEM = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_LINK = re.compile(r"\]\(|\]\[|<a\s[^>]*href|https?://", re.IGNORECASE)


def line_count(text: str) -> set[int]:
    """Lines that start a list item and carry a link on the same line (code fences skipped)."""
    found: set[int] = set()
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        marker = _FENCE.match(line)
        if marker:
            if fence is None:
                fence = marker.group(1)
            elif marker.group(1) == fence:
                fence = None
            continue
        if fence:
            continue
        item = _ITEM.match(line)
        if item and _LINK.search(line[item.end() :]):
            found.add(number)
    return found


def sources_counts() -> dict[str, int]:
    """List items per file from the SOURCES.md counts table (bullets + numbered)."""
    counts: dict[str, int] = {}
    sources = CORPUS / "SOURCES.md"
    if not sources.is_file():
        return counts
    for row in sources.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if (
            len(cells) >= 6
            and cells[0].endswith(".md")
            and cells[3].isdigit()
            and cells[5].isdigit()
        ):
            counts[cells[0]] = int(cells[3]) + int(cells[5])
    return counts


@pytest.mark.parametrize("path", corpus_params())
def test_entries_are_the_list_items_with_links(path: Path) -> None:
    document = parse_file(path)
    expected = line_count(path.read_text(encoding="utf-8"))
    assert expected, "the independent count found no linked list items"
    assert {entry.line for entry in document.all_entries} == expected
    assert len(document.all_entries) == len(expected)


@pytest.mark.parametrize("path", corpus_params())
def test_list_items_match_the_sources_table(path: Path) -> None:
    counts = sources_counts()
    if path.name not in counts:
        pytest.skip("no SOURCES.md row for this file")
    assert len(parse_file(path).list_items) == counts[path.name]
