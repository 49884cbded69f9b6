"""What ``listbot lint`` and ``listbot links`` read: README.md by default, folders, stdin.

Run in-process through ``cli.main``; standard input is replaced by bytes.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from listbot.cli import main

NO_NEWLINE = "# Awesome Things\n\n- [Foo](https://foo.dev) - Does foo."
FINAL_NEWLINE = ["--offline", "--select", "final-newline"]


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch):
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


@pytest.mark.parametrize("name", ["README.md", "readme.md", "Readme.MD"])
def test_no_file_lints_the_readme_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (tmp_path / name).write_text(NO_NEWLINE, encoding="utf-8")
    (tmp_path / "other.md").write_text(NO_NEWLINE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", *FINAL_NEWLINE]) == 1
    out = capsys.readouterr().out
    assert f"{name}:3:37: error final-newline" in out
    assert "other.md" not in out and "in 1 file" in out


def test_fix_without_file_fixes_the_readme_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "README.md").write_text(NO_NEWLINE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", *FINAL_NEWLINE, "--fix"]) == 0
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == NO_NEWLINE + "\n"


def test_readme_md_wins_over_other_cases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "readme.md").write_text(NO_NEWLINE, encoding="utf-8")
    (tmp_path / "README.md").write_text(NO_NEWLINE, encoding="utf-8")
    names = {entry.name for entry in tmp_path.iterdir()}
    if names != {"readme.md", "README.md"}:
        pytest.skip("this file system folds case")
    monkeypatch.chdir(tmp_path)
    main(["lint", *FINAL_NEWLINE])
    assert capsys.readouterr().out.startswith("README.md:3:")


def test_no_readme_here_is_one_line_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "list.md").write_text(NO_NEWLINE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--offline"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("listbot: error: the current folder: is a folder without a README.md")
    assert len(err.strip().splitlines()) == 1


def test_a_folder_means_its_readme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "README.md").write_text(NO_NEWLINE, encoding="utf-8")
    assert main(["lint", *FINAL_NEWLINE, str(docs)]) == 1
    assert f"{docs / 'README.md'}:3:37: error final-newline" in capsys.readouterr().out
    assert main(["links", "--dump", str(docs)]) == 0
    assert capsys.readouterr().out == f"https://foo.dev\t{docs / 'README.md'}:3\n"


def test_a_folder_without_readme_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", "--offline", str(tmp_path)]) == 2
    assert f"{tmp_path}/: is a folder without a README.md" in capsys.readouterr().err


def test_dash_reads_standard_input(stdin, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(b"\xef\xbb\xbf" + NO_NEWLINE.encode())
    assert main(["lint", *FINAL_NEWLINE, "-"]) == 1
    assert "-:3:37: error final-newline" in capsys.readouterr().out


def test_stdin_filename_names_positions_config_and_companions(
    tmp_path: Path, stdin, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "listbot.toml").write_text(
        '[rules.final-newline]\nseverity = "warning"\n', encoding="utf-8"
    )
    name = str(tmp_path / "README.md")  # need not exist
    selection = ["--offline", "--select", "final-newline,awesome-contributing"]
    stdin(NO_NEWLINE.encode())
    assert main(["lint", *selection, "--stdin-filename", name]) == 1  # implies -
    out = capsys.readouterr().out
    assert f"{name}:3:37: warning final-newline" in out  # the configuration beside it
    assert f"{name}:1:1: error awesome-contributing" in out  # no contributing.md beside it

    (tmp_path / "contributing.md").write_text("# Contributing\n\nPlease do.\n", encoding="utf-8")
    stdin(NO_NEWLINE.encode())
    assert main(["lint", *selection, "--stdin-filename", name, "-"]) == 0
    assert "awesome-contributing" not in capsys.readouterr().out

    stdin(NO_NEWLINE.encode())  # unnamed: where it lives is unknown, so no companion rules
    main(["lint", *selection, "-"])
    assert "awesome-contributing" not in capsys.readouterr().out


def test_stdin_beside_files_and_only_once(
    tmp_path: Path, stdin, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_text(NO_NEWLINE, encoding="utf-8")
    stdin(NO_NEWLINE.encode())
    assert main(["lint", *FINAL_NEWLINE, str(path), "-"]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3:37:" in out and "-:3:37:" in out and "in 2 files" in out
    stdin(b"")
    assert main(["lint", "--offline", "-", "-"]) == 2
    assert "standard input can be read only once" in capsys.readouterr().err


def test_stdin_with_invalid_utf8_is_exit_2(stdin, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(b"# Title\n\n- caf\xe9\n")
    assert main(["lint", "--offline", "--stdin-filename", "list.md"]) == 2
    assert "list.md:3: invalid UTF-8" in capsys.readouterr().err


def test_fix_refuses_standard_input(stdin, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(NO_NEWLINE.encode())
    assert main(["lint", "--offline", "--fix", "-"]) == 2
    err = capsys.readouterr().err
    assert "-: --fix and --diff change files" in err and "Traceback" not in err


def test_links_dump_lists_links_and_exclusions_without_checking(
    tmp_path: Path, stdin, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "listbot.toml").write_text(
        '[links]\nexclude = ["twitter\\\\.com"]\n', encoding="utf-8"
    )
    text = (
        "# Awesome\n\n"
        "- [A](https://a.dev/x) - One.\n"
        "- [T](https://twitter.com/someone) - Two.\n"
        "- [A again](https://a.dev/x) - Three.\n"
        "- [Example](https://example.com/) - Four.\n"
        "- [Code](`https://not.a.link`) and `https://nor.this` - Five.\n"
    )
    readme = tmp_path / "README.md"
    readme.write_text(text, encoding="utf-8")
    assert main(["links", "--dump", str(readme), "--exclude", "^https://b\\.dev"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"https://a.dev/x\t{readme}:3,5",
        f"https://twitter.com/someone\t{readme}:4\texcluded",
        f"https://example.com/\t{readme}:6",  # the configured exclude replaced the default
    ]
    stdin(text.replace("a.dev", "b.dev").encode())
    assert main(["links", "--dump", "--format", "json", str(readme), "-"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0] == {"url": "https://b.dev/x", "excluded": False, "files": {"-": [3, 5]}}
    assert main(["links", "--dump", str(readme), "--exclude", "^https://a\\.dev"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"https://a.dev/x\t{readme}:3,5\texcluded"


def test_links_dump_reports_unreadable_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["links", "--dump", str(tmp_path / "missing.md")]) == 2
    assert "missing.md: no such file" in capsys.readouterr().err
