"""Benchmark ``listbot.parse.parse`` alone: the floor under every lint.

Prints the median parse wall and CPU time (in-process, after one warm-up run) and the peak Python
memory (tracemalloc) for avelino-awesome-go.md (404 KB, 3,185 items) and for generated
3,000- and 30,000-entry lists (bench/lint.py's generator), and the 30k/3k time ratio
(linear growth means about 10).

    python bench/parse.py [--runs 5] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from listbot.parse import parse

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("bench_lint", REPO / "bench" / "lint.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate_list


def measure(text: str, runs: int) -> tuple[float, float, float, int]:
    """(median wall s, median CPU s, peak traced MB, entries) for parsing ``text``.

    CPU time is printed beside wall time because a shared machine's load inflates wall time.
    """
    document = parse(text)  # warm-up: regex caches, imports
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        parse(text)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    tracemalloc.start()
    parse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    mb = peak / 1024 / 1024
    return statistics.median(walls), statistics.median(cpus), mb, len(document.all_entries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    generate = _generator()
    inputs = []
    awesome_go = args.corpus / "avelino-awesome-go.md"
    if awesome_go.is_file():
        inputs.append(("avelino-awesome-go.md", awesome_go.read_text(encoding="utf-8")))
    inputs.append(("generated 3,000 entries", generate(3000)))  # type: ignore[operator]
    inputs.append(("generated 30,000 entries", generate(30000)))  # type: ignore[operator]
    results = {}
    print(f"{'input':<28}{'KB':>8}{'entries':>9}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}")
    for name, text in inputs:
        wall, cpu, peak, entries = measure(text, args.runs)
        results[name] = cpu
        size = len(text.encode("utf-8")) / 1024
        print(f"{name:<28}{size:>8.0f}{entries:>9}{wall:>9.3f}{cpu:>9.3f}{peak:>9.1f}")
    ratio = results["generated 30,000 entries"] / results["generated 3,000 entries"]
    print(f"30k / 3k CPU time ratio: {ratio:.2f} (linear = 10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
