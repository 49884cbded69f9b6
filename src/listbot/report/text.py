"""``path:line:col: severity rule message``, sorted, then one summary line; with
``--statistics``, only a count of findings per rule."""

from __future__ import annotations

from collections.abc import Sequence

from listbot.findings import Finding, Severity, summarize
from listbot.report import ReportContext, fixable_note, statistics, summary_notes

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, enabled: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if enabled else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render(findings: Sequence[Finding], context: ReportContext) -> str:
    if context.statistics:  # only the table, as ruff prints it
        return "".join(
            f"{count:>6}  {rule}{'  [*]' if fixable else ''}\n"
            for rule, count, fixable in statistics(findings)
        )
    lines = []
    color = context.color
    for f in findings:
        where = _paint(f"{f.file}:{f.line}:{f.column}:", "1", color)
        severity = _paint(f.severity.value, _COLORS[f.severity], color)
        rule = _paint(f.rule, "2", color)
        extra = ""
        if f.related and f.related[0].message:
            extra = f" ({f.related[0].message})"
        lines.append(f"{where} {severity} {rule} {f.message}{extra}")
    if context.quiet:
        return "".join(line + "\n" for line in lines)
    counts = summarize(list(findings))
    files = len(context.files)
    if findings:
        summary = (
            f"Found {_plural(counts['errors'], 'error')}, "
            f"{_plural(counts['warnings'], 'warning')}, "
            f"{_plural(counts['infos'], 'info')} in {_plural(files, 'file')}."
        )
        note = fixable_note(findings)
        if note:
            summary += f" {note}."
    else:
        summary = f"All good: no findings in {_plural(files, 'file')}."
    if context.fixed:
        summary = f"Fixed {_plural(context.fixed, 'finding')}. " + summary
    notes = summary_notes(context)
    if notes:
        summary += " Notices: " + "; ".join(notes) + "."
    if lines:
        lines.append("")
    lines.append(summary)
    return "\n".join(lines) + "\n"
