"""Options and steps shared by several commands: inputs, configuration, selection, output."""

from __future__ import annotations

import argparse
import errno
import math
import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from listbot.api import RunResult
from listbot.config import Config, ConfigError, RuleSettings, load_config
from listbot.findings import Severity
from listbot.report import FORMATS, ReportContext, render
from listbot.source import InputError

if TYPE_CHECKING:
    from listbot.model import Document

STDIN = "-"
"""The file name that means standard input."""


def add_input_arguments(parser: argparse.ArgumentParser, *, verb: str) -> None:
    """``FILE...`` (files, folders, ``-``; README.md here when none) and ``--stdin-filename``."""
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help=f"Markdown lists to {verb}: a folder means its README.md, - reads standard input "
        "(default: README.md in the current folder)",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the name of the list read from standard input: shown in positions, and where "
        "the configuration and contributing.md are looked for (implies - when no FILE)",
    )


@dataclass
class Inputs:
    """The lists a command reads: files on disk, and at most one read from standard input."""

    paths: list[Path] = field(default_factory=list)
    stdin: Document | None = None

    @property
    def documents(self) -> list[Document]:
        return [self.stdin] if self.stdin is not None else []


def find_readme(folder: Path) -> Path:
    """The folder's README.md (any case; ``README.md`` itself first), or InputError."""
    try:
        names = sorted(
            entry.name
            for entry in folder.iterdir()
            if entry.name.lower() == "readme.md" and entry.is_file()
        )
    except OSError as error:
        raise InputError(f"{folder}: cannot read the folder: {error.strerror or error}") from None
    if not names:
        where = "the current folder" if folder == Path() else f"{folder}/"
        raise InputError(
            f"{where}: is a folder without a README.md; name the list to read, "
            "e.g. `listbot lint docs/list.md`"
        )
    return folder / ("README.md" if "README.md" in names else names[0])


def read_stdin(stdin_filename: str | None) -> Document:
    """Parse the list on standard input, named ``stdin_filename`` (``-`` when not given)."""
    from listbot.parse import parse, read_companions
    from listbot.source import MAX_BYTES, decode

    name = stdin_filename or STDIN
    if sys.stdin is None:
        raise InputError(f"{name}: there is no standard input to read")
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: standard input is larger than {MAX_BYTES // 2**20} MB")
    source = decode(data, name)
    # Files beside the list (contributing.md, ...) are known only when it is named.
    companions = read_companions(Path(stdin_filename)) if stdin_filename else None
    return parse(source.text, name, bom=source.bom, companions=companions)


def resolve_inputs(args: argparse.Namespace) -> Inputs:
    """What ``FILE...`` names: files as given, folders' READMEs, standard input once."""
    stdin_filename = getattr(args, "stdin_filename", None)
    names = list(args.files) or [STDIN if stdin_filename else "."]
    if names.count(STDIN) > 1:
        raise InputError(f"{STDIN}: standard input can be read only once")
    inputs = Inputs()
    for name in names:
        path = Path(name)
        if name == STDIN:
            inputs.stdin = read_stdin(stdin_filename)
        elif path.is_dir():
            inputs.paths.append(find_readme(path))
        else:
            inputs.paths.append(path)
    return inputs


def input_anchor(args: argparse.Namespace) -> Path:
    """Where the configuration is looked for: the first list named, else the current folder."""
    files = list(getattr(args, "files", None) or ())
    stdin_filename = getattr(args, "stdin_filename", None)
    first = files[0] if files else (STDIN if stdin_filename else ".")
    if first == STDIN:
        return Path(stdin_filename) if stdin_filename else Path()
    return Path(first)


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


def add_show_settings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--show-settings",
        action="store_true",
        help="print the configuration file used and the resulting settings, then exit",
    )


def show_settings(config: Config) -> int:
    """``--show-settings`` and ``listbot config --show``: print, check nothing, exit 0."""
    from listbot.config_reference import render_settings

    sys.stdout.write(render_settings(config))
    return 0


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
    group.add_argument(
        "--statistics",
        action="store_true",
        help="print only a count of findings per rule (text; other formats add the counts)",
    )
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


