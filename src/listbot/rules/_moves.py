"""Moving whole list items: the edits of a fix that reorders siblings.

A *slot* is everything that travels with an item: its own lines, its nested items and
continuation lines, and the ``<!--lint ignore ...-->`` comment lines directly above it.
Slots of one list are separated by *gaps* (blank lines in a loose list, nothing in a
tight one). Moving an item is two edits, one deleting its slot with one gap and one
inserting the same text elsewhere, so nothing between the two places changes
(:mod:`listbot.fix` recognises such a pair as a move). Moving an item past a single
neighbour is one edit over both slots, which a review can show as a suggestion.

A move is offered only when it cannot change more than the order: every gap of the list is
the same text, every item has the same marker and indentation, every slot ends with a line
ending, and no other comment is attached to an item (moving an item between a comment and
its item would change what the comment is about).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from listbot.findings import Applicability, Edit, Fix
from listbot.model import Document, ListItem, Span

__all__ = ["Slot", "lines_text", "movable", "move_fix", "slots_of"]

_COMMENT_LINE = re.compile(r"^[ \t]*<!--(.*?)-->[ \t]*$")
_IGNORE = re.compile(r"^\s*lint\s+ignore\b")


@dataclass(frozen=True)
class Slot:
    """An item and the lines that move with it (1-based, inclusive)."""

    item: ListItem
    start: int
    end: int
    foreign_comment: bool = False
    """A comment other than a lint ignore sits directly above the item: it cannot move."""


def _line_starts(doc: Document) -> list[int]:
    def compute(document: Document) -> list[int]:
        starts = [0]
        for match in re.finditer(r"\r\n|\r|\n", document.text):
            starts.append(match.end())
        return starts

    return doc.memo("moves.line_starts", compute)


def _offset(doc: Document, line: int) -> int:
    starts = _line_starts(doc)
    return starts[line - 1] if line - 1 < len(starts) else len(doc.text)


def lines_text(doc: Document, first: int, last: int) -> str:
    """Lines ``first..last`` with their line endings, exactly as in the text."""
    if last < first:
        return ""
    return doc.text[_offset(doc, first) : _offset(doc, last + 1)]


def slots_of(doc: Document, items: Sequence[ListItem]) -> list[Slot]:
    """The slot of each item of one list (items in file order)."""
    slots: list[Slot] = []
    for index, item in enumerate(items):
        start = item.line
        foreign = False
        floor = slots[-1].start if slots else 0
        while start - 1 > floor:
            match = _COMMENT_LINE.match(doc.line_text(start - 1))
            if match is None or (start - 1) in doc.code_lines:
                break
            if not _IGNORE.match(match.group(1)):
                foreign = True
                break
            start -= 1
        end = item.block_end_line or item.span.end_line
        slots.append(Slot(item, start, end, foreign))
        if index:
            previous = slots[index - 1]
            if previous.end >= start:  # a comment inside the previous item belongs to this one
                slots[index - 1] = Slot(
                    previous.item, previous.start, start - 1, previous.foreign_comment
                )
    return slots


def _gap(doc: Document, before: Slot, after: Slot) -> str:
    return lines_text(doc, before.end + 1, after.start - 1)


def movable(doc: Document, slots: Sequence[Slot]) -> bool:
    """Whether items of this list can be moved without changing anything but their order."""
    if len(slots) < 2:
        return False
    first = slots[0].item
    gaps = {_gap(doc, a, b) for a, b in pairwise(slots)}
    if len(gaps) != 1:
        return False
    gap = next(iter(gaps))
    if gap.strip():
        return False
    if any(s.foreign_comment for s in slots):
        return False
    if any(s.item.marker != first.marker or s.item.indent != first.indent for s in slots):
        return False
    last = slots[-1]
    ending = lines_text(doc, last.end, last.end)
    return ending.endswith(("\n", "\r"))


def _whole_lines(first: int, last: int) -> Span:
    """Lines ``first..last`` with their endings (empty when ``last < first``)."""
    return Span(first, 1, last + 1, 1)


def move_fix(doc: Document, slots: Sequence[Slot], source: int, target: int, title: str) -> Fix:
    """Move ``slots[source]`` to just before ``slots[target]`` (``len(slots)``: after the
    last). Call only when :func:`movable` is true and ``target`` is not ``source`` or
    ``source + 1``."""
    gap = _gap(doc, slots[0], slots[1])
    moving = slots[source]
    body = lines_text(doc, moving.start, moving.end)
    last = len(slots) - 1
    if target == source - 1 or target == source + 2:  # past one neighbour: one edit
        first, second = (slots[target], moving) if target < source else (moving, slots[source + 1])
        swapped = lines_text(doc, second.start, second.end) + gap
        swapped += lines_text(doc, first.start, first.end)
        return Fix((Edit(_whole_lines(first.start, second.end), swapped),), title)
    if source < last:
        delete = Edit(_whole_lines(moving.start, slots[source + 1].start - 1), "")
    else:
        delete = Edit(_whole_lines(slots[source - 1].end + 1, moving.end), "")
    if target <= last:
        at = slots[target].start
        insert = Edit(Span(at, 1, at, 1), body + gap)
    else:
        at = slots[last].end + 1
        insert = Edit(Span(at, 1, at, 1), gap + body)
    return Fix((delete, insert), title, Applicability.SAFE)
