"""``listbot config``: print the reference configuration, or validate a configuration file."""

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
        "(the reference config.toml). With --check PATH, validate PATH and exit 2 on errors.",
    )
    parser.add_argument(
        "--check", metavar="PATH", type=Path, help="validate this configuration file"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.check:
        config = load_config(args.check)
        print(f"{config.source}: ok")
        return 0
    print(render_reference_config(), end="")
    return 0
