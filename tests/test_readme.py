"""The README's promises: a quick start that works from a clone alone, the shipped example
list and what listbot finds in it, and a command-line reference that matches the parser."""

from __future__ import annotations

import argparse
import re
import shlex

import pytest

from listbot.api import lint_paths
from listbot.cli import COMMANDS, build_parser, main
from listbot.config import Config
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
EXAMPLE = REPO / "examples" / "awesome-demo.md"

# What examples/awesome-demo.md is written to show, offline, with the default rules.
EXAMPLE_FINDINGS = {
    (9, "awesome-toc"),  # a TOC entry whose heading was renamed
    (13, "link-spacing"),  # a link glued to the word before it
    (13, "double-link"),  # the repository listed again at line 26
    (14, "no-trailing-spaces"),
    (15, "tracking-parameter"),
    (16, "awesome-spell-check"),  # javascript
    (20, "year-mismatch"),  # 2015 for a 2017 arXiv ID
    (20, "double-link"),  # the paper listed again at line 22
    (22, "double-link"),  # the same paper as a versioned PDF
    (22, "arxiv-link-form"),
    (26, "double-link"),  # the same repository twice
    (27, "awesome-list-item"),  # no full stop
}


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else len(README)]


def _code_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def _quick_start_commands() -> list[str]:
    (block,) = _code_blocks(_section("Quick start"), "sh")
    return block.strip().splitlines()


def test_quick_start_needs_nothing_but_a_clone() -> None:
    section = _section("Quick start")
    assert "shared" not in section, "a clone has no ../shared"
    first, second = _quick_start_commands()
    assert first.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install . && ")
    assert second.startswith(". .venv/bin/activate && pip install '.[test]' && ")
    assert "exits 1" in section


def test_quick_start_test_command_is_what_ci_runs() -> None:
    _, second = _quick_start_commands()
    command = second.rsplit("&& ", 1)[1]
    assert command == "python -m pytest -q"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet '.[test]'" in ci
    assert ci.rstrip().splitlines()[-1] == command


def test_quick_start_lint_runs_on_the_shipped_example(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _ = _quick_start_commands()
    argv = shlex.split(first.rsplit("&& ", 1)[1])
    assert argv[0] == "listbot" and "--offline" in argv
    assert argv[-1] == "examples/awesome-demo.md"
    monkeypatch.chdir(REPO)
    assert main(argv[1:]) == 1  # as the README says: the example has errors
    out = capsys.readouterr().out
    assert "examples/awesome-demo.md:20:42: warning year-mismatch" in out
    assert "fixable with --fix" in out


def test_example_list_shows_what_it_is_written_to_show() -> None:
    result = lint_paths([EXAMPLE], Config(), offline=True)
    assert not result.input_errors
    assert {(f.line, f.rule) for f in result.findings} == EXAMPLE_FINDINGS
    # The README's claims about it: a link twice, a wrong year, a stale TOC anchor, ...
    duplicates = [f for f in result.findings if f.rule == "double-link"]
    assert any("arxiv.org/pdf" in f.message for f in duplicates)


# -- the command-line reference -------------------------------------------------------------


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices[name]


def _long_options(parser: argparse.ArgumentParser) -> set[str]:
    return {
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }


def test_readme_lists_every_command() -> None:
    usage = _code_blocks(_section("Usage"), "text")[0]
    listed = [line.split()[1] for line in usage.splitlines() if line.startswith("listbot ")]
    assert list(dict.fromkeys(listed)) == list(COMMANDS)
    github = {line.split()[2] for line in usage.splitlines() if line.startswith("listbot github ")}
    subcommands = next(
        a for a in _subparser("github")._actions if isinstance(a, argparse._SubParsersAction)
    )
    assert github == set(subcommands.choices)


def test_readme_lint_options_table_matches_the_parser() -> None:
    section = _section("Usage")
    rows = [line for line in section.splitlines() if line.startswith("| `-")]
    documented = {
        option for row in rows for option in re.findall(r"`(--[a-z-]+)", row.split("|")[1])
    }
    assert documented == _long_options(_subparser("lint"))


def test_readme_says_how_links_options_differ_from_lint() -> None:
    lint, links = _long_options(_subparser("lint")), _long_options(_subparser("links"))
    assert links == (lint - {"--fix", "--diff", "--unsafe-fixes", "--offline"}) | {"--dump"}
    section = _section("Usage")
    assert "except the fixes and\n`--offline`, and adds `--dump`" in section
    assert "listbot links --dump" in section


def test_readme_documents_every_action_input() -> None:
    yaml = pytest.importorskip("yaml")
    inputs = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))["inputs"]
    section = _section("GitHub Action")
    documented = re.findall(r"^\| `([a-z-]+)` \|", section, re.M)
    assert documented and set(documented) == set(inputs)
