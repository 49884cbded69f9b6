"""Golden tests for tricky Markdown: positions, kinds and entry fields, worked out by hand."""

from __future__ import annotations

import mistune

from listbot.model import Document, Link, LinkKind, Span
from listbot.parse import parse, positioned_tokens


def at(document: Document, link: Link) -> str:
    """The file text from a link's reported position to the end of its line."""
    return document.line_text(link.line)[link.column - 1 :]


def positions(document: Document) -> list[tuple[str, int, int]]:
    return [(link.kind.value, link.line, link.column) for link in document.links]


def test_nested_lists_give_positions_depths_and_children() -> None:
    doc = parse("- [A](a) - top\n  - [B](b) - child\n    - [C](c) - grandchild\n- [D](d)\n")
    assert positions(doc) == [
        ("inline", 1, 3),
        ("inline", 2, 5),
        ("inline", 3, 7),
        ("inline", 4, 3),
    ]
    assert [(i.line, i.column, i.depth, i.indent) for i in doc.list_items] == [
        (1, 1, 0, 0),
        (2, 3, 1, 2),
        (3, 5, 2, 4),
        (4, 1, 0, 0),
    ]
    top = doc.entries
    assert [e.name for e in top] == ["A", "D"]
    assert [c.name for c in top[0].children] == ["B"]
    assert [c.name for c in top[0].children[0].children] == ["C"]
    assert [e.name for e in doc.all_entries] == ["A", "B", "C", "D"]
    # Items of one list share list_index; a nested list gets its own.
    assert doc.list_items[0].list_index == doc.list_items[3].list_index
    assert doc.list_items[1].list_index != doc.list_items[0].list_index


def test_block_quote_with_list_and_lazy_line() -> None:
    doc = parse("> - [Q](q) - in quote\n>   - [R](r)\n> lazy\n")
    assert positions(doc) == [("inline", 1, 5), ("inline", 2, 7)]
    first, second = doc.list_items
    assert (first.column, first.indent) == (3, 0)
    assert (second.column, second.depth) == (5, 1)
    child = doc.entries[0].children[0]
    assert child.description == "lazy"
    assert child.description_span is not None
    assert (child.description_span.line, child.description_span.column) == (3, 3)


def test_lazy_continuation_line_belongs_to_the_item() -> None:
    doc = parse("- [A](a) - first line\ncontinued lazily [L](l)\n")
    (entry,) = doc.entries
    assert [link.url for link in entry.links] == ["a", "l"]
    assert entry.description == "first line continued lazily L"
    assert (entry.span.end_line, doc.links[1].line, doc.links[1].column) == (2, 2, 18)


def test_tabs_are_one_column() -> None:
    doc = parse("-\t[T](t) - tab gap\n\t- [U](u) - tab indent\n")
    assert positions(doc) == [("inline", 1, 3), ("inline", 2, 4)]
    assert [(i.column, i.indent, i.content_gap) for i in doc.list_items] == [(1, 0, 1), (2, 1, 1)]
    assert all(at(doc, link).startswith("[") for link in doc.links)


def test_ordered_item_with_empty_first_line_and_paren_marker() -> None:
    doc = parse("1.\n   [E](e) - empty first line\n2) [F](f)\n")
    assert positions(doc) == [("inline", 2, 4), ("inline", 3, 4)]
    first, second = doc.list_items
    assert (first.marker, first.number, first.ordered, first.content_gap) == ("1.", 1, True, 0)
    assert (second.marker, second.number) == ("2)", 2)
    assert first.list_index != second.list_index  # "." to ")" starts a new list
    assert doc.entries[0].span.line == 1 and doc.entries[0].description == "empty first line"


