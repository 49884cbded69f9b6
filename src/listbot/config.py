"""Configuration: every option, its default, loading, merging and validation.

Sources, first found wins: ``--config PATH``; else, walking up from the list's folder,
``listbot.toml``, ``.listbot.toml``, or ``pyproject.toml`` with a ``[tool.listbot]`` table.
Command-line options are applied on top by the CLI.

Each table of the file is a frozen dataclass. Core tables are defined here; the tables of
the network checks (``[links]``, ``[arxiv]``, ``[github]``) are defined beside their code and
registered in :data:`SECTION_TARGETS`. Rule options live in each rule's module (``Options``) and are
set under ``[rules.<rule-id>]``. ``config.toml`` at the repository root mirrors all of it and a
test keeps the two equal.

Any unknown key or wrong type raises :class:`ConfigError` naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import itertools
import sys
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from listbot.findings import Severity


def _toml() -> types.ModuleType:
    """``tomllib`` (``tomli`` before Python 3.11), imported on first use: most runs read no
    configuration file, and the TOML parser costs ~3 ms of start-up."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    return tomllib


CONFIG_FILE_NAMES = ("listbot.toml", ".listbot.toml")


class ConfigError(Exception):
    """A configuration file or option is wrong; the message names the file and the key."""


@dataclass(frozen=True)
class AllowConfig:
    """Things the maintainer has decided are fine, for every rule and check."""

    urls: tuple[str, ...] = ()
    """URL patterns (fnmatch-style, ``*`` matches anything) never reported by any rule or check."""
    sections: tuple[str, ...] = ()
    """Section headings whose entries no rule or check reports (e.g. ``"Archived"``)."""


@dataclass(frozen=True)
class RuleSettings:
    """``[rules.<id>]``: a rule's severity override and its options."""

    severity: Severity | None = None
    options: Any = None


@dataclass(frozen=True)
class Config:
    """Everything listbot is configured with. Build it with :func:`load_config`."""

    select: tuple[str, ...] = ()
    """Rule ids, aliases or tags to run; empty means the rules that are on by default."""
    extend_select: tuple[str, ...] = ()
    """Rules to run in addition to ``select`` (e.g. off-by-default rules)."""
    ignore: tuple[str, ...] = ()
    """Rule ids, aliases or tags never to run."""
    allow: AllowConfig = field(default_factory=AllowConfig)
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    sections: Mapping[str, Any] = field(default_factory=dict)
    """Tables of the network checks, by name (``links``, ``arxiv``, ``github``)."""
    source: str | None = None
    """The file this configuration was read from, if any."""

    def rule_options(self, rule_id: str) -> Any:
        """The options for a rule: configured, else the rule's defaults."""
        from listbot.rules import get_rule

        settings = self.rules.get(rule_id)
        if settings is not None and settings.options is not None:
            return settings.options
        rule = get_rule(rule_id)
        if rule is None:
            raise KeyError(rule_id)
        return rule.default_options

    def rule_severity(self, rule_id: str) -> Severity | None:
        settings = self.rules.get(rule_id)
        return settings.severity if settings else None

    def section(self, name: str) -> Any:
        """A registered table (``links``, ``arxiv``, ...): configured, else its defaults."""
        if name in self.sections:
            return self.sections[name]
        return section_types()[name]()


# Tables defined beside their code: table name -> "module:OptionsClass".
SECTION_TARGETS: dict[str, str] = {
    "links": "listbot.net.options:LinksOptions",
    "arxiv": "listbot.checks.arxiv_rules:ArxivOptions",
    "github": "listbot.github.options:GithubOptions",
    "maintain": "listbot.github.options:MaintainOptions",
}

_TOP_LEVEL_KEYS = ("select", "extend_select", "ignore", "allow", "rules")
_section_types: dict[str, type] = {}


def section_types() -> dict[str, type]:
    """The option tables of the network checks, imported on first use (no import cycle)."""
    import importlib

    if len(_section_types) != len(SECTION_TARGETS):
        for name, target in SECTION_TARGETS.items():
            module_name, _, class_name = target.partition(":")
            _section_types[name] = getattr(importlib.import_module(module_name), class_name)
    return _section_types


# ---------------------------------------------------------------------------------------
# Loading


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or a folder)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILE_NAMES:
            path = candidate / name
            if path.is_file():
                return path
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (candidate / ".git").exists():
            break
    return None


def _has_tool_table(path: Path) -> bool:
    toml = _toml()
    try:
        data = toml.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, toml.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "listbot" in data["tool"]


def load_config(path: Path | None = None, *, near: Path | None = None) -> Config:
    """Read the configuration from ``path``, or the one found near ``near``, or defaults."""
    if path is None and near is not None:
        path = find_config_file(near)
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the configuration file: {error}") from None
    toml = _toml()
    try:
        data = toml.loads(text)
    except toml.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("listbot", {})
        return config_from_mapping(data, source=f"{path} [tool.listbot]")
    return config_from_mapping(data, source=str(path))


