"""action.yml and the example workflows: the promises the docs make, and the CI check."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"
FULL_SHA = re.compile(r"^[^@]+@[0-9a-f]{40}$")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _steps(document: dict) -> list[dict]:
    if "runs" in document:
        return document["runs"]["steps"]
    return [step for job in document["jobs"].values() for step in job["steps"]]


def test_action_inputs_and_no_expressions_in_run() -> None:
    action = _load(REPO / "action.yml")
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"mode", "files", "config", "token", "version"}
    assert action["inputs"]["token"]["default"] == "${{ github.token }}"
    for step in _steps(action):
        assert "${{" not in step.get("run", ""), step.get("name")
    install = _steps(action)[0]
    assert install["env"]["LISTBOT_ACTION_PATH"] == "${{ github.action_path }}"


@pytest.mark.parametrize("name", ["listbot-review.yml", "listbot-link-rot.yml"])
def test_example_workflows_pin_actions_and_limit_permissions(name: str) -> None:
    workflow = _load(WORKFLOWS / name)
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads on: as True
    assert "pull_request_target" not in triggers
    assert workflow["permissions"] == {}
    for step in _steps(workflow):
        uses = step.get("uses", "")
        assert uses == "./" or FULL_SHA.match(uses), uses
    (job,) = workflow["jobs"].values()
    expected = (
        {"contents": "read", "pull-requests": "write"}
        if "review" in name
        else {"contents": "read", "issues": "write"}
    )
    assert job["permissions"] == expected


def test_link_rot_schedule_is_off_the_hour_with_cache_and_concurrency() -> None:
    workflow = _load(WORKFLOWS / "listbot-link-rot.yml")
    triggers = workflow[True] if True in workflow else workflow["on"]
    (schedule,) = triggers["schedule"]
    assert schedule["cron"].split()[0] not in ("0", "*")
    assert "workflow_dispatch" in triggers
    assert workflow["concurrency"]["group"]
    cache = [s for s in _steps(workflow) if s.get("uses", "").startswith("actions/cache@")]
    assert cache and cache[0]["with"]["path"] == ".listbot/cache.sqlite"


# The test extra installs both tools next to this interpreter, which need not be on PATH.
_TOOL_PATH = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


@pytest.mark.skipif(
    not (
        shutil.which("check-jsonschema", path=_TOOL_PATH)
        and shutil.which("zizmor", path=_TOOL_PATH)
    ),
    reason="check-jsonschema and zizmor are not installed",
)
def test_ci_check_workflows_passes() -> None:
    result = subprocess.run(
        [str(REPO / ".ci" / "check-workflows")],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PATH": _TOOL_PATH},
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("mode", "files", "config", "expected"),
    [
        ("review", "README.md", "", ["github", "review"]),
        ("review", "", "my dir/x.toml", ["github", "review", "--config", "my dir/x.toml"]),
        ("link-rot", "README.md docs/a.md", "", ["github", "link-rot", "README.md", "docs/a.md"]),
        ("lint", "README.md", "", ["lint", "--format", "github", "README.md"]),
    ],
)
def test_action_run_step_passes_inputs_as_arguments(
    tmp_path: Path, mode: str, files: str, config: str, expected: list[str]
) -> None:
    """The run step of action.yml with a stand-in listbot that prints its arguments."""
    result = _run_step(tmp_path, mode=mode, files=files, config=config)
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip("\n").split("|") == expected


def test_action_rejects_an_unknown_mode(tmp_path: Path) -> None:
    result = _run_step(tmp_path, mode="review; echo pwned", files="", config="")
    assert result.returncode == 2
    assert result.stdout.startswith("::error title=listbot::mode must be review, link-rot or lint")
    assert "pwned" not in result.stdout


def _run_step(tmp_path: Path, *, mode: str, files: str, config: str) -> subprocess.CompletedProcess:
    run = _steps(_load(REPO / "action.yml"))[1]["run"]
    bin_dir = tmp_path / "listbot-venv" / "bin"
    bin_dir.mkdir(parents=True)
    stand_in = bin_dir / "listbot"
    stand_in.write_text('#!/usr/bin/env bash\nIFS="|"; echo "$*"\n', encoding="utf-8")
    stand_in.chmod(0o755)
    env = {
        "PATH": "/usr/bin:/bin",
        "RUNNER_TEMP": str(tmp_path),
        "RUNNER_OS": "Linux",
        "LISTBOT_MODE": mode,
        "LISTBOT_FILES": files,
        "LISTBOT_CONFIG": config,
        "GITHUB_TOKEN": "t",
    }
    return subprocess.run(["bash", "-c", run], env=env, capture_output=True, text=True, timeout=60)
