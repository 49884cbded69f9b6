"""Property-based: arbitrary Markdown-ish text never breaks the parser or its positions."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listbot.model import LinkKind
from listbot.parse import parse, positioned_tokens

FRAGMENTS = [
    "- ", "* ", "+ ", "1. ", "2) ", "> ", "  ", "    ", "\t", "\n", "\n\n", "\r\n", "\r",
    "[", "]", "(", ")", "![", "<", ">", "[x](http://a.example)", "[t][r]", "[r]: http://r.example",
    "<https://auto.example>", "https://bare.example", "`", "```", "~~~", "#", "## ", "=", "---",
    "**", "*", "_", "~~", "|", "| a | b |\n|---|---|\n", "<a href='h'>", "</a>", "<img src=i>",
    "<div>", "</div>", "<!--", "-->", "<!-- c -->", "\\", "&amp;", "é", "😀", "：", " - ",
    "[ ] ", "[x] ", "<h1>", "</h1>",
]  # fmt: skip

markdownish = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=40).map(
    "".join
)

_INLINE_STARTS = {
    "text": "",
    "codespan": ("`",),
    "inline_html": ("<",),
    "strong": ("**", "__"),
    "emphasis": ("*", "_"),
    "strikethrough": ("~~",),
}
_STARTS = {
    LinkKind.INLINE: "[",
    LinkKind.REFERENCE: "[",
    LinkKind.IMAGE: "![",
    LinkKind.AUTOLINK: "<",
    LinkKind.HTML_A: "<a",
    LinkKind.HTML_IMG: "<img",
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_parse_never_raises_and_positions_stay_in_the_file(text: str) -> None:
    document = parse(text)
    body = text[1:] if text.startswith("\ufeff") else text
    expected_lines = re.split(r"\r\n|\r|\n", body) if body else []
    if body.endswith(("\n", "\r")):
        expected_lines.pop()
    assert list(document.lines) == expected_lines
    for link in document.links:
        assert 1 <= link.line <= len(document.lines)
        line = document.line_text(link.line)
        assert 1 <= link.column <= len(line)
        start = _STARTS.get(link.kind, link.url)
        assert line[link.column - 1 :].lower().startswith(start.lower()), link
    for item in document.list_items:
        assert document.line_text(item.line)[item.column - 1 :].startswith(item.marker)
    for comment in document.comments:
        assert document.line_text(comment.span.line)[comment.span.column - 1 :].startswith("<!--")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdownish)
def test_positioned_inline_text_is_the_source_text(text: str) -> None:
    document = parse(text)
    stack = positioned_tokens(text)
    while stack:
        token = stack.pop()
        stack.extend(token.get("children", ()))
        if "end_column" not in token or token["type"] not in _INLINE_STARTS:
            continue
        assert token["line"] <= token["end_line"]
        line = document.line_text(token["line"])
        source = line[token["column"] - 1 :]
        assert source.startswith(_INLINE_STARTS[token["type"]]), token
        if token["type"] == "text" and token["line"] == token["end_line"]:
            assert line[token["column"] - 1 : token["end_column"] - 1] == token["raw"]