def config_from_mapping(data: Mapping[str, Any], *, source: str = "<config>") -> Config:
    """Validate a parsed TOML mapping and build a :class:`Config`."""
    from listbot.rules import get_rule

    known = set(_TOP_LEVEL_KEYS) | set(section_types())
    for key in data:
        if key not in known:
            raise ConfigError(f"{source}: unknown key {key!r} (known: {', '.join(sorted(known))})")
    top: dict[str, Any] = {}
    for key in ("select", "extend_select", "ignore"):
        if key in data:
            top[key] = _convert(data[key], tuple[str, ...], f"{source}: {key}")
    if "allow" in data:
        top["allow"] = build_dataclass(AllowConfig, data["allow"], f"{source}: [allow]")
    rules: dict[str, RuleSettings] = {}
    raw_rules = data.get("rules", {})
    if not isinstance(raw_rules, Mapping):
        raise ConfigError(f"{source}: rules must be a table of [rules.<rule-id>] tables")
    for rule_name, table in raw_rules.items():
        where = f"{source}: [rules.{rule_name}]"
        rule = get_rule(rule_name)
        if rule is None:
            raise ConfigError(f"{where}: unknown rule {rule_name!r} (see `listbot rules`)")
        if not isinstance(table, Mapping):
            raise ConfigError(f"{where}: must be a table")
        table = dict(table)
        severity = None
        if "severity" in table:
            value = table.pop("severity")
            try:
                severity = Severity.parse(str(value))
            except ValueError as error:
                raise ConfigError(f"{where}: severity: {error}") from None
        options = build_dataclass(rule.options, table, where) if table else None
        rules[rule.id] = RuleSettings(severity=severity, options=options)
    sections = {
        name: build_dataclass(cls, data[name], f"{source}: [{name}]")
        for name, cls in section_types().items()
        if name in data
    }
    return Config(**top, rules=rules, sections=sections, source=source)


def build_dataclass(cls: type, table: Any, where: str) -> Any:
    """Build a frozen options dataclass from a TOML table, checking keys and types."""
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: must be a table")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    values = {}
    for key, value in table.items():
        if key not in names:
            known = ", ".join(sorted(names)) or "none"
            raise ConfigError(f"{where}: unknown key {key!r} (known: {known})")
        values[key] = _convert(value, hints[key], f"{where}: {key}")
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{where}: {error}") from None


def _type_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if hint is bool:
        return "a boolean"
    if hint is int:
        return "an integer"
    if hint is float:
        return "a number"
    if hint is str:
        return "a string"
    if origin is tuple:
        return f"an array of {_type_name(typing.get_args(hint)[0]).split(' ', 1)[1]}s"
    if origin in (dict, Mapping) or hint is dict:
        return "a table"
    return getattr(hint, "__name__", str(hint))


def _convert(value: Any, hint: Any, where: str) -> Any:
    """Check ``value`` against a type hint and convert lists to tuples, tables to dicts."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        errors = []
        for option in args:
            if option is type(None):
                continue
            try:
                return _convert(value, option, where)
            except ConfigError as error:
                errors.append(error)
        raise errors[0]
    if hint is Any:
        return value
    if isinstance(hint, type) and issubclass(hint, Severity):
        try:
            return Severity.parse(str(value))
        except ValueError as error:
            raise ConfigError(f"{where}: {error}") from None
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected {_type_name(hint)}, got {value!r}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where}: expected {_type_name(hint)}, got {value!r}")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where}: expected {_type_name(hint)}, got {value!r}")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected {_type_name(hint)}, got {value!r}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError(f"{where}: expected {_type_name(hint)}, got {value!r}")
        item = args[0]
        return tuple(_convert(v, item, f"{where}[{i}]") for i, v in enumerate(value))
    if origin in (dict, Mapping) or hint is dict:
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: expected a table, got {value!r}")
        value_hint = args[1] if len(args) == 2 else Any
        return {str(k): _convert(v, value_hint, f"{where}.{k}") for k, v in value.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return build_dataclass(hint, value, where)
    raise ConfigError(f"{where}: unsupported option type {hint!r}")  # pragma: no cover


def option_docs(cls: type) -> dict[str, str]:
    """Each field's docstring (the string literal after it), for config.toml comments."""
    import ast
    import inspect
    import textwrap

    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # pragma: no cover
        return {}
    body = ast.parse(source).body[0]
    docs: dict[str, str] = {}
    assert isinstance(body, ast.ClassDef)
    statements = body.body
    for current, following in itertools.pairwise(statements):
        if (
            isinstance(current, ast.AnnAssign)
            and isinstance(current.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[current.target.id] = " ".join(following.value.value.split()).replace("``", "`")
    return docs
