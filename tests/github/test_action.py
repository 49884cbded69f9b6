"""action.yml, the example workflows and the release workflow: the promises the docs make,
and the CI check."""

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
EXAMPLES = REPO / "examples" / "workflows"
FULL_SHA = re.compile(r"^[^@]+@[0-9a-f]{40}$")
RELEASE_TAG = re.compile(r"^listbot/listbot@v\d+\.\d+\.\d+$")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _steps(document: dict) -> list[dict]:
    if "runs" in document:
        return document["runs"]["steps"]
    return [step for job in document["jobs"].values() for step in job["steps"]]


def test_action_inputs_and_no_expressions_in_run() -> None:
    action = _load(REPO / "action.yml")
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"mode", "files", "config", "token", "version", "args"}
    assert action["inputs"]["token"]["default"] == "${{ github.token }}"
    for name, spec in action["inputs"].items():
        assert len(spec.get("description", "")) > 40, f"input {name} is not documented"
    for step in _steps(action):
        assert "${{" not in step.get("run", ""), step.get("name")
    install = _steps(action)[0]
    assert install["env"]["LISTBOT_ACTION_PATH"] == "${{ github.action_path }}"


@pytest.mark.parametrize(
    "name", ["listbot-review.yml", "listbot-link-rot.yml", "listbot-maintain.yml"]
)
def test_example_workflows_pin_actions_and_limit_permissions(name: str) -> None:
    """Users copy these: listbot by its release tag (the README's), the rest by SHA."""
    workflow = _load(EXAMPLES / name)
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads on: as True
    assert "pull_request_target" not in triggers
    assert workflow["permissions"] == {}
    for step in _steps(workflow):
        uses = step.get("uses", "")
        if uses.startswith("listbot/"):
            assert RELEASE_TAG.match(uses), uses
            assert uses.split("@")[1] in (REPO / "README.md").read_text(encoding="utf-8")
        elif uses:
            assert FULL_SHA.match(uses), uses
    (job,) = workflow["jobs"].values()
    expected = {
        "listbot-review.yml": {"contents": "read", "pull-requests": "write"},
        "listbot-link-rot.yml": {"contents": "read", "issues": "write"},
        # the bot's branch, its pull request, the issue; nothing else
        "listbot-maintain.yml": {"contents": "write", "pull-requests": "write", "issues": "write"},
    }[name]
    assert job["permissions"] == expected


