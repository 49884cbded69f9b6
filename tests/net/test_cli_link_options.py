"""lychee's link options on the command line, end to end on the loopback farm: they change
what is requested, how, and what counts as working."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from listbot.cli import main
from tests.net.conftest import canary_urls
from tests.net.servers import Farm


async def _cli(*argv: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, main, list(argv))


def _setup(tmp_path: Path, farm: Farm, paths: list[str]) -> tuple[Path, Path]:
    h1 = farm.hosts["h1.test"]
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome\n\n" + "".join(f"- [L{i}]({h1.url(p)}) - x.\n" for i, p in enumerate(paths)),
        encoding="utf-8",
    )
    table = ", ".join(f'"{name}" = "{target}"' for name, target in farm.resolve.items())
    canary = ", ".join(f'"{url}"' for url in canary_urls(farm))
    config = tmp_path / "listbot.toml"
    config.write_text(
        "[links]\nallow_private = true\ntimeout = 5.0\ntimeout_retries = 0\nbackoff = 0.01\n"
        f"resolve = {{ {table} }}\ncanary = [{canary}]\n",
        encoding="utf-8",
    )
    return readme, config


async def test_accept_exclude_timeout_and_concurrency(tmp_path: Path, farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    paths = ["/status/403", "/status/404", "/status/500", "/hang"]
    paths += [f"/slow/100/{i}" for i in range(6)]
    readme, config = _setup(tmp_path, farm, paths)
    out = tmp_path / "report.json"
    code = await _cli(
        "links", str(readme), "--config", str(config), "--no-cache", "--format", "json",
        "--output", str(out),
        "--accept", "200..=299,403",
        "--exclude", "/status/5",
        "--timeout", "0.5",  # the file says 5 seconds
        "--max-concurrency-per-host", "2",
    )  # fmt: skip
    report = json.loads(out.read_text(encoding="utf-8"))
    verdicts = {record["url"]: record["verdict"] for record in report["links"]}
    assert code == 1
    assert verdicts[h1.url("/status/403")] == "ok"
    assert verdicts[h1.url("/status/404")] == "dead"
    assert verdicts[h1.url("/status/500")] == "excluded"
    assert verdicts[h1.url("/hang")] == "unverified"
    assert h1.requests[("HEAD", "/status/500")] + h1.requests[("GET", "/status/500")] == 0
    hang = next(r for r in report["links"] if r["url"] == h1.url("/hang"))
    assert hang["elapsed_ms"] < 3000
    assert h1.peak <= 2


async def test_include_wins_over_exclude_and_dump_requests_nothing(
    tmp_path: Path, farm: Farm, capsys
) -> None:
    h1 = farm.hosts["h1.test"]
    readme, config = _setup(tmp_path, farm, ["/ok/a", "/status/404"])
    argv = ["--config", str(config), "--exclude", "h1\\.test", "--include", "/ok/"]
    assert await _cli("links", "--dump", str(readme), *argv) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{h1.url('/ok/a')}\t{readme}:3",
        f"{h1.url('/status/404')}\t{readme}:4\texcluded",
    ]
    assert h1.total == 0
    assert await _cli("links", str(readme), "--no-cache", "--max-concurrency", "1", *argv) == 0
    assert h1.requests[("HEAD", "/ok/a")] == 1 and h1.total == 1
