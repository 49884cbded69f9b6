"""Benchmark ``listbot lint --offline`` against awesome-lint and markdownlint-cli2 (issue 12's
offline half), and print each goal beside its anchors with a met / NOT MET summary.

Runs every command as a measured child (bench/_measure.py: GNU time or VmHWM, so the figures
are the command's own; listbot from cached bytecode, as installed) and takes medians of
``--runs`` runs, the anchors interleaved with listbot's so a loaded machine slows all alike:

- CPU time on avelino-awesome-go.md (404 KB, 3,185 items): listbot, awesome-lint 2.3.0 and
  markdownlint-cli2 0.22.1 (from PATH when there, e.g. a pinned ``npm install``'s
  ``node_modules/.bin`` put first, else ``npx`` at the pinned version; both
  lint a ``readme.md`` in a git repository of its own, as awesome-lint requires);
- peak RSS and time on generated lists of 10,000 and 100,000 entries, and the growth.

Goals: awesome-go CPU <= 0.15 x awesome-lint's and <= 0.5 x markdownlint-cli2's; peak RSS
<= 150 MB at 100,000 entries; 10x entries <= 11x time (CPU, the fairer clock on a shared
machine; wall is printed too).

    python bench/lint.py [--runs 3] [--big-runs 1] [--corpus ../shared/corpus] [--no-anchors]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _measure import Runs, measure, method, prepare

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
AWESOME_LINT = ("awesome-lint", "awesome-lint@2.3.0")
MARKDOWNLINT = ("markdownlint-cli2", "markdownlint-cli2@0.22.1")
SMALL, BIG = 10_000, 100_000


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


def node_command(tool: tuple[str, str]) -> list[str] | None:
    """The reference tool's command: the copy on PATH, else ``npx`` (None: neither)."""
    installed = shutil.which(tool[0])
    if installed:
        return [installed]
    npx = shutil.which("npx")
    return [npx, "--yes", tool[1]] if npx else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs on awesome-go and 10,000")
    parser.add_argument("--big-runs", type=int, default=1, help="runs on 100,000 entries")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-anchors", action="store_true", help="listbot only")
    args = parser.parse_args()

    listbot = [sys.executable, "-m", "listbot", "lint", "--offline", "--exit-zero", "--quiet"]
    awesome_go = args.corpus / "avelino-awesome-go.md"
    if not awesome_go.is_file():
        parser.error(f"{awesome_go} not found (--corpus)")
    rows: dict[str, Runs] = {}

    def run(name: str, command: list[str], cwd: Path | None = None) -> None:
        rows.setdefault(name, Runs(name)).runs.append(measure(command, cwd=cwd, capture=False))

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        prepare()  # bytecode cached, as pip leaves an installed package
        measure([*listbot, "--help"], capture=False)  # warm-up: files in the page cache
        # The reference tools lint a folder's readme.md; give them a git repository of its own.
        folder = work / "awesome-go"
        folder.mkdir()
        shutil.copy(awesome_go, folder / "readme.md")
        subprocess.run(["git", "init", "-q"], cwd=folder, check=False)
        anchors = {}
        if not args.no_anchors:
            for label, tool in (
                ("awesome-lint 2.3.0", AWESOME_LINT),
                ("markdownlint-cli2", MARKDOWNLINT),
            ):
                command = node_command(tool)
                if command:
                    anchors[label] = [*command, "readme.md"]
                    measure(anchors[label], cwd=folder, capture=False)  # warm caches
        for _ in range(args.runs):  # interleaved: each tool sees the same machine load
            run("listbot", [*listbot, str(folder / "readme.md")])
            for label, command in anchors.items():
                run(label, command, folder)
        for size, runs in ((SMALL, args.runs), (BIG, args.big_runs)):
            path = work / f"generated-{size}.md"
            path.write_text(generate_list(size), encoding="utf-8")
            for _ in range(max(runs, 1)):
                run(f"listbot {size:,}", [*listbot, str(path)])

    print(f"figures of the command alone (peak RSS by {method()}), medians of runs")
    print(f"{'what':<34} {'runs':>4} {'wall':>9} {'CPU':>9} {'peak RSS':>10}")
    names = {
        "listbot": "listbot      awesome-go.md",
        "awesome-lint 2.3.0": "awesome-lint awesome-go readme.md",
        "markdownlint-cli2": "markdownlint-cli2 0.22.1 awesome-go",
        f"listbot {SMALL:,}": f"listbot      generated {SMALL:,}",
        f"listbot {BIG:,}": f"listbot      generated {BIG:,}",
    }
    for key, row in rows.items():
        print(
            f"{names.get(key, key):<34} {len(row.runs):>4} {row.wall:>8.2f}s "
            f"{row.cpu:>8.2f}s {row.rss:>7.1f} MB"
        )

    goals: list[tuple[str, bool | None, str]] = []
    go = rows["listbot"]
    for label, limit in (("awesome-lint 2.3.0", 0.15), ("markdownlint-cli2", 0.5)):
        anchor = rows.get(label)
        if anchor is None:
            goals.append((f"awesome-go CPU <= {limit} x {label}", None, "anchor not run"))
            continue
        ratio = go.cpu / anchor.cpu
        goals.append(
            (
                f"awesome-go CPU <= {limit} x {label}",
                ratio <= limit,
                f"{go.cpu:.2f} s / {anchor.cpu:.2f} s = {ratio:.3f}x",
            )
        )
    small, big = rows[f"listbot {SMALL:,}"], rows[f"listbot {BIG:,}"]
    goals.append(
        (
            f"peak RSS <= 150 MB at {BIG:,} entries",
            big.rss <= 150,
            f"{big.rss:.1f} MB ({small.rss:.1f} MB at {SMALL:,})",
        )
    )
    growth = big.cpu / small.cpu
    goals.append(
        (
            "10x entries <= 11x time",
            growth <= 11,
            f"CPU {small.cpu:.2f} -> {big.cpu:.2f} s = {growth:.1f}x "
            f"(wall {big.wall / small.wall:.1f}x)",
        )
    )
    print("\ngoals")
    for goal, met, figures in goals:
        verdict = "n/a" if met is None else ("met" if met else "NOT MET")
        print(f"  {verdict:<8} {goal:<40} {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
