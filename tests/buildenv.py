"""Build and install listbot without the network, for the packaging and pre-commit tests.

pip gets no index and no build isolation; it sees this environment's packages (the
dependencies, the hatchling build backend and hatch-vcs, but not listbot itself) through
``PYTHONPATH``. listbot is built from a copy of the project (its last commit), never from
the working tree in place; :func:`tagged_repository` makes that copy a git repository
with a release tag, as a clone of a release is.
"""

from __future__ import annotations

import io
import os
import shutil
import site
import subprocess
import sys
import tarfile
from pathlib import Path

from tests.conftest import REPO

PROJECT_FILES = (
    "pyproject.toml",
    "README.md",
    ".pre-commit-hooks.yaml",
    ".git_archival.txt",
    ".gitattributes",
)


def copy_project(dest: Path) -> Path:
    """What ``pip install .`` needs from this repository, copied to ``dest``.

    From the last commit when this is a git checkout (so that half-written files in a shared
    working tree stay out), else from the files as they are.
    """
    dest.mkdir(parents=True)
    if shutil.which("git") and (REPO / ".git").exists():
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", "HEAD", *PROJECT_FILES, "src"],
            capture_output=True,
            check=True,
        )
        extract_tar(archive.stdout, dest)
        # `git archive` filled in .git_archival.txt with this repository's commit; the copy
        # gets the file as committed, so that its own git metadata decides the version.
        committed = subprocess.run(
            ["git", "-C", str(REPO), "show", "HEAD:.git_archival.txt"],
            capture_output=True,
            check=True,
        )
        (dest / ".git_archival.txt").write_bytes(committed.stdout)
        return dest
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, dest / name)
    shutil.copytree(
        REPO / "src", dest / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    return dest


def extract_tar(data: bytes, dest: Path) -> None:
    """Unpack a tar archive made by ``git archive`` into ``dest``."""
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python >= 3.10.12 / 3.11.4
            tar.extractall(dest, filter="data")
        else:  # pragma: no cover - our own archive, from our own repository
            tar.extractall(dest)


def dependencies_only(dest: Path) -> Path:
    """This environment's site-packages, minus listbot itself, as links in one folder."""
    dest.mkdir(parents=True)
    for site_packages in site.getsitepackages():
        for entry in Path(site_packages).iterdir():
            name = entry.name.lower()
            if name.startswith(("listbot", "_listbot", "__editable__")) or name.endswith(".pth"):
                continue
            if not (dest / entry.name).exists():
                (dest / entry.name).symlink_to(entry)
    return dest


def offline_env(tmp_path: Path) -> dict[str, str]:
    """Environment for pip and pre-commit: no index, no isolation, dependencies visible."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIP_", "PRE_COMMIT", "VIRTUAL", "PYTHON"))
    }
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip's spelling for "build without isolation"
        PIP_CONFIG_FILE=os.devnull,
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PYTHONPATH=str(dependencies_only(tmp_path / "deps")),
        PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
    )
    return env


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def tagged_repository(dest: Path, tag: str) -> Path:
    """A copy of the project as a git repository whose one commit is tagged ``tag``."""
    copy_project(dest)
    git(dest, "init", "-q")
    git(dest, "add", ".")
    git(dest, "commit", "-q", "-m", "release")
    git(dest, "tag", "-a", tag, "-m", tag)
    return dest
