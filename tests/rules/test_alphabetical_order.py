"""alphabetical-order: collation, when ``auto`` reports, and fixes that move whole items."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from listbot.api import lint_text
from listbot.config import Config, config_from_mapping
from listbot.fix import fix_text
from listbot.normalize.collation import COLLATIONS, Collation, agreed_order, sort_key
from listbot.parse import parse

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
GO = CORPUS / "avelino-awesome-go.md"
ONLY = Config(select=("alphabetical-order",))
READER = COLLATIONS[0]


def _config(**options: object) -> Config:
    return config_from_mapping(
        {"select": ["alphabetical-order"], "rules": {"alphabetical-order": options}}
    )


def _findings(text: str, config: Config = ONLY) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in lint_text(text, "README.md", config=config).findings]


def _read(path: Path) -> str:
    if not path.is_file():
        pytest.skip(f"{path} not available")
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


# -- collation --------------------------------------------------------------------------


def test_numbers_by_value_accents_folded_and_words_first() -> None:
    names = ["Vue 10", "Élan", "Vue 2", "elm", "µTorrent", "Go kit", "GoKit", "go"]
    assert sorted(names, key=lambda n: sort_key(n, READER)) == [
        "Élan",
        "elm",
        "go",
        "Go kit",
        "GoKit",
        "µTorrent",
        "Vue 2",
        "Vue 10",
    ]


def test_other_collations_are_what_byte_wise_and_file_name_sorts_do() -> None:
    bytes_order = Collation(accents=False, natural=False, spacing="characters")
    assert sorted(
        ["Vue 2", "Vue 10", "Bärner", "Brisbane"], key=lambda n: sort_key(n, bytes_order)
    ) == [
        "Brisbane",
        "Bärner",
        "Vue 10",
        "Vue 2",
    ]
    longer_first = Collation(prefix_last=True)
    assert sorted(["Calibre", "Calibre Web"], key=lambda n: sort_key(n, longer_first)) == [
        "Calibre Web",
        "Calibre",
    ]


@pytest.mark.parametrize(
    ("first", "second", "agreed"),
    [
        ("echo", "gin", -1),
        ("go-zap", "go-bar", 1),
        ("Go kit", "GoKit", 0),  # a space: word by word and letter by letter disagree
        ("Vue 2", "Vue 10", 0),
        ("Calibre", "Calibre Web", 0),
        ("Élan", "Ember", 0),
    ],
)
def test_agreed_order_is_sure_only_when_every_collation_is(
    first: str, second: str, agreed: int
) -> None:
    assert agreed_order(first, second) == agreed
    signs = {
        (sort_key(first, c) > sort_key(second, c)) - (sort_key(first, c) < sort_key(second, c))  # type: ignore[operator]
        for c in COLLATIONS
    }
    if agreed:
        assert signs == {agreed}
    else:
        assert len(signs) > 1 or signs == {0}


# -- auto mode: silent on lists that were never sorted ------------------------------------

UNSORTED_CONVENTION = [
    "sindresorhus-awesome.md",
    "vinta-awesome-python.md",
    "enaqx-awesome-react.md",
    "kdeldycke-awesome-falsehood.md",
    "sindresorhus-awesome-observables.md",
    "Hannibal046-Awesome-LLM.md",
    "RUCAIBox-LLMSurvey.md",
    "eugeneyan-applied-ml.md",
    "llms-practical-guide.md",
]


@pytest.mark.parametrize("name", UNSORTED_CONVENTION)
def test_auto_is_silent_on_lists_not_kept_in_order(name: str) -> None:
    assert _findings(_read(CORPUS / name)) == []


def _go_test_alpha(text: str) -> set[int]:
    """awesome-go's own TestAlpha, restated: in each list, the lower-cased link texts must
    be in byte order. Returns the lines of the lists' first items that fail it."""
    doc = parse(text, "README.md")
    lists: dict[int, list[tuple[int, str]]] = {}
    for entry in doc.all_entries:
        if entry.main_link is not None and not entry.url.startswith("#"):
            lists.setdefault(entry.item.list_index, []).append(
                (entry.line, entry.main_link.text.lower())
            )
    failing = set()
    for items in lists.values():
        names = [name.encode() for _, name in items]
        if names != sorted(names):
            failing.update(line for line, _ in items)
    return failing


