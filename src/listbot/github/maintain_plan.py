"""What the maintenance pull request changes, and how it says so. Pure: no I/O.

From the fix engine's results (:class:`listbot.fix.FixResult`, its ``applied_fixes``) to
:class:`Change`s (file, line, rule, old URL, new URL, evidence), then the pull request's
body (grouped by rule), its commit message, and two fingerprints in hidden markers that
make reruns idempotent: ``fixes`` names the set of changes (a maintainer who closed the
pull request declined exactly these), ``state`` the exact commit (the base commit and the
new files' blob ids: an equal state needs no new commit).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from listbot.findings import Finding
from listbot.fix import AppliedFix, FixResult, LineIndex
from listbot.github import escape, markers

MAINTENANCE = "maintenance"
"""The marker kind of the pull request's body, its commit and its closing comment."""


@dataclass(frozen=True)
class Change:
    """One fix in the pull request: where, which rule, what became what, and why."""

    path: str
    line: int
    rule: str
    old: str
    """The URL as written before (empty when the fix is not a URL change)."""
    new: str
    """The URL written instead, or the fix's title."""
    finding: Finding = field(compare=False, repr=False)

    @property
    def key(self) -> str:
        """Stable across runs and line moves: (file, rule, old, new)."""
        return _digest(self.path, self.rule, self.old, self.new)


@dataclass(frozen=True)
class FileFix:
    """One list file the pull request changes."""

    path: str
    mode: str
    before: bytes
    after: bytes
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Plan:
    """The pull request's content: the files it changes on top of ``base``."""

    base: str
    base_branch: str
    files: tuple[FileFix, ...]

    @property
    def changes(self) -> list[Change]:
        return [change for file in self.files for change in file.changes]

    @property
    def fixes(self) -> str:
        return _digest(*sorted(change.key for change in self.changes))

    @property
    def state(self) -> str:
        return _digest(self.base, *(f"{f.path}:{f.mode}:{blob_id(f.after)}" for f in self.files))


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def blob_id(data: bytes) -> str:
    """Git's object id of a blob with these bytes."""
    return hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest()


def url_change(applied: AppliedFix) -> tuple[str, str] | None:
    """(old URL, new URL) when the fix edits only inside the finding's URL, else None."""
    finding = applied.finding
    if not finding.url or finding.fix is None or not finding.fix.edits:
        return None
    index = LineIndex(applied.text)
    edits = []
    for edit in finding.fix.edits:
        start = index.offset(edit.span.line, edit.span.column)
        end = index.offset(edit.span.end_line, edit.span.end_column)
        if start is None or end is None:
            return None
        edits.append((start, end, edit.text))
    first, last = min(e[0] for e in edits), max(e[1] for e in edits)
    # The first occurrence that could reach the last edit must also start before the first.
    at = applied.text.find(finding.url, max(0, last - len(finding.url)))
    if not 0 <= at <= first:
        return None
    new = finding.url
    for start, end, text in sorted(edits, reverse=True):
        new = new[: start - at] + text + new[end - at :]
    return finding.url, new


def changes_of(path: str, result: FixResult) -> list[Change]:
    """The changes a fixed file carries, one per applied fix."""
    changes = []
    for applied in result.applied_fixes:
        finding = applied.finding
        assert finding.fix is not None
        urls = url_change(applied)
        old, new = urls if urls else ("", finding.fix.title)
        changes.append(Change(path, finding.line, finding.rule, old, new, finding))
    return changes


def _group(changes: Sequence[Change], order: Sequence[str]) -> dict[str, list[Change]]:
    rank = {rule: index for index, rule in enumerate(order)}
    groups: dict[str, list[Change]] = {}
    for change in sorted(
        changes, key=lambda c: (rank.get(c.rule, len(rank)), c.rule, c.path, c.line, c.old)
    ):
        groups.setdefault(change.rule, []).append(change)
    return groups


def pull_body(
    plan: Plan,
    evidence: Mapping[str, str],
    *,
    issue: int | None,
    order: Sequence[str] = (),
    summaries: Mapping[str, str] | None = None,
) -> str:
    """The pull request's Markdown: the changes grouped by rule, each with its evidence
    (``evidence`` maps a change key to Markdown that is already escaped; ``summaries``, the
    rules' one-line summaries from the registry, are listbot's own text)."""
    changes = plan.changes
    files = ", ".join(escape.code(f.path) for f in plan.files)
    noun = "fix" if len(changes) == 1 else "fixes"
    parts = [
        markers.marker(MAINTENANCE, fixes=plan.fixes),
        f"listbot's scheduled link check found {len(changes)} safe {noun} for {files}. Each run "
        f"rebuilds this branch on top of {escape.code(plan.base_branch)}, so no later edit is "
        "overwritten, and listbot closes this pull request when nothing is left to fix.",
    ]
    if issue is not None:
        parts.append(f"Broken links that need a person are listed in #{issue}.")
    for rule, group in _group(changes, order).items():
        parts += ["", f"### {escape.code(rule)} ({len(group)})"]
        summary = (summaries or {}).get(rule)
        if summary:  # the rule's own summary, from listbot's registry: Markdown as written
            parts.append(f"_{' '.join(summary.split())}_")
        parts += ["", "| Where | Old URL | New URL | Evidence |", "| --- | --- | --- | --- |"]
        for change in group:
            where = escape.code(f"{change.path}:{change.line}", table=True)
            old = escape.code(change.old, table=True) if change.old else "—"
            new = (
                escape.code(change.new, table=True)
                if change.old
                else escape.inline(change.new, table=True)
            )
            parts.append(f"| {where} | {old} | {new} | {evidence.get(change.key, '')} |")
    parts += [
        "",
        "---",
        "To keep a URL as it is written, add it to `[allow] urls` in listbot.toml; the next run "
        "takes it out of this pull request. Pull requests opened with a workflow's "
        "`GITHUB_TOKEN` start no other workflows: close and reopen this one to run your checks.",
    ]
    return escape.fit(parts, more="| … | {count} more lines not shown | | |")


def commit_message(plan: Plan, title: str) -> str:
    """The commit's message: counts by rule, the files, the base, and the marker."""
    counts: dict[str, int] = {}
    for change in plan.changes:
        counts[change.rule] = counts.get(change.rule, 0) + 1
    by_rule = ", ".join(f"{count} {rule}" for rule, count in sorted(counts.items()))
    files = ", ".join(escape.plain(f.path) for f in plan.files)
    return "\n".join(
        [
            escape.plain(title),
            "",
            f"{len(plan.changes)} safe fixes ({by_rule}) in {files}, made by `listbot github "
            f"maintain` on top of {plan.base[:12]} ({escape.plain(plan.base_branch)}).",
            "",
            markers.marker(MAINTENANCE, fixes=plan.fixes, state=plan.state),
        ]
    )


def closing_comment(base_branch: str) -> str:
    return "\n".join(
        [
            markers.marker(MAINTENANCE),
            f"Nothing is left to fix: each change here is on {escape.code(base_branch)} already "
            "or no longer needed. listbot closes this pull request; a later run opens a new one "
            "when there is something to fix again.",
        ]
    )


def marked(text: str | None, field_name: str) -> str | None:
    """The value of ``field_name`` in the maintenance marker of ``text``, if any."""
    for kind, fields in markers.find_markers(text):
        if kind == MAINTENANCE:
            return fields.get(field_name)
    return None
