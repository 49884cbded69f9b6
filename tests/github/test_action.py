"""action.yml and the example workflows: the promises the docs make, and the CI check."""

from __future__ import annotations

import re
import shutil
import subprocess
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


@pytest.mark.skipif(
    not (shutil.which("check-jsonschema") and shutil.which("zizmor")),
    reason="check-jsonschema and zizmor are not installed",
)
def test_ci_check_workflows_passes() -> None:
    result = subprocess.run(
        [str(REPO / ".ci" / "check-workflows")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
