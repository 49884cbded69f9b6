"""The maintenance job's checks and fixes: what the pull request will change, and why.

:func:`prepare` parses the list files as they are at the default branch's head, runs the
link and repository checks on them (archived copies of dead links looked up), and fixes
them exactly as ``lint --fix --select [maintain] rules`` would (:func:`fix_config`), with
only the network fixes that are due (:func:`due_fixes`): a redirect once it led to the
same target in ``[links] report_after`` consecutive runs, a dead link's archived copy
only with ``replace_dead_with_archive`` and once the link-rot issue would list it.
:func:`evidence` says, per change, what the server or GitHub answered and since when.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from listbot.config import Config
from listbot.findings import Applicability, Finding
from listbot.github import escape
from listbot.github.linkrot import RotRow, rows_for
from listbot.github.maintain_plan import Change, FileFix, Plan, changes_of
from listbot.github.options import MaintainOptions

SEEN_KIND = "maintain-seen"
"""Store rows: when each change (by :attr:`Change.key`) was first proposed."""


@dataclass(frozen=True)
class ListFile:
    """A list file's bytes at the base commit, and its git mode."""

    path: str
    mode: str
    data: bytes


@dataclass
class Prepared:
    """What one run found: the pull request's content, and the issue's rows."""

    plan: Plan
    evidence: dict[str, str] = field(default_factory=dict)
    rows: list[RotRow] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    input_errors: list[str] = field(default_factory=list)
    fatal: str | None = None
    """The run proves nothing (no network, a bug): leave the pull request and the issue."""
    hold: str | None = None
    """Some evidence is missing (GitHub could not be asked): leave the pull request."""
    replaced: set[str] = field(default_factory=set)
    """Dead links the plan replaces by their archived copy (not for the issue, then)."""


def check_config(config: Config, options: MaintainOptions) -> Config:
    """The run's selection: the link checks (for the issue) and the maintained rules."""
    return replace(config, select=("links", *options.rules), extend_select=())


def fix_config(config: Config, options: MaintainOptions) -> Config:
    """What ``lint --fix --select RULES`` fixes with (an empty selection would mean the
    default rules: ``dead-link`` alone fixes nothing offline)."""
    return replace(config, select=tuple(options.rules) or ("dead-link",), extend_select=())


def prepare(
    files: Sequence[ListFile],
    config: Config,
    options: MaintainOptions,
    network: Mapping[str, Any],
    *,
    base: str = "",
    base_branch: str = "",
) -> Prepared:
    """Check the files, then fix them as ``lint --fix --select [maintain] rules`` would,
    with only the network fixes that are due."""
    from listbot.api import lint_paths
    from listbot.checks.github_repos import NOTICE_PREFIX
    from listbot.checks.links import should_report
    from listbot.fix import BOM, FixVerificationError, fix_text
    from listbot.net.policy import url_key
    from listbot.parse import parse
    from listbot.source import InputError, decode
    from listbot.store import open_store

    prepared = Prepared(Plan(base, base_branch, ()))
    documents, originals = [], {}
    for file in files:
        try:
            source = decode(file.data, file.path)
        except InputError as error:
            prepared.input_errors.append(str(error))
            continue
        originals[file.path] = ((BOM if source.bom else "") + source.text, file)
        documents.append(parse(source.text, file.path, bom=source.bom))
    if prepared.input_errors:
        return prepared
    run = lint_paths(
        [],
        check_config(config, options),
        documents=documents,
        options={**network, "archive_lookup": True},
    )
    prepared.notices.extend(run.notices)
    prepared.input_errors.extend(run.input_errors)
    prepared.fatal = run.fatal
    if run.fatal or run.input_errors:
        return prepared
    github_trouble = [n for n in run.notices if n.startswith(NOTICE_PREFIX)]
    if github_trouble and "github-moved" in options.rules:
        prepared.hold = github_trouble[0]
    links = config.section("links")
    records = {url_key(str(record["url"])): record for record in run.links}
    fixing = fix_config(config, options)
    with open_store(network.get("store_path")) as store:

        def due(record: Mapping[str, Any]) -> bool:
            return should_report(store, record, links)

        extra = due_fixes(run.findings, records, store, options, links.report_after, due)
        replaced: set[str] = set()
        fixed_files = []
        for document in documents:
            original, file = originals[document.path]
            try:
                result = fix_text(original, document.path, fixing, extra=extra.get(file.path, []))
            except FixVerificationError as error:
                prepared.fatal = (
                    f"{file.path}: fixes not applied: {error} (a bug in listbot; please report "
                    "it with the list)"
                )
                return prepared
            replaced |= {f.url or "" for f in result.fixed_extra if f.rule == "dead-link"}
            if result.text != original:
                after = result.text.encode("utf-8")
                changes = tuple(changes_of(file.path, result))
                fixed_files.append(FileFix(file.path, file.mode, file.data, after, changes))
        prepared.plan = Plan(base, base_branch, tuple(fixed_files))
        prepared.evidence = evidence(prepared.plan.changes, records, store)

        def first_failure(url: str) -> float | None:
            history = store.history(url_key(url))
            return history.first_failure if history else None

        prepared.rows = rows_for(run.links, due, first_failure)
    prepared.replaced = replaced
    return prepared


