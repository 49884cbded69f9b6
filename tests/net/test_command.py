"""The ``links`` command's pieces that need no parser: progress display, parser wiring."""

from __future__ import annotations

import argparse
import io

from listbot.cli import build_parser
from listbot.commands.links import link_progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_on_a_pipe() -> None:
    with link_progress(argparse.Namespace(quiet=False), io.StringIO()) as progress:
        assert progress is None


def test_no_progress_when_quiet() -> None:
    with link_progress(argparse.Namespace(quiet=True), _Terminal()) as progress:
        assert progress is None


def test_progress_on_a_terminal_shows_counts_and_failures() -> None:
    stream = _Terminal()
    with link_progress(argparse.Namespace(quiet=False), stream) as progress:
        assert progress is not None
        progress("links", 3, 10, 1)
        progress("links", 10, 10, 2)
    assert "10/10" in stream.getvalue() and "2 failing" in stream.getvalue()


def test_progress_says_when_the_run_stopped_early() -> None:
    stream = _Terminal()
    with link_progress(argparse.Namespace(quiet=False), stream) as progress:
        assert progress is not None
        progress("links", 24, 3000, 24)
        progress("links", 24, 3000, 24, note="no network: stopped after 24 links")
    assert "no network: stopped after 24 links" in stream.getvalue()


def test_links_command_takes_the_network_and_output_options() -> None:
    args = build_parser().parse_args(
        ["links", "README.md", "--no-cache", "--allow-private", "--format", "json"]
    )
    assert args.command == "links" and args.no_cache and args.allow_private
    assert args.format == "json"
