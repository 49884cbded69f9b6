"""Options and steps shared by several commands: configuration, selection, output."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from dataclasses import replace
from pathlib import Path

from listbot.api import RunResult
from listbot.config import Config, ConfigError, load_config
from listbot.findings import Severity
from listbot.report import FORMATS, ReportContext, render


def add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("configuration")
    group.add_argument(
        "--config",
        metavar="PATH",
        type=Path,
        help="configuration file (default: listbot.toml, .listbot.toml or pyproject.toml "
        "[tool.listbot] found from the list's folder upwards)",
    )
    group.add_argument(
        "--select",
        metavar="RULES",
        action="append",
        default=[],
        help="comma-separated rule ids or tags to run instead of the defaults (ALL for every rule)",
    )
    group.add_argument(
        "--extend-select",
        metavar="RULES",
        action="append",
        default=[],
        help="rule ids or tags to run in addition to the selection",
    )
    group.add_argument(
        "--ignore", metavar="RULES", action="append", default=[], help="rule ids or tags to skip"
    )


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


def add_output_options(
    parser: argparse.ArgumentParser, formats: tuple[str, ...] | None = None
) -> None:
    group = parser.add_argument_group("output")
    group.add_argument(
        "--format",
        choices=formats or tuple(FORMATS),
        default="text",
        help="report format (default: text)",
    )
    group.add_argument(
        "--output", "-o", metavar="PATH", help="write the report to PATH instead of stdout"
    )
    group.add_argument("--statistics", action="store_true", help="count findings per rule")
    group.add_argument(
        "--quiet", "-q", action="store_true", help="print findings only, no summary or notices"
    )
    group.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are errors")
    group.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (default: auto, i.e. on a terminal without NO_COLOR)",
    )


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def resolve_config(args: argparse.Namespace, first_file: Path | None) -> Config:
    """The configuration file's settings with the command line's selection on top.

    Problems in the file and on the command line are reported together.
    """
    from listbot.rules import unknown_selectors

    problems: list[str] = []
    config = Config()
    try:
        if args.config or first_file:
            config = load_config(args.config, near=first_file)
    except ConfigError as error:
        problems.extend(error.problems)
    select, extend, ignore = _split(args.select), _split(args.extend_select), _split(args.ignore)
    for option, values in (("--select", select), ("--extend-select", extend), ("--ignore", ignore)):
        problems.extend(f"{option}: {problem}" for problem in unknown_selectors(values))
    if problems:
        raise ConfigError(*problems)
    if select:
        config = replace(config, select=select, extend_select=())
    if extend:
        config = replace(config, extend_select=config.extend_select + extend)
    if ignore:
        config = replace(config, ignore=config.ignore + ignore)
    return config


def use_color(args: argparse.Namespace, stream: object | None = None) -> bool:
    stream = sys.stdout if stream is None else stream
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR") or getattr(args, "output", None):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class OutputError(Exception):
    """The report cannot be written where ``--output`` says; one line, exit 2."""


def write_output(args: argparse.Namespace, text: str) -> None:
    """Write a report to ``--output`` (atomically, missing folders created) or stdout."""
    if getattr(args, "output", None):
        from listbot.textio import write_text_atomic

        path = Path(args.output)
        try:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, text)
        except OSError as error:
            reason = error.strerror or str(error)
            if isinstance(error, FileExistsError):  # mkdir met a file where a folder should be
                reason = f"{error.filename} is not a folder"
            raise OutputError(
                f"{path}: cannot write the report ({reason}); choose another --output path"
            ) from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def notice(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(f"listbot: {message}", file=sys.stderr)


def network_options(args: argparse.Namespace) -> dict[str, object]:
    return {
        "store_path": getattr(args, "cache", None),
        "no_cache": getattr(args, "no_cache", False),
        "allow_private": getattr(args, "allow_private", False),
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
    )
    if result.documents or args.format != "text":
        write_output(args, render(args.format, result.findings, context))
    return exit_code(args, result)
