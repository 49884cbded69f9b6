"""double-link and duplicate-entry beyond the scenario files: options, the corpus, scale.

Documents are built directly from the model here, so these tests do not depend on how the
parser reads a particular line; the corpus test goes through the real parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from listbot.config import Config, ConfigError, config_from_mapping
from listbot.model import Document, Entry, Link, LinkKind, ListItem, Paper, Span
from listbot.rules import double_link, duplicate_entry
from tests.conftest import CORPUS


def _entry(
    line: int, url: str, text: str = "Thing", title: str | None = None, year: int | None = None
) -> Entry:
    markup = f"[{text}]({url})"
    prefix = f"- **{title}**, 2020. " if title else "- "
    column = len(prefix) + 1
    link = Link(LinkKind.INLINE, url, text, Span.at(line, column, len(markup)), raw=markup)
    item = ListItem(
        span=Span.at(line, 1, len(prefix) + len(markup)),
        marker="-",
        ordered=False,
        number=None,
        indent=0,
        content_gap=1,
        depth=0,
        list_index=0,
        loose=False,
        first_line=prefix + markup,
    )
    paper = (
        Paper(title=title, title_span=Span.at(line, 5, len(title)), year=year) if title else None
    )
    return Entry(item, (), prefix + markup, link, "", "", "", None, (link,), paper=paper)


def _doc(entries: list[Entry], extra_links: tuple[Link, ...] = ()) -> Document:
    last = max((e.line for e in entries), default=0)
    lines = tuple(entry.raw for entry in entries) if entries else ()
    links = tuple(link for entry in entries for link in entry.links) + extra_links
    return Document(
        path="<test>",
        text="\n".join(lines) + "\n",
        lines=lines + ("",) * max(0, last - len(lines)),
        newline="\n",
        bom=False,
        title=None,
        headings=(),
        sections=(),
        list_items=tuple(entry.item for entry in entries),
        entries=tuple(entries),
        links=links,
        definitions=(),
        html=(),
        comments=(),
        text_blocks=(),
        code_lines=frozenset(),
    )


def _double(doc: Document, **options: object) -> list[tuple[int, int | None]]:
    found = double_link.check(doc, double_link.Options(**options))  # type: ignore[arg-type]
    return [(f.line, f.data.get("first_line")) for f in found]


def test_double_link_reports_every_occurrence_naming_the_first() -> None:
    doc = _doc(
        [
            _entry(1, "https://github.com/a/b"),
            _entry(2, "https://example.org"),
            _entry(3, "http://www.github.com/A/B.git/"),
            _entry(4, "https://github.com/a/b#readme"),
        ]
    )
    # every occurrence, as awesome-lint does; each names the first
    assert _double(doc) == [(1, 1), (3, 1), (4, 1)]


def test_double_link_allow_list() -> None:
    doc = _doc([_entry(1, "https://github.com/a/b"), _entry(2, "https://github.com/a/b")])
    assert _double(doc, allow=("https://github.com/a/*",)) == []
    assert _double(doc, allow=("https://gitlab.com/*",)) == [(1, 1), (2, 1)]


def test_double_link_scope_all_counts_description_links() -> None:
    react = Link(LinkKind.INLINE, "https://react.dev", "React", Span.at(1, 40, 27))
    react_again = Link(LinkKind.INLINE, "https://react.dev/", "React", Span.at(2, 40, 28))
    doc = _doc([_entry(1, "https://a.dev"), _entry(2, "https://b.dev")], (react, react_again))
    assert _double(doc) == []
    assert _double(doc, scope="all") == [(1, 1), (2, 1)]


def test_double_link_same_section_is_an_error_two_sections_a_warning() -> None:
    from listbot.parse import parse

    text = (
        "# A\n\n## Web\n\n- [Foo](https://foo.dev) - Foo.\n- [Foo](https://foo.dev/) - Again.\n"
        "\n## CLI\n\n- [Bar](https://bar.dev) - Bar.\n\n"
        "## Tools\n\n- [Bar](https://bar.dev) - Bar.\n"
    )
    found = double_link.check(parse(text), double_link.Options())
    assert [(f.line, f.severity.value) for f in found] == [
        (5, "error"),
        (6, "error"),
        (10, "warning"),
        (14, "warning"),
    ]


def test_double_link_places_are_headings_and_labels_not_titles() -> None:
    from listbot.parse import parse

    # two "### Models" (one per language) are two places; so are two label items
    text = (
        "# A\n\n### Thai\n\n### Models\n\n- [Sailor](https://s.dev) - Thai.\n\n"
        "### Malay\n\n### Models\n\n- [Sailor](https://s.dev) - Malay.\n\n## Web\n\n"
        "* NoSQL [[nosql](https://crates.io/keywords/nosql)]\n  * [Db](https://db.dev) - Db.\n"
        "* SQL [[sql](https://crates.io/keywords/sql)]\n  * [Db](https://db.dev) - Db.\n"
    )
    found = double_link.check(parse(text), double_link.Options())
    assert [(f.line, f.severity.value) for f in found] == [
        (7, "warning"),
        (13, "warning"),
        (18, "warning"),
        (20, "warning"),
    ]


def test_double_link_groups_under_a_label_paragraph_or_rule_are_two_places() -> None:
    from listbot.parse import parse

    # a highlights section that repeats a survey under two quoted labels, split by a rule
    survey = "- **A Survey of X**  \narXiv 2024, [Paper](https://arxiv.org/abs/2411.15296)\n"
    text = (
        f"# A\n\n## Highlights\n\n> **Surveys**\n\n{survey}\n---\n\n"
        f"> **Benchmarks**\n\n{survey}\n## Web\n\nSome tools.\n\n"
        "- [Foo](https://foo.dev) - Foo.\n- [Foo](https://foo.dev) - Again.\n"
        "<!-- a comment groups nothing -->\n- [Foo](https://foo.dev) - Thrice.\n"
    )
    found = double_link.check(parse(text), double_link.Options())
    assert [(f.line, f.severity.value) for f in found] == [
        (8, "warning"),
        (15, "warning"),
        (21, "error"),
        (22, "error"),
        (24, "error"),
    ]


def test_double_link_table_rows_are_named_by_their_cells() -> None:
    from listbot.parse import parse

    # two benchmarks of one paper are two rows; the same row pasted twice is a slip
    paper = '"Multi-lingual Evaluation" [[paper](https://arxiv.org/abs/2210.14868)]'
    slip = "| 2021-07 | HumanEval | [[paper](https://arxiv.org/abs/2107.03374)] |\n"
    text = (
        "# A\n\n| date | benchmark | paper |\n|---|---|---|\n"
        f"| 2022-10 | MBXP | {paper} |\n| 2022-10 | MathQA-X | {paper} |\n{slip}{slip}"
    )
    found = double_link.check(parse(text), double_link.Options())
    assert [(f.line, f.severity.value) for f in found] == [
        (5, "warning"),
        (6, "warning"),
        (7, "error"),
        (8, "error"),
    ]


def test_double_link_sentences_under_entries_are_notes_not_entries() -> None:
    from listbot.parse import parse

    # two courses by one teacher: the notes under them link him, neither lists him
    text = (
        "# A\n\n## Algorithms\n\n- [ECS 122A](https://a.example/122a) Algorithms\n"
        "\t- Taught by [Dan Gusfield](https://d.example/dan) in 2010, an introduction.\n"
        "- [ECS 222A](https://a.example/222a) Graduate algorithms\n"
        "\t- The graduate complement to ECS 122A by [Dan Gusfield](https://d.example/dan).\n"
        "- [ECS 122A](https://a.example/122a) Algorithms, again\n"
    )
    found = double_link.check(parse(text), double_link.Options())
    assert [(f.line, f.severity.value) for f in found] == [(5, "error"), (9, "error")]


def test_double_link_cross_listing_as_a_convention_is_one_info() -> None:
    from listbot.parse import parse

    def listing(count: int) -> str:
        names = [f"Tool{n}" for n in range(count)]
        web = "".join(f"- [{n}](https://{n.lower()}.dev) - {n}.\n" for n in names)
        return (
            f"# A\n\n## Web\n\n{web}\n## CLI\n\n{web}\n## Misc\n\n{web[: web.index(chr(10)) + 1]}"
        )

    few = list(double_link.check(parse(listing(4)), double_link.Options()))
    assert {f.severity.value for f in few} == {"warning"} and len(few) == 9
    limit = double_link.CROSS_LISTING_CONVENTION
    many = list(double_link.check(parse(listing(limit)), double_link.Options()))
    assert [(f.severity.value, f.line) for f in many] == [("info", 8 + limit)]
    assert many[0].message.startswith(f"{limit} URLs are listed in more than one section")
    # a copy-paste slip inside one section is still an error in a list that cross-lists
    slip = listing(limit) + "- [Tool0](https://tool0.dev) - Tool0.\n"
    found = list(double_link.check(parse(slip), double_link.Options()))
    assert [f.severity.value for f in found].count("info") == 1
    assert {f.line for f in found if f.severity.value == "error"} == {
        11 + 2 * limit,
        12 + 2 * limit,
    }


@pytest.mark.parametrize("scope", ["main", "all"])
def test_double_link_hash_collisions_change_nothing(
    scope: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from listbot.parse import parse

    # every key hashing alike sends every link to the grouping pass: the same findings
    slip = "| 2021-07 | HumanEval | [[paper](https://arxiv.org/abs/2107.03374)] |\n"
    text = (
        "# A\n\n## Web\n\n- [Foo](https://foo.dev) - Foo.\n- [Bar](https://bar.dev) - Bar.\n"
        "- [Foo](http://www.foo.dev/) - Foo again.\n\n## CLI\n\n- [Bar](https://bar.dev/) - B.\n"
        "- [Baz](https://baz.dev) - Baz, once.\n\n| date | benchmark | paper |\n|---|---|---|\n"
        f"{slip}{slip}"
    )
    options = double_link.Options(scope=scope)
    usual = [(f.line, f.severity, f.message) for f in double_link.check(parse(text), options)]
    assert len(usual) >= 6
    monkeypatch.setattr(double_link, "hash", lambda key: 0, raising=False)
    colliding = [(f.line, f.severity, f.message) for f in double_link.check(parse(text), options)]
    assert colliding == usual


def test_double_link_ignored_occurrence_leaves_its_partner_alone() -> None:
    from listbot.api import lint_text

    text = (
        "# A\n\n- [Foo](https://foo.dev) - Foo.\n\n<!--lint ignore double-link-->\n"
        "- [Foo](https://foo.dev) - On purpose.\n"
    )
    assert lint_text(text, "r.md", config=Config(select=("double-link",))).findings == []


def test_double_link_scope_is_validated_in_config() -> None:
    config = config_from_mapping({"rules": {"double-link": {"scope": "all"}}})
    assert config.rule_options("double-link").scope == "all"
    with pytest.raises(ConfigError, match="scope"):
        config_from_mapping({"rules": {"double-link": {"scope": "everything"}}})


def _duplicates(doc: Document, **options: object) -> list[tuple[int, str, str]]:
    found = duplicate_entry.check(doc, duplicate_entry.Options(**options))  # type: ignore[arg-type]
    return [(f.line, f.severity.value, f.data["reason"]) for f in found]


def test_duplicate_entry_same_title_and_same_arxiv_paper() -> None:
    doc = _doc(
        [
            _entry(
                1,
                "https://arxiv.org/abs/2005.14165",
                "Paper",
                "Language Models are Few-Shot Learners",
                2020,
            ),
            _entry(
                2, "https://neurips.cc/x", "Paper", "language models are few shot learners", 2020
            ),
            _entry(3, "https://doi.org/10.48550/arXiv.2005.14165", "Paper", "GPT-3"),
            # abs and pdf forms are one URL: double-link reports that, not this rule
            _entry(4, "https://arxiv.org/pdf/2005.14165v2.pdf", "Paper", "GPT-3 again"),
            # one title, no year or author to confirm it: possibly a different work
            _entry(5, "https://other.org/y", "Paper", "Language Models are Few-Shot Learners"),
        ]
    )
    assert _duplicates(doc) == [
        (2, "error", "same title"),
        (3, "error", "same arXiv paper (2005.14165)"),
        (5, "warning", "same title"),
    ]


def test_duplicate_entry_same_doi_under_two_urls() -> None:
    doc = _doc(
        [
            _entry(1, "https://doi.org/10.1145/3394486.3403372", "Paper", "Shop The Look"),
            _entry(2, "https://dl.acm.org/doi/abs/10.1145/3394486.3403372", "Paper", "Shop"),
        ]
    )
    assert _duplicates(doc) == [(2, "error", "same DOI (10.1145/3394486.3403372)")]


def test_duplicate_entry_near_equal_titles_are_warnings() -> None:
    doc = _doc(
        [
            _entry(1, "https://a.org/1", "Paper", "Scaling Laws for Neural Language Models"),
            _entry(2, "https://a.org/2", "Paper", "Scaling Law for Neural Language Models"),
            _entry(3, "https://a.org/3", "Paper", "Llama 2: Open Foundation and Chat Models"),
            _entry(4, "https://a.org/4", "Paper", "Llama 3: Open Foundation and Chat Models"),
        ]
    )
    assert _duplicates(doc) == [(2, "warning", "near-equal title")]
    assert _duplicates(doc, near_equal=False) == []


def test_duplicate_entry_skips_generic_link_texts() -> None:
    doc = _doc([_entry(1, "https://a.org/1", "Paper"), _entry(2, "https://a.org/2", "paper")])
    assert _duplicates(doc) == []
    doc = _doc(
        [
            _entry(1, "https://github.com/pallets/flask", "Flask"),
            _entry(2, "https://flask.palletsprojects.com/", "flask"),  # its owner's site
        ]
    )
    assert _duplicates(doc) == [(2, "warning", "same name")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # generic names by different authors
        (("Portfolio Site", "https://ann.dev/"), ("Portfolio Site", "https://bob.dev/")),
        (("Tutorial", "https://ann.dev/t"), ("Tutorial", "https://bob.dev/t")),
        (("Python Reference", "https://a.org/py"), ("Python Reference", "https://b.org/ref")),
        # a link named after its platform
        (("Twitter", "https://twitter.com/ann"), ("Twitter", "https://twitter.com/bob")),
        # serial titles
        (
            ("Evolution of Vue - Part I (Radio Show)", "https://r.dev/e9"),
            ("Evolution of Vue - Part II (Radio Show)", "https://r.dev/e10"),
        ),
        (
            ("Top Papers of the Week (Sep 23 – 29)", "https://n.dev/1"),
            ("Top Papers of the Week (Dec 23 – 29)", "https://n.dev/2"),
        ),
        # one word more is another product, symbols are part of a name
        (
            ("Sneat Vuetify VueJS Admin Template", "https://t.com/a"),
            ("Sneat Free Vuetify VueJS Admin Template", "https://t.com/b"),
        ),
        (("Awesome C", "https://github.com/a/awesome-c"), ("Awesome C++", "https://c.dev/")),
        (("LMDB", "https://lmdb.tech/"), ("LMDB++", "https://github.com/b/lmdbxx")),
        # two different products of two sites that share a word
        (("Maestro", "https://runmaestro.ai"), ("Maestro", "https://maestro.dev/")),
    ],
)
def test_duplicate_entry_needs_evidence(first: tuple[str, str], second: tuple[str, str]) -> None:
    doc = _doc([_entry(1, first[1], first[0]), _entry(2, second[1], second[0])])
    assert _duplicates(doc) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("VuePress", "https://github.com/vuejs/vuepress"), ("Vuepress", "https://vuepress.vuejs.org/")),
        (("Hangfire", "https://github.com/HangfireIO/Hangfire"), ("Hangfire", "https://github.com/HangfireIO")),
        (("Storyblok", "https://www.storyblok.com"), ("Storyblok", "https://app.storyblok.com")),
        (
            ("Powering Search & Recommendations at DoorDash", "https://a.dev/2017/powering-search-at-doordash/"),
            ("Powering Search & Recommendations at DoorDash", "https://b.dev/company/powering-search-at-doordash/"),
        ),
    ],
)  # fmt: skip
def test_duplicate_entry_one_project_under_two_urls(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    doc = _doc([_entry(1, first[1], first[0]), _entry(2, second[1], second[0])])
    assert _duplicates(doc) == [(2, "warning", "same name")]


def test_duplicate_entry_two_repositories_with_one_name_are_two_projects() -> None:
    doc = _doc(
        [
            _entry(1, "https://github.com/a/errors", "errors"),
            _entry(2, "https://gitlab.com/b/errors", "errors"),
            _entry(3, "https://errors.dev", "errors"),  # a site: nothing ties it to either
        ]
    )
    assert _duplicates(doc) == []


def _word(n: int) -> str:
    letters = ""
    while True:
        n, rest = divmod(n, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[rest]
        if not n:
            return letters


def test_duplicate_entry_compares_each_title_with_a_bounded_number_of_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 3,000 titles sharing their first and last three words land in the same two blocks;
    # an all-pairs search would compare 4.5 million pairs.
    calls = 0
    real = duplicate_entry.near_equal

    def counting(a: str, b: str) -> bool:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(duplicate_entry, "near_equal", counting)
    size = 3000
    entries = [
        _entry(
            n, f"https://a.org/{n}", "Paper", f"Learning to rank {_word(n)} with language models"
        )
        for n in range(1, size + 1)
    ]
    found = _duplicates(_doc(entries))
    assert calls <= 2 * duplicate_entry.BLOCK_LIMIT * size
    # short distinct words in long shared titles: near-equal, reported as warnings only
    assert found and {severity for _, severity, _ in found} == {"warning"}


LLMS_GUIDE = CORPUS / "llms-practical-guide.md"


@pytest.mark.skipif(not LLMS_GUIDE.is_file(), reason="../shared/corpus is absent")
def test_llms_practical_guide_repeats() -> None:
    from listbot.api import lint_file

    config = Config(select=("duplicate-entry",))
    findings = lint_file(Path(LLMS_GUIDE), config=config).findings
    found = [(f.line, f.data["first_line"], f.severity.value) for f in findings]
    # GPT-3 (92) twice, Chinchilla (99) and "Calibrate before use" (213) once each; nothing else.
    assert found == [
        (123, 92, "error"),
        (164, 99, "error"),
        (195, 92, "error"),
        (220, 213, "error"),
    ]
