"""Markers between an entry's link and its separator, and tags after its description."""

from __future__ import annotations

import pytest

from listbot.parse import parse


def _entry(line: str):
    (entry,) = parse(line + "\n").entries
    return entry


@pytest.mark.parametrize(
    ("line", "markers", "description"),
    [
        ("- [Zolang](https://z.example) :penguin: - A DSL.", [":penguin:"], "A DSL."),
        ("- [Tool](https://t.example) **NEW** - tool is amazing", ["**NEW**"], "tool is amazing"),
        ("- [Lib](https://l.example) *deprecated* - Old.", ["*deprecated*"], "Old."),
        ("- [Pkg](https://p.example) `v2.0` - Helps.", ["`v2.0`"], "Helps."),
        ("- [Old](https://o.example) [deprecated] - Gone.", ["[deprecated]"], "Gone."),
        ("- [X](https://x.example) (Java) - Parser.", ["(Java)"], "Parser."),
        ("- [Z](https://z.example) ⭐ 🔥 - Popular.", ["⭐", "🔥"], "Popular."),
        ("- [W](https://w.example) ⌚ - Watches.", ["⌚"], "Watches."),
        ("- [V](https://v.example):penguin: - Tight.", [":penguin:"], "Tight."),
        (
            "- [foo](https://foo.com) ![stars](https://img.example/s.svg) - Valid.",
            ["![stars](https://img.example/s.svg)"],
            "Valid.",
        ),
        (
            "- [A](https://a.example) [![CI](https://b.example/x.svg)](https://c.example) - Desc.",
            ["[![CI](https://b.example/x.svg)](https://c.example)"],
            "Desc.",
        ),
        # a link whose text is only an emoji is an icon beside the name, like a badge
        (
            "- [jshint](https://j.example) [:information_source:](<https://i.example/2>) - Lints.",
            ["[:information_source:](<https://i.example/2>)"],
            "Lints.",
        ),
    ],
)
def test_markers_before_the_separator(line: str, markers: list[str], description: str) -> None:
    entry = _entry(line)
    assert [tag.raw for tag in entry.markers] == markers
    assert (entry.separator, entry.description_raw) == (" - ", description)
    marker = entry.markers[0]
    assert line[marker.span.column - 1 : marker.span.end_column - 1] == marker.raw


@pytest.mark.parametrize(
    "line",
    [
        "- [foo](https://foo.com) (parenthetical)",  # nothing follows: no separator, no marker
        "- [Tool](https://t.example) by Ann - a talk",  # words are not markers
        "- [D](https://d.example): colon",
    ],
)
def test_no_markers_without_a_separator_after_them(line: str) -> None:
    assert _entry(line).markers == ()


@pytest.mark.parametrize(
    ("line", "description", "tags"),
    [
        (
            "- [App](https://a.example) - Notes. ([Demo](https://d.example),"
            " [Code](https://s.example)) `MIT` `PHP`",
            "Notes.",
            ["([Demo](https://d.example), [Code](https://s.example))", "`MIT`", "`PHP`"],
        ),
        ("- [N](https://n.example) - A plugin `MIT` `C#`", "A plugin", ["`MIT`", "`C#`"]),
        (
            "- [Qt](https://q.example) - A framework. [GPL/LGPL] [website](https://w.example)",
            "A framework.",
            ["[GPL/LGPL]", "[website](https://w.example)"],
        ),
        (
            "- [H](https://h.example) - Analysis. **[Deprecated]**",
            "Analysis.",
            ["**[Deprecated]**"],
        ),
        (
            "- [L](https://l.example) - write to stdout [![CI](https://b.example/x.svg)](https://c.example)",
            "write to stdout",
            ["[![CI](https://b.example/x.svg)](https://c.example)"],
        ),
        ("- [B](https://b.example) - Bindings for `libfoo`", "Bindings for `libfoo`", []),
        (
            "- [P](https://p.example) - Talk by [Ann](https://ann.example)",
            "Talk by [Ann](https://ann.example)",
            [],
        ),
        ("- [Q](https://q.example) - `only code`", "`only code`", []),
        ("- [R](https://r.example) - Terminal tool (daemon)", "Terminal tool (daemon)", []),
    ],
)
def test_trailing_tags(line: str, description: str, tags: list[str]) -> None:
    entry = _entry(line)
    assert entry.description_raw == description
    assert [tag.raw for tag in entry.trailing_tags] == tags
    for tag in entry.trailing_tags:
        assert line[tag.span.column - 1 : tag.span.end_column - 1] == tag.raw


def test_main_link_after_badges_still_found_with_markers() -> None:
    entry = _entry(
        "- [![win](https://i.example/w.svg)](#win) [![mac](https://i.example/m.svg)](#mac)"
        " [Lib](https://l.example) - A library."
    )
    assert (entry.name, entry.description_raw, entry.markers) == ("Lib", "A library.", ())
