"""The link checker end to end against the loopback farm: verdicts, attempts, politeness, cache."""

from __future__ import annotations

import ssl
import time

import pytest
import trustme

from listbot.config import Config, config_from_mapping
from listbot.findings import Applicability
from listbot.net.options import LinksOptions
from listbot.store import open_store
from tests.net.conftest import FAST, by_url, links_config, make_document, run_links
from tests.net.servers import Farm


def _doc(*urls: str) -> object:
    return make_document("\n".join(f"- [x]({url}) - y" for url in urls))


@pytest.mark.parametrize(
    ("path", "verdict", "status", "attempts"),
    [
        ("/ok", "ok", 200, 1),
        # HEAD 404/410 is confirmed with GET before the link is called dead.
        ("/status/404", "dead", 404, 2),
        ("/status/410", "dead", 410, 2),
        # HEAD 500 -> GET, then 2 retries (FAST retries=2) before it is dead.
        ("/status/500", "dead", 500, 4),
        ("/head-refused/405", "ok", 200, 2),
        ("/head-refused/403", "ok", 200, 2),
        ("/head-refused/501", "ok", 200, 2),
        ("/once/503/first", "ok", 200, 2),
        ("/redirect/302/2", "ok", 200, 3),
        ("/cf", "unverified", 403, 2),
        ("/status/401", "unverified", 401, 2),
        ("/status/999", "unverified", 999, 2),
        ("/loop/a", "dead", 302, 2),
        ("/redirect/301/11", "dead", 301, 11),
    ],
)
async def test_verdicts_and_attempts(
    farm: Farm, path: str, verdict: str, status: int, attempts: int
) -> None:
    url = farm.hosts["h1.test"].url(path)
    record = by_url(await run_links(_doc(url), farm))[url]
    assert (record["verdict"], record["status"], record["attempts"]) == (verdict, status, attempts)


