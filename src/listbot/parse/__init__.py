"""Markdown → :class:`~listbot.model.Document`. The only entry into parsing.

Parts: ``positions`` (exact line:column on top of mistune, which has none), ``blocks``
(the mistune call and the walk that collects sections, list items, tables, HTML),
``html`` (links, headings and comments inside raw HTML), ``entries`` (list item → Entry,
paper fields), ``block_entries`` (paper entries written as paragraphs or table rows),
``slugs`` (GitHub heading anchors) and ``origin`` (the git remote of the list's folder).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mistune.util import unescape, unikey

from listbot.gcpause import collector_paused
from listbot.model import Definition, Document, Entry, Heading, Section, Span
from listbot.parse.block_entries import build_block_entries
from listbot.parse.blocks import HeadingDraft, ItemRecord, Walk, plain_text
from listbot.parse.entries import build_entries
from listbot.parse.limits import (
    blank_markup_runs,
    has_markup_run,
    markup_run_notice,
    nesting_notice,
)
from listbot.parse.origin import git_remote
from listbot.parse.positions import NESTING_KEY, BlockTree, build_markdown
from listbot.parse.slugs import Slugger
from listbot.source import dominant_newline, read_source

__all__ = ["parse", "parse_file", "positioned_tokens", "split_lines"]

_MARKDOWN = build_markdown()
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DEFINITION = re.compile(
    r"^(?P<lead>(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[ ]{0,3})"
    r"\[(?P<label>(?:\\.|[^\]\[\\])+)\]:[ \t]*(?P<url><[^>\n]*>|\S+)"
    r"(?:[ \t]+(?P<title>\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$"
)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def split_lines(text: str) -> tuple[str, ...]:
    """File lines without terminators, split on ``\\r\\n``, ``\\r`` or ``\\n`` as mistune does."""
    if not text:
        return ()
    lines = _LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    if text.endswith(("\n", "\r")):
        lines.pop()
    return tuple(lines)


def parse(
    text: str,
    path: str = "<string>",
    *,
    bom: bool = False,
    companions: Mapping[str, str] | None = None,
    origin: str | None = None,
) -> Document:
    """Parse Markdown text into a Document; a leading U+FEFF is removed and sets ``bom``.

    ``companions`` and ``origin`` are the files beside the list and its git remote (see
    :attr:`Document.companions`); given here, not set afterwards with
    ``dataclasses.replace``, which would build the deferred entries at once.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
        bom = True
    lines = split_lines(text)
    with collector_paused():
        # mistune reads the text with over-long markup runs blanked (same length and lines)
        parse_text, parse_lines, capped = blank_markup_runs(text, lines)
        notices = [markup_run_notice(path, capped)] if capped else []
        walk = _walk(parse_text, parse_lines, lines, path, notices)
        return _document(path, text, lines, bom, walk, tuple(notices), companions, origin)


def positioned_tokens(text: str) -> list[dict[str, Any]]:
    """The positioned mistune AST that :func:`parse` builds a document from, block by block
    (it never keeps it whole), with best-effort positions for text and emphasis too: for
    tests and debugging."""
    text = text.removeprefix("\ufeff")
    parse_text, parse_lines, _ = blank_markup_runs(text, split_lines(text))
    return list(BlockTree(_MARKDOWN, parse_text, parse_lines).located(best_effort=True))


def _walk(
    text: str, parse_lines: Sequence[str], lines: tuple[str, ...], path: str, notices: list[str]
) -> Walk:
    """The walk over the positioned AST, each top-level block let go once walked.

    mistune caps nesting itself (a notice says where it did); should a recursion limit be
    hit anyway, the document degrades to no tokens, with a notice, instead of crashing.
    """
    try:
        tree = BlockTree(_MARKDOWN, text, parse_lines)
        walk = Walk(lines=lines, definitions=_definitions(lines, tree))
        walk.run(tree.located())  # also collects the code lines
    except RecursionError:
        notices.append(
            f"{path}: too deeply nested to parse as Markdown: only the line-based rules ran"
        )
        walk = Walk(lines=lines, definitions={})
        walk.run(())
        return walk
    nested = tree.env.get(NESTING_KEY)
    if nested is not None:
        notices.append(nesting_notice(path, nested))
    return walk


def _document(
    path: str,
    text: str,
    lines: tuple[str, ...],
    bom: bool,
    walk: Walk,
    notices: tuple[str, ...],
    companions: Mapping[str, str] | None,
    origin: str | None,
) -> Document:
    headings = _headings(walk.headings)
    definitions = tuple(
        dataclasses.replace(d, used=unikey(d.label) in walk.used_labels)
        for d in sorted(walk.definitions.values(), key=lambda d: d.span)
    )
    items = walk.items
    list_items = tuple(record.item for record in items)
    block_entries = build_block_entries(walk.text_blocks, walk.links, list_items, headings, lines)
    title = next((h for h in headings if h.level == 1), None)
    newline = dominant_newline(text)
    return Document(
        path=path,
        text=_text_of(text, lines, newline),
        lines=lines,
        newline=newline,
        bom=bom,
        title=title,
        headings=headings,
        sections=_sections(headings),
        list_items=list_items,
        entries=functools.partial(_entries, items, lines),
        block_entries=block_entries,
        links=tuple(walk.links),
        definitions=definitions,
        html=tuple(walk.html),
        comments=tuple(sorted(walk.comments, key=lambda c: c.span)),
        text_blocks=tuple(walk.text_blocks),
        code_lines=frozenset(walk.code_lines),
        block_lines=tuple(walk.block_lines),
        newline_at_end=text.endswith(("\n", "\r")),
        notices=notices,
        companions=companions,
        origin=origin,
    )


