"""A release builds and installs: sdist and wheel from a tagged clone, the version from the
tag, the wheel in a fresh venv, and the fallbacks when there is no git metadata (offline).

CI also installs ``.[test]`` from the package index into a fresh venv (``.ci/run``); these
tests build listbot themselves, check the wheel's contents against the source tree, and run
the installed command from outside the source tree.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from tests.buildenv import extract_tar, git, offline_env, tagged_repository
from tests.conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

pytest.importorskip("hatchling")
pytest.importorskip("hatch_vcs")
pytest.importorskip("build")

TAG, VERSION = "v9.8.7", "9.8.7"
EXAMPLE = REPO / "examples" / "awesome-demo.md"


def _run(command: list[str], env: dict[str, str], cwd: Path | str = "/", timeout: int = 300):
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path]:
    """``python -m build`` (the release workflow's command) on a clone tagged v9.8.7:
    the sdist, then the wheel built from the sdist."""
    tmp_path = tmp_path_factory.mktemp("release")
    project = tagged_repository(tmp_path / "project", TAG)
    env = offline_env(tmp_path)
    dist = tmp_path / "dist"
    built = _run([sys.executable, "-m", "build", "--no-isolation", "-o", str(dist)], env, project)
    assert built.returncode == 0, built.stdout + built.stderr
    return dist, env, project


def test_distribution_name_is_not_the_taken_one() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "awesome-listbot"  # `listbot` on PyPI is another project
    assert project["scripts"] == {"listbot": "listbot.__main__:main"}


def test_sdist_and_wheel_carry_the_tag_version(
    release: tuple[Path, dict[str, str], Path],
) -> None:
    dist, _, _ = release
    assert sorted(p.name for p in dist.iterdir()) == [
        f"awesome_listbot-{VERSION}-py3-none-any.whl",
        f"awesome_listbot-{VERSION}.tar.gz",
    ]
    with tarfile.open(dist / f"awesome_listbot-{VERSION}.tar.gz") as sdist:
        pkg_info = sdist.extractfile(f"awesome_listbot-{VERSION}/PKG-INFO")
        assert pkg_info is not None
        text = pkg_info.read().decode()
    assert "Name: awesome-listbot\n" in text and f"Version: {VERSION}\n" in text


def test_wheel_has_every_module_and_py_typed(release: tuple[Path, dict[str, str], Path]) -> None:
    dist, _, project = release
    source = project / "src" / "listbot"
    wheel = zipfile.ZipFile(dist / f"awesome_listbot-{VERSION}-py3-none-any.whl")
    names = set(wheel.namelist())
    assert "listbot/py.typed" in names
    expected = {
        "listbot/" + file.relative_to(source).as_posix()
        for file in source.rglob("*.py")
        if "__pycache__" not in file.parts
    }
    missing = sorted(expected - names)
    assert not missing, f"not in the wheel: {missing}"
    packages = {name.rsplit("/", 1)[0] for name in expected}
    for package in packages:
        assert f"{package}/__init__.py" in names, f"{package} is not a regular package"
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "listbot = listbot.__main__:main" in wheel.read(entry_points).decode()
    assert wheel.read("listbot/_version.py").decode() == f'__version__ = "{VERSION}"\n'


def test_wheel_installs_and_runs_in_a_fresh_venv(
    release: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    dist, env, _ = release
    target = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=True).create(target)
    python = target / "bin" / "python"
    wheel = dist / f"awesome_listbot-{VERSION}-py3-none-any.whl"
    install = _run([str(python), "-m", "pip", "install", "--no-deps", str(wheel)], env)
    assert install.returncode == 0, install.stdout + install.stderr
    listbot = str(target / "bin" / "listbot")

    version = _run([listbot, "--version"], env, timeout=60)
    assert version.stdout == f"listbot {VERSION}\n", version.stdout + version.stderr

    lint = _run([listbot, "lint", "--offline", str(EXAMPLE)], env, timeout=120)
    assert lint.returncode == 1, lint.stdout + lint.stderr
    assert f"{EXAMPLE}:20:42: warning year-mismatch" in lint.stdout
    assert "Found 4 errors, 7 warnings, 1 info in 1 file." in lint.stdout

    where = _run([str(python), "-c", "import listbot; print(listbot.__file__)"], env, timeout=60)
    assert where.stdout.startswith(str(target)), "listbot must come from the wheel"


def _wheel_version(project: Path, env: dict[str, str], out: Path) -> str:
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), "."], env, project
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = out.glob("awesome_listbot-*.whl")
    return wheel.name.split("-")[1]


def test_a_tarball_of_the_tag_knows_its_version(
    release: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    """What the Action runs from: GitHub's tarball of the ref, no .git, .git_archival.txt
    filled in by `git archive`."""
    _, env, project = release
    archive = subprocess.run(
        ["git", "-C", str(project), "archive", "--format=tar", TAG],
        capture_output=True,
        check=True,
    )
    tarball = tmp_path / "tarball"
    extract_tar(archive.stdout, tarball)
    assert not (tarball / ".git").exists()
    assert _wheel_version(tarball, env, tmp_path / "a") == VERSION


def test_without_git_metadata_the_version_falls_back(
    release: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    _, env, project = release
    plain = tmp_path / "plain"
    shutil.copytree(project, plain, ignore=shutil.ignore_patterns(".git"))
    # .git_archival.txt as committed: its placeholders were never filled in
    assert "$Format:" in (plain / ".git_archival.txt").read_text(encoding="utf-8")
    assert _wheel_version(plain, env, tmp_path / "b") == "0.0.0"


def test_between_tags_the_version_is_a_dev_release(
    release: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    _, env, project = release
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(project), str(clone)], check=True)
    git(clone, "commit", "-q", "--allow-empty", "-m", "after the release")
    version = _wheel_version(clone, env, tmp_path / "c")
    assert version.startswith("9.8.8.dev1+g"), version
