"""Fixtures for the link-checker tests: the loopback farm and a tiny document builder.

Documents are built here from ``[text](url)`` and ``<url>`` with a regex, so these tests
do not depend on the parser; positions follow the model (1-based, end exclusive).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Mapping
from typing import Any

import pytest

from listbot.checks import CheckContext, CheckReport
from listbot.checks.links import RULES, check_links
from listbot.config import Config
from listbot.model import Document, Link, LinkKind, Span
from listbot.net.options import LinksOptions
from listbot.store import Store, open_store
from tests.net.servers import Farm

_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)\)|<(?P<auto>https?://[^>\s]+)>")

FAST = {
    "connect_timeout": 1.0,
    "timeout": 1.0,
    "backoff": 0.01,
    "retries": 2,
    "timeout_retries": 1,
}
"""Short timeouts and backoffs: the whole suite must stay fast."""


def make_document(text: str, path: str = "README.md") -> Document:
    lines = tuple(text.splitlines())
    links = []
    for number, line in enumerate(lines, start=1):
        for match in _LINK.finditer(line):
            url = match["url"] or match["auto"]
            kind = LinkKind.INLINE if match["url"] else LinkKind.AUTOLINK
            links.append(
                Link(
                    kind=kind,
                    url=url,
                    text=match["text"] or url,
                    span=Span(number, match.start() + 1, number, match.end() + 1),
                    raw=match.group(0),
                )
            )
    return Document(
        path=path,
        text=text,
        lines=lines,
        newline="\n",
        bom=False,
        title=None,
        headings=(),
        sections=(),
        list_items=(),
        entries=(),
        links=tuple(links),
        definitions=(),
        html=(),
        comments=(),
        text_blocks=(),
        code_lines=frozenset(),
    )


def links_config(**options: Any) -> Config:
    return Config(sections={"links": LinksOptions(**{**FAST, **options})})


async def run_links(
    documents: list[Document] | Document,
    farm: Farm | None = None,
    *,
    store: Store | None = None,
    config: Config | None = None,
    lines: Mapping[str, frozenset[int]] | None = None,
    progress: Any = None,
    **overrides: Any,
) -> CheckReport:
    """Run the links checker against the farm (loopback allowed, DNS only from the farm).

    The canaries (asked when the run cannot tell whether the network works) are the
    farm's hosts, so the network "works" whenever the farm does.
    """
    docs = [documents] if isinstance(documents, Document) else documents
    options: dict[str, Any] = {
        "allow_private": True,
        "resolve": farm.resolve if farm else {},
        "resolve_only": True,
        "canary": canary_urls(farm) if farm else ("http://no-canary.test/",),
    }
    options.update(overrides)
    own_store = store is None
    store = store or open_store(None)
    try:
        context = CheckContext(
            documents=docs,
            config=config or links_config(),
            store=store,
            selected=frozenset(rule.id for rule in RULES),
            lines=lines,
            progress=progress,
            options=options,
        )
        return await check_links(context)
    finally:
        if own_store:
            store.close()


def canary_urls(farm: Farm) -> tuple[str, ...]:
    return tuple(host.url("/ok/canary") for host in farm.hosts.values())


def by_url(report: CheckReport) -> dict[str, dict[str, Any]]:
    return {record["url"]: record for record in report.links}


@pytest.fixture
async def farm() -> AsyncIterator[Farm]:
    servers = Farm()
    await servers.add("h1.test")
    await servers.add("h2.test")
    await servers.add("h3.test")
    try:
        yield servers
    finally:
        await servers.close()
