"""Configuration: every option, its default, loading, merging and validation.

Sources, first found wins: ``--config PATH``; else, walking up from the list's folder,
``listbot.toml``, ``.listbot.toml``, or ``pyproject.toml`` with a ``[tool.listbot]`` table.
Command-line options are applied on top by the CLI.

Each table of the file is a frozen dataclass. Core tables are defined here; the tables of
the network checks (``[links]``, ``[arxiv]``, ``[github]``) are defined beside their code and
registered in :data:`SECTION_TARGETS`. Rule options live in each rule's module (``Options``) and are
set under ``[rules.<rule-id>]``. ``config.toml`` at the repository root mirrors all of it and a
test keeps the two equal.

Every option is checked when the file is read: unknown keys, rule ids and tags (with a
"did you mean"), types, and the limits each option declares beside itself
(:mod:`listbot.constraints`). :class:`ConfigError` lists every problem, each naming the
file and the key.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import sys
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from listbot.constraints import METADATA_KEY, Constraint
from listbot.findings import Severity
from listbot.suggest import did_you_mean


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
    """A configuration file or option is wrong: one line per problem, each naming the file
    and the key (``problems``); ``str()`` joins them."""

    def __init__(self, *problems: str) -> None:
        self.problems: tuple[str, ...] = problems or ("invalid configuration",)
        super().__init__("\n".join(self.problems))


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
    except (OSError, UnicodeDecodeError, toml.TOMLDecodeError, RecursionError):
        return False
    return isinstance(data.get("tool"), dict) and "listbot" in data["tool"]


def load_config(path: Path | None = None, *, near: Path | None = None) -> Config:
    """Read the configuration from ``path``, or the one found near ``near``, or defaults."""
    if path is None and near is not None:
        path = find_config_file(near)
    if path is None:
        return Config()
    if path.is_dir():
        raise ConfigError(f"{path}: is a folder; name the configuration file")
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
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise ConfigError(
            f"{path}: invalid TOML: arrays or tables nested too deep; no option needs that"
        ) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("listbot", {}) if isinstance(tool, Mapping) else {}
        if not isinstance(data, Mapping):
            raise ConfigError(f"{path}: tool.listbot: must be a table ([tool.listbot])")
        return config_from_mapping(data, source=f"{path} [tool.listbot]")
    return config_from_mapping(data, source=str(path))


class _Invalid:
    """The result of converting a value that has a problem (the problem is recorded)."""


_INVALID = _Invalid()


def config_from_mapping(data: Mapping[str, Any], *, source: str = "<config>") -> Config:
    """Validate a parsed TOML mapping and build a :class:`Config`.

    Every problem is collected; :class:`ConfigError` lists them all, one line each.
    """
    problems: list[str] = []
    top: dict[str, Any] = {}
    sections: dict[str, Any] = {}
    rules: dict[str, RuleSettings] = {}
    for key, value in data.items():
        where = f"{source}: {key}"
        if key in ("select", "extend_select", "ignore"):
            converted = _convert(value, tuple[str, ...], where, problems)
            if not isinstance(converted, _Invalid):
                top[key] = converted
                problems.extend(f"{where}: {problem}" for problem in _selector_problems(converted))
        elif key == "allow":
            allow = build_dataclass(AllowConfig, value, f"{source}: [allow]", problems)
            if not isinstance(allow, _Invalid):
                top["allow"] = allow
        elif key == "rules":
            rules = _rule_tables(value, source, problems)
        elif key in section_types():
            table = build_dataclass(section_types()[key], value, f"{source}: [{key}]", problems)
            if not isinstance(table, _Invalid):
                sections[key] = table
        else:
            problems.append(f"{source}: unknown key {key!r}{_top_level_hint(key)}")
    if problems:
        raise ConfigError(*problems)
    return Config(**top, rules=rules, sections=sections, source=source)


def _selector_problems(selectors: Sequence[str]) -> list[str]:
    from listbot.rules import unknown_selectors

    return unknown_selectors(selectors)


def _top_level_hint(key: str) -> str:
    """Where an unknown top-level key probably belongs: a near name, a table's option, a rule."""
    from listbot.rules import get_rule

    known = [*_TOP_LEVEL_KEYS, *section_types()]
    hint = did_you_mean(key, known)
    if hint:
        return hint
    tables = [
        f"[{name}]"
        for name, cls in section_types().items()
        if key in {f.name for f in dataclasses.fields(cls)}
    ]
    if tables:
        return f"; did you mean {key!r} under {' or '.join(tables)}?"
    if get_rule(key) is not None:
        return f"; did you mean [rules.{key}]?"
    return f" (known: {', '.join(known)})"


