"""``listbot lint [FILE...]``: every rule, and the network checks unless ``--offline``."""

from __future__ import annotations

import argparse

from listbot.api import lint_paths
from listbot.commands.common import (
    add_config_options,
    add_input_arguments,
    add_network_options,
    add_output_options,
    add_show_settings,
    input_anchor,
    network_options,
    report,
    resolve_config,
    resolve_inputs,
    show_settings,
)
from listbot.commands.links import link_progress
from listbot.source import InputError


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
        from listbot.commands.fix import run_fix_command

        return run_fix_command(args, inputs.paths, config)
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
