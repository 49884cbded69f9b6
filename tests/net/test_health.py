"""Network trouble is not link rot: without working DNS nothing is called dead.

A machine without DNS is simulated by plugging a resolver into listbot's own HTTP layer
(:class:`tests.net.resolvers.BrokenDns`): it fails every name, or all but a few.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections import Counter
from pathlib import Path

import pytest

from listbot.cli import main
from listbot.net import http
from listbot.net.health import Evidence, Health, canary_says_working
from listbot.net.policy import Failure, Verdict, VerdictKind
from listbot.store import open_store
from tests.net.conftest import by_url, canary_urls, links_config, make_document, run_links
from tests.net.resolvers import BrokenDns
from tests.net.servers import Farm


def _verdict(kind: VerdictKind, status: int | None = None, failure: Failure | None = None):
    return Verdict("http://x.test/", kind, status=status, failure=failure and failure.value)


OK = _verdict(VerdictKind.OK, 200)
NXDOMAIN = _verdict(VerdictKind.DEAD, failure=Failure.DNS)


def test_evidence_needs_three_answering_hosts_and_a_majority() -> None:
    evidence = Evidence.for_hosts(["a", "b", "c", "d"])
    for host in ("a", "b"):
        evidence.add(host, OK)
    evidence.add("d", NXDOMAIN)
    assert evidence.assess() is Health.UNKNOWN  # two hosts prove nothing
    evidence.add("c", OK)
    assert evidence.assess() is Health.WORKING
    for host in ("e", "f", "g", "h"):
        evidence.add(host, NXDOMAIN)
    assert evidence.assess() is Health.UNKNOWN  # more hosts failed than answered


def test_evidence_requires_the_most_linked_hosts_to_answer() -> None:
    hosts = ["github.com"] * 50 + ["a", "b", "c", "d", "e"]
    evidence = Evidence.for_hosts(hosts)
    for host in "abcde":
        evidence.add(host, OK)
    evidence.add("github.com", NXDOMAIN)
    assert evidence.assess() is Health.UNKNOWN


def test_canary_majority() -> None:
    assert canary_says_working(2, 4) and canary_says_working(1, 1)
    assert not canary_says_working(1, 4) and not canary_says_working(0, 0)


def _doc(urls: list[str]) -> object:
    return make_document("\n".join(f"- [x]({url}) - y" for url in urls))


def _urls(hosts: list[str], per_host: int) -> list[str]:
    return [f"https://{host}/page/{i}" for i in range(per_host) for host in hosts]


async def test_no_dns_at_all_stops_early_with_no_dead_link() -> None:
    resolver = BrokenDns()
    hosts = [f"site{i}.test" for i in range(300)]
    notes: list[str] = []
    report = await run_links(
        _doc(_urls(hosts, 10)),
        None,
        resolver=resolver,
        resolve_only=False,
        progress=lambda *args, note="": notes.append(note),
    )
    assert [note for note in notes if note][-1].startswith("no network: stopped after")
    assert report.fatal is not None and report.fatal.startswith("no network:")
    assert "stopped early; 3000 of 3000 links not checked" in report.fatal
    verdicts = Counter(record["verdict"] for record in report.links)
    assert verdicts == {"unverified": 3000}
    assert {record["reason"] for record in report.links} == {"not checked: no network"}
    assert report.findings == []  # the one fatal notice speaks for them
    # A small sample and the canary, not 3,000 lookups.
    assert len(resolver.asked) < 200, len(resolver.asked)


@pytest.mark.parametrize("error", [socket.EAI_NONAME, socket.EAI_AGAIN])
async def test_dns_failing_all_but_one_host(farm: Farm, error: int) -> None:
    h1 = farm.hosts["h1.test"]
    resolver = BrokenDns({"h1.test": f"{h1.address}:{h1.port}"}, error=error)
    urls = [h1.url(f"/ok/{i}") for i in range(20)] + _urls([f"s{i}.test" for i in range(40)], 2)
    config_canary = ("https://canary-a.test/", "https://canary-b.test/")
    report = await run_links(
        _doc(urls), None, resolver=resolver, resolve_only=False, canary=config_canary
    )
    assert report.fatal is not None and "1 host answered" in report.fatal
    records = by_url(report)
    assert {records[u]["verdict"] for u in urls[:20]} == {"ok"}
    assert {records[u]["verdict"] for u in urls[20:]} == {"unverified"}
    assert not any(f.rule == "dead-link" for f in report.findings)


@pytest.mark.parametrize("hosts", [["github.com"], ["github.com", "gitlab.com"]])
async def test_a_list_with_few_hosts_is_not_called_dead(hosts: list[str]) -> None:
    report = await run_links(_doc(_urls(hosts, 30)), None, resolver=BrokenDns(), resolve_only=False)
    assert report.fatal is not None
    assert not any(f.rule == "dead-link" for f in report.findings)


async def test_one_host_resolving_to_a_reserved_address_proves_nothing() -> None:
    resolver = BrokenDns({"registry.test": "0.0.0.0:80"})
    urls = ["https://registry.test/pkg", *_urls([f"s{i}.test" for i in range(30)], 1)]
    for allow_private in (False, True):
        report = await run_links(
            _doc(urls), None, resolver=resolver, resolve_only=False, allow_private=allow_private
        )
        assert report.fatal is not None, allow_private
        assert not any(f.rule in ("dead-link", "private-address") for f in report.findings)


async def test_a_dead_domain_is_dead_when_the_canaries_answer(farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    resolver = BrokenDns({name: f"{h.address}:{h.port}" for name, h in farm.hosts.items()})
    urls = ["https://gone.test/x", h1.url("/ok")]
    report = await run_links(
        _doc(urls), None, resolver=resolver, resolve_only=False, canary=canary_urls(farm)
    )
    assert report.fatal is None
    assert by_url(report)["https://gone.test/x"]["verdict"] == "dead"


async def test_no_history_is_recorded_without_network(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    urls = _urls([f"s{i}.test" for i in range(5)], 2)
    with open_store(path) as store:
        report = await run_links(_doc(urls), None, store=store, resolver=BrokenDns())
        assert report.fatal is not None
        assert all(store.history(url) is None for url in urls)
        assert store.get_many("link", urls, None) == {}


def _readme(tmp_path: Path, urls: list[str]) -> Path:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome\n\n" + "".join(f"- [Link {i}]({u}) - Entry.\n" for i, u in enumerate(urls)),
        encoding="utf-8",
    )
    return readme


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "listbot.toml"
    config.write_text(
        '[links]\ntimeout = 1.0\ncanary = ["https://canary.test/"]\n', encoding="utf-8"
    )
    return config


async def _cli(*argv: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, main, list(argv))


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
async def test_cli_without_dns_exits_2_with_one_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    monkeypatch.setattr(http, "resolver_factory", BrokenDns)
    urls = _urls(["github.com"], 200)
    readme = _readme(tmp_path, urls)
    code = await _cli(
        "links", str(readme), "--config", str(_config(tmp_path)), "--no-cache", "--format", fmt
    )
    captured = capsys.readouterr()
    assert code == 2
    assert "dead-link" not in captured.out + captured.err
    if fmt == "text":
        assert captured.err.count("no network") == 1
        (summary,) = captured.out.strip().splitlines()  # no line per link: one summary
        assert "no network (exit 2)" in summary and "200 links not checked" in summary
    if fmt == "json":
        assert captured.err.count("no network") == 1
        report = json.loads(captured.out)
        assert report["findings"] == []
        assert {r["verdict"] for r in report["links"]} == {"unverified"}
        (notice,) = report["notices"]
        assert notice["level"] == "error" and notice["message"].startswith("no network")
    if fmt == "github":
        assert captured.err.count("no network") == 0
        (line,) = captured.out.splitlines()
        assert line.startswith("::error title=listbot::no network")


async def test_dns_that_never_answers_stops_early_too() -> None:
    resolver = BrokenDns(error=None)
    hosts = [f"site{i}.test" for i in range(100)]
    config = links_config(timeout=0.5, connect_timeout=0.5)
    report = await run_links(
        _doc(_urls(hosts, 20)), None, config=config, resolver=resolver, resolve_only=False
    )
    assert report.fatal is not None and "stopped early" in report.fatal
    assert report.findings == []
    assert len(resolver.asked) < 200, len(resolver.asked)
