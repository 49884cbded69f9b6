"""A world for ``listbot github maintain``: the fake GitHub (repository ``octo/list`` whose
README is a list), a fault farm serving the list's links, a fake Internet Archive, a
GraphQL answer for renamed repositories, and the command line to run it all."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from listbot.cli import main
from tests.github.fake_github import FakeGitHub
from tests.github.test_repos import GraphQL
from tests.net.servers import FakeArchive, Farm

BOM = "\ufeff"
RULES = "redirect,github-moved,insecure-link,tracking-parameter,arxiv-link-form"


def list_text(farm: Farm) -> str:
    """A list with one of each: what the pull request fixes, what the issue lists, and
    what nobody should touch. CRLF line endings and a BOM, which must survive."""
    h1, h2, h3 = (farm.hosts[name] for name in ("h1.test", "h2.test", "h3.test"))
    lines = [
        "# Awesome Test",
        "",
        "A list for the maintenance job: déjà vu, 日本語, emoji 🚀 (UTF-8 must survive).",
        "",
        f"- [Moved]({h1.url('/redirect/301/1')}) - A page that moved for good.",
        "- [Repo](https://github.com/old/repo) - A renamed repository.",
        "- [Wiki](http://en.wikipedia.org/ok/Foo) - An http link to a site that serves https.",
        f"- [News]({h2.url('/ok/@someone')}?utm_source=news&x=1) - A tracking parameter.",
        "- [Paper](https://export.arxiv.org/abs/2307.09288) - An arXiv mirror host.",
        f"- [Gone]({h3.url('/status/404')}) - A dead link.",
        f"- [Elsewhere]({h1.url('/to/h2.test/ok/away')}) - Moved to another host (unsafe).",
        f"- [Fine]({h2.url('/ok/fine')}) - Works.",
        "",
    ]
    return BOM + "\r\n".join(lines)


@dataclass
class World:
    fake: FakeGitHub
    farm: Farm
    archive: FakeArchive
    folder: Path
    graphql: GraphQL = field(
        default_factory=lambda: GraphQL({"old/repo": {"nameWithOwner": "neo/repo"}})
    )
    report_after: int = 1
    timeout: float = 2.0
    extra_config: str = ""

    @property
    def config(self) -> Path:
        resolve = dict(self.farm.resolve)
        resolve["en.wikipedia.org"] = resolve["h2.test"]
        table = ", ".join(f'"{name}" = "{target}"' for name, target in resolve.items())
        path = self.folder / "listbot.toml"
        path.write_text(
            f"[links]\nallow_private = true\ntimeout = {self.timeout}\nretries = 0\nttl_ok = 0.0\n"
            f"report_after = {self.report_after}\n"
            f'archive_api_url = "{self.archive.api_url}"\n'
            f"resolve = {{ {table} }}\n"
            # github.com is GraphQL's; the farm has no TLS for the https fix's new URL.
            "exclude = ['^https://github\\.com/', '^https?://(export\\.)?arxiv\\.org/', "
            "'^https://en\\.wikipedia\\.org/']\n"
            f'canary = ["{self.farm.hosts["h1.test"].url("/ok/canary")}"]\n'
            f"{self.extra_config}",
            encoding="utf-8",
        )
        return path

    def argv(self, *extra: str) -> list[str]:
        return [
            "github", "maintain", "README.md", "--repo", "octo/list",
            "--config", str(self.config), "--token", "secret-token",
            "--github-api-url", self.fake.api_url, "--cache", str(self.folder / "cache.sqlite"),
            *extra,
        ]  # fmt: skip

    async def run(self, *extra: str) -> int:
        self.fake.graphql_handler = self.graphql
        argv = self.argv(*extra)
        return await asyncio.get_running_loop().run_in_executor(None, main, argv)

    async def lint_fix(self, data: bytes, monkeypatch: pytest.MonkeyPatch) -> bytes:
        """``listbot lint --fix --select RULES`` on a copy of ``data``, same network."""
        copy = self.folder / "copy" / "README.md"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(data)
        monkeypatch.setenv("GITHUB_TOKEN", "secret-token")
        monkeypatch.setenv("GITHUB_API_URL", self.fake.api_url)
        self.fake.graphql_handler = self.graphql
        argv = [
            "lint", str(copy), "--fix", "--select", RULES, "--config", str(self.config),
            "--cache", str(self.folder / "lint-cache.sqlite"), "--exit-zero", "-q",
        ]  # fmt: skip
        await asyncio.get_running_loop().run_in_executor(None, main, argv)
        return copy.read_bytes()


def pull_writes(fake: FakeGitHub) -> list[str]:
    """Every write the run made, as ``METHOD path`` (to compare runs)."""
    return [f"{r.method} {r.path.removeprefix('/api/v3/repos/octo/list')}" for r in fake.writes()]


def unthrottled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real client without PyGithub's pauses (1 s before every write) or retries: the
    fake answers at once, and the lifecycle makes dozens of writes."""
    from functools import partialmethod

    from listbot.github.api import GitHubClient

    init = partialmethod(GitHubClient.__init__, retry=False, throttle=False)
    monkeypatch.setattr(GitHubClient, "__init__", init)
