"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

Everything in a command comes from lists and web pages, so it is escaped as the runner
expects: ``%``, CR and LF in the message; those and ``:`` and ``,`` in properties. A
message can then never end the command early or start a new one.
"""

from __future__ import annotations

from collections.abc import Sequence

from listbot.findings import Finding, Severity
from listbot.report import ReportContext

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    properties = {
        "file": f.file,
        "line": str(f.line),
        "col": str(f.column),
        "endLine": str(f.end_line),
        "endColumn": str(f.end_column),
        "title": f"listbot ({f.rule})",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.message)}"


def notice_annotations(context: ReportContext) -> list[str]:
    """The run's fatal problem as ``::error::`` and its notices as ``::warning::``."""
    lines = []
    if context.fatal:
        lines.append(f"::error title=listbot::{escape_data(context.fatal)}")
    for message in dict.fromkeys(context.notices):
        lines.append(f"::warning title=listbot::{escape_data(message)}")
    return lines


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    lines = [*notice_annotations(context), *(annotation(f) for f in findings)]
    return "".join(line + "\n" for line in lines)
