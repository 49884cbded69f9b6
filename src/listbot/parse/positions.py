"""Exact file line:column for mistune 3.4 tokens, which carry no positions of their own.

How: mistune parses list items and block quotes in *child states* whose source is rewritten
(markers and indentation removed), but each child line maps onto one consecutive file line
and keeps that line's content as a suffix (only leading whitespace is rewritten). So every
state remembers the file line of its first line (``base_line``); a token remembers its state
and offset; an offset becomes a file position by finding the content of the state line in
the file line (:func:`file_position`).

Hooks: subclasses of ``BlockState``/``BlockParser``/``InlineParser`` and three wrapped
private functions (``list_parser._parse_list_item`` and ``_compile_list_break_sc``,
``_inline.links._close_bracket``) that pass straight through for parsers that are not ours;
the list-item wrapper parses a one-line item followed by the next item itself
(:func:`_one_line_item_end`: mistune's child state and tokens, without its line collector;
tests/parse/test_one_line_items.py compares the documents);
``helpers._parse_link_href`` gets a faster path that returns what mistune's returns, and
``list_parser._compile_list_item_pattern`` a cache. ``PosInlineParser`` makes the tokens of
text made of plain text, code spans and ``[name](url)`` links itself (most entries and
headings: :meth:`PosInlineParser.plain_inline`, mistune's tokens without its scan);
tests/parse/test_plain_link.py compares them.
mistune is pinned to 3.4 because of them; tests/parse fails loudly if an upgrade moves
anything.

After the block parse, :meth:`BlockTree.located` gives every block token ``line`` and
``end_line``, parses inline text itself and gives inline tokens with a known start
``line``, ``column``, ``end_line`` and ``end_column`` (exclusive): always for links,
images, autolinks, code spans and inline HTML; on request, best effort
(:func:`infer_inline`) for text, strong, emphasis and strikethrough. Raw HTML tokens also
get ``columns``: the file column where each line of their ``raw`` starts; inline links and
images get ``source_url``: the destination as written (escapes and entities resolved, not
percent-encoded). Private keys are removed before the tokens leave this module.

This is the one module that knows mistune has no positions; it stays whole (about 800
lines) so that a mistune upgrade is checked in one place.
"""

from __future__ import annotations

import functools
import re
import string
from bisect import bisect_right
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Any, cast

from mistune import helpers, list_parser
from mistune._inline import links as inline_links
from mistune._inline.delimiters import DelimiterScanner
from mistune.block_parser import BlockParser
from mistune.core import DEFAULT_MAX_NESTED_LEVEL, BlockState, InlineState
from mistune.helpers import ASCII_WHITESPACE, parse_link, parse_link_href, unescape_char
from mistune.inline_parser import InlineParser
from mistune.markdown import Markdown
from mistune.plugins import PluginRef, import_plugin
from mistune.util import strip_end, unescape

from listbot.parse.blocks import without_closing_hashes

__all__ = ["NESTING_KEY", "BlockTree", "PosState", "build_markdown", "file_position"]

NESTING_KEY = "listbot_nesting_capped"
"""``state.env`` key set to the first file line where mistune's nesting limit was reached."""

Token = dict[str, Any]
Position = Callable[[int], tuple[int, int]]
"""An offset in a state's source → its 1-based file (line, column)."""
_ATX_PREFIX = re.compile(r" {0,3}#{1,6}")
_CONTAINER_START = re.compile(r"^[ \t]*(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))", re.M)
_STRIP = " \r\n\t\f"
_INLINE_POSITIONED = ("link", "codespan", "inline_html")
_PRIVATE = ("_s", "_e", "_st", "_mk", "_autolink", "_emphasis")


class PosState(BlockState):
    """A block state that knows the file line of its first source line."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.base_line = 1
        self.numbers: Sequence[int] = parent.numbers if isinstance(parent, PosState) else ()
        """The document's line numbers as shared ints (see :func:`line_numbers`)."""
        self.pending_bases: list[int] = []
        self._starts: list[int] | None = None
        self.shifts: dict[int, int | None] = {}
        """Per child line: file column minus child column (see :func:`line_shift`)."""

    def child_state(self, src: str, lazy_line_starts: set[int] | None = None) -> BlockState:
        child = super().child_state(src, lazy_line_starts)
        if isinstance(child, PosState):
            pending = self.pending_bases
            child.base_line = pending.pop() if pending else self.line_of(self.cursor)
            if (
                NESTING_KEY not in self.env
                and child.depth() >= DEFAULT_MAX_NESTED_LEVEL
                and _CONTAINER_START.search(src)
            ):  # mistune parses no list or quote inside this child: it is read as text
                self.env[NESTING_KEY] = child.base_line
        return child

    @property
    def line_starts(self) -> list[int]:
        if self._starts is None:
            src = self.src
            starts = [0]
            newline = src.find("\n")
            while newline >= 0:
                starts.append(newline + 1)
                newline = src.find("\n", newline + 1)
            self._starts = starts
        return self._starts

    def line_index(self, offset: int) -> int:
        """0-based line of ``offset`` within this state's source."""
        return bisect_right(self._starts or self.line_starts, offset) - 1

    def line_of(self, offset: int) -> int:
        """1-based file line of ``offset`` (the first line's without the line table: a
        one-line item's paragraph asks only that)."""
        index = bisect_right(self._starts or self.line_starts, offset) - 1 if offset else 0
        return self.shared(self.base_line + index)

    def shared(self, line: int) -> int:
        """The document's own int for a line number (see :func:`line_numbers`)."""
        try:
            return self.numbers[line]
        except IndexError:  # past the table (a state made outside BlockTree): a new int
            return line

    def add_paragraph(self, text: str) -> None:
        last = self.last_token()
        super().add_paragraph(text)
        token = self.tokens[-1] if self.tokens else None
        if token is not None and token is not last:
            _tag(token, self, self.cursor, None)


