"""URL identity keys and tracking-parameter removal (pure functions, plain values)."""

from __future__ import annotations

import pytest

from listbot.normalize.urls import (
    host_of,
    is_tracking_parameter,
    normalize_url,
    query_parameters,
    remove_tracking_parameters,
    tracking_parameters,
)

SAME = [
    # scheme, www., trailing slash, host case, default port
    ("https://example.com/docs/", "http://www.Example.com/docs"),
    ("https://example.com", "https://example.com:443/"),
    ("http://example.com/a", "//example.com/a"),
    ("https://example.com/", "https://example.com/index.html"),
    # tracking parameters and query order
    ("https://example.com/p?a=1&b=2", "https://example.com/p?b=2&utm_source=x&a=1&fbclid=y"),
    ("https://example.com/p", "https://example.com/p?gclid=abc"),
    # percent-encoding of unreserved characters and hex case
    ("https://example.com/~me/%2F", "https://example.com/%7eme/%2f"),
    # GitHub owner/repo case, .git, #readme, tab=readme-ov-file
    ("https://github.com/Owner/Repo", "https://github.com/owner/repo.git"),
    ("https://github.com/owner/repo", "https://github.com/owner/repo#readme"),
    ("https://github.com/owner/repo", "https://github.com/owner/repo?tab=readme-ov-file"),
    ("https://github.com/owner/repo", "https://www.github.com/OWNER/REPO/"),
    # text fragments are highlights, not places
    ("https://example.com/p", "https://example.com/p#:~:text=hello"),
    # arXiv forms of one paper
    ("https://arxiv.org/abs/2005.14165", "http://arxiv.org/pdf/2005.14165v3.pdf"),
    ("https://arxiv.org/abs/2005.14165", "https://export.arxiv.org/abs/2005.14165v1"),
    ("https://arxiv.org/abs/2005.14165", "https://www.arxiv.org/pdf/2005.14165"),
    ("https://arxiv.org/abs/hep-th/9901001", "http://arxiv.org/abs/hep-th/9901001v2"),
    # YouTube share ids are tracking there
    ("https://youtu.be/abc?t=10", "https://youtu.be/abc?si=XYZ&t=10"),
]

DIFFERENT = [
    # a fragment names a place on the page (awesome-lint #158)
    ("https://example.com/p#install", "https://example.com/p"),
    ("https://example.com/p#install", "https://example.com/p#usage"),
    # path case matters outside GitHub owner/repo
    ("https://example.com/Docs", "https://example.com/docs"),
    ("https://github.com/o/r/blob/main/README.md", "https://github.com/o/r/blob/main/readme.md"),
    # meaningful query parameters, including ref (a branch on GitHub)
    ("https://example.com/p?id=1", "https://example.com/p?id=2"),
    ("https://github.com/o/r/actions?ref=main", "https://github.com/o/r/actions"),
    # si is tracking on YouTube only
    ("https://example.com/p?si=1", "https://example.com/p"),
    # a non-default port
    ("https://example.com:8443/", "https://example.com/"),
    # two papers; an arXiv mirror is another page
    ("https://arxiv.org/abs/2005.14165", "https://arxiv.org/abs/2005.14166"),
    ("https://arxiv.org/abs/2005.14165", "https://ar5iv.org/abs/2005.14165"),
    # other hosts
    ("https://gitlab.com/o/r", "https://github.com/o/r"),
]


@pytest.mark.parametrize(("first", "second"), SAME)
def test_same_page_same_key(first: str, second: str) -> None:
    assert normalize_url(first) == normalize_url(second)


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_different_pages_different_keys(first: str, second: str) -> None:
    assert normalize_url(first) != normalize_url(second)


def test_arxiv_key_names_the_paper() -> None:
    assert normalize_url("https://arxiv.org/pdf/2203.15556v1.pdf") == "arxiv:2203.15556"
    # not a paper: an ordinary URL key
    assert normalize_url("https://arxiv.org/list/cs.CL/recent") == "arxiv.org/list/cs.CL/recent"


def test_non_http_urls_come_back_stripped() -> None:
    assert normalize_url(" #contents ") == "#contents"
    assert normalize_url("mailto:a@b.org") == "mailto:a@b.org"
    assert normalize_url("docs/readme.md") == "docs/readme.md"
    assert normalize_url("https://[::1") == "https://[::1"  # malformed: no exception


def test_tracking_parameter_names() -> None:
    assert is_tracking_parameter("utm_source")
    assert is_tracking_parameter("UTM_Campaign")
    assert is_tracking_parameter("fbclid")
    assert not is_tracking_parameter("ref")
    assert not is_tracking_parameter("si")
    assert is_tracking_parameter("si", "youtube.com")
    assert not is_tracking_parameter("page")


def test_query_parameters_have_offsets_into_the_url() -> None:
    url = "https://x.org/p?a=1&&utm_source=z#frag?b=2"
    pieces = query_parameters(url)
    assert [p.name for p in pieces] == ["a", "utm_source"]
    assert [url[p.start : p.end] for p in pieces] == ["a=1", "utm_source=z"]
    assert [p.name for p in tracking_parameters(url)] == ["utm_source"]


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        ("https://x.org/p?utm_source=a&b=1&utm_medium=c#f", "https://x.org/p?b=1#f"),
        ("https://x.org/p?utm_source=a", "https://x.org/p"),
        ("https://x.org/p?utm_source=a&fbclid=b#top", "https://x.org/p#top"),
        ("https://x.org/p?B=%20x&utm_term=q&c", "https://x.org/p?B=%20x&c"),
        ("https://x.org/p?b=1", "https://x.org/p?b=1"),
        ("https://x.org/p", "https://x.org/p"),
        ("https://x.org/p?keep=utm_source", "https://x.org/p?keep=utm_source"),
    ],
)
def test_remove_tracking_keeps_everything_else_as_written(url: str, clean: str) -> None:
    assert remove_tracking_parameters(url) == clean
    assert remove_tracking_parameters(clean) == clean


def test_host_of() -> None:
    assert host_of("https://www.GitHub.com/a") == "github.com"
    assert host_of("#top") == ""
    assert host_of("https://[::1") == ""
