"""awesome-lint's whole-file fixtures (main.md, ellipsis.md, footnotes.md, github-alerts.md)
run with its full configuration, restricted to listbot rules of the same meaning: the
awesome-lint rules of engineer A's part and remark-lint's no-repeat-punctuation and
no-multiple-toplevel-headings. Each is restated in our own Markdown of the same shape.
"""

from __future__ import annotations

from tests.parity.harness import Case, pairs

CASES = [
    Case(
        source="test/fixtures/main.md",
        rules=(
            "awesome-list-item",
            "awesome-badge",
            "awesome-heading",
            "awesome-license",
            "awesome-contributing",
            "awesome-no-ci-badge",
            "no-repeat-punctuation",
            "no-multiple-toplevel-headings",
        ),
        markdown=(
            "# Awesome Deno\n"
            "\n"
            "> A curated list of fine Deno [modules](#modules) and "
            "[guides](#guides).\n"
            "\n"
            "## Contents\n"
            "\n"
            "- [Modules](#modules)\n"
            "\t- [Odd science](#odd-science)\n"
            "\t- [Shell apps](#shell-apps)\n"
            "\t- [Streams](#streams)\n"
            "\t- [Parsing](#parsing)\n"
            "\t- [Testing](#testing)\n"
        ),
        awesome_lint=pairs(("awesome-badge", 1), ("awesome-contributing", 1)),
    ),
    Case(
        source="test/fixtures/ellipsis.md",
        rules=(
            "awesome-list-item",
            "awesome-badge",
            "awesome-heading",
            "awesome-license",
            "awesome-contributing",
            "awesome-no-ci-badge",
            "no-repeat-punctuation",
            "no-multiple-toplevel-headings",
        ),
        markdown=(
            "# Widget List "
            "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
            "\n"
            "## Contents\n"
            "\n"
            "- [Part](#part)\n"
            "\n"
            "## Part\n"
            "\n"
            "- [A widget with an ellipsis...](https://widget.example) - "
            "Description with an ellipsis...\n"
            "- [Another widget](https://widget.example/page...) - More "
            "ellipsis text...\n"
            "- [Dotted host](https://sub.widget.example) - Dots in hosts are normal.\n"
            "\n"
            "Prose with an ellipsis... is no repeated punctuation.\n"
        ),
        awesome_lint=pairs(),
        companions={"contributing.md": "Send a pull request.\n"},
    ),
    Case(
        source="test/fixtures/footnotes.md",
        rules=(
            "awesome-list-item",
            "awesome-badge",
            "awesome-heading",
            "awesome-license",
            "awesome-contributing",
            "awesome-no-ci-badge",
            "no-repeat-punctuation",
            "no-multiple-toplevel-headings",
        ),
        markdown=(
            "# Awesome Widgets "
            "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
            "\n"
            "## Contents\n"
            "\n"
            "- [Tools](#tools)\n"
            "\n"
            "## Tools\n"
            "\n"
            "- [first](https://www.first.example) - Description with a footnote[^1].\n"
            "- [second](https://www.second.example) - Another description[^aside].\n"
            "- [third](https://www.third.example) - Description with two "
            "footnotes[^1][^2].\n"
            "\n"
            "[^1]: A numbered footnote.\n"
            "[^aside]: A named footnote.\n"
            "[^2]: Another numbered footnote.\n"
        ),
        awesome_lint=pairs(),
        companions={"contributing.md": "Send a pull request.\n"},
    ),
    Case(
        source="test/fixtures/github-alerts.md",
        rules=(
            "awesome-list-item",
            "awesome-badge",
            "awesome-heading",
            "awesome-license",
            "awesome-contributing",
            "awesome-no-ci-badge",
            "no-repeat-punctuation",
            "no-multiple-toplevel-headings",
        ),
        markdown=(
            "# Widget List "
            "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
            "\n"
            "> [!TIP]\n"
            "> An alert that must not cause errors.\n"
            "\n"
            "> [!NOTE]\n"
            "> Another alert.\n"
            "\n"
            "> [!WARNING]\n"
            "> A warning.\n"
            "\n"
            "> [!IMPORTANT]\n"
            "> Something important.\n"
            "\n"
            "> [!CAUTION]\n"
            "> Take care.\n"
            "\n"
            "## Contents\n"
            "\n"
            "- [Part](#part)\n"
            "\n"
            "## Part\n"
            "\n"
            "Some content.\n"
        ),
        awesome_lint=pairs(),
        companions={"contributing.md": "Send a pull request.\n"},
    ),
    Case(
        source="test/rules/ellipsis.test.js",
        rules=("no-repeat-punctuation",),
        markdown=("# Widget List\n\nWait for it... and again.... A question?? An answer!!\n"),
        awesome_lint=pairs(("no-repeat-punctuation", 3)),
    ),
]
