"""awesome-lint's contributing tests (test/rules/contributing.test.js), in our words.

awesome-lint reports these file-level messages without a line; they are recorded at line 1,
where listbot reports file-level findings.
"""

from __future__ import annotations

from tests.parity.harness import Case, pairs

CASES = [
    Case(
        source="test/fixtures/contributing/error0",
        rules=("awesome-contributing",),
        markdown=("# Widgets\n\n> Widgets.\n"),
        awesome_lint=pairs(("awesome-contributing", 1)),
    ),
    Case(
        source="test/fixtures/contributing/error1",
        rules=("awesome-contributing",),
        markdown=("# Widgets\n\n> Widgets.\n"),
        awesome_lint=pairs(("awesome-contributing", 1)),
        companions={"contributing.md": ""},
    ),
    Case(
        source="test/fixtures/contributing/valid0",
        rules=("awesome-contributing",),
        markdown=("# Widgets\n\n> Widgets.\n"),
        awesome_lint=pairs(),
        companions={"CONTRIBUTING.md": "Send a pull request.\n"},
    ),
    Case(
        source="test/fixtures/contributing/valid1",
        rules=("awesome-contributing",),
        markdown=("# Widgets\n\n> Widgets.\n"),
        awesome_lint=pairs(),
        companions={"contributing.md": "Send a pull request.\n"},
    ),
    Case(
        source="test/fixtures/contributing/valid2",
        rules=("awesome-contributing",),
        markdown=("# Widgets\n\n> Widgets.\n"),
        awesome_lint=pairs(),
        companions={".github/CONTRIBUTING.md": "Send a pull request.\n"},
    ),
    Case(
        source="test/fixtures/contributing/valid3",
        rules=("awesome-contributing",),
        markdown=("# Widgets\n\n> Widgets.\n"),
        awesome_lint=pairs(),
        companions={".github/contributing.md": "Send a pull request.\n"},
    ),
]
