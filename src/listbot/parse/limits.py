"""Caps on pathological input, applied before the text reaches mistune.

mistune's inline parser spends tens of microseconds on every markup character, so a long
run of them (50,000 ``[``, 200 KB of ``*_*_``, ``[x][[x][…``) costs many times what the same
number of bytes of any real list costs. No list needs such a run: listbot reads a run of more
than :data:`MAX_MARKUP_RUN` markup characters (gaps of one or two other characters allowed,
as in ``[x][``) as plain text, by blanking its markup characters with spaces. Lengths and
line breaks are kept, so every position outside the run is exact, and the Document keeps the
original text; the run's markup is simply not parsed. Deep nesting is capped by mistune
itself (:data:`MAX_NESTING`); :func:`nesting_notice` says so.

Each cap yields one notice per file naming the first line it applied to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mistune.core import DEFAULT_MAX_NESTED_LEVEL

__all__ = [
    "MAX_MARKUP_RUN",
    "MAX_NESTING",
    "blank_markup_runs",
    "has_markup_run",
    "markup_run_notice",
    "nesting_notice",
]

MAX_MARKUP_RUN = 256
"""Longest run of markup characters parsed as Markdown (real lists stay far below: a badge
link ``[![x](…)](…)`` is a run of four)."""

MAX_NESTING: int = DEFAULT_MAX_NESTED_LEVEL
"""mistune's nesting limit for lists and block quotes: deeper containers are read as text
of the deepest one."""

_MARKUP_CHARS = "[]()*_~<!`\\"
_MARKUP = re.escape(_MARKUP_CHARS)
_LEAST = -(-MAX_MARKUP_RUN // 3)
"""A run longer than ``MAX_MARKUP_RUN`` characters has at least this many markup characters."""
_RUN = re.compile(rf"(?:[{_MARKUP}][^{_MARKUP}\s]{{0,2}}){{{_LEAST},}}")
_MARKUP_CHAR = re.compile(rf"[{_MARKUP}]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def blank_markup_runs(text: str, lines: Sequence[str]) -> tuple[str, tuple[str, ...], list[int]]:
    """``text`` and its ``lines`` with every over-long markup run's markup characters
    replaced by spaces, and the 1-based lines where that happened (none in real lists:
    then ``text`` and ``lines`` come back as they are)."""
    changed: dict[int, str] = {}
    for index, line in enumerate(lines):
        # A run is longer than MAX_MARKUP_RUN and never spans lines: short lines are fine.
        if len(line) > MAX_MARKUP_RUN and _RUN.search(line):
            blanked = _blank_line(line)
            if blanked != line:
                changed[index] = blanked
    if not changed:
        return text, tuple(lines), []
    pieces = _LINE.findall(text)  # the lines with their terminators, which stay as they are
    new_lines = list(lines)
    for index, blanked in changed.items():
        pieces[index] = blanked + pieces[index][len(lines[index]) :]
        new_lines[index] = blanked
    return "".join(pieces), tuple(new_lines), [index + 1 for index in sorted(changed)]


def has_markup_run(text: str) -> bool:
    """Whether ``text`` has a markup run that :func:`blank_markup_runs` would blank."""
    if len(text) <= MAX_MARKUP_RUN:
        return False
    return any(match.end() - match.start() > MAX_MARKUP_RUN for match in _RUN.finditer(text))


def _blank_line(line: str) -> str:
    pieces: list[str] = []
    position = 0
    for match in _RUN.finditer(line):
        if match.end() - match.start() > MAX_MARKUP_RUN:
            pieces.append(line[position : match.start()])
            pieces.append(_MARKUP_CHAR.sub(" ", match.group()))
            position = match.end()
    pieces.append(line[position:])
    return "".join(pieces)


def markup_run_notice(path: str, lines: Sequence[int]) -> str:
    """One notice for every over-long markup run of a file."""
    count = len(lines)
    where = f"line {lines[0]}" + (f" and {count - 1} more" if count > 1 else "")
    return (
        f"{path}:{lines[0]}: more than {MAX_MARKUP_RUN} markup characters in a row "
        f"({where}) were read as plain text, not Markdown: listbot caps such runs to keep "
        "its time linear"
    )


def nesting_notice(path: str, line: int) -> str:
    """One notice for lists or block quotes nested beyond mistune's limit."""
    return (
        f"{path}:{line}: lists or block quotes nested more than {MAX_NESTING} levels deep: "
        "deeper ones are read as text of the deepest level (listbot's nesting limit)"
    )
