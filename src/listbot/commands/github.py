"""``listbot github review`` and ``listbot github link-rot``: the bot, wired to the CLI
(``listbot github maintain`` is in :mod:`listbot.commands.maintain`).

Both read the GitHub Actions environment (``GITHUB_EVENT_PATH``, ``GITHUB_REPOSITORY``,
``GITHUB_API_URL``, ``GITHUB_TOKEN``, ``GITHUB_STEP_SUMMARY``) and accept the same facts
as options. The token is handed to the client and never printed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from listbot.api import lint_paths
from listbot.commands.common import notice, resolve_config
from listbot.commands.github_common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    problems,
)
from listbot.commands.github_common import add_common as _add_common
from listbot.commands.github_common import api_url_for as _api_url
from listbot.commands.github_common import network_options as _network_options
from listbot.commands.github_common import repo_for as _repo
from listbot.commands.github_common import setup as _setup
from listbot.commands.github_common import token_for as _token
from listbot.config import ConfigError
from listbot.findings import Finding, Severity
from listbot.github.options import FILTER_MODES, GithubOptions


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "github",
        help="review pull requests, keep a link-rot issue and a maintenance pull request",
        description="The GitHub bot: `review` comments on a pull request's changed lines, "
        "`link-rot` keeps one issue about broken links up to date, `maintain` also fixes what "
        "it safely can in one pull request.",
    )
    commands = parser.add_subparsers(dest="github_command", metavar="COMMAND")
    review = commands.add_parser(
        "review",
        help="lint a pull request's changed list files and post one review",
        description="Lint the list files a pull request changes, at its head commit, and post "
        "one review with comments on the changed lines. Fork pull requests get workflow "
        "annotations and a job summary instead. Exit status as for `lint`.",
    )
    review.add_argument("--repo", metavar="OWNER/NAME", help="default: GITHUB_REPOSITORY")
    review.add_argument(
        "--pr", type=int, metavar="N", help="default: the pull request of GITHUB_EVENT_PATH"
    )
    review.add_argument(
        "--filter-mode", choices=FILTER_MODES, help="default: [github] filter_mode (added)"
    )
    review.add_argument(
        "--offline", action="store_true", help="skip every check that needs the network"
    )
    review.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are errors"
    )
    _add_common(review)
    review.set_defaults(run=run_review)
    rot = commands.add_parser(
        "link-rot",
        help="check every link and keep one issue about broken links",
        description="Check every link in the list files and keep one open issue (label "
        "[github] link_rot_label) listing links that failed in [links] report_after "
        "consecutive runs; close it when everything passes.",
    )
    rot.add_argument("files", nargs="*", default=["README.md"], metavar="FILE")
    rot.add_argument("--repo", metavar="OWNER/NAME", help="default: GITHUB_REPOSITORY")
    rot.add_argument(
        "--dry-run", action="store_true", help="print the issue body; change nothing on GitHub"
    )
    _add_common(rot)
    rot.set_defaults(run=run_link_rot)
    from listbot.commands.maintain import add_parser as add_maintain

    add_maintain(commands)
    parser.set_defaults(run=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_ERROR


# -- review ----------------------------------------------------------------------------------


def _event() -> dict[str, Any]:
    path = os.environ.get("GITHUB_EVENT_PATH")
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(f"{path}: cannot read the GitHub event: {error}") from None
    return data if isinstance(data, dict) else {}


def run_review(args: argparse.Namespace) -> int:
    from listbot.github.api import GitHubClient, GitHubError
    from listbot.github.review import PullTarget, target_from_event
    from listbot.github.review import run_review as review

    config, options, token, api_url = _setup(args, Path(args.config) if args.config else Path.cwd())
    if args.filter_mode:
        options = replace(options, filter_mode=args.filter_mode)
    repo = _repo(args)
    target = None if args.pr else target_from_event(_event(), repo)
    if not args.pr and target is None:
        notice(args, "not a pull request event and no --pr: nothing to review")
        return EXIT_OK
    network = _network_options(args, config, token, api_url)

    def lint(documents: Any, lines: Any) -> Any:
        return lint_paths(
            [], config, offline=args.offline, lines=lines, documents=documents, options=network
        )

    with GitHubClient(token, api_url=api_url) as client:
        try:
            if target is None:
                info = client.pull_info(repo, args.pr)
                target = PullTarget(repo, args.pr, info.head_sha, info.from_fork)
            outcome = review(client, target, options, lint, config)
        except GitHubError as error:
            print(f"listbot: error: {error}", file=sys.stderr)
            return EXIT_ERROR
    for message in dict.fromkeys(outcome.notices):
        notice(args, message)
    for problem in outcome.input_errors:
        print(f"listbot: error: {problem}", file=sys.stderr)
    if outcome.fallback_reason:
        _fallback(outcome.findings, outcome.fallback_reason)
    else:
        posted = f"{outcome.inline_posted} inline, {outcome.body_posted} in the review body"
        notice(
            args,
            f"review of #{target.number}: {len(outcome.findings)} findings; posted {posted}; "
            f"{outcome.deleted} stale comments deleted; summary {outcome.summary}",
        )
    if outcome.input_errors or outcome.fatal:
        if outcome.fatal:
            print(f"listbot: error: {outcome.fatal}", file=sys.stderr)
        return EXIT_ERROR
    return _exit(args, outcome.findings)


def _exit(args: argparse.Namespace, findings: list[Finding]) -> int:
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def _fallback(findings: list[Finding], reason: str) -> None:
    """Annotations on stdout and the full table in the job summary."""
    from listbot.github.annotations import job_summary, workflow_commands

    print(f"listbot: {reason}", file=sys.stderr)
    for line in workflow_commands(findings):
        print(line)
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        try:
            with open(summary_path, "a", encoding="utf-8") as handle:
                handle.write(job_summary(findings, reason=reason))
        except OSError as error:
            print(
                f"listbot: cannot write the job summary: {error.strerror or error}", file=sys.stderr
            )


# -- link rot --------------------------------------------------------------------------------


def run_link_rot(args: argparse.Namespace) -> int:
    from listbot.checks.links import should_report
    from listbot.github.api import GitHubClient, GitHubError
    from listbot.github.linkrot import issue_body, rows_for, sync_issue
    from listbot.net.policy import url_key
    from listbot.store import open_store

    paths = [Path(p) for p in args.files]
    if args.dry_run:
        config = resolve_config(args, paths[0])
        options: GithubOptions = config.section("github")
        token = _token(args, options) or ""
        api_url = _api_url(args, options)
    else:
        config, options, token, api_url = _setup(args, paths[0])
        repo = _repo(args)
    network = {**_network_options(args, config, token, api_url), "archive_lookup": True}
    result = lint_paths(
        paths, replace(config, select=("links",), extend_select=()), options=network
    )
    left = "the link-rot issue is left as it is"
    if problems(args, result.notices, result.input_errors, result.fatal, left):
        return EXIT_ERROR
    links_options = config.section("links")
    with open_store(network["store_path"]) as store:

        def first_failure(url: str) -> float | None:
            history = store.history(url_key(url))
            return history.first_failure if history else None

        rows = rows_for(
            result.links, lambda record: should_report(store, record, links_options), first_failure
        )
    if args.dry_run:
        sys.stdout.write(issue_body(rows) + "\n" if rows else "No broken links to report.\n")
        return EXIT_OK
    try:
        with GitHubClient(token, api_url=api_url) as client:
            outcome = sync_issue(client, repo, rows, options)
    except GitHubError as error:
        print(f"listbot: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    where = f" #{outcome.number}" if outcome.number else ""
    notice(args, f"link-rot issue{where}: {outcome.action} ({len(rows)} broken links)")
    if outcome.closed_duplicates:
        notice(
            args,
            "closed duplicate issues: " + ", ".join(f"#{n}" for n in outcome.closed_duplicates),
        )
    return EXIT_OK
