"""awesome-lint's balanced-punctuation tests (test/rules/balanced-punctuation.test.js and
test/rules/apostrophe.test.js), restated with our own Markdown of the same shapes."""

from __future__ import annotations

from tests.parity.harness import Case, pairs

RULE = ("balanced-punctuation",)

_STRAIGHT = """# Awesome Birds [![Awesome](https://awesome.re/badge-flat.svg)](https://awesome.re)

> Birds worth watching.

## Contents

- [Waders](#waders)

## Waders

- [Heron](https://heron.example) - Stands very "still for hours.
"""

_CURLY = """# Birds

A wader that is “never quite done.
"""

_ANGLE = """# Birds

An angle bracket ⟨ that nobody closes.
"""

CASES = [
    # "should use defaults when no config provided": the straight quote is checked.
    Case(
        "test/fixtures/balanced-punctuation/unmatched-curly.md",
        RULE,
        _STRAIGHT,
        pairs(("balanced-punctuation", 11)),
    ),
    # The fixture of an unclosed curly quote (checked with the defaults).
    Case(
        "test/fixtures/balanced-punctuation/actual-curly-quote.md",
        RULE,
        _CURLY,
        pairs(("balanced-punctuation", 3)),
    ),
    # "should use only specified pairs": ⟨⟩ configured, the angle bracket is reported.
    Case(
        "test/fixtures/balanced-punctuation/angle-brackets.md",
        RULE,
        _ANGLE,
        pairs(("balanced-punctuation", 3)),
        options={"balanced-punctuation": {"pairs": ["⟨⟩"]}},
    ),
    # With the defaults, ⟨ is not a pair at all.
    Case(
        "test/fixtures/balanced-punctuation/angle-brackets.md",
        RULE,
        _ANGLE,
        pairs(),
    ),
    # "should use symmetric pairs with single-character string": straight quotes only.
    Case(
        "test/fixtures/balanced-punctuation/unmatched-curly.md",
        RULE,
        _STRAIGHT,
        pairs(("balanced-punctuation", 11)),
        options={"balanced-punctuation": {"pairs": ['"']}},
    ),
    # "should not detect defaults when using custom config": only “” configured.
    Case(
        "test/fixtures/balanced-punctuation/unmatched-curly.md",
        RULE,
        _STRAIGHT,
        pairs(),
        options={"balanced-punctuation": {"pairs": ["“”"]}},
    ),
    # apostrophe.test.js: contractions are not unmatched quotes.
    Case(
        "test/rules/apostrophe.test.js",
        RULE,
        """# Awesome Birds [![Awesome](https://awesome.re/badge-flat.svg)](https://awesome.re)

> Birds worth watching.

## Contents

- [Waders](#waders)

## Waders

- [Heron](https://heron.example) - It doesn't move, and that's why it's admired.
- [Stork](https://stork.example) - Won't, can't, isn't: the stork's habits aren't odd.
""",
        pairs(),
    ),
]
