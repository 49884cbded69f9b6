"""``listbot github review``: lint a PR's changed list files at its head commit and post
one review on the changed lines, idempotently.

The flow: changed files and patches → files at the head commit (contents API, no
checkout) → findings (network checks only for links on added lines) → kept by filter
mode → compared with what the bot already posted (markers) → stale own comments deleted
unless someone replied → at most one review (``event: COMMENT``) with at most N inline
comments and the rest in its body → one sticky summary comment edited in place.
A read-only token (fork PRs) or a 403 ends in :attr:`ReviewOutcome.fallback_reason`; the
command then prints workflow annotations and a job summary instead.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from listbot.api import RunResult
from listbot.checks.github_requirements import NEW_ENTRIES, EntryPolicy
from listbot.config import Config
from listbot.engine import selected_rules
from listbot.findings import Finding
from listbot.github import comments, markers
from listbot.github.api import ChangedFile, Comment, GitHubClient, GitHubError
from listbot.github.comments import Reported
from listbot.github.diff import FilePatch, parse_patch
from listbot.github.options import GithubOptions
from listbot.model import Document, Entry
from listbot.parse import parse
from listbot.source import InputError, decode

Linter = Callable[[Sequence[Document], Mapping[str, frozenset[int]]], RunResult]
"""Lints parsed documents; the mapping restricts network checks to those lines per path."""

FORK_REASON = (
    "This pull request comes from a fork, whose token cannot comment; "
    "findings are annotations instead."
)
FORBIDDEN_REASON = (
    "The token may not comment on this pull request ({error}); findings are annotations instead."
)


@dataclass(frozen=True)
class PullTarget:
    """The pull request under review: taken from the Actions event or the command line."""

    repo: str
    number: int
    head_sha: str
    from_fork: bool = False


@dataclass
class ReviewPlan:
    """What one run will do, decided before any write."""

    inline: list[tuple[Reported, dict[str, Any]]] = field(default_factory=list)
    body: list[Reported] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)


@dataclass
class ReviewOutcome:
    findings: list[Finding] = field(default_factory=list)
    """Findings kept by the filter mode (what the exit code is computed from)."""
    inline_posted: int = 0
    body_posted: int = 0
    deleted: int = 0
    summary: str = "unchanged"
    """``created``, ``edited``, ``deleted duplicates`` or ``unchanged``."""
    fallback_reason: str | None = None
    notices: list[str] = field(default_factory=list)
    input_errors: list[str] = field(default_factory=list)
    fatal: str | None = None
    entries: list[EntryPolicy] = field(default_factory=list)
    """The entries the PR adds, with the facts behind the contribution policy."""


# -- pure steps ------------------------------------------------------------------------------


def target_from_event(event: Mapping[str, Any], repo: str) -> PullTarget | None:
    """The pull request of a ``pull_request`` event payload (``GITHUB_EVENT_PATH``), if any.

    The head SHA and fork status come from the event, not from an API call: the event is
    what the workflow run is about, and a lazy client then needs no extra GET.
    """
    pull = event.get("pull_request")
    if not isinstance(pull, Mapping):
        return None
    try:
        head, base = pull["head"], pull["base"]
        head_repo = str((head.get("repo") or {}).get("full_name") or "")
        base_repo = str((base.get("repo") or {}).get("full_name") or repo)
        return PullTarget(
            repo=repo,
            number=int(pull["number"]),
            head_sha=str(head["sha"]),
            from_fork=not head_repo or head_repo.lower() != base_repo.lower(),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def is_list_file(path: str, patterns: Sequence[str]) -> bool:
    """Whether a changed file is a list to lint (fnmatch, ignoring case; ``*`` crosses ``/``)."""
    return any(fnmatch.fnmatchcase(path.lower(), pattern.lower()) for pattern in patterns)


def keep(findings: Sequence[Finding], patches: Mapping[str, FilePatch], mode: str) -> list[Finding]:
    """Findings the filter mode reports: ``added``, ``diff_context``, ``file`` or ``nofilter``."""
    if mode == "nofilter":
        return list(findings)
    kept = []
    for finding in findings:
        patch = patches.get(finding.file)
        if patch is None:
            continue
        if (
            mode == "file"
            or (mode == "added" and _touches(finding, patch.added))
            or (mode == "diff_context" and finding.line in patch.context)
        ):
            kept.append(finding)
    return kept


def _touches(finding: Finding, lines: frozenset[int]) -> bool:
    """On an added line, or fixed by changing one: two entries out of order, of which the
    PR added one, may be reported on the other (either could move), and its fix, which
    moves one past the other, then changes the added line."""
    if finding.line in lines:
        return True
    for edit in finding.fix.edits if finding.fix is not None else ():
        span = edit.span
        last = (
            span.end_line - 1
            if span.end_column == 1 and span.end_line > span.line
            else span.end_line
        )
        if any(line in lines for line in range(span.line, last + 1)):
            return True
    return False


def report_items(findings: Sequence[Finding], documents: Mapping[str, Document]) -> list[Reported]:
    """Fingerprint each finding; two findings with the same fingerprint are reported once."""
    items: list[Reported] = []
    seen: set[str] = set()
    for finding in findings:
        document = documents.get(finding.file)
        line_text = document.line_text(finding.line) if document else ""
        fp = markers.fingerprint(finding, line_text)
        if fp not in seen:
            seen.add(fp)
            items.append(Reported(finding, fp, line_text))
    return items


def is_own(comment: Comment, kind: str, options: GithubOptions) -> bool:
    """Marked by the bot and written by one of its logins: never touch anyone else's."""
    if not markers.has_marker(comment.body, kind):
        return False
    return not options.bot_logins or comment.login in options.bot_logins


