"""awesome-lint's heading tests (test/rules/heading.test.js, fixtures heading/*), in our words."""

from __future__ import annotations

from tests.parity.harness import Case, pairs

CASES = [
    Case(
        source="test/fixtures/heading/error0.md",
        rules=("awesome-heading",),
        markdown=("> A list of widgets.\n"),
        awesome_lint=pairs(("awesome-heading", 1)),
    ),
    Case(
        source="test/fixtures/heading/error1.md",
        rules=("awesome-heading",),
        markdown=("# my-widget-list\n\n> A list of widgets.\n"),
        awesome_lint=pairs(("awesome-heading", 1)),
    ),
    Case(
        source="test/fixtures/heading/error2.md",
        rules=("awesome-heading",),
        markdown=("# Widget List\n\n# This Is a Very Good Widget List\n"),
        awesome_lint=pairs(("awesome-heading", 3)),
    ),
    Case(
        source="test/fixtures/heading/error3.md",
        rules=("awesome-heading",),
        markdown=("## Widget List That Is Too Deep\n"),
        awesome_lint=pairs(("awesome-heading", 1)),
    ),
    Case(
        source="test/fixtures/heading/success0.md",
        rules=("awesome-heading",),
        markdown=("# My Widget List\n\n> A list of widgets\n"),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/heading/success1.md",
        rules=("awesome-heading",),
        markdown=("# NASA Names Are Fine\n"),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/heading/success2.md",
        rules=("awesome-heading",),
        markdown=("# Awesome Vue.js\n\n> A list for Vue.js\n"),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/heading/success-html.md",
        rules=("awesome-heading",),
        markdown=(
            '<div align="center">\n'
            '\t<img width="400" src="media/banner.svg" alt="Widgets">\n'
            "</div>\n"
            "\n"
            "> A list of widgets with an HTML image heading\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/heading/success-h1.md",
        rules=("awesome-heading",),
        markdown=(
            '<h1 align="center">\n'
            "\t<br>\n"
            '\t<img width="400" src="media/banner.svg" alt="Widgets">\n'
            "\t<br>\n"
            "</h1>\n"
            "\n"
            "> The curated list of widgets\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/heading/success0.md",
        rules=("awesome-heading",),
        markdown=("# Awesome Tools for the Web\n\n> Small words stay small.\n"),
        awesome_lint=pairs(),
    ),
]
