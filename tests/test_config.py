"""Configuration: the reference file equals the code's defaults; bad files fail clearly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from listbot.config import Config, ConfigError, config_from_mapping, find_config_file, load_config
from listbot.config_reference import render_reference_config
from listbot.findings import Severity
from listbot.rules import RULES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REFERENCE = Path(__file__).resolve().parents[1] / "config.toml"


def test_reference_file_is_generated_from_the_code() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == render_reference_config(), (
        "config.toml is stale: run `listbot config > config.toml`"
    )


def test_reference_file_loads_to_the_defaults() -> None:
    config = load_config(REFERENCE)
    defaults = Config()
    assert (config.select, config.extend_select, config.ignore) == (
        defaults.select,
        defaults.extend_select,
        defaults.ignore,
    )
    assert config.allow == defaults.allow
    for rule in RULES:
        settings = config.rules[rule.id]
        assert settings.severity == rule.severity, rule.id
        if rule.option_names:
            assert settings.options == rule.default_options, rule.id
    for name, options in config.sections.items():
        assert options == defaults.section(name), name


def test_every_option_has_a_comment() -> None:
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if "=" in line and not line.startswith(("#", "[")):
            previous = lines[index - 1]
            if previous.startswith("["):  # `severity` right under the rule's commented header
                previous = lines[index - 2]
            assert previous.startswith("#"), f"config.toml:{index + 1} has no comment"


def test_unknown_top_level_key_names_file_and_key() -> None:
    with pytest.raises(ConfigError, match=r"x\.toml: unknown key 'selct'"):
        config_from_mapping({"selct": []}, source="x.toml")


def test_unknown_rule_and_option_are_errors() -> None:
    with pytest.raises(ConfigError, match=r"\[rules\.no-such-rule\]: unknown rule"):
        config_from_mapping({"rules": {"no-such-rule": {}}}, source="x.toml")
    with pytest.raises(ConfigError, match=r"\[rules\.final-newline\]: unknown key 'bogus'"):
        config_from_mapping({"rules": {"final-newline": {"bogus": 1}}}, source="x.toml")


def test_wrong_types_are_errors() -> None:
    with pytest.raises(ConfigError, match=r"select: expected an array of strings"):
        config_from_mapping({"select": "final-newline"}, source="x.toml")
    with pytest.raises(ConfigError, match=r"severity: unknown severity 'fatal'"):
        config_from_mapping({"rules": {"final-newline": {"severity": "fatal"}}}, source="x.toml")
    with pytest.raises(ConfigError, match=r"\[allow\]: urls\[1\]: expected a string"):
        config_from_mapping({"allow": {"urls": ["a", 3]}}, source="x.toml")


def test_severity_override_applies() -> None:
    config = config_from_mapping({"rules": {"final-newline": {"severity": "warning"}}})
    assert config.rule_severity("final-newline") is Severity.WARNING


def test_discovery_order(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    sub = tmp_path / "docs"
    sub.mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.listbot]\nignore = ['final-newline']\n")
    assert find_config_file(sub / "README.md") == tmp_path / "pyproject.toml"
    (tmp_path / ".listbot.toml").write_text("ignore = []\n")
    assert find_config_file(sub / "README.md") == tmp_path / ".listbot.toml"
    (sub / "listbot.toml").write_text("ignore = []\n")
    assert find_config_file(sub / "README.md") == sub / "listbot.toml"


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.listbot]\nignore = ['final-newline']\n")
    config = load_config(tmp_path / "pyproject.toml")
    assert config.ignore == ("final-newline",)
    assert "[tool.listbot]" in (config.source or "")


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "listbot.toml"
    bad.write_text("select = [\n")
    with pytest.raises(ConfigError, match=r"listbot\.toml: invalid TOML"):
        load_config(bad)


def test_reference_is_valid_toml() -> None:
    data = tomllib.loads(render_reference_config())
    assert "rules" in data and "allow" in data