def add_link_options(parser: argparse.ArgumentParser) -> None:
    """lychee's link options; each overrides (or, for the patterns, extends) ``[links]``."""
    group = parser.add_argument_group("link checks (as lychee names them; they override [links])")
    group.add_argument(
        "--exclude",
        metavar="REGEX",
        action="append",
        default=[],
        help="do not check URLs this regular expression matches (repeatable; adds to "
        "[links] exclude)",
    )
    group.add_argument(
        "--include",
        metavar="REGEX",
        action="append",
        default=[],
        help="check URLs this regular expression matches even when excluded (repeatable; "
        "adds to [links] include)",
    )
    group.add_argument(
        "--accept",
        metavar="CODES",
        help="status codes that count as working besides 2xx: codes and ranges, comma-separated, "
        "e.g. 403,429 or 200..=299,403 (A..B excludes B, A..=B includes it; replaces "
        "[links] accept)",
    )
    group.add_argument(
        "--timeout", metavar="S", type=float, help="seconds for one request ([links] timeout)"
    )
    group.add_argument(
        "--max-concurrency",
        metavar="N",
        type=int,
        help="requests in flight at most, over all hosts ([links] concurrency)",
    )
    group.add_argument(
        "--max-concurrency-per-host",
        metavar="N",
        type=int,
        help="requests in flight to one host at most ([links] per_host_concurrency)",
    )


_STATUS_RANGE = re.compile(
    r"(?P<single>\d+)|(?P<start>\d+)?\.\.(?:(?P<inclusive>=)?(?P<end>\d+))?", re.ASCII
)


def parse_status_codes(text: str) -> tuple[int, ...]:
    """lychee's ``--accept`` syntax: ``403``, ``200..=299`` (inclusive), ``200..300``
    (end excluded), ``..=204``, ``500..``; comma-separated; codes from 100 to 999."""
    codes: set[int] = set()
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        match = _STATUS_RANGE.fullmatch(part)
        if match is None:
            raise ConfigError(
                f"--accept: {part!r} is neither a status code nor a range such as 200..=299"
            )
        if match["single"]:
            start = end = int(match["single"])
        else:
            start = int(match["start"] or 100)
            end = 999 if match["end"] is None else int(match["end"]) - (not match["inclusive"])
        if not 100 <= start <= end <= 999:
            raise ConfigError(f"--accept: {part!r} must name codes from 100 to 999, low to high")
        codes.update(range(start, end + 1))
    return tuple(sorted(codes))


def apply_link_options(config: Config, args: argparse.Namespace) -> Config:
    """``[links]`` with the command line's link options on top."""
    changes: dict[str, object] = {}
    links = config.section("links")
    if getattr(args, "exclude", None):
        changes["exclude"] = (*links.exclude, *args.exclude)
    if getattr(args, "include", None):
        changes["include"] = (*links.include, *args.include)
    if getattr(args, "accept", None) is not None:
        changes["accept"] = parse_status_codes(args.accept)
    for option, key in (
        ("timeout", "timeout"),
        ("max_concurrency", "concurrency"),
        ("max_concurrency_per_host", "per_host_concurrency"),
    ):
        value = getattr(args, option, None)
        if value is None:
            continue
        if not (value > 0 and math.isfinite(value)):
            flag = "--" + option.replace("_", "-")
            raise ConfigError(f"{flag}: must be more than 0, got {value}")
        changes[key] = value
    if not changes:
        return config
    try:
        links = replace(links, **changes)
    except ValueError as error:  # a pattern that is not a regular expression
        raise ConfigError(f"--exclude/--include: {error}") from None
    return replace(config, sections={**config.sections, "links": links})


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def resolve_config(args: argparse.Namespace, first_file: Path | None) -> Config:
    """The configuration file's settings with the command line's selection and link
    options on top.

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
    return with_environment_owner(apply_link_options(config, args))


def with_environment_owner(config: Config) -> Config:
    """The owner in ``GITHUB_REPOSITORY`` (GitHub Actions) as awesome-code-of-conduct's
    ``repository_owner``, when the configuration names none: rules read no environment,
    so the command layer passes it in."""
    owner = os.environ.get("GITHUB_REPOSITORY", "").partition("/")[0].strip()
    if not owner:
        return config
    rule_id = "awesome-code-of-conduct"
    options = config.rule_options(rule_id)
    if options.repository_owner:
        return config
    settings = config.rules.get(rule_id) or RuleSettings()
    updated = replace(settings, options=replace(options, repository_owner=owner))
    return replace(config, rules={**config.rules, rule_id: updated})


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
    """Write a report to ``--output`` (atomically, missing folders created) or stdout,
    always as valid UTF-8."""
    if not text.isascii():  # a lone surrogate (an undecodable path byte) must not escape
        text = text.encode("utf-8", "replace").decode("utf-8")
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
