"""awesome-lint's ``no-repeat-item-in-description`` tests, restated (one case per test).

awesome-lint's test file (``test/rules/no-repeat-item-in-description.test.js``) builds its
Markdown inline; these are our own entries of the same shapes.
"""

from __future__ import annotations

from tests.parity.harness import Case, pairs

SOURCE = "test/rules/no-repeat-item-in-description.test.js"
RULE = ("no-repeat-item-in-description",)


def repeated(*lines: int) -> frozenset[tuple[str, int]]:
    return pairs(*(("no-repeat-item-in-description", line) for line in lines))


def case(*entries: str, expected: tuple[int, ...] = ()) -> Case:
    markdown = "# Widgets\n\n" + "".join(f"- {entry}\n" for entry in entries)
    return Case(SOURCE, RULE, markdown, repeated(*expected))


CASES = [
    # the description starts with the name: as a subject, or before a dash
    case(
        "[Widget Maker](https://a.example) - Widget Maker is a handy generator.",
        "[Other Maker](https://b.example) - Other Maker - the finest maker around.",
        expected=(3, 4),
    ),
    # descriptions that do not start with the name
    case(
        "[PyGrid](https://a.example) - Grid version of the GridPak tool for larger sheets.",
        "[Deno](https://deno.land) - TypeScript runtime built on V8.",
        "[Vue](https://vuejs.org) - A progressive framework for interfaces.",
    ),
    # the match ignores case
    case(
        "[MyTool](https://a.example) - mytool is handy.",
        "[FastLib](https://b.example) - FASTLIB provides helpers.",
        expected=(3, 4),
    ),
    # the name later in the description is fine
    case(
        "[PyGrid](https://a.example) - Grid version of GridPak. PyGrid has no limit.",
        "[Maker](https://b.example) - A helper that extends Maker features.",
    ),
    # a longer word that starts with the name is not the name
    case(
        "[Type](https://a.example) - TypeScript is a language.",
        "[Rust](https://b.example) - Rustup installs toolchains.",
    ),
    # badge links before the main link are skipped
    case(
        "[![Build](https://img.example/b.svg)](https://ci.example) "
        "[Maker](https://a.example) - Maker is handy.",
        "[![Tag](https://img.example/t.svg)](https://tag.example) "
        "[Kit](https://b.example) - Kit provides parts.",
        expected=(3, 4),
    ),
    # a tag between the link and the separator
    case(
        "[Maker](https://a.example) **BETA** - Maker is handy.",
        "[Toolkit](https://b.example) *archived* - Toolkit provides parts.",
        "[Bundle](https://c.example) `v3.1` - Bundle helps with builds.",
        expected=(3, 4, 5),
    ),
    # dashes further on in the description
    case(
        "[Maker](https://a.example) - A helper - Maker - with many parts.",
        "[Kit](https://b.example) - Kit - the best - truly.",
        expected=(4,),
    ),
    # the name followed by a colon
    case(
        "[Postgres](https://a.example) - Postgres: object-relational database.",
        "[SQLite](https://b.example) - SQLite: embedded database.",
        expected=(3, 4),
    ),
]