def new_entries(
    documents: Sequence[Document], patches: Mapping[str, FilePatch]
) -> list[tuple[Document, Entry]]:
    """Entries the PR adds: first line added, link on no removed line (not a moved entry)."""
    found = []
    for document in documents:
        patch = patches.get(document.path)
        if patch is None:
            continue
        removed = "\n".join(patch.removed)
        for entry in document.all_entries:
            url = entry.url
            if entry.line in patch.added and url and not url.startswith("#") and url not in removed:
                found.append((document, entry))
    return found


def too_many_entries(
    documents: Sequence[Document], patches: Mapping[str, FilePatch], limit: int
) -> Finding | None:
    """max-new-entries: one finding, on the first entry past the limit."""
    added = new_entries(documents, patches)
    if not limit or len(added) <= limit:
        return None
    document, entry = added[limit]
    message = (
        f"This pull request adds {len(added)} entries; this list takes at most {limit} "
        "per pull request"
    )
    return NEW_ENTRIES.finding(entry.span, message, added=len(added)).with_(file=document.path)


def suggestion_position(finding: Finding, patch: FilePatch | None) -> dict[str, Any] | None:
    """Where a comment must sit to suggest the finding's fix when that fix replaces whole
    lines (all in one hunk), else None."""
    replaced = comments.whole_lines(finding)
    if replaced is None or patch is None:
        return None
    first, last, _ = replaced
    lines = range(first, last + 1)
    if not all(line in patch.context for line in lines) or not patch.same_hunk(first, last):
        return None
    position: dict[str, Any] = {"path": finding.file, "side": "RIGHT", "line": last}
    if last > first:
        position.update(start_line=first, start_side="RIGHT")
    return position


def anchor(finding: Finding, patch: FilePatch | None) -> dict[str, Any] | None:
    """The review-comment position for a finding, or None when it is outside the diff."""
    if patch is None or finding.line not in patch.context:
        return None
    position: dict[str, Any] = {"path": finding.file, "side": "RIGHT"}
    last = comments.last_line(finding)
    if last > finding.line and last in patch.context and patch.same_hunk(finding.line, last):
        position.update(start_line=finding.line, start_side="RIGHT", line=last)
    else:
        position["line"] = finding.line
    return position


def anchor_related(finding: Finding, patches: Mapping[str, FilePatch]) -> dict[str, Any] | None:
    """The position of a finding about another file (a code of conduct named by its related
    place) at that place, when the pull request changes it there."""
    for place in finding.related:
        patch = patches.get(place.file) if place.file else None
        if patch is not None and place.line in patch.context:
            return {"path": place.file, "side": "RIGHT", "line": place.line}
    return None


def plan_review(
    items: Sequence[Reported],
    patches: Mapping[str, FilePatch],
    review_comments: Sequence[Comment],
    reviews: Sequence[Comment],
    options: GithubOptions,
) -> ReviewPlan:
    """Decide what to post and delete from the current findings and what is already there."""
    own_inline = [c for c in review_comments if is_own(c, markers.FINDING, options)]
    replied_to = {c.in_reply_to for c in review_comments if c.in_reply_to is not None}
    posted = markers.all_fingerprints(c.body for c in own_inline)
    posted |= markers.all_fingerprints(
        c.body for c in reviews if is_own(c, markers.REVIEW, options)
    )
    current = {item.fingerprint for item in items}
    plan = ReviewPlan()
    for comment in own_inline:
        replied = comment.in_reply_to is not None or comment.id in replied_to
        if not replied and not markers.fingerprints(comment.body) & current:
            plan.delete.append(comment.id)
    for item in items:
        if item.fingerprint in posted:
            continue
        patch = patches.get(item.finding.file)
        position = suggestion_position(item.finding, patch)
        body = comments.inline_comment(item, lines=True) if position else ""
        if position is None:
            position = anchor(item.finding, patch) or anchor_related(item.finding, patches)
            body = comments.inline_comment(item)
        if position is not None and len(plan.inline) < options.max_inline_comments:
            plan.inline.append((item, {**position, "body": body}))
        else:
            plan.body.append(item)
    return plan


# -- reading the PR --------------------------------------------------------------------------


