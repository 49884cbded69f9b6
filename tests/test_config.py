"""Configuration: the reference file equals the code's defaults; bad files fail clearly."""

from __future__ import annotations

import dataclasses
import sys
import typing
from pathlib import Path

import pytest

from listbot.config import (
    Config,
    ConfigError,
    config_from_mapping,
    find_config_file,
    load_config,
    section_types,
)
from listbot.config_reference import render_reference_config
from listbot.constraints import METADATA_KEY, Range
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


# -- every mistake is caught, all at once, with a suggestion ------------------------------------

BAD_VALUES = [
    (
        "ignore = ['spellcheck']",
        "ignore: unknown rule or tag 'spellcheck'; did you mean 'spell-check'?",
    ),
    (
        "select = ['doublelink']",
        "select: unknown rule or tag 'doublelink'; did you mean 'double-link'?",
    ),
    ("extend_select = ['nope-nope']", "extend_select: unknown rule or tag 'nope-nope'"),
    ("selct = []", "unknown key 'selct'; did you mean 'select'?"),
    ("timeout = 3", "unknown key 'timeout'; did you mean 'timeout' under [links] or [arxiv]?"),
    ("final-newline = {}", "did you mean [rules.final-newline]?"),
    ("[links]\ntimeout = inf", "[links]: timeout: inf is not a finite number"),
    ("[links]\ntimeout = nan", "[links]: timeout: nan is not a finite number"),
    ("[links]\ntimeout = 0", "[links]: timeout: 0 is out of range"),
    ("[links]\nconnect_timeout = 1e9", "[links]: connect_timeout: 1000000000 is out of range"),
    ("[links]\nretries = 1000000000", "[links]: retries: 1000000000 is out of range; use 0 to 10"),
    ("[links]\nretries = 1e9", "[links]: retries: expected an integer, got 1000000000.0"),
    ("[links]\ntimeout_retries = -1", "[links]: timeout_retries: -1 is out of range"),
    ("[links]\nbackoff = -0.5", "[links]: backoff: -0.5 is out of range"),
    ("[links]\nmax_retry_wait = 1e12", "[links]: max_retry_wait: 1000000000000 is out of range"),
    ("[links]\nconcurrency = 0", "[links]: concurrency: 0 is out of range; use 1 to 1024"),
    ("[links]\nper_host_concurrency = 100000", "[links]: per_host_concurrency: 100000 is out"),
    ("[links]\nttl_ok = -inf", "[links]: ttl_ok: -inf is not a finite number"),
    ("[links]\nttl_failure = -1", "[links]: ttl_failure: -1 is out of range"),
    ("[links]\nreport_after = -2", "[links]: report_after: -2 is out of range"),
    ("[links]\naccept = [200, 9999]", "[links]: accept[1]: 9999 is out of range; use 100 to 599"),
    ("[links]\ncache_path = '/'", "[links]: cache_path: '/' names a folder"),
    ("[links]\ncache_path = 'cache/'", "[links]: cache_path: 'cache/' names a folder"),
    ("[links]\ncache_path = ''", "[links]: cache_path: '' names a folder"),
    (
        '[links]\nuser_agent = "x\\r\\nX-Evil: 1"',
        "[links]: user_agent: 'x\\r\\nX-Evil: 1': a header",
    ),
    (
        "[links]\nheaders = { 'Bad Name' = 'x' }",
        "[links]: headers: 'Bad Name' is not a valid header",
    ),
    ("[links]\nexclude = ['(']", "[links]: bad regular expression '('"),
    ("[links]\ntimout = 3", "[links]: unknown key 'timout'; did you mean 'timeout'?"),
    (
        "[links.hosts.'a.com']\nconcurrency = 0",
        "[links]: hosts.a.com: concurrency: 0 is out of range",
    ),
    ("[links.hosts.'a.com']\naccept = [-1]", "[links]: hosts.a.com: accept[0]: -1 is out of range"),
    ("[links.hosts.'a.com']\nmethod = 'post'", "[links]: hosts.a.com.method must be 'get', 'head'"),
    ("[arxiv]\ndelay = nan", "[arxiv]: delay: nan is not a finite number"),
    ("[arxiv]\ntimeout = inf", "[arxiv]: timeout: inf is not a finite number"),
    ("[arxiv]\nretries = 99", "[arxiv]: retries: 99 is out of range"),
    ("[arxiv]\ntitle_similarity = 2", "[arxiv]: title_similarity: 2 is out of range; use 0 to 1"),
    ("[arxiv]\ncache_days = 1e300", "[arxiv]: cache_days: 1e+300 is out of range"),
    ("[arxiv]\napi_url = 'ftp://x'", "[arxiv]: api_url: 'ftp://x' is not an http:// or https://"),
    ("[github]\napi_url = 'api.github.com'", "[github]: api_url: 'api.github.com' is not an http"),
    ("[github]\nbatch_size = 1000", "[github]: batch_size: 1000 is out of range; use 1 to 100"),
    ("[github]\nstale_days = 0", "[github]: stale_days: 0 is out of range"),
    ("[github]\ncache_hours = inf", "[github]: cache_hours: inf is not a finite number"),
    ("[github]\nmax_inline_comments = 1000000", "[github]: max_inline_comments: 1000000 is out"),
    ("[github]\nfilter_mode = 'add'", "[github]: filter_mode must be one of added"),
    (
        "[rules.spellcheck]",
        "[rules.spellcheck]: unknown rule 'spellcheck'; did you mean 'spell-check'?",
    ),
    (
        "[rules.final-newline]\nseverity = 'eror'",
        "severity: unknown severity 'eror'; did you mean 'error'?",
    ),
    (
        "[rules.final-newline]\nbogus = 1",
        "unknown key 'bogus'; this rule has no options, only severity",
    ),
    (
        "[rules.double-link]\nscop = 'all'",
        "unknown key 'scop'; did you mean 'scope'? (known: allow, scope, severity)",
    ),
    ("[rules.double-link]\nscope = 'everything'", "[rules.double-link]: scope must be one of"),
    ("[allow]\nurl = []", "[allow]: unknown key 'url'; did you mean 'urls'?"),
    ("rules = 3", "rules: must be a table"),
    ("select = " + "[" * 5000 + "]" * 5000, "nested too deep"),
]


