"""## What it does
Checks that the entries of each list are in alphabetical order of their names (the link
text), case- and accent-insensitively, numbers by value (`Vue 2` before `Vue 10`). Each
list is checked on its own: a section's list, and each nested list under an entry. The
entry that is out of place is reported with where it belongs ("belongs after `Gin`").

In the default `auto` mode a list is checked only when it is evidently meant to be
sorted: it is in order apart from a few entries, and the file's other lists or the list's
own length make that closeness more than chance (a list that was never meant to be sorted
is never reported). Which of the usual alphabetical orders the file follows (accents folded
or by code point, numbers by value or digit by digit, word by word, letter by letter or
character by character, shorter or longer names first) is recognised once per file, and
an entry is reported only when every one of those orders agrees it is out of place: how a
list counts spaces, numbers or accents is its own affair.

Numbered lists, table-of-contents links (`#anchors`), and items that do not start with
their link are left alone; names that start with a Han character are not placed, as their
reader order (by reading or by strokes) is not the order of their code points.

## Why is this bad?
Lists that promise alphabetical order ("keep it alphabetical", awesome-go's `TestAlpha`)
are scanned by name; an entry out of place is hard to find and hides duplicates.

## Example
```markdown
- [Gin](https://github.com/gin-gonic/gin) - Web framework.
- [Zap](https://github.com/uber-go/zap) - Logging.
- [Iris](https://github.com/kataras/iris) - Web framework.
```

## Use instead
```markdown
- [Gin](https://github.com/gin-gonic/gin) - Web framework.
- [Iris](https://github.com/kataras/iris) - Web framework.
- [Zap](https://github.com/uber-go/zap) - Logging.
```

## Fix safety
Safe: the entry moves, whole, with its nested items and the `<!--lint ignore-->` comments
directly above it, to where it belongs; nothing else changes. No fix is offered when a
move could change more than the order: lists whose items are separated unevenly, use
different markers or indentation, or carry other comments.

## Options
- `mode`: `"auto"` (default) checks lists that are evidently meant to be sorted; `"on"`
  checks every list (findings are then errors); `"off"`.
- `key`: `"name"` (default) or `"name-without-articles"` (`The Foo` sorts as `Foo`).
- `sections`: only lists under these headings (any level, `*` wildcards); empty for all.
- `exclude_sections`: never lists under these headings.
"""

from __future__ import annotations

import fnmatch
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from listbot.findings import Finding, Severity
from listbot.model import Document, Entry, Link, ListItem
from listbot.normalize.collation import (
    COLLATIONS,
    Collation,
    Key,
    agreed_order,
    sort_key,
    sortable,
    strip_article,
)
from listbot.rules._inline import mask_markup
from listbot.rules._moves import Slot, movable, move_fix, slots_of
from listbot.rules.base import FixAvailability, Rule

MODES = ("off", "auto", "on")
KEYS = ("name", "name-without-articles")
_TASK = re.compile(r"^\[[ xX]\]\s*")


@dataclass(frozen=True)
class Options:
    mode: str = "auto"
    """"auto" checks only lists that are evidently meant to be sorted, "on" every list
    (errors), "off" none."""
    key: str = "name"
    """What entries sort by: "name" (the link text) or "name-without-articles"."""
    sections: tuple[str, ...] = ()
    """Check only lists under these headings (any level; `*` wildcards). Empty: all."""
    exclude_sections: tuple[str, ...] = ()
    """Never check lists under these headings (any level; `*` wildcards)."""

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.key not in KEYS:
            raise ValueError(f"key must be one of {', '.join(KEYS)}, not {self.key!r}")


# -- lists -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """Consecutive sortable siblings of one list, with the slots of the whole list."""

    names: tuple[str, ...]
    indexes: tuple[int, ...]
    """Positions of the run's items among the list's items."""
    items: tuple[ListItem, ...]
    """Every item of the list the run is part of."""
    doc: Document = field(compare=False, repr=False)

    @cached_property
    def slots(self) -> tuple[Slot, ...]:
        """What moves with each item of the list (computed only for a fix)."""
        return tuple(slots_of(self.doc, self.items))

    @cached_property
    def agreed(self) -> tuple[int, ...]:
        """For each pair of neighbours, -1 or 1 when every collation orders them so, else
        0 (cheap, and most pairs are agreed: keys are computed only for the others)."""
        return tuple(agreed_order(a, b) for a, b in pairwise(self.names))


