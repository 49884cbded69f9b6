"""arXiv IDs from every URL form and from text, and local validation (pure, no network)."""

from __future__ import annotations

from datetime import date

import pytest

from listbot.normalize.arxiv_ids import (
    ArxivId,
    arxiv_id_from_url,
    arxiv_url_candidate,
    find_arxiv_ids,
    parse_arxiv_id,
    validate,
)

TODAY = date(2026, 4, 15)


@pytest.mark.parametrize(
    ("url", "canonical", "version"),
    [
        ("https://arxiv.org/abs/2005.14165", "2005.14165", None),
        ("https://arxiv.org/abs/2005.14165v4", "2005.14165", 4),
        ("https://arxiv.org/pdf/2005.14165", "2005.14165", None),
        ("https://arxiv.org/pdf/2005.14165.pdf", "2005.14165", None),
        ("https://arxiv.org/pdf/2005.14165v2.pdf", "2005.14165", 2),
        ("http://arxiv.org/abs/1910.02054", "1910.02054", None),
        ("https://www.arxiv.org/abs/1910.02054", "1910.02054", None),
        ("http://export.arxiv.org/abs/1910.02054v3", "1910.02054", 3),
        ("https://arxiv.org/html/2402.06196v3", "2402.06196", 3),
        ("https://arxiv.org/html/2402.06196v3/#S2", "2402.06196", 3),
        ("https://arxiv.org/abs/2005.14165?context=cs", "2005.14165", None),
        ("https://arxiv.org/abs/2005.14165#comments", "2005.14165", None),
        ("https://arxiv.org/abs/2005.14165/", "2005.14165", None),
        ("arxiv.org/abs/2005.14165", "2005.14165", None),
        ("https://ar5iv.labs.arxiv.org/html/1910.02054", "1910.02054", None),
        ("https://ar5iv.org/abs/1910.02054", "1910.02054", None),
        ("https://www.alphaxiv.org/abs/2305.10403", "2305.10403", None),
        ("https://alphaxiv.org/abs/2305.10403v2", "2305.10403", 2),
        ("https://doi.org/10.48550/arXiv.2005.14165", "2005.14165", None),
        ("https://doi.org/10.48550/ARXIV.2005.14165", "2005.14165", None),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001", None),
        ("https://arxiv.org/abs/math.GT/0309136v1", "math/0309136", 1),
        ("https://arxiv.org/pdf/cond-mat/0102536v1.pdf", "cond-mat/0102536", 1),
        ("https://arxiv.org/abs/0704.0001", "0704.0001", None),
        ("https://arxiv.org/src/2005.14165", "2005.14165", None),
    ],
)
def test_every_url_form_gives_the_canonical_id(
    url: str, canonical: str, version: int | None
) -> None:
    arxiv_id = arxiv_id_from_url(url)
    assert arxiv_id is not None
    assert (arxiv_id.id, arxiv_id.version) == (canonical, version)


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/arxiv/abs/2005.14165",
        "https://arxiv.org/list/cs.CL/recent",
        "https://arxiv.org/",
        "https://arxiv.org/abs/",
        "https://doi.org/10.1145/3442188.3445922",
        "https://example.org/abs/2005.14165",
        "https://arxiv.org.evil.example/abs/2005.14165",
        "not a url at all",
    ],
)
def test_other_urls_name_no_paper(url: str) -> None:
    assert arxiv_id_from_url(url) is None


def test_malformed_id_in_an_arxiv_url_is_still_a_candidate() -> None:
    assert arxiv_url_candidate("https://arxiv.org/abs/abc") == "abc"
    assert arxiv_id_from_url("https://arxiv.org/abs/abc") is None
    assert validate("abc", TODAY) is not None


def test_fields_of_a_new_and_an_old_style_id() -> None:
    assert parse_arxiv_id("2304.13712v2") == ArxivId("2304.13712", 2, 2023, 4)
    assert parse_arxiv_id("hep-th/9901001") == ArxivId("hep-th/9901001", None, 1999, 1)
    old = parse_arxiv_id("cs/0112017")
    assert old is not None and old.old_style and (old.year, old.month) == (2001, 12)
    arxiv_id = parse_arxiv_id("2005.14165v3")
    assert arxiv_id is not None
    assert arxiv_id.versioned == "2005.14165v3"
    assert arxiv_id.abs_url == "https://arxiv.org/abs/2005.14165"


@pytest.mark.parametrize(
    "raw",
    ["0704.0001", "1412.7878", "1501.00001", "2304.13712v2", "hep-th/9901001",
     "math.GT/0309136", "cond-mat/0102536v1", "2604.00001"],
)  # fmt: skip
def test_valid_ids(raw: str) -> None:
    assert validate(raw, TODAY) is None


@pytest.mark.parametrize(
    ("raw", "reason_part"),
    [
        ("1412.12345", "4 digits"),
        ("1501.0001", "5 digits"),
        ("2013.12345", "month 13"),
        ("2000.12345", "month 00"),
        ("0703.1234", "April 2007"),
        ("0000.0000", "month 00"),
        ("2605.00001", "future"),
        ("2312.00000", "sequence number"),
        ("2312.00001v0", "v1"),
        ("foo-bar/9901001", "not an arXiv archive"),
        ("hep-th/0801001", "March 2007"),
        ("hep-th/9013001", "month 13"),
        ("hep-th/9106001", "July 1991"),
        ("abc", "not an arXiv identifier"),
        ("2005.141656", "not an arXiv identifier"),
        ("1112.6209.pdf&embed", "the identifier 1112.6209 is followed by '.pdf&embed'"),
    ],
)
def test_invalid_ids_say_why(raw: str, reason_part: str) -> None:
    reason = validate(raw, TODAY)
    assert reason is not None and reason_part in reason


def test_future_is_relative_to_the_date_passed_in() -> None:
    assert validate("2605.00001", date(2026, 5, 1)) is None
    assert validate("2605.00001", date(2026, 4, 30)) is not None


def test_ids_in_text_with_offsets() -> None:
    text = "See arXiv:2005.14165v2 and arXiv: hep-th/9901001, not xarXiv:1234.5678 or 2005.14165."
    found = find_arxiv_ids(text)
    assert [(arxiv_id.id, arxiv_id.version) for arxiv_id, _ in found] == [
        ("2005.14165", 2),
        ("hep-th/9901001", None),
    ]
    for arxiv_id, offset in found:
        assert text[offset:].startswith(arxiv_id.id)


def test_text_id_followed_by_more_digits_is_not_cut_short() -> None:
    assert find_arxiv_ids("arXiv:2005.141656") == []
    assert [a.id for a, _ in find_arxiv_ids("(arXiv:1706.03762)")] == ["1706.03762"]
