"""The wheel carries everything listbot needs, and installs into a fresh venv (offline).

CI also installs ``.[test]`` from the package index into a fresh venv (``.ci/run``); this
test builds the wheel itself, checks its contents against the source tree, and runs the
installed command from outside the source tree.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.buildenv import copy_project, offline_env

pytest.importorskip("hatchling")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path]:
    tmp_path = tmp_path_factory.mktemp("wheel")
    project = copy_project(tmp_path / "project")
    env = offline_env(tmp_path)
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-w",
            str(tmp_path / "dist"),
            str(project),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (path,) = (tmp_path / "dist").glob("awesome_listbot-*.whl")
    return path, env, project / "src" / "listbot"


def test_wheel_has_every_module_and_py_typed(wheel: tuple[Path, dict[str, str], Path]) -> None:
    path, _, source = wheel
    names = set(zipfile.ZipFile(path).namelist())
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
    text = zipfile.ZipFile(path).read(entry_points).decode()
    assert "listbot = listbot.__main__:main" in text


def test_wheel_installs_and_runs_in_a_fresh_venv(
    wheel: tuple[Path, dict[str, str], Path], tmp_path: Path
) -> None:
    path, env, _ = wheel
    target = tmp_path / "fresh"
    venv.EnvBuilder(with_pip=True).create(target)
    python = target / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    sample = tmp_path / "list.md"
    sample.write_text("# Awesome Things\n\nNo final newline", encoding="utf-8")
    run = subprocess.run(
        [
            str(target / "bin" / "listbot"),
            "lint",
            "--offline",
            "--select",
            "final-newline",
            str(sample),
        ],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "final-newline" in run.stdout
    where = subprocess.run(
        [str(python), "-c", "import listbot; print(listbot.__file__)"],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert where.stdout.startswith(str(target)), "listbot must come from the wheel"
