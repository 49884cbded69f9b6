"""A document whose lines all end alike keeps its lines only; ``Document.text`` joins them
back when first read, into exactly the text that was parsed.

The rules read lines, never the whole text, so a lint run must leave the text unjoined: the
copy kept beside the lines was 14 MB of a 100,000-entry list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listbot.config import Config
from listbot.engine import run_rules
from listbot.model import Document
from listbot.parse import parse, split_lines
from listbot.source import read_source
from tests.conftest import corpus_and_fuzz_params

TEXTS = {
    "empty": "",
    "one newline": "\n",
    "no final newline": "# A\n\n- [x](https://x.example)",
    "final newline": "# A\n\n- [x](https://x.example)\n",
    "blank lines at the end": "# A\n\n\n",
    "blank lines at the start": "\n\n# A\n",
    "crlf": "# A\r\n\r\n- [x](https://x.example) - X.\r\n",
    "crlf without final": "# A\r\n\r\ntext",
    "cr": "# A\r\rtext\r",
    "lf and a crlf": "# A\nb\r\nc\n",
    "crlf and a lf": "# A\r\nb\nc\r\n",
    "cr and a lf": "# A\rb\n",
    "lf and a lone cr": "a\rb\nc\n",
    "crlf and a lone cr": "a\r\nb\rc\r\n",
    "bom": "\ufeff# A\r\n",
    "trailing spaces and tabs": "a  \n\tb\t\n",
    "not line breaks": "a\fb\vc\u2028d\x85e\n",
    "only a cr": "\r",
    "cr lf split": "\r\r\n\n",
}


def deferred(doc: Document) -> bool:
    """Whether the document holds a function for its text, not the text (its private slot:
    what this change is about, so the test reads it)."""
    return callable(doc.__dict__["_deferred_text"])


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_text_reads_back_as_parsed(text: str) -> None:
    doc = parse(text)
    expected = text.removeprefix("\ufeff")
    assert doc.ends_with_newline == expected.endswith(("\n", "\r"))
    assert doc.text == expected
    assert doc.lines == split_lines(expected)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("a\nb\n", False),
        ("a\r\nb\r\n", False),
        ("a\rb", False),
        ("", False),
        ("a\nb\r\n", True),
        ("a\r\nb\n", True),
        ("a\rb\n", True),
    ],
)
def test_only_mixed_line_endings_keep_the_text(text: str, kept: bool) -> None:
    doc = parse(text)
    assert deferred(doc) is not kept
    assert doc.text == text
    assert not deferred(doc)  # joined once, then kept like any field


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.sampled_from("ab #-*[]() \t\f\u2028"), max_size=6),
            st.sampled_from(["\n", "\r\n", "\r"]),
        ),
        max_size=6,
    ),
    st.booleans(),
    st.booleans(),
)
def test_any_line_endings_read_back(
    parts: list[tuple[str, str]], final: bool, uniform: bool
) -> None:
    ends = [parts[0][1] if uniform else end for _, end in parts]
    if ends and not final:
        ends[-1] = ""
    text = "".join(line + end for (line, _), end in zip(parts, ends, strict=True))
    doc = parse(text)
    assert doc.text == text
    assert doc.ends_with_newline == text.endswith(("\n", "\r"))


def test_linting_leaves_the_text_unjoined() -> None:
    doc = parse("# Awesome\n\n- [x](https://x.example) - X.\n- [y](https://y.example)")
    findings = run_rules(doc, Config())
    assert "final-newline" in {finding.rule for finding in findings}
    assert deferred(doc)


@pytest.mark.parametrize("path", corpus_and_fuzz_params())
def test_corpus_text_reads_back(path: Path) -> None:
    source = read_source(path)
    doc = parse(source.text, str(path), bom=source.bom)
    if "\r" not in source.text:
        assert deferred(doc)  # one kind of line ending: nothing to keep
    run_rules(doc, Config())  # a fix that moves entries reads the text: joined then
    assert doc.text == source.text.removeprefix("\ufeff")