def _opening_link(doc: Document, entry: Entry) -> Link | None:
    """The link an item opens with (emoji, images and badges before it are fine), if any."""
    link = next((k for k in entry.links if not k.is_image and not k.image_urls), None)
    item = entry.item
    if link is None:
        return None
    start = item.column + len(item.marker) + item.content_gap
    if (link.span.line, link.span.column) <= (item.line, start):
        return link
    if link.span.line != item.line:
        return None
    before = _TASK.sub("", doc.line_text(item.line)[start - 1 : link.span.column - 1])
    masked = mask_markup(before, keep_link_text=False)
    return None if any(ch.isalnum() for ch in masked) else link


def entry_name(doc: Document, entry: Entry | None, key: str) -> str | None:
    """The name an entry sorts by (the text of the link it opens with), or None when it
    has no place in an alphabetical order."""
    link = _opening_link(doc, entry) if entry is not None else None
    if link is None or link.url.startswith("#"):
        return None
    name = link.text.strip()
    if key == "name-without-articles":
        name = strip_article(name)
    return name if sortable(name) else None


def _lists(doc: Document) -> list[list[ListItem]]:
    """Unordered lists as a reader sees them: lists split only by comment lines are one,
    and an HTML block that starts at the margin ends a list (the parser may disagree)."""
    by_index: dict[int, list[ListItem]] = {}
    for item in doc.list_items:  # nested lists interleave: group by list, not by run
        by_index.setdefault(item.list_index, []).append(item)
    lists: list[list[ListItem]] = []
    for items in by_index.values():
        if items[0].ordered:
            continue
        previous = next(
            (seen for seen in reversed(lists) if seen[-1].depth == items[0].depth), None
        )
        if previous is not None and _joined(doc, previous, items):
            previous.extend(items)
            continue
        current: list[ListItem] = []
        for item in items:
            current.append(item)
            if _html_at_margin(doc, item):
                lists.append(current)
                current = []
        if current:
            lists.append(current)
    return lists


def _html_at_margin(doc: Document, item: ListItem) -> bool:
    """Whether the item's own lines include an HTML block at the margin (``<details>``
    right under an item): on GitHub that block ends the list."""
    for number in range(item.line + 1, item.span.end_line + 1):
        text = doc.line_text(number)
        if text.startswith("<") and not text.startswith("<!--"):
            return True
    return False


def _joined(doc: Document, before: list[ListItem], after: list[ListItem]) -> bool:
    last, first = before[-1], after[0]
    if last.depth != first.depth or last.bullet != first.bullet:
        return False
    end = last.block_end_line or last.span.end_line
    between = [doc.line_text(n).strip() for n in range(end + 1, first.line)]
    comments = [text for text in between if text]
    return bool(comments) and all(t.startswith("<!--") and t.endswith("-->") for t in comments)


def runs(doc: Document, options: Options) -> list[Run]:
    """Every run of sortable siblings in the lists the options select."""
    entries = {entry.item.line: entry for entry in doc.all_entries}
    found: list[Run] = []
    for items in _lists(doc):
        if not _in_scope(items[0].section, options):
            continue
        members = tuple(items)
        names: list[str] = []
        indexes: list[int] = []
        for index, item in enumerate(items):
            name = entry_name(doc, entries.get(item.line), options.key)
            if name is None:
                if len(names) > 1:
                    found.append(Run(tuple(names), tuple(indexes), members, doc))
                names, indexes = [], []
                continue
            names.append(name)
            indexes.append(index)
        if len(names) > 1:
            found.append(Run(tuple(names), tuple(indexes), members, doc))
    return found


