"""``--cache PATH`` never destroys a file listbot did not create; a bad store never crashes."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest

from listbot.cli import main
from tests.net.servers import Farm


def _setup(tmp_path: Path, farm: Farm) -> tuple[Path, Path]:
    h1 = farm.hosts["h1.test"]
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# Awesome\n\n- [Good]({h1.url('/ok')}) - Works.\n"
        f"- [Gone]({h1.url('/status/404')}) - Dead.\n",
        encoding="utf-8",
    )
    config = tmp_path / "listbot.toml"
    resolve = ", ".join(f'"{name}" = "{target}"' for name, target in farm.resolve.items())
    config.write_text(
        f"[links]\nallow_private = true\ntimeout = 1.0\nresolve = {{ {resolve} }}\n",
        encoding="utf-8",
    )
    return readme, config


async def _cli(*argv: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, main, list(argv))


async def _first_run(tmp_path: Path, farm: Farm) -> tuple[list[str], Path]:
    """``links`` once with a fresh cache: the arguments to run it again, and the cache."""
    readme, config = _setup(tmp_path, farm)
    cache = tmp_path / "cache.sqlite"
    argv = ["links", str(readme), "--config", str(config), "--cache", str(cache)]
    assert await _cli(*argv) == 1
    return argv, cache


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() else b"<dir>"
        for path in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize("target", ["README.md", "listbot.toml", "folder", "other.db"])
async def test_cache_on_a_file_that_is_not_ours_exits_2_and_changes_nothing(
    tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    readme, config = _setup(tmp_path, farm)
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "README.md.corrupt").write_text("an older file", encoding="utf-8")
    db = sqlite3.connect(tmp_path / "other.db")
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    before = _snapshot(tmp_path)
    code = await _cli(
        "links", str(readme), "--config", str(config), "--cache", str(tmp_path / target)
    )
    err = capsys.readouterr().err
    assert code == 2
    assert _snapshot(tmp_path) == before
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"listbot: error: {tmp_path / target}: the cache path")
    assert farm.hosts["h1.test"].total == 0  # refused before any request


async def test_a_damaged_store_is_set_aside_and_the_run_goes_on(
    tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, cache = await _first_run(tmp_path, farm)
    data = bytearray(cache.read_bytes())
    data[100:] = b"\x5a" * (len(data) - 100)
    cache.write_bytes(bytes(data))
    capsys.readouterr()
    assert await _cli(*argv, "--format", "json") == 1
    captured = capsys.readouterr()
    assert "cache damaged" in captured.err and "set aside" in captured.err
    assert json.loads(captured.out)["findings"][0]["rule"] == "dead-link"
    (aside,) = tmp_path.glob("cache.sqlite.damaged-*")
    assert aside.read_bytes() == bytes(data)


async def test_a_cached_value_of_the_wrong_type_heals(
    tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, cache = await _first_run(tmp_path, farm)
    db = sqlite3.connect(cache)
    db.execute('UPDATE results SET value = \'["not", "a", "verdict"]\'')
    db.execute("UPDATE results SET checked_at = 'noon' WHERE key LIKE '%404%'")
    db.execute("UPDATE history SET consecutive_failures = 'x'")
    db.commit()
    db.close()
    capsys.readouterr()
    for _ in range(2):
        assert await _cli(*argv, "--format", "json") == 1
        report = json.loads(capsys.readouterr().out)
        assert [f["rule"] for f in report["findings"]] == ["dead-link"]
    db = sqlite3.connect(cache)
    values = [json.loads(row[0]) for row in db.execute("SELECT value FROM results")]
    db.close()
    assert values and all(isinstance(value, dict) for value in values)
