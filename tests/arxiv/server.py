"""A fake arXiv API on 127.0.0.1: answers ``id_list`` queries in arXiv's real Atom format.

Answers are built from a dict of papers in the current (2026) format, namespaces on the
root as in ``batch_one_missing_id_200.xml``: unknown IDs are silently left out, as arXiv
does, and an ID that arXiv would call malformed gets the recorded 400 error feed.
``canned`` serves a recorded file byte for byte (either format) for a given ``id_list``.
The server counts requests and can be slowed down to test timeouts.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from aiohttp import web

RECORDED = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "arxiv"
DATA = Path(__file__).parent / "data"

# Loose on purpose, like arXiv's own check: 0808.05394 and 0000.0000 pass, "abc" does not.
_WELL_FORMED = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")


def load_papers(name: str = "llms_practical_guide_papers.json") -> dict[str, dict[str, Any]]:
    """The fixture of real titles and dates, by canonical ID."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))["papers"]


def _published(paper: Mapping[str, Any]) -> str:
    value = str(paper.get("published") or "2001-01")
    if len(value) == 7:
        value += "-01"
    return f"{value}T00:00:00Z"


def entry_xml(arxiv_id: str, paper: Mapping[str, Any]) -> str:
    """One ``<entry>`` as arXiv writes it today."""
    version = int(paper.get("version", 1))
    published = _published(paper)
    extra = ""
    if paper.get("comment"):
        extra += f"\n    <arxiv:comment>{escape(paper['comment'])}</arxiv:comment>"
    if paper.get("journal_ref"):
        extra += f"\n    <arxiv:journal_ref>{escape(paper['journal_ref'])}</arxiv:journal_ref>"
    if paper.get("doi"):
        extra += f"\n    <arxiv:doi>{escape(paper['doi'])}</arxiv:doi>"
    summary = escape(str(paper.get("summary", "An abstract.")))
    return f"""  <entry>
    <id>http://arxiv.org/abs/{arxiv_id}v{version}</id>
    <title>{escape(paper["title"])}</title>
    <updated>{published}</updated>
    <link href="https://arxiv.org/abs/{arxiv_id}v{version}" rel="alternate" type="text/html"/>
    <link href="https://arxiv.org/pdf/{arxiv_id}v{version}" rel="related" \
type="application/pdf" title="pdf"/>
    <summary>{summary}</summary>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <published>{published}</published>{extra}
    <arxiv:primary_category term="cs.CL"/>
    <author>
      <name>A. Author</name>
    </author>
  </entry>
"""


def feed_xml(id_list: str, entries: list[str], start: int, max_results: int) -> bytes:
    """A whole feed in the current format, with ``totalResults`` = entries found."""
    query = escape(f"search_query=&id_list={id_list}&start={start}&max_results={max_results}")
    header = f"""<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" \
xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/fake</id>
  <title>arXiv Query: {query}</title>
  <updated>2026-04-12T22:09:36Z</updated>
  <link href="https://arxiv.org/api/query?{query}" type="application/atom+xml"/>
  <opensearch:itemsPerPage>{max_results}</opensearch:itemsPerPage>
  <opensearch:totalResults>{len(entries)}</opensearch:totalResults>
  <opensearch:startIndex>{start}</opensearch:startIndex>
"""
    page = entries[start : start + max_results]
    return (header + "".join(page) + "</feed>\n").encode("utf-8")


@dataclass
class FakeArxiv:
    """State of one fake server: what it knows, what it was asked, how it misbehaves."""

    papers: dict[str, dict[str, Any]] = field(default_factory=dict)
    canned: dict[str, tuple[int, str]] = field(default_factory=dict)
    """``id_list`` as sent -> (status, recorded file name)."""
    delay: float = 0.0
    reverse: bool = False
    """Answer entries in the reverse of the requested order (clients must match by ID)."""
    fail_first: int = 0
    """Answer this many requests with HTTP 503 before behaving."""
    empty_first: int = 0
    """Answer this many requests with an empty feed (arXiv does that when busy)."""
    requests: list[list[str]] = field(default_factory=list)
    url: str = ""

    @property
    def count(self) -> int:
        return len(self.requests)

    async def handle(self, request: web.Request) -> web.Response:
        id_list = request.query.get("id_list", "")
        ids = [item for item in id_list.split(",") if item]
        self.requests.append(ids)
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.fail_first > 0:
            self.fail_first -= 1
            return web.Response(status=503, text="busy")
        if self.empty_first > 0:
            self.empty_first -= 1
            body = (RECORDED / "nonexistent_id_empty_200.xml").read_bytes()
            return web.Response(body=body, content_type="application/atom+xml")
        if id_list in self.canned:
            status, name = self.canned[id_list]
            body = (RECORDED / name).read_bytes()
            return web.Response(status=status, body=body, content_type="application/atom+xml")
        if any(not _WELL_FORMED.match(item) for item in ids):
            body = (RECORDED / "malformed_id_400.xml").read_bytes()
            return web.Response(status=400, body=body, content_type="application/atom+xml")
        entries = []
        for item in ids:
            canonical = re.sub(r"v\d+$", "", item)
            if canonical in self.papers:
                entries.append(entry_xml(canonical, self.papers[canonical]))
        if self.reverse:
            entries.reverse()
        start = int(request.query.get("start", "0"))
        max_results = int(request.query.get("max_results", "10"))
        body = feed_xml(id_list, entries, start, max_results)
        return web.Response(body=body, content_type="application/atom+xml")


@asynccontextmanager
async def fake_arxiv(
    papers: Mapping[str, Mapping[str, Any]] | None = None, **settings: Any
) -> AsyncIterator[FakeArxiv]:
    """Run a :class:`FakeArxiv` on 127.0.0.1 (a free port) for the duration of the block."""
    state = FakeArxiv(papers={k: dict(v) for k, v in (papers or {}).items()}, **settings)
    app = web.Application()
    app.router.add_get("/api/query", state.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    state.url = f"http://{host}:{port}/api/query"
    try:
        yield state
    finally:
        await runner.cleanup()
