"""listbot.export on real lists: ecosyste.ms fields for classic entries, one row per entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from listbot.export import export_document
from listbot.parse import parse, parse_file
from tests.conftest import corpus_params


def _rows(corpus: Path, name: str) -> list[dict[str, object]]:
    path = corpus / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the corpus")
    return export_document(parse_file(path))["entries"]


def test_classic_entries_have_category_name_url_description(corpus: Path) -> None:
    rows = _rows(corpus, "vinta-awesome-python.md")
    by_name = {row["name"]: row for row in rows}
    grappelli = by_name["django-grappelli"]
    assert grappelli["category"] == "Projects"
    assert grappelli["sub_category"] == "Admin Panels"
    assert grappelli["url"] == "https://github.com/sehmaschine/django-grappelli"
    assert grappelli["description"] == "A jazzy skin for the Django Admin-Interface."
    assert grappelli["paper"] is None
    # A nested entry under a plain "- Permissions" label keeps its own fields and depth.
    guardian = by_name["django-guardian"]
    assert guardian["depth"] == 1 and guardian["url"].endswith("django-guardian/django-guardian")


def test_small_list_rows_in_file_order(corpus: Path) -> None:
    rows = _rows(corpus, "sindresorhus-awesome-observables.md")
    overview = next(row for row in rows if row["name"] == "Overview")
    assert overview["category"] == "Documentation"
    assert overview["url"] == "https://github.com/tc39/proposal-observable"
    assert overview["line"] == 19 and overview["column"] == 1
    lines = [row["line"] for row in rows]
    assert lines == sorted(lines)


def test_paper_entries_export_paper_fields(corpus: Path) -> None:
    rows = _rows(corpus, "RUCAIBox-LLMSurvey.md")
    gpt3 = next(
        row
        for row in rows
        if row["paper"] and row["paper"]["title"] == "Language Models are Few-Shot Learners"
    )
    assert gpt3["paper"] == {
        "title": "Language Models are Few-Shot Learners",
        "venue": "NeurIPS",
        "year": 2020,
        "authors": "Tom B. Brown et al.",
    }
    assert gpt3["url"] == "https://arxiv.org/abs/2005.14165"


@pytest.mark.parametrize("path", corpus_params())
def test_export_has_one_row_per_entry(path: Path) -> None:
    document = parse_file(path)
    rows = export_document(document)["entries"]
    assert len(rows) == len(document.all_entries) > 0
    assert all(row["url"] for row in rows)


def test_markers_and_tags_stay_out_of_the_description() -> None:
    text = (
        "# L\n\n## Tools\n\n"
        "- [Tool](https://example.com) **NEW** - Tool is amazing.\n"
        "- [Zolang](https://z.example) :penguin: - A DSL for generating code.\n"
        "- [App](https://a.example) - Self-hosted notes. ([Demo](https://d.example),"
        " [Source Code](https://s.example)) `MIT` `PHP`\n"
        "- [Bind](https://b.example) - Bindings for `libfoo`.\n"
    )
    rows = export_document(parse(text))["entries"]
    assert [(row["name"], row["description"], row["markers"], row["tags"]) for row in rows] == [
        ("Tool", "Tool is amazing.", ["**NEW**"], []),
        ("Zolang", "A DSL for generating code.", [":penguin:"], []),
        (
            "App",
            "Self-hosted notes.",
            [],
            ["([Demo](https://d.example), [Source Code](https://s.example))", "`MIT`", "`PHP`"],
        ),
        ("Bind", "Bindings for libfoo.", [], []),
    ]
