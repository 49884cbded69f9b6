"""Pause Python's cyclic garbage collector around allocation-heavy, cycle-free work.

Parsing and linting allocate hundreds of thousands of small objects that all stay alive
(tokens, links, findings). Each full collection, triggered by the allocation count, rescans
every one of them, which made time grow faster than the list (30,000 entries took several
times 10x of 3,000). None of this work creates reference cycles that need collecting, so
the collector is paused for its duration and restored afterwards.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_freeze_after = False


@contextlib.contextmanager
def freezing_after_pauses() -> Iterator[None]:
    """For a process that runs one command and exits (the CLI): what a pause made is then
    frozen (``gc.freeze``) when the pause ends, out of every later collection's sight.

    The collector still counts allocations while it is paused, so the first one after a
    pause started a collection of everything the pause made: 12 ms after parsing 10,000
    entries, to find nothing to free. Frozen objects are still freed by reference counting;
    only a cycle made before a pause would wait for the end: so this is the command line's
    choice, not the library's. Unfrozen on the way out, for callers that run it in-process.
    """
    global _freeze_after
    before = _freeze_after
    _freeze_after = True
    try:
        yield
    finally:
        _freeze_after = before
        if not before:
            gc.unfreeze()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if _freeze_after:
                gc.freeze()
            gc.enable()