def test_setext_and_atx_headings_and_slugs() -> None:
    doc = parse("Title\n=====\n\nSub [x](y)\n---\n\n## ATX ##\n\n## ATX\n")
    assert [(h.level, h.text, h.style, h.line) for h in doc.headings] == [
        (1, "Title", "setext", 1),
        (2, "Sub x", "setext", 4),
        (2, "ATX", "atx", 7),
        (2, "ATX", "atx", 9),
    ]
    assert [h.slug for h in doc.headings] == ["title", "sub-x", "atx", "atx-1"]
    assert doc.headings[1].raw == "Sub [x](y)"
    assert doc.headings[1].span.end_line == 5
    assert doc.title is not None and doc.title.text == "Title"
    assert [s.text for s in doc.sections] == ["Title"]
    assert [s.path for s in doc.sections[0].children] == [
        ("Title", "Sub x"),
        ("Title", "ATX"),
        ("Title", "ATX"),
    ]
    assert positions(doc) == [("inline", 4, 5)]


def test_image_inside_link_and_main_link_after_badge() -> None:
    doc = parse("- [![img](a.png)](b) [Name](n) - desc\n")
    assert positions(doc) == [("inline", 1, 3), ("image", 1, 4), ("inline", 1, 22)]
    badge = doc.links[0]
    assert badge.image_urls == ("a.png",) and badge.raw == "[![img](a.png)](b)"
    (entry,) = doc.entries
    assert (entry.name, entry.url, entry.separator, entry.description) == (
        "Name",
        "n",
        " - ",
        "desc",
    )
    assert len(entry.images) == 1


def test_multi_line_label() -> None:
    doc = parse("- [multi\n  line](m) - desc\n")
    (link,) = doc.links
    assert (link.line, link.column, link.span.end_line, link.span.end_column) == (1, 3, 2, 11)
    assert link.text == "multi line"
    assert link.raw == "[multi\n  line](m)"


def test_reference_links_and_definitions() -> None:
    text = (
        "- [Ref][r] - d\n- [Short] - s\n- [Coll][] - c\n\n"
        '[r]: https://r.example "Title R"\n[short]: <https://s.example>\n'
        "[coll]: https://c.example\n[unused]: https://u.example\n"
    )
    doc = parse(text)
    assert [(k.kind, k.label, k.url, k.definition_line) for k in doc.links] == [
        (LinkKind.REFERENCE, "r", "https://r.example", 5),
        (LinkKind.REFERENCE, "Short", "https://s.example", 6),
        (LinkKind.REFERENCE, "Coll", "https://c.example", 7),
    ]
    assert doc.links[0].title == "Title R"
    assert [(d.label, d.span.line, d.used) for d in doc.definitions] == [
        ("r", 5, True),
        ("short", 6, True),
        ("coll", 7, True),
        ("unused", 8, False),
    ]
    assert [e.url for e in doc.entries] == [
        "https://r.example",
        "https://s.example",
        "https://c.example",
    ]


def test_autolinks_and_bare_urls() -> None:
    doc = parse("- <https://auto.example> - autolink\n- see https://bare.example/x. - bare\n")
    auto, bare = doc.links
    assert (auto.kind, auto.url, auto.column, auto.raw) == (
        LinkKind.AUTOLINK,
        "https://auto.example",
        3,
        "<https://auto.example>",
    )
    assert (bare.kind, bare.url, bare.column) == (LinkKind.BARE, "https://bare.example/x", 7)


def test_task_list_items() -> None:
    doc = parse("- [ ] [Task](t) - todo\n- [x] done [D](d)\n")
    assert positions(doc) == [("inline", 1, 7), ("inline", 2, 12)]
    assert positioned_tokens("- [ ] x\n")[0]["children"][0]["type"] == "task_list_item"
    assert doc.entries[0].description == "todo"


def test_pipe_table_links_are_in_table() -> None:
    doc = parse('| a | b |\n|---|---|\n| [c](cc) | <a href="h">H</a> |\n')
    md, html = doc.links
    assert (md.kind, md.line, md.column, md.in_table) == (LinkKind.INLINE, 3, 3, True)
    assert (html.kind, html.line, html.column, html.in_table, html.text) == (
        LinkKind.HTML_A,
        3,
        13,
        True,
        "H",
    )
    assert [b.kind for b in doc.text_blocks].count("table_cell") == 4
    assert doc.entries == ()


