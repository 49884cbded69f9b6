"""``.pre-commit-hooks.yaml`` works with pre-commit: ``try-repo`` on a temporary repository.

pre-commit builds the hook's own virtualenv and ``pip install``s listbot into it, offline
(see :mod:`tests.buildenv`), from a git repository holding a copy of the project.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.buildenv import copy_project, offline_env
from tests.conftest import REPO

yaml = pytest.importorskip("yaml")
pytest.importorskip("pre_commit")
pytest.importorskip("hatchling")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

HOOKS = REPO / ".pre-commit-hooks.yaml"


def test_hooks_lint_markdown_offline() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"listbot", "listbot-fix"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["markdown"]
        assert hook["entry"].startswith("listbot lint ") and "--offline" in hook["entry"]
        files = re.compile(hook["files"])
        assert files.search("README.md") and files.search("docs/readme.md")
        assert not files.search("CONTRIBUTING.md") and not files.search("README.md.bak")
    assert "--fix" in hooks["listbot-fix"]["entry"] and "--fix" not in hooks["listbot"]["entry"]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _hook_repository(tmp_path: Path) -> Path:
    """A git repository with what ``pip install .`` needs from this one."""
    hooks = copy_project(tmp_path / "hooks")
    _git(hooks, "init", "-q")
    _git(hooks, "add", ".")
    _git(hooks, "commit", "-q", "-m", "hooks")
    return hooks


def test_try_repo_lints_and_fixes_markdown_files(tmp_path: Path) -> None:
    hooks = _hook_repository(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (work / "README.md").write_bytes(b"# Awesome Things\r\n\r\nSome text without a final newline")
    (work / "notes.txt").write_bytes(b"not markdown, no final newline")
    (work / "contributing.md").write_bytes(b"# Contributing\n\nNot a list, no final newline")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    env = offline_env(tmp_path)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hooks)]

    lint = subprocess.run(
        [*command, "listbot", "--all-files", "--verbose"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = lint.stdout + lint.stderr
    assert lint.returncode == 1, output
    assert "README.md:3:" in output and "final-newline" in output, output
    assert "notes.txt:" not in output and "contributing.md:" not in output, output
    assert (work / "README.md").read_bytes().endswith(b"final newline"), "lint must not write"

    fix = subprocess.run(
        [*command, "listbot-fix", "--all-files"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert fix.returncode == 1, fix.stdout + fix.stderr  # files were modified by the hook
    assert (work / "README.md").read_bytes() == (
        b"# Awesome Things\r\n\r\nSome text without a final newline\r\n"
    )
    assert (work / "notes.txt").read_bytes() == b"not markdown, no final newline"
    assert (work / "contributing.md").read_bytes().endswith(b"final newline")
