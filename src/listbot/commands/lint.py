"""``listbot lint [FILE...]``: every rule, and the network checks unless ``--offline``."""

from __future__ import annotations

import argparse
import os
import sys

from listbot.api import RunResult, lint_paths
from listbot.commands.common import (
    add_config_options,
    add_input_arguments,
    add_link_options,
    add_output_options,
    add_show_settings,
    input_anchor,
    notice,
    resolve_config,
    resolve_inputs,
    show_settings,
    use_color,
    write_output,
)
from listbot.findings import Severity
from listbot.report import ReportContext, render
from listbot.source import InputError


def add_network_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("network checks")
    group.add_argument(
        "--cache",
        metavar="PATH",
        help="results store (default: [links] cache_path, .listbot/cache.sqlite)",
    )
    group.add_argument("--no-cache", action="store_true", help="ignore stored results for this run")
    group.add_argument(
        "--allow-private",
        action="store_true",
        help="check links to loopback, private and link-local addresses too",
    )
    add_link_options(parser)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="lint lists: formatting, structure, duplicates, and (unless --offline) dead links",
        description="Lint Markdown lists with every selected rule and, unless --offline, the "
        "network checks (dead links, arXiv metadata, GitHub repositories).",
    )
    add_input_arguments(parser, verb="lint")
    parser.add_argument(
        "--offline", action="store_true", help="skip every check that needs the network"
    )
    fixes = parser.add_argument_group("fixes")
    fixes.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fixes.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; change nothing"
    )
    fixes.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply fixes that may change meaning"
    )
    add_network_options(parser)
    add_config_options(parser)
    add_show_settings(parser)
    add_output_options(parser)
    parser.set_defaults(run=run)


def network_options(args: argparse.Namespace) -> dict[str, object]:
    fixing = getattr(args, "fix", False) or getattr(args, "diff", False)
    return {
        "store_path": getattr(args, "cache", None),
        "no_cache": getattr(args, "no_cache", False),
        "allow_private": getattr(args, "allow_private", False),
        # Only an unsafe fix uses archived copies: ask the archive only then.
        "archive_lookup": bool(fixing and getattr(args, "unsafe_fixes", False)),
    }


def exit_code(args: argparse.Namespace, result: RunResult) -> int:
    if result.input_errors or result.fatal:
        return 2
    if args.exit_zero:
        return 0
    return 1 if any(f.severity is Severity.ERROR for f in result.findings) else 0


def report_extra(result: RunResult) -> dict[str, object]:
    """Facts some formats need: file lines (rdjson byte columns), a blob URL base for links."""
    extra: dict[str, object] = {"lines": {d.path: d.lines for d in result.documents}}
    server, repo, sha = (
        os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
    )
    if server and repo and sha:
        extra["link_base"] = f"{server}/{repo}/blob/{sha}/"
    return extra


def report(args: argparse.Namespace, result: RunResult, *, fixed: int = 0) -> int:
    """Print input errors and notices, render the report, return the exit code."""
    for error in result.input_errors:
        print(f"listbot: error: {error}", file=sys.stderr)
    # GitHub annotations on stdout already carry the notices: print them once.
    annotated = args.format == "github" and not getattr(args, "output", None)
    if not annotated:
        for message in dict.fromkeys(result.notices):
            notice(args, message)
        if result.fatal:
            print(f"listbot: error: {result.fatal}", file=sys.stderr)
    context = ReportContext(
        files=tuple(d.path for d in result.documents),
        links=tuple(result.links),
        color=use_color(args),
        statistics=args.statistics,
        fixed=fixed,
        quiet=args.quiet,
        extra=report_extra(result),
        notices=tuple(result.notices),
        fatal=result.fatal,
        input_errors=len(result.input_errors),
        run=result.run,
    )
    if result.documents or args.format != "text":
        write_output(args, render(args.format, result.findings, context))
    return exit_code(args, result)


def run(args: argparse.Namespace) -> int:
    config = resolve_config(args, input_anchor(args))
    if args.show_settings:
        return show_settings(config)
    inputs = resolve_inputs(args)
    if args.fix or args.diff:
        if inputs.stdin is not None:
            raise InputError(
                f"{inputs.stdin.path}: --fix and --diff change files; "
                "lint standard input without them"
            )
        from listbot.fix import run_fix_command

        return run_fix_command(args, inputs.paths, config)
    from listbot.commands.links import link_progress

    options = network_options(args)
    if not options["store_path"] and not args.offline:
        options["store_path"] = config.section("links").cache_path
    with link_progress(args) as progress:
        result = lint_paths(
            inputs.paths,
            config,
            offline=args.offline,
            options=options,
            progress=progress,
            documents=inputs.documents,
        )
    return report(args, result)