def test_html_block_links_images_and_heading() -> None:
    text = (
        '<p align="center">\n'
        '  <a href="https://x.example"><img src="logo.png" alt="Logo"></a>\n'
        "</p>\n\n"
        '<h1 align="center">Big Title</h1>\n'
    )
    doc = parse(text)
    anchor, image = doc.links
    assert (anchor.kind, anchor.url, anchor.line, anchor.column, anchor.in_html) == (
        LinkKind.HTML_A,
        "https://x.example",
        2,
        3,
        True,
    )
    assert anchor.image_urls == ("logo.png",)
    assert (image.kind, image.url, image.text, image.column) == (
        LinkKind.HTML_IMG,
        "logo.png",
        "Logo",
        31,
    )
    assert doc.title is not None and (doc.title.text, doc.title.style, doc.title.line) == (
        "Big Title",
        "html",
        5,
    )
    assert doc.headings[0].slug == "big-title"


def test_html_block_inside_a_list_item() -> None:
    doc = parse('- item\n\n  <a href="https://in.example">In</a>\n')
    (link,) = doc.links
    assert (link.line, link.column) == (3, 3)
    assert doc.entries[0].url == "https://in.example"


def test_inline_html_anchor_as_main_link_and_comment_on_the_same_line() -> None:
    doc = parse('- <a href="https://i.example">Inline</a> - desc <!--lint ignore list-item-->\n')
    (link,) = doc.links
    assert (link.kind, link.text, link.column) == (LinkKind.HTML_A, "Inline", 3)
    (entry,) = doc.entries
    assert (entry.separator, entry.description) == (" - ", "desc")
    (comment,) = doc.comments
    assert (comment.text, comment.span.line, comment.span.column) == (
        "lint ignore list-item",
        1,
        49,
    )


def test_block_comments_anywhere() -> None:
    doc = parse("<!--lint disable-->\n\n- [a](b)\n\n> <!-- quoted -->\n")
    assert [(c.text, c.span.line, c.span.column) for c in doc.comments] == [
        ("lint disable", 1, 1),
        (" quoted ", 5, 3),
    ]


def test_code_is_never_a_link() -> None:
    doc = parse(
        "`[no](link)` and `https://no.example`\n\n```\n[no](link) https://no.example\n```\n\n"
        "    [indented](code)\n\n- `[no](x)` item\n"
    )
    assert doc.links == ()
    assert sorted(doc.code_lines) == [3, 4, 5, 7]
    assert doc.entries == ()
    assert len(doc.list_items) == 1


def test_crlf_bom_and_tabs_do_not_shift_positions() -> None:
    doc = parse("\ufeff# T\r\n\r\n-\t[A](a)\r\n- [B](b) - x\r\n")
    assert doc.bom is True
    assert doc.newline == "\r\n"
    assert doc.lines == ("# T", "", "-\t[A](a)", "- [B](b) - x")
    assert positions(doc) == [("inline", 3, 3), ("inline", 4, 3)]
    assert doc.entries[1].description_span is not None
    assert doc.entries[1].description_span.column == 12


def test_lone_cr_line_endings() -> None:
    doc = parse("# T\r\r- [A](a)\r")
    assert doc.lines == ("# T", "", "- [A](a)")
    assert positions(doc) == [("inline", 3, 3)]


def test_url_as_written_not_percent_encoded() -> None:
    doc = parse(
        "- [é](https://例え.jp/a%20b?q=[x]) - x\n- [esc](https://e.example/a\\_b&amp;c) - y\n"
    )
    assert [link.url for link in doc.links] == [
        "https://例え.jp/a%20b?q=[x]",
        "https://e.example/a_b&c",
    ]


def test_separators_as_written() -> None:
    doc = parse(
        "- [A](a) - dash\n- [B](b) — em\n- [C](c)：全角\n- [D](d): colon\n"
        "- **[E](e)** - bold\n- [F](f)\n"
    )
    assert [(e.name, e.separator, e.description) for e in doc.entries] == [
        ("A", " - ", "dash"),
        ("B", " — ", "em"),
        ("C", "：", "全角"),
        ("D", ": ", "colon"),
        ("E", " - ", "bold"),
        ("F", "", ""),
    ]


def test_main_link_is_the_one_followed_by_a_separator() -> None:
    doc = parse("- 🔥 [Docs](d) [Name](n) - desc\n")
    assert doc.entries[0].name == "Name"


