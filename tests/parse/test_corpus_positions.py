"""THE position test: every link and list item in every corpus file is where we say it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from listbot.model import LinkKind
from listbot.parse import parse_file
from listbot.parse.spans import slice_source
from tests.conftest import corpus_params

_STARTS = {
    LinkKind.INLINE: ("[",),
    LinkKind.REFERENCE: ("[",),
    LinkKind.IMAGE: ("![",),
    LinkKind.AUTOLINK: ("<",),
    LinkKind.HTML_A: ("<a",),
    LinkKind.HTML_IMG: ("<img",),
}


@pytest.mark.parametrize("path", corpus_params())
def test_every_link_starts_at_its_position(path: Path) -> None:
    document = parse_file(path)
    assert document.links, "a corpus list without links means the parser lost them"
    misplaced = []
    for link in document.links:
        at = document.line_text(link.line)[link.column - 1 :]
        expected = _STARTS.get(link.kind, (link.url,))
        ok = at.lower().startswith(tuple(s.lower() for s in expected))
        if ok and link.raw != slice_source(document.lines, link.span):
            ok = False
        if not ok:
            misplaced.append((link.kind.value, link.line, link.column, link.raw[:40], at[:40]))
    assert misplaced == []


@pytest.mark.parametrize("path", corpus_params())
def test_every_list_marker_is_at_its_column(path: Path) -> None:
    document = parse_file(path)
    for item in document.list_items:
        at = document.line_text(item.line)[item.column - 1 :]
        assert at.startswith(item.marker), (item.line, item.column, item.marker, at[:20])
        assert item.first_line == document.line_text(item.line)
