"""awesome-lint's remark-lint preset rules, where awesome-lint's own fixtures exercise them.

The fixtures are written for other rules, but awesome-lint runs its whole preset on them:
many end without a final newline, a few hold an undefined reference or a second top-level
heading, and ``main.md`` and ``list-item/0.md`` hold nested lists indented with tabs and
spaces that the preset's list rules accept. Each case is our own Markdown of that shape.
"""

from __future__ import annotations

from tests.parity.harness import Case, pairs

LIST_RULES = ("list-item-indent", "list-item-bullet-indent", "unordered-list-marker-style")


def found(rule: str, *lines: int) -> frozenset[tuple[str, int]]:
    return pairs(*((rule, line) for line in lines))


CASES = [
    # -- final-newline: fixtures that end without one, and one that has it ---------------
    Case(
        "test/fixtures/footnotes.md",
        ("final-newline",),
        "# Notes\n\n- [one](https://one.example) - Cited twice[^a].\n\n"
        "[^a]: A footnote definition ends the file.",
        found("final-newline", 5),
    ),
    Case(
        "test/fixtures/github-alerts.md",
        ("final-newline",),
        "# Alerts\n\n> [!TIP]\n> A tip.\n\n## Section\n\nA closing paragraph.",
        found("final-newline", 8),
    ),
    Case(
        "test/fixtures/double-link/duplicate.md",
        ("final-newline",),
        "# Links\n\n- [one](https://one.example) - First.\n- [two](https://two.example) - Second.",
        found("final-newline", 4),
    ),
    Case(
        "test/fixtures/main.md",
        ("final-newline",),
        "# Awesome Things\n\n> Things.\n\n## Contents\n\n- [Tools](#tools)\n",
        found("final-newline"),
    ),
    # -- no-undefined-references -----------------------------------------------------------
    Case(
        "test/fixtures/footnotes.md",
        ("no-undefined-references",),
        "# Notes\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n"
        "- [one](https://one.example) - With a footnote[^1].\n"
        "- [two](https://two.example) - With a named one[^named].\n"
        "- [three](https://three.example) - With two[^1][^2].\n\n"
        "[^1]: First.\n[^named]: Named.\n[^2]: Second.\n",
        found("no-undefined-references"),
    ),
    Case(
        "test/fixtures/github-alerts.md",
        ("no-undefined-references",),
        "# Alerts\n\n> [!NOTE]\n> A note.\n\n> [!WARNING]\n> A warning.\n\n"
        "> [!CAUTION]\n> Careful.\n\n> [!IMPORTANT]\n> Important.\n\n> [!TIP]\n> A tip.\n",
        found("no-undefined-references"),
    ),
    Case(
        "test/fixtures/list-item/1.md",
        ("no-undefined-references",),
        "# Items\n\n- [adabind] - Bracketed text with no definition.\n"
        "- [*logo* ![icon](https://img.example/i.png)][logoref] - A defined reference.\n\n"
        "[logoref]: https://ref.example\n",
        found("no-undefined-references", 3),
    ),
    # -- no-multiple-toplevel-headings -----------------------------------------------------
    Case(
        "test/fixtures/heading/error2.md",
        ("no-multiple-toplevel-headings",),
        "# Awesome Things\n\n# A Second Title For The Same List\n",
        found("no-multiple-toplevel-headings", 3),
    ),
    Case(
        "test/fixtures/license/error3.md",
        ("no-multiple-toplevel-headings",),
        "# Things\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\nSome tools.\n\n"
        "# Licence\n\nA second top-level heading.\n",
        found("no-multiple-toplevel-headings", 11),
    ),
    # -- list rules: nested lists as awesome-lint's fixtures indent them -------------------
    Case(
        "test/fixtures/main.md",
        LIST_RULES,
        "# Awesome Things\n\n> Things.\n\n## Contents\n\n- [Tools](#tools)\n"
        "\t- [Editors](#editors)\n\t- [Shells](#shells)\n- [Guides](#guides)\n",
        frozenset(),
    ),
    Case(
        "test/fixtures/list-item/0.md",
        LIST_RULES,
        "# Items\n\n- [one](https://one.example) - An item.\n"
        "  - [two](https://two.example) - A sub-item.\n"
        "  - [three](https://three.example) - Another sub-item.\n"
        "    - [four](https://four.example) - A sub-sub-item.\n"
        "- 👍 [five](https://five.example) - An item after an emoji.\n",
        frozenset(),
    ),
]
