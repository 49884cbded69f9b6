"""Benchmark the rules that index the whole list: double-link, duplicate-entry, year-mismatch,
tracking-parameter, insecure-link.

Prints, for generated paper lists of 3,000 and 30,000 entries (titles that share their
first and last words, so the near-equal blocks are as full as they get, plus real
repeats and a tracking parameter on every entry) and for bench/lint.py's classic list,
the median CPU time (``time.process_time``: the machine may be shared) of the five rules
over N runs on an already parsed Document (the first run fills the Document's caches),
the number of findings, and the growth factor. Target: 10x entries <= 11x time.

Each size is measured twice: with Python's default garbage collector, and with
``gc.freeze()`` after parsing. The rules themselves are linear; with the default collector
the 30,000-entry Document (hundreds of thousands of objects) is rescanned by every full
collection that the findings' allocations trigger, which adds a superlinear term.

    python bench/duplicates.py [--runs 3]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import statistics
import time
from collections.abc import Callable

from listbot.config import Config
from listbot.engine import run_rules
from listbot.parse import parse

try:  # run as a script, bench/ is on sys.path
    from lint import generate_list
except ImportError:  # pragma: no cover
    from bench.lint import generate_list

RULE_IDS = (
    "double-link",
    "duplicate-entry",
    "year-mismatch",
    "tracking-parameter",
    "insecure-link",
)
WORDS = ("sparse", "dense", "robust", "efficient", "scalable", "neural", "causal", "graph")


def generate(entries: int) -> str:
    """A paper list: sections of 100 entries; every 50th entry repeats an earlier paper."""
    out = ["# Awesome Generated Papers", ""]
    for n in range(entries):
        if n % 100 == 0:
            out += ["", f"## Section {n // 100}", ""]
        if n % 50 == 49:
            k = n - 40  # a repeat: same title, another URL (double-link and duplicate-entry)
            out.append(
                f"- **Learning {WORDS[k % 8]} models number {k} with language models**, "
                f"arXiv {2019 + k % 5}. "
                f"[Paper](https://doi.org/10.48550/arXiv.{2001 + k % 9}.{k:05d}) "
                f"[PDF](http://arxiv.org/pdf/{2001 + k % 9}.{k:05d}v2.pdf)"
            )
            continue
        out.append(
            f"- **Learning {WORDS[n % 8]} models number {n} with language models**, "
            f"NeurIPS {2020 + n % 5}. [Paper](https://arxiv.org/abs/{2001 + n % 9}.{n:05d}) "
            f"[Code](https://github.com/lab{n % 97}/repo{n}?utm_source=list)"
        )
    return "\n".join(out) + "\n"


def measure(
    entries: int, runs: int, *, freeze: bool, make: Callable[[int], str] = generate
) -> tuple[float, int]:
    doc = parse(make(entries), f"<generated {entries}>")
    if freeze:
        gc.freeze()  # the parsed Document is permanent: the collector stops rescanning it
    config = Config(select=RULE_IDS)
    times: list[float] = []
    count = 0
    run_rules(doc, config)  # warm-up: Document caches, normalisation caches
    for _ in range(runs):
        start = time.process_time()
        count = len(run_rules(doc, config))
        times.append(time.process_time() - start)
    if freeze:
        gc.unfreeze()
    return statistics.median(times), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"rules: {', '.join(RULE_IDS)}")
    lists = (
        ("paper list, a finding on every entry", generate),
        ("bench/lint.py list", generate_list),
    )
    for (name, make), freeze in itertools.product(lists, (False, True)):
        small, small_count = measure(3_000, args.runs, freeze=freeze, make=make)
        large, large_count = measure(30_000, args.runs, freeze=freeze, make=make)
        label = "gc.freeze() after parse" if freeze else "default gc"
        print(f"-- {name}, {label}")
        print(f" 3,000 entries: {small * 1000:8.1f} ms  ({small_count} findings)")
        print(f"30,000 entries: {large * 1000:8.1f} ms  ({large_count} findings)")
        print(f"growth for 10x entries: {large / small:.2f}x (target <= 11x)")


if __name__ == "__main__":
    main()
