"""GitHub heading anchors (github-slugger), including duplicates in document order."""

from __future__ import annotations

import pytest

from listbot.parse import parse
from listbot.parse.slugs import Slugger, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Contents", "contents"),
        ("Web Frameworks", "web-frameworks"),
        ("C++ & Rust", "c--rust"),
        ("Don't Panic!", "dont-panic"),
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("🚀(New) Experiments", "new-experiments"),
        (
            "The Practical Guides for Large Language Models 🔥",
            "the-practical-guides-for-large-language-models-",
        ),
        ("中文 资源", "中文-资源"),
        ("Émigré Café", "émigré-café"),
        ("  padded  ", "--padded--"),
    ],
)
def test_slugify_follows_github(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_duplicates_count_up_like_github_slugger() -> None:
    slugger = Slugger()
    assert [slugger.slug(t) for t in ("A", "A", "A-1", "A")] == ["a", "a-1", "a-1-1", "a-2"]


def test_document_slugs_include_html_headings() -> None:
    doc = parse('<h1 align="center">Awesome</h1>\n\n## Awesome\n\n## Tools & Libs\n')
    assert [h.slug for h in doc.headings] == ["awesome", "awesome-1", "tools--libs"]


def test_heading_with_a_trailing_badge_keeps_githubs_trailing_hyphen() -> None:
    """GitHub renders the badge as an image (no text), so the space before it stays."""
    from listbot.parse import parse

    doc = parse("# Awesome-LLM [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n")
    (heading,) = doc.headings
    assert heading.text == "Awesome-LLM"
    assert heading.slug == "awesome-llm-"


def test_heading_made_only_of_an_image_keeps_its_alt_text() -> None:
    from listbot.parse import parse

    (heading,) = parse("# ![Awesome Foo](logo.svg)\n").headings
    assert heading.text == "Awesome Foo"


def test_entities_in_headings_are_read_as_github_renders_them() -> None:
    doc = parse("## C&#35;\n\n## F&#35; &amp; C&#43;&#43;\n\n## Code `&amp;` stays\n")
    assert [h.text for h in doc.headings] == ["C#", "F# & C++", "Code &amp; stays"]
    assert [h.slug for h in doc.headings] == ["c", "f--c", "code-amp-stays"]
    assert doc.headings[0].raw == "C&#35;"  # the source, as written
