"""The ``listbot`` command line: parse arguments, dispatch to a command, map errors to exit codes.

Commands live in :mod:`listbot.commands`, one module each with ``add_parser`` and ``run``.
``main(argv)`` returns the exit code and never calls ``sys.exit`` (only ``__main__`` does):
0 clean, 1 findings at error severity, 2 usage, configuration or input error.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from listbot import __version__
from listbot.commands.common import OutputError
from listbot.config import ConfigError
from listbot.engine import RuleCrash
from listbot.gcpause import freezing_after_pauses
from listbot.source import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# Command modules in listbot.commands, in the order `listbot --help` shows them.
COMMANDS: tuple[str, ...] = ("lint", "links", "rules", "explain", "export", "config", "github")


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() owns the exit code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


class UsageError(Exception):
    """Wrong arguments; printed as one line with a hint, exit 2."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` that one command (the others' modules are
    not imported: a tenth of ``import listbot.cli``, paid on every run)."""
    parser = _Parser(
        prog="listbot",
        description="Lint, link-check and review curated awesome lists.",
        epilog="Run `listbot COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"listbot {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS if only is None else (only,):
        module = importlib.import_module(f"listbot.commands.{name}")
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run listbot with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    # A command builds large, long-lived, acyclic structures (tokens, entries, findings):
    # the collector's frequent passes over them cost ~10% of a lint, so it runs rarely
    # (as in mypy). Restored on return, for callers that run main() in-process.
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        with freezing_after_pauses():
            return _run(argv)
    finally:
        gc.set_threshold(*thresholds)


def _run(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # A command named first needs only its own parser; anything else (help, a typo) all.
    parser = build_parser(arguments[0] if arguments and arguments[0] in COMMANDS else None)
    try:
        args = parser.parse_args(arguments)
        if not getattr(args, "run", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        return int(args.run(args))
    except SystemExit as exit_:  # --help and --version
        return int(exit_.code or 0)
    except UsageError as error:
        print(f"{error}\nRun `listbot --help` for usage.", file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as error:
        for problem in error.problems:
            print(f"listbot: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except (InputError, OutputError) as error:
        print(f"listbot: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except RuleCrash as error:
        print(
            f"listbot: {error}\n"
            "This is a bug in listbot; please report it with the file that caused it.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("listbot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
