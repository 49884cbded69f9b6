"""``.pre-commit-hooks.yaml`` works with pre-commit: ``try-repo`` on a temporary repository
at a release tag, as users' ``rev: vX.Y.Z`` pins it.

pre-commit clones the hooks at the tag, builds the hook's own virtualenv and ``pip
install``s listbot into it, offline (see :mod:`tests.buildenv`), from a git repository
holding a copy of the project.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.buildenv import git, offline_env, tagged_repository
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


def test_try_repo_lints_and_fixes_markdown_files(tmp_path: Path) -> None:
    hooks = tagged_repository(tmp_path / "hooks", "v9.8.7")
    # After the tag the hook is renamed: only the tagged revision has `listbot`.
    manifest = hooks / ".pre-commit-hooks.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("- id: listbot\n", "- id: renamed\n"),
        encoding="utf-8",
    )
    git(hooks, "commit", "-q", "-am", "after the release")
    work = tmp_path / "work"
    work.mkdir()
    (work / "README.md").write_bytes(b"# Awesome Things\r\n\r\nSome text without a final newline")
    (work / "notes.txt").write_bytes(b"not markdown, no final newline")
    (work / "contributing.md").write_bytes(b"# Contributing\n\nNot a list, no final newline")
    git(work, "init", "-q")
    git(work, "add", ".")
    env = offline_env(tmp_path)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hooks)]

    lint = subprocess.run(
        [*command, "listbot", "--ref", "v9.8.7", "--all-files", "--verbose"],
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
        [*command, "listbot-fix", "--ref", "v9.8.7", "--all-files"],
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
