"""The stable JSON report (``version: 1``); see README "JSON output" for the schema."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from listbot.findings import Finding, summarize
from listbot.report import ReportContext, statistics

VERSION = 1


def finding_to_dict(f: Finding) -> dict[str, Any]:
    record: dict[str, Any] = {
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "severity": f.severity.value,
        "rule": f.rule,
        "message": f.message,
        "url": f.url,
        "related": [
            {
                **({"file": r.file} if r.file else {}),
                "line": r.line,
                "column": r.column,
                **({"message": r.message} if r.message else {}),
            }
            for r in f.related
        ],
        "fixable": f.fix is not None,
    }
    if f.fix is not None:
        record["fix"] = {
            "title": f.fix.title,
            "applicability": f.fix.applicability.value,
            "edits": [
                {
                    "line": e.span.line,
                    "column": e.span.column,
                    "end_line": e.span.end_line,
                    "end_column": e.span.end_column,
                    "text": e.text,
                }
                for e in f.fix.edits
            ],
        }
    if f.data:
        record["data"] = f.data
    return record


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    document: dict[str, Any] = {
        "version": VERSION,
        "files": list(context.files),
        "summary": summarize(list(findings)),
        "findings": [finding_to_dict(f) for f in findings],
    }
    if context.fatal or context.notices:
        document["notices"] = [
            *([{"level": "error", "message": context.fatal}] if context.fatal else []),
            *({"level": "warning", "message": m} for m in dict.fromkeys(context.notices)),
        ]
    if context.links:
        document["links"] = list(context.links)
    if context.run:
        document["run"] = context.run
    if context.statistics:
        document["statistics"] = [
            {"rule": rule, "count": count, "fixable": fixable}
            for rule, count, fixable in statistics(findings)
        ]
    return _dumps(document) + "\n"


def _dumps(document: dict[str, Any]) -> str:
    """``json.dumps(document, indent=2, ensure_ascii=False)``, piece by piece.

    The same text, but ``json.dumps`` holds every small piece of the output (hundreds
    of thousands of strings for 10,000 link records, several times the output's size)
    until it joins them; here each piece is copied into the text as it comes.
    """
    text = io.StringIO()
    for piece in json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(document):
        text.write(piece)
    return text.getvalue()
