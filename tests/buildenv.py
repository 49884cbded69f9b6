"""Build and install listbot without the network, for the packaging and pre-commit tests.

pip gets no index and no build isolation; it sees this environment's packages (the
dependencies and the hatchling build backend, but not listbot itself) through
``PYTHONPATH``. listbot is built from a copy of the project (its last commit), never from
the working tree in place.
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
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            if hasattr(tarfile, "data_filter"):  # Python >= 3.10.12 / 3.11.4
                tar.extractall(dest, filter="data")
            else:  # pragma: no cover - our own archive, from our own repository
                tar.extractall(dest)
        return dest
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, dest / name)
    shutil.copytree(
        REPO / "src", dest / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    return dest


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
