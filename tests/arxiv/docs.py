"""Documents for the arXiv tests: the real parser when it is there, else a small stand-in.

The stand-in knows one-line ``-``/``*``/``1.`` list items with inline ``[text](url)`` links,
``<a href>`` links and fenced code: enough for paper lists, with exact 1-based columns.
"""

from __future__ import annotations

import re

from listbot.model import Document, Entry, Link, LinkKind, ListItem, Paper, Span

_INLINE = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)\)")
_HTML_A = re.compile(r"<a href=\"(?P<url>[^\"]+)\">(?P<text>[^<]*)</a>")
_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,9}[.)])\s+")


def real_parse(text: str, path: str) -> Document | None:
    """The project's parser, or None while it is not written yet."""
    from listbot.parse import parse

    try:
        return parse(text, path)
    except NotImplementedError:
        return None


def _links(number: int, line: str) -> list[Link]:
    links = []
    for pattern, kind in ((_INLINE, LinkKind.INLINE), (_HTML_A, LinkKind.HTML_A)):
        for match in pattern.finditer(line):
            span = Span.at(number, match.start() + 1, match.end() - match.start())
            links.append(Link(kind, match["url"], match["text"], span, raw=match.group(0)))
    return sorted(links, key=lambda link: link.span)


def make_document(text: str, path: str = "list.md", *, papers: bool = False) -> Document:
    """A Document with entries for one-line list items (``papers``: fill Paper.year/venue)."""
    lines = tuple(text.splitlines())
    code: set[int] = set()
    fenced = False
    entries: list[Entry] = []
    all_links: list[Link] = []
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            code.add(number)
            continue
        if fenced:
            code.add(number)
            continue
        links = _links(number, line)
        all_links.extend(links)
        item = _ITEM.match(line)
        if item is None or not links:
            continue
        span = Span(number, len(item["indent"]) + 1, number, len(line) + 1)
        list_item = ListItem(
            span=span,
            marker=item["marker"],
            ordered=item["marker"][-1] in ".)",
            number=None,
            indent=len(item["indent"]),
            content_gap=1,
            depth=0,
            list_index=0,
            loose=False,
            first_line=line,
        )
        entries.append(
            Entry(
                item=list_item,
                section=(),
                raw=line,
                main_link=links[0],
                separator="",
                description_raw="",
                description="",
                description_span=None,
                links=tuple(links),
                paper=_paper(line) if papers else None,
            )
        )
    return Document(
        path=path,
        text=text,
        lines=lines,
        newline="\n",
        bom=False,
        title=None,
        headings=(),
        sections=(),
        list_items=tuple(entry.item for entry in entries),
        entries=tuple(entries),
        links=tuple(all_links),
        definitions=(),
        html=(),
        comments=(),
        text_blocks=(),
        code_lines=frozenset(code),
    )


_YEAR = re.compile(r"(?:(?P<venue>[A-Za-z]+)\s+)?(?P<year>(?:19|20)\d{2})\b")


def _paper(line: str) -> Paper | None:
    match = _YEAR.search(line.split("](", 1)[0].rsplit("**", 1)[-1])
    if match is None:
        return None
    return Paper(year=int(match["year"]), venue=match["venue"])
