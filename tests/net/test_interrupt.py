"""Ctrl-C during a link check: exit 130, one line, no task tracebacks, the store intact."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from listbot.store_file import classify
from tests.net.servers import Farm


@pytest.mark.parametrize("command", ["links", "lint"])
async def test_ctrl_c_cancels_cleanly(tmp_path: Path, farm: Farm, command: str) -> None:
    h1, h2 = farm.hosts["h1.test"], farm.hosts["h2.test"]
    urls = [h1.url(f"/hang/{i}") for i in range(40)] + [h2.url(f"/ok/{i}") for i in range(40)]
    urls += [h2.url(f"/status/404/{i}") for i in range(5)]
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome\n\n" + "".join(f"- [L{i}]({u}) - Entry.\n" for i, u in enumerate(urls)),
        encoding="utf-8",
    )
    resolve = ", ".join(f'"{name}" = "{target}"' for name, target in farm.resolve.items())
    config = tmp_path / "listbot.toml"
    config.write_text(
        f"[links]\nallow_private = true\ntimeout = 30.0\nresolve = {{ {resolve} }}\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache.sqlite"
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "listbot", command, str(readme), "--config", str(config),
        "--cache", str(cache),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    for _ in range(300):  # until the slow server holds requests (at most 15 s)
        if h1.in_flight >= 5:
            break
        await asyncio.sleep(0.05)
    assert h1.in_flight >= 5
    process.send_signal(signal.SIGINT)
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    err = stderr.decode()
    assert process.returncode == 130, err
    assert err.strip().splitlines() == ["listbot: interrupted"], err
    assert classify(cache) == "ours"
    db = sqlite3.connect(cache)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()
