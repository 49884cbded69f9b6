"""``listbot export FILE --format json``: entries as structured data (ecosyste.ms-compatible)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from listbot.commands.common import write_output
from listbot.config import load_config
from listbot.export import export_document
from listbot.parse import parse_file


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export entries as JSON",
        description="Write the list's entries as JSON in the shape of ecosyste.ms awesome's "
        "list projects (category, sub_category, name, url, description), plus positions, "
        "section path, links and paper fields.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--format", choices=("json",), default="json")
    parser.add_argument("--output", "-o", metavar="PATH", help="write to PATH instead of stdout")
    parser.add_argument(
        "--config",
        metavar="PATH",
        type=Path,
        help="configuration file to check (default: the one found from the list's folder up)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Export uses no option, but a broken configuration is reported by every command, so a
    # typo in it never goes unnoticed until some other command runs.
    load_config(args.config, near=Path(args.files[0]))
    documents = [export_document(parse_file(path)) for path in args.files]
    payload = documents[0] if len(documents) == 1 else documents
    write_output(args, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return 0