def due_fixes(
    findings: Sequence[Finding],
    records: Mapping[str, Mapping[str, Any]],
    store: Any,
    options: MaintainOptions,
    report_after: int,
    reported: Any,
) -> dict[str, list[Finding]]:
    """The network findings whose fixes the pull request applies, by file: safe fixes of
    the maintained rules (redirects once due), and archived copies of reported dead links
    when ``replace_dead_with_archive``."""
    from listbot.checks.redirect_history import redirect_due
    from listbot.net.policy import url_key
    from listbot.rules import get_rule

    wanted = {rule.id for rule in map(get_rule, options.rules) if rule is not None}
    due: dict[str, list[Finding]] = {}
    for finding in findings:
        rule, fix, url = get_rule(finding.rule), finding.fix, finding.url
        if fix is None or rule is None or not rule.network or not url:
            continue
        if finding.rule == "dead-link":
            record = records.get(url_key(url))
            wanted_copy = options.replace_dead_with_archive and "archive_url" in finding.data
            if not wanted_copy or record is None or not reported(record):
                continue
            finding = finding.with_(fix=replace(fix, applicability=Applicability.SAFE))
        else:
            safe = fix.applicability is Applicability.SAFE
            target = str(finding.data.get("final_url", ""))
            settled = finding.rule != "redirect" or redirect_due(store, url, target, report_after)
            if finding.rule not in wanted or not safe or not settled:
                continue
        due.setdefault(finding.file, []).append(finding)
    return due


def _valid_seen(value: Any) -> bool:
    first = value.get("first_seen") if isinstance(value, dict) else None
    return isinstance(first, (int, float)) and not isinstance(first, bool)


def _date(timestamp: float | None) -> str:
    if timestamp is None:
        return "this run"
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d")


def evidence(
    changes: Sequence[Change], records: Mapping[str, Mapping[str, Any]], store: Any
) -> dict[str, str]:
    """Escaped Markdown per change key: what the server or GitHub said, and since when."""
    from listbot.checks.redirect_history import current_streak
    from listbot.net.policy import url_key

    now = store.clock()
    known = store.get_many(SEEN_KIND, [c.key for c in changes], None, _valid_seen)
    new = [(c.key, {"first_seen": now}, True) for c in changes if c.key not in known]
    store.put_many(SEEN_KIND, new)
    found: dict[str, str] = {}
    for change in changes:
        since = f"seen since {_date(known.get(change.key, {}).get('first_seen', now))}"
        record = records.get(url_key(change.old)) if change.old else None
        if change.rule == "redirect" and record is not None:
            hops = [
                f"{status} → {escape.code(str(target), table=True)}"
                for status, target in record.get("chain") or ()
            ]
            text = ", ".join(hops or ["a permanent redirect"]) + f", then {record.get('status')}"
            streak = current_streak(store, change.old)
            if streak is not None:  # not how many runs: the body would change every run
                since = f"the same every run since {_date(streak.first_seen)}"
        elif change.rule == "dead-link" and record is not None:
            reason = escape.inline(str(record.get("reason") or "dead"), table=True)
            archive = record.get("archive") or {}
            date = "".join(c for c in str(archive.get("date")) if c.isdigit() or c == "-")
            text = f"{reason}; the archived copy is from {date}"
        else:
            text = escape.inline(change.finding.message, table=True)
        found[change.key] = f"{text}; {since}"
    return found
