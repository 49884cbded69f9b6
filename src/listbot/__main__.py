"""``python -m listbot`` and the ``listbot`` console script: the only place that exits."""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from typing import NoReturn


def main() -> None:
    # Importing listbot creates tens of thousands of objects and no garbage; the cyclic
    # collector would scan them again and again (~5 ms of every run's start-up).
    gc.disable()
    try:
        from listbot.cli import main as cli_main
    finally:
        gc.enable()
    code = cli_main()
    # The run is over: a collection now (``cli.main`` restored the usual thresholds, and
    # the next allocation would trigger one) would scan everything the run built, only
    # for the process to exit (~13 ms of a 2,000-link check).
    gc.disable()
    exit_now(code)


def exit_now(code: int) -> NoReturn:
    """Exit without tearing the interpreter down, as mypy does: freeing a run's documents,
    findings and modules object by object is work the operating system does at once (~30 ms
    of a 0.39 s lint of 2,000 entries). Exit handlers run and output is flushed first.

    A run that left another thread alive, or whose output cannot be flushed (a closed pipe),
    exits the usual way, which waits for the thread or reports the error as Python does.
    """
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()  # weakref finalizers (temporary files), logging, coverage
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)


if __name__ == "__main__":
    main()