def _tag(
    token: Token, state: PosState, start: int, end: int | None, line: int | None = None
) -> None:
    """Remember where ``token`` starts (``line``: its file line, when already known)."""
    token["_s"] = start
    token["_e"] = end
    token["_st"] = state
    token["line"] = state.line_of(start) if line is None else line


class _LineStartScanner:
    """mistune's block scanner, searched at line starts only.

    Every block rule is anchored at a line start (``^`` in MULTILINE mode), so trying only
    line starts finds what ``Pattern.search`` finds, without trying each alternative at
    every character of every line. That search was a third of block parsing: an entry's
    text starts with ``[``, which mistune's plain-paragraph shortcut does not take.
    """

    __slots__ = ("match", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.match = pattern.match

    def search(self, src: str, pos: int) -> re.Match[str] | None:
        if pos and src[pos - 1] != "\n":
            pos = src.find("\n", pos) + 1
            if not pos:
                return None
        while True:
            found = self.match(src, pos)
            if found is not None:
                return found
            pos = src.find("\n", pos) + 1
            if not pos:
                return None


class PosBlockParser(BlockParser):
    """Tags each block token with the state and offset it was parsed at."""

    state_cls = PosState

    def __init__(self) -> None:
        super().__init__()
        self._scanners: dict[int, _LineStartScanner] = {}
        self.list_breaks: dict[int, re.Pattern[str]] = {}
        """mistune's list-break pattern per indent width (see :func:`_compile_list_break_sc`)."""

    def compile_sc(self, rules: list[str] | None = None) -> re.Pattern[str]:
        """mistune's scanner, as a :class:`_LineStartScanner` when every rule is anchored."""
        pattern = super().compile_sc(rules)
        scanner = self._scanners.get(id(pattern))
        if scanner is None:
            names = self.rules if rules is None else rules
            if not all(self.specification[name].startswith(("^", "(^")) for name in names):
                return pattern
            scanner = self._scanners[id(pattern)] = _LineStartScanner(pattern)
        return scanner  # type: ignore[return-value]  # a Pattern to mistune's parse loop

    def parse_method(self, m: re.Match[str], state: BlockState) -> int | None:  # type: ignore[override]
        if not isinstance(state, PosState):
            return super().parse_method(m, state)
        tokens = state.tokens
        before = len(tokens)
        last = tokens[-1] if tokens else None
        last_type = last["type"] if last else None
        end = super().parse_method(m, state)
        start = m.start()
        for token in tokens[max(before - 1, 0) :]:
            if "_s" not in token:
                _tag(token, state, start, end or None)
        if last is not None and last_type == "paragraph" and last["type"] == "heading" and end:
            last["_e"] = end  # a setext underline turned the paragraph into a heading
        return end

    def parse_atx_heading(self, m: re.Match[str], state: BlockState) -> int:
        """mistune's, with the closing ``#`` sequence removed in linear time (its regex is
        quadratic in a run of spaces: a heading with 60,000 of them took 20 s)."""
        text = m.group("atx_2").strip(string.whitespace)
        token = {
            "type": "heading",
            "text": without_closing_hashes(text) if text else text,
            "attrs": {"level": len(m.group("atx_1"))},
            "style": "atx",
        }
        state.append_token(token)
        return m.end() + 1

    def _parse_indent_code_fast(self, state: BlockState) -> int | None:
        """mistune's fast path for indented code bypasses ``parse_method``: tag it here."""
        if not isinstance(state, PosState):
            return super()._parse_indent_code_fast(state)
        before = len(state.tokens)
        start = state.cursor
        end = super()._parse_indent_code_fast(state)
        for token in state.tokens[before:]:
            if "_s" not in token:
                _tag(token, state, start, end)
        return end

    def extract_block_quote(
        self, m: re.Match[str], state: BlockState
    ) -> tuple[str, int | None, set[int]]:
        start = state.cursor
        result = super().extract_block_quote(m, state)
        if isinstance(state, PosState):
            state.pending_bases.append(state.line_of(start))
        return result


_KNOWN_TRIGGERS = frozenset("\n!*<[\\]_`h~")
"""The characters that start an inline rule of our parser (``h``: bare ``http(s)://`` URLs)
when :meth:`PosInlineParser.plain_inline` was written; with any other, it stays off."""
_NOT_PLAIN = re.compile(r"[\n!*<\[\\\]_`~]|://")
"""What makes text more than plain text to the inline rules (``h`` only before ``://``)."""
_UNQUOTED = re.compile(r"[A-Za-z0-9_.~:/?#@!$*+,;=%-]+")
"""A destination that is its own URL to mistune: ``parse_link`` unescapes ``\\`` and ``&``
entities and percent-encodes (``quote``) all but these characters, and a title or a space
would come before the ``)``. Such a destination is taken as it is (``quote`` and mistune's
link parse were a tenth of parsing a list)."""


class PosInlineParser(InlineParser):
    """Records where autolinks, bare URLs, code spans and inline HTML start and end."""

    def __call__(self, s: str, env: MutableMapping[str, Any]) -> list[Token]:
        tokens = self.plain_inline(s)
        return super().__call__(s, env) if tokens is None else tokens

    def plain_inline(self, src: str) -> list[Token] | None:
        """The tokens of text made only of plain text, code spans and ``[label](destination)``
        links with plain labels, as mistune makes them (None for anything else): most entries,
        descriptions and headings. mistune's scanner stops at every trigger character (each
        ``h``, for bare URLs) and resolves links through its bracket stack, character by
        character; here each piece is found with one search."""
        if not src or "\n" in src or not self._plain_rules():
            return None
        tokens: list[Token] = []
        text_start = 0
        delimiters: DelimiterScanner | None = None
        found = _NOT_PLAIN.search(src)
        while found is not None:
            at = found.start()
            char = src[at]
            if char == "[":
                piece = self._plain_link_at(src, at)
            elif char == "`":
                delimiters = delimiters or DelimiterScanner(src)
                piece = _code_span_at(delimiters, at)
            else:
                return None
            if piece is None:
                return None
            token, end = piece
            if at > text_start:
                tokens.append({"type": "text", "raw": src[text_start:at]})
            tokens.append(token)
            text_start = end
            found = _NOT_PLAIN.search(src, end)
        if text_start < len(src):
            tokens.append({"type": "text", "raw": src[text_start:] if text_start else src})
        return tokens

    def _plain_link_at(self, src: str, start: int) -> tuple[Token, int] | None:
        """The link token of ``[label](destination)`` at ``start`` and where it ends, when
        the label is plain text (None otherwise: mistune decides)."""
        close = src.find("]", start)
        if close < start + 2 or not src.startswith("(", close + 1):
            return None
        label = src[start + 1 : close]
        if label[0] in " \t^" or label[-1] in " \t" or _NOT_PLAIN.search(label):
            return None  # edge spaces and footnote-like labels are left to mistune
        destination = _UNQUOTED.match(src, close + 2)
        attrs: dict[str, Any] | None
        end: int | None
        if destination is not None and src.startswith(")", destination.end()):
            attrs, end = {"url": destination.group()}, destination.end() + 1
        else:
            attrs, end = parse_link(src, close + 2, max_nested_level=self.max_nested_level)
        if attrs is None or end is None:
            return None
        link: Token = {
            "type": "link",
            "children": [{"type": "text", "raw": label}],
            "attrs": attrs,
            "_s": start,
            "_e": end,
        }
        _remember_destination(link, src, close, end)
        return link, end

    def _plain_rules(self) -> bool:
        """Whether the rules are the ones :meth:`plain_inline` knows (a plugin may add more;
        mistune keeps the trigger set until a rule is registered)."""
        triggers = self._get_fast_trigger_chars()
        return triggers is not None and triggers <= _KNOWN_TRIGGERS

    def _get_fast_trigger_re(self, chars: set[str]) -> re.Pattern[str]:
        """mistune's, without sorting the trigger characters again at every text run: its
        pattern is reset with them whenever the rules change (``register``)."""
        return self._fast_trigger_re or super()._get_fast_trigger_re(chars)

    def parse_method(self, m: re.Match[str], state: InlineState) -> int | None:  # type: ignore[override]
        before = len(state.tokens)
        end = super().parse_method(m, state)
        if end:
            for token in state.tokens[before:]:
                if token["type"] == "strikethrough" and "_s" not in token:
                    # its text was parsed as a new source starting after "~~"
                    _shift(token.get("children", []), m.end())
                    token["_s"] = m.start()
                    token["_e"] = end
                elif "_s" not in token and token["type"] in _INLINE_POSITIONED:
                    token["_s"] = m.start()
                    token["_e"] = end
        return end


_BACKTICKS = re.compile(r"`+")


def _code_span_at(delimiters: DelimiterScanner, start: int) -> tuple[Token, int] | None:
    """The code span opening at ``start`` and where it ends, as mistune's ``parse_codespan``
    makes it, closed by mistune's own scanner (None when nothing closes it: mistune decides)."""
    src = delimiters.src
    opening = _BACKTICKS.match(src, start)
    assert opening is not None  # called at a backtick
    marker = opening.group()
    close = delimiters.code_end(marker, opening.end())
    if close is None:
        return None
    code = src[opening.end() : close]
    if code.strip(" ") and code.startswith(" ") and code.endswith(" "):
        code = code[1:-1]
    end = close + len(marker)
    return {"type": "codespan", "raw": code, "_s": start, "_e": end}, end


def _shift(tokens: list[Token], delta: int) -> None:
    for token in tokens:
        if "_s" in token:
            token["_s"] += delta
            if token.get("_e") is not None:
                token["_e"] += delta
        children = token.get("children")
        if children:
            _shift(children, delta)


_original_parse_list_item = list_parser._parse_list_item
_original_list_break_sc = list_parser._compile_list_break_sc
_original_close_bracket = inline_links._close_bracket
_original_parse_link_href = helpers._parse_link_href


def _parse_list_item(
    block: BlockParser,
    bullet: str,
    item: Any,
    token: Token,
    state: BlockState,
    rules: list[str],
) -> Any:
    """Wrap mistune's list-item parser: the item's child state starts at its marker line."""
    if not isinstance(state, PosState):
        return _original_parse_list_item(block, bullet, item, token, state, rules)
    marker_end = max(state.cursor - 1, 0)
    line_start = state.src.rfind("\n", 0, marker_end) + 1
    raw_line = state.src[line_start:marker_end]
    marker_offset = line_start + len(raw_line) - len(raw_line.lstrip(" \t"))
    marker_line = state.line_of(marker_end)
    state.pending_bases.append(marker_line if item.text.strip() else marker_line + 1)
    ends = _one_line_item_end(block, bullet, item, state)
    if ends is None:
        result = _original_parse_list_item(block, bullet, item, token, state, rules)
    else:
        result = _parse_one_line_item(block, item, ends, token, state, rules)
    item_token = token["children"][-1]
    _tag(item_token, state, marker_offset, None, marker_line)
    item_token["_mk"] = item.marker
    return result


def _one_line_item_end(
    block: BlockParser, bullet: str, item: Any, state: PosState
) -> tuple[int, Any] | None:
    """Where a one-line item ends and the list's next item (None: the source ends), when
    the item is one line followed by the next item's marker or by the end of the source;
    None for anything else. That is most items of a list, and mistune's general path for
    them (continuation width, line collection, a child parse loop) was a third of block
    parsing; :func:`_parse_one_line_item` does what it does for these. Nothing in the
    state changes here.
    """
    text: str = item.text
    if len(text) < 2 or text[0] != " " or text[1].isspace():
        return None  # no content, or content indented: mistune's continuation rules
    cursor = state.cursor
    if cursor >= state.cursor_max:
        return cursor, None
    src = state.src
    line_end = src.find("\n", cursor)
    next_pos = len(src) if line_end < 0 else line_end + 1
    line = src[cursor:next_pos]
    if line[0] in " \t\n\v\f":
        return None  # blank or indented: maybe the item goes on (mistune decides)
    # Starting at column 0, the line is no continuation and needs no tab expansion: what
    # mistune's line collector asks of it, with mistune's own patterns.
    leading_width = len(item.spaces) + len(item.marker)
    found = list_parser._match_list_item_break(
        re.compile(list_parser._compile_list_item_pattern(bullet, leading_width)),
        _compile_list_break_sc(block, leading_width),
        state,
        line,
    )
    if found is None or found[0] != "list_item":
        return None
    return next_pos, list_parser._create_list_marker(found[1], "listitem")


def _parse_one_line_item(
    block: BlockParser,
    item: Any,
    ends: tuple[int, Any],
    token: Token,
    state: PosState,
    rules: list[str],
) -> Any:
    """mistune's ``_parse_list_item`` for an item :func:`_one_line_item_end` found: the same
    child state and tokens. Its content is one line starting with a non-space character,
    so it is indented code to nobody, and the child's block parse makes one paragraph of it
    unless a block rule matches at its start (then mistune's parse runs)."""
    state.cursor, next_item = ends
    child = cast(PosState, state.child_state(strip_end(item.text[1:] + "\n")))  # its class
    scanner: object = block.compile_sc(rules)  # a _LineStartScanner when ours
    if isinstance(scanner, _LineStartScanner) and scanner.match(child.src, 0) is None:
        child.add_paragraph(child.src)
        child.cursor = child.cursor_max
    else:
        block.parse(child, rules)
    if token["tight"] and list_parser._is_loose_list(child.tokens):
        token["tight"] = False
    token["children"].append({"type": "list_item", "children": child.tokens})
    return next_item


def _compile_list_break_sc(block: BlockParser, leading_width: int) -> re.Pattern[str]:
    """mistune's, built once per indent width for our parser: mistune rebuilt the pattern's
    text from the block rules for every list item (a sixth of block parsing)."""
    if not isinstance(block, PosBlockParser):
        return _original_list_break_sc(block, leading_width)
    pattern = block.list_breaks.get(leading_width)
    if pattern is None:
        pattern = block.list_breaks[leading_width] = _original_list_break_sc(block, leading_width)
    return pattern


def _close_bracket(inline: InlineParser, state: InlineState, close: int) -> int:
    """Wrap mistune's link closer: a new link/image starts at its opening bracket."""
    if not isinstance(inline, PosInlineParser):  # another Markdown instance: untouched
        return _original_close_bracket(inline, state, close)
    opener = state.brackets[-1] if state.brackets else None
    last = state.tokens[-1] if state.tokens else None
    end = _original_close_bracket(inline, state, close)
    token = state.tokens[-1] if state.tokens else None
    if (
        opener is not None
        and token is not None
        and token is not last
        and token["type"] in ("link", "image")
        and "_s" not in token
    ):
        token["_s"] = opener.start - (2 if opener.image else 1)
        token["_e"] = end
        _remember_destination(token, state.src, close, end)
    return end


def _remember_destination(token: Token, src: str, close: int, end: int) -> None:
    """``source_url`` of an inline link or image whose label closes at ``close``."""
    if src.startswith("(", close + 1):
        source_url = _destination(src, close + 2, end - 1)
        url = token.get("attrs", {}).get("url")
        # Usually the same text as mistune's URL: keep one string, not two equal ones.
        token["source_url"] = url if url == source_url else source_url


_PLAIN_HREF = re.compile(r"[^\x00-\x20\x7f\\()]*")
"""Destination characters that need no care: no space, control character, ``\\`` or paren."""


def _parse_link_href(
    src: str,
    start_pos: int,
    block: bool = False,
    *,
    max_nested_level: int = DEFAULT_MAX_NESTED_LEVEL,
) -> tuple[str | None, int | None, int]:
    """mistune's, with one regex for the usual destination (``https://...`` up to a space or
    ``)``); mistune reads it a character at a time, a tenth of inline parsing. Anything
    else (``<...>``, escapes, parentheses, control characters) is left to mistune's."""
    end = _PLAIN_HREF.match(src, start_pos).end()  # type: ignore[union-attr]  # always matches
    if (
        end > start_pos
        and src[start_pos] != "<"
        and (end == len(src) or src[end] in ASCII_WHITESPACE or src[end] == ")")
    ):
        return src[start_pos:end], end, end
    return _original_parse_link_href(src, start_pos, block, max_nested_level=max_nested_level)


_PLAIN_DESTINATION = re.compile(r"[^\s<>\\&\"'()]*")


def _destination(src: str, start: int, stop: int) -> str:
    """The destination of ``[label](dest "title")`` as written, escapes and entities resolved."""
    plain = _PLAIN_DESTINATION.match(src, start, stop)
    if plain is not None and plain.end() == stop:
        return src[start:stop]  # the common case: nothing to resolve, no title
    href, _ = parse_link_href(src, start)
    return unescape(unescape_char(href)) if href is not None else src[start:stop]


list_parser._parse_list_item = _parse_list_item
list_parser._compile_list_break_sc = _compile_list_break_sc
list_parser._compile_list_item_pattern = functools.lru_cache(maxsize=256)(
    list_parser._compile_list_item_pattern
)  # a pure function of (bullet, indent), rebuilt by mistune for every list item
inline_links._close_bracket = _close_bracket
helpers._parse_link_href = _parse_link_href


def file_position(state: PosState, offset: int, lines: Sequence[str]) -> tuple[int, int]:
    """The 1-based file (line, column) of ``offset`` in ``state.src``."""
    line_no, line_start, shift = _line_of_offset(state, offset, lines)
    column_in_state = offset - line_start
    if shift is None:  # content not found in the file line (never seen): stay in the line
        file_line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
        return line_no, min(column_in_state, len(file_line)) + 1
    return line_no, max(column_in_state + shift, 0) + 1


def _line_of_offset(
    state: PosState, offset: int, lines: Sequence[str]
) -> tuple[int, int, int | None]:
    """File line of ``offset``, where its state line starts, and that line's shift."""
    starts = state._starts or state.line_starts  # the property only once: a hot path
    index = bisect_right(starts, offset) - 1
    line_start = starts[index]
    line_no = state.shared(state.base_line + index)
    if state.parent is None:
        return line_no, line_start, 0
    shifts = state.shifts
    if index in shifts:
        return line_no, line_start, shifts[index]
    line_end = state.src.find("\n", line_start)
    state_line = state.src[line_start : line_end if line_end >= 0 else len(state.src)]
    file_line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    shift = shifts[index] = line_shift(file_line, state_line)
    return line_no, line_start, shift


def line_shift(file_line: str, state_line: str) -> int | None:
    """What to add to a 0-based child-line column to get the 0-based file column.

    The child line is the file line's content with its leading whitespace rewritten
    (markers removed, tabs expanded) and maybe trailing whitespace trimmed; so the content
    is found at the end of the file line.
    """
    content = state_line.lstrip(" \t")
    indent = len(state_line) - len(content)
    content = content.rstrip(" \t")
    if not content:
        return 0
    trimmed = file_line.rstrip(" \t")
    if trimmed.endswith(content):
        return len(trimmed) - len(content) - indent
    found = file_line.rfind(content)
    return found - indent if found >= 0 else None


class BlockTree:
    """A document's block tokens, parsed; inline content is parsed and positioned block by
    block, as :meth:`located` hands the top-level blocks out.

    What ``Markdown.parse`` does without its render step (which only copies every token
    list): a caller that reads each block as it comes and lets it go never holds the whole
    inline tree, most of a parse's memory. The footnotes plugin's after-render ``footnotes``
    token is never made: it repeats the footnote texts without positions, which the
    positioned ``footnote_definition`` tokens carry.
    """

    def __init__(self, md: Markdown, text: str, lines: Sequence[str]) -> None:
        self.md = md
        self.lines = lines
        self.state = state = PosState()
        state.numbers = line_numbers(len(lines) + 1)
        state.process(_normalized(text))
        for before_parse in md.before_parse_hooks:
            before_parse(md, state)
        md.block.parse(state)
        for before_render in md.before_render_hooks:  # task_lists rewrites its items here
            before_render(md, state)

    @property
    def env(self) -> MutableMapping[str, Any]:
        """The parse's environment: ``ref_links`` (accepted reference labels), NESTING_KEY."""
        return self.state.env

    def code_lines(self) -> set[int]:
        """File lines of fenced and indented code, before any block is located."""
        found: set[int] = set()
        locator = _Locator(self.md, self.state, self.lines)
        stack = [(token, 1) for token in self.state.tokens]
        while stack:
            token, parent_line = stack.pop()
            line: int = token.get("line", parent_line)
            if token["type"] == "block_code":
                state, start = token.get("_st"), token.get("_s")
                end_line = line
                if state is not None and start is not None:  # as _Locator.block finds it
                    end_line = locator.leaf_end(state, start, token.get("_e"), line)
                found.update(range(line, end_line + 1))
            stack.extend((child, line) for child in token.get("children", ()))
        return found

    def located(self, *, best_effort: bool = False) -> Iterator[Token]:
        """The top-level blocks, first to last, each positioned when it is asked for; the
        tree lets go of each block as it hands it out (this runs once).

        Links, images, autolinks, code spans and inline HTML are always placed; text,
        emphasis and strikethrough only with ``best_effort`` (the document needs none)."""
        locator = _Locator(self.md, self.state, self.lines, best_effort)
        tokens = self.state.tokens
        self.state.tokens = []
        tokens.reverse()
        while tokens:
            token = tokens.pop()
            locator.block(token, 1)
            yield token


@functools.lru_cache(maxsize=1)
def line_numbers(count: int) -> tuple[int, ...]:
    """0 to ``count`` as one int object each, for every position of a document: CPython
    makes a new object for each int above 256 it computes, and the spans and tokens kept
    per entry held four of them (13 MB at 100,000 entries). The last table is kept, for the
    next document of that length."""
    return tuple(range(count + 1))


def _normalized(text: str) -> str:
    """The source as ``Markdown.parse`` feeds it to the block parser."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"


class _Locator:
    def __init__(
        self, md: Markdown, root: PosState, lines: Sequence[str], best_effort: bool = False
    ) -> None:
        self.md = md
        self.env: MutableMapping[str, Any] = root.env
        self.root = root
        self.lines = lines
        self.best_effort = best_effort
        """Also place text, emphasis and strikethrough (:func:`infer_inline`)."""

    def blocks(self, tokens: list[Token], parent_line: int) -> int:
        """Position ``tokens`` (any depth); return the last line they cover."""
        last = parent_line
        for token in tokens:
            last = max(last, self.block(token, parent_line))
        return last

    def block(self, token: Token, parent_line: int) -> int:
        state: PosState | None = token.pop("_st", None)
        start: int | None = token.pop("_s", None)
        end: int | None = token.pop("_e", None)
        line = token.setdefault("line", parent_line)
        kind = token["type"]
        if state is None or start is None:
            end_line = self.blocks(token.get("children", []), line)
        elif kind == "table":
            end_line = self.table(token, state, start)
        elif "text" in token:
            end_line = self.text_block(token, state, start, end)
        elif kind in ("list_item", "task_list_item"):
            token["column"] = file_position(state, start, self.lines)[1]
            token["marker"] = token.pop("_mk", "")
            end_line = self.blocks(token.get("children", []), line)
        elif "children" in token:
            end_line = self.blocks(token["children"], line)
        else:
            end_line = self.leaf_end(state, start, end, line)
            if kind == "block_html":
                self.html_columns(token, lambda at: file_position(state, at, self.lines), start)
        token["end_line"] = end_line
        return end_line

    def leaf_end(self, state: PosState, start: int, end: int | None, line: int) -> int:
        if end is None:
            return line
        src = state.src
        while end > start + 1 and src[end - 1] in " \t\n":
            end -= 1
        return max(state.line_of(end - 1), line)

    def text_block(self, token: Token, state: PosState, start: int, end: int | None) -> int:
        text: str = token.pop("text")
        stripped = text.strip(_STRIP)
        src = state.src
        offset = -1
        if token["type"] == "heading" and token.get("style") == "atx":
            prefix = _ATX_PREFIX.match(src, start)
            offset = src.find(stripped, prefix.end() if prefix else start)
        else:
            expected = start + len(text) - len(text.lstrip(_STRIP))
            # task list items lose their "[ ] " prefix: then search from the item start
            found = src.startswith(stripped, expected)
            offset = expected if found else src.find(stripped, start)
        children = self.md.inline(stripped, self.env)
        token["children"] = children
        if offset < 0:
            strip_private(children)
            line = token["line"]
            return line + stripped.count("\n")
        if self.best_effort:
            infer_inline(children, stripped, 0)
        position = self.position_of(state, offset, stripped)
        self.inline(children, position, offset)
        self.text_columns(token, position, offset, stripped)
        last_line = state.line_of(offset + max(len(stripped) - 1, 0))
        if token["type"] == "heading" and end is not None:  # setext: the underline too
            last_line = max(last_line, self.leaf_end(state, start, end, last_line))
        return last_line

    def position_of(self, state: PosState, offset: int, text: str) -> Position:
        """The file position of any offset inside ``text``, which starts at ``offset``.

        Most inline text is one line (a list entry, a heading): then every offset in it is the
        same shift away from its file column, computed once instead of per token.
        """
        lines = self.lines
        if "\n" not in text:
            line_no, line_start, shift = _line_of_offset(state, offset, lines)
            if shift is not None and offset - line_start + shift >= 0:
                delta = shift - line_start + 1  # file_position's arithmetic, without clamping
                return lambda at: (line_no, at + delta)
        return lambda at: file_position(state, at, lines)

    def inline(self, tokens: list[Token], position: Position, base: int) -> None:
        for token in tokens:
            start = token.pop("_s", None)
            end = token.pop("_e", None)
            if start is not None:
                line, column = position(base + start)
                token["line"] = line
                token["column"] = column
                if end is not None and end > start:
                    end_line, last_column = position(base + end - 1)
                    token["end_line"] = end_line
                    token["end_column"] = last_column + 1
                if token["type"] == "inline_html":
                    self.html_columns(token, position, base + start)
            token.pop("_autolink", None)
            token.pop("_emphasis", None)
            children = token.get("children")
            if children:
                self.inline(children, position, base)

    def text_columns(self, token: Token, position: Position, offset: int, text: str) -> None:
        """Start column of inline text and the (exclusive) column after its last character."""
        token["column"] = position(offset)[1]
        if text:
            token["end_column"] = position(offset + len(text) - 1)[1] + 1

    def html_columns(self, token: Token, position: Position, start: int) -> None:
        """File column where each line of ``raw`` starts (HTML links need them).

        Exact for every non-blank character; leading whitespace that mistune rewrote
        (expanded tabs) may map a little off, but no tag starts there.
        """
        columns = []
        offset = start
        for raw_line in token.get("raw", "").split("\n"):
            # Anchor on the first non-blank character: leading tabs may have been expanded.
            lead = len(raw_line) - len(raw_line.lstrip(" \t")) if raw_line.strip() else 0
            columns.append(position(offset + lead)[1] - lead)
            offset += len(raw_line) + 1
        token["columns"] = columns

    def table(self, token: Token, state: PosState, start: int) -> int:
        line = token["line"]
        index = state.line_index(start)
        rows: list[tuple[Token, int]] = []
        for part in token.get("children", []):
            if part["type"] == "table_head":
                part["line"] = part["end_line"] = line
                rows.append((part, 0))
            else:
                body_rows = part.get("children", [])
                for number, row in enumerate(body_rows):
                    row["line"] = row["end_line"] = line + 2 + number
                    rows.append((row, 2 + number))
                part["line"] = line + 2 if body_rows else line + 1
                part["end_line"] = line + 1 + len(body_rows)
        for row, delta in rows:
            row_start = (
                state.line_starts[index + delta] if index + delta < len(state.line_starts) else 0
            )
            row_end = state.src.find("\n", row_start)
            cursor = row_start
            for cell in row.get("children", []):
                cell["line"] = cell["end_line"] = row["line"]
                text: str = cell.pop("text", "")
                children = self.md.inline(text.strip(_STRIP), self.env)
                cell["children"] = children
                found = (
                    state.src.find(text, cursor, row_end if row_end >= 0 else None) if text else -1
                )
                if found < 0:
                    strip_private(children)
                    continue
                if self.best_effort:
                    infer_inline(children, text, 0)
                position = self.position_of(state, found, text)
                self.inline(children, position, found)
                self.text_columns(cell, position, found, text)
                cursor = found + len(text)
        return line + 1 + sum(1 for _, delta in rows if delta >= 2)


_OPENING_WIDTH = {"link": 1, "image": 2, "strikethrough": 2}
_DELIMITER_WIDTH = {"strong": 2, "emphasis": 1, "strikethrough": 2}
_DELIMITER_CHARS = {"strong": "*_", "emphasis": "*_", "strikethrough": "~"}
_OPENER = re.compile(r"[ \t\n]*([*_~])")
_GAP = frozenset("*_~\\ \t\n")


def infer_inline(tokens: list[Token], src: str, cursor: int) -> int:
    """Best-effort offsets for text, strong, emphasis and strikethrough tokens.

    mistune records no position for them; walk the inline source in token order from the
    known positions of links, code spans and inline HTML. A text token is placed only when
    its text is found right after the cursor (only delimiters or spaces in between), so
    text whose escapes or entities were resolved is left without a position; the cursor is
    then lost (-1) until the next token with a known position.
    """
    for token in tokens:
        kind = token["type"]
        children = token.get("children")
        if "_s" in token:
            if children and kind in _OPENING_WIDTH:
                infer_inline(children, src, token["_s"] + _OPENING_WIDTH[kind])
            cursor = max(cursor, token.get("_e") or cursor)
        elif kind == "text":
            raw = token.get("raw", "")
            found = src.find(raw, cursor, cursor + len(raw) + 8) if raw and cursor >= 0 else -1
            if found >= 0 and _GAP.issuperset(src[cursor:found]):
                token["_s"] = found
                cursor = token["_e"] = found + len(raw)
            elif raw:
                cursor = -1
        elif kind in _DELIMITER_WIDTH:
            opener = _OPENER.match(src, cursor) if cursor >= 0 else None
            width = _DELIMITER_WIDTH[kind]
            if opener and src[opener.start(1)] not in _DELIMITER_CHARS[kind]:
                opener = None
            start = opener.start(1) if opener else -1
            inner_end = infer_inline(children or [], src, start + width if opener else -1)
            closing = src[inner_end : inner_end + width] if inner_end >= 0 else ""
            if opener and len(closing) == width and _GAP.issuperset(closing):
                token["_s"] = start
                cursor = token["_e"] = inner_end + width
            else:
                cursor = -1
        elif children:
            cursor = infer_inline(children, src, cursor)
    return cursor


def strip_private(tokens: list[Token]) -> None:
    """Remove every private key at any depth (from inline text that could not be placed)."""
    for token in tokens:
        for key in _PRIVATE:
            token.pop(key, None)
        children = token.get("children")
        if children:
            strip_private(children)


def _keep_footnote_definitions(md: Markdown) -> None:
    """Leave a positioned ``footnote_definition`` token where ``[^key]: text`` is written.

    The footnotes plugin stores the text and parses it after rendering, without positions
    (and only when referenced), so links in footnotes would be lost.
    """
    method = md.block._methods.get("ref_footnote")
    if method is None:
        return
    original: Callable[[re.Match[str], BlockState], int | None] = method

    def ref_footnote(m: re.Match[str], state: BlockState) -> int | None:
        end = original(m, state)
        if end and isinstance(state, PosState):
            token: Token = {
                "type": "footnote_definition",
                "text": m.group("footnote_text"),
                "attrs": {"key": m.group("footnote_key")},
            }
            state.append_token(token)
            _tag(token, state, m.start("footnote_text"), end)
        return end

    md.block._methods["ref_footnote"] = ref_footnote


def build_markdown() -> Markdown:
    """The positioned Markdown parser; build once per process (it holds compiled regexes)."""
    names: tuple[PluginRef, ...] = ("table", "url", "strikethrough", "footnotes", "task_lists")
    plugins = [import_plugin(name) for name in names]
    md = Markdown(renderer=None, block=PosBlockParser(), inline=PosInlineParser(), plugins=plugins)
    _keep_footnote_definitions(md)
    return md
