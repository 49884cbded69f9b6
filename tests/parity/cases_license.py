"""awesome-lint's license tests (test/rules/license.test.js, fixtures license/*), in our words."""

from __future__ import annotations

from tests.parity.harness import Case, pairs

HEAD = "# Widgets\n\n## Contents\n\n- [Tools](#tools)\n\n"

CASES = [
    Case(
        source="test/fixtures/license/error0.md",
        rules=("awesome-license",),
        markdown=HEAD
        + ("## Tools\n\nnot empty\n\n## Licence\n\nA licence section is not allowed.\n"),
        awesome_lint=pairs(("awesome-license", 11)),
    ),
    Case(
        source="test/fixtures/license/error1.md",
        rules=("awesome-license",),
        markdown=HEAD + ("## Tools\n\nnot empty\n\n## License\n"),
        awesome_lint=pairs(("awesome-license", 11)),
    ),
    Case(
        source="test/fixtures/license/error2.md",
        rules=("awesome-license",),
        markdown=HEAD
        + ("## License\n\nNot allowed, even as the first section.\n\n## Tools\n\nnot empty\n"),
        awesome_lint=pairs(("awesome-license", 7)),
    ),
    Case(
        source="test/fixtures/license/error3.md",
        rules=("awesome-license",),
        markdown=HEAD + ("## Tools\n\nnot empty\n\n# License\n\nNot allowed at depth 1 either.\n"),
        awesome_lint=pairs(("awesome-license", 11)),
    ),
    Case(
        source="test/fixtures/license/error4.md",
        rules=("awesome-license",),
        markdown=("## License\n"),
        awesome_lint=pairs(("awesome-license", 1)),
    ),
    Case(
        source="test/fixtures/license/success0.md",
        rules=("awesome-license",),
        markdown=HEAD
        + ("## Tools\n\nnot empty\n\n## Licensing Notes for Tools\n\nOther headings are fine.\n"),
        awesome_lint=pairs(),
    ),
]
