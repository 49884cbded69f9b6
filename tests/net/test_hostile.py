"""Hostile and broken servers: nothing they say is written into a list, and one bad reply
costs one link's verdict, never the run. Real CLI, real parser, a raw loopback server."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from listbot.cli import main
from tests.net.servers import RawHost, raw_response

HOSTILE_LOCATIONS = {
    "/link": b"/ok/x) [click](http://evil.test/",
    "/image": b"/ok/x)![t](http://evil.test/t.png)",
    "/comment": b"/ok/<!--",
    "/attribute": b'/ok/x" onmouseover="alert(1)',
    "/spaces": b"/ok/with some spaces",
    "/bytes": b"/ok/caf\xe9\xff",
    "/backtick": b"/ok/`code`",
}


def _moved(location: bytes) -> bytes:
    return raw_response(301, ((b"Location", location),))


@pytest.fixture
async def raw() -> AsyncIterator[RawHost]:
    replies = {path: _moved(location) for path, location in HOSTILE_LOCATIONS.items()}
    replies.update(
        {
            "/fine": _moved(b"/ok/new-home"),
            "/parens": _moved(b"/ok/Foo_(bar)"),
            "/to-forbidden": _moved(b"/forbidden"),
            "/forbidden": raw_response(403, body=b"no"),
            "/superscript-429": raw_response(429, ((b"Retry-After", "²".encode()),)),
            "/superscript-503": raw_response(503, ((b"Retry-After", "²".encode()),)),
            "/broken-ipv6": _moved(b"http://[::1"),
            "/not-utf8-header": raw_response(
                200, ((b"X-Note", b"\xff\xfe\x80"), (b"Set-Cookie", b"a=\xc3\x28")), b"ok"
            ),
            "/control-location": _moved(b"/ok/\x1b[31mred"),
        }
    )
    host = await RawHost("raw.test", "127.0.0.2", replies).start()
    try:
        yield host
    finally:
        await host.close()


def _config(tmp_path: Path, host: RawHost, extra: str = "") -> Path:
    path = tmp_path / "listbot.toml"
    path.write_text(
        "[links]\nallow_private = true\ntimeout = 2.0\nbackoff = 0.01\nretries = 1\n"
        f'resolve = {{ "raw.test" = "{host.address}:{host.port}" }}\n'
        f'canary = ["{host.url("/ok/canary")}"]\n{extra}',
        encoding="utf-8",
    )
    return path


async def _cli(*argv: str) -> int:
    return await asyncio.get_running_loop().run_in_executor(None, main, list(argv))


async def test_lint_fix_never_writes_a_hostile_location(tmp_path: Path, raw: RawHost) -> None:
    readme = tmp_path / "README.md"
    lines = [f"- [{p[1:]}]({raw.url(p)}) - Entry." for p in HOSTILE_LOCATIONS]
    lines += [
        f"- [Fine]({raw.url('/fine')}) - Entry.",
        f"- [Parens]({raw.url('/parens')}) - Entry.",
        f"- [Forbidden]({raw.url('/to-forbidden')}) - Entry.",
        f"- [Control]({raw.url('/control-location')}) - Entry.",
        f'- <a href="{raw.url("/parens")}">Html</a> - Entry.',
    ]
    original = "# Awesome\n\n" + "\n".join(lines) + "\n"
    readme.write_bytes(original.encode("utf-8"))
    config = _config(tmp_path, raw, 'hosts = { "raw.test" = { accept = [403] } }\n')
    out = tmp_path / "report.json"
    argv = ["lint", str(readme), "--fix", "--select", "redirect", "--config", str(config)]
    await _cli(*argv, "--no-cache", "--format", "json", "-o", str(out))
    fixed = readme.read_text(encoding="utf-8")
    # Only the two clean redirects were written, re-serialised for their place.
    expected = original.replace(raw.url("/fine"), raw.url("/ok/new-home"))
    expected = expected.replace(f"({raw.url('/parens')})", f"({raw.url('/ok/Foo_%28bar%29')})")
    expected = expected.replace(f'"{raw.url("/parens")}"', f'"{raw.url("/ok/Foo_%28bar%29")}"')
    assert fixed == expected
    for bad in ("evil.test", "<!--", "onmouseover", "with some", "\x1b", "`code`", "\ufffd"):
        assert bad not in fixed
    report = json.loads(out.read_bytes().decode("utf-8"))
    messages = {f["url"]: f["message"] for f in report["findings"] if f["rule"] == "redirect"}
    for path in (*HOSTILE_LOCATIONS, "/to-forbidden", "/control-location"):
        assert "not usable" in messages[raw.url(path)], path
    assert "HTTP 403" in messages[raw.url("/to-forbidden")]
    assert "evil.test" not in json.dumps(report["findings"])


async def test_lint_diff_shows_no_hostile_text(tmp_path: Path, raw: RawHost, capsys) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# A\n\n- [Link]({raw.url('/link')}) - Entry.\n", encoding="utf-8")
    config = _config(tmp_path, raw)
    argv = ["lint", str(readme), "--diff", "--select", "redirect", "--config", str(config)]
    assert await _cli(*argv, "--no-cache") == 0
    assert "evil.test" not in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "github"])
async def test_bad_replies_cost_one_verdict_and_reports_stay_utf8(
    tmp_path: Path, raw: RawHost, fmt: str
) -> None:
    bad = ["/superscript-429", "/superscript-503", "/broken-ipv6", "/bytes", "/not-utf8-header"]
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome\n\n"
        + "".join(f"- [{p[1:]}]({raw.url(p)}) - Entry.\n" for p in bad)
        + f"- [Good]({raw.url('/ok/page')}) - Entry.\n"
        + f"- [Gone]({raw.url('/missing')}) - Entry.\n"
        + "- [Offline](https://example.com/) - no period\n",
        encoding="utf-8",
    )
    out = tmp_path / f"report.{fmt}"
    argv = ["lint", str(readme), "--config", str(_config(tmp_path, raw)), "--no-cache"]
    code = await _cli(*argv, "--format", fmt, "-o", str(out))
    assert code == 1  # the dead link is an error; nothing crashed
    text = out.read_bytes().decode("utf-8")  # strict: valid UTF-8 or this raises
    assert "\udcff" not in text and "\x1b" not in text
    if fmt != "json":
        return
    report = json.loads(text)
    verdicts = {r["url"]: r for r in report["links"]}
    assert verdicts[raw.url("/ok/page")]["verdict"] == "ok"
    assert verdicts[raw.url("/missing")]["verdict"] == "dead"
    # "²" is no number of seconds: the header is ignored, the usual backoff applies.
    assert verdicts[raw.url("/superscript-429")]["verdict"] == "unverified"
    assert "HTTP 503 after 1 retries" in verdicts[raw.url("/superscript-503")]["reason"]
    assert verdicts[raw.url("/broken-ipv6")]["verdict"] == "unverified"
    assert "invalid Location" in verdicts[raw.url("/broken-ipv6")]["reason"]
    assert verdicts[raw.url("/not-utf8-header")]["verdict"] == "ok"
    assert verdicts[raw.url("/bytes")]["verdict"] == "redirect"
    assert verdicts[raw.url("/bytes")]["final_url"] is None
    rules = {f["rule"] for f in report["findings"]}
    assert "dead-link" in rules and rules - {"dead-link", "redirect", "link-unverified"}


async def test_stdout_json_is_valid_utf8_with_hostile_bytes(raw: RawHost, tmp_path: Path) -> None:
    import subprocess
    import sys

    readme = tmp_path / "README.md"
    readme.write_text(f"# A\n\n- [B]({raw.url('/bytes')}) - Entry.\n", encoding="utf-8")
    config = _config(tmp_path, raw)
    argv = [sys.executable, "-m", "listbot", "links", str(readme), "--config", str(config)]
    process = await asyncio.create_subprocess_exec(
        *argv, "--no-cache", "--format", "json", stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    stdout, stderr = await process.communicate()
    assert process.returncode == 0, stderr
    report = json.loads(stdout.decode("utf-8"))
    assert report["links"][0]["verdict"] == "redirect"
