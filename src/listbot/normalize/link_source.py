"""Where a link's destination is written in the file, so a fix can edit exactly those characters.

``Link.url`` is the destination with escapes and entities resolved, and ``Link.span``
covers the whole markup (label included). Rules that fix a URL (tracking parameters,
``http://``) need the span of the URL text itself. :func:`destination_span` finds it:

- bare URLs start the span; autolinks start one character in (after ``<``);
- inline links and images: the last ``(url`` or ``(<url`` in the markup (a badge's image
  comes earlier, inside the label);
- HTML ``<a href>`` / ``<img src>``: the value of the first ``href=`` / ``src=`` that holds it;
- reference links have their URL on the definition line: use :func:`definition_destination_span`.

:func:`written_urls` walks every place a URL is written (links other than references, and
definitions), once each, for rules that judge how a URL is written.

When the URL is not written verbatim (``&amp;`` in HTML, ``\\(`` escapes, a bare ``www.``
link whose URL gained ``http://``) the answer is None and callers report without a fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from listbot.model import Definition, Document, Link, LinkKind, Span

__all__ = [
    "WrittenUrl",
    "definition_destination_span",
    "destination_span",
    "is_reference",
    "written_urls",
]

_ATTRIBUTE = re.compile(r"""(?:href|src)\s*=\s*["']?""", re.IGNORECASE)
_DEFINITION_HEAD = re.compile(r"\]:\s*<?")


def is_reference(link: Link) -> bool:
    """Whether the link's URL is written in a ``[label]: url`` definition, not at the link."""
    if link.kind is LinkKind.REFERENCE:
        return True
    return link.kind is LinkKind.IMAGE and link.label is not None


def _segments(doc: Document, span: Span) -> list[tuple[int, int, str]]:
    """(line, first column, text) of each line of ``span``, cut to the span."""
    parts: list[tuple[int, int, str]] = []
    for line in range(span.line, span.end_line + 1):
        text = doc.line_text(line)
        start = span.column if line == span.line else 1
        end = span.end_column if line == span.end_line else len(text) + 1
        parts.append((line, start, text[start - 1 : end - 1]))
    return parts


def destination_span(doc: Document, link: Link) -> Span | None:
    """The span of ``link.url`` as written in the file, or None (see the module docstring)."""
    url = link.url
    if not url or is_reference(link):
        return None
    segments = _segments(doc, link.span)
    if link.kind in (LinkKind.BARE, LinkKind.AUTOLINK):
        line, column, text = segments[0]
        offset = 0 if link.kind is LinkKind.BARE else 1
        if text[offset : offset + len(url)] == url:
            return Span.at(line, column + offset, len(url))
        return None
    if link.kind in (LinkKind.HTML_A, LinkKind.HTML_IMG):
        for line, column, text in segments:
            for match in _ATTRIBUTE.finditer(text):
                if text.startswith(url, match.end()):
                    return Span.at(line, column + match.end(), len(url))
        return None
    for line, column, text in reversed(segments):
        best = max(text.rfind("(" + url), text.rfind("(<" + url))
        if best >= 0:
            offset = best + (2 if text.startswith("(<", best) else 1)
            return Span.at(line, column + offset, len(url))
    return None


def definition_destination_span(doc: Document, definition: Definition) -> Span | None:
    """The span of a definition's URL as written on its line, or None."""
    url = definition.url
    if not url:
        return None
    line = definition.span.line
    text = doc.line_text(line)
    head = _DEFINITION_HEAD.search(text, max(definition.span.column - 1, 0))
    if head is None or not text.startswith(url, head.end()):
        return None
    return Span.at(line, head.end() + 1, len(url))


@dataclass(frozen=True, slots=True)
class WrittenUrl:
    """One place where a URL is written: a link's destination or a definition's."""

    url: str
    span: Span
    """The whole markup (link or definition line), for reporting when ``url_span`` is None."""
    url_span: Span | None
    """The URL's own characters, when it is written verbatim."""
    raw: str
    """Source text of the markup."""


def written_urls(doc: Document, keep: Callable[[str], bool] = bool) -> Iterator[WrittenUrl]:
    """Every written URL that ``keep`` accepts, in file order (links and definitions).

    ``keep`` sees the URL first, so the source is searched only for the URLs a rule wants.
    """
    items: list[WrittenUrl] = [
        WrittenUrl(link.url, link.span, destination_span(doc, link), link.raw or link.url)
        for link in doc.links
        if link.url and not is_reference(link) and keep(link.url)
    ]
    for definition in doc.definitions:
        if definition.url and keep(definition.url):
            raw = doc.line_text(definition.span.line)
            span = definition_destination_span(doc, definition)
            items.append(WrittenUrl(definition.url, definition.span, span, raw))
    items.sort(key=lambda item: item.span)
    yield from items
