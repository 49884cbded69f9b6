"""The stable JSON report (``version: 1``); see README "JSON output" for the schema."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
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
    until it joins them; here each record is copied into the text as it is made. With an
    indent, ``json`` encodes in pure Python, generator by generator; :func:`_text` makes
    each record's text directly (strings by json's own C escaper): 10,000 link records
    in a third of the time. Anything :func:`_text` does not know (which ``json`` would
    refuse) goes through ``json`` itself, so errors stay the same too.
    """
    text = io.StringIO()
    try:
        _write(document, "", text, depth=0)
    except (_NotPlainJson, RecursionError):
        text = io.StringIO()
        for piece in json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(document):
            text.write(piece)
    return text.getvalue()


class _NotPlainJson(Exception):
    """A value :func:`_text` leaves to ``json`` (which raises for it)."""


_escaped = json.encoder.encode_basestring  # json's own (C) escaper with ensure_ascii=False


def _write(value: Any, indent: str, out: io.StringIO, *, depth: int) -> None:
    """Write ``value`` as :func:`_text` would, its elements one by one near the top."""
    if depth >= 2 or not isinstance(value, (dict, list, tuple)) or not value:
        out.write(_text(value, indent))
        return
    inner = indent + "  "
    pairs = isinstance(value, dict)
    out.write("{" if pairs else "[")
    items: Iterable[Any] = value.items() if isinstance(value, dict) else value
    first = True
    for item in items:
        out.write("\n" + inner if first else ",\n" + inner)
        first = False
        if pairs:
            out.write(_key(item[0]) + ": ")
            item = item[1]
        _write(item, inner, out, depth=depth + 1)
    out.write("\n" + indent + ("}" if pairs else "]"))


def _text(value: Any, indent: str) -> str:
    """``value`` as ``json.dumps(indent=2, ensure_ascii=False)`` writes it at ``indent``
    (the same type tests in the same order as ``json.encoder``)."""
    if isinstance(value, str):
        return _escaped(value)  # type: ignore[no-any-return]
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = indent + "  "
        items = (",\n" + inner).join([_text(item, inner) for item in value])
        return f"[\n{inner}{items}\n{indent}]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = indent + "  "
        pairs = []
        for key, item in value.items():
            # The usual values inline (a report's 10,000 link records are mostly these).
            if type(item) is str:
                item_text = _escaped(item)
            elif item is None:
                item_text = "null"
            elif type(item) is int:
                item_text = int.__repr__(item)
            else:
                item_text = _text(item, inner)
            pairs.append(f"{_key(key)}: {item_text}")
        return f"{{\n{inner}{(',' + chr(10) + inner).join(pairs)}\n{indent}}}"
    raise _NotPlainJson


_KEYS: dict[str, str] = {}
"""Escaped dictionary keys: a report repeats a few dozen of them thousands of times."""


def _key(key: Any) -> str:
    if type(key) is str:
        known = _KEYS.get(key)
        if known is None:
            known = _escaped(key)
            if len(_KEYS) < 1024:
                _KEYS[key] = known
        return known  # type: ignore[no-any-return]
    if isinstance(key, str):
        return _escaped(key)  # type: ignore[no-any-return]
    if isinstance(key, float):
        return _escaped(_float(key))  # type: ignore[no-any-return]
    if key is True or key is False or key is None:
        return f'"{json.dumps(key)}"'
    if isinstance(key, int):
        return f'"{int.__repr__(key)}"'
    raise _NotPlainJson


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