def _rule_tables(raw: Any, source: str, problems: list[str]) -> dict[str, RuleSettings]:
    from listbot.rules import all_rules, get_rule

    rules: dict[str, RuleSettings] = {}
    if not isinstance(raw, Mapping):
        problems.append(f"{source}: rules: must be a table of [rules.<rule-id>] tables")
        return rules
    for rule_name, table in raw.items():
        where = f"{source}: [rules.{rule_name}]"
        rule = get_rule(rule_name)
        if rule is None:
            names = [name for r in all_rules() for name in (r.id, *r.aliases)]
            problems.append(
                f"{where}: unknown rule {rule_name!r}{did_you_mean(rule_name, names)} "
                "(`listbot rules --all` lists them)"
            )
            continue
        if not isinstance(table, Mapping):
            problems.append(f"{where}: must be a table")
            continue
        table = dict(table)
        severity = None
        if "severity" in table:
            severity = _convert(table.pop("severity"), Severity, f"{where}: severity", problems)
        if table and not rule.option_names:
            keys = ", ".join(repr(key) for key in table)
            problems.append(f"{where}: unknown key {keys}; this rule has no options, only severity")
            continue
        options = (
            build_dataclass(rule.options, table, where, problems, also=("severity",))
            if table
            else None
        )
        if not isinstance(severity, _Invalid) and not isinstance(options, _Invalid):
            rules[rule.id] = RuleSettings(severity=severity, options=options)
    return rules


def build_dataclass(
    cls: type,
    table: Any,
    where: str,
    problems: list[str] | None = None,
    *,
    also: Sequence[str] = (),
) -> Any:
    """Build a frozen options dataclass from a TOML table, checking keys, types and limits.

    Problems are appended to ``problems`` (the result is then ``_INVALID``); without a list,
    the first problems raise :class:`ConfigError`. ``also`` names keys the caller handles.
    """
    if problems is None:
        collected: list[str] = []
        result = build_dataclass(cls, table, where, collected, also=also)
        if collected:
            raise ConfigError(*collected)
        return result
    if not isinstance(table, Mapping):
        problems.append(f"{where}: must be a table, got {_show(table)}")
        return _INVALID
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    before = len(problems)
    values = {}
    for key, value in table.items():
        if key not in fields:
            problems.append(f"{where}: unknown key {key!r}{_key_hint(key, [*also, *fields])}")
            continue
        constraint = fields[key].metadata.get(METADATA_KEY)
        converted = _convert(value, hints[key], f"{where}: {key}", problems, constraint)
        if not isinstance(converted, _Invalid):
            values[key] = converted
    try:
        built = cls(**values)
    except (TypeError, ValueError) as error:
        problems.append(f"{where}: {error}")
        return _INVALID
    return _INVALID if len(problems) > before else built


def _key_hint(key: str, known: Sequence[str]) -> str:
    """A suggestion, and the known keys unless a suggestion is made and they are many."""
    if not known:
        return "; this table takes no options"
    hint = did_you_mean(key, known)
    if hint and len(known) > 10:
        return hint
    return f"{hint} (known: {', '.join(sorted(known))})"


