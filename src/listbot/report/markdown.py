"""A Markdown report for job summaries and issues: grouped by rule, a table per rule,
rules with errors first.

List contents (messages, file names) are untrusted: Markdown and HTML in them are escaped,
and ``@mention``/``#123`` references are broken with a zero-width space so a report never
pings anyone or links an issue. Locations link to their lines: relative to the file by
default, or under ``extra["link_base"]`` (e.g. ``https://github.com/OWNER/REPO/blob/SHA``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from itertools import groupby
from urllib.parse import quote

from listbot.explain import rule_url
from listbot.findings import Finding, Severity, summarize
from listbot.report import ReportContext, fixable_note, statistics, summary_notes
from listbot.rules import get_rule

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
"""What can start markup inside a table cell (``<``, ``>`` and ``&`` become entities first)."""
ZERO_WIDTH_SPACE = "&#8203;"
_ICONS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def escape(text: str) -> str:
    """Untrusted text as inert Markdown: one line, no markup, no HTML, no mentions."""
    text = " ".join(text.split())
    text = html.escape(text, quote=False)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # A backslash does not stop GitHub's @mentions and #references; a zero-width space does.
    return re.sub(r"(?<!&)([@#])(?=[\w-])", lambda m: m.group(1) + ZERO_WIDTH_SPACE, text)


def line_link(path: str, line: int, base: str | None) -> str:
    target = quote(path.replace("\\", "/")) + f"?plain=1#L{line}"
    if base:
        target = base.rstrip("/") + "/" + target
    return f"[{escape(path)}:{line}]({target})"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    base = context.extra.get("link_base")
    counts = summarize(list(findings))
    files = len(context.files) or len({f.file for f in findings})
    out = ["## listbot", ""]
    notes = summary_notes(context)
    if notes:
        out += [f"**Notices:** {escape('; '.join(notes))}.", ""]
    if not findings:
        out.append(f"No findings in {_plural(files, 'file')}.")
        return "\n".join(out) + "\n"
    out.append(
        f"{_plural(counts['errors'], 'error')}, {_plural(counts['warnings'], 'warning')}, "
        f"{_plural(counts['infos'], 'info')} in {_plural(files, 'file')}."
    )
    fixable = fixable_note(findings, "`listbot lint --fix`")
    if fixable:
        out.append(f"{fixable}.")
    if context.fixed:
        out.append(f"Fixed {_plural(context.fixed, 'finding')}.")
    # Errors first: rules by their worst finding, then by count; in a rule, worst first.
    by_rule = sorted(findings, key=lambda f: (f.rule, f.severity.rank, f.file, f.line, f.column))
    order = {rule: index for index, (rule, _, _) in enumerate(statistics(findings))}
    groups = sorted(
        ((rule, list(items)) for rule, items in groupby(by_rule, key=lambda f: f.rule)),
        key=lambda group: (group[1][0].severity.rank, order[group[0]]),
    )
    for rule_id, items in groups:
        rule = get_rule(rule_id)
        summary = f" — {rule.summary.replace('|', '&#124;')}" if rule else ""
        out += ["", f"### [`{rule_id}`]({rule_url(rule_id)}) ({len(items)}){summary}", ""]
        out += ["| Location | Severity | Message |", "| --- | --- | --- |"]
        for f in items:
            fix = " (fixable)" if f.fix is not None else ""
            out.append(
                f"| {line_link(f.file, f.line, base)} | {_ICONS[f.severity]} "
                f"| {escape(f.message)}{fix} |"
            )
    return "\n".join(out) + "\n"
