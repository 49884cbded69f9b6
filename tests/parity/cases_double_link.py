"""awesome-lint's double-link tests (test/rules/double-link.test.js), restated with our own
Markdown of the same shapes."""

from __future__ import annotations

from tests.parity.harness import Case, pairs

RULE = ("double-link",)
SOURCE = "test/fixtures/double-link/"


def _case(fixture: str, markdown: str, *found: int, **more: object) -> Case:
    return Case(
        SOURCE + fixture,
        RULE,
        markdown,
        pairs(*(("double-link", line) for line in found)),
        **more,  # type: ignore[arg-type]
    )


_DUPLICATE = "# Birds\n- [Heron](https://birds.example)\n- [Heron again](https://birds.example)\n"

_DESCRIPTIONS = """# Awesome Birding Tools

- [Feather Finder](https://feather-finder.example/) - Identifies feathers; built on [plumage](https://github.com/example/plumage).
- [Song Meter](https://song-meter.example/) - Records songs; a fork of [plumage](https://github.com/example/plumage).
- [Nest Cam](https://example.org/) - Something else entirely.
"""

_WEBSITE = """# Awesome Birds

> A curated list of birds for the [Bird Society](https://bird-society.example)

Visit the [Bird Society](https://bird-society.example) for more.

## Contents

- [Waders](#waders)

## Waders

- [Heron Watch](https://example.com/heron) - Watches herons.
- [Stork Watch](https://example.com/stork) - Watches storks.
- [Bird Society](https://bird-society.example) - The society's site.

## Contribute

Read the [Bird Society](https://bird-society.example) guide.
"""

CASES = [
    # "duplicate links": every occurrence is reported.
    _case("duplicate.md", _DUPLICATE, 2, 3),
    # "unique links with different hashes": a different fragment is a different page.
    _case(
        "unique-hashes.md",
        "# Birds\n- [Map 1](https://maps.example/#A1B2#7)\n- [Map 2](https://maps.example/#C3D4#0)\n"
        "- [Map 3](https://maps.example/#E5F6#2)\n",
    ),
    # "duplicate links with same hash"
    _case(
        "duplicate-with-hash.md",
        "# Birds\n- [Map A](https://maps.example/#A1B2#7)\n- [Map B](https://maps.example/#A1B2#7)\n",
        2,
        3,
    ),
    # "no duplicates"
    _case(
        "no-duplicates.md",
        "# Birds\n- [Herons](https://herons.example)\n- [Storks](https://storks.example)\n"
        "- [Cranes](https://cranes.example)\n",
    ),
    # "duplicate anchor links" (links back to the top or the TOC are not counted).
    _case(
        "duplicate-anchors.md",
        "# Birds\n- [Waders](#waders)\n- [Long legs](#waders)\n",
        2,
        3,
    ),
    # "edge cases": javascript: links repeat; empty links repeat too in awesome-lint.
    _case(
        "edge-cases.md",
        "# Odd links\n- [Run 1](javascript:void(0))\n- [Run 2](javascript:void(0))\n"
        "- [Blank 1]()\n- [Blank 2]()\n",
        2,
        3,
        4,
        5,
        listbot=pairs(("double-link", 2), ("double-link", 3)),
        why="An empty link is not a URL listed twice; awesome-list-item reports it as empty.",
    ),
    # "normalized duplicates": trailing slash and scheme do not make another URL.
    _case(
        "normalized-duplicates.md",
        "# Birds\n- [Heron 1](https://birds.example/)\n- [Heron 2](https://birds.example)\n"
        "- [Heron 3](http://birds.example/)\n- [Stork](https://storks.example)\n",
        2,
        3,
        4,
    ),
    # "project website URL ignored" (the ignore option with the site's address).
    _case(
        "repo-url-ignored.md",
        _WEBSITE,
        options={"double-link": {"allow": ["https://bird-society.example"]}},
    ),
    # "custom ignore list": ignoring another URL leaves the duplicate reported.
    _case(
        "duplicate.md",
        _DUPLICATE,
        2,
        3,
        options={"double-link": {"allow": ["https://birds.example/tool"]}},
    ),
    # "integration with lint function and repoURL": awesome-lint asks GitHub's API for the
    # repository's homepage and ignores it; listbot reads no API here.
    _case("repo-url-ignored.md", _WEBSITE, comparable=False),
    # "links in descriptions are not counted" (awesome-lint's default for lists).
    _case("links-in-descriptions.md", _DESCRIPTIONS),
    # "general behavior - all links checked when no shouldIgnore provided"
    _case(
        "links-in-descriptions.md",
        _DESCRIPTIONS,
        3,
        4,
        options={"double-link": {"scope": "all"}},
    ),
    # "custom shouldIgnore factory function works": every link checked but these ignored.
    _case(
        "links-in-descriptions.md",
        _DESCRIPTIONS,
        options={"double-link": {"scope": "all", "allow": ["*example/plumage*"]}},
    ),
]
