"""``listbot links`` and ``listbot lint`` end to end: real parser, real CLI, loopback farm.

The CLI runs ``asyncio.run`` itself, so it runs in a worker thread while the farm keeps
serving on the test's event loop. Names reach the farm through ``[links] resolve``.
"""

from __future__ import annotations

import asyncio
import importlib
import json
from pathlib import Path

import pytest

from listbot.cli import main
from tests.net.servers import Farm


def _config(tmp_path: Path, resolve: dict[str, str]) -> Path:
    table = ", ".join(f'"{name}" = "{target}"' for name, target in resolve.items())
    path = tmp_path / "listbot.toml"
    path.write_text(
        f"[links]\nallow_private = true\ntimeout = 1.0\nbackoff = 0.01\nresolve = {{ {table} }}\n"
        'canary = ["http://canary.test/"]\n',
        encoding="utf-8",
    )
    return path


async def _cli(*argv: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, main, list(argv))


async def test_links_command_reports_dead_links_and_redirects_as_json(
    tmp_path: Path, farm: Farm
) -> None:
    h1 = farm.hosts["h1.test"]
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome\n\n"
        f"- [Good]({h1.url('/ok')}) - Works.\n"
        f"- [Gone]({h1.url('/status/404')}) - Dead.\n"
        f"- [Moved]({h1.url('/redirect/301/1')}) - Moved.\n"
        f"- [Again]({h1.url('/status/404')}) - Same dead link.\n",
        encoding="utf-8",
    )
    config = _config(tmp_path, farm.resolve)
    out = tmp_path / "report.json"
    code = await _cli(
        "links",
        str(readme),
        "--config",
        str(config),
        "--cache",
        str(tmp_path / "c.sqlite"),
        "--format",
        "json",
        "--output",
        str(out),
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 1
    rules = [(f["rule"], f["line"]) for f in report["findings"]]
    assert rules == [("dead-link", 4), ("redirect", 5), ("dead-link", 6)]
    moved = next(f for f in report["findings"] if f["rule"] == "redirect")
    assert moved["fix"]["edits"][0]["text"] == h1.url("/redirect/301/0")
    verdicts = {record["url"]: record["verdict"] for record in report["links"]}
    assert verdicts == {
        h1.url("/ok"): "ok",
        h1.url("/status/404"): "dead",
        h1.url("/redirect/301/1"): "redirect",
    }
    assert h1.requests[("GET", "/status/404")] == 1


async def test_links_command_never_builds_the_entries(
    tmp_path: Path, farm: Farm, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Link checks read links, not entries: building the entries of a list is work a
    ``listbot links`` run of it does not need (a sixth of its parse)."""
    parse_module = importlib.import_module("listbot.parse")
    built: list[str] = []
    real = parse_module.build_entries
    monkeypatch.setattr(
        parse_module, "build_entries", lambda *args: built.append("entries") or real(*args)
    )
    h1 = farm.hosts["h1.test"]
    readme = tmp_path / "README.md"
    readme.write_text(f"# Awesome\n\n- [Good]({h1.url('/ok')}) - Works.\n", encoding="utf-8")
    config = _config(tmp_path, farm.resolve)
    out = tmp_path / "report.json"
    cache = str(tmp_path / "c.sqlite")
    common = ("--config", str(config), "--cache", cache, "--format", "json")
    code = await _cli("links", str(readme), *common, "--output", str(out))
    assert code == 0
    assert [record["verdict"] for record in json.loads(out.read_text())["links"]] == ["ok"]
    assert built == []
    await _cli("lint", str(readme), *common, "--offline", "--output", str(out))
    assert built == ["entries"]  # the same list, linted: its rules read the entries


async def test_no_network_exits_2_with_one_message(tmp_path: Path, capsys) -> None:
    names = [f"n{i}.test" for i in range(3)]
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome\n\n" + "".join(f"- [{n}](https://{n}/) - x.\n" for n in names),
        encoding="utf-8",
    )
    config = _config(tmp_path, dict.fromkeys(names, "servfail"))
    code = await _cli(
        "lint",
        str(readme),
        "--config",
        str(config),
        "--select",
        "dead-link,link-unverified",
        "--cache",
        str(tmp_path / "c.sqlite"),
        "--format",
        "json",
    )
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.count("no network") == 1
    report = json.loads(captured.out)
    assert report["findings"] == []
    assert {r["verdict"] for r in report["links"]} == {"unverified"}


async def test_json_report_tells_what_the_run_sent_as_the_farm_saw_it(
    tmp_path: Path, farm: Farm
) -> None:
    """``run.links`` is listbot's own count of its traffic: it must match the servers'."""
    h1, h2 = farm.hosts["h1.test"], farm.hosts["h2.test"]
    urls = [h1.url(f"/slow/150/{i}") for i in range(12)]  # 4 rounds of 3 on one host
    urls += [h2.url("/redirect/301/2"), h2.url("/ok/skip"), h1.url("/ok")]
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome\n\n" + "".join(f"- [L{i}]({url}) - x.\n" for i, url in enumerate(urls)),
        encoding="utf-8",
    )
    config = _config(tmp_path, farm.resolve)
    with config.open("a", encoding="utf-8") as file:
        file.write('per_host_concurrency = 3\nexclude = ["/skip"]\n')

    async def run_links() -> dict[str, int]:
        out = tmp_path / "report.json"
        cache = ("--cache", str(tmp_path / "c.sqlite"))
        code = await _cli(
            "links",
            str(readme),
            "--config",
            str(config),
            *cache,
            "--format",
            "json",
            "-o",
            str(out),
        )
        assert code == 0
        report = json.loads(out.read_text(encoding="utf-8"))
        return report["run"]["links"]  # type: ignore[no-any-return]

    first = await run_links()
    sent = h1.total + h2.total
    assert sent == 12 + 1 + 3  # the redirect's two hops are requests too
    assert first["requests"] == sent
    assert first["peak_in_flight_per_host"] == h1.peak == 3
    assert farm.peak <= first["peak_in_flight"] <= 6
    assert first["elapsed_ms"] >= 4 * 150
    assert {key: first[key] for key in ("urls", "excluded", "cached", "checked", "hosts")} == {
        "urls": 15,
        "excluded": 1,
        "cached": 0,
        "checked": 14,
        "hosts": 2,
    }

    again = await run_links()  # every verdict from the cache: nothing sent
    assert h1.total + h2.total == sent
    assert again == {
        "urls": 15,
        "excluded": 1,
        "cached": 14,
        "checked": 0,
        "requests": 0,
        "hosts": 0,
        "peak_in_flight": 0,
        "peak_in_flight_per_host": 0,
        "elapsed_ms": 0,
    }
