"""Pure rendering of everything the bot posts: inline comments, review body, sticky summary.

Every piece of text that came from a list or a PR goes through :mod:`.escape`; every body
carries its hidden marker (:mod:`.markers`) and stays under GitHub's size limit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from listbot.checks.github_requirements import Check, EntryPolicy
from listbot.findings import Finding, Severity
from listbot.github import escape, markers

_ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}


@dataclass(frozen=True)
class Reported:
    """A finding to report, with its fingerprint and the text of its line at the head commit."""

    finding: Finding
    fingerprint: str
    line_text: str = ""


def _headline(finding: Finding) -> str:
    icon = _ICONS.get(finding.severity, "")
    message = escape.inline(finding.message)
    return f"{icon} **{finding.severity.value}** {escape.code(finding.rule)}: {message}"


def last_line(finding: Finding) -> int:
    """The finding's last line (a span ending at column 1 ends on the line before)."""
    if finding.end_line > finding.line and finding.end_column == 1:
        return finding.end_line - 1
    return max(finding.end_line, finding.line)


def _fixed_line(item: Reported) -> str | None:
    """The line as the finding's fix would leave it, when the finding and its fix are on
    one line (a suggestion replaces every line the comment covers)."""
    fix = item.finding.fix
    if fix is None or not fix.edits or last_line(item.finding) != item.finding.line:
        return None
    line = item.finding.line
    text = item.line_text
    for edit in sorted(fix.edits, reverse=True):
        if (
            edit.span.line != line
            or edit.span.end_line != line
            or "\n" in edit.text
            or "\r" in edit.text
        ):
            return None
        start, end = edit.span.column - 1, edit.span.end_column - 1
        if end > len(text):
            return None
        text = text[:start] + edit.text + text[end:]
    return text if text != item.line_text else None


def whole_lines(finding: Finding) -> tuple[int, int, str] | None:
    """``(first, last, text)`` when the finding's fix is one edit that replaces whole lines
    ``first..last`` (an entry moved past its neighbour): a suggestion on those lines."""
    fix = finding.fix
    if fix is None or len(fix.edits) != 1:
        return None
    (edit,) = fix.edits
    span = edit.span
    if span.column != 1 or span.end_column != 1 or span.end_line <= span.line:
        return None
    if not edit.text.endswith(("\n", "\r")):
        return None
    text = edit.text.removesuffix("\n").removesuffix("\r")
    return span.line, span.end_line - 1, text.replace("\r\n", "\n")


def inline_comment(item: Reported, *, lines: bool = False) -> str:
    """The body of one inline review comment, with a suggestion when the fix is one line,
    or (``lines``: the comment covers them) one edit of whole lines."""
    parts = [_headline(item.finding)]
    fixed = _fixed_line(item)
    replaced = whole_lines(item.finding) if lines else None
    if replaced is not None:
        fixed = replaced[2]
    if fixed is not None and item.finding.fix is not None:
        longest = max((len(run) for run in re.findall(r"`+", fixed)), default=0)
        fence = "`" * max(3, longest + 1)
        parts.append(
            f"{escape.inline(item.finding.fix.title)}:\n\n{fence}suggestion\n{fixed}\n{fence}"
        )
    parts.append(markers.marker(markers.FINDING, fp=item.fingerprint, rule=item.finding.rule))
    return escape.fit(["\n\n".join(parts)])


def list_item(item: Reported) -> str:
    """One line of a review body: location, severity, rule, message and the marker."""
    finding = item.finding
    where = escape.code(f"{finding.file}:{finding.line}")
    return f"- {where} {_headline(finding)} " + markers.marker(
        markers.FINDING, fp=item.fingerprint, rule=finding.rule
    )


DETAIL_LIMIT = 20_000
"""Characters of the review body spent on listing findings one by one."""


