"""Tags beside an entry's description: markers before the separator, tags after the prose.

Lists put things between an entry's link and its separator that are not the description:
platform emoji and shortcodes (``[Zolang](url) :penguin: - ...``), badges, and short tags
(``**NEW**``, `` `MIT` ``, ``[deprecated]``, ``(beta)``). They are *markers* only when a
separator follows them; otherwise the text after the link is left as it is.

After the prose, lists add licence and language tags (`` `MIT` `PHP` ``, ``[BSD]``),
badges, and groups of extra links (``([Demo](…), [Source Code](…))``). They are *trailing
tags* when their shape cannot be prose (a badge, a link group, a bracketed word, two or more
code spans in a row), or when the prose before them already ends its sentence
(``Notes. `MIT` [website](…)``). A single code span or link after an unfinished sentence
(``Bindings for `libfoo` ``) is part of the sentence.

Both scanners work on an entry's *tail*: the item's own source after the main link, lines
joined with ``\\n``, with ``links_at`` mapping an offset in it to the link that starts there.
"""

from __future__ import annotations

import re
from typing import Protocol

from listbot.model import Link
from listbot.normalize.emoji import SHORTCODE, TERMINATORS, is_emoji_part


class LinkLookup(Protocol):
    """The link that starts at an offset of the text scanned, and the offset where it ends."""

    def get(self, offset: int, /) -> tuple[Link, int] | None: ...


__all__ = ["LinkLookup", "Token", "ends_sentence", "scan_markers", "scan_trailing_tags"]

Token = tuple[str, int, int]
"""(kind, start, end) offsets in the tail."""

_SENTENCE_CLOSERS = "\"”’'」』)）*_"

_SPACES = re.compile(r"[ \t\u00a0]*")
_BLANK = " \t\u00a0\n"
_CODE = re.compile(r"(`+)(?!`)[^\n]*?[^`\n](?<!`)\1(?!`)|(`+)[^`\n]\2(?!`)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?![\s*_])([^*_\n\[\]()`]{1,30}?)(?<![\s*_])\1(?![*_\w])")
_EMPHASIS_BRACKET = re.compile(r"(\*\*|__|\*|_)[\[(][^\[\]()\n]{1,40}[\])]\1(?![*_\w])")
_BRACKET = re.compile(r"\[(?![!\[\s])[^\[\]\n]{1,40}(?<!\s)\](?![(\[:])")
_PAREN = re.compile(r"\((?![\s)])[^()\n]{1,40}(?<!\s)\)")
_GROUP_FILLER = re.compile(r"[\s,;|/·•]*")


def _link(tail: str, start: int, links_at: LinkLookup) -> Token | None:
    found = links_at.get(start)
    if found is None:
        return None
    link, end = found
    kind = "badge" if link.is_image or link.image_urls or _is_icon(link.text) else "link"
    return kind, start, end


def _is_icon(text: str) -> bool:
    """Link text that is only emoji or shortcodes (`[:information_source:](…)`, `[🔗](…)`):
    an icon beside the entry's name, like a badge, not a name."""
    rest = SHORTCODE.sub("", text)
    return bool(text.strip()) and all(char.isspace() or is_emoji_part(char) for char in rest)


def _link_group(tail: str, start: int, links_at: LinkLookup) -> Token | None:
    """``([Demo](…), [Source Code](…))``: links in parentheses and nothing else."""
    if not tail.startswith("(", start):
        return None
    position = start + 1
    links = 0
    while position < len(tail):
        position = _GROUP_FILLER.match(tail, position).end()  # type: ignore[union-attr]
        found = links_at.get(position)
        if found is not None:
            position = found[1]
            links += 1
            continue
        if links and tail.startswith(")", position):
            return "links", start, position + 1
        return None
    return None


def _emoji(tail: str, start: int) -> Token | None:
    if start < len(tail) and is_emoji_part(tail[start]):
        end = start
        while end < len(tail) and is_emoji_part(tail[end]):
            end += 1
        return "emoji", start, end
    match = SHORTCODE.match(tail, start)
    return ("shortcode", start, match.end()) if match else None


