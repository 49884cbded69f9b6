"""``listbot lint FILE...``: every rule, and the network checks unless ``--offline``."""

from __future__ import annotations

import argparse
from pathlib import Path

from listbot.api import lint_paths
from listbot.commands.common import (
    add_config_options,
    add_network_options,
    add_output_options,
    network_options,
    report,
    resolve_config,
)
from listbot.commands.links import link_progress


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="lint lists: formatting, structure, duplicates, and (unless --offline) dead links",
        description="Lint Markdown lists with every selected rule and, unless --offline, the "
        "network checks (dead links, arXiv metadata, GitHub repositories).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="Markdown files to lint")
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
    add_output_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.files]
    config = resolve_config(args, paths[0])
    if args.fix or args.diff:
        from listbot.commands.fix import run_fix_command

        return run_fix_command(args, paths, config)
    options = network_options(args)
    if not options["store_path"] and not args.offline:
        options["store_path"] = config.section("links").cache_path
    with link_progress(args) as progress:
        result = lint_paths(paths, config, offline=args.offline, options=options, progress=progress)
    return report(args, result)
