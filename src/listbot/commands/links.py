"""``listbot links [FILE...]``: only the link checks (dead-link, redirect, link-unverified, ...).

Same output options as ``lint``; ``--dump`` lists the links instead of checking them.
Progress goes to stderr with rich, only on a terminal; :func:`link_progress` is shared
with ``lint``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from listbot.api import lint_paths
from listbot.commands.common import (
    Inputs,
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
    write_output,
)
from listbot.config import Config

ProgressCallback = Callable[..., None]
"""``(name, done, total, failures, note="")``: see :class:`listbot.checks.Progress`."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "links",
        help="check every http(s) link: dead, permanently redirected, unverified, private",
        description="Check every http(s) link in Markdown lists, once per URL, politely "
        "(per-host limits, retries, Retry-After). Dead links are errors; redirects, links that "
        "could not be verified and private addresses are warnings. Exit 2 when there is no "
        "network at all.",
    )
    add_input_arguments(parser, verb="check")
    parser.add_argument(
        "--dump",
        action="store_true",
        help="print the links that would be checked (URL, lines, whether excluded); check nothing",
    )
    add_network_options(parser)
    add_config_options(parser)
    add_show_settings(parser)
    add_output_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = resolve_config(args, input_anchor(args))
    if not args.select:
        from listbot.checks.links import RULES

        config = replace(config, select=tuple(rule.id for rule in RULES), extend_select=())
    if args.show_settings:
        return show_settings(config)
    inputs = resolve_inputs(args)
    if args.dump:
        return dump(args, inputs, config)
    options = network_options(args)
    if not options.get("store_path"):
        options["store_path"] = config.section("links").cache_path
    with link_progress(args) as progress:
        result = lint_paths(
            inputs.paths, config, options=options, progress=progress, documents=inputs.documents
        )
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

        def update(name: str, done: int, total: int, failures: int, note: str = "") -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(f"checking {name}", total=total, failures=0)
            description = f"checking {name}" + (f" ({note})" if note else "")
            bar.update(
                tasks[name],  # type: ignore[arg-type]
                completed=done,
                total=total,
                failures=failures,
                description=description,
            )

        yield update


def dump(args: argparse.Namespace, inputs: Inputs, config: Config) -> int:
    """``--dump``: every http(s) link once, where it is, and whether it would be excluded.

    Text: ``URL<TAB>FILE:LINE,LINE...`` (one tab-separated column per file), then
    ``<TAB>excluded`` for links the configuration excludes; the URL comes first so the
    output pipes into other tools. JSON: a list of ``{url, excluded, files: {FILE: [LINE...]}}``.
    Unreadable files are reported as in a check (exit 2).
    """
    import json

    from listbot.checks.links import collect_jobs, exclusion
    from listbot.parse import parse_file
    from listbot.source import InputError

    documents = list(inputs.documents)
    errors: list[str] = []
    for path in inputs.paths:
        try:
            documents.append(parse_file(path))
        except InputError as error:
            errors.append(str(error))
    excluded = exclusion(config.section("links"), config.allow.urls)
    records: list[dict[str, Any]] = []
    for job in collect_jobs(documents):
        files: dict[str, list[int]] = {}
        for document, link in job.occurrences:
            lines = files.setdefault(document.path, [])
            if link.line not in lines:
                lines.append(link.line)
        records.append({"url": job.url, "excluded": excluded(job.url), "files": files})
    if args.format == "json":
        text = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    else:
        text = "".join(_dump_line(record) for record in records)
    for message in errors:
        print(f"listbot: error: {message}", file=sys.stderr)
    write_output(args, text)
    return 2 if errors else 0


def _dump_line(record: dict[str, Any]) -> str:
    columns = [record["url"]]
    columns += [f"{path}:{','.join(map(str, lines))}" for path, lines in record["files"].items()]
    if record["excluded"]:
        columns.append("excluded")
    return "\t".join(columns) + "\n"