@pytest.mark.parametrize("name", ["listbot-link-rot.yml", "listbot-maintain.yml"])
def test_scheduled_jobs_run_off_the_hour_with_cache_and_concurrency(name: str) -> None:
    workflow = _load(EXAMPLES / name)
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
    ("mode", "files", "config", "args", "expected"),
    [
        ("review", "README.md", "", "", ["github", "review"]),
        ("review", "", "my dir/x.toml", "", ["github", "review", "--config", "my dir/x.toml"]),
        (
            "link-rot",
            "README.md docs/a.md",
            "",
            "",
            ["github", "link-rot", "README.md", "docs/a.md"],
        ),
        ("maintain", "README.md", "", "", ["github", "maintain", "README.md"]),
        ("lint", "README.md", "", "", ["lint", "--format", "github", "README.md"]),
        (
            "lint",
            "README.md",
            "",
            "--select ALL --exclude '^https://x\\.com/a b' --accept 200..=299,403",
            [
                "lint", "--format", "github", "README.md", "--select", "ALL",
                "--exclude", "^https://x\\.com/a b", "--accept", "200..=299,403",
            ],
        ),
        (
            "review",
            "",
            "c.toml",
            '--ignore "$(touch pwned)" `touch pwned` *',
            [
                "github", "review", "--config", "c.toml",
                "--ignore", "$(touch pwned)", "`touch", "pwned`", "*",
            ],
        ),
    ],
)  # fmt: skip
def test_action_run_step_passes_inputs_as_arguments(
    tmp_path: Path, mode: str, files: str, config: str, args: str, expected: list[str]
) -> None:
    """The run step of action.yml with a stand-in listbot that prints its arguments."""
    result = _run_step(tmp_path, mode=mode, files=files, config=config, args=args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip("\n").split("|") == expected
    assert not list(tmp_path.rglob("pwned")), "args must never be run"


def test_action_rejects_unbalanced_quotes_in_args(tmp_path: Path) -> None:
    result = _run_step(tmp_path, mode="lint", files="README.md", config="", args="--ignore 'x")
    assert result.returncode == 2
    assert result.stdout.startswith("::error title=listbot::args: unbalanced quotes")


def test_action_rejects_an_unknown_mode(tmp_path: Path) -> None:
    result = _run_step(tmp_path, mode="review; echo pwned", files="", config="")
    assert result.returncode == 2
    assert result.stdout.startswith(
        "::error title=listbot::mode must be review, link-rot, maintain or lint"
    )
    assert "pwned" not in result.stdout


def _run_step(
    tmp_path: Path, *, mode: str, files: str, config: str, args: str = ""
) -> subprocess.CompletedProcess:
    run = _steps(_load(REPO / "action.yml"))[1]["run"]
    bin_dir = tmp_path / "listbot-venv" / "bin"
    bin_dir.mkdir(parents=True)
    stand_in = bin_dir / "listbot"
    stand_in.write_text('#!/usr/bin/env bash\nIFS="|"; echo "$*"\n', encoding="utf-8")
    stand_in.chmod(0o755)
    (bin_dir / "python").symlink_to(sys.executable)
    env = {
        "PATH": "/usr/bin:/bin",
        "RUNNER_TEMP": str(tmp_path),
        "RUNNER_OS": "Linux",
        "LISTBOT_MODE": mode,
        "LISTBOT_FILES": files,
        "LISTBOT_CONFIG": config,
        "LISTBOT_ARGS": args,
        "GITHUB_TOKEN": "t",
    }
    return subprocess.run(
        ["bash", "-c", run], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )


# -- the release workflow ---------------------------------------------------------------------


def test_release_publishes_tags_with_trusted_publishing_and_least_permissions() -> None:
    workflow = _load(WORKFLOWS / "release.yml")
    triggers = workflow[True] if True in workflow else workflow["on"]
    assert set(triggers) == {"push"} and set(triggers["push"]) == {"tags"}
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "build": {"contents": "read"},
        "pypi": {"id-token": "write"},
        "github-release": {"contents": "write"},
    }
    for step in _steps(workflow):
        if "uses" in step:
            assert FULL_SHA.match(step["uses"]), step["uses"]
    (publish,) = [s for s in jobs["pypi"]["steps"] if "gh-action-pypi-publish" in s.get("uses", "")]
    assert not set(publish.get("with", {})) & {"password", "user", "username"}, "no token"
    assert jobs["pypi"]["environment"]["name"] == "pypi"
    assert jobs["pypi"]["needs"] == "build" and "pypi" in jobs["github-release"]["needs"]
    text = (WORKFLOWS / "release.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    checkout = next(s for s in jobs["build"]["steps"] if "actions/checkout" in s["uses"])
    assert checkout["with"]["fetch-depth"] == 0, "hatch-vcs needs the tag"


def _release_notes(version: str) -> str:
    """The release workflow's own awk program, run on CHANGELOG.md."""
    step = next(s for s in _load(WORKFLOWS / "release.yml")["jobs"]["build"]["steps"]
                if "CHANGELOG.md" in s.get("run", ""))  # fmt: skip
    program = re.search(r"awk -v version=\"\$version\" '(.*?)' CHANGELOG\.md", step["run"], re.S)
    assert program, "the release notes are no longer cut with awk"
    result = subprocess.run(
        ["awk", "-v", f"version={version}", program.group(1), "CHANGELOG.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.mark.skipif(shutil.which("awk") is None, reason="awk is not installed")
def test_changelog_keeps_a_changelog_and_the_release_notes_come_from_it() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## \[([^\]]+)\]", changelog, re.M)
    assert versions[0] == "Unreleased" and len(versions) >= 2
    first = versions[1]
    assert re.fullmatch(r"\d+\.\d+\.\d+", first)
    assert re.search(rf"^## \[{re.escape(first)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)
    assert f"[{first}]: https://github.com/listbot/listbot/releases/tag/v{first}" in changelog
    notes = _release_notes(first)
    assert "### Added" in notes and "## [" not in notes
    assert "]: https://" not in notes, "link references are not release notes"
    assert _release_notes("9.9.9") == ""
    # the README's snippets name the first release's tag
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"rev: v{first}" in readme and f"uses: listbot/listbot@v{first}" in readme


def test_ci_pins_every_action_by_sha() -> None:
    for step in _steps(_load(WORKFLOWS / "ci.yml")):
        uses = step.get("uses", "")
        assert not uses or uses == "./" or FULL_SHA.match(uses), uses
