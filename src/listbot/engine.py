"""Run the selected rules on a Document: select, check, apply directives and allow-lists, sort.

This is the offline half of ``listbot lint``; network checks run in :mod:`listbot.checks`
and their findings go through :func:`finalize` too, so suppression works the same for both.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Iterable
from dataclasses import replace

from listbot.config import Config
from listbot.directives import build_mask
from listbot.findings import Finding, Related
from listbot.gcpause import collector_paused
from listbot.model import Document
from listbot.rules import Rule, all_rules, network_rules, resolve


class RuleCrash(Exception):
    """A rule raised: a bug in listbot, reported with the rule and file so users can report it."""

    def __init__(self, rule_id: str, path: str, error: BaseException) -> None:
        super().__init__(f"{path}: internal error in rule {rule_id}: {error!r}")
        self.rule_id = rule_id
        self.path = path


def selected_rules(config: Config, *, network: bool | None = None) -> list[Rule]:
    """Rules that run under ``config``, in registry order (``network`` filters by kind)."""
    ids = resolve(config.select) if config.select else {r.id for r in all_rules() if r.enabled}
    ids |= resolve(config.extend_select)
    ids -= resolve(config.ignore)
    network_only = network or ids <= {rule.id for rule in network_rules()}
    among = network_rules() if network_only else all_rules()  # `listbot links` needs no more
    return [
        rule for rule in among if rule.id in ids and (network is None or rule.network == network)
    ]


def run_rules(doc: Document, config: Config) -> list[Finding]:
    """Every finding of the selected offline rules, suppressed and sorted."""
    findings: list[Finding] = []
    with collector_paused():
        for rule in selected_rules(config, network=False):
            options = config.rule_options(rule.id)
            try:
                findings.extend(rule.check(doc, options))
            except Exception as error:
                raise RuleCrash(rule.id, doc.path, error) from error
        return finalize(doc, config, findings)


def _url_matcher(patterns: Iterable[str]) -> re.Pattern[str] | None:
    patterns = tuple(patterns)
    if not patterns:
        return None
    return re.compile("|".join(fnmatch.translate(p) for p in patterns), re.IGNORECASE)


def _related_paths(path: str, related: tuple[Related, ...]) -> tuple[Related, ...]:
    """Related places in other files (a rule names them relative to the list's folder) as
    paths like the list's own, so every report can point at them."""
    folder = posixpath.dirname(path.replace("\\", "/"))
    return tuple(
        replace(r, file=posixpath.join(folder, r.file)) if r.file and folder else r for r in related
    )


def finalize(doc: Document, config: Config, findings: Iterable[Finding]) -> list[Finding]:
    """Apply severities, lint comments and allow-lists; fill in the file; sort."""
    mask = build_mask(doc)
    allowed_url = _url_matcher(config.allow.urls)
    allowed_sections = {name.casefold() for name in config.allow.sections}
    kept: list[Finding] = []
    for finding in findings:
        if mask.hides(finding.rule, finding.line):
            continue
        if allowed_url and finding.url and allowed_url.match(finding.url):
            continue
        if allowed_sections and any(
            part.casefold() in allowed_sections for part in doc.section_path_at(finding.line)
        ):
            continue
        severity = config.rule_severity(finding.rule) or finding.severity
        related = finding.related
        if any(r.file for r in related):
            related = _related_paths(doc.path, related)
        kept.append(  # built directly: dataclasses.replace costs 3x (many findings: seconds)
            Finding(
                rule=finding.rule,
                message=finding.message,
                span=finding.span,
                severity=severity,
                file=doc.path,
                url=finding.url,
                related=related,
                fix=finding.fix,
                data=finding.data,
            )
        )
    kept.sort(key=Finding.sort_key)
    return kept
