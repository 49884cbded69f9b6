"""Bounded work on any input: the fuzz reproducers, generated pathological classes, and a
hypothesis fuzz over mutations of real entries.

Each generated class is timed at n and 4n bytes (best of two runs each): linear work takes
about 4x, quadratic 16x, so the bound of 10x fails a quadratic regression clearly without
asserting any absolute time. Sizes keep each class well under a second.
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listbot.api import lint_text
from listbot.cli import main
from listbot.config import Config
from listbot.engine import finalize
from listbot.findings import Applicability, Edit, Finding, Fix, Related, Severity
from listbot.fix import fix_text
from listbot.model import Span
from listbot.parse import parse
from listbot.parse.limits import MAX_MARKUP_RUN
from tests.conftest import CORPUS, FIXTURES

FUZZ = FIXTURES / "fuzz"
EVERYTHING = Config(select=("ALL",))


def _fuzz_files() -> list[object]:
    files = sorted(p for p in FUZZ.glob("*.md") if p.name != "README.md") if FUZZ.is_dir() else []
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason="no ../shared/fixtures/fuzz"))]
    return [pytest.param(path, id=path.name) for path in files]


@pytest.mark.parametrize("reproducer", _fuzz_files())
def test_fuzz_reproducer_lints_without_internal_error(reproducer: Path, tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(reproducer.read_bytes())
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["lint", "--offline", str(path)])
    assert code in (0, 1, 2)
    assert "internal error" not in err.getvalue() and "Traceback" not in err.getvalue()
    assert path.read_bytes() == reproducer.read_bytes()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        fixed = main(["lint", "--offline", "--fix", str(path)])
        again = main(["lint", "--offline", str(path)])
    assert fixed == again and "This is a bug" not in err.getvalue()


def test_unicode_space_after_the_dash_is_a_separator_problem_with_a_safe_fix() -> None:
    text = "- [Requests](https://github.com/psf/requests) -\u3000Http for humans.\n"
    findings = lint_text(text, config=Config(select=("awesome-list-item",))).findings
    assert [f.message for f in findings] == [
        "List item link and description separated by invalid whitespace"
    ]
    fixed = fix_text(text, "README.md", Config(select=("awesome-list-item",)))
    assert fixed.text == "- [Requests](https://github.com/psf/requests) - Http for humans.\n"


def test_description_wrapped_after_the_dash_is_read_from_the_next_line() -> None:
    text = "# Awesome X\n\n- [Requests](https://github.com/psf/requests) -\n  Http for humans.\n"
    assert lint_text(text, config=Config(select=("awesome-list-item",))).findings == []


# -- generated pathological classes ------------------------------------------------------

_ENTRIES = [
    "- [Requests](https://github.com/psf/requests) - HTTP for humans.",
    "- [httpx](https://github.com/encode/httpx) - A next generation HTTP client.",
    "* [Flask](https://flask.palletsprojects.com/) - A microframework based on Werkzeug.",
    "- [uv](https://github.com/astral-sh/uv) - An extremely fast Python package manager.",
]


def _list_of(size: int) -> str:
    out = ["# Awesome Generated", ""]
    number = 0
    while sum(map(len, out)) < size:
        if number % 50 == 0:
            out += ["", f"## Section {number // 50}", ""]
        out.append(_ENTRIES[number % len(_ENTRIES)].replace("](", f"{number}]("))
        number += 1
    return "\n".join(out) + "\n"


def _stair(size: int) -> str:
    depth = int((size / 2) ** 0.5)
    return "# A\n\n" + "".join("  " * level + "- x\n" for level in range(depth))


def _lint(text: str) -> None:
    lint_text(text, "README.md", config=EVERYTHING)


def _fix(text: str) -> None:
    fix_text(text, "README.md", EVERYTHING, unsafe=True)


CLASSES: dict[str, tuple[Callable[[int], str], Callable[[str], None], int]] = {
    # name: (text of about n bytes, what is timed, n)
    "spaces-before-a-name": (lambda n: "a" + " " * n + "python\n", _lint, 40_000),
    "emphasis-run": (lambda n: "# A\n\n" + "*_" * (n // 2) + "\n", _lint, 20_000),
    "bracket-run": (lambda n: "# A\n\n" + "[" * n + "\n", _lint, 20_000),
    "cjk-crlf-reference-run": (
        lambda n: (
            "*   对象工厂\r\n    *   [factoryboy](https://github.com/x/y)：一个 "
            + "[x][" * (n // 4)
            + "\r\nPython 用的测试固件。\r\n"
        ),
        _lint,
        20_000,
    ),
    "one-long-line": (
        lambda n: "# A\n\n" + " ".join(_ENTRIES * (n // 200))[:n] + "\n",
        _lint,
        40_000,
    ),
    "deep-list": (lambda n: "# A\n\n" + "- " * (n // 2) + "x\n", _lint, 20_000),
    "deep-quote": (lambda n: "# A\n\n" + "> " * (n // 2) + "x\n", _lint, 20_000),
    "stair-nesting": (_stair, _lint, 20_000),
    "big-list": (_list_of, _lint, 40_000),
    "duplicated-lines": (
        lambda n: "".join(line + "\n" + line + "\n" for line in _list_of(n // 2).splitlines()),
        _lint,
        40_000,
    ),
    "tags-on-one-line": (lambda n: "# A\n\n" + "<details>" * (n // 9) + "\n", _lint, 20_000),
    "tabs-and-code-on-one-line": (
        lambda n: "# A\n\n- x " + "`a`\t" * (n // 4) + "\n",
        _lint,
        20_000,
    ),
    "ordered-list-breaks": (lambda n: "# A\n\n" + "1. a\n2. b\n2. c\n" * (n // 15), _lint, 10_000),
    "control-characters": (
        lambda n: "# A\n\n- [a](https://a.dev) - " + "\x01\x0b\x0c\x7f\u2028b" * (n // 6) + ".\n",
        _lint,
        20_000,
    ),
    "unclosed-comments": (lambda n: "# A\n\n<!-- " + "<!-- " * (n // 5) + "\n", _lint, 10_000),
    "unclosed-comments-inline": (lambda n: "# A\n\nx " + "<!-- " * (n // 5) + "\n", _lint, 10_000),
    "image-openers": (
        lambda n: "# A\n\n- [a](https://a.dev) - " + "![ " * (n // 3) + "\n",
        _lint,
        10_000,
    ),
    "heading-with-spaces": (lambda n: "### Be" + " " * n + "nchmark ##\n", _lint, 20_000),
    "heading-with-symbols": (lambda n: "## Be" + "~" * n + "nchmark\n", _lint, 20_000),
    "long-near-equal-titles": (
        lambda n: (
            "# A\n\n"
            + "".join(f"- [{'word ' * (n // 10)}{i}](https://a.dev/{i}) - A.\n" for i in range(2))
        ),
        _lint,
        8_000,
    ),
    "fixes-on-one-line": (
        lambda n: "# A\n\n" + "Use javascript. " * (n // 16) + "\n",
        _fix,
        10_000,
    ),
    "fixes-on-many-lines": (lambda n: "# A\n\n" + "x   \n\n" * (n // 6), _fix, 10_000),
    # an item of thousands of links with no separator: each was tried as the name link
    "links-in-one-item": (
        lambda n: "# A\n\n- " + "[Tool](#tool) " * (n // 14) + "\n",
        _lint,
        40_000,
    ),
    "stale-toc-items": (
        lambda n: (
            "# A\n\n## Contents\n\n"
            + "".join(f"- [Gone {i}](#gone-{i})\n" for i in range(n // 60))
            + "".join(f"\n## Part {i}\n\n- [P](https://p.dev/{i}) - P.\n" for i in range(n // 60))
        ),
        _lint,
        30_000,
    ),
    "long-word-after-a-paper-title": (
        lambda n: "# A\n\n- **A Paper Title** " + "x" * n + " [Paper](https://a.dev)\n",
        _lint,
        2_000,
    ),
}


def _best_of_two(work: Callable[[str], None], text: str) -> float:
    timings = []
    for _ in range(2):
        start = time.perf_counter()
        work(text)
        timings.append(time.perf_counter() - start)
    return min(timings)


@pytest.mark.parametrize("name", list(CLASSES))
def test_work_grows_linearly(name: str) -> None:
    make, work, size = CLASSES[name]
    small, large = make(size), make(4 * size)
    assert 3 * len(small) < len(large) < 5 * len(small)
    small_time, large_time = _best_of_two(work, small), _best_of_two(work, large)
    assert large_time < 10 * max(small_time, 0.002), (name, small_time, large_time)


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        ("# A\n\n" + "*_" * 1_000 + "\n", f"more than {MAX_MARKUP_RUN} markup characters"),
        ("# A\n\n" + "[x][" * 1_000 + "\n", f"more than {MAX_MARKUP_RUN} markup characters"),
        ("# A\n\n" + "- " * 100 + "x\n", "nested more than 20 levels deep"),
        ("# A\n\n" + "> " * 100 + "x\n", "nested more than 20 levels deep"),
    ],
    ids=["emphasis", "references", "lists", "quotes"],
)
def test_capped_input_says_so_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, notice: str
) -> None:
    path = tmp_path / "README.md"
    path.write_text(text * 3, encoding="utf-8")
    main(["lint", "--offline", str(path)])
    err = capsys.readouterr().err
    assert err.count(notice) == 1, err
    assert f"{path}:3:" in err


def test_a_capped_run_keeps_positions_around_it() -> None:
    run = "[x][" * 100
    text = f"# A\n\n- [Foo](https://foo.dev) - Does foo. {run} [Bar](https://bar.dev)\n"
    doc = parse(text)
    assert doc.notices
    foo, bar = (link for link in doc.links)
    assert (foo.line, foo.column, bar.line) == (3, 3, 3)
    assert bar.column == text.splitlines()[2].index("[Bar]") + 1
    assert doc.text == text


def test_finalize_keeps_every_field_of_a_finding() -> None:
    """finalize builds findings field by field (for speed): none may be lost."""
    fix = Fix((Edit(Span(1, 1, 1, 2), "x"),), "Fix", Applicability.UNSAFE)
    finding = Finding(
        "final-newline",
        "message",
        Span(1, 1, 1, 2),
        Severity.INFO,
        "",
        "https://a.dev",
        (Related(1, 1, "here"),),
        fix,
        {"key": "value"},
    )
    config = Config(select=("final-newline",))
    (kept,) = finalize(parse("x\n", "README.md"), config, [finding])
    assert kept == finding.with_(file="README.md") and kept.data == finding.data


# -- hypothesis: mutations of real entries -------------------------------------------------


def _real_lines() -> list[str]:
    lines = [*_ENTRIES, "# Awesome Python", "## Contents", "> A curated list.", ""]
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.md"))[:6]:
            text = path.read_text(encoding="utf-8")
            lines += text.splitlines()[40:120]
    return lines


LINES = _real_lines()
TRICKY = [
    "\u3000", "\u00a0", "\u200b", "\ufeff", "\u2028", "\x0b", "\x0c", "\x01", "\x7f", "\t",
    "\r", "\r\n", "\n", " -", " - ", "-", "[", "]", "(", ")", "*", "_", "`", "<", ">", "!",
    "<!--", "<details>", "&amp;", "\\", "#", "1.", "|", "：", "。", "é", "😀",
]  # fmt: skip


@st.composite
def mutated_lists(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=25))
    text = "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n"]))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "wrap", "nest", "duplicate"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(TRICKY)) * draw(st.integers(1, 3)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif kind == "wrap":
            text = text.replace(") - ", ") -\n  ", 1)
        elif kind == "nest":
            text = text[:at] + draw(st.sampled_from(["- ", "> ", "  ", "1. "])) * 30 + text[at:]
        else:
            text = text[:at] + text[at : at + 200] * 3 + text[at:]
    return text


@given(mutated_lists())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_mutation_of_real_entries_lints_and_fixes(text: str) -> None:
    result = lint_text(text, "README.md", config=EVERYTHING)
    last_line = len(result.document.lines) + 1
    for finding in result.findings:
        assert 1 <= finding.line <= finding.end_line <= last_line, finding
        assert finding.column >= 1 and finding.end_column >= 1, finding
    fixed = fix_text(text, "README.md", EVERYTHING, unsafe=True)  # never a verification error
    lint_text(fixed.text, "README.md", config=EVERYTHING)


@given(st.text(alphabet="# \t\u3000ab\\", max_size=12))
def test_closing_hashes_are_removed_as_the_regex_does(text: str) -> None:
    import re

    from listbot.parse.blocks import without_closing_hashes

    stripped = text.strip()
    assert without_closing_hashes(stripped) == re.sub(r"(\s+|^)#+\s*$", "", stripped)
    expected = re.sub(r"(?:^|[ \t]+)#+[ \t]*$", "", text)
    assert without_closing_hashes(text, " \t") == expected
