"""Rule documentation from the registry: ``listbot explain``, the README rules section, SARIF.

One source per fact: a rule's id, summary, severity, tags, fix availability and options come
from its :class:`~listbot.rules.base.Rule`; its prose is its module docstring, under ruff's
headings (*What it does*, *Why is this bad?*, *Example*, *Use instead*, optionally *Fix
safety* and *Options*). :func:`explain` also runs the rule on its own *Example* to show a
real finding and, for fixable rules, the fixed text.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from dataclasses import dataclass
from typing import Any

from listbot.rules import FixAvailability, Rule, all_rules

__all__ = [
    "HOMEPAGE",
    "REQUIRED_HEADINGS",
    "RULES_END",
    "RULES_START",
    "Explanation",
    "example_of",
    "explain",
    "option_rows",
    "render_explanation",
    "render_rules_section",
    "rule_url",
    "sections_of",
    "update_rules_section",
]

HOMEPAGE = "https://github.com/listbot/listbot"
RULES_START = "<!-- rules:start -->"
RULES_END = "<!-- rules:end -->"
REQUIRED_HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead")

_HEADING = re.compile(r"^##\s+(.+?)\s*$")
_FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_FIX_LABELS = {
    FixAvailability.ALWAYS: "always",
    FixAvailability.SOMETIMES: "sometimes",
    FixAvailability.NEVER: "no",
}


def rule_url(rule_id: str) -> str:
    """Where a rule is documented (the README's rules table, which anchors each id)."""
    return f"{HOMEPAGE}/blob/main/README.md#rule-{rule_id}"


def sections_of(doc: str) -> dict[str, str]:
    """A docstring's ``## Heading`` sections, by heading, text stripped (fenced code skipped)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    fence: str | None = None
    for line in doc.splitlines():
        marker = re.match(r"^\s*(`{3,}|~{3,})", line)
        if marker and (fence is None or marker.group(1).startswith(fence)):
            fence = None if fence else marker.group(1)
        heading = _HEADING.match(line) if fence is None and not marker else None
        if heading:
            current = sections.setdefault(heading.group(1), [])
        elif current is not None:
            current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in sections.items()}


def example_of(rule: Rule) -> str | None:
    """The Markdown inside the first fenced block of the rule's *Example*, if any."""
    example = sections_of(rule.doc).get("Example", "")
    match = _FENCE.search(example + "\n")
    return match.group(1) if match else None


def option_rows(rule: Rule) -> list[dict[str, Any]]:
    """Each option: name, TOML-ish type, default and the field's docstring."""
    from listbot.config import _type_name, option_docs
    from listbot.config_reference import toml_value
    from listbot.constraints import METADATA_KEY

    docs = option_docs(rule.options)
    hints = typing.get_type_hints(rule.options)
    defaults = rule.default_options
    rows = []
    for field in dataclasses.fields(rule.options):
        default = getattr(defaults, field.name)
        constraint = field.metadata.get(METADATA_KEY)
        rows.append(
            {
                "name": field.name,
                "type": _type_name(hints[field.name]),
                "default": _plain(default),
                "default_toml": "(not set)" if default is None else toml_value(default),
                "allowed": constraint.describe() if constraint is not None else None,
                "doc": docs.get(field.name, ""),
            }
        )
    return rows


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list | frozenset | set):
        return [_plain(v) for v in value]
    if hasattr(value, "value") and not isinstance(value, int | float | str | bool):
        return value.value
    return value


@dataclass(frozen=True)
class Explanation:
    """Everything ``listbot explain`` shows about one rule."""

    rule: Rule
    findings: list[dict[str, Any]]
    """The rule's findings on its own example (``line``, ``column``, ``message``)."""
    fixed: str | None
    """The example after ``--fix`` (None when nothing was fixed or there is no example)."""
    example: str | None

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule
        return {
            "id": rule.id,
            "summary": rule.summary,
            "severity": rule.severity.value,
            "fix": rule.fix.value,
            "enabled": rule.enabled,
            "network": rule.network,
            "tags": list(rule.tags),
            "aliases": list(rule.aliases),
            "url": rule_url(rule.id),
            "sections": sections_of(rule.doc),
            "options": option_rows(rule),
            "example": {"text": self.example, "findings": self.findings, "fixed": self.fixed},
        }


