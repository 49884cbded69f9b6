"""The command line, run in-process through ``cli.main``: exit codes, output shapes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from listbot import __version__
from listbot.cli import main

CLEAN = "# Awesome Things\n\n- [Foo](https://foo.dev) - Does foo.\n"
NO_NEWLINE = "# Awesome Things\n\n- [Foo](https://foo.dev) - Does foo."


def write(tmp_path: Path, text: str, name: str = "README.md") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"listbot {__version__}"


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: listbot" in capsys.readouterr().err


def test_unknown_option_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--bogus", "x.md"]) == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: --bogus" in err
    assert "Traceback" not in err


_ONE_COMMAND = """
import sys
from listbot.cli import main
code = main(["rules", "--help"])
loaded = [name for name in ("lint", "links", "explain", "export", "config", "github")
          if f"listbot.commands.{name}" in sys.modules]
print(code, loaded, file=sys.stderr)
"""


def test_a_command_named_first_imports_only_its_own_module() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _ONE_COMMAND], capture_output=True, text=True, timeout=60
    )
    assert done.stderr.strip().splitlines()[-1] == "0 []"
    assert "listbot rules" in done.stdout  # its own help, whole


def test_a_mistyped_command_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lnt", "README.md"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'lnt'" in err
    for name in ("lint", "links", "rules", "explain", "export", "config", "github"):
        assert f"'{name}'" in err


def test_clean_file_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, CLEAN)
    assert main(["lint", "--offline", "--select", "final-newline", str(path)]) == 0
    assert "no findings" in capsys.readouterr().out


def test_error_finding_exits_one_and_text_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, NO_NEWLINE)
    assert main(["lint", "--offline", "--select", "final-newline", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3:37: error final-newline Missing final newline" in out
    assert "Found 1 error, 0 warnings, 0 infos in 1 file." in out


def test_exit_zero(tmp_path: Path) -> None:
    path = write(tmp_path, NO_NEWLINE)
    assert main(["lint", "--offline", "--exit-zero", "--select", "final-newline", str(path)]) == 0


def test_ignore_and_severity_from_config(tmp_path: Path) -> None:
    path = write(tmp_path, NO_NEWLINE)
    assert (
        main(
            [
                "lint",
                "--offline",
                "--select",
                "final-newline",
                "--ignore",
                "final-newline",
                str(path),
            ]
        )
        == 0
    )
    config = write(tmp_path, '[rules.final-newline]\nseverity = "warning"\n', "listbot.toml")
    assert (
        main(["lint", "--offline", "--config", str(config), "--select", "final-newline", str(path)])
        == 0
    )


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, NO_NEWLINE)
    assert (
        main(["lint", "--offline", "--format", "json", "--select", "final-newline", str(path)]) == 1
    )
    report = json.loads(capsys.readouterr().out)
    assert report["version"] == 1
    assert report["files"] == [str(path)]
    assert report["summary"] == {"errors": 1, "warnings": 0, "infos": 0}
    (finding,) = report["findings"]
    assert {
        k: finding[k] for k in ("line", "column", "end_line", "end_column", "severity", "rule")
    } == {
        "line": 3,
        "column": 37,
        "end_line": 3,
        "end_column": 37,
        "severity": "error",
        "rule": "final-newline",
    }
    assert finding["related"] == [] and finding["url"] is None


def test_statistics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, NO_NEWLINE)
    main(["lint", "--offline", "--statistics", "--select", "final-newline", str(path)])
    assert capsys.readouterr().out == "     1  final-newline  [*]\n"


def test_quiet_prints_findings_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, NO_NEWLINE)
    main(["lint", "--offline", "--quiet", "--select", "final-newline", str(path)])
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "final-newline" in out


def test_unknown_selector_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, CLEAN)
    assert main(["lint", "--offline", "--select", "no-such-rule", str(path)]) == 2
    assert "unknown rule or tag 'no-such-rule'" in capsys.readouterr().err


def test_bad_config_is_exit_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, CLEAN)
    write(tmp_path, "colour = 1\n", "listbot.toml")
    assert main(["lint", "--offline", str(path)]) == 2
    err = capsys.readouterr().err
    assert "listbot.toml: unknown key 'colour'" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (b"# Title\n\n- caf\xe9\n", ":3: invalid UTF-8 (byte 0xe9 at byte 6 of the line"),
    ],
    ids=["missing", "binary", "bad-utf8"],
)
def test_unreadable_input_is_exit_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "README.md"
    if content is not None:
        path.write_bytes(content)
    assert main(["lint", "--offline", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    if content is not None:
        assert path.read_bytes() == content, "the input must never be modified"


def test_directory_without_readme_is_exit_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", "--offline", str(tmp_path)]) == 2
    assert "is a folder without a README.md" in capsys.readouterr().err


def test_empty_file_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    assert main(["lint", "--offline", str(path)]) in (0, 1)


def test_one_bad_file_does_not_hide_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, NO_NEWLINE)
    assert (
        main(
            ["lint", "--offline", "--select", "final-newline", str(tmp_path / "nope.md"), str(good)]
        )
        == 2
    )
    captured = capsys.readouterr()
    assert "nope.md: no such file" in captured.err
    assert "final-newline" in captured.out


def test_rules_lists_ids_severity_and_fix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("final-newline "))
    assert "error" in line and "fix" in line and "The file must end with a newline." in line


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rules = {rule["id"]: rule for rule in json.loads(capsys.readouterr().out)}
    assert rules["final-newline"]["fix"] == "always"


def test_config_prints_reference_and_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config"]) == 0
    assert "[rules.final-newline]" in capsys.readouterr().out
    bad = write(tmp_path, "[rules.final-newline]\nseverity = 3\n", "bad.toml")
    assert main(["config", "--check", str(bad)]) == 2


def test_export_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path, "# Awesome\n\n## Tools\n\n### CLI\n\n- [Foo](https://foo.dev) - Does *foo*.\n"
    )
    assert main(["export", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    (entry,) = data["entries"]
    assert entry["category"] == "Tools" and entry["sub_category"] == "CLI"
    assert (entry["name"], entry["url"], entry["description"]) == (
        "Foo",
        "https://foo.dev",
        "Does foo.",
    )
    assert (entry["line"], entry["column"]) == (7, 1)


def test_output_into_missing_folders_creates_them(tmp_path: Path) -> None:
    path = write(tmp_path, NO_NEWLINE)
    report = tmp_path / "out" / "nested" / "report.json"
    args = ["lint", "--offline", "--select", "final-newline", "--format", "json"]
    assert main([*args, "-o", str(report), str(path)]) == 1
    assert json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize("where", ["blocked/report.json", "folder"])
def test_output_that_cannot_be_written_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    path = write(tmp_path, NO_NEWLINE)
    (tmp_path / "blocked").write_text("a file, not a folder\n")
    (tmp_path / "folder").mkdir()
    target = tmp_path / where
    assert main(["lint", "--offline", "-o", str(target), str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write the report" in err and str(target) in err
    assert (tmp_path / "blocked").read_text() == "a file, not a folder\n"


BAD_CONFIG = "ignore = ['spellcheck']\n\n[links]\ntimeout = inf\nretries = 1000000000\n"


@pytest.mark.parametrize(
    "command",
    [
        ["config", "--check", "{config}"],
        ["lint", "--offline", "{list}"],
        ["lint", "--offline", "--fix", "{list}"],
        ["lint", "{list}"],
        ["links", "{list}"],
        ["export", "{list}"],
        ["github", "review", "--offline", "--pr", "1", "--repo", "o/r", "--config", "{config}"],
        ["github", "link-rot", "--dry-run", "{list}"],
    ],
    ids=lambda command: " ".join(command[:2]),
)
def test_every_command_reports_every_config_problem_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    config = tmp_path / "listbot.toml"
    config.write_text(BAD_CONFIG)
    readme = write(tmp_path, CLEAN)
    argv = [part.format(config=config, list=readme) for part in command]
    assert main(argv) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"listbot: error: {config}: ignore: unknown rule or tag 'spellcheck'; "
        "did you mean 'spell-check'? (`listbot rules --all` lists them)",
        f"listbot: error: {config}: [links]: timeout: inf is not a finite number; "
        "use more than 0 and at most 600 seconds",
        f"listbot: error: {config}: [links]: retries: 1000000000 is out of range; use 0 to 10",
    ]
    assert readme.read_text() == CLEAN


def test_command_line_selection_suggests_and_lists_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, CLEAN)
    argv = ["lint", "--offline", "--select", "doublelink,final-newline", "--ignore", "spellcheck"]
    assert main([*argv, str(path)]) == 2
    err = capsys.readouterr().err
    assert "--select: unknown rule or tag 'doublelink'; did you mean 'double-link'?" in err
    assert "--ignore: unknown rule or tag 'spellcheck'; did you mean 'spell-check'?" in err
    assert err.count("\n") == 2


def test_explain_suggests_and_shows_toml_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "spellcheck"]) == 2
    assert "did you mean 'spell-check'?" in capsys.readouterr().err
    assert main(["explain", "no-trailing-spaces"]) == 0
    out = capsys.readouterr().out
    assert "default `true`" in out and "True" not in out
