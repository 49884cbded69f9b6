"""Benchmark ``listbot lint --offline`` against awesome-lint 2.3.0 (issue 2's targets).

Prints, for avelino-awesome-go.md (404 KB, 3,185 items) and for generated 3,000- and
30,000-entry lists: median wall time over N runs of the real command in a fresh process,
and peak RSS. Runs ``npx awesome-lint@2.3.0`` on awesome-go beside it when npx is there.

Targets: wall <= 0.15 x awesome-lint's on awesome-go; peak RSS <= 80 MB; 10x entries
<= 11x time (linear growth).

    python bench/lint.py [--runs 5] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


# Measure listbot as installed: pip writes .pyc files at install time, so bytecode must be
# cached here too even where the environment says PYTHONDONTWRITEBYTECODE (as this one may).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_measured(command: list[str], cwd: Path | None = None) -> tuple[float, float, int]:
    """Run a command; return (wall seconds, peak RSS in MB, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=CHILD_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, process.returncode


def median_run(command: list[str], runs: int, cwd: Path | None = None) -> tuple[float, float, int]:
    walls, peaks, code = [], [], 0
    for _ in range(runs):
        wall, peak, code = run_measured(command, cwd)
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), max(peaks), code


def generate_list(entries: int) -> str:
    """A realistic awesome list: sections of 100 entries with descriptions and some nesting."""
    out = ["# Awesome Generated", "", "> A generated list for benchmarks.", "", "## Contents", ""]
    sections = max(entries // 100, 1)
    for s in range(sections):
        out.append(f"- [Section {s}](#section-{s})")
    out.append("")
    n = 0
    for s in range(sections):
        out += [f"## Section {s}", "", f"Tools of kind {s}.", ""]
        for i in range(100):
            if n >= entries:
                break
            indent = "  " if i % 10 == 9 else ""
            out.append(
                f"{indent}- [Project {n}](https://github.com/owner{n % 997}/project-{n}) - "
                f"Does thing number {n} with `code` and a [doc link](https://docs.example.org/{n})."
            )
            n += 1
        out.append("")
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-awesome-lint", action="store_true")
    args = parser.parse_args()

    listbot = [sys.executable, "-m", "listbot", "lint", "--offline", "--exit-zero", "--quiet"]
    awesome_go = args.corpus / "avelino-awesome-go.md"
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        run_measured([*listbot, "--help"])  # warm-up: imports once, bytecode cached
        if awesome_go.is_file():
            wall, rss, _ = median_run([*listbot, str(awesome_go)], args.runs)
            rows.append(("listbot   awesome-go.md", wall, rss))
        for size in (3_000, 30_000):
            path = work / f"generated-{size}.md"
            path.write_text(generate_list(size), encoding="utf-8")
            wall, rss, _ = median_run([*listbot, str(path)], args.runs)
            rows.append((f"listbot   generated {size:>6,} entries", wall, rss))
        al_wall = None
        npx = shutil.which("npx")
        if awesome_go.is_file() and npx and not args.no_awesome_lint:
            # awesome-lint lints the readme of a folder; give it a copy in a git repo of its own.
            folder = work / "awesome-go"
            folder.mkdir()
            shutil.copy(awesome_go, folder / "readme.md")
            subprocess.run(["git", "init", "-q"], cwd=folder, check=False)
            command = [npx, "--yes", "awesome-lint@2.3.0", "readme.md"]
            run_measured(command, folder)  # warm the npx cache
            al_wall, al_rss, _ = median_run(command, max(3, args.runs // 2), folder)
            rows.append(("awesome-lint 2.3.0 awesome-go.md", al_wall, al_rss))

    print(f"{'what':<36} {'median wall':>12} {'peak RSS':>10}")
    for name, wall, rss in rows:
        print(f"{name:<36} {wall * 1000:>9.0f} ms {rss:>7.1f} MB")
    by_name = {name: (wall, rss) for name, wall, rss in rows}
    small = by_name.get("listbot   generated  3,000 entries")
    big = by_name.get("listbot   generated 30,000 entries")
    if small and big:
        print(f"growth 3,000 -> 30,000 entries: {big[0] / small[0]:.1f}x time (target <= 11x)")
    go = by_name.get("listbot   awesome-go.md")
    if go and al_wall:
        print(f"listbot / awesome-lint on awesome-go: {go[0] / al_wall:.3f} (target <= 0.15)")
    if rows:
        worst = max(rss for name, _, rss in rows if name.startswith("listbot"))
        print(f"peak RSS, worst listbot run: {worst:.1f} MB (target <= 80)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
