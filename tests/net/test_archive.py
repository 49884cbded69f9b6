"""Archived copies of dead links: one availability request per dead URL at most, stored,
with a timeout; nothing when the API cannot be asked; server text validated."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from listbot.checks.archive import snapshot_from_answer, wayback_url
from listbot.cli import main
from listbot.findings import Applicability
from listbot.store import open_store
from tests.net.conftest import by_url, links_config, make_document, run_links
from tests.net.servers import FakeArchive, Farm


@pytest.fixture
async def archive() -> AsyncIterator[FakeArchive]:
    server = await FakeArchive().start()
    try:
        yield server
    finally:
        await server.close()


def _dead_doc(farm: Farm) -> tuple[str, str, object]:
    h1 = farm.hosts["h1.test"]
    gone, also = h1.url("/status/404"), h1.url("/status/410")
    text = (
        f"# List\n\n- [Gone]({gone}) - Was here.\n- [Also]({also}) - Too.\n"
        f"- [Ok]({h1.url('/ok')}) - Fine.\n"
    )
    return gone, also, make_document(text)


async def test_a_dead_link_gets_its_archived_copy_as_an_unsafe_fix(
    farm: Farm, archive: FakeArchive
) -> None:
    gone, also, doc = _dead_doc(farm)
    archive.snapshots[gone] = FakeArchive.closest(gone)
    config = links_config(archive_api_url=archive.api_url)
    with open_store(None) as store:
        report = await run_links(doc, farm, store=store, config=config, archive_lookup=True)
        records = by_url(report)
        copy = f"https://web.archive.org/web/20200102030405/{gone}"
        assert records[gone]["archive"] == {"status": "found", "url": copy, "date": "2020-01-02"}
        assert records[also]["archive"] == {"status": "none"}
        assert "archive" not in records[farm.hosts["h1.test"].url("/ok")]
        assert sorted(url for url, _ in archive.asked) == sorted([gone, also])
        assert all(timestamp for _, timestamp in archive.asked)  # closest to when it failed
        finding = next(f for f in report.findings if f.url == gone)
        assert finding.rule == "dead-link" and "archived copy from 2020-01-02" in finding.message
        assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
        assert [edit.text for edit in finding.fix.edits] == [copy]
        assert finding.data["archive_url"] == copy
        other = next(f for f in report.findings if f.url == also)
        assert other.fix is None

        again = by_url(await run_links(doc, farm, store=store, config=config, archive_lookup=True))
        assert len(archive.asked) == 2  # both answers came from the store
        assert again[gone]["archive"]["url"] == copy and again[also]["archive"]["status"] == "none"


async def test_no_lookup_unless_asked_or_without_an_api(farm: Farm, archive: FakeArchive) -> None:
    _, _, doc = _dead_doc(farm)
    report = await run_links(doc, farm, config=links_config(archive_api_url=archive.api_url))
    assert archive.asked == [] and all("archive" not in r for r in report.links)
    off = links_config(archive_api_url="")
    report = await run_links(doc, farm, config=off, archive_lookup=True)
    assert archive.asked == []
    assert {r["archive"]["status"] for r in report.links if r["verdict"] == "dead"} == {
        "not checked"
    }


@pytest.mark.parametrize("mode", ["error", "garbage", "hang"])
async def test_an_api_that_does_not_answer_gives_no_copy_and_one_notice(
    farm: Farm, archive: FakeArchive, mode: str
) -> None:
    gone, _, doc = _dead_doc(farm)
    archive.snapshots[gone] = FakeArchive.closest(gone)
    archive.mode = mode
    config = links_config(archive_api_url=archive.api_url, timeout=0.5)
    started = time.monotonic()
    with open_store(None) as store:
        report = await run_links(doc, farm, store=store, config=config, archive_lookup=True)
        assert time.monotonic() - started < 5
        dead = [r for r in report.links if r["verdict"] == "dead"]
        assert [r["archive"] for r in dead] == [{"status": "not checked"}] * 2
        (notice,) = [n for n in report.notices if n.startswith("archived copies not checked")]
        assert {"error": "HTTP 503", "garbage": "not JSON", "hang": "timeout"}[mode] in notice
        assert all(f.fix is None for f in report.findings)
        # Nothing was stored: the next run asks again.
        archive.mode = "ok"
        report = await run_links(doc, farm, store=store, config=config, archive_lookup=True)
        assert by_url(report)[gone]["archive"]["status"] == "found"


async def test_an_unreachable_api_is_one_notice(farm: Farm) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _, _, doc = _dead_doc(farm)
    config = links_config(archive_api_url=f"http://127.0.0.1:{port}/wayback/available")
    report = await run_links(doc, farm, config=config, archive_lookup=True)
    assert [n for n in report.notices if "archive" in n] == [
        "archived copies not checked: the archive API gave refused"
    ]


def _answer(**changes: object) -> dict:
    return {**FakeArchive.closest("https://a.dev/x"), **changes}


@pytest.mark.parametrize(
    ("closest", "expected"),
    [
        (FakeArchive.closest("https://a.dev/x"), "https://web.archive.org/web/20200102030405/https://a.dev/x"),
        (FakeArchive.closest("https://a.dev/x", status="404"), None),
        (_answer(available=False), None),
        (_answer(url="https://evil.test/web/20200102030405/x"), None),
        (_answer(url="javascript:alert(1)"), None),
        (_answer(url="https://web.archive.org/web/20200102030405/x y"), None),
        (_answer(url="https://web.archive.org/about"), None),
        (_answer(timestamp="2020"), None),
        (FakeArchive.closest("https://a.dev/x) [y](https://evil.test"), None),
        (FakeArchive.closest("https://a.dev/x)[y](https://evil.test"), None),
        (
            FakeArchive.closest("https://a.dev/x_(y)"),
            "https://web.archive.org/web/20200102030405/https://a.dev/x_%28y%29",
        ),
    ],
)  # fmt: skip
def test_only_a_clean_wayback_url_of_a_2xx_capture_is_a_copy(
    closest: dict, expected: str | None
) -> None:
    import json

    data = json.dumps({"archived_snapshots": {"closest": closest}}).encode()
    snapshot = snapshot_from_answer(data)
    assert (snapshot.url if snapshot else None) == expected


def test_answers_that_are_not_the_api_are_errors_not_none() -> None:
    for data in (b"<html>", b"[]", b'{"x": 1}', b"\xff\xfe"):
        with pytest.raises(ValueError):
            snapshot_from_answer(data)
    assert snapshot_from_answer(b'{"archived_snapshots": {}}') is None
    assert wayback_url("http://web.archive.org/web/20200102030405/https://a.dev/") == (
        "https://web.archive.org/web/20200102030405/https://a.dev/"
    )


async def _cli(*argv: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, main, list(argv))


async def test_lint_fix_unsafe_links_the_archived_copy_and_safe_fix_never_asks(
    farm: Farm, archive: FakeArchive, tmp_path: Path
) -> None:
    h1 = farm.hosts["h1.test"]
    gone = h1.url("/status/404")
    archive.snapshots[gone] = FakeArchive.closest(gone)
    readme = tmp_path / "README.md"
    original = f"# List\r\n\r\n- [Gone]({gone}) - Was here.\r\n"
    readme.write_bytes(original.encode())
    resolve = ", ".join(f'"{name}" = "{target}"' for name, target in farm.resolve.items())
    config = tmp_path / "listbot.toml"
    config.write_text(
        f'[links]\nallow_private = true\ntimeout = 1.0\narchive_api_url = "{archive.api_url}"\n'
        f'resolve = {{ {resolve} }}\ncanary = ["{h1.url("/ok")}"]\n',
        encoding="utf-8",
    )
    base = ["lint", str(readme), "--config", str(config), "--cache", str(tmp_path / "c.sqlite")]
    await _cli(*base, "--select", "dead-link", "--fix")
    assert readme.read_bytes() == original.encode() and archive.asked == []
    await _cli(*base, "--select", "dead-link", "--fix", "--unsafe-fixes")
    copy = f"https://web.archive.org/web/20200102030405/{gone}"
    assert readme.read_bytes() == original.replace(gone, copy).encode()
    assert len(archive.asked) == 1


@pytest.mark.parametrize("value", ["ftp://archive.test/", "archive.org/wayback", "https:// x"])
def test_a_bad_archive_api_url_is_a_config_error_naming_the_key(value: str) -> None:
    from listbot.config import ConfigError, config_from_mapping

    with pytest.raises(ConfigError, match=r"\[links\]: archive_api_url must be an http\(s\) URL"):
        config_from_mapping({"links": {"archive_api_url": value}}, source="listbot.toml")
    assert config_from_mapping({"links": {"archive_api_url": ""}}).section("links")