def test_awesome_go_only_its_one_real_slip() -> None:
    """awesome-go's own test keeps its sections sorted; the one list it would fail too
    (`acmetool` before `acme-proxy`: "-" sorts before "t" in every order) is the only
    finding. Bärner / São Paulo follow the file's byte order and are not reported."""
    text = _read(GO)
    findings = _findings(text)
    assert [message for _, message in findings] == [
        '"acmetool" is not in alphabetical order: it belongs after "acme-proxy"'
    ]
    assert {line for line, _ in findings} <= _go_test_alpha(text)


def _move(text: str, moves: list[tuple[int, int]]) -> str:
    """Each one-line item at line ``a`` moved to just after line ``b`` (``b > a``)."""
    lines = text.split("\n")
    for a, b in sorted(moves, reverse=True):
        lines.insert(b - 1, lines.pop(a - 1))
    return "\n".join(lines)


def _three_moves(text: str) -> list[tuple[int, int]]:
    """The 4th entry of three long top-level lists, moved to near the end of its list."""
    doc = parse(text, "README.md")
    by_list: dict[int, list[int]] = {}
    for item in doc.list_items:
        if item.depth == 0:
            by_list.setdefault(item.list_index, []).append(item.line)
    long_lists = [lines for lines in by_list.values() if len(lines) >= 30][1:4]
    assert len(long_lists) == 3
    return [(lines[3], lines[-2]) for lines in long_lists]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_three_moved_entries_are_found_and_fixed_byte_for_byte(
    tmp_path: Path, newline: str
) -> None:
    original = _read(GO)
    clean = fix_text(original, "README.md", ONLY).text  # awesome-go with its one slip fixed
    assert len(_findings(clean)) == 0
    moves = _three_moves(clean)
    moved = _move(clean, moves)
    moved_lines = [b for _, b in moves]  # where each entry sits after the move
    assert sorted(line for line, _ in _findings(moved)) == sorted(moved_lines)
    source = tmp_path / "README.md"
    source.write_bytes(("\ufeff" + moved.replace("\n", newline)).encode("utf-8"))
    from listbot.cli import main

    assert main(["lint", "--select", "alphabetical-order", "--fix", str(source)]) == 0
    assert source.read_bytes() == ("\ufeff" + clean.replace("\n", newline)).encode("utf-8")


# -- fixes -------------------------------------------------------------------------------

SORTED_FILE = """# Awesome

## One

{one}

## Two

- [Apple](https://e.com/apple) - Fruit.
- [Banana](https://e.com/banana) - Fruit.
- [Cherry](https://e.com/cherry) - Fruit.

## Three

- [Ant](https://e.com/ant) - Insect.
- [Bee](https://e.com/bee) - Insect.
- [Cicada](https://e.com/cicada) - Insect.
"""


def _file(one: str) -> str:
    return SORTED_FILE.format(one=one.strip("\n"))


def test_a_long_item_moves_over_a_short_one_in_one_verified_edit_pair() -> None:
    one = """
- [Alpha](https://e.com/a) - A.
- [Delta](https://e.com/d) - D.
  - [Delta one](https://e.com/d1) - Child.
  - [Delta two](https://e.com/d2) - Child.
  - [Delta three](https://e.com/d3) - Child.
- [Charlie](https://e.com/c) - C.
- [Echo](https://e.com/e) - E.
- [Foxtrot](https://e.com/f) - F.
- [Golf](https://e.com/g) - G.
"""
    text = _file(one)
    (finding,) = lint_text(text, "README.md", config=ONLY).findings
    assert finding.message.endswith('it belongs after "Charlie"')
    assert finding.fix is not None and len(finding.fix.edits) == 1  # past one neighbour
    fixed = fix_text(text, "README.md", ONLY).text
    expected = one.replace(
        "- [Delta](https://e.com/d) - D.\n  - [Delta one](https://e.com/d1) - Child.\n"
        "  - [Delta two](https://e.com/d2) - Child.\n  - [Delta three](https://e.com/d3) - Child.\n"
        "- [Charlie](https://e.com/c) - C.\n",
        "- [Charlie](https://e.com/c) - C.\n- [Delta](https://e.com/d) - D.\n"
        "  - [Delta one](https://e.com/d1) - Child.\n  - [Delta two](https://e.com/d2) - Child.\n"
        "  - [Delta three](https://e.com/d3) - Child.\n",
    )
    assert fixed == _file(expected)


