"""``listbot github maintain``: the scheduled job that fixes links in one pull request.

A thin shell over :func:`listbot.github.maintain.run_maintenance`: it reads the GitHub
Actions environment (``GITHUB_REPOSITORY``, ``GITHUB_API_URL``, ``GITHUB_TOKEN``) or the
same facts as options, and prints one notice per outcome. ``--dry-run`` checks and fixes
the files in the working folder and prints the pull request's and the issue's bodies.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path, PurePosixPath

from listbot.commands.common import notice, resolve_config
from listbot.commands.github_common import (
    EXIT_ERROR,
    EXIT_OK,
    add_common,
    api_url_for,
    network_options,
    problems,
    repo_for,
    setup,
    token_for,
)
from listbot.config import Config, ConfigError
from listbot.source import InputError


def add_parser(commands: argparse._SubParsersAction) -> None:
    maintain = commands.add_parser(
        "maintain",
        help="check every link, fix what is safe in one pull request, keep the link-rot issue",
        description="Check the list files at the head of the default branch, apply the safe "
        "fixes of [maintain] rules (moved pages, renamed repositories, http links, tracking "
        "parameters, arXiv link forms) and keep one pull request from [maintain] branch "
        "with them, rebuilt on the default branch by every run and closed when nothing is "
        "left to fix; broken links it cannot fix go to the link-rot issue. Needs "
        "contents: write, pull-requests: write and issues: write; without the first two it "
        "keeps the issue only. Exit 0 unless something went wrong (2).",
    )
    maintain.add_argument(
        "files",
        nargs="*",
        default=["README.md"],
        metavar="FILE",
        help="list files, as paths in the repository (default: README.md)",
    )
    maintain.add_argument("--repo", metavar="OWNER/NAME", help="default: GITHUB_REPOSITORY")
    maintain.add_argument("--branch", metavar="NAME", help="default: [maintain] branch")
    maintain.add_argument(
        "--dry-run",
        action="store_true",
        help="check and fix the files in this folder; print the pull request's and the "
        "issue's bodies; change nothing (`listbot lint --diff --select RULES` shows the diff)",
    )
    add_common(maintain)
    maintain.set_defaults(run=run_maintain)


def repository_path(name: str) -> str:
    """A FILE argument as a path in the repository (``./a.md`` -> ``a.md``)."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts or str(path) == ".":
        raise InputError(f"{name}: name list files by their path in the repository, e.g. README.md")
    return str(path)


def _with_branch(config: Config, branch: str | None) -> Config:
    if not branch:
        return config
    try:
        options = replace(config.section("maintain"), branch=branch)
    except ValueError as error:
        raise ConfigError(f"--branch: {error}") from None
    return replace(config, sections={**config.sections, "maintain": options})


def run_maintain(args: argparse.Namespace) -> int:
    from listbot.github.api import GitHubClient, GitHubError
    from listbot.github.maintain import run_maintenance

    paths = [repository_path(name) for name in args.files]
    if args.dry_run:
        return _dry_run(args, paths)
    config, _, token, api_url = setup(args, Path(paths[0]))
    config = _with_branch(config, args.branch)
    repo = repo_for(args)
    network = network_options(args, config, token, api_url)
    try:
        with GitHubClient(token, api_url=api_url) as client:
            outcome = run_maintenance(client, repo, paths, config, network)
    except GitHubError as error:
        print(f"listbot: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    prepared = outcome.prepared
    left = "the pull request and the link-rot issue are left as they are"
    if problems(args, prepared.notices, prepared.input_errors, prepared.fatal, left):
        return EXIT_ERROR
    pull = outcome.pull
    if pull.notice:
        notice(args, pull.notice)
    fixes = len(prepared.plan.changes)
    where = f" #{pull.number}" if pull.number else ""
    notice(args, f"maintenance pull request{where}: {pull.action} ({fixes} fixes)")
    if outcome.issue is not None:
        issue = outcome.issue
        where = f" #{issue.number}" if issue.number else ""
        rows = len(outcome.issue_rows)
        notice(args, f"link-rot issue{where}: {issue.action} ({rows} broken links)")
    return EXIT_OK


def _dry_run(args: argparse.Namespace, paths: list[str]) -> int:
    from listbot.github.linkrot import issue_body
    from listbot.github.maintain import body_for
    from listbot.github.maintain_check import ListFile, prepare
    from listbot.source import read_source

    config = _with_branch(resolve_config(args, Path(paths[0])), args.branch)
    options = config.section("maintain")
    github_options = config.section("github")
    token = token_for(args, github_options) or ""
    network = network_options(args, config, token, api_url_for(args, github_options))
    files = []
    for path in paths:
        source = read_source(path)
        data = (("\ufeff" if source.bom else "") + source.text).encode("utf-8")
        files.append(ListFile(path, "100644", data))
    prepared = prepare(files, config, options, network, base="0" * 40, base_branch="(default)")
    left = "nothing was changed"
    if problems(args, prepared.notices, prepared.input_errors, prepared.fatal, left):
        return EXIT_ERROR
    out = []
    if prepared.plan.files:
        out.append(body_for(prepared, options, None))
    else:
        out.append("Nothing to fix: no pull request.")
    rows = [row for row in prepared.rows if row.url not in prepared.replaced]
    out.append(issue_body(rows) if rows else "No broken links to report.")
    sys.stdout.write("\n\n".join(out) + "\n")
    return EXIT_OK
