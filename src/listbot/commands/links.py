"""``listbot links FILE...``: only the link checks (dead-link, redirect, link-unverified, ...).

Same output options as ``lint``. Progress goes to stderr with rich, only on a terminal;
:func:`link_progress` is shared with ``lint``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
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

ProgressCallback = Callable[[str, int, int, int], None]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "links",
        help="check every http(s) link: dead, permanently redirected, unverified, private",
        description="Check every http(s) link in Markdown lists, once per URL, politely "
        "(per-host limits, retries, Retry-After). Dead links are errors; redirects, links that "
        "could not be verified and private addresses are warnings. Exit 2 when there is no "
        "network at all.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="Markdown files to check")
    add_network_options(parser)
    add_config_options(parser)
    add_output_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.files]
    config = resolve_config(args, paths[0])
    if not args.select:
        from listbot.checks.links import RULES

        config = replace(config, select=tuple(rule.id for rule in RULES), extend_select=())
    options = network_options(args)
    if not options.get("store_path"):
        options["store_path"] = config.section("links").cache_path
    with link_progress(args) as progress:
        result = lint_paths(paths, config, options=options, progress=progress)
    return report(args, result)


@contextmanager
def link_progress(
    args: argparse.Namespace, stream: object = None
) -> Iterator[ProgressCallback | None]:
    """A rich progress bar on stderr (checked / total, failures, ETA) when it is a terminal."""
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    if getattr(args, "quiet", False) or not (isatty and isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failures]} failing"),
        TimeRemainingColumn(),
    )
    console = Console(file=stream, stderr=stream is sys.stderr)  # type: ignore[arg-type]
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, object] = {}

        def update(name: str, done: int, total: int, failures: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(f"checking {name}", total=total, failures=0)
            bar.update(tasks[name], completed=done, total=total, failures=failures)  # type: ignore[arg-type]

        yield update
