"""check_arxiv against a fake arXiv API on 127.0.0.1: batching, matching by ID, timeouts, cache."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from listbot.checks import CheckContext, CheckReport
from listbot.checks.arxiv import RULES, ArxivOptions, check_arxiv
from listbot.config import Config
from listbot.findings import Finding
from listbot.model import Document
from listbot.store import Store, open_store
from tests.arxiv.docs import make_document
from tests.arxiv.server import RECORDED, FakeArxiv, fake_arxiv

pytestmark = pytest.mark.skipif(not RECORDED.is_dir(), reason="../shared/fixtures is absent")

OFFLINE = frozenset({"year-mismatch", "arxiv-invalid-id", "arxiv-link-form"})
ALL = frozenset(rule.id for rule in RULES) | OFFLINE
TODAY = date(2026, 4, 15)


async def run(
    server: FakeArxiv,
    documents: Iterable[Document],
    *,
    store: Store | None = None,
    selected: Iterable[str] = ALL,
    **options: Any,
) -> CheckReport:
    settings: dict[str, Any] = {"api_url": server.url, "delay": 0.0, "timeout": 5.0}
    settings.update(options)
    selected = frozenset(selected)
    config = Config(
        select=tuple(sorted(selected & OFFLINE)) or ("final-newline",),
        sections={"arxiv": ArxivOptions(**settings)},
    )
    context = CheckContext(
        documents=list(documents),
        config=config,
        store=store or open_store(None),
        selected=selected - OFFLINE,
        options={"today": TODAY},
    )
    return await check_arxiv(context)


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [finding for finding in findings if finding.rule == rule]


async def test_recorded_batch_with_a_missing_id_is_matched_by_id() -> None:
    doc = make_document(
        "- **Proceedings of Workshop AEW10** [Paper](https://arxiv.org/abs/1707.08567)\n"
        "- Typo [Paper](https://arxiv.org/abs/0808.0539)\n"
        "- Malformed [Paper](https://arxiv.org/abs/0808.05394)\n"
    )
    canned = {"0808.0539,1707.08567": (200, "batch_one_missing_id_200.xml")}
    async with fake_arxiv(canned=canned) as server:
        report = await run(server, [doc])
    assert server.requests == [["0808.0539", "1707.08567"]], "the malformed ID was sent"
    # Line 3 is the offline rule's (arxiv-invalid-id); the check only adds future dates.
    assert [(f.rule, f.line) for f in report.findings] == [("arxiv-not-found", 2)]
    assert all(finding.file == "list.md" for finding in report.findings)


async def test_classic_2012_format_parses_by_namespace() -> None:
    doc = make_document(
        "- **Membrane lateral structure** [Paper](http://arxiv.org/abs/1205.1001v1)\n"
        "- **Deep Residual Learning for Image Recognition** "
        "[Paper](https://arxiv.org/abs/1001.1001)\n"
    )
    canned = {"1001.1001,1205.1001": (200, "classic_api_2012_two_ids_200.xml")}
    async with fake_arxiv(canned=canned) as server:
        report = await run(server, [doc], selected={"arxiv-title-mismatch", "arxiv-not-found"})
    assert server.count == 1
    mismatches = by_rule(report.findings, "arxiv-title-mismatch")
    assert [f.line for f in mismatches] == [2]
    assert "Deep Residual Learning" in mismatches[0].message
    assert "The chromosphere: gateway to the corona" in mismatches[0].message
    assert not by_rule(report.findings, "arxiv-not-found")


async def test_old_style_id_and_its_journal_reference() -> None:
    doc = make_document(
        "- **Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys**"
        " [Paper](https://arxiv.org/abs/astro-ph/0601001)\n"
    )
    canned = {"astro-ph/0601001": (200, "old_style_id_200.xml")}
    async with fake_arxiv(canned=canned) as server:
        report = await run(server, [doc])
    assert server.requests == [["astro-ph/0601001"]]
    assert [f.rule for f in report.findings] == ["arxiv-published"]
    assert "ActaAstron.56:1-50,2006" in report.findings[0].message


async def test_empty_feed_means_not_found() -> None:
    doc = make_document("- Thing [Paper](https://arxiv.org/abs/0901.0001)\n")
    canned = {"0901.0001": (200, "nonexistent_id_empty_200.xml")}
    async with fake_arxiv(canned=canned) as server:
        report = await run(server, [doc])
    assert [f.rule for f in report.findings] == ["arxiv-not-found"]
    assert report.findings[0].message == "arXiv has no paper 0901.0001"


async def test_an_empty_answer_for_a_batch_is_asked_once_more() -> None:
    papers = {"0901.0001": {"title": "A paper that exists"}}
    doc = make_document(
        "- A [Paper](https://arxiv.org/abs/0901.0001)\n- B [Paper](https://arxiv.org/abs/0901.0002)\n"
    )
    async with fake_arxiv(papers, empty_first=1) as server:
        report = await run(server, [doc], retries=2)
    assert server.count == 2, "a transient empty feed must not make both papers missing"
    assert [(f.rule, f.line) for f in report.findings] == [("arxiv-not-found", 2)]
    async with fake_arxiv({}) as server:
        report = await run(server, [doc], retries=2)
    assert server.count == 2, "an empty answer given twice is believed"
    assert [(f.rule, f.line) for f in report.findings] == [
        ("arxiv-not-found", 1),
        ("arxiv-not-found", 2),
    ]


async def test_a_400_error_feed_leaves_ids_unchecked_without_retrying() -> None:
    doc = make_document("- Thing [Paper](https://arxiv.org/abs/2101.00027)\n")
    canned = {"2101.00027": (400, "malformed_id_400.xml")}
    async with fake_arxiv(canned=canned) as server:
        report = await run(server, [doc], retries=3)
    assert server.count == 1
    assert report.findings == []
    assert report.notices and "HTTP 400" in report.notices[0]


async def test_withdrawn_paper_and_a_version_that_does_not_exist() -> None:
    papers = {
        "2301.00001": {
            "title": "A Result We Took Back",
            "version": 2,
            "comment": "This paper has been withdrawn by the author due to an error",
        },
        "2301.00002": {"title": "A Paper With Two Versions", "version": 2},
    }
    doc = make_document(
        "- **A Result We Took Back** [Paper](https://arxiv.org/abs/2301.00001)\n"
        "- **A Paper With Two Versions** [Paper](https://arxiv.org/abs/2301.00002v5)\n"
    )
    async with fake_arxiv(papers) as server:
        report = await run(server, [doc], selected={"arxiv-withdrawn", "arxiv-not-found"})
    assert [(f.rule, f.line) for f in report.findings] == [
        ("arxiv-withdrawn", 1),
        ("arxiv-not-found", 2),
    ]
    assert "has no v5 (latest is v2)" in report.findings[1].message


async def test_batches_of_at_most_batch_size_matched_by_id_not_order() -> None:
    papers = {f"2301.{n:05d}": {"title": f"Paper number {n} about things"} for n in range(1, 251)}
    line = "- **Paper number {n} about things** [P](https://arxiv.org/abs/2301.{n:05d})"
    lines = [line.format(n=n) for n in range(1, 251)]
    lines.append("- **Paper number 7 about things** [P](https://arxiv.org/pdf/2301.00007v1)")
    lines.append("- **Something else entirely here** [P](https://arxiv.org/abs/2301.00008)")
    doc = make_document("\n".join(lines) + "\n")
    async with fake_arxiv(papers, reverse=True) as server:
        report = await run(server, [doc], selected={"arxiv-title-mismatch", "arxiv-not-found"})
    assert server.count == math.ceil(250 / 100)
    assert [len(ids) for ids in server.requests] == [100, 100, 50]
    assert len({i for ids in server.requests for i in ids}) == 250
    assert [(f.rule, f.line) for f in report.findings] == [("arxiv-title-mismatch", 252)]


async def test_a_stalled_server_costs_the_timeout_and_reports_nothing_as_missing() -> None:
    doc = make_document("- **Some title of a paper** [Paper](https://arxiv.org/abs/2101.00027)\n")
    async with fake_arxiv({}, delay=3.0) as server:
        report = await run(server, [doc], timeout=0.3, retries=0)
    assert server.count == 1
    assert report.findings == []
    assert report.notices == [
        f"arXiv checks skipped: cannot reach {server.url.split('/')[2]} (timeout after 0.3 s); "
        "1 of 1 IDs not checked"
    ]


async def test_a_5xx_answer_is_retried() -> None:
    papers = {"2101.00027": {"title": "The Pile: An 800GB Dataset of Diverse Text"}}
    doc = make_document("- **Wrong paper title words** [Paper](https://arxiv.org/abs/2101.00027)\n")
    async with fake_arxiv(papers, fail_first=1) as server:
        report = await run(server, [doc], retries=1, selected={"arxiv-title-mismatch"})
    assert server.count == 2
    assert [f.rule for f in report.findings] == ["arxiv-title-mismatch"]
    assert report.notices == []


async def test_warm_cache_sends_no_request(tmp_path: Path) -> None:
    papers = {"2005.14165": {"title": "Language Models are Few-Shot Learners"}}
    doc = make_document(
        "- **Wrong title for this paper** [Paper](https://arxiv.org/abs/2005.14165)\n"
        "- **Missing** [Paper](https://arxiv.org/abs/2005.14166)\n"
    )
    clock = [1_000_000.0]
    store = open_store(tmp_path / "cache.sqlite", clock=lambda: clock[0])
    async with fake_arxiv(papers) as server:
        first = await run(server, [doc], store=store)
        assert server.count == 1
        second = await run(server, [doc], store=store)
        assert server.count == 1, "a warm cache must send no request"
        assert second.findings == first.findings
        assert {f.rule for f in first.findings} == {"arxiv-title-mismatch", "arxiv-not-found"}
        clock[0] += 2 * 86400  # the "not found" answer is stale, the paper record is not
        await run(server, [doc], store=store)
        assert server.requests[-1] == ["2005.14166"]
        clock[0] += 31 * 86400
        await run(server, [doc], store=store)
        assert server.requests[-1] == ["2005.14165", "2005.14166"]
    store.close()


async def test_offline_rules_alone_send_nothing_and_future_ids_ride_along() -> None:
    doc = make_document(
        "- **X** [Paper](http://www.arxiv.org/pdf/2005.14165v2.pdf)\n"
        "- **Y** [Paper](https://arxiv.org/abs/2912.00001)\n"
    )
    async with fake_arxiv({"2005.14165": {"title": "X", "version": 2}}) as server:
        alone = await run(server, [doc], selected={"arxiv-link-form", "arxiv-invalid-id"})
        assert server.count == 0 and alone.findings == []
        report = await run(server, [doc], selected={"arxiv-invalid-id", "arxiv-not-found"})
    assert server.requests == [["2005.14165"]], "a future ID was sent"
    assert [(f.rule, f.line) for f in report.findings] == [("arxiv-invalid-id", 2)]
    assert "2029-12 is in the future" in report.findings[0].message


async def test_disabled_or_unselected_means_no_request() -> None:
    doc = make_document("- **X** [Paper](https://arxiv.org/abs/2005.14165)\n")
    async with fake_arxiv({}) as server:
        assert (await run(server, [doc], enabled=False)).findings == []
        assert (await run(server, [doc], selected=set())).findings == []
    assert server.count == 0


async def test_year_from_real_dates_only_where_the_id_misleads() -> None:
    papers = {
        "2101.00027": {"title": "The Pile: An 800GB Dataset", "published": "2020-12-31"},
        "2101.00028": {"title": "A January paper", "published": "2021-01-05"},
    }
    doc = make_document(
        "- **The Pile: An 800GB Dataset**, Arxiv 2021. [Paper](https://arxiv.org/abs/2101.00027)\n"
        "- **The Pile: An 800GB Dataset**, Arxiv 2020. [Paper](https://arxiv.org/abs/2101.00027)\n"
        "- **The Pile: An 800GB Dataset**, ICLR 2022. [Paper](https://arxiv.org/abs/2101.00027)\n"
        "- **A January paper**, Arxiv 2020. [Paper](https://arxiv.org/abs/2101.00028)\n"
        "- **A January paper**, Arxiv 2019. [Paper](https://arxiv.org/abs/2101.00028)\n",
        papers=True,
    )
    async with fake_arxiv(papers) as server:
        report = await run(server, [doc], selected={"year-mismatch", "arxiv-not-found"})
    # The offline rule lets a January ID pass for the year before; real dates settle lines
    # 1 and 4. Line 5 is the offline rule's own finding (2019 is wrong either way).
    assert [(f.rule, f.line) for f in report.findings] == [
        ("year-mismatch", 1),
        ("year-mismatch", 4),
    ]
    assert "first version 2020-12-31" in report.findings[0].message
    assert "first version 2021-01-05" in report.findings[1].message


async def test_pr_review_lines_limit_what_is_sent_and_progress_is_reported() -> None:
    papers = {f"2301.0000{n}": {"title": f"Paper {n} on a topic"} for n in range(1, 4)}
    line = "- **Paper {n} on a topic** [P](https://arxiv.org/abs/2301.0000{n})\n"
    doc = make_document("".join(line.format(n=n) for n in (1, 2, 3)))
    calls: list[tuple[str, int, int, int]] = []
    async with fake_arxiv(papers) as server:
        context = CheckContext(
            documents=[doc],
            config=Config(sections={"arxiv": ArxivOptions(api_url=server.url, delay=0.0)}),
            store=open_store(None),
            selected=frozenset({"arxiv-not-found"}),
            lines={"list.md": frozenset({2, 3})},
            progress=lambda *args: calls.append(args),
        )
        report = await check_arxiv(context)
    assert server.requests == [["2301.00002", "2301.00003"]]
    assert report.findings == []
    assert calls == [("arxiv", 1, 1, 0)]


async def test_arxiv_out_of_reach_is_one_notice_and_one_batch() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed once the block ends: connections are refused
    lines = [f"- **Paper {n}** [P](https://arxiv.org/abs/2301.{n:05d})" for n in range(1, 251)]
    doc = make_document("\n".join(lines) + "\n")
    options = ArxivOptions(api_url=f"http://127.0.0.1:{port}/api/query", delay=0.0, retries=1)
    config = Config(select=("final-newline",), sections={"arxiv": options})
    context = CheckContext([doc], config, open_store(None), ALL - OFFLINE, options={"today": TODAY})
    report = await check_arxiv(context)
    assert report.notices == [
        f"arXiv checks skipped: cannot reach 127.0.0.1:{port} (connection refused); "
        "250 of 250 IDs not checked"
    ]
    assert report.findings == []


async def test_an_answering_arxiv_with_one_bad_batch_goes_on() -> None:
    doc = make_document(
        "- Thing [Paper](https://arxiv.org/abs/2101.00027)\n"
        "- **Language Models are Few-Shot Learners** [P](https://arxiv.org/abs/2005.14165)\n"
    )
    canned = {"2101.00027": (400, "malformed_id_400.xml")}
    papers = {"2005.14165": {"title": "Language Models are Few-Shot Learners"}}
    async with fake_arxiv(papers, canned=canned) as server:
        report = await run(server, [doc], batch_size=1)
    assert server.count == 2
    assert report.notices == ["arXiv checks incomplete: 1 of 2 IDs not checked (HTTP 400)"]
