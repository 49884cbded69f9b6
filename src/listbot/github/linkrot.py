"""``listbot github link-rot``: one self-managing issue about broken links.

The scheduled job checks every link; :func:`listbot.checks.links.should_report` decides
from the store's history which failures to report (links failing in ``[links]
report_after`` consecutive runs, or plainly gone). This module turns them into rows, and
keeps exactly one open issue, found by label and hidden marker: created when there is
none, edited in place when its table changes, duplicates closed, and closed as
``completed`` when every link passes again. Dead links show their archived copy (or say
that none was found, or checked); the maintenance pull request, when there is one, is
named in the issue, which then lists only what the pull request cannot fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from listbot.github import escape, markers
from listbot.github.api import GitHubClient, Issue
from listbot.github.options import GithubOptions

ISSUE_MARKER = markers.marker(markers.LINK_ROT)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class RotRow:
    """One broken link for the issue's table."""

    places: str
    """``README.md:12, 40``."""
    url: str
    verdict: str
    status: int | None
    failing_since: float | None
    suggestion: str | None
    reason: str = ""
    archive: Mapping[str, str] | None = None
    """For a dead link whose archived copy was looked up: ``status`` (found, none, not
    checked) and, when found, ``url`` and ``date``."""


@dataclass
class IssueOutcome:
    action: str = "none"
    """``created``, ``updated``, ``unchanged``, ``closed`` or ``none``."""
    number: int | None = None
    closed_duplicates: list[int] = field(default_factory=list)


def rows_for(
    records: Iterable[Mapping[str, Any]],
    report: Callable[[Mapping[str, Any]], bool],
    first_failure: Callable[[str], float | None],
) -> list[RotRow]:
    """Rows for the link records (``CheckReport.links``) that ``report`` says are due."""
    rows = []
    for record in records:
        if not report(record):
            continue
        url = str(record.get("url", ""))
        files = list(record.get("files") or [])
        lines = ", ".join(str(line) for line in record.get("lines") or [])
        places = f"{', '.join(files)}:{lines}" if files else lines
        final_url = record.get("final_url")
        archive = record.get("archive")
        rows.append(
            RotRow(
                places=places,
                url=url,
                verdict=str(record.get("verdict", "")),
                status=record.get("status"),
                failing_since=first_failure(url),
                suggestion=str(final_url) if final_url and final_url != url else None,
                reason=str(record.get("reason") or ""),
                archive=dict(archive) if isinstance(archive, Mapping) else None,
            )
        )
    rows.sort(key=lambda row: (row.places, row.url))
    return rows


def _date(timestamp: float | None) -> str:
    if timestamp is None:
        return "this run"
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d")


def _suggestion(row: RotRow) -> str:
    """Where the link leads now, or its archived copy (with the snapshot's date)."""
    if row.suggestion:
        return escape.code(row.suggestion, table=True)
    if row.archive is None:
        return ""
    status = row.archive.get("status")
    if status == "found":
        copy = escape.code(str(row.archive.get("url", "")), table=True)
        date = str(row.archive.get("date", ""))
        return f"archived copy from {date if _DATE.fullmatch(date) else '?'}: {copy}"
    return "no archived copy" if status == "none" else "no archived copy checked"


def _pull_line(pull: int | None) -> list[str]:
    if pull is None:
        return []
    return [
        f"The links listbot can fix safely are fixed in #{pull}, which it keeps up to date; "
        "this issue lists the rest.",
        "",
    ]


def issue_body(rows: Sequence[RotRow], *, pull: int | None = None) -> str:
    """The issue's Markdown: a table, and the marker that identifies it."""
    noun = "link is" if len(rows) == 1 else "links are"
    parts = [
        ISSUE_MARKER,
        f"listbot found that {len(rows)} {noun} broken. This issue is updated by the scheduled "
        "link check and closed when every link works again.",
        "",
        *_pull_line(pull),
        "| Where | URL | Verdict | Status | Failing since | Suggested fix |",
        "| --- | --- | --- | ---: | --- | --- |",
    ]
    for row in rows:
        verdict = escape.inline(row.verdict + (f": {row.reason}" if row.reason else ""), table=True)
        suggestion = _suggestion(row)
        parts.append(
            f"| {escape.code(row.places, table=True)} | {escape.code(row.url, table=True)} | "
            f"{verdict} | {row.status if row.status is not None else ''} | "
            f"{_date(row.failing_since)} | {suggestion} |"
        )
    return escape.fit(parts, more="| … | {count} more links not shown | | | | |")


RESOLVED_BODY = ISSUE_MARKER + "\nEvery link works again: listbot closed this issue. ✅"


def resolved_body(pull: int | None = None) -> str:
    if pull is None:
        return RESOLVED_BODY
    return (
        f"{ISSUE_MARKER}\nNothing is left here that #{pull} does not fix: listbot closed "
        "this issue. ✅"
    )


def open_issues(client: GitHubClient, repo: str, options: GithubOptions) -> list[Issue]:
    """The repository's open link-rot issues (label and marker), oldest first."""
    return [
        issue
        for issue in client.open_issues(repo, options.link_rot_label)
        if not issue.is_pull and markers.has_marker(issue.body, markers.LINK_ROT)
    ]


def sync_issue(
    client: GitHubClient,
    repo: str,
    rows: Sequence[RotRow],
    options: GithubOptions,
    *,
    pull: int | None = None,
) -> IssueOutcome:
    """Make the repository's open link-rot issues match ``rows``: at most one stays open.

    ``pull`` is the maintenance pull request, which the issue names.
    """
    label = options.link_rot_label
    ours = open_issues(client, repo, options)
    outcome = IssueOutcome()
    if not rows:
        for issue in ours:
            client.edit_issue(
                repo,
                issue.number,
                body=resolved_body(pull),
                state="closed",
                state_reason="completed",
            )
            outcome.action, outcome.number = "closed", issue.number
        return outcome
    body = issue_body(rows, pull=pull)
    if ours:
        keep, *duplicates = ours
        outcome.number = keep.number
        if keep.body != body or keep.title != options.link_rot_title:
            client.edit_issue(repo, keep.number, body=body, title=options.link_rot_title)
            outcome.action = "updated"
        else:
            outcome.action = "unchanged"
        for duplicate in duplicates:
            client.edit_issue(
                repo,
                duplicate.number,
                body=f"{ISSUE_MARKER}\nDuplicate of #{keep.number}.",
                state="closed",
                state_reason="not_planned",
            )
            outcome.closed_duplicates.append(duplicate.number)
        return outcome
    client.ensure_label(repo, label, description="Broken links found by listbot")
    outcome.number = client.create_issue(repo, options.link_rot_title, body, [label])
    outcome.action = "created"
    return outcome
