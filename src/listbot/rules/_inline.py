"""Inline Markdown as prose: shared, pure helpers for the awesome-lint rules.

Prose rules (spell-check, balanced punctuation, list-item casing) must not look inside
code spans, URLs, link destinations or HTML tags. Rather than walk the parser's inline
tree, they read the source text and *mask* those parts with spaces: the masked text has
the same length as the source, so an offset in it is an offset in the file and findings
keep exact columns.

Parts: :func:`mask_markup` (code, destinations, tags, URLs → spaces), :class:`BlockText`
(the source of a text block as one string, with offset → line:column), and a few
character classes (CJK, emoji) that several rules share.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from listbot.model import Document, Span, TextBlock
from listbot.normalize.emoji import is_emoji_part
from listbot.normalize.markup import code_span_ranges

_DESTINATION = re.compile(
    r"(?<=\])\((?:[^()\s\\]|\\.|\((?:[^()\\]|\\.)*\))*"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE_LABEL = re.compile(r"(?<=\])\[[^\]]*\]")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>|<[^<>\s@]+@[^<>\s]+>")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]]", re.IGNORECASE)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_LABEL = re.compile(r"\[[^\[\]]*\]")


def _spaces(match: re.Match[str]) -> str:
    return _blank(match.group())


def _blank_between(text: str, opener: str, closer: str) -> str:
    """Each ``opener ... closer`` (the first closer after it) blanked, as a lazy regex
    ``opener.*?closer`` would, but linear: once an opener has no closer after it, no later
    one has (the regex looked for one to the end from every opener: quadratic)."""
    parts: list[str] = []
    last = 0
    start = text.find(opener)
    while start >= 0:
        end = text.find(closer, start + len(opener))
        if end < 0:
            break
        end += len(closer)
        parts.append(text[last:start])
        parts.append(_blank(text[start:end]))
        last = end
        start = text.find(opener, end)
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _blank(text: str) -> str:
    if "\n" not in text:
        return " " * len(text)
    return "".join(ch if ch in "\r\n" else " " for ch in text)


def _blank_code(text: str) -> str:
    ranges = code_span_ranges(text)
    if not ranges:
        return text
    parts: list[str] = []
    last = 0
    for start, end in ranges:
        parts.append(text[last:start])
        parts.append("".join(ch if ch in "\r\n" else " " for ch in text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def mask_markup(text: str, *, keep_link_text: bool = True) -> str:
    """``text`` with code spans, link destinations, images, HTML and URLs replaced by spaces.

    Link labels stay (they are prose) unless ``keep_link_text`` is false. Backslash escapes
    keep the escaped character and lose the backslash. Each pass runs only when its
    trigger character is present: most description lines need two or three.
    """
    if "`" in text:
        text = _blank_code(text)
    if "<" in text:
        text = _blank_between(text, "<!--", "-->")
        for pattern in (_AUTOLINK, _HTML_TAG):
            text = pattern.sub(_spaces, text)
    if "]" in text:
        text = _DESTINATION.sub(_spaces, text)
        text = _REFERENCE_LABEL.sub(_spaces, text)
        if "![" in text:
            text = _blank_between(text, "![", "]")
    if "://" in text or "www." in text.lower():
        text = _BARE_URL.sub(_spaces, text)
    if "\\" in text:
        text = _ESCAPE.sub(_spaces, text)
    if not keep_link_text and "[" in text:
        text = _LABEL.sub(_spaces, text)
    return text


@dataclass(frozen=True, slots=True)
class BlockText:
    """The source of a region as one string (lines joined by ``\\n``), mapping back to the file."""

    text: str
    first_line: int
    line_starts: tuple[int, ...]
    """Offset in ``text`` where each line starts."""
    first_column: int

    @classmethod
    def of_span(cls, doc: Document, span: Span) -> BlockText:
        if span.line == span.end_line:  # most blocks and entry tails: one slice of one line
            text = doc.line_text(span.line)[: max(span.end_column - 1, 0)][span.column - 1 :]
            return cls(text, span.line, (0,), span.column)
        parts: list[str] = []
        starts: list[int] = []
        offset = 0
        for line in range(span.line, span.end_line + 1):
            source = doc.line_text(line)
            if line == span.end_line:
                source = source[: max(span.end_column - 1, 0)]
            if line == span.line:
                source = source[span.column - 1 :]
            starts.append(offset)
            parts.append(source)
            offset += len(source) + 1
        return cls("\n".join(parts), span.line, tuple(starts), span.column)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of ``offset`` in :attr:`text`."""
        index = 0
        for i, start in enumerate(self.line_starts):
            if start <= offset:
                index = i
            else:
                break
        column = offset - self.line_starts[index] + 1
        if index == 0:
            column += self.first_column - 1
        return self.first_line + index, column

    def offset(self, line: int, column: int) -> int | None:
        """Offset in :attr:`text` of a file position, or None when it is outside."""
        index = line - self.first_line
        if not 0 <= index < len(self.line_starts):
            return None
        if index == 0:
            column -= self.first_column - 1
        return self.line_starts[index] + max(column - 1, 0)

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)


def prose_blocks(
    doc: Document, kinds: tuple[str, ...] = ()
) -> Iterator[tuple[TextBlock, BlockText]]:
    """Text blocks outside code, with their source text (``kinds`` filters, empty = all).

    Built as they are read, not kept: on a 30,000-entry list the texts of all blocks would
    hold ~10 MB for the whole run to save two rules ~3 ms.
    """
    for block in doc.text_blocks:
        if kinds and block.kind not in kinds:
            continue
        if block.span.line in doc.code_lines:
            continue
        yield block, BlockText.of_span(doc, block.span)


def is_cjk(char: str) -> bool:
    """Han, kana, hangul and CJK punctuation: scripts whose sentences end in ``。``."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


def is_emoji(char: str) -> bool:
    """An emoji or a part of an emoji sequence (Unicode's Extended_Pictographic and friends)."""
    return is_emoji_part(char)


def has_case(char: str) -> bool:
    """Latin, Greek and Cyrillic letters: the scripts where "lower case" means something."""
    if not char.isalpha():
        return False
    name = unicodedata.name(char, "")
    return name.startswith(("LATIN", "GREEK", "CYRILLIC"))