def _text_of(text: str, lines: tuple[str, ...], newline: str) -> str | Callable[[], str]:
    """``text`` as the document keeps it: when every line ends with ``newline``, a function
    that joins ``lines`` back into an equal string when it is read; else the text itself."""
    if newline == "\r\n":
        uniform = text.count("\r\n") == text.count("\n") == text.count("\r")
    else:
        uniform = ("\r" if newline == "\n" else "\n") not in text
    if not uniform:
        return text  # mixed line endings: joining the lines could not restore them
    ending = newline if text.endswith(("\n", "\r")) else ""
    return functools.partial(_joined, lines, newline, ending)


def _joined(lines: tuple[str, ...], newline: str, ending: str) -> str:
    return newline.join(lines) + ending


def _entries(items: Sequence[ItemRecord], lines: tuple[str, ...]) -> tuple[Entry, ...]:
    """The document's entries, built when first read (see :class:`listbot.model.Deferred`)."""
    with collector_paused():
        return build_entries(items, lines, _plain_of)


_MARKUP_CHARS = re.compile(r"[\\`*_~\[\]<>&!]")
_URL = re.compile(r"https?://")


def _plain_of(markdown: str) -> str:
    """Markdown as plain text; most descriptions have no markup and skip the inline parser."""
    # A lone character class is a fast scan; the URL pattern is searched only after "://".
    if not _MARKUP_CHARS.search(markdown) and not ("://" in markdown and _URL.search(markdown)):
        return markdown
    if has_markup_run(markdown):
        return markdown  # read as plain text, as the document's parse read it (parse/limits.py)
    return plain_text(_MARKDOWN.inline(markdown, {"ref_links": {}}))


def _definitions(lines: Sequence[str], tree: BlockTree) -> dict[str, Definition]:
    """``[label]: url "title"`` definitions (mistune keeps no position for them); first wins.

    Only labels mistune accepted count (a ``[x]: y`` line inside a paragraph is text). A
    definition whose URL is on the next line is found too.
    """
    found: dict[str, Definition] = {}
    candidates = [(number, line) for number, line in enumerate(lines, start=1) if "]:" in line]
    references = set(tree.env.get("ref_links", {}))
    if not references or not candidates:
        return found  # most lists: no need to walk the tokens for code lines
    code_lines = tree.code_lines()
    for number, line in candidates:
        if number in code_lines:
            continue
        match = _DEFINITION.match(line)
        if match is None:
            match = (
                _DEFINITION.match(f"{line} {lines[number].strip()}")
                if number < len(lines)
                else None
            )
            if match is None:
                continue
        label = match.group("label")
        key = unikey(label)
        if not key or key in found or key not in references:
            continue
        url = match.group("url")
        if url.startswith("<") and url.endswith(">"):
            url = url[1:-1]
        title = match.group("title")
        column = match.end("lead") + 1
        found[key] = Definition(
            label=label,
            url=unescape(_ESCAPED.sub(r"\1", url)),
            title=unescape(title[1:-1]) if title else None,
            span=Span(number, column, number, len(line.rstrip()) + 1),  # first line only
        )
    return found


def _headings(drafts: Sequence[HeadingDraft]) -> tuple[Heading, ...]:
    slugger = Slugger()
    return tuple(
        Heading(
            d.level,
            d.text,
            d.raw,
            slugger.slug(d.text if d.anchor is None else d.anchor),
            d.span,
            d.style,
        )
        for d in drafts
    )


def _sections(headings: Sequence[Heading]) -> tuple[Section, ...]:
    """The heading tree: each section holds the deeper headings up to the next peer."""

    def build(start: int, stop: int, path: tuple[str, ...]) -> tuple[Section, ...]:
        sections = []
        index = start
        while index < stop:
            heading = headings[index]
            end = index + 1
            while end < stop and headings[end].level > heading.level:
                end += 1
            own_path = (*path, heading.text)
            sections.append(Section(heading, build(index + 1, end, own_path), own_path))
            index = end
        return tuple(sections)

    return build(0, len(headings), ())


COMPANION_NAMES = (
    "contributing.md",
    ".github/contributing.md",
    "code-of-conduct.md",
    "code_of_conduct.md",
    ".github/code-of-conduct.md",
    ".github/code_of_conduct.md",
    "package.json",
)
"""Files beside a list that awesome-lint's contributing and code-of-conduct rules read
(``package.json`` names the list's repository and author)."""


def read_companions(list_path: Path) -> dict[str, str]:
    """Texts of the companion files beside ``list_path`` (names matched case-insensitively)."""
    found: dict[str, str] = {}
    folder = list_path.parent
    for sub in ("", ".github"):
        directory = folder / sub if sub else folder
        try:
            names = [entry for entry in directory.iterdir() if entry.is_file()]
        except OSError:
            continue
        for entry in names:
            key = (f"{sub}/" if sub else "") + entry.name.lower()
            if key in COMPANION_NAMES:
                try:
                    found[key] = entry.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    found[key] = ""
    return found


def parse_file(path: str | Path) -> Document:
    """Read, decode and parse a file; raises InputError for what cannot be read."""
    source = read_source(path)
    return parse(
        source.text,
        source.path,
        bom=source.bom,
        companions=read_companions(Path(path)),
        origin=git_remote(Path(path).parent),
    )
