"""The fix engine on plain text: offsets, overlaps, passes, line endings, verification.

These tests drive :func:`listbot.fix.fix_loop` with small lint functions written here, so
they exercise the engine without depending on any rule. ``tests/test_fix_files.py`` runs
the real rules and the command.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from listbot.findings import Applicability, Edit, Finding, Fix
from listbot.fix import (
    FixVerificationError,
    LineIndex,
    changed_lines,
    fix_loop,
    split_lines,
)
from listbot.model import Document, Span

LintOutput = tuple[list[Finding], Document | None]


def _lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def trailing_spaces(text: str) -> LintOutput:
    """A toy rule: spaces and tabs at the end of a line, fixed by deleting them."""
    findings = []
    for number, line in enumerate(_lines(text), start=1):
        match = re.search(r"[ \t]+$", line)
        if match:
            span = Span(number, match.start() + 1, number, match.end() + 1)
            findings.append(
                Finding(
                    "trailing-space", "Trailing space", span, fix=Fix((Edit(span, ""),), "Remove")
                )
            )
    return findings, None


def word(old: str, new: str, *, unsafe: bool = False):
    """A toy rule replacing every ``old`` with ``new``."""
    applicability = Applicability.UNSAFE if unsafe else Applicability.SAFE

    def lint(text: str) -> LintOutput:
        findings = []
        for number, line in enumerate(_lines(text), start=1):
            for match in re.finditer(re.escape(old), line):
                span = Span(number, match.start() + 1, number, match.end() + 1)
                fix = Fix((Edit(span, new),), f"Use {new}", applicability)
                findings.append(Finding(f"word-{old}", f"{old} -> {new}", span, fix=fix))
        return findings, None

    return lint


def combined(*linters):
    def lint(text: str) -> LintOutput:
        return [f for linter in linters for f in linter(text)[0]], None

    return lint


def test_line_index_maps_positions_across_mixed_line_endings() -> None:
    text = "ab\r\ncd\ref\ngh"
    index = LineIndex(text)
    assert split_lines(text) == ["ab\r\n", "cd\r", "ef\n", "gh"]
    assert index.offset(1, 1) == 0
    assert index.offset(1, 3) == 2  # end of "ab", before \r\n
    assert index.offset(2, 1) == 4
    assert index.offset(3, 3) == 9
    assert index.offset(4, 3) == 12
    assert index.offset(1, 4) is None  # inside the line ending
    assert index.offset(5, 1) is None  # the last line has no terminator
    assert LineIndex("a\n").offset(2, 1) == 2  # just past a final newline
    assert index.position(9) == (3, 3)
    assert index.position(12) == (4, 3)


def test_fix_keeps_every_line_ending_and_untouched_byte() -> None:
    text = "one  \r\ntwo\t\rthree \nfour\r\n\r\n  five  "
    result = fix_loop(text, trailing_spaces)
    assert result.text == "one\r\ntwo\rthree\nfour\r\n\r\n  five"
    assert result.applied == 4
    assert result.remaining == []


def test_overlapping_fixes_are_resolved_over_passes() -> None:
    # "aa" -> "b" on "aaa" yields two overlapping findings: one per pass, never both at once.
    result = fix_loop("aaa\n", word("aa", "b"))
    assert result.text == "ba\n"
    assert result.applied == 1
    chained = fix_loop("aaaa aaa\n", combined(word("aa", "b"), word("ba", "c")))
    assert chained.text == "bb c\n"
    assert chained.passes >= 2


def test_insertions_at_the_same_place_are_not_both_applied_in_one_pass() -> None:
    def two_inserts(text: str) -> LintOutput:
        if text.startswith("[x]"):
            return [], None
        span = Span(1, 1, 1, 1)
        return [
            Finding("a", "a", span, fix=Fix((Edit(span, "[x]"),), "x")),
            Finding("b", "b", span, fix=Fix((Edit(span, "[y]"),), "y")),
        ], None

    result = fix_loop("text\n", two_inserts)
    assert result.text in {"[x]text\n", "[x][y]text\n"}
    assert result.text.count("[x]") == 1


def test_unsafe_fixes_only_when_asked() -> None:
    lint = word("colour", "color", unsafe=True)
    assert fix_loop("colour\n", lint).text == "colour\n"
    assert fix_loop("colour\n", lint, unsafe=True).text == "color\n"


def test_identical_fixes_from_two_findings_are_applied_once() -> None:
    def twice(text: str) -> LintOutput:
        if "!" in text:
            return [], None
        span = Span(1, 4, 1, 4)
        fix = Fix((Edit(span, "!"),), "Add !")
        return [Finding("a", "x", span, fix=fix), Finding("b", "y", span, fix=fix)], None

    result = fix_loop("abc\n", twice)
    assert result.text == "abc!\n"
    assert result.applied == 2


def test_fix_with_several_edits_is_atomic() -> None:
    def swap(text: str) -> LintOutput:
        if not text.startswith("B"):
            fix = Fix((Edit(Span(1, 1, 1, 2), "B"), Edit(Span(2, 1, 2, 2), "A")), "swap")
            return [Finding("swap", "swap", Span(1, 1, 1, 2), fix=fix)], None
        return [], None

    both = combined(swap, word("A", "Z"))
    result = fix_loop("A\nB\n", both)
    # the swap collides with the A->Z fix on line 1, so the first pass takes the swap only
    # (it starts first and is longer); A->Z then fixes the new A on line 2.
    assert result.text in {"B\nZ\n", "Z\nB\n"}


def test_edits_outside_the_text_are_left_out() -> None:
    def broken(text: str) -> LintOutput:
        bad = Fix((Edit(Span(9, 1, 9, 2), "x"),), "nowhere")
        return [Finding("broken", "broken", Span(1, 1, 1, 2), fix=bad)], None

    result = fix_loop("abc\n", broken)
    assert result.text == "abc\n"
    assert result.applied == 0
    assert [f.rule for f in result.remaining] == ["broken"]


def test_a_fix_that_would_merge_a_cr_and_an_lf_is_left_out() -> None:
    result = fix_loop("a\r \nb\n", trailing_spaces)
    assert result.text == "a\r \nb\n"
    assert len(result.remaining) == 1


def test_line_endings_can_be_inserted() -> None:
    def final_newline(text: str) -> LintOutput:
        if text.endswith(("\n", "\r")):
            return [], None
        lines = _lines(text)
        span = Span(len(lines), len(lines[-1]) + 1, len(lines), len(lines[-1]) + 1)
        return [Finding("final-newline", "x", span, fix=Fix((Edit(span, "\r\n"),), "Add"))], None

    assert fix_loop("# A\r\n\r\ntext", final_newline).text == "# A\r\n\r\ntext\r\n"
    assert fix_loop("a\rb", final_newline).text == "a\rb\r\n"
    # "\r" + "\r\n" stays two line endings; "\n" right after a "\r" would join them
    assert fix_loop("a\r", final_newline).text == "a\r"


def test_deleting_a_whole_line_with_its_terminator() -> None:
    def drop_second(text: str) -> LintOutput:
        lines = _lines(text)
        if len(lines) > 1 and lines[1] == "dup":
            fix = Fix((Edit(Span(2, 1, 3, 1), ""),), "Remove the line")
            return [Finding("dup", "dup", Span(2, 1, 2, 4), fix=fix)], None
        return [], None

    assert fix_loop("a\r\ndup\r\nb\r\n", drop_second).text == "a\r\nb\r\n"


def test_fix_loop_stops_after_max_passes() -> None:
    def grow(text: str) -> LintOutput:
        span = Span(1, 1, 1, 1)
        return [Finding("grow", "grow", span, fix=Fix((Edit(span, "x"),), "x"))], None

    result = fix_loop("a", grow, max_passes=3)
    assert result.text == "xxxa"
    assert result.passes == 3


def test_a_fixed_text_that_cannot_be_linted_is_refused() -> None:
    def fragile(text: str) -> LintOutput:
        if "!" in text:
            raise ValueError("boom")
        span = Span(1, 1, 1, 1)
        return [Finding("bang", "bang", span, fix=Fix((Edit(span, "!"),), "!"))], None

    with pytest.raises(FixVerificationError, match="cannot be linted"):
        fix_loop("a\n", fragile)


def test_changed_lines_sees_line_endings_and_insertions() -> None:
    assert changed_lines("a\nb\nc\n", "a\nb\nc\n") == set()
    assert changed_lines("a\nb\nc\n", "a\r\nb\nc\n") == {1}
    assert changed_lines("a\nb\nc\n", "a\nb\nnew\nc\n") == {2, 3}  # between 2 and 3
    assert changed_lines("a\nb\nc\n", "a\nc\n") == {2}


def test_extra_findings_join_the_first_pass_and_spans_move_with_the_fixes() -> None:
    text = "x  \nsee http://old.example/a here\n"
    redirect_span = Span(2, 5, 2, 25)
    redirect = Finding(
        "redirect",
        "moved",
        redirect_span,
        fix=Fix((Edit(redirect_span, "https://new.example/longer/path"),), "Use the new URL"),
    )
    result = fix_loop(text, trailing_spaces, extra=[redirect])
    assert result.text == "x\nsee https://new.example/longer/path here\n"
    assert result.applied == 2
    # a span after both edits moves with them: "here" was at 2:26..2:30
    assert result.map_span(Span(2, 26, 2, 30)) == Span(2, 37, 2, 41)
    assert result.text.splitlines()[1][36:40] == "here"


_line_text = st.text(alphabet=st.sampled_from(list("ab- \t[]é")), max_size=8)
_ending = st.sampled_from(["\n", "\r\n", "\r"])


@given(st.lists(st.tuples(_line_text, _ending), max_size=12), _line_text)
def test_trailing_space_fix_matches_a_reference_and_is_idempotent(lines, last) -> None:
    text = "".join(line + ending for line, ending in lines) + last
    result = fix_loop(text, trailing_spaces)

    # Emptying a line between a CR and an LF would merge two line endings: that one stays.
    def strip(match: re.Match[str]) -> str:
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        return match.group() if (before, after) == ("\r", "\n") else ""

    expected = re.sub(r"(?<![ \t])[ \t]+(?=\r\n|\r|\n|\Z)", strip, text)
    assert result.text == expected
    assert fix_loop(result.text, trailing_spaces).text == result.text
    assert len(_lines(result.text)) == len(_lines(text))


def test_verification_catches_a_line_no_fix_touched() -> None:
    """The check is linear in the text (no line diff) and still catches stray changes."""
    from listbot.fix import _Range, _verify

    before = "a\nb\nc\n"
    edit = _Range(0, 1, "A")
    _verify(before, "A\nb\nc\n", [edit], frozenset({1}))
    with pytest.raises(FixVerificationError, match="line 2 changed"):
        _verify(before, "A\nB\nc\n", [edit], frozenset({1}))
    with pytest.raises(FixVerificationError, match="line 1 changed"):
        _verify(before, "A\nb\nc\n", [edit], frozenset({2}))
    joined = _Range(1, 2, "")  # "a\nb" -> "ab": line 2 is joined to line 1
    with pytest.raises(FixVerificationError, match="line 2 changed"):
        _verify(before, "ab\nc\n", [joined], frozenset({1}))
    _verify(before, "ab\nc\n", [joined], frozenset({1, 2}))
    inserted = _Range(2, 2, "new\n")  # a new line between lines 1 and 2
    _verify(before, "a\nnew\nb\nc\n", [inserted], frozenset({1}))
    with pytest.raises(FixVerificationError, match="line 2 changed"):
        _verify(before, "a\nnew\nb\nc\n", [inserted], frozenset({3}))