def _in_scope(section: tuple[str, ...], options: Options) -> bool:
    def matches(patterns: tuple[str, ...]) -> bool:
        return any(
            fnmatch.fnmatchcase(part.casefold(), pattern.casefold())
            for part in section
            for pattern in patterns
        )

    if options.sections and not matches(options.sections):
        return False
    return not (options.exclude_sections and matches(options.exclude_sections))


# -- order -------------------------------------------------------------------------------


def longest_sorted(keys: Sequence[Key]) -> list[int]:
    """Indexes of a longest non-decreasing subsequence of ``keys`` (patience sorting)."""
    tails: list[int] = []  # tails[k]: index of the smallest tail of a run of length k + 1
    previous: list[int] = [-1] * len(keys)
    for index, key in enumerate(keys):
        low, high = 0, len(tails)
        while low < high:  # first tail greater than key (ties extend a run)
            middle = (low + high) // 2
            if keys[tails[middle]] <= key:  # type: ignore[operator]
                low = middle + 1
            else:
                high = middle
        if low:
            previous[index] = tails[low - 1]
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    chain: list[int] = []
    at = tails[-1] if tails else -1
    while at >= 0:
        chain.append(at)
        at = previous[at]
    return chain[::-1]


@dataclass(frozen=True)
class Order:
    """A run under one collation: its keys and the positions that are out of place."""

    run: Run
    collation: Collation
    keys: tuple[Key, ...]
    """Empty when the run is in order (then no key is needed)."""
    misplaced: frozenset[int]
    distinct: int
    """How many different keys (names) the run has."""

    @property
    def size(self) -> int:
        return len(self.run.names)


def _signs(run: Run, collation: Collation) -> list[int]:
    """-1, 0 or 1 for each pair of neighbours under ``collation``."""
    signs = list(run.agreed)
    for index, sign in enumerate(signs):
        if not sign:
            a = sort_key(run.names[index], collation)
            b = sort_key(run.names[index + 1], collation)
            signs[index] = (a > b) - (a < b)  # type: ignore[operator]
    return signs


def descents(run: Run, collation: Collation) -> int:
    """Neighbours out of order under ``collation``."""
    return sum(1 for sign in _signs(run, collation) if sign > 0)


def order_of(run: Run, collation: Collation) -> Order:
    signs = _signs(run, collation)
    if all(sign <= 0 for sign in signs):  # in order: no key needed
        distinct = 1 + sum(1 for sign in signs if sign < 0)
        return Order(run, collation, (), frozenset(), distinct)
    keys = tuple(sort_key(name, collation) for name in run.names)
    kept = set(longest_sorted(keys))
    return Order(run, collation, keys, frozenset(set(range(len(keys))) - kept), len(set(keys)))


# -- auto mode ---------------------------------------------------------------------------

SLIP_RATE = 0.2
"""How likely one entry of a list kept in order is out of place (an entry appended at the
end, a typo in the order): the chance of ``m`` such entries is ``SLIP_RATE ** m``."""
CONFIDENCE = 0.9
"""How sure ``auto`` mode must be that a list is meant to be in order to report it."""


