"""``listbot config``: print the reference configuration, validate a configuration file, or
show the settings that apply to a list."""

from __future__ import annotations

import argparse
from pathlib import Path

from listbot.config import load_config
from listbot.config_reference import render_reference_config


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "config",
        help="print the reference configuration or check a configuration file",
        description="Without options, print every option with its default and a comment "
        "(the reference config.toml). With --check PATH, validate PATH and exit 2 on errors. "
        "With --show [PATH], print which configuration file applies to the list at PATH "
        "(default: the current folder) and the settings that result.",
    )
    parser.add_argument(
        "--check", metavar="PATH", type=Path, help="validate this configuration file"
    )
    parser.add_argument(
        "--show",
        metavar="PATH",
        nargs="?",
        const=".",
        help="print the configuration file found for the list at PATH (default: here) and "
        "the resulting settings",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.show is not None:
        from listbot.commands.common import show_settings

        return show_settings(load_config(near=Path(args.show)))
    if args.check:
        config = load_config(args.check)
        print(f"{config.source}: ok")
        return 0
    print(render_reference_config(), end="")
    return 0
