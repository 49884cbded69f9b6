"""Benchmark ``listbot lint --offline`` against awesome-lint 2.3.0 (issue 2's targets).

Prints, for avelino-awesome-go.md (404 KB, 3,185 items) and for generated 3,000- and
30,000-entry lists: median wall and CPU time over N runs of the real command in a fresh
process (cached bytecode, as installed), and the command's own peak RSS (measured apart
from this script's memory: bench/_measure.py). Runs ``npx awesome-lint@2.3.0`` on
awesome-go beside it when npx is there.

Targets: wall <= 0.15 x awesome-lint's on awesome-go; peak RSS <= 80 MB; 10x entries
<= 11x time (linear growth).

    python bench/lint.py [--runs 5] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _measure import measure, method, prepare

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def median_run(
    command: list[str], runs: int, cwd: Path | None = None
) -> tuple[float, float, float]:
    """(median wall s, median CPU s, worst peak RSS MB) of ``runs`` runs of ``command``."""
    runs_ = [measure(command, cwd=cwd, capture=False) for _ in range(runs)]
    return (
        statistics.median(m.wall for m in runs_),
        statistics.median(m.cpu for m in runs_),
        max(m.rss_mb for m in runs_),
    )


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
    rows: list[tuple[str, float, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        prepare()  # bytecode cached, as pip leaves an installed package
        measure([*listbot, "--help"], capture=False)  # warm-up: files in the page cache
        if awesome_go.is_file():
            rows.append(
                ("listbot   awesome-go.md", *median_run([*listbot, str(awesome_go)], args.runs))
            )
        for size in (3_000, 30_000):
            path = work / f"generated-{size}.md"
            path.write_text(generate_list(size), encoding="utf-8")
            name = f"listbot   generated {size:>6,} entries"
            rows.append((name, *median_run([*listbot, str(path)], args.runs)))
        npx = shutil.which("npx")
        if awesome_go.is_file() and npx and not args.no_awesome_lint:
            # awesome-lint lints the readme of a folder; give it a copy in a git repo of its own.
            folder = work / "awesome-go"
            folder.mkdir()
            shutil.copy(awesome_go, folder / "readme.md")
            subprocess.run(["git", "init", "-q"], cwd=folder, check=False)
            command = [npx, "--yes", "awesome-lint@2.3.0", "readme.md"]
            measure(command, cwd=folder, capture=False)  # warm the npx cache
            runs = max(3, args.runs // 2)
            rows.append(("awesome-lint 2.3.0 awesome-go.md", *median_run(command, runs, folder)))

    print(f"peak RSS of the command alone, measured by {method()}")
    print(f"{'what':<36} {'median wall':>12} {'median CPU':>11} {'peak RSS':>10}")
    for name, wall, cpu, rss in rows:
        print(f"{name:<36} {wall * 1000:>9.0f} ms {cpu * 1000:>8.0f} ms {rss:>7.1f} MB")
    by_name = {name: (wall, cpu) for name, wall, cpu, _ in rows}
    small = by_name.get("listbot   generated  3,000 entries")
    big = by_name.get("listbot   generated 30,000 entries")
    if small and big:
        print(f"growth 3,000 -> 30,000 entries: {big[0] / small[0]:.1f}x time (target <= 11x)")
    go = by_name.get("listbot   awesome-go.md")
    al = by_name.get("awesome-lint 2.3.0 awesome-go.md")
    if go and al:
        print(
            f"listbot / awesome-lint on awesome-go: wall {go[0] / al[0]:.3f}, "
            f"CPU {go[1] / al[1]:.3f} (target <= 0.15)"
        )
    if rows:
        worst = max(rss for name, _, _, rss in rows if name.startswith("listbot"))
        print(f"peak RSS, worst listbot run: {worst:.1f} MB (target <= 80)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
