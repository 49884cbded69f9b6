"""Apply fixes to text: ruff's loop of sort, skip overlaps, apply, re-lint, repeat.

Edits are spans of the text the findings were computed on (1-based line and column on
the logical lines, end exclusive). They are turned into offsets of that very text, so
everything outside the edited spans (line endings of any mix, spacing, HTML, a BOM that
the caller strips and restores) stays byte for byte. A pass applies every fix that
overlaps none already taken; the text is then linted again and the next pass picks up
what was skipped or newly fixable, until nothing changes (at most :data:`MAX_PASSES`).

Each pass is verified: the changed lines must be lines of the fixed findings or of their
edits, and the fixed text must lint again. Otherwise :class:`FixVerificationError`.

The command side (``listbot lint --fix`` / ``--diff``: files, network fixes, diff, atomic
writes, printing) is :mod:`listbot.commands.fix`.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from listbot.config import Config
from listbot.findings import Applicability, Finding, Fix
from listbot.model import Document, Span

__all__ = [
    "MAX_PASSES",
    "AppliedFix",
    "FixResult",
    "FixVerificationError",
    "LineIndex",
    "fix_loop",
    "fix_text",
]

MAX_PASSES = 10
BOM = "\ufeff"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _terminator_length(line: str) -> int:
    """Length of the line ending that ``line`` ends with (a regex search for it at the end
    would scan the whole line: quadratic with many fixes on one long line)."""
    if line.endswith("\r\n"):
        return 2
    return 1 if line.endswith(("\n", "\r")) else 0


class FixVerificationError(Exception):
    """A pass of fixes changed more than it should or broke the text: nothing is written."""


class LineIndex:
    """Line/column <-> offset for one text, with lines split on ``\\r\\n``, ``\\r`` and ``\\n``.

    Line ``n + 1`` of a text with ``n`` terminated lines exists and is empty, so an edit may
    point just past a final line ending.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        starts = [0]
        for line in self.lines:
            starts.append(starts[-1] + len(line))
        self.starts = starts
        """``starts[n - 1]`` is the offset of line ``n``; the last one is ``len(text)``."""

    def content_length(self, line: int) -> int:
        """Characters of a 1-based line without its terminator (0 for the line past the end)."""
        if line == len(self.lines) + 1:
            return 0
        raw = self.lines[line - 1]
        return len(raw) - _terminator_length(raw)

    def offset(self, line: int, column: int) -> int | None:
        """The offset of ``line:column``, or None when the text has no such position."""
        if line < 1 or column < 1 or line > len(self.lines) + 1:
            return None
        if line == len(self.lines) + 1 and self.lines and not _terminator_length(self.lines[-1]):
            return None
        if column - 1 > self.content_length(line):
            return None
        return self.starts[line - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based ``(line, column)`` of an offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self.starts, offset) - 1
        if index >= len(self.lines) and self.lines and not _terminator_length(self.lines[-1]):
            index = len(self.lines) - 1
        return index + 1, offset - self.starts[index] + 1

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` with their terminators (``\\r\\n``, ``\\r`` or ``\\n``)."""
    return _LINE.findall(text)


@dataclass(frozen=True)
class _Range:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Candidate:
    finding: Finding
    fix: Fix
    ranges: tuple[_Range, ...]

    @property
    def key(self) -> tuple[int, int, str, str]:
        return (self.ranges[0].start, self.ranges[-1].end, self.finding.rule, self.fix.title)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Ranges collide when they share a character, or start at the same place (order unknown)."""
    return a[0] == b[0] or (a[0] < b[1] and b[0] < a[1])


def _candidate(index: LineIndex, finding: Finding) -> _Candidate | None:
    """The fix of ``finding`` as offset ranges, or None if an edit is out of the text or
    two of its edits collide (a rule bug: that fix is left out, the finding stays)."""
    fix = finding.fix
    if fix is None or not fix.edits:
        return None
    ranges: list[_Range] = []
    for edit in fix.edits:
        start = index.offset(edit.span.line, edit.span.column)
        end = index.offset(edit.span.end_line, edit.span.end_column)
        if start is None or end is None or end < start:
            return None
        ranges.append(_Range(start, end, edit.text))
    ranges.sort(key=lambda r: (r.start, r.end))
    if any(_joins_line_ending(index.text, r) for r in ranges):
        return None
    for before, after in pairwise(ranges):
        if after.start < before.end or (after.start == before.start and after.end == before.end):
            return None
    return _Candidate(finding, fix, tuple(ranges))


def _joins_line_ending(text: str, edit: _Range) -> bool:
    """Whether the edit would glue a ``\r`` and a ``\n`` into one ``\r\n`` (two line
    endings into one), e.g. by emptying a line that sits between them. An offset is never
    inside a ``\r\n``, so a ``\r\n`` across either end of the edit is always new."""
    before = text[edit.start - 1 : edit.start]
    after = text[edit.end : edit.end + 1]
    first = edit.text[:1] or after
    last = edit.text[-1:]
    return (before == "\r" and first == "\n") or (last == "\r" and after == "\n")


@dataclass(frozen=True)
class _Pass:
    text: str
    applied: int
    allowed_lines: frozenset[int]
    edits: tuple[_Range, ...]
    """The applied edits, in offsets of the pass's input text, sorted."""
    fixed: tuple[Finding, ...] = ()


def _apply_pass(text: str, findings: Iterable[Finding], *, unsafe: bool) -> _Pass:
    """Apply every fix that collides with none taken before it (in text order)."""
    index = LineIndex(text)
    candidates = []
    for finding in findings:
        if finding.fix is None:
            continue
        if finding.fix.applicability is Applicability.UNSAFE and not unsafe:
            continue
        candidate = _candidate(index, finding)
        if candidate is not None:
            candidates.append(candidate)
    candidates.sort(key=lambda c: c.key)
    taken: list[tuple[int, int]] = []
    taken_fixes: set[tuple[_Range, ...]] = set()
    edits: list[_Range] = []
    allowed: set[int] = set()
    fixed: list[Finding] = []
    for candidate in candidates:
        if candidate.ranges in taken_fixes:  # the same fix from another finding: done already
            fixed.append(candidate.finding)
            _allow(allowed, candidate.finding.span)
            continue
        if any(_collides(taken, (r.start, r.end)) for r in candidate.ranges):
            continue
        for r in candidate.ranges:
            insort(taken, (r.start, r.end))
        taken_fixes.add(candidate.ranges)
        edits.extend(candidate.ranges)
        fixed.append(candidate.finding)
        _allow(allowed, candidate.finding.span)
        for edit in candidate.fix.edits:
            _allow(allowed, edit.span)
        moved_over = _moved_over(text, candidate)
        if moved_over is not None:
            _allow(allowed, moved_over)
    edits.sort(key=lambda r: (r.start, r.end))
    pieces: list[str] = []
    position = 0
    for r in edits:
        pieces.append(text[position : r.start])
        pieces.append(r.text)
        position = r.end
    pieces.append(text[position:])
    return _Pass("".join(pieces), len(fixed), frozenset(allowed), tuple(edits), tuple(fixed))


def _moved_over(text: str, candidate: _Candidate) -> Span | None:
    """The lines a move jumps over, when the fix is one: two edits, one deleting a text
    and one inserting that same text elsewhere. Those lines are unchanged but shift, and a
    line diff may show them, rather than the moved text, as what moved."""
    if len(candidate.ranges) != 2:
        return None
    first, second = candidate.ranges
    for gone, added in ((first, second), (second, first)):
        if (
            gone.text == ""
            and added.start == added.end
            and gone.end > gone.start
            and text[gone.start : gone.end] == added.text
        ):
            spans = [edit.span for edit in candidate.fix.edits]
            return Span(min(s.line for s in spans), 1, max(s.end_line for s in spans), 1)
    return None


def _allow(lines: set[int], span: Span) -> None:
    lines.update(range(span.line, span.end_line + 1))


def _collides(taken: list[tuple[int, int]], candidate: tuple[int, int]) -> bool:
    """Whether ``candidate`` collides with one of ``taken`` (sorted, pairwise disjoint)."""
    at = bisect_left(taken, (candidate[0], -1))
    return any(_overlaps(taken[i], candidate) for i in (at - 1, at, at + 1) if 0 <= i < len(taken))


def changed_lines(before: str, after: str) -> set[int]:
    """1-based lines of ``before`` that differ in ``after`` (terminators included).

    A line inserted between lines ``n`` and ``n + 1`` counts as a change of both.
    """
    old, new = split_lines(before), split_lines(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changed: set[int] = set()
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i1 == i2:  # pure insertion before old line i1 + 1
            changed.update({i1, i1 + 1})
        else:
            changed.update(range(i1 + 1, i2 + 1))
    return changed


def _verify(before: str, after: str, edits: Sequence[_Range], allowed: frozenset[int]) -> None:
    """Every line an edit touches is a line of a fixed finding (or of its edits), and every
    other line of ``before`` is in ``after`` byte for byte, where the edits moved it.

    Linear in the text: a line diff (difflib) is quadratic or worse on the repeated lines
    of a long list (100,000 blank lines: minutes).
    """
    index = LineIndex(before)
    touched: set[int] = set()
    for edit in edits:
        first = index.line_of(edit.start)
        at_line_start = edit.start == index.starts[first - 1]
        if edit.start == edit.end and at_line_start and edit.text.endswith(("\n", "\r")):
            # a new line between lines first - 1 and first: either may be the fixed one
            lines = [first] if first in allowed or first - 1 not in allowed else []
        else:
            last = index.line_of(edit.end - 1) if edit.end > edit.start else first
            lines = list(range(first, last + 1))
            next_line = index.line_of(edit.end)
            joined = edit.end > edit.start and index.starts[next_line - 1] == edit.end
            if joined and next_line <= len(index.lines) and not edit.text.endswith(("\n", "\r")):
                lines.append(next_line)  # the line ending before it removed: joined to it
        stray = [line for line in lines if line not in allowed]
        if stray:
            raise FixVerificationError(
                f"line {stray[0]} changed although no fixed finding is on it"
            )
        touched.update(lines)
    move = OffsetMap(tuple(edits))
    for number, line in enumerate(index.lines, start=1):
        if number in touched:
            continue
        at = move(index.starts[number - 1])
        if after[at : at + len(line)] != line:
            raise FixVerificationError(f"line {number} changed although no fixed finding is on it")


@dataclass
class OffsetMap:
    """Maps offsets of the text before a pass to offsets after it."""

    edits: tuple[_Range, ...]
    _ends: list[int] = field(default_factory=list, repr=False)
    _shift: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        total = 0
        for r in self.edits:
            total += len(r.text) - (r.end - r.start)
            self._ends.append(r.end)
            self._shift.append(total)

    def __call__(self, offset: int) -> int:
        done = bisect_right(self._ends, offset)  # edits that end at or before offset
        # An offset inside an edited range moves to where that replacement starts.
        if done < len(self.edits) and self.edits[done].start < offset:
            offset = self.edits[done].start
        return offset + (self._shift[done - 1] if done else 0)


@dataclass(frozen=True)
class AppliedFix:
    """A finding whose fix was applied, and the text (BOM aside) its span and edits are on:
    the input of the pass that applied it."""

    finding: Finding
    text: str


@dataclass
class FixResult:
    """The fixed text, how many fixes were applied, and the findings left on it."""

    text: str
    applied: int
    remaining: list[Finding]
    passes: int = 0
    document: Document | None = None
    """The fixed text parsed (None when the lint function gives no Document)."""
    maps: list[OffsetMap] = field(default_factory=list, repr=False)
    original: str = ""
    fixed_extra: list[Finding] = field(default_factory=list)
    """The ``extra`` findings whose fixes were applied (the others collided with a fix)."""
    applied_fixes: list[AppliedFix] = field(default_factory=list)
    """Every finding whose fix was applied, pass by pass (what changed, and why)."""
    _indexes: tuple[str, str, LineIndex, LineIndex] | None = field(
        default=None, repr=False, compare=False
    )

    def map_span(self, span: Span) -> Span:
        """Where ``span`` of the original text is in the fixed text (BOM aside)."""
        if not self.maps:
            return span
        before, after = self._line_indexes()

        def move(line: int, column: int) -> tuple[int, int]:
            offset = before.offset(line, column)
            if offset is None:
                return line, column
            for step in self.maps:
                offset = step(offset)
            return after.position(offset)

        start = move(span.line, span.column)
        end = move(span.end_line, span.end_column)
        return Span(*start, *end)

    def _line_indexes(self) -> tuple[LineIndex, LineIndex]:
        """The original and the fixed text indexed once, not once per mapped span."""
        cached = self._indexes
        if cached is None or cached[0] is not self.original or cached[1] is not self.text:
            before = LineIndex(self.original.removeprefix(BOM))
            after = LineIndex(self.text.removeprefix(BOM))
            cached = self._indexes = (self.original, self.text, before, after)
        return cached[2], cached[3]


LintFunction = Callable[[str], tuple[list[Finding], Document | None]]


def fix_loop(
    text: str,
    lint: LintFunction,
    *,
    unsafe: bool = False,
    extra: Sequence[Finding] = (),
    max_passes: int = MAX_PASSES,
) -> FixResult:
    """Lint, apply fixes, lint again, until nothing changes; ``extra`` joins the first pass.

    ``lint`` returns the findings on a text and, if it has one, its Document. A lint
    that fails on fixed text raises :class:`FixVerificationError`.
    """
    findings, document = lint(text)
    current = text
    applied = 0
    maps: list[OffsetMap] = []
    passes = 0
    fixed_extra: list[Finding] = []
    applied_fixes: list[AppliedFix] = []
    for number in range(max_passes):
        step = _apply_pass(current, [*findings, *(extra if number == 0 else ())], unsafe=unsafe)
        if not step.applied or step.text == current:
            break
        if number == 0 and extra:
            done = {id(finding) for finding in step.fixed}
            fixed_extra = [finding for finding in extra if id(finding) in done]
        _verify(current, step.text, step.edits, step.allowed_lines)
        try:
            findings, document = lint(step.text)
        except Exception as error:  # the fixed text must lint like any text
            raise FixVerificationError(f"the fixed text cannot be linted: {error!r}") from error
        applied += step.applied
        applied_fixes.extend(AppliedFix(finding, current) for finding in step.fixed)
        maps.append(OffsetMap(step.edits))
        current = step.text
        passes += 1
    return FixResult(
        current, applied, findings, passes, document, maps, text, fixed_extra, applied_fixes
    )


def fix_text(
    text: str,
    path: str,
    config: Config,
    *,
    unsafe: bool = False,
    extra: Sequence[Finding] = (),
    companions: Mapping[str, str] | None = None,
) -> FixResult:
    """Apply the fixes of the offline rules (SAFE, and UNSAFE if ``unsafe``) to ``text``.

    A leading BOM is kept. ``extra`` findings (e.g. redirects from the network checks,
    positioned on ``text``) are applied in the first pass with the rules' fixes.
    ``companions`` (the files beside the list) let the rules about files report too, so
    the findings left are those ``lint`` reports on the fixed file.
    """
    from listbot.api import lint_text

    def lint(source: str) -> tuple[list[Finding], Document | None]:
        result = lint_text(source, path, config=config, companions=companions)
        return result.findings, result.document

    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    result = fix_loop(body, lint, unsafe=unsafe, extra=extra)
    if bom:
        result.text = BOM + result.text
        result.original = text
    return result
