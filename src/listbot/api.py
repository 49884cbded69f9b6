"""The library API: lint text or files into findings. Prints nothing, exits never.

``lint_text`` / ``lint_file`` run the offline rules. ``lint_paths`` is what ``listbot lint``
and the GitHub review run: rules on every file, then (unless offline) the network checks
on all of them at once, concurrently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from listbot.config import Config
from listbot.engine import finalize, run_rules, selected_rules
from listbot.findings import Finding
from listbot.model import Document
from listbot.parse import parse, parse_file
from listbot.source import InputError


@dataclass(frozen=True)
class LintResult:
    """The parsed document and the findings of the offline rules on it."""

    document: Document
    findings: list[Finding] = field(default_factory=list)


def lint_text(
    text: str,
    path: str = "<string>",
    *,
    config: Config | None = None,
    companions: Mapping[str, str] | None = None,
) -> LintResult:
    """Lint Markdown text with the offline rules.

    ``companions`` are the files beside the list (as :func:`listbot.parse.read_companions`
    reads them) for the rules about files; without them those rules stay silent.
    """
    document = parse(text, path, companions=companions)
    return LintResult(document, run_rules(document, config or Config()))


def lint_file(path: str | Path, *, config: Config | None = None) -> LintResult:
    """Read and lint a file with the offline rules; raises InputError if it cannot be read."""
    document = parse_file(path)
    return LintResult(document, run_rules(document, config or Config()))


@dataclass
class RunResult:
    """Everything one ``lint`` run produced, for reports and exit codes."""

    documents: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    input_errors: list[str] = field(default_factory=list)
    fatal: str | None = None
    entries: list[Any] = field(default_factory=list)
    """Per checked entry, the facts behind the contribution policy (for the review)."""
    run: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per network checker, facts about the run (see :attr:`CheckReport.run`)."""


def lint_paths(
    paths: Sequence[str | Path],
    config: Config,
    *,
    offline: bool = False,
    lines: Mapping[str, frozenset[int]] | None = None,
    progress: Any = None,
    options: Mapping[str, Any] | None = None,
    documents: Sequence[Document] | None = None,
) -> RunResult:
    """Lint files: offline rules on each, then the network checks on all (unless offline).

    Files that cannot be read are recorded in ``input_errors`` and skipped. ``lines``
    restricts network checks to links on those lines (PR review). Already parsed
    ``documents`` may be passed instead of paths.
    """
    result = RunResult()
    if documents is not None:
        result.documents.extend(documents)
    for path in paths:
        try:
            result.documents.append(parse_file(path))
        except InputError as error:
            result.input_errors.append(str(error))
    for document in result.documents:
        result.notices.extend(document.notices)
        result.findings.extend(run_rules(document, config))
    if not offline and result.documents:
        _run_network_checks(result, config, lines=lines, progress=progress, options=options or {})
    result.findings.sort(key=Finding.sort_key)
    return result


def _run_network_checks(
    result: RunResult,
    config: Config,
    *,
    lines: Mapping[str, frozenset[int]] | None,
    progress: Any,
    options: Mapping[str, Any],
) -> None:
    import asyncio

    from listbot.checks import CHECKER_TARGETS, CheckContext, run_checks
    from listbot.store import open_store

    network_rules = selected_rules(config, network=True)
    if not network_rules or not CHECKER_TARGETS:
        return
    store_path = None if options.get("no_store") else options.get("store_path")
    with open_store(store_path) as store:
        context = CheckContext(
            documents=result.documents,
            config=config,
            store=store,
            selected=frozenset(rule.id for rule in network_rules),
            lines=lines,
            progress=progress,
            options=options,
        )
        report = asyncio.run(run_checks(context))
        result.notices.extend(store.warnings)
    by_path = {document.path: document for document in result.documents}
    grouped: dict[str, list[Finding]] = {}
    for finding in report.findings:
        grouped.setdefault(finding.file, []).append(finding)
    for path, findings in grouped.items():
        document = by_path.get(path)
        result.findings.extend(finalize(document, config, findings) if document else findings)
    result.links.extend(report.links)
    result.notices.extend(report.notices)
    result.entries.extend(report.entries)
    result.run.update(report.run)
    result.fatal = report.fatal