def explain(rule: Rule) -> Explanation:
    """The rule's metadata, and what it reports and fixes on its own example."""
    example = example_of(rule)
    if example is None or rule.network:
        return Explanation(rule, [], None, example)
    from listbot.api import lint_text
    from listbot.config import Config
    from listbot.fix import fix_text

    config = Config(select=(rule.id,))
    findings = lint_text(example, "example.md", config=config).findings
    fixed = None
    if any(f.fix for f in findings):
        result = fix_text(example, "example.md", config, unsafe=True)
        fixed = result.text if result.text != example else None
    rows = [{"line": f.line, "column": f.column, "message": f.message} for f in findings]
    return Explanation(rule, rows, fixed, example)


def render_explanation(explanation: Explanation) -> str:
    """``listbot explain RULE`` as Markdown-flavoured text, like ``ruff rule``."""
    rule = explanation.rule
    out = [f"# {rule.id}", "", rule.summary, ""]
    facts = [
        f"Default severity: {rule.severity.value}",
        f"Fix: {_FIX_LABELS[rule.fix]}",
        f"On by default: {'yes' if rule.enabled else 'no'}",
    ]
    if rule.network:
        facts.append("Needs the network (skipped with --offline)")
    if rule.tags:
        facts.append("Tags: " + ", ".join(rule.tags))
    if rule.aliases:
        facts.append("Also selected as: " + ", ".join(rule.aliases))
    out += [*facts, "", rule.doc.strip(), ""]
    if explanation.findings:
        out += ["## On this example, listbot reports", "", "```text"]
        out += [f"{f['line']}:{f['column']} {rule.id} {f['message']}" for f in explanation.findings]
        out += ["```", ""]
    if explanation.fixed is not None:
        out += ["## listbot lint --fix turns it into", "", "```markdown"]
        out += [explanation.fixed.rstrip("\n"), "```", ""]
    options = option_rows(rule)
    if options:
        out += ["## Configuration", "", f"Set under `[rules.{rule.id}]` in listbot.toml:", ""]
        for option in options:
            doc = f": {option['doc']}" if option["doc"] else ""
            allowed = f", {option['allowed']}" if option["allowed"] else ""
            out.append(
                f"- `{option['name']}` ({option['type']}{allowed}, "
                f"default `{option['default_toml']}`){doc}"
            )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_rules_section(rules: typing.Sequence[Rule] | None = None) -> str:
    """The README's rules section (between the markers): one table row per rule."""
    lines = [
        "Generated from the rule registry (`listbot explain RULE` shows a rule in full).",
        "Fix: ✓ always fixable, ~ sometimes; (off) means off by default; 🌐 needs the network.",
        "",
        "| Rule | Summary | Severity | Fix | Tags |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in all_rules() if rules is None else rules:
        fix = {FixAvailability.ALWAYS: "✓", FixAvailability.SOMETIMES: "~"}.get(rule.fix, "")
        marks = (" (off)" if not rule.enabled else "") + (" 🌐" if rule.network else "")
        anchor = f'<a id="rule-{rule.id}"></a>'
        lines.append(
            f"| {anchor}`{rule.id}`{marks} | {_cell(rule.summary)} | {rule.severity.value} "
            f"| {fix} | {', '.join(rule.tags)} |"
        )
    return "\n".join(lines) + "\n"


def update_rules_section(readme: str, rules: typing.Sequence[Rule] | None = None) -> str:
    """``readme`` with the text between the rules markers regenerated."""
    start = readme.find(RULES_START)
    end = readme.find(RULES_END)
    if start < 0 or end < start:
        raise ValueError(f"the README needs {RULES_START} and {RULES_END} around the rules section")
    head = readme[: start + len(RULES_START)]
    return f"{head}\n{render_rules_section(rules)}{readme[end:]}"