def _show(value: Any) -> str:
    """A value as the user wrote it, shortened: problems quote it without flooding the screen."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list):
        text = "an array"
    elif isinstance(value, Mapping):
        text = "a table"
    else:
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return " or ".join(_type_name(option) for option in options)
    if hint is bool:
        return "a boolean"
    if hint is int:
        return "an integer"
    if hint is float:
        return "a number"
    if hint is str:
        return "a string"
    if isinstance(hint, type) and issubclass(hint, Severity):
        return "a severity (error, warning or info)"
    if origin is tuple:
        return f"an array of {_type_name(typing.get_args(hint)[0]).split(' ', 1)[1]}s"
    if origin in (dict, Mapping) or hint is dict:
        return "a table"
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return "a table"
    return getattr(hint, "__name__", str(hint))


def _convert(
    value: Any,
    hint: Any,
    where: str,
    problems: list[str],
    constraint: Constraint | None = None,
) -> Any:
    """Check ``value`` against a type hint and a constraint; lists become tuples, tables
    dicts. A problem is appended to ``problems`` and ``_INVALID`` returned."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        first: list[str] | None = None
        for option in args:
            if option is type(None):
                continue
            attempt: list[str] = []
            converted = _convert(value, option, where, attempt, constraint)
            if not attempt:
                return converted
            first = first if first is not None else attempt
        problems.extend(first or [f"{where}: unsupported value {_show(value)}"])
        return _INVALID
    if hint is Any:
        return value
    if isinstance(hint, type) and issubclass(hint, Severity):
        if isinstance(value, str):
            try:
                return Severity.parse(value)
            except ValueError:
                pass
        choices = [s.value for s in Severity]
        hint_text = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        problems.append(
            f"{where}: unknown severity {_show(value)}{hint_text} (use error, warning or info)"
        )
        return _INVALID
    scalar = _scalar(value, hint)
    if scalar is not None:
        if isinstance(scalar, _Invalid):
            problems.append(f"{where}: expected {_type_name(hint)}, got {_show(value)}")
            return _INVALID
        problem = constraint.problem(scalar) if constraint is not None else None
        if problem is None and isinstance(scalar, float) and not math.isfinite(scalar):
            problem = f"{scalar!r} is not a finite number"
        if problem is not None:
            problems.append(f"{where}: {problem}")
            return _INVALID
        return scalar
    if origin is tuple:
        if not isinstance(value, list):
            problems.append(f"{where}: expected {_type_name(hint)}, got {_show(value)}")
            return _INVALID
        before = len(problems)
        items = tuple(
            _convert(item, args[0], f"{where}[{i}]", problems, constraint)
            for i, item in enumerate(value)
        )
        return _INVALID if len(problems) > before else items
    if origin in (dict, Mapping) or hint is dict:
        if not isinstance(value, Mapping):
            problems.append(f"{where}: expected a table, got {_show(value)}")
            return _INVALID
        value_hint = args[1] if len(args) == 2 else Any
        before = len(problems)
        converted_table = {}
        key_check = getattr(constraint, "key_problem", None)
        for key, item in value.items():
            key_problem = key_check(str(key)) if key_check else None
            if key_problem:
                problems.append(f"{where}: {key_problem}")
                continue
            converted_table[str(key)] = _convert(
                item, value_hint, f"{where}.{key}", problems, constraint
            )
        return _INVALID if len(problems) > before else converted_table
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return build_dataclass(hint, value, where, problems)
    problems.append(f"{where}: unsupported option type {hint!r}")  # pragma: no cover
    return _INVALID


def _scalar(value: Any, hint: Any) -> Any:
    """``value`` as a bool, int, float or str option; ``_INVALID`` if it is not one; None
    when ``hint`` is not a scalar type."""
    if hint is bool:
        return value if isinstance(value, bool) else _INVALID
    if hint is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else _INVALID
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        return _INVALID
    if hint is str:
        return value if isinstance(value, str) else _INVALID
    return None


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
