"""reviewdog's diagnostic JSON (rdjson), to pipe into any reviewdog reporter.

rdjson columns count UTF-8 bytes (1-based, end exclusive). Our columns count characters,
so they are converted with the document's lines when the report context carries them
(``extra["lines"]``: path -> lines); otherwise characters are used, which is exact for
ASCII lines.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from listbot.explain import HOMEPAGE, rule_url
from listbot.findings import Finding, Severity
from listbot.model import Span
from listbot.report import ReportContext

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}
SOURCE = {"name": "listbot", "url": HOMEPAGE}


def byte_column(lines: Sequence[str] | None, line: int, column: int) -> int:
    """The 1-based UTF-8 byte column of a 1-based character column."""
    if not lines or not 0 < line <= len(lines):
        return column
    return len(lines[line - 1][: column - 1].encode("utf-8")) + 1


def _range(span: Span, lines: Sequence[str] | None) -> dict[str, Any]:
    return {
        "start": {"line": span.line, "column": byte_column(lines, span.line, span.column)},
        "end": {
            "line": span.end_line,
            "column": byte_column(lines, span.end_line, span.end_column),
        },
    }


def diagnostic(f: Finding, lines: Sequence[str] | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "message": f.message,
        "location": {"path": f.file, "range": _range(f.span, lines)},
        "severity": SEVERITIES[f.severity],
        "source": SOURCE,
        "code": {"value": f.rule, "url": rule_url(f.rule)},
    }
    if f.fix is not None:
        record["suggestions"] = [
            {"range": _range(edit.span, lines), "text": edit.text} for edit in f.fix.edits
        ]
    return record


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    all_lines: Mapping[str, Sequence[str]] = context.extra.get("lines") or {}
    result = {
        "source": SOURCE,
        "diagnostics": [diagnostic(f, all_lines.get(f.file)) for f in findings],
    }
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
