"""The private-address guard holds with ``HTTP(S)_PROXY`` set: the proxy never sees a name
that resolves to loopback or a local-only name; public names still go through it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from tests.net.conftest import by_url, make_document, run_links
from tests.net.resolvers import BrokenDns


@pytest.fixture
async def proxy(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[list[str]]:
    """A forward proxy on 127.0.0.1 that answers 200 to everything and records the URLs."""
    seen: list[str] = []

    async def forward(request: web.Request) -> web.Response:
        seen.append(str(request.url))
        return web.Response(text="proxied", content_type="text/html")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", forward)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{port}")
    try:
        yield seen
    finally:
        await runner.cleanup()


async def test_private_names_are_refused_before_the_proxy(proxy: list[str]) -> None:
    resolver = BrokenDns({"public.test": "93.184.216.34:80", "localhost": "127.0.0.1:0"})
    urls = [
        "http://localhost:9/admin",
        "http://intranet/wiki",
        "http://printer.local/",
        "http://public.test/page",
        "http://elsewhere.test/page",  # unknown here: the proxy resolves it
    ]
    doc = make_document("\n".join(f"- [x]({url}) - y" for url in urls))
    report = await run_links(
        doc,
        None,
        resolver=resolver,
        resolve_only=False,
        allow_private=False,
        canary=("http://canary.test/",),
    )
    records = by_url(report)
    assert records["http://localhost:9/admin"]["verdict"] == "private"
    assert "loopback" in records["http://localhost:9/admin"]["reason"]
    assert records["http://intranet/wiki"]["verdict"] == "private"
    assert records["http://printer.local/"]["verdict"] == "private"
    assert records["http://public.test/page"]["verdict"] == "ok"
    assert records["http://elsewhere.test/page"]["verdict"] == "ok"
    assert not any(host in url for url in proxy for host in ("localhost", "intranet", "printer"))
    assert any("public.test" in url for url in proxy)
