"""Link options on the command line (lychee's names), ``--show-settings``/``config --show``,
``--statistics`` and the store folder's ``.gitignore``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from listbot.cli import main
from listbot.commands.common import apply_link_options, parse_status_codes
from listbot.config import Config, ConfigError, config_from_mapping
from listbot.store import open_store

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("403", (403,)),
        ("403, 429", (403, 429)),
        ("200..=204", (200, 201, 202, 203, 204)),
        ("200..204", (200, 201, 202, 203)),
        ("..=101", (100, 101)),
        ("..102", (100, 101)),
        ("998..", (998, 999)),
        ("429,200..=201,429", (200, 201, 429)),
    ],
)
def test_accept_takes_lychee_ranges(text: str, codes: tuple[int, ...]) -> None:
    assert parse_status_codes(text) == codes


@pytest.mark.parametrize("text", ["abc", "403;404", "300..=200", "99", "1000", "200..=", "2xx"])
def test_accept_refuses_what_is_not_a_code_or_range(text: str) -> None:
    with pytest.raises(ConfigError, match="--accept"):
        parse_status_codes(text)


def _args(**values: object) -> argparse.Namespace:
    defaults: dict[str, object] = {
        "exclude": [],
        "include": [],
        "accept": None,
        "timeout": None,
        "max_concurrency": None,
        "max_concurrency_per_host": None,
    }
    return argparse.Namespace(**{**defaults, **values})


def test_link_options_override_the_links_table() -> None:
    config = config_from_mapping(
        {"links": {"exclude": ["a\\.dev"], "accept": [418], "timeout": 9.0, "concurrency": 50}}
    )
    args = _args(
        exclude=["b\\.dev"],
        include=["c\\.dev"],
        accept="403",
        timeout=2.5,
        max_concurrency_per_host=3,
    )
    links = apply_link_options(config, args).section("links")
    assert links.exclude == ("a\\.dev", "b\\.dev")  # patterns add up
    assert links.include == ("c\\.dev",)
    assert links.accept == (403,)  # replaced, as lychee's --accept
    assert (links.timeout, links.concurrency, links.per_host_concurrency) == (2.5, 50, 3)
    assert apply_link_options(config, _args()) is config


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--timeout", "0"], "--timeout: must be more than 0"),
        (["--timeout", "nan"], "--timeout: must be more than 0"),
        (["--max-concurrency", "0"], "--max-concurrency: must be more than 0"),
        (["--max-concurrency-per-host", "-1"], "--max-concurrency-per-host: must be more than 0"),
        (["--exclude", "("], "--exclude/--include: bad regular expression '('"),
        (["--accept", "4o4"], "--accept: '4o4' is neither a status code nor a range"),
        (["--max-concurrency", "many"], "argument --max-concurrency: invalid int value"),
    ],
)
def test_bad_link_options_are_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Awesome\n", encoding="utf-8")
    assert main(["links", str(readme), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_show_settings_names_the_file_and_the_resulting_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "listbot.toml"
    config.write_text(
        'ignore = ["awesome-spell-check"]\n\n[links]\ntimeout = 5.0\n\n'
        '[rules.double-link]\nseverity = "warning"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)  # no README.md here: settings need no list
    argv = ["--show-settings", "--timeout", "2", "--extend-select", "github-stale"]
    assert main(["lint", *argv]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# configuration file: {config}\n")
    settings = tomllib.loads(out)  # the settings are TOML
    assert settings["ignore"] == ["awesome-spell-check"]
    assert settings["extend_select"] == ["github-stale"]
    assert settings["links"]["timeout"] == 2.0  # the command line wins
    assert settings["rules"]["double-link"]["severity"] == "warning"
    assert "awesome-spell-check" not in settings["rules"]  # only the rules that run
    assert "github-stale" in settings["rules"]

    assert main(["links", "--show-settings"]) == 0
    settings = tomllib.loads(capsys.readouterr().out)
    assert settings["links"]["timeout"] == 5.0
    assert set(settings["rules"]) == {"dead-link", "redirect", "link-unverified", "private-address"}
    assert main(["config", "--show"]) == 0
    assert capsys.readouterr().out.startswith(f"# configuration file: {config}\n")


def test_config_show_without_a_configuration_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()  # the search for a configuration stops at the repository
    assert main(["config", "--show", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# configuration file: none found, so the defaults\n")
    settings = tomllib.loads(out)
    assert settings["links"]["timeout"] == Config().section("links").timeout
    assert settings["rules"]["double-link"]["severity"] == "error"


def test_statistics_prints_only_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome Things\n\n- [Foo](https://foo.dev) - Does foo.  \n"
        "- [Bar](https://bar.dev) - Does bar.\t\n- [Foo](https://foo.dev) - Again",
        encoding="utf-8",
    )
    selection = "final-newline,no-trailing-spaces,double-link"
    assert main(["lint", "--offline", "--statistics", "--select", selection, str(readme)]) == 1
    assert capsys.readouterr().out == (
        "     2  double-link\n     2  no-trailing-spaces  [*]\n     1  final-newline  [*]\n"
    )


def test_store_folder_keeps_itself_out_of_git(tmp_path: Path) -> None:
    with open_store(tmp_path / ".listbot" / "cache.sqlite") as store:
        store.put("link", "k", {"v": 1})
    ignore = tmp_path / ".listbot" / ".gitignore"
    assert ignore.read_text(encoding="utf-8").splitlines()[-1] == "*"
    ignore.unlink()  # an existing folder is the user's: nothing is written into it
    with open_store(tmp_path / ".listbot" / "cache.sqlite"):
        pass
    assert not ignore.exists()