def test_group_label_item_without_links_passes_children_up() -> None:
    doc = parse("- **Group**\n  - [A](a) - x\n  - [B](b) - y\n")
    assert len(doc.list_items) == 3
    assert [e.name for e in doc.entries] == ["A", "B"]


def test_image_only_items_are_not_entries() -> None:
    doc = parse("- ![badge](b.svg)\n- [![logo](l.png)](https://l.example) - linked logo\n")
    assert [e.url for e in doc.entries] == ["https://l.example"]


def test_classic_and_paper_entries() -> None:
    doc = parse(
        "- [Name](https://n.example) - Description.\n"
        "- GPT-3 **Language Models are Few-Shot Learners**, NeurIPS 2020, [Paper](https://arxiv.org/abs/2005.14165)\n"
        '1. <u>T5</u>: **"Exploring the Limits"**. *Colin Raffel et al.* JMLR 2019. [[Paper](https://arxiv.org/abs/1910.10683)]\n'
    )
    classic, paper = doc.entries[0], doc.entries[1]
    assert classic.paper is None
    assert paper.paper is not None
    assert (paper.paper.title, paper.paper.venue, paper.paper.year) == (
        "Language Models are Few-Shot Learners",
        "NeurIPS",
        2020,
    )
    title_span = paper.paper.title_span
    assert title_span is not None
    assert doc.line_text(2)[title_span.column - 1 :].startswith("Language Models")
    assert paper.paper.year_span is not None
    assert doc.line_text(2)[paper.paper.year_span.column - 1 :].startswith("2020")
    third = doc.entries[2].paper
    assert third is not None
    assert (third.title, third.venue, third.year, third.authors) == (
        "Exploring the Limits",
        "JMLR",
        2019,
        "Colin Raffel et al.",
    )
    assert doc.entries[2].url == "https://arxiv.org/abs/1910.10683"


def test_every_block_token_has_lines_and_no_private_keys() -> None:
    stack = positioned_tokens(
        "# T\n\n- a\n  > q\n\n| x |\n|---|\n| y |\n\n```\nc\n```\n\n<div>\n</div>\n"
    )
    seen = 0
    while stack:
        token = stack.pop()
        assert not [key for key in token if key.startswith("_")]
        assert isinstance(token["line"], int) and isinstance(token["end_line"], int), token
        assert token["line"] <= token["end_line"]
        seen += 1
        if token["type"] not in ("paragraph", "block_text", "heading", "table_cell"):
            stack.extend(token.get("children", ()))
    assert seen >= 12


def test_empty_and_whitespace_documents() -> None:
    for text in ("", "\n", "   \n\n", "\ufeff"):
        doc = parse(text)
        assert doc.links == () and doc.entries == () and doc.title is None


def test_deep_nesting_degrades_without_crashing() -> None:
    text = "".join("  " * depth + "- [x](y)\n" for depth in range(1000))
    doc = parse(text)
    assert len(doc.lines) == 1000
    assert doc.list_items  # mistune caps nesting; the deep rest becomes item text
    assert all(
        doc.line_text(link.line)[link.column - 1 :].startswith("[x](y)") for link in doc.links
    )
    quotes = parse(">" * 1000 + " [q](r)\n")
    assert len(quotes.lines) == 1


def test_best_effort_positions_for_text_and_emphasis() -> None:
    text = "- x __y__ [z **w**](u) *q* ~~s~~ \\*e\n"
    doc = parse(text)
    found = {}
    stack = positioned_tokens(text)
    while stack:
        token = stack.pop()
        stack.extend(token.get("children", ()))
        if token["type"] in ("text", "strong", "emphasis", "strikethrough") and "column" in token:
            source = doc.line_text(token["line"])[token["column"] - 1 : token["end_column"] - 1]
            found.setdefault(token["type"], []).append(source)
            if token["type"] == "text":
                assert source == token["raw"]
    assert sorted(found["strong"]) == ["**w**", "__y__"]
    assert found["emphasis"] == ["*q*"]
    assert found["strikethrough"] == ["~~s~~"]
    assert "*e" not in found["text"]  # escaped text is left without a position