def tolerated(size: int) -> int:
    """How many entries may be out of place in a list that is still "nearly in order"."""
    return max(1, size // 5)


def file_prior(orders: Sequence[Order]) -> float:
    """How likely a list of this file is meant to be in order, from its other lists: the
    share of lists of three or more different names that are in order, among those in
    order and those far from it (Laplace's rule, so one list proves little)."""
    in_order = far = 0
    for order in orders:
        if order.distinct < 3:
            continue
        if not order.misplaced:
            in_order += 1
        elif len(order.misplaced) > tolerated(order.size):
            far += 1
    return (in_order + 1) / (in_order + far + 2)


def chance_in_order(size: int, misplaced: int) -> float:
    """An upper bound of the chance that a list in random order is in order apart from
    ``misplaced`` entries: the expected number of increasing runs of that length."""
    length = size - misplaced
    return min(1.0, math.comb(size, length) / math.factorial(length))


def meant_sorted(order: Order, prior: float) -> float:
    """How likely the list is meant to be in order, given the file and its own order."""
    slips = SLIP_RATE ** len(order.misplaced)
    chance = chance_in_order(order.size, len(order.misplaced))
    return prior * slips / (prior * slips + (1 - prior) * chance)


def enforced(order: Order, prior: float) -> bool:
    """Whether ``auto`` mode reports this list's misplaced entries."""
    if not order.misplaced or len(order.misplaced) > tolerated(order.size):
        return False
    return meant_sorted(order, prior) >= CONFIDENCE


def preferred_collation(runs_found: Sequence[Run]) -> Collation:
    """The collation under which the file's neighbours are out of order least often, the
    first of :data:`COLLATIONS` on a tie (the one a reader expects first). Counting stops
    for a collation as soon as it cannot beat the best so far, and at one with none."""
    contested = [run for run in runs_found if not all(run.agreed)]
    best, fewest = COLLATIONS[0], -1
    for collation in COLLATIONS:
        count = 0
        for run in contested:
            count += descents(run, collation)
            if 0 <= fewest <= count:
                break
        else:
            best, fewest = collation, count
            if not count:
                break
    return best


# -- findings ----------------------------------------------------------------------------


def _quote(name: str) -> str:
    return f'"{" ".join(name.split())}"'


def _destination(order: Order, position: int) -> tuple[int, int | None, int | None]:
    """Where the entry at ``position`` belongs: the slot index to insert before
    (``len(slots)``: after the last), and the positions of the in-order entries it goes
    after and before."""
    key = order.keys[position]
    kept = [i for i in range(order.size) if i not in order.misplaced]
    after = None
    before = None
    for i in kept:
        if order.keys[i] <= key:  # type: ignore[operator]
            after = i
        else:
            before = i
            break
    slots = order.run.slots
    if before is not None:
        return order.run.indexes[before], after, before
    return (order.run.indexes[after] + 1 if after is not None else len(slots)), after, before


def _findings(
    doc: Document, order: Order, shared: frozenset[int], severity: Severity
) -> Iterator[Finding]:
    run = order.run
    can_move = movable(doc, run.slots)
    for position in sorted(order.misplaced & shared):
        target, after, before = _destination(order, position)
        name = run.names[position]
        if after is not None:
            where = f"it belongs after {_quote(run.names[after])}"
        elif before is not None:
            where = f"it belongs before {_quote(run.names[before])}"
        else:  # pragma: no cover - a misplaced entry always has an in-order neighbour
            continue
        source = run.indexes[position]
        slot = run.slots[source]
        fix = None
        if can_move and target not in (source, source + 1):
            title = f"Move {_quote(name)} {where.removeprefix('it belongs ')}"
            fix = move_fix(doc, run.slots, source, target, title)
        yield RULE.finding(
            slot.item.span,
            f"{_quote(name)} is not in alphabetical order: {where}",
            fix=fix,
            severity=severity,
            name=name,
            belongs_after=run.names[after] if after is not None else None,
            belongs_before=run.names[before] if before is not None else None,
        )


def check(doc: Document, options: Options) -> Iterator[Finding]:
    if options.mode == "off":
        return
    found = runs(doc, options)
    if not found:
        return
    preferred = preferred_collation(found)
    # An entry is out of place only when every usual order agrees it is: whether a list
    # counts spaces, numbers, accents or a name's end one way or the other is its own affair.
    judges = [collation for collation in COLLATIONS if collation != preferred]
    orders = [order_of(run, preferred) for run in found]
    prior = file_prior(orders)
    severity = Severity.ERROR if options.mode == "on" else RULE.severity
    for order in orders:
        if options.mode == "auto" and not enforced(order, prior):
            continue
        shared = order.misplaced
        for judge in judges:
            if shared:
                shared = shared & order_of(order.run, judge).misplaced
        yield from _findings(doc, order, shared, severity)


RULE = Rule(
    id="alphabetical-order",
    summary="Entries of a list that is kept in alphabetical order should stay in it.",
    check=check,
    severity=Severity.WARNING,
    tags=("policy", "order"),
    fix=FixAvailability.SOMETIMES,
    options=Options,
    doc=__doc__ or "",
)