def review_body(
    body_items: Sequence[Reported], inline_count: int, *, fallback: bool = False
) -> tuple[str, int]:
    """The review's own text, and how many of ``body_items`` it covers.

    Findings are listed one by one up to :data:`DETAIL_LIMIT` characters; the rest are
    counted, and their fingerprints go into one compact marker so that reruns know they
    were reported. Findings that do not fit even there are left for the next run.
    """
    total = len(body_items) + inline_count
    noun = "finding" if total == 1 else "findings"
    parts = [markers.marker(markers.REVIEW), f"### listbot: {total} new {noun}"]
    if fallback:
        parts.append("GitHub refused the inline comments, so every finding is listed here.")
    if body_items and inline_count:
        parts.append(f"{inline_count} are inline comments; the others:")
    size = sum(len(part) + 1 for part in parts)
    listed = 0
    for item in body_items:
        line = list_item(item)
        if size + len(line) + 1 > DETAIL_LIMIT:
            break
        parts.append(line)
        size += len(line) + 1
        listed += 1
    rest = body_items[listed:]
    budget = (escape.SAFE_LIMIT - size - 200) // (markers.FINGERPRINT_LENGTH + 1)
    compact = rest[: max(budget, 0)]
    if compact:
        parts.append(f"\n… and {len(rest)} more: see the summary comment or the job log.")
        fps = ",".join(item.fingerprint for item in compact)
        parts.append(markers.marker(markers.FINDING, fps=fps))
    return "\n".join(parts), listed + len(compact)


def _counts(findings: Sequence[Finding]) -> str:
    counts = {severity: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    return ", ".join(
        f"{count} {severity.value}{'s' if count != 1 else ''}" for severity, count in counts.items()
    )


def table_row(finding: Finding) -> str:
    cells = (
        escape.code(finding.file, table=True),
        str(finding.line),
        finding.severity.value,
        escape.code(finding.rule, table=True),
        escape.inline(finding.message, table=True, limit=300),
    )
    return "| " + " | ".join(cells) + " |"


def findings_table(findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return []
    return ["| File | Line | Severity | Rule | Message |", "| --- | ---: | --- | --- | --- |"] + [
        table_row(finding) for finding in findings
    ]


_MARKS = {True: "✔", False: "✘", None: ""}
_FACT_COLUMNS = ("stars", "age", "last push", "licence", "archived", "release")


def _fact(check: Check) -> str:
    return f"{escape.inline(check.value, table=True, limit=60)} {_MARKS[check.ok]}".strip()


def entry_row(entry: EntryPolicy) -> str:
    """One added entry: name, link, section, the facts behind the policy, the verdict."""
    name = escape.inline(entry.name, table=True, limit=100) or escape.code(entry.repo, table=True)
    cells = [
        f"{name}<br>{escape.code(entry.url, table=True, limit=200)}",
        escape.inline(entry.section, table=True, limit=100),
    ]
    by_label = {check.label: check for check in entry.checks}
    for label in _FACT_COLUMNS:
        check = by_label.get(label)
        cells.append(_fact(check) if check else "")
    others = [c for c in entry.checks if c.label not in _FACT_COLUMNS]
    cells.append(", ".join(f"{escape.inline(c.label, table=True)} {_fact(c)}" for c in others))
    if entry.missing:
        verdict = "✘ repository not found"
    elif entry.ok:
        verdict = "✔ meets the requirements"
    else:
        failed = ", ".join(
            escape.inline(c.label, table=True) for c in entry.checks if c.ok is False
        )
        verdict = f"✘ fails: {failed}"
    cells.append(verdict)
    return "| " + " | ".join(cells) + " |"


def entries_table(entries: Sequence[EntryPolicy]) -> list[str]:
    if not entries:
        return []
    header = (
        "| Entry | Section | Stars | Age | Last push | Licence | Archived | Release | Other "
        "| Verdict |"
    )
    return [
        "### Entries this pull request adds",
        "",
        header,
        "| --- | --- | ---: | --- | --- | --- | --- | --- | --- | --- |",
        *(entry_row(entry) for entry in entries),
        "",
    ]


def summary(
    findings: Sequence[Finding],
    *,
    head_sha: str,
    filter_mode: str,
    entries: Sequence[EntryPolicy] = (),
) -> str:
    """The sticky summary comment: edited in place on every run."""
    parts = [markers.marker(markers.SUMMARY), "## listbot"]
    scope = {
        "added": "on the lines this pull request adds or changes",
        "diff_context": "in the changed parts of this pull request",
        "file": "in the list files this pull request changes",
        "nofilter": "in the list files this pull request changes",
    }.get(filter_mode, "")
    head = escape.code(head_sha[:12])
    if not findings:
        parts.append(f"No problems found {scope} (head {head}). ✅")
    else:
        parts.append(f"{_counts(findings)} {scope} (head {head}).")
        parts.append("")
    parts.extend(entries_table(entries))
    parts.extend(findings_table(findings))
    return escape.fit(parts, more="| … | | | | {count} more rows not shown |")
