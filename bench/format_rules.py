"""Benchmark the line, list and heading rules (remark-lint preset and format rules).

Prints the median CPU time (``time.process_time``: the machine may be shared) of the 19
rules over N runs on an already parsed Document, for ../shared/corpus/avelino-awesome-go.md
(when present) and for generated lists of 3,000 and 30,000 entries that carry the things
these rules look at (mixed bullets, wide gaps, numbered lists with a slip, trailing
spaces, tabs, glued links, HTML, emphasis labels), the number of findings, the slowest
rules, and the growth factor. Target: 10x entries <= 11x time.

    python bench/format_rules.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from listbot.config import Config
from listbot.engine import run_rules
from listbot.model import Document
from listbot.parse import parse
from listbot.rules import get_rule

RULE_IDS = (
    "unordered-list-marker-style",
    "list-item-indent",
    "list-item-bullet-indent",
    "ordered-list-marker-style",
    "ordered-list-marker-value",
    "heading-style",
    "no-multiple-toplevel-headings",
    "no-undefined-references",
    "no-unused-definitions",
    "no-heading-punctuation",
    "no-emphasis-as-heading",
    "no-repeat-punctuation",
    "html-balance",
    "no-trailing-spaces",
    "no-hard-tabs",
    "link-spacing",
    "ordered-list-as-heading",
    "mojibake",
    "latex-leftover",
)
AWESOME_GO = (
    Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "avelino-awesome-go.md"
)


def generate(entries: int) -> str:
    """Sections of 100 entries, a few of them with something for each rule to find."""
    out = ["# Awesome Generated", ""]
    for n in range(entries):
        if n % 100 == 0:
            section = n // 100
            out += [
                "",
                f"## Section {section}:",
                "",
                "**Tools**",
                "",
                "<details><b>more</details>",
                "",
            ]
        bullet = "*" if n % 37 == 0 else "-"
        gap = "   " if n % 41 == 0 else " "
        tail = "  " if n % 43 == 0 else ""
        glue = "and" if n % 47 == 0 else ""
        ending = " well!!" if n % 53 == 0 else "."
        link = f"[Project {n}](https://github.com/o{n}/p{n}){glue}"
        out.append(f"{bullet}{gap}{link} - Does thing {n}{ending}{tail}")
        if n % 100 == 99:
            out += ["", "1. One", "2. Two", "2. Three", ""]
    return "\n".join(out) + "\n"


def measure(doc: Document, runs: int) -> tuple[float, int, list[tuple[str, float]]]:
    config = Config(select=RULE_IDS)
    run_rules(doc, config)  # warm-up: Document caches
    times: list[float] = []
    count = 0
    for _ in range(runs):
        start = time.process_time()
        count = len(run_rules(doc, config))
        times.append(time.process_time() - start)
    per_rule: list[tuple[str, float]] = []
    for rule_id in RULE_IDS:
        rule = get_rule(rule_id)
        assert rule is not None
        start = time.process_time()
        list(rule.check(doc, rule.default_options))
        per_rule.append((rule_id, time.process_time() - start))
    per_rule.sort(key=lambda pair: -pair[1])
    return statistics.median(times), count, per_rule[:3]


def report(label: str, doc: Document, runs: int) -> float:
    seconds, count, slowest = measure(doc, runs)
    top = ", ".join(f"{rule_id} {secs * 1000:.0f} ms" for rule_id, secs in slowest)
    print(f"{label:>15}: {seconds * 1000:8.1f} ms  ({count} findings; slowest: {top})")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{len(RULE_IDS)} rules: {', '.join(RULE_IDS)}")
    if AWESOME_GO.is_file():
        report(
            "awesome-go", parse(AWESOME_GO.read_text(encoding="utf-8"), str(AWESOME_GO)), args.runs
        )
    small = report("3,000 entries", parse(generate(3_000), "<generated 3000>"), args.runs)
    large = report("30,000 entries", parse(generate(30_000), "<generated 30000>"), args.runs)
    print(f"growth for 10x entries: {large / small:.2f}x (target <= 11x)")


if __name__ == "__main__":
    main()