def test_definitions_are_the_ones_mistune_accepts() -> None:
    doc = parse(
        'para\n[x]: http://not.example\n\n[y]:\n  http://y.example "T"\n\n'
        "```\n[w]: http://code.example\n```\n\n[z]: http://z.example\n\n[Y] [z]\n"
    )
    assert [(d.label, d.url, d.title, d.span.line, d.used) for d in doc.definitions] == [
        ("y", "http://y.example", "T", 4, True),
        ("z", "http://z.example", None, 11, True),
    ]
    assert [(link.kind, link.definition_line) for link in doc.links] == [
        (LinkKind.BARE, None),  # "[x]: ..." inside a paragraph is text with a bare URL
        (LinkKind.REFERENCE, 4),
        (LinkKind.REFERENCE, 11),
    ]


def test_links_inside_strikethrough_keep_file_positions() -> None:
    doc = parse("- ~~[Old](https://old.example)~~ - deprecated\n")
    assert positions(doc) == [("inline", 1, 5)]
    assert doc.entries[0].url == "https://old.example"
    assert doc.entries[0].description == "deprecated"
    table = parse("| a |\n|---|\n| ~~<a href='h'>x</a>~~ |\n")
    assert positions(table) == [("html_a", 3, 5)]


def test_link_destination_fast_path_returns_what_mistune_returns() -> None:
    from listbot.parse import positions as hooks  # (positions() is a helper in this file)

    destinations = [
        "https://a.example/x) - d",
        "https://a.example/x",
        'https://a.example/x "t")',
        "https://a.example/(x)) y",
        "https://a.example/\\(x)",
        "<https://a.example/x>)",
        "  https://a.example/x)",
        "\thttps://a.example/x)",
        ")",
        "",
        "a\x0bb)",
        "a\x7fb)",
        "a\nb)",
        "a\rb)",
        "a\fb)",
        "é/ü)",
        "a(b",
    ]
    for text in destinations:
        for block in (False, True):
            for start in range(len(text) + 1):
                src = "[x](" + text
                assert hooks._parse_link_href(
                    src, 4 + start, block
                ) == hooks._original_parse_link_href(src, 4 + start, block), (text, start)


def test_other_mistune_instances_are_untouched() -> None:
    parse("- [warm](up)\n")
    plain = mistune.create_markdown(renderer=None, plugins=["table", "url", "task_lists"])
    tokens = plain("- [a](b)\n\n> [c](d)\n")
    stack = list(tokens)  # type: ignore[arg-type]
    while stack:
        token = stack.pop()
        assert not [key for key in token if key.startswith("_") or key in ("line", "column")]
        stack.extend(token.get("children", ()))


def test_links_in_footnote_definitions() -> None:
    doc = parse(
        "Text[^1] and [^n].\n\n[^1]: See [docs](https://d.example).\n[^n]: Unused <https://u.example>\n"
    )
    assert positions(doc) == [("inline", 3, 11), ("autolink", 4, 14)]
    assert [block.kind for block in doc.text_blocks] == ["paragraph", "paragraph", "paragraph"]


def test_heading_spans_start_at_the_marker_inside_list_items_too() -> None:
    doc = parse("- # Head [h](hh)\n- Setext [s](ss)\n  ---\n\n  ## Indented ##\n")
    assert [(h.style, h.span, h.raw) for h in doc.headings] == [
        ("atx", Span(1, 3, 1, 17), "Head [h](hh)"),
        ("setext", Span(2, 3, 3, 6), "Setext [s](ss)"),
        ("atx", Span(5, 3, 5, 17), "Indented"),
    ]


def test_html_image_inside_a_markdown_link_is_a_badge_of_that_link() -> None:
    doc = parse('[<img src="https://b.example/x.svg?a=1&amp;b=2" alt="b">](https://l.example)\n')
    link, image = doc.links
    assert (link.kind, link.image_urls) == (LinkKind.INLINE, ("https://b.example/x.svg?a=1&b=2",))
    assert (image.kind, image.column) == (LinkKind.HTML_IMG, 2)
