"""``listbot lint --fix`` / ``--diff`` on real files: bytes kept, atomic writes, network fixes,
and the 13 corpus lists (on copies): fix, fix again, lint again, only fixable lines changed.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web

from listbot.api import lint_text
from listbot.cli import main
from listbot.config import Config
from listbot.findings import Applicability, Finding
from listbot.fix import changed_lines, fix_text
from listbot.source import decode
from tests.conftest import corpus_params

MESSY = (
    "\ufeff# Awesome Things\r\n"
    "\r\n"
    "- [Foo](https://foo.dev) - Does foo.   \r\n"
    "- [Bar](https://bar.dev) - Does bar.\n"
    '<p align="center">  <b>html</b></p>\r'
    "- [Baz](https://baz.dev) - Does baz."
)
RULES = "final-newline,no-trailing-spaces"


def write(tmp_path: Path, data: bytes, name: str = "README.md") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_fix_writes_only_the_fixed_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, MESSY.encode("utf-8"))
    path.chmod(0o640)
    assert main(["lint", "--offline", "--fix", "--select", RULES, str(path)]) == 0
    expected = MESSY.replace("foo.   \r\n", "foo.\r\n") + "\r\n"
    assert path.read_bytes() == expected.encode("utf-8")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf# Awesome")
    assert os.stat(path).st_mode & 0o777 == 0o640
    out = capsys.readouterr().out
    assert "Fixed 2 findings." in out
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"], "no temporary file left behind"


def test_fix_twice_is_fix_once_and_leaves_clean_files_untouched(tmp_path: Path) -> None:
    path = write(tmp_path, MESSY.encode("utf-8"))
    main(["lint", "--offline", "--fix", "--select", RULES, str(path)])
    once = path.read_bytes()
    before = os.stat(path)
    assert main(["lint", "--offline", "--fix", "--select", RULES, str(path)]) == 0
    after = os.stat(path)
    assert path.read_bytes() == once
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_diff_prints_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, MESSY.encode("utf-8"))
    assert main(["lint", "--offline", "--diff", "--select", RULES, str(path)]) == 1
    assert path.read_bytes() == MESSY.encode("utf-8")
    captured = capsys.readouterr()
    diff = captured.out
    assert diff.startswith(f"--- a/{path}\n+++ b/{path}\n")
    assert "-- [Foo](https://foo.dev) - Does foo.   \r\n" in diff
    assert "+- [Foo](https://foo.dev) - Does foo.\r\n" in diff
    assert "-- [Baz](https://baz.dev) - Does baz.\n\\ No newline at end of file\n" in diff
    assert "would fix 2 findings" in captured.err
    clean = write(tmp_path, b"# Awesome Things\n", "clean.md")
    assert main(["lint", "--offline", "--diff", "--select", RULES, str(clean)]) == 0
    assert capsys.readouterr().out == ""


def test_unsafe_fixes_need_the_flag(tmp_path: Path) -> None:
    text = "# Awesome\n\n- [Foo](https://foo.dev/?utm_source=x&a=1) - Does foo.\n"
    result = lint_text(text, "README.md", config=Config(select=("tracking-parameter",)))
    kinds = {f.fix.applicability for f in result.findings if f.fix}
    if not kinds:
        pytest.skip("tracking-parameter offers no fix for this line")
    path = write(tmp_path, text.encode())
    main(["lint", "--offline", "--fix", "--select", "tracking-parameter", str(path)])
    fixed_safe = path.read_bytes().decode()
    assert ("utm_source" in fixed_safe) == (kinds == {Applicability.UNSAFE})
    main(
        [
            "lint",
            "--offline",
            "--fix",
            "--unsafe-fixes",
            "--select",
            "tracking-parameter",
            str(path),
        ]
    )
    assert "utm_source" not in path.read_bytes().decode()


def test_unreadable_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, b"# Title\n\xff\xfe\n")
    assert main(["lint", "--offline", "--fix", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "invalid UTF-8" in err and "Traceback" not in err
    assert bad.read_bytes() == b"# Title\n\xff\xfe\n"


# -- network fixes: a permanent redirect, on a loopback server ------------------------------


@pytest.fixture
def redirecting_server() -> Iterator[str]:
    """``/old`` answers 301 to ``/new``, which answers 200; runs in a thread for the CLI."""

    async def old(request: web.Request) -> web.Response:
        raise web.HTTPMovedPermanently(location="/new")

    async def new(request: web.Request) -> web.Response:
        return web.Response(text="here")

    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_get("/old", old)
    app.router.add_get("/new", new)
    runner = web.AppRunner(app, access_log=None)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)
        loop.run_until_complete(runner.cleanup())
        loop.close()


def test_fix_rewrites_permanent_redirects(tmp_path: Path, redirecting_server: str) -> None:
    old, new = f"{redirecting_server}/old", f"{redirecting_server}/new"
    text = f"# Awesome\r\n\r\n- [Foo]({old}) - Does foo.  \r\n"
    path = write(tmp_path, text.encode())
    args = ["lint", "--fix", "--allow-private", "--cache", str(tmp_path / "store.sqlite")]
    main([*args, "--select", "redirect,no-trailing-spaces", str(path)])
    assert path.read_bytes().decode() == f"# Awesome\r\n\r\n- [Foo]({new}) - Does foo.\r\n"
    offline = write(tmp_path, text.encode(), "offline.md")
    main(["lint", "--offline", "--fix", "--select", "redirect,no-trailing-spaces", str(offline)])
    assert old in offline.read_bytes().decode(), "--offline must not rewrite redirects"


# -- the corpus ----------------------------------------------------------------------------


def _safe_fixable(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.fix and f.fix.applicability is Applicability.SAFE]


def _fixable_lines(findings: list[Finding]) -> set[int]:
    lines: set[int] = set()
    for finding in findings:
        assert finding.fix is not None
        lines.update(range(finding.line, finding.end_line + 1))
        for edit in finding.fix.edits:
            # A line inserted before an edited line may show, in a line diff, as inserted
            # after the line above it (which changed_lines counts on both sides).
            lines.update(range(edit.span.line - 1, edit.span.end_line + 1))
    return lines


@pytest.mark.parametrize("source", corpus_params())
def test_corpus_fix_is_stable_and_local(source: Path, tmp_path: Path) -> None:
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    original = copy.read_bytes()
    assert main(["lint", "--offline", "--fix", "--exit-zero", "--quiet", str(copy)]) == 0
    once = copy.read_bytes()
    assert main(["lint", "--offline", "--fix", "--exit-zero", "--quiet", str(copy)]) == 0
    assert copy.read_bytes() == once, "fixing twice must give the same file as fixing once"

    before, after = decode(original, str(copy)), decode(once, str(copy))
    assert (before.bom, before.newline) == (after.bom, after.newline)
    left = _safe_fixable(lint_text(after.text, str(copy)).findings)
    assert not left, f"safe fixes left after --fix: {left[:3]}"
    allowed = _fixable_lines(_safe_fixable(lint_text(before.text, str(copy)).findings))
    stray = changed_lines(before.text, after.text) - allowed
    assert not stray, f"lines changed without a fixable finding: {sorted(stray)[:10]}"


@pytest.mark.parametrize("source", corpus_params())
def test_corpus_unsafe_fix_is_stable(source: Path) -> None:
    text = decode(source.read_bytes(), str(source)).text
    config = Config()
    once = fix_text(text, str(source), config, unsafe=True)
    assert fix_text(once.text, str(source), config, unsafe=True).text == once.text
    assert not [f for f in once.remaining if f.fix], "fixable findings left with unsafe fixes"


def test_fix_reports_what_lint_reports_on_the_fixed_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """File-level findings (no contributing.md beside the list) stay, with lint's exit code."""
    text = "# Awesome Things\n\n## Tools:\n\n- [Foo](https://foo.dev) - Does foo.   \n"
    path = write(tmp_path, text.encode())
    rules = ["--select", "awesome-contributing,no-heading-punctuation,no-trailing-spaces"]
    assert main(["lint", "--offline", *rules, str(path)]) == 1
    before = capsys.readouterr().out
    safe = int(before.rsplit(" fixable with --fix", 1)[0].rsplit(" ", 1)[1])
    assert main(["lint", "--offline", "--fix", *rules, str(path)]) == 1
    fixed = capsys.readouterr().out
    assert f"Fixed {safe} finding" in fixed
    assert "awesome-contributing" in fixed and "fixable with --fix" not in fixed
    assert main(["lint", "--offline", *rules, str(path)]) == 1
    after = capsys.readouterr().out
    assert after.splitlines()[:-1] == fixed.splitlines()[:-1]
    assert "fixable with --fix" not in after
    (tmp_path / "contributing.md").write_text("How to add an entry.\n")
    assert main(["lint", "--offline", "--fix", "--select", "awesome-contributing", str(path)]) == 0
