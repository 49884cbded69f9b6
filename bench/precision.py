"""Findings per rule and severity, before and after a change, on the corpus (issue 9).

"Before" is a git revision (default: the merge base with ``main``), checked out into a
temporary ``git worktree`` and run with ``PYTHONPATH`` pointing at its ``src``; "after"
is this working tree. Both run ``listbot lint --offline --format json`` in a fresh
process on the 13 lists of ``../shared/corpus``, and on every ``*.md`` of each
``--lists`` folder (lists never tuned on, fetched apart), reported apart.

    python bench/precision.py [--before REV] [--corpus DIR] [--lists DIR ...]

The counts are what a reader of the findings checks by hand: which rules got quieter,
which louder, and at which severity.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SEVERITIES = ("error", "warning", "info")

Counts = Counter[tuple[str, str]]
"""(rule, severity) -> number of findings."""


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout.strip()


def merge_base() -> str:
    try:
        return git("merge-base", "HEAD", "main")
    except subprocess.CalledProcessError:
        return "HEAD"


def lint_counts(src: Path, files: Sequence[Path]) -> Counts:
    """Findings by (rule, severity) of ``listbot`` imported from ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("GITHUB_REPOSITORY", None)
    counts: Counts = Counter()
    for path in files:  # one process per list: a crash on one does not hide the others
        result = subprocess.run(
            [sys.executable, "-m", "listbot", "lint", "--offline", "--format", "json",
             "--exit-zero", str(path)],
            env=env, capture_output=True, text=True, cwd=tempfile.gettempdir(),
        )  # fmt: skip
        if result.returncode != 0:
            print(f"  {path.name}: exit {result.returncode}: {result.stderr.strip()[:200]}")
            continue
        for finding in json.loads(result.stdout)["findings"]:
            counts[finding["rule"], finding["severity"]] += 1
    return counts


def _cell(counts: Counts, rule: str) -> str:
    return "/".join(str(counts[rule, severity]) for severity in SEVERITIES)


def table(title: str, before: Counts, after: Counts) -> list[str]:
    rules = sorted({rule for rule, _ in before} | {rule for rule, _ in after})
    width = max((len(rule) for rule in rules), default=10)
    lines = [
        f"{title}",
        f"  {'rule':<{width}}  {'before e/w/i':>14}  {'after e/w/i':>14}  {'change':>7}",
    ]
    for rule in rules:
        total_before = sum(before[rule, s] for s in SEVERITIES)
        total_after = sum(after[rule, s] for s in SEVERITIES)
        change = total_after - total_before
        lines.append(
            f"  {rule:<{width}}  {_cell(before, rule):>14}  {_cell(after, rule):>14}  {change:>+7}"
        )
    totals = [
        "/".join(str(sum(n for (_, sev), n in c.items() if sev == s)) for s in SEVERITIES)
        for c in (before, after)
    ]
    lines.append(f"  {'all rules':<{width}}  {totals[0]:>14}  {totals[1]:>14}")
    return lines


def lists_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.md") if p.name != "SOURCES.md")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", help="git revision to compare with (default: merge base)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--lists", type=Path, action="append", default=[], metavar="DIR")
    args = parser.parse_args()
    revision = args.before or merge_base()
    groups = [("corpus", lists_in(args.corpus))] if args.corpus.is_dir() else []
    groups += [(str(folder), lists_in(folder)) for folder in args.lists]
    if not any(files for _, files in groups):
        print("no lists found (the corpus is absent and no --lists folder was given)")
        return 2
    short = git("rev-parse", "--short", revision)
    print(f"before: {short} ({git('log', '-1', '--format=%s', revision)[:70]})")
    print(f"after:  working tree of {git('rev-parse', '--short', 'HEAD')}")
    with tempfile.TemporaryDirectory(prefix="listbot-before-") as tmp:
        worktree = Path(tmp) / "before"
        git("worktree", "add", "--detach", str(worktree), revision)
        try:
            for name, files in groups:
                if not files:
                    continue
                before = lint_counts(worktree / "src", files)
                after = lint_counts(REPO / "src", files)
                print()
                print("\n".join(table(f"{name}: {len(files)} lists", before, after)))
        finally:
            git("worktree", "remove", "--force", str(worktree))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
