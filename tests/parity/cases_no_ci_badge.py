"""awesome-lint's no-ci-badge test (test/rules/no-ci-badge.test.js, fixture no-ci-badge/0.md)."""

from __future__ import annotations

from tests.parity.harness import Case, pairs

CASES = [
    Case(
        source="test/fixtures/no-ci-badge/0.md",
        rules=("awesome-no-ci-badge",),
        markdown=(
            "[![Build "
            "Status](https://travis-ci.org/someone/awesome-widgets.svg?branch=main)](https://travis-ci.org/someone/awesome-widgets)\n"
            "\n"
            "![](https://img.shields.io/circleci/project/github/someone/widget-parser.svg)\n"
        ),
        awesome_lint=pairs(("awesome-no-ci-badge", 1), ("awesome-no-ci-badge", 3)),
    ),
    Case(
        source="test/fixtures/no-ci-badge/0.md",
        rules=("awesome-no-ci-badge",),
        markdown=(
            '<a href="https://travis-ci.org/someone/awesome-gadgets">\n'
            "  <img "
            'src="https://travis-ci.org/someone/awesome-gadgets.svg?branch=main" />\n'
            "</a>\n"
        ),
        awesome_lint=pairs(),
        listbot=pairs(("awesome-no-ci-badge", 2)),
        why=(
            "An HTML `<img>` badge is a CI badge too: awesome-lint only looks at Markdown images."
        ),
    ),
    Case(
        source="test/fixtures/no-ci-badge/0.md",
        rules=("awesome-no-ci-badge",),
        markdown=(
            "# Awesome Widgets "
            "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
            "\n"
            "[![Coverage](https://img.shields.io/codecov/c/github/someone/widgets.svg)](https://codecov.example)\n"
        ),
        awesome_lint=pairs(),
    ),
]
