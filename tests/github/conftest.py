"""Fixtures for the GitHub bot tests: a fake GitHub on 127.0.0.1 and a client for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from listbot.github.api import GitHubClient
from tests.github.fake_github import FakeGitHub


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