def test_a_far_move_of_a_long_item_passes_the_fix_verification() -> None:
    one = """
- [Alpha](https://e.com/a) - A.
- [Foxtrot](https://e.com/f) - F.
  - [Fox one](https://e.com/f1) - Child.
  - [Fox two](https://e.com/f2) - Child.
  - [Fox three](https://e.com/f3) - Child.
- [Bravo](https://e.com/b) - B.
- [Charlie](https://e.com/c) - C.
- [Delta](https://e.com/d) - D.
- [Echo](https://e.com/e) - E.
- [Golf](https://e.com/g) - G.
"""
    text = _file(one)
    (finding,) = lint_text(text, "README.md", config=ONLY).findings
    assert finding.fix is not None and len(finding.fix.edits) == 2
    fixed = fix_text(text, "README.md", ONLY)
    order = re.findall(r"^- \[(\w+)\]", fixed.text.split("## Two")[0], re.MULTILINE)
    assert order == ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"]
    assert "  - [Fox three](https://e.com/f3) - Child.\n- [Golf]" in fixed.text
    assert fixed.remaining == []


def test_no_fix_when_a_move_could_change_more_than_the_order() -> None:
    uneven = """
- [Alpha](https://e.com/a) - A.
- [Delta](https://e.com/d) - D.
- [Bravo](https://e.com/b) - B.

- [Charlie](https://e.com/c) - C.
- [Echo](https://e.com/e) - E.
- [Foxtrot](https://e.com/f) - F.
- [Golf](https://e.com/g) - G.
"""
    commented = """
- [Alpha](https://e.com/a) - A.
- [Delta](https://e.com/d) - D.
<!-- keep Delta here until the next release -->
- [Bravo](https://e.com/b) - B.
- [Charlie](https://e.com/c) - C.
- [Echo](https://e.com/e) - E.
- [Foxtrot](https://e.com/f) - F.
- [Golf](https://e.com/g) - G.
"""
    for one in (uneven, commented):
        findings = lint_text(_file(one), "README.md", config=ONLY).findings
        assert [f.rule for f in findings] == ["alphabetical-order"]
        assert findings[0].fix is None


# -- options -----------------------------------------------------------------------------

SHORT = """# List

- [Zebra](https://e.com/z) - Z.
- [Ant](https://e.com/a) - A.
- [Mole](https://e.com/m) - M.

## Tools

- [The Hammer](https://e.com/h) - H.
- [Anvil](https://e.com/an) - A.
"""


def test_modes_and_sections() -> None:
    assert _findings(SHORT) == []  # auto: nothing says these lists are meant to be sorted
    on = lint_text(SHORT, "README.md", config=_config(mode="on")).findings
    assert [(f.line, f.severity.value) for f in on] == [(3, "error"), (9, "error")]
    assert _findings(SHORT, _config(mode="off")) == []
    only_tools = _findings(SHORT, _config(mode="on", sections=["tool*"]))
    assert [line for line, _ in only_tools] == [9]
    not_tools = _findings(SHORT, _config(mode="on", exclude_sections=["Tools"]))
    assert [line for line, _ in not_tools] == [3]


def test_key_without_articles() -> None:
    text = SHORT.replace("[The Hammer]", "[The Anvil]").replace("[Anvil]", "[Bellows]")
    tools = {"mode": "on", "sections": ["Tools"]}
    assert [line for line, _ in _findings(text, _config(**tools))] == [9]  # "the anvil" > "b"
    assert _findings(text, _config(key="name-without-articles", **tools)) == []
