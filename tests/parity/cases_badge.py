"""awesome-lint's badge tests (test/rules/badge.test.js, fixtures badge/*), in our words."""

from __future__ import annotations

from tests.parity.harness import Case, pairs

SECTIONS = "\n> Widgets.\n\n## Contents\n\n- [Widgets](#widgets)\n\n## Widgets\n\nnot empty\n"

CASES = [
    Case(
        source="test/fixtures/badge/error0.md",
        rules=("awesome-badge",),
        markdown=("# Widgets\n\n> Widgets.\n"),
        awesome_lint=pairs(("awesome-badge", 1)),
    ),
    Case(
        source="test/fixtures/badge/error1.md",
        rules=("awesome-badge",),
        markdown=("# Widgets [![Awesome](wrong-badge.svg)](https://awesome.re)\n\n> Widgets.\n"),
        awesome_lint=pairs(("awesome-badge", 1)),
    ),
    Case(
        source="test/fixtures/badge/error2.md",
        rules=("awesome-badge",),
        markdown=(
            "# Widgets "
            "[![Awesome](https://cdn.jsdelivr.net/gh/sindresorhus/awesome@d7305f38d29fed78fa85652e3a63e154dd8e8829/media/badge.svg)](https://github.com/sindresorhus/awesome)\n"
            "\n"
            "The badge image is a raw copy from the repository.\n"
        ),
        awesome_lint=pairs(("awesome-badge", 1)),
    ),
    Case(
        source="test/fixtures/badge/success0.md",
        rules=("awesome-badge",),
        markdown=("# Widgets [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n")
        + SECTIONS,
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/badge/success1.md",
        rules=("awesome-badge",),
        markdown=(
            "# Widgets "
            "[![Awesome](https://awesome.re/badge.svg)](https://github.com/sindresorhus/awesome)\n"
        )
        + SECTIONS,
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/badge/success2.md",
        rules=("awesome-badge",),
        markdown=(
            "# Widgets "
            "[![Awesome](https://awesome.re/badge-flat2.svg)](https://github.com/sindresorhus/awesome)\n"
        )
        + SECTIONS,
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/badge/success2.md",
        rules=("awesome-badge",),
        markdown=("# Widgets [![Awesome](https://awesome.re/badge-flat.svg)](https://awesome.re)\n")
        + SECTIONS,
        awesome_lint=pairs(),
    ),
]
