"""Hidden markers that make the bot idempotent: what it posted, and under which fingerprint.

Every body the bot posts ends with an HTML comment, invisible on GitHub, such as
``<!-- listbot:finding fp=3f2a... -->``. A fingerprint hashes the rule, the path and the
normalised text of the line the finding is on (and its URL), never the line number, so a
rebase that moves lines does not make the bot post the same finding again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from listbot.findings import Finding

FINGERPRINT_LENGTH = 12
"""Hex characters: 48 bits, plenty to tell apart the findings of one pull request."""

FINDING = "finding"
SUMMARY = "summary"
REVIEW = "review"
LINK_ROT = "link-rot"

_MARKER = re.compile(r"<!-- listbot:([a-z-]+)((?: [a-z]+=[0-9a-zA-Z_.,:-]*)*) -->")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace collapsed and case folded: what a reformatting or rebase does not change."""
    return _SPACES.sub(" ", text).strip().casefold()


def fingerprint(finding: Finding, line_text: str) -> str:
    """A short stable hash of (rule, file, normalised line content, URL)."""
    parts = (finding.rule, finding.file, normalise(line_text), finding.url or "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def marker(kind: str, **fields: str) -> str:
    """``<!-- listbot:KIND key=value ... -->``; values are restricted to safe characters."""
    rendered = "".join(f" {key}={_clean(value)}" for key, value in fields.items())
    return f"<!-- listbot:{kind}{rendered} -->"


def _clean(value: str) -> str:
    """Only characters that cannot end the HTML comment early (no ``>``, no ``--``)."""
    return re.sub(r"-{2,}", "-", re.sub(r"[^0-9a-zA-Z_.,:-]", "", value))


def find_markers(body: str | None) -> list[tuple[str, dict[str, str]]]:
    """Every marker in ``body``: (kind, fields)."""
    found = []
    for match in _MARKER.finditer(body or ""):
        fields = dict(part.split("=", 1) for part in match.group(2).split())
        found.append((match.group(1), fields))
    return found


def has_marker(body: str | None, kind: str) -> bool:
    return any(found == kind for found, _ in find_markers(body))


def fingerprints(body: str | None) -> set[str]:
    """Fingerprints of the findings a body reports (``fp=`` one, ``fps=`` a comma list)."""
    found: set[str] = set()
    for kind, fields in find_markers(body):
        if kind == FINDING:
            found.update(fp for fp in fields.get("fps", "").split(",") if fp)
            if fields.get("fp"):
                found.add(fields["fp"])
    return found


def all_fingerprints(bodies: Iterable[str | None]) -> set[str]:
    result: set[str] = set()
    for body in bodies:
        result |= fingerprints(body)
    return result
