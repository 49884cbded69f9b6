"""SARIF 2.1.0 for GitHub code scanning: rule metadata from the registry, results, fixes.

Columns are Unicode code points (``columnKind``), 1-based, ``endColumn`` exclusive: exactly
our :class:`~listbot.model.Span`. ``partialFingerprints`` identify a finding by rule, file,
URL (or message) and occurrence, not by line, so a finding keeps its identity when lines
above it move.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from listbot import __version__
from listbot.explain import HOMEPAGE, rule_url, sections_of
from listbot.findings import Finding, Severity
from listbot.model import Span
from listbot.report import ReportContext
from listbot.rules import Rule, all_rules, get_rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "listbot/v1"


def artifact_uri(path: str) -> str:
    """A file path as a SARIF URI: relative paths stay relative, with ``/`` separators."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(
            pure.as_posix() if pure.as_posix().startswith("/") else "/" + pure.as_posix()
        )
    return quote(pure.as_posix())


def region(span: Span) -> dict[str, int]:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    sections = sections_of(rule.doc)
    what = sections.get("What it does", "").split("\n\n")[0]
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(what.split()) or rule.summary},
        "helpUri": rule_url(rule.id),
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"tags": list(rule.tags), "fix": rule.fix.value},
    }
    if rule.doc.strip():
        descriptor["help"] = {"text": rule.doc.strip(), "markdown": rule.doc.strip()}
    return descriptor


def _unknown_descriptor(rule_id: str) -> dict[str, Any]:
    return {"id": rule_id, "shortDescription": {"text": rule_id}}


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A stable identity per finding: rule, file, URL or message, and occurrence number."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for f in findings:
        key = (f.rule, f.file, f.url or f.message)
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8"))
        out.append(digest.hexdigest()[:32])
    return out


def _result(f: Finding, index: int, fingerprint: str) -> dict[str, Any]:
    location = {"artifactLocation": {"uri": artifact_uri(f.file)}, "region": region(f.span)}
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if f.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(r.file or f.file)},
                    "region": {"startLine": r.line, "startColumn": r.column},
                },
                **({"message": {"text": r.message}} if r.message else {}),
            }
            for number, r in enumerate(f.related)
        ]
    if f.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": f.fix.title},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(f.file)},
                        "replacements": [
                            {
                                "deletedRegion": region(edit.span),
                                "insertedContent": {"text": edit.text},
                            }
                            for edit in f.fix.edits
                        ],
                    }
                ],
                "properties": {"applicability": f.fix.applicability.value},
            }
        ]
    if f.url:
        result["properties"] = {"url": f.url}
    return result


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    rules = all_rules()
    descriptors = [rule_descriptor(rule) for rule in rules]
    index = {rule.id: number for number, rule in enumerate(rules)}
    for f in findings:
        if f.rule not in index:
            known = get_rule(f.rule)
            index[f.rule] = len(descriptors)
            descriptors.append(rule_descriptor(known) if known else _unknown_descriptor(f.rule))
    results = [
        _result(f, index[f.rule], fingerprint)
        for f, fingerprint in zip(findings, fingerprints(findings), strict=True)
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "listbot",
                        "version": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