@pytest.mark.parametrize(("toml_text", "problem"), BAD_VALUES, ids=[p for _, p in BAD_VALUES])
def test_every_bad_value_is_a_problem_naming_file_and_key(
    tmp_path: Path, toml_text: str, problem: str
) -> None:
    path = tmp_path / "listbot.toml"
    path.write_text(toml_text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert len(caught.value.problems) == 1, caught.value.problems
    line = caught.value.problems[0]
    assert line.startswith(f"{path}: ") and problem in line, line
    assert "\n" not in line


def test_all_problems_are_listed_not_only_the_first(tmp_path: Path) -> None:
    path = tmp_path / "listbot.toml"
    path.write_text("\n".join(text for text, _ in BAD_VALUES[:6]) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert len(caught.value.problems) == 6
    for line, (_, problem) in zip(caught.value.problems, BAD_VALUES[:6], strict=True):
        assert problem in line


def test_every_numeric_option_declares_its_range() -> None:
    """So no table grows an option that accepts ``inf`` or a billion retries."""
    tables = [*section_types().values(), *(rule.options for rule in RULES)]
    seen = set()
    for cls in tables:
        for table in (cls, *_nested_tables(cls)):
            if table in seen:
                continue
            seen.add(table)
            hints = typing.get_type_hints(table)
            for field in dataclasses.fields(table):
                numeric = {int, float} & _leaf_types(hints[field.name])
                if numeric:
                    constraint = field.metadata.get(METADATA_KEY)
                    assert isinstance(constraint, Range), f"{table.__name__}.{field.name}"


def test_defaults_satisfy_their_own_constraints() -> None:
    tables = [*section_types().values(), *(rule.options for rule in RULES)]
    for cls in tables:
        defaults = cls()
        for field in dataclasses.fields(cls):
            constraint = field.metadata.get(METADATA_KEY)
            value = getattr(defaults, field.name)
            if constraint is None or value is None:
                continue
            items = value if isinstance(value, tuple) else (value,)
            for item in items:
                assert constraint.problem(item) is None, f"{cls.__name__}.{field.name}"


def _leaf_types(hint: object) -> set[object]:
    args = typing.get_args(hint)
    return set().union(*(_leaf_types(a) for a in args)) if args else {hint}


def _nested_tables(cls: type) -> list[type]:
    hints = typing.get_type_hints(cls)
    return [
        leaf
        for field in dataclasses.fields(cls)
        for leaf in _leaf_types(hints[field.name])
        if isinstance(leaf, type) and dataclasses.is_dataclass(leaf)
    ]


def test_range_describes_itself_and_rejects_what_it_says() -> None:
    timeout = Range(above=0, high=600, unit="seconds")
    assert timeout.describe() == "more than 0 and at most 600 seconds"
    assert timeout.problem(600.0) is None and timeout.problem(0.001) is None
    assert timeout.problem(0.0) == "0 is out of range; use more than 0 and at most 600 seconds"
    assert timeout.problem(float("inf")) is not None
    assert Range(0, 10).describe() == "0 to 10" and Range(0, 10).problem(11) is not None
    assert Range(1).describe() == "at least 1" and Range(1).problem(10**9) is None


def test_pyproject_tool_listbot_of_the_wrong_shape(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool]\nlistbot = 3\n")
    with pytest.raises(ConfigError, match=r"tool\.listbot: must be a table"):
        load_config(path)
    path.write_text("tool = 3\n")
    assert load_config(path).select == ()