def load_documents(
    client: GitHubClient,
    target: PullTarget,
    changed: Sequence[ChangedFile],
    options: GithubOptions,
    outcome: ReviewOutcome,
) -> tuple[list[Document], dict[str, FilePatch]]:
    """Parse the changed list files as they are at the head commit."""
    documents: list[Document] = []
    patches: dict[str, FilePatch] = {}
    for item in changed:
        if item.status == "removed" or not is_list_file(item.path, options.list_files):
            continue
        patches[item.path] = parse_patch(item.path, item.patch)
        data = client.file_bytes(target.repo, item.path, target.head_sha)
        try:
            source = decode(data, item.path)
        except InputError as error:
            outcome.input_errors.append(str(error))
            continue
        documents.append(parse(source.text, item.path, bom=source.bom))
    return documents, patches


# -- the run ---------------------------------------------------------------------------------


def run_review(
    client: GitHubClient,
    target: PullTarget,
    options: GithubOptions,
    lint: Linter,
    config: Config | None = None,
) -> ReviewOutcome:
    """Review one pull request; GitHub errors other than 401/403/404 on writes propagate.
    ``config`` turns on the pull-request rules (max-new-entries)."""
    outcome = ReviewOutcome()
    changed = client.pull_files(target.repo, target.number)
    documents, patches = load_documents(client, target, changed, options, outcome)
    if not documents:
        outcome.notices.append("no changed list files in this pull request")
    added = {path: patch.added for path, patch in patches.items()}
    result = lint(documents, added)
    outcome.notices.extend(result.notices)
    outcome.input_errors.extend(result.input_errors)
    outcome.fatal = result.fatal
    outcome.findings = keep(result.findings, patches, options.filter_mode)
    outcome.entries = [
        entry
        for entry in result.entries
        if isinstance(entry, EntryPolicy)
        and entry.file in patches
        and entry.line in patches[entry.file].added
    ]
    if config is not None and NEW_ENTRIES.id in {r.id for r in selected_rules(config)}:
        limit = config.rule_options(NEW_ENTRIES.id).max
        excess = too_many_entries(documents, patches, limit)
        if excess is not None:
            severity = config.rule_severity(NEW_ENTRIES.id) or excess.severity
            outcome.findings.append(excess.with_(severity=severity))
    if target.from_fork:
        outcome.fallback_reason = FORK_REASON
        return outcome
    items = report_items(outcome.findings, {d.path: d for d in documents})
    try:
        _publish(client, target, options, patches, items, outcome)
    except GitHubError as error:
        if not error.forbidden:
            raise
        outcome.fallback_reason = FORBIDDEN_REASON.format(error=error)
    return outcome


def _publish(
    client: GitHubClient,
    target: PullTarget,
    options: GithubOptions,
    patches: Mapping[str, FilePatch],
    items: Sequence[Reported],
    outcome: ReviewOutcome,
) -> None:
    login = client.token_login()
    if login and options.bot_logins and login not in options.bot_logins:
        options = replace(options, bot_logins=(*options.bot_logins, login))
    review_comments = client.review_comments(target.repo, target.number)
    reviews = client.review_bodies(target.repo, target.number)
    plan = plan_review(items, patches, review_comments, reviews, options)
    for comment_id in plan.delete:
        client.delete_review_comment(comment_id)
        outcome.deleted += 1
    if plan.inline or plan.body:
        _post_review(client, target, plan, outcome)
    _update_summary(client, target, options, outcome)


def _post_review(
    client: GitHubClient, target: PullTarget, plan: ReviewPlan, outcome: ReviewOutcome
) -> None:
    body, covered = comments.review_body(plan.body, len(plan.inline))
    payload = [position for _, position in plan.inline]
    try:
        client.create_review(target.repo, target.number, target.head_sha, body, payload)
        outcome.inline_posted, outcome.body_posted = len(plan.inline), covered
        return
    except GitHubError as error:
        if error.status != 422:
            raise
        outcome.notices.append(
            f"GitHub refused the inline comments ({error}); posting them in the review body"
        )
    everything = [item for item, _ in plan.inline] + plan.body
    body, covered = comments.review_body(everything, 0, fallback=True)
    client.create_review(target.repo, target.number, target.head_sha, body, [])
    outcome.body_posted = covered


def _update_summary(
    client: GitHubClient, target: PullTarget, options: GithubOptions, outcome: ReviewOutcome
) -> None:
    own = [
        c
        for c in client.issue_comments(target.repo, target.number)
        if is_own(c, markers.SUMMARY, options)
    ]
    if not own and not outcome.findings and not outcome.entries:
        return
    body = comments.summary(
        outcome.findings,
        head_sha=target.head_sha,
        filter_mode=options.filter_mode,
        entries=outcome.entries,
    )
    if own:
        first, *duplicates = own
        if first.body != body:
            client.edit_issue_comment(first.id, body)
            outcome.summary = "edited"
        for duplicate in duplicates:
            client.delete_issue_comment(duplicate.id)
            outcome.summary = "deleted duplicates"
    else:
        client.create_issue_comment(target.repo, target.number, body)
        outcome.summary = "created"
