"""year-mismatch's pure year logic and insecure-link's host list, with plain values."""

from __future__ import annotations

import pytest

from listbot.api import lint_text
from listbot.config import Config
from listbot.findings import Applicability
from listbot.rules.insecure_link import serves_https
from listbot.rules.year_mismatch import is_arxiv_venue, stated_year_conflict


@pytest.mark.parametrize(
    ("year", "venue", "preprint", "conflict"),
    [
        (2020, "NeurIPS", 2020, False),
        (2021, "ICLR", 2020, False),  # published after the preprint: normal
        (2019, "NeurIPS", 2020, False),  # posted to arXiv the year after the event
        (2018, "NeurIPS", 2020, True),  # long before the preprint existed
        (2019, None, 2020, True),
        (2020, "arXiv", 2020, False),
        (2021, "arXiv", 2020, True),  # arXiv year must be the ID's year
        (2019, "Arxiv preprint", 2020, True),
        (2021, "CoRR", 2020, True),
        (2021, "Archive of Formal Proofs", 2020, False),  # not arXiv
    ],
)
def test_stated_year_conflict(year: int, venue: str | None, preprint: int, conflict: bool) -> None:
    assert (stated_year_conflict(year, venue, preprint) is not None) is conflict


def test_a_january_id_may_be_a_december_submission() -> None:
    assert stated_year_conflict(2020, "arXiv", 2021, preprint_month=1) is None
    assert stated_year_conflict(2020, None, 2021, preprint_month=1) is None
    assert stated_year_conflict(2020, "arXiv", 2021, preprint_month=2) is not None
    assert stated_year_conflict(2019, "arXiv", 2021, preprint_month=1) is not None


def test_arxiv_venue_names() -> None:
    assert is_arxiv_venue("arXiv")
    assert is_arxiv_venue("ArXiv preprint arXiv:2005.14165")
    assert not is_arxiv_venue("ACL")
    assert not is_arxiv_venue(None)


@pytest.mark.parametrize(
    ("host", "known"),
    [
        ("arxiv.org", True),
        ("export.arxiv.org", True),
        ("github.com", True),
        ("www.github.com", True),
        ("foo.github.io", True),
        ("en.wikipedia.org", True),
        ("proceedings.mlr.press", True),
        ("notgithub.com", False),
        ("github.com.evil.example", False),
        ("example.org", False),
        ("", False),
    ],
)
def test_known_https_hosts(host: str, known: bool) -> None:
    assert serves_https(host) is known


def _arxiv_findings(text: str) -> list:
    return lint_text(text, "readme.md", config=Config(select=("arxiv-link-form",))).findings


def test_arxiv_pdf_links_that_most_of_a_list_uses_are_its_convention_reported_once() -> None:
    papers = "".join(
        f"- **Paper {n}** [Paper](https://arxiv.org/pdf/2101.{n:05d}.pdf)\n" for n in range(1, 13)
    )
    text = f"# Papers\n\n{papers}- **Old** [Paper](http://arxiv.org/pdf/2101.00099.pdf)\n"
    found = _arxiv_findings(text)
    assert [f.message for f in found] == [
        "13 of 13 arXiv links are PDF links, the list's convention; the abstract page "
        "(https://arxiv.org/abs/2101.00001) shows every version and format",
        "Link https://arxiv.org/pdf/2101.00099.pdf instead of this http link",
    ]
    assert found[0].fix is None
    assert found[1].fix is not None and found[1].fix.applicability is Applicability.SAFE


def test_arxiv_pdf_fix_is_unsafe_and_a_pdf_label_is_meant() -> None:
    text = (
        "# Papers\n\n- **A** [Paper](https://arxiv.org/pdf/2101.00001.pdf)\n"
        "- **B** [[pdf]](https://arxiv.org/pdf/2101.00002.pdf)\n"
    )
    found = _arxiv_findings(text)
    assert [f.line for f in found] == [3]
    assert found[0].fix is not None and found[0].fix.applicability is Applicability.UNSAFE
