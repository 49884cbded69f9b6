"""The fallback when the bot may not write (fork PRs, read-only tokens): workflow
annotations on stdout and a Markdown job summary (``$GITHUB_STEP_SUMMARY``).

GitHub shows at most 10 annotations of each level per step, so only the first ones are
emitted as commands (in the same form as ``lint --format github``); the job summary holds
the full table.
"""

from __future__ import annotations

from collections.abc import Sequence

from listbot.findings import Finding, Severity
from listbot.github import escape
from listbot.github.comments import findings_table
from listbot.report.github import annotation

PER_LEVEL = 10
SUMMARY_LIMIT = 1_000_000
"""GitHub's job summary limit is 1 MiB per step."""


def workflow_commands(findings: Sequence[Finding], *, per_level: int = PER_LEVEL) -> list[str]:
    """The workflow commands to print: at most ``per_level`` per severity."""
    lines: list[str] = []
    emitted = dict.fromkeys(Severity, 0)
    for finding in findings:
        if emitted[finding.severity] < per_level:
            lines.append(annotation(finding))
            emitted[finding.severity] += 1
    return lines


def job_summary(findings: Sequence[Finding], *, reason: str) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: why there are no comments, then every finding."""
    parts = ["## listbot", "", escape.inline(reason), ""]
    if findings:
        parts.extend(findings_table(findings))
    else:
        parts.append("No problems found. ✅")
    return (
        escape.fit(parts, limit=SUMMARY_LIMIT, more="| … | | | | {count} more rows not shown |")
        + "\n"
    )
