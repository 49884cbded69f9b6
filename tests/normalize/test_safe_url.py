"""The one gate for URLs from the network: valid, normalised, inert where they are written."""

from __future__ import annotations

import re

import pytest

from listbot.normalize.safe_url import (
    Placement,
    UnsafeUrl,
    display_url,
    placement_of,
    replacement_url,
    safe_url,
)
from listbot.parse import parse


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("https://example.com/a/b?x=1#top", "https://example.com/a/b?x=1#top"),
        ("HTTPS://Example.COM:443/a", "https://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com.", "https://example.com"),
        ("https://example.com?q=1", "https://example.com/?q=1"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_%28bar%29"),
        ("https://example.com/it's", "https://example.com/it%27s"),
        ("https://example.com/café", "https://example.com/caf%C3%A9"),
        ("https://bücher.example/x", "https://xn--bcher-kva.example/x"),
        ("https://example.com/a%2Fb", "https://example.com/a%2Fb"),
        ("http://[2001:DB8::1]:8080/x", "http://[2001:db8::1]:8080/x"),
        ("http://192.0.2.1/x", "http://192.0.2.1/x"),
        ("https://my_app.herokuapp.com/", "https://my_app.herokuapp.com/"),
    ],
)
def test_valid_urls_are_normalised(candidate: str, expected: str) -> None:
    assert safe_url(candidate) == expected


@pytest.mark.parametrize(
    ("candidate", "reason"),
    [
        ("https://example.com/x) [click](http://evil.test/", "space"),
        ("https://example.com/x)![t](http://evil.test/t.png)", "'['"),
        ("https://example.com/<!--", "'<'"),
        ('https://example.com/x" onmouseover="alert(1)', "'\"'"),
        ("https://example.com/with space", "space"),
        ("https://example.com/tab\there", "control"),
        ("https://example.com/\x1b[31m", "control"),
        ("https://example.com/\udcff\udcfe", "not UTF-8"),
        ("https://example.com/\ufffd", "not UTF-8"),
        ("https://example.com/\u202egnp.exe", "invisible"),
        ("https://example.com/a\u00a0b", "invisible or space"),
        ("https://example.com/`code`", "'`'"),
        ("https://example.com/a{b}", "'{'"),
        ("https://example.com/100%", "percent"),
        ("https://example.com/a#b#c", "more than one"),
        ("http://[::1", "not a valid URL"),
        ("http://[::1]x/", "IPv6"),
        ("javascript:alert(1)", "not an http"),
        ("//example.com/x", "not an http"),
        ("/relative/path", "not an http"),
        ("https://github.com@evil.test/", "user name"),
        ("https://user:pass@example.com/", "user name"),
        ("https://localhost/", "public host"),
        ("https://exa mple.com/", "space"),
        ("https://-bad-.com/", "public host"),
        ("https://1.2.3/", "IPv4"),
        ("https:///path", "no host"),
        ("https://example.com:0/", "port is 0"),
        ("https://example.com:99999/", "not a valid URL"),
        ("https://example.com/" + "a" * 3000, "longer than"),
    ],
)
def test_hostile_or_broken_urls_are_refused_with_a_reason(candidate: str, reason: str) -> None:
    with pytest.raises(UnsafeUrl, match=re.escape(reason)):
        safe_url(candidate)


def test_only_a_2xx_answer_qualifies() -> None:
    assert replacement_url("https://example.com/", final_status=200) == "https://example.com/"
    for status in (None, 301, 403, 404, 500):
        with pytest.raises(UnsafeUrl, match="did not answer 2xx"):
            replacement_url("https://example.com/", final_status=status)


def test_placements() -> None:
    url = "https://example.com/a?x=1&y=2"
    assert replacement_url(url, final_status=200) == url
    assert (
        replacement_url(url, final_status=200, placement=Placement.HTML_ATTRIBUTE)
        == "https://example.com/a?x=1&amp;y=2"
    )
    for tail in (".", ",", "!", ":", "*", "_", "~", ";"):
        with pytest.raises(UnsafeUrl, match="bare URL"):
            replacement_url(
                "https://example.com/a" + tail, final_status=200, placement=Placement.BARE
            )
        assert replacement_url("https://example.com/a" + tail, final_status=200).endswith(tail)
    with pytest.raises(UnsafeUrl, match="entity"):
        replacement_url("https://example.com/?a=1&copy;", final_status=200)
    assert placement_of("autolink") is Placement.AUTOLINK
    assert placement_of("bare") is Placement.BARE
    assert placement_of("html_img") is Placement.HTML_ATTRIBUTE
    assert placement_of("reference") is Placement.DESTINATION


def _links(markdown: str) -> list[str]:
    return [link.url for link in parse(markdown, "x.md").links]


@pytest.mark.parametrize(
    "candidate",
    [
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        "https://example.com/it's?a=1&b=2#frag",
        "https://example.com/café",
        "https://example.com/a*b_c~d!",
    ],
)
def test_every_placement_parses_back_to_the_same_single_link(candidate: str) -> None:
    """Written into each placement, the URL is one link whose destination is the safe URL."""
    placements = {
        Placement.DESTINATION: "- [Foo]({}) - Does foo.\n",
        Placement.AUTOLINK: "- <{}> - Does foo.\n",
        Placement.HTML_ATTRIBUTE: '<a href="{}">Foo</a>\n',
    }
    expected = safe_url(candidate)
    for placement, template in placements.items():
        text = replacement_url(candidate, final_status=200, placement=placement)
        assert _links(template.format(text)) == [expected], placement
    definition = "- [Foo][foo] - Does foo.\n\n[foo]: {}\n"
    assert _links(definition.format(replacement_url(candidate, final_status=200))) == [expected]
    bare = "See {} for more.\n"
    try:
        text = replacement_url(candidate, final_status=200, placement=Placement.BARE)
    except UnsafeUrl:
        return
    assert _links(bare.format(text)) == [expected]


def test_display_url_shows_hostile_text_inert() -> None:
    assert display_url("https://example.com/a") == "https://example.com/a"
    shown = display_url("https://example.com/\x1b[31mred\udcff\u202e")
    assert "\x1b" not in shown and "\\x1b" in shown and "\\xff" in shown and "\\u202e" in shown
    assert len(display_url("https://example.com/ " + "x" * 500)) == 200
