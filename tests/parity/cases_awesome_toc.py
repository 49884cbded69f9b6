"""awesome-lint's awesome-toc tests (test/rules/toc.test.js), restated with our own Markdown
of the same shapes."""

from __future__ import annotations

from tests.parity.harness import Case, pairs

RULE = ("awesome-toc",)
TITLE = "# Awesome Birds [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"


def _case(source: str, markdown: str, *found: int, **more: object) -> Case:
    return Case(
        f"test/fixtures/toc/{source}",
        RULE,
        markdown,
        pairs(*(("awesome-toc", line) for line in found)),
        **more,  # type: ignore[arg-type]
    )


_SECTIONS = """## Waders

### Herons

Tall birds.

### Storks

Taller birds.

## Songbirds

### Finches

Small birds.

### Songbirds

Singing birds.

## Raptors

Hunting birds.

## Contributing

Send a pull request.

## Footnotes

Notes.
"""

CASES = [
    # "toc - success basic": a flat TOC of the `##` sections; `###` need no items.
    _case(
        "0.md",
        TITLE + "## Contents\n\n- [Waders](#waders)\n- [Songbirds](#songbirds)\n"
        "- [Raptors](#raptors)\n\n" + _SECTIONS,
    ),
    # "toc - success sub-lists": sub-lists list the `###` of their section, a repeated
    # heading by its deduplicated anchor.
    _case(
        "1.md",
        TITLE + "## Contents\n\n- [Waders](#waders)\n  - [Herons](#herons)\n"
        "  - [Storks](#storks)\n- [Songbirds](#songbirds)\n  - [Finches](#finches)\n"
        "  - [Songbirds](#songbirds-1)\n- [Raptors](#raptors)\n\n" + _SECTIONS,
    ),
    # "toc - optional (no ToC present)" (test/fixtures/list-item/5.md): no TOC, no findings.
    Case(
        "test/fixtures/list-item/5.md",
        RULE,
        TITLE + "> Birds worth watching.\n\n## Waders\n\n"
        "- [Heron](https://heron.example) - Stands still for hours.\n",
        pairs(),
    ),
    # "toc - invalid heading text (not "Contents")": awesome-lint only looks under
    # "Contents"; listbot also reads "Table of Contents", and this one is correct.
    _case(
        "2.md",
        TITLE + "## Table of Contents\n\n- [Waders](#waders)\n  - [Herons](#herons)\n"
        "  - [Storks](#storks)\n- [Songbirds](#songbirds)\n  - [Finches](#finches)\n"
        "  - [Songbirds](#songbirds-1)\n- [Raptors](#raptors)\n\n" + _SECTIONS,
    ),
    # "toc - missing items": Storks missing from the first sub-list (line 6), Finches
    # from the second (line 8: awesome-lint, matching by position, says the item there
    # does not match its heading) and Raptors from the top list (line 5).
    _case(
        "3.md",
        TITLE + "## Contents\n\n- [Waders](#waders)\n  - [Herons](#herons)\n"
        "- [Songbirds](#songbirds)\n  - [Songbirds](#songbirds-1)\n\n" + _SECTIONS,
        6,
        8,
        5,
    ),
    # "toc - exceed max depth": awesome-lint allows two levels of items.
    _case(
        "4.md",
        TITLE + "## Contents\n\n- [Waders](#waders)\n  - [Herons](#herons)\n"
        "    - [Grey Heron](#grey-heron)\n    - [Night Heron](#night-heron)\n"
        "  - [Storks](#storks)\n- [Songbirds](#songbirds)\n  - [Finches](#finches)\n"
        "  - [Songbirds](#songbirds-1)\n- [Raptors](#raptors)\n\n"
        + _SECTIONS.replace(
            "Tall birds.\n",
            "Tall birds.\n\n#### Grey Heron\n\nGrey.\n\n#### Night Heron\n\nNocturnal.\n",
        ),
        6,
    ),
    # "toc - success ignore contributing section"
    _case(
        "5.md",
        "# Birds\n\n## Contents\n\n- [Waders](#waders)\n\n## Waders\n\n"
        "## Contributing\n\nNot listed.\n\n## Footnotes\n\nNot listed either.\n",
    ),
    # "toc - success html intro": an HTML block instead of a `#` title.
    _case(
        "6.md",
        '<div align="center">\n\t<img width="400" src="media/birds.svg" alt="Birds">\n'
        "\t<br>\n</div>\n\n## Contents\n\n- [Waders](#waders)\n\n## Waders\n",
    ),
    # "toc - success ignore footnote subsections"
    _case(
        "7.md",
        TITLE + "## Contents\n\n- [Waders](#waders)\n\t- [Herons](#herons)\n\n## Waders\n\n"
        "Long legs.\n\n### Herons\n\nTall.\n\n## Contributing\n\nNot listed.\n\n"
        "## Footnotes\n\n### Symbols\n\nNot listed.\n\n### Sources\n\nNot listed either.\n",
    ),
    # "toc - success ignore contributing and footnote subsections"
    _case(
        "8.md",
        TITLE + "## Contents\n\n- [Waders](#waders)\n\n## Waders\n\nLong legs.\n\n"
        "## Contributing\n\n### Pull requests\n\nNot listed.\n\n### Conduct\n\nNot listed.\n\n"
        "## Footnotes\n\n### Symbols\n\nNot listed.\n",
    ),
    # "toc - success ignore related lists section"
    _case(
        "9.md",
        TITLE + "## Contents\n\n- [Waders](#waders)\n\n## Waders\n\nLong legs.\n\n"
        "## Contributing\n\nNot listed.\n\n## Related Lists\n\n"
        "- [awesome-owls](https://github.com/example/awesome-owls) - Owls.\n",
    ),
    # "toc - success ignore related lists subsections"
    _case(
        "10.md",
        TITLE + "## Contents\n\n- [Waders](#waders)\n\n## Waders\n\nLong legs.\n\n"
        "## Related Lists\n\n### Night birds\n\n"
        "- [awesome-owls](https://github.com/example/awesome-owls) - Owls.\n\n"
        "### Sea birds\n\n- [awesome-gulls](https://github.com/example/awesome-gulls) - Gulls.\n",
    ),
    # "toc - success with emoji variation selectors": GitHub ignores U+FE0F in anchors.
    _case(
        "emoji-variation-selectors.md",
        TITLE
        + "> Birds and their gear.\n\n## Contents\n\n- [🦩🪶 Waders / Herons](#-waders--herons)\n"
        "- [⬆️⬇️ Migrants](#-migrants)\n\n## 🦩🪶 Waders / Herons\n\nTall.\n\n"
        "## ⬆️⬇️ Migrants\n\nFar.\n",
    ),
]