async def test_persistent_503_is_dead_but_first_time_503_recovers(farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    flaky, broken = h1.url("/once/503/x"), h1.url("/status/503")
    records = by_url(await run_links(_doc(flaky, broken), farm))
    assert records[flaky]["verdict"] == "ok"
    assert records[broken]["verdict"] == "dead"
    assert "after 2 retries" in records[broken]["reason"]


async def test_permanent_redirect_chain_gives_final_url_and_a_safe_fix(farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    url = h1.url("/redirect/301/3")
    text = f"Intro\n- [Foo]({url}#usage) - Does foo."
    report = await run_links(make_document(text), farm)
    record = by_url(report)[f"{url}#usage"]
    assert record["verdict"] == "redirect"
    assert record["final_url"] == h1.url("/redirect/301/0") + "#usage"
    (finding,) = report.findings
    assert finding.rule == "redirect" and finding.severity.value == "warning"
    assert finding.data["final_url"] == record["final_url"]
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    (edit,) = finding.fix.edits
    line = text.splitlines()[edit.span.line - 1]
    fixed = line[: edit.span.column - 1] + edit.text + line[edit.span.end_column - 1 :]
    assert fixed == f"- [Foo]({record['final_url']}) - Does foo."


async def test_cross_host_redirect_fix_is_unsafe_and_temporary_hops_stop_the_suggestion(
    farm: Farm,
) -> None:
    h1 = farm.hosts["h1.test"]
    moved, mixed = h1.url("/to/h2.test/ok"), h1.url("/moved-then/302")
    report = await run_links(_doc(moved, mixed), farm)
    records = by_url(report)
    assert records[moved]["final_url"] == "http://h2.test/ok"
    # 301 then 302: suggest the permanent target, not where the temporary hop went.
    assert records[mixed]["final_url"] == h1.url("/redirect/302/1")
    fixes = {f.url: f.fix for f in report.findings}
    assert fixes[moved] is not None and fixes[moved].applicability is Applicability.UNSAFE
    assert farm.hosts["h2.test"].requests[("HEAD", "/ok")] == 1


async def test_retry_after_is_honoured_and_the_host_pauses(farm: Farm) -> None:
    h2 = farm.hosts["h2.test"]
    url = h2.url("/once/429/a")
    started = time.monotonic()
    record = by_url(await run_links(_doc(url), farm))[url]
    elapsed = time.monotonic() - started
    assert record["verdict"] == "ok" and record["attempts"] == 2
    assert elapsed >= 0.9  # Retry-After: 1, not the 0.01 s backoff


async def test_persistent_429_is_unverified_never_dead(farm: Farm) -> None:
    url = farm.hosts["h2.test"].url("/status/429")
    record = by_url(await run_links(_doc(url), farm, config=links_config(retries=0)))[url]
    assert record["verdict"] == "unverified" and "429" in record["reason"]


async def test_retry_after_beyond_the_cap_gives_up_at_once(farm: Farm) -> None:
    url = farm.hosts["h2.test"].url("/status/429")
    report = await run_links(_doc(url), farm, config=links_config(max_retry_wait=0.5))
    record = by_url(report)[url]
    assert record["verdict"] == "unverified" and record["attempts"] == 1
    assert "asks to wait 1 s" in record["reason"]


async def test_hang_is_unverified_after_one_timeout_retry(farm: Farm) -> None:
    url = farm.hosts["h3.test"].url("/hang")
    config = links_config(timeout=0.3)
    record = by_url(await run_links(_doc(url), farm, config=config))[url]
    assert (record["verdict"], record["attempts"]) == ("unverified", 2)
    assert record["reason"] == "timed out"


async def test_huge_body_is_not_downloaded(farm: Farm) -> None:
    h3 = farm.hosts["h3.test"]
    size = 64 * 1024 * 1024
    url = h3.url(f"/body/{size}")
    record = by_url(await run_links(_doc(url), farm))[url]
    assert record["verdict"] == "ok" and record["attempts"] == 2  # HEAD 405, then GET
    # The server counts what it managed to write before the client hung up;
    # socket buffers take a few MB at most.
    assert h3.bytes_sent[f"/body/{size}"] < size // 8


async def test_small_body_is_read_to_keep_the_connection(farm: Farm) -> None:
    h3 = farm.hosts["h3.test"]
    url = h3.url("/body/1000")
    record = by_url(await run_links(_doc(url), farm))[url]
    assert record["verdict"] == "ok" and h3.bytes_sent["/body/1000"] == 1000


async def test_reset_is_retried_then_unverified(farm: Farm) -> None:
    url = farm.hosts["h3.test"].url("/reset")
    record = by_url(await run_links(_doc(url), farm))[url]
    # HEAD reset -> GET, then 2 retries.
    assert (record["verdict"], record["attempts"]) == ("unverified", 4)
    assert "reset" in record["reason"]


async def test_connection_refused_is_unverified(farm: Farm) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    resolve = {**farm.resolve, "down.test": f"127.0.0.1:{port}"}
    url = "http://down.test/"
    record = by_url(await run_links(_doc(url), farm, resolve=resolve))[url]
    assert (record["verdict"], record["attempts"]) == ("unverified", 1)
    assert record["reason"] == "connection refused"


async def test_missing_domain_is_dead(farm: Farm) -> None:
    url = "http://no-such-name.test/page"
    report = await run_links(_doc(url), farm)
    record = by_url(report)[url]
    assert record["verdict"] == "dead" and record["reason"] == "the domain does not exist"
    assert report.fatal is None
    assert [f.rule for f in report.findings] == ["dead-link"]


async def test_no_network_at_all_is_fatal_and_links_are_unverified() -> None:
    names = [f"site{i}.test" for i in range(4)]
    resolve = dict.fromkeys(names, "servfail")
    report = await run_links(_doc(*(f"https://{n}/x" for n in names)), None, resolve=resolve)
    assert report.fatal is not None and "no network" in report.fatal
    assert {r["verdict"] for r in report.links} == {"unverified"}
    assert {r["reason"] for r in report.links} == {"not checked: no network"}
    assert report.findings == []  # the fatal notice speaks for every link, once


async def test_bad_tls_certificate_is_unverified_and_a_trusted_one_is_ok() -> None:
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("tls.test").configure_cert(server_context)
    farm = Farm()
    await farm.add("tls.test", ssl_context=server_context)
    try:
        url = "https://tls.test/ok"
        record = by_url(await run_links(_doc(url), farm))[url]
        assert record["verdict"] == "unverified" and "TLS" in record["reason"]
        trusting = ssl.create_default_context()
        ca.configure_trust(trusting)
        record = by_url(await run_links(_doc(url), farm, ssl_context=trusting))[url]
        assert record["verdict"] == "ok"
    finally:
        await farm.close()


async def test_private_addresses_are_not_fetched_by_default(farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    by_name, by_ip = h1.url("/ok"), h1.direct_url("/ok")
    report = await run_links(_doc(by_name, by_ip), farm, allow_private=False)
    records = by_url(report)
    assert records[by_name]["verdict"] == "private"
    assert "loopback" in records[by_name]["reason"]
    assert records[by_ip]["verdict"] == "private"
    assert h1.requests[("HEAD", "/ok")] == h1.requests[("GET", "/ok")] == 0  # canaries aside
    assert {f.rule for f in report.findings} == {"private-address"}


async def test_a_redirect_into_a_private_address_is_caught(farm: Farm) -> None:
    # Only h2 is "public" here: the guard allows nothing, so h1's redirect to h2 ends private.
    url = farm.hosts["h1.test"].direct_url("/to/h2.test/ok")
    record = by_url(await run_links(_doc(url), farm, allow_private=False))[url]
    assert record["verdict"] == "private"


async def test_per_host_limit_holds(farm: Farm) -> None:
    h1, h2 = farm.hosts["h1.test"], farm.hosts["h2.test"]
    urls = [h.url(f"/slow/50/{i}") for h in (h1, h2) for i in range(24)]
    table = {**FAST, "per_host_concurrency": 3, "hosts": {"h2.test": {"concurrency": 5}}}
    config = config_from_mapping({"links": table})
    report = await run_links(_doc(*urls), farm, config=config)
    assert {r["verdict"] for r in report.links} == {"ok"}
    assert h1.peak == 3
    assert h2.peak == 5


async def test_global_limit_holds(farm: Farm) -> None:
    urls = [h.url(f"/slow/50/{i}") for h in farm.hosts.values() for i in range(8)]
    config = links_config(concurrency=4)
    await run_links(_doc(*urls), farm, config=config)
    assert farm.peak == 4


async def test_each_url_is_checked_once_and_reported_on_every_line(farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    dead = h1.url("/status/404")
    text = f"- [a]({dead})\n- [b](https://other.invalid/)\n- <{dead}>\n- [c]({dead}#frag)"
    report = await run_links(make_document(text), farm)
    assert h1.requests[("HEAD", "/status/404")] == 1
    assert h1.requests[("GET", "/status/404")] == 1
    assert [(f.rule, f.line) for f in report.findings] == [
        ("dead-link", 1),
        ("dead-link", 3),
        ("dead-link", 4),
    ]
    assert by_url(report)[dead]["lines"] == [1, 3, 4]
    assert by_url(report)["https://other.invalid/"]["verdict"] == "excluded"


async def test_json_link_records_have_every_field(farm: Farm) -> None:
    url = farm.hosts["h1.test"].url("/ok")
    (record,) = (await run_links(_doc(url), farm)).links
    assert {"url", "verdict", "status", "final_url", "attempts", "elapsed_ms", "lines"} <= set(
        record
    )
    assert record["lines"] == [1] and record["elapsed_ms"] >= 0


async def test_only_wanted_lines_are_checked(farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    doc = _doc(h1.url("/status/404"), h1.url("/ok"))
    report = await run_links(doc, farm, lines={"README.md": frozenset({2})})
    assert [r["url"] for r in report.links] == [h1.url("/ok")]
    assert h1.requests[("HEAD", "/status/404")] == 0


async def test_cache_stops_repeat_requests_and_failures_are_rechecked(tmp_path, farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    good, bad = h1.url("/ok"), h1.url("/status/404")
    path = tmp_path / "cache.sqlite"
    with open_store(path) as store:
        await run_links(_doc(good, bad), farm, store=store)
    assert h1.requests[("HEAD", "/ok")] == 1
    with open_store(path) as store:
        report = await run_links(_doc(good, bad), farm, store=store)
        history = store.history(bad)
    records = by_url(report)
    assert records[good].get("cached") is True and records[good]["verdict"] == "ok"
    assert h1.requests[("HEAD", "/ok")] == 1  # not asked again
    assert "cached" not in records[bad] and h1.requests[("GET", "/status/404")] == 2
    assert history is not None and history.consecutive_failures == 2
    with open_store(path) as store:
        await run_links(_doc(good), farm, store=store, no_cache=True)
    assert h1.requests[("HEAD", "/ok")] == 2


async def test_user_agent_and_progress(farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    calls: list[tuple[str, int, int, int]] = []
    await run_links(
        _doc(h1.url("/ok"), h1.url("/status/404")),
        farm,
        progress=lambda *args: calls.append(args),
    )
    assert h1.user_agents == {f"listbot/{__import__('listbot').__version__}"}
    assert calls[0] == ("links", 0, 2, 0)
    assert calls[-1] == ("links", 2, 2, 1)


async def test_urls_are_sent_as_written_and_big_headers_are_fine(farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    quoted, big = h1.url("/ok/a%3Ab%27c"), h1.url("/big-header")
    records = by_url(await run_links(_doc(quoted, big), farm))
    assert records[quoted]["verdict"] == "ok" and "/ok/a%3Ab%27c" in h1.raw_paths
    assert records[big]["verdict"] == "ok"


async def test_allowed_urls_are_not_requested(farm: Farm) -> None:
    from dataclasses import replace

    from listbot.config import AllowConfig

    h1 = farm.hosts["h1.test"]
    url = h1.url("/status/404")
    config = replace(links_config(), allow=AllowConfig(urls=("http://h1.test/status/*",)))
    report = await run_links(_doc(url), farm, config=config)
    assert by_url(report)[url]["verdict"] == "excluded" and h1.total == 0
    assert report.findings == []


async def test_redirect_fix_edits_the_reference_definition(farm: Farm) -> None:
    from listbot.parse import parse

    url = farm.hosts["h1.test"].url("/redirect/308/1")
    text = f"# List\n\n- [Foo][foo] - Does foo.\n\n[foo]: {url}\n"
    report = await run_links(parse(text, "README.md"), farm)
    (finding,) = report.findings
    assert finding.fix is not None
    (edit,) = finding.fix.edits
    assert (edit.span.line, edit.span.column) == (5, 8)
    assert edit.span.end_column - edit.span.column == len(url)
    assert edit.text == farm.hosts["h1.test"].url("/redirect/308/0")


async def test_include_beats_exclude(farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    skipped, checked = h1.url("/status/404"), h1.url("/status/410")
    config = links_config(exclude=(r"h1\.test/status/",), include=(r"/410$",))
    records = by_url(await run_links(_doc(skipped, checked), farm, config=config))
    assert records[skipped]["verdict"] == "excluded"
    assert records[checked]["verdict"] == "dead"
    assert h1.requests[("HEAD", "/status/404")] == 0


async def test_host_overrides_method_and_user_agent(farm: Farm) -> None:
    h2 = farm.hosts["h2.test"]
    table = {**FAST, "user_agent": "custom-checker/1", "hosts": {"h2.test": {"method": "get"}}}
    url = h2.url("/ok/x")
    config = config_from_mapping({"links": table})
    record = by_url(await run_links(_doc(url), farm, config=config))[url]
    assert (record["verdict"], record["attempts"]) == ("ok", 1)
    assert h2.requests[("GET", "/ok/x")] == 1 and h2.requests[("HEAD", "/ok/x")] == 0
    assert h2.user_agents == {"custom-checker/1"}


async def test_head_200_is_confirmed_with_get_and_a_lying_host_is_asked_with_get(
    farm: Farm,
) -> None:
    from listbot.checks.link_driver import Run, check_url
    from listbot.net.hosts import HostPool
    from listbot.net.http import HttpClient

    h1 = farm.hosts["h1.test"]
    untyped, typed = h1.url("/head-lies/a"), h1.url("/head-lies-typed/b")
    options = LinksOptions(**FAST)
    client = HttpClient(
        connect_timeout=1, timeout=1, connections=4, allow_private=True, resolve=farm.resolve
    )
    async with client:
        run = Run(client, HostPool(4, lambda name: 4), options)
        first = await check_url(untyped, run)
        second = await check_url(typed, run)
    # HEAD 200 without a content type is not taken for an answer: GET says 404.
    assert (first.kind.value, first.attempts) == ("dead", 2)
    # Having lied once, the host's HEAD is not trusted: its other URLs go straight to GET.
    assert (second.kind.value, second.attempts) == ("dead", 1)
    assert h1.requests[("HEAD", "/head-lies-typed/b")] == 0


async def test_a_huge_retry_after_does_not_stall_the_host(farm: Farm) -> None:
    h2 = farm.hosts["h2.test"]
    urls = [h2.url(f"/wait/3600/{i}") for i in range(50)] + [h2.url("/ok/after")]
    started = time.monotonic()
    report = await run_links(_doc(*urls), farm, config=links_config(max_retry_wait=5))
    elapsed = time.monotonic() - started
    records = by_url(report)
    assert {records[u]["verdict"] for u in urls[:50]} == {"unverified"}
    assert all("asks to wait 3600 s" in records[u]["reason"] for u in urls[:50])
    # The host is not asked again for the rest of the run: no 50 x 60 s of pauses.
    assert sum(n for (_, path), n in h2.requests.items() if path.startswith("/wait")) <= 10
    assert elapsed < 10


@pytest.mark.parametrize(
    "options",
    [
        {"retries": 10**9, "backoff": 0.0, "timeout_retries": 10**9},
        {"timeout": float("inf"), "connect_timeout": float("nan"), "max_retry_wait": 1e12},
    ],
)
async def test_network_code_is_bounded_whatever_the_configuration(farm: Farm, options) -> None:
    h3 = farm.hosts["h3.test"]
    url = h3.url("/status/503")
    config = Config(sections={"links": _unchecked_options(**options)})
    record = by_url(await run_links(_doc(url), farm, config=config))[url]
    assert record["verdict"] == "dead" and h3.requests[("GET", "/status/503")] <= 11


def _unchecked_options(**values: float) -> LinksOptions:
    """LinksOptions with values its own validation might refuse (the network code must cope)."""
    options = LinksOptions(**FAST)
    for name, value in values.items():
        object.__setattr__(options, name, value)
    return options


async def test_an_unexpected_error_costs_one_link_not_the_run(
    farm: Farm, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a check hits that nobody foresaw, that URL is unverified; the rest stands."""
    from listbot.checks import link_driver

    h1 = farm.hosts["h1.test"]
    cursed, good, gone = h1.url("/ok/cursed"), h1.url("/ok/fine"), h1.url("/status/404")
    real = link_driver.next_step

    def next_step(attempt, *args, **kwargs):  # type: ignore[no-untyped-def]
        if attempt.url == cursed:
            raise RuntimeError("a reply nobody foresaw\x1b[2J")
        return real(attempt, *args, **kwargs)

    monkeypatch.setattr(link_driver, "next_step", next_step)
    report = await run_links(_doc(cursed, good, gone), farm)
    records = by_url(report)
    assert records[cursed]["verdict"] == "unverified"
    assert records[cursed]["reason"].startswith("could not be checked (RuntimeError: a reply")
    assert "\x1b" not in records[cursed]["reason"]
    assert (records[good]["verdict"], records[gone]["verdict"]) == ("ok", "dead")


def test_a_checker_that_crashes_costs_only_its_own_findings(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from listbot.api import lint_paths
    from listbot.checks import arxiv

    async def broken(context):  # type: ignore[no-untyped-def]
        raise KeyError("nobody foresaw this")

    monkeypatch.setattr(arxiv, "check_arxiv", broken)
    readme = tmp_path / "README.md"
    readme.write_text("# A\n\n- [B](https://arxiv.org/abs/2101.00027) - no period\n")
    config = links_config(exclude=(".",))  # no link is requested
    result = lint_paths([readme], config, options={"store_path": None})
    assert result.fatal is not None and result.fatal.startswith("check_arxiv failed: KeyError")
    assert result.findings  # the offline findings survive