def _pattern(kind: str, pattern: re.Pattern[str], tail: str, start: int) -> Token | None:
    match = pattern.match(tail, start)
    return (kind, start, match.end()) if match else None


def _marker_at(tail: str, start: int, links_at: LinkLookup) -> Token | None:
    if start >= len(tail):
        return None
    link = _link(tail, start, links_at)
    if link is not None:
        return link if link[0] == "badge" else None
    char = tail[start]
    if char == "`":
        return _pattern("code", _CODE, tail, start)
    if char in "*_":
        return _pattern("bracket", _EMPHASIS_BRACKET, tail, start) or _pattern(
            "emphasis", _EMPHASIS, tail, start
        )
    if char == "[":
        return _pattern("bracket", _BRACKET, tail, start)
    if char == "(":
        return _link_group(tail, start, links_at) or _pattern("parenthetical", _PAREN, tail, start)
    return _emoji(tail, start)


def scan_markers(
    tail: str, start: int, links_at: LinkLookup, separator: re.Pattern[str]
) -> tuple[list[Token], int]:
    """Markers from ``start`` on when ``separator`` follows them; else none and ``start``."""
    found: list[Token] = []
    position = start
    while True:
        after = _SPACES.match(tail, position).end()  # type: ignore[union-attr]
        token = _marker_at(tail, after, links_at)
        if token is None:
            break
        found.append(token)
        position = token[2]
    if found and separator.match(tail, position):
        return found, position
    return [], start


def _trailing_at(tail: str, start: int, links_at: LinkLookup) -> Token | None:
    link = _link(tail, start, links_at)
    if link is not None:
        return link
    char = tail[start]
    if char == "`":
        return _pattern("code", _CODE, tail, start)
    if char in "*_":
        return _pattern("bracket", _EMPHASIS_BRACKET, tail, start)
    if char == "[":
        return _pattern("bracket", _BRACKET, tail, start)
    if char == "(":
        return _link_group(tail, start, links_at)
    return None


def _final_run(tail: str, start: int, end: int, links_at: LinkLookup) -> list[Token]:
    """The tokens, separated by spaces, that end ``tail[start:end]``: one pass, left to right.

    Each word that is not a token starts the run again, so a long description costs one
    look at each of its characters (a 1 MB line must not take quadratic time).
    """
    run: list[Token] = []
    position = start
    while position < end:
        char = tail[position]
        if char in _BLANK:
            position += 1
            continue
        token = None
        if position > start and tail[position - 1] in _BLANK and char in "`[(!*_<":
            token = _trailing_at(tail, position, links_at)
        if token is not None and token[2] <= end and (token[2] == end or tail[token[2]] in _BLANK):
            run.append(token)
            position = token[2]
            continue
        run = []
        while position < end and tail[position] not in _BLANK:
            position += 1
    return run


def ends_sentence(prose: str) -> bool:
    """Whether ``prose`` ends with a terminator, possibly inside quotes or emphasis."""
    return prose.rstrip().rstrip(_SENTENCE_CLOSERS)[-1:] in tuple(TERMINATORS) or (
        prose.rstrip()[-1:] in tuple(TERMINATORS)
    )


_UNAMBIGUOUS = frozenset({"badge", "links", "bracket"})


def scan_trailing_tags(tail: str, start: int, end: int, links_at: LinkLookup) -> list[Token]:
    """Trailing tags of the description ``tail[start:end]`` (see the module docstring)."""
    body = tail[start:end].rstrip()
    if not body or body[-1] not in "`)]*_":
        return []
    run = _final_run(tail, start, start + len(body), links_at)
    if not run:
        return []
    prose = tail[start : run[0][1]]
    if not prose.strip():
        return []
    if ends_sentence(prose):
        return run
    accepted: list[Token] = []
    index = len(run) - 1
    while index >= 0:
        kind = run[index][0]
        if kind in _UNAMBIGUOUS:
            accepted.append(run[index])
            index -= 1
            continue
        if kind == "code":
            first = index
            while first > 0 and run[first - 1][0] == "code":
                first -= 1
            if index - first + 1 >= 2:
                accepted.extend(reversed(run[first : index + 1]))
                index = first - 1
                continue
        break
    accepted.reverse()
    return accepted
