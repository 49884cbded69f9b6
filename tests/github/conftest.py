"""Fixtures for the GitHub bot tests: a fake GitHub on 127.0.0.1 and a client for it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from listbot.github.api import GitHubClient
from tests.github.fake_github import FakeGitHub
from tests.github.maintain_env import World, unthrottled
from tests.net.servers import FakeArchive, Farm


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    server = FakeGitHub().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def client(fake: FakeGitHub) -> Iterator[GitHubClient]:
    with GitHubClient(
        "secret-token", api_url=fake.api_url, retry=False, throttle=False
    ) as github_client:
        yield github_client


@pytest.fixture
async def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[World]:
    """The maintenance job's world (:mod:`tests.github.maintain_env`), fresh per test."""
    unthrottled(monkeypatch)
    farm = Farm()
    for name in ("h1.test", "h2.test", "h3.test"):
        await farm.add(name)
    archive = await FakeArchive().start()
    fake = FakeGitHub().start()
    try:
        yield World(fake, farm, archive, tmp_path)
    finally:
        fake.stop()
        await archive.close()
        await farm.close()
