"""Benchmark ``listbot lint --offline --fix`` on copies of the corpus lists.

Prints, per list: fixes applied, passes, wall time of the fix (in-process, median of N
runs), the share of it spent linting (each pass re-lints), and the time of a plain lint
for comparison. The fix loop's own work (offsets, overlap checks, verification) is the
difference between the two.

    python bench/fix.py [--runs 3] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from listbot.api import lint_text
from listbot.config import Config
from listbot.fix import fix_loop
from listbot.model import Document
from listbot.source import read_source

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def measure(path: Path, runs: int) -> tuple[int, int, float, float, float]:
    source = read_source(path)
    config = Config()
    lint_seconds = 0.0

    def lint(text: str) -> tuple[list, Document | None]:
        nonlocal lint_seconds
        start = time.perf_counter()
        result = lint_text(text, source.path, config=config)
        lint_seconds += time.perf_counter() - start
        return result.findings, result.document

    walls, lints, plain = [], [], []
    applied = passes = 0
    for _ in range(runs):
        lint_seconds = 0.0
        start = time.perf_counter()
        result = fix_loop(source.text, lint)
        walls.append(time.perf_counter() - start)
        lints.append(lint_seconds)
        applied, passes = result.applied, result.passes
        start = time.perf_counter()
        lint_text(source.text, source.path, config=config)
        plain.append(time.perf_counter() - start)
    return (
        applied,
        passes,
        statistics.median(walls),
        statistics.median(lints),
        statistics.median(plain),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.glob("*.md") if p.name != "SOURCES.md")
    header = ("fixes", "passes", "fix s", "lint in fix s", "loop s", "1 lint s")
    widths = (6, 6, 7, 13, 7, 8)
    print(f"{'list':38} " + " ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True)))
    for path in files:
        applied, passes, wall, linting, plain = measure(path, args.runs)
        print(
            f"{path.name[:38]:38} {applied:>6} {passes:>6} {wall:>7.3f} {linting:>13.3f} "
            f"{wall - linting:>7.3f} {plain:>8.3f}"
        )


if __name__ == "__main__":
    main()
