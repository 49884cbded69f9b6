"""Render the reference configuration (``config.toml``) from the code's own defaults.

The repository's ``config.toml`` is this function's output, and a test keeps them equal,
so the documented defaults can never drift from the real ones. ``listbot config``
prints it for users to start from.
"""

from __future__ import annotations

import dataclasses
import json
import textwrap
from collections.abc import Mapping
from enum import Enum
from typing import Any

from listbot.config import AllowConfig, Config, option_docs, section_types
from listbot.constraints import METADATA_KEY, Range

HEADER = """\
# listbot reference configuration: every option, its default, and what it does.
#
# listbot reads --config PATH, else the first listbot.toml, .listbot.toml or pyproject.toml
# with a [tool.listbot] table found from the list's folder upwards (in pyproject.toml, put
# these tables under [tool.listbot], e.g. [tool.listbot.rules.double-link]).
# Copy only what you change: everything left out keeps the default shown here.
# This file is generated from the code (`listbot config`); a test keeps it in sync.
"""


def toml_value(value: Any) -> str:
    """A TOML literal for an option value."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        items = ", ".join(f"{_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{ " + items + " }"
    if dataclasses.is_dataclass(value):
        return toml_value(dataclasses.asdict(value))  # type: ignore[arg-type]
    raise TypeError(f"cannot write {value!r} as TOML")


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() else json.dumps(key)


def _table(values: Any, docs: Mapping[str, str]) -> list[str]:
    lines: list[str] = []
    for field in dataclasses.fields(values):
        value = getattr(values, field.name)
        comment = docs.get(field.name, "")
        constraint = field.metadata.get(METADATA_KEY)
        if isinstance(constraint, Range):
            comment = f"{comment} Allowed: {constraint.describe()}.".strip()
        if comment:
            lines.append(f"# {comment}")
        if value is None:
            lines.append(f"# {field.name} = (not set)")
        else:
            lines.append(f"{field.name} = {toml_value(value)}")
    return lines


def render_reference_config() -> str:
    """The full reference configuration as TOML text."""
    from listbot.rules import all_rules

    defaults = Config()
    out = [HEADER]
    top_docs = option_docs(Config)
    for name in ("select", "extend_select", "ignore"):
        out.append(f"# {top_docs.get(name, '')}")
        out.append(f"{name} = {toml_value(getattr(defaults, name))}")
    out.append("")
    out.append("[allow]")
    out += _table(AllowConfig(), option_docs(AllowConfig))
    for name, cls in section_types().items():
        out.append("")
        doc = (cls.__doc__ or "").strip().splitlines()
        if doc:
            out.append(f"# {doc[0]}")
        out.append(f"[{name}]")
        out += _table(cls(), option_docs(cls))
    out.append("")
    out.append("# Rules: severity (error, warning, info) and options of each rule.")
    out.append("# Whether a rule runs is set by select / extend_select / ignore above.")
    for rule in all_rules():
        out.append("")
        state = "" if rule.enabled else " (off by default)"
        out.append(f"# {rule.summary}{state}")
        out.append(f"[rules.{rule.id}]")
        out.append(f"severity = {toml_value(rule.severity)}")
        out += _table(rule.default_options, option_docs(rule.options))
    return "\n".join(out) + "\n"


def render_settings(config: Config) -> str:
    """The settings a run uses (``--show-settings``): where they came from, then every
    value, as TOML. Unlike the reference, it shows configured values and only the rules
    that run."""
    from listbot.engine import selected_rules

    running = selected_rules(config)
    out = [f"# configuration file: {config.source or 'none found, so the defaults'}"]
    out += textwrap.wrap(
        f"rules that run ({len(running)}): {', '.join(rule.id for rule in running)}",
        width=98,
        initial_indent="# ",
        subsequent_indent="#   ",
        break_on_hyphens=False,
    )
    for name in ("select", "extend_select", "ignore"):
        out.append(f"{name} = {toml_value(getattr(config, name))}")
    out += ["", "[allow]", *_table(config.allow, {})]
    for name in section_types():
        out += ["", f"[{name}]", *_table(config.section(name), {})]
    for rule in running:
        out += ["", f"[rules.{rule.id}]"]
        out.append(f"severity = {toml_value(config.rule_severity(rule.id) or rule.severity)}")
        out += _table(config.rule_options(rule.id), {})
    return "\n".join(out) + "\n"
