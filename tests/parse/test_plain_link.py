"""The inline fast path for plain text, code spans and ``[label](destination)`` links
(``PosInlineParser.plain_inline``) gives exactly the tokens mistune's own inline parser
gives, or steps aside.

Each case is checked against mistune's parser called directly (``InlineParser.__call__``,
the fast path bypassed), on hand-picked near misses, on generated text and on every inline
text of the corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mistune.inline_parser import InlineParser

from listbot.parse import _MARKDOWN, parse
from tests.conftest import corpus_and_fuzz_params

INLINE = _MARKDOWN.inline


def mistune_tokens(text: str, env: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return InlineParser.__call__(INLINE, text, {} if env is None else env)


FAST = [
    "[Link 0](http://127.0.0.2:8080/ok/x/0) - Entry 0.",
    "[name](https://github.com/o/r)",
    "[the hash](u) - which has h and https without a colon",
    "[a](<b c>) - a destination in angle brackets",
    '[a](b "title") - with a title',
    "[a](b)(c) - parentheses after",
    "[a]( b ) - spaces inside the parentheses",
    "[é](ü) - ö, percent-encoded as mistune does",
    "[a](http://x.example/(y)) - balanced parentheses",
    "[Go 1.22](https://go.dev/doc/go1.22#loopvar) | a table cell's text",
    # destinations mistune percent-encodes or unescapes, beside ones it keeps as they are
    "[a](https://x.example/caf%C3%A9?q=1&b=2#top) - kept",
    "[a](https://x.example/a|b'c^d`e{f}) - encoded",
    "[a](https://x.example/a&amp;b) - an entity",
    "[a](https://x.example/\\_x) - an escape",
    '[a](https://x.example/a"b) - a quote',
    "[a](https://x.example/~user/$x*y+z,w;v=u@t!) - kept",
    # code spans and further links in the text, and text before the first link
    "[a](b) - `code`",
    "[a](b) - Does thing 1 with `code` and a [doc link](https://docs.example.org/1).",
    "[a](b) - ``a ` inside`` and `` ` `` and ` both ` and `  ` and ```x```",
    "[a](b) - `*not emphasis* [not](a link) <not html> http://not.a.link`",
    "[a](b) - `x` `` y `` `z`",
    "[a](b)[c](d) - two links in a row, [e](<f g>) one in angle brackets",
    "[a](b) - [c](d 'title') with a title, [e](f) - &amp; an entity",
    "text before [a](b)",
    "just text, with h, hh, (parentheses) and &amp; entities",
    "A heading with `code`",
    "`code` first, then [a](b)",
    "[a](b) - ends with a link [c](d)",
]
SLOW = [
    "[a](b) [c] - a second bracket",
    "[a](b) - see http://x.example",
    "[a](b) - *emphasis*",
    "[a](b) - `unclosed code",
    "[a](b) - ``two opened, one closed`",
    "[a](b) - [c] (d) a space before the parenthesis",
    "[a](b) - [c](d e) not a destination",
    "[a](b) - [c]: d",
    "[a](b) - [ c](d) a space inside the label",
    "[a](b) - [`c`](d) code in the label",
    "[a](b) - a ] alone",
    "`a` then **bold**",
    "snake_case names",
    "Awesome!",
    "[a](b) - a <b>tag</b>",
    "[a](b) - an\\* escape",
    "[a](b) - ~~struck~~",
    "[a](b) - ![image](i)",
    "[a](b) - two\nlines",
    "[ a](b) - a space inside the label",
    "[a ](b) - a space inside the label",
    "[^1](b) - footnote-like",
    "[](b) - an empty label",
    "[http://a.example](b) - a URL as the label",
    "[a](b c) - not a destination",
    "[a] (b) - a space before the parenthesis",
    "[a][r] - a reference",
]


@pytest.mark.parametrize("text", FAST)
def test_plain_entries_take_the_fast_path_with_mistunes_tokens(text: str) -> None:
    fast = INLINE.plain_inline(text)
    assert fast is not None
    assert fast == mistune_tokens(text)
    assert INLINE(text, {}) == fast


@pytest.mark.parametrize("text", SLOW)
def test_anything_more_than_plain_text_is_left_to_mistune(text: str) -> None:
    assert INLINE.plain_inline(text) is None
    assert INLINE(text, {"ref_links": {"r": {"url": "u"}, "c": {"url": "u"}}}) == mistune_tokens(
        text, {"ref_links": {"r": {"url": "u"}, "c": {"url": "u"}}}
    )


PIECES = [
    "[", "]", "(", ")", "<", ">", "*", "_", "~", "`", "\\", "!", "^", "&amp;", "http://",
    "https://x.example", "h", " ", "\t", '"', "'", ":", "#", "|", "é", "a", "b", "\n",
]  # fmt: skip
pieces = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(label=pieces, destination=pieces, tail=pieces)
def test_generated_links_match_mistune(label: str, destination: str, tail: str) -> None:
    text = f"[{label}]({destination}){tail}".strip(" \r\n\t\f")
    fast = INLINE.plain_inline(text)
    if fast is not None:
        assert fast == mistune_tokens(text)


WORDS = ["a", "h", "thing", " ", "(", ")", ":", "&amp;", "&", "é", "-", ".", "|", "#", "'", "/"]
words = st.lists(st.sampled_from(WORDS), max_size=6).map("".join)
code = st.builds(
    lambda ticks, body: f"{ticks}{body}{ticks}",
    st.sampled_from(["`", "``", "```"]),
    st.lists(
        st.sampled_from([*WORDS, "`", "``", "*", "_", "[", "]", "<", "\\", "!"]), max_size=6
    ).map("".join),
)
link = st.builds(
    lambda label, destination: f"[{label}]({destination})",
    st.lists(
        st.sampled_from(["a", "b", " ", "é", "x y", "`", "*", "]", "^"]), min_size=1, max_size=4
    ).map("".join),
    st.sampled_from(["u", "https://x.example/a_b", "<a b>", 'u "t"', "a b", "", "x)y", "%20"]),
)
segments = st.lists(st.one_of(words, code, link), min_size=1, max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=segments)
def test_generated_text_code_and_links_match_mistune(text: str) -> None:
    """Texts made of the pieces the fast path reads, and their near misses (a backtick
    run in code, brackets and stars in a label, a destination mistune refuses)."""
    fast = INLINE.plain_inline(text)
    if fast is not None:
        assert fast == mistune_tokens(text)


plain_words = st.lists(st.sampled_from([w for w in WORDS if w != "/"]), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(
        st.one_of(plain_words.map("".join), st.just("`x`"), st.just("[a](b)")), min_size=1
    )
)
def test_plain_compositions_take_the_fast_path(text: list[str]) -> None:
    """Plain text (without ``://``, a bare URL), code spans and links always do."""
    joined = "".join(text)
    fast = INLINE.plain_inline(joined)
    assert fast is not None and fast == mistune_tokens(joined)


@pytest.mark.parametrize("path", corpus_and_fuzz_params())
def test_every_corpus_text_matches_mistune(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts: list[str] = []
    real = type(INLINE).__call__

    def record(parser: Any, text: str, env: Any) -> Any:
        texts.append(text)
        return real(parser, text, env)

    monkeypatch.setattr(type(INLINE), "__call__", record)
    parse(path.read_text(encoding="utf-8", errors="replace"))
    monkeypatch.undo()
    fast = [(text, INLINE.plain_inline(text)) for text in texts]
    differing = [text for text, tokens in fast if tokens and tokens != mistune_tokens(text)]
    assert differing == []


def test_the_fast_path_stays_off_for_rules_it_does_not_know() -> None:
    from listbot.parse.positions import PosInlineParser

    parser = PosInlineParser()
    assert parser.plain_inline("[a](b) - c") is not None
    parser.register("colon", r":", lambda inline, m, state: None, before="link")
    assert parser.plain_inline("[a](b) - c") is None  # registered after a first use too
    assert INLINE.plain_inline("[a](b) - c") is not None
