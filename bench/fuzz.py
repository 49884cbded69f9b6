"""Fuzz ``listbot lint --offline`` (and ``--fix``) with mutants of the corpus lists.

Each mutant is a corpus list changed by one to three operators: byte flips, truncation,
control characters, line shuffles, deep nesting, long lines, Unicode spaces, CR and CRLF
line endings, runs of markup characters, duplicated lines, wrapped entries, deletions,
stray markup, BOMs, tabs, unclosed HTML, whole-list repeats up to 5 MB. Mutant ``i`` is
fully determined by ``--seed`` and ``i``, so any finding can be reproduced alone
(``--only I``, ``--save DIR`` writes it).

Each mutant is linted by ``listbot.cli.main`` in a worker process, on a temporary file;
every tenth is also fixed (``--fix``) and linted again. It is a **crash** when the exit
code is not 0, 1 or 2, stderr shows an internal error or a traceback, ``lint`` changed the
file, ``--fix`` refused its own fixes, or ``--fix`` exits unlike ``lint`` on the fixed file.
It is **over the bound** when linting took longer than twice awesome-go's lint time per
byte times the mutant's size (at least ``--floor`` seconds). Workers share the cores, so a
mutant over its bound is timed again alone, against awesome-go timed alone just before,
and counts only if it is still over. A worker still busy after ``--hard-limit`` seconds is
killed and the mutant counted as a hang.

    python bench/fuzz.py [--count 3000] [--jobs 2] [--seed 1] [--corpus ../shared/corpus]

``--classes`` instead times the shapes issue 14 named (a 1 MB line, 10,000-deep nesting,
50,000 ``[``, a 5 MB list, ...) at their sizes, per byte against awesome-go.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import multiprocessing
import os
import queue
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
MAX_BYTES = 6_000_000
ENTRY_MARKERS = (b"- [", b"* [", b"+ [")

Mutator = Callable[[bytes, random.Random], bytes]


# -- mutation operators ------------------------------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def _window(rng: random.Random, size: int, longest: int = 200) -> tuple[int, int]:
    start = rng.randrange(max(size, 1))
    return start, min(size, start + rng.randint(1, longest))


def byte_flips(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def control_characters(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    controls = [chr(c) for c in range(1, 32) if c not in (10, 13)] + ["\x7f", "\x85", "\u2028"]
    chars = list(text)
    for _ in range(rng.randint(1, 200)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(controls))
    return "".join(chars).encode("utf-8")


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    start, end = _window(rng, len(lines), 500)
    middle = lines[start:end]
    rng.shuffle(middle)
    return b"".join(lines[:start] + middle + lines[end:])


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    at = rng.randrange(len(lines))
    depth = rng.choice((30, 200, 2_000, 10_000))
    shape = rng.choice(("list", "quote", "mixed", "ordered", "stair"))
    if shape == "stair":  # indentation: one line per level
        depth = min(depth, 1_500)
        nested = [b"  " * i + b"- x\n" for i in range(depth)]
        return b"".join(lines[:at] + nested + lines[at:])
    prefix = {"list": b"- ", "quote": b"> ", "mixed": b"> - ", "ordered": b"1. "}[shape]
    lines[at] = prefix * depth + lines[at]
    return b"".join(lines)


def long_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    if rng.random() < 0.5:  # join many lines into one
        start, end = _window(rng, len(lines), 5_000)
        joined = b" ".join(line.rstrip(b"\r\n") for line in lines[start:end]) + b"\n"
        return b"".join([*lines[:start], joined, *lines[end:]])
    at = rng.randrange(len(lines))  # one line repeated on itself up to ~1 MB
    body = lines[at].rstrip(b"\r\n") or b"x"
    lines[at] = body * max(1, 1_000_000 // len(body)) + b"\n"
    return b"".join(lines)


def unicode_spaces(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    spaces = ["\u3000", "\u00a0", "\u2003", "\u200b", "\ufeff", "\u2009", "\u1680"]
    chars = list(text)
    positions = [i for i, ch in enumerate(chars) if ch == " "]
    for i in rng.sample(positions, min(len(positions), rng.randint(1, 500))):
        chars[i] = rng.choice(spaces)
    return "".join(chars).encode("utf-8")


def line_endings(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    style = rng.choice((b"\r\n", b"\r", None))
    out = []
    for line in lines:
        ending = style if style is not None else rng.choice((b"\n", b"\r\n", b"\r"))
        out.append(line.rstrip(b"\r\n") + ending if line.endswith((b"\n", b"\r")) else line)
    return b"".join(out)


def markup_run(data: bytes, rng: random.Random) -> bytes:
    unit = rng.choice((b"[", b"*_", b"[x][", b"<a", b"`", b"](", b"**a", b"~~", b"!["))
    run = unit * (rng.choice((1_000, 20_000, 60_000)) // len(unit))
    at = rng.randrange(len(data) + 1)
    return data[:at] + run + data[at:]


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    times = rng.choice((2, 3, 10))
    out = [line * times for line in lines]
    result = b"".join(out)
    return result[:MAX_BYTES]


def wrap_entries(data: bytes, rng: random.Random) -> bytes:
    out = []
    for line in _lines(data):
        if line.lstrip().startswith(ENTRY_MARKERS) and b") - " in line and rng.random() < 0.5:
            head, _, tail = line.partition(b") - ")
            joiner = rng.choice((b") -\n  ", b") -\n", b")\n  - ", b") -\xe3\x80\x80"))
            line = head + joiner + tail
        out.append(line)
    return b"".join(out)


def delete_span(data: bytes, rng: random.Random) -> bytes:
    start, end = _window(rng, len(data), 5_000)
    return data[:start] + data[end:]


def stray_markup(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 300)):
        out.insert(rng.randrange(len(out) + 1), rng.choice(b"[]()*_~`<>!#|\\-:"))
    return bytes(out)


def boms(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1) if rng.random() < 0.5 else 0
    return data[:at] + b"\xef\xbb\xbf" + data[at:]


def tabs(data: bytes, rng: random.Random) -> bytes:
    out = []
    for line in _lines(data):
        stripped = line.lstrip(b" ")
        indent = len(line) - len(stripped)
        out.append(b"\t" * (indent // 2) + b" " * (indent % 2) + stripped)
    return b"".join(out)


def unclosed_html(data: bytes, rng: random.Random) -> bytes:
    piece = rng.choice((b"<!--", b"<details>", b"<div>\n", b"<table><tr><td>", b"<a href='x"))
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece * rng.randint(1, 2_000) + data[at:]


def repeat_list(data: bytes, rng: random.Random) -> bytes:
    times = max(1, min(rng.choice((3, 12, 50)), MAX_BYTES // max(len(data), 1)))
    return data * times


OPERATORS: dict[str, Mutator] = {
    "byte-flips": byte_flips,
    "truncate": truncate,
    "control-chars": control_characters,
    "shuffle-lines": shuffle_lines,
    "deep-nesting": deep_nesting,
    "long-line": long_line,
    "unicode-spaces": unicode_spaces,
    "line-endings": line_endings,
    "markup-run": markup_run,
    "duplicate-lines": duplicate_lines,
    "wrap-entries": wrap_entries,
    "delete-span": delete_span,
    "stray-markup": stray_markup,
    "bom": boms,
    "tabs": tabs,
    "unclosed-html": unclosed_html,
    "repeat-list": repeat_list,
}


def mutant(sources: dict[str, bytes], seed: int, index: int) -> tuple[bytes, str, list[str]]:
    """Mutant ``index`` of run ``seed``: its bytes, source list and operators."""
    rng = random.Random(f"{seed}:{index}")
    source = rng.choice(sorted(sources))
    data = sources[source]
    names = rng.sample(sorted(OPERATORS), rng.choice((1, 1, 2, 3)))
    for name in names:
        data = OPERATORS[name](data, rng)[:MAX_BYTES]
    return data, source, names


# -- running one mutant ------------------------------------------------------------------


@dataclass
class Outcome:
    index: int
    source: str
    operators: list[str]
    size: int
    seconds: float
    exit_code: int | None = None
    problems: list[str] = field(default_factory=list)


def _cli(arguments: list[str]) -> tuple[int, str, float]:
    """``listbot`` in this process: exit code, stderr, seconds (stdout is discarded)."""
    from listbot.cli import main

    err = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(arguments)
    return code, err.getvalue(), time.perf_counter() - start


def _stderr_problem(stderr: str) -> str | None:
    for marker in ("Traceback", "internal error", "This is a bug"):
        if marker in stderr:
            line = next((s for s in stderr.splitlines() if marker in s), marker)
            return f"stderr: {line[:300]}"
    return None


def run_one(data: bytes, folder: Path, *, fix: bool) -> tuple[int, float, list[str]]:
    """Lint (and maybe fix) ``data`` as ``folder/README.md``: exit code, lint seconds,
    problems found."""
    path = folder / "README.md"
    path.write_bytes(data)
    problems: list[str] = []
    try:
        code, stderr, seconds = _cli(["lint", "--offline", str(path)])
    except BaseException as error:  # main() must not raise: that is a crash
        return -1, 0.0, ["lint raised: " + "".join(traceback.format_exception_only(error))]
    if code not in (0, 1, 2):
        problems.append(f"lint exit code {code}")
    if (message := _stderr_problem(stderr)) is not None:
        problems.append("lint " + message)
    if path.read_bytes() != data:
        problems.append("lint changed the file")
    if fix and code != 2:
        try:
            fixed_code, fix_err, _ = _cli(["lint", "--offline", "--fix", str(path)])
            again, again_err, _ = _cli(["lint", "--offline", str(path)])
        except BaseException as error:
            return code, seconds, ["fix raised: " + "".join(traceback.format_exception_only(error))]
        for label, text in (("fix", fix_err), ("lint after fix", again_err)):
            if (message := _stderr_problem(text)) is not None or "fixes not applied" in text:
                problems.append(f"{label} {message or 'refused its fixes: ' + text[:300]}")
        if fixed_code != again:
            problems.append(f"--fix exit {fixed_code} but lint on the fixed file exits {again}")
    return code, seconds, problems


# -- the worker pool ---------------------------------------------------------------------


def _worker(
    tasks: multiprocessing.Queue, results: multiprocessing.Queue, corpus: list[str], seed: int
) -> None:
    sources = {Path(p).name: Path(p).read_bytes() for p in corpus}
    with tempfile.TemporaryDirectory(prefix="listbot-fuzz-") as tmp:
        folder = Path(tmp)
        while True:
            task = tasks.get()
            if task is None:
                return
            index = task
            results.put(("start", index, os.getpid()))
            data, source, operators = mutant(sources, seed, index)
            code, seconds, problems = run_one(data, folder, fix=index % 10 == 0)
            results.put(
                (
                    "done",
                    index,
                    Outcome(index, source, operators, len(data), seconds, code, problems),
                )
            )


def calibrate(corpus: Path, runs: int = 3) -> float:
    """awesome-go's lint time per byte in this process (best of ``runs``)."""
    go = corpus / "avelino-awesome-go.md"
    with tempfile.TemporaryDirectory(prefix="listbot-fuzz-") as tmp:
        path = Path(tmp) / "README.md"
        path.write_bytes(go.read_bytes())
        _cli(["lint", "--offline", str(path)])  # warm up imports
        best = min(_cli(["lint", "--offline", str(path)])[2] for _ in range(runs))
    return best / go.stat().st_size


@dataclass
class Pool:
    """Worker processes fed from one queue; a worker stuck on a mutant is killed."""

    context: multiprocessing.context.ForkContext
    corpus: list[str]
    seed: int
    jobs: int
    tasks: multiprocessing.Queue = field(init=False)
    results: multiprocessing.Queue = field(init=False)
    workers: dict[int, multiprocessing.process.BaseProcess] = field(default_factory=dict)
    running: dict[int, tuple[int, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tasks = self.context.Queue()
        self.results = self.context.Queue()
        for _ in range(self.jobs):
            self.spawn()

    def spawn(self) -> None:
        process = self.context.Process(
            target=_worker, args=(self.tasks, self.results, self.corpus, self.seed), daemon=True
        )
        process.start()
        assert process.pid is not None
        self.workers[process.pid] = process

    def run(self, indexes: list[int], hard_limit: float) -> tuple[list[Outcome], list[int]]:
        for index in indexes:
            self.tasks.put(index)
        done: list[Outcome] = []
        hung: list[int] = []
        while len(done) + len(hung) < len(indexes):
            try:
                kind, index, payload = self.results.get(timeout=1.0)
            except queue.Empty:
                kind = ""
            if kind == "start":
                self.running[payload] = (index, time.monotonic())
            elif kind == "done":
                done.append(payload)
                for pid, (current, _) in list(self.running.items()):
                    if current == index:
                        del self.running[pid]
            for pid, (current, started) in list(self.running.items()):
                if time.monotonic() - started > hard_limit:
                    self.workers.pop(pid).kill()
                    del self.running[pid]
                    hung.append(current)
                    self.spawn()
            if len(done) % 100 == 0 and kind == "done":
                print(f"  {len(done)} / {len(indexes)} done", file=sys.stderr, flush=True)
        return done, hung

    def close(self) -> None:
        for _ in self.workers:
            self.tasks.put(None)
        for process in self.workers.values():
            process.join(timeout=5)
            if process.is_alive():
                process.kill()


# -- the pathological classes of issue 14, at their sizes -----------------------------------


def pathological_classes(corpus: Path) -> dict[str, tuple[bytes, bool]]:
    """Name -> (file bytes, whether ``--fix`` is timed instead of ``lint``)."""
    go = (corpus / "avelino-awesome-go.md").read_bytes()
    entries = [line for line in go.splitlines() if line.startswith(b"- [")]
    one_line = b" ".join(entries * 4)[:1_000_000]
    fuzz = corpus.parent / "fixtures" / "fuzz" / "brackets-cjk-crlf-hang.md"
    classes = {
        "awesome-go (the yardstick)": (go, False),
        "CJK, CRLF and a run of [x][ (200 KB reproducer)": (fuzz.read_bytes(), False),
        "a single 1 MB line of entries": (b"# Awesome\n\n" + one_line + b"\n", False),
        "lists nested 10,000 deep": (b"# Awesome\n\n" + b"- " * 10_000 + b"x\n", False),
        "block quotes nested 10,000 deep": (b"# Awesome\n\n" + b"> " * 10_000 + b"x\n", False),
        "50,000 [": (b"# Awesome\n\n" + b"[" * 50_000 + b"\n", False),
        "a 5 MB list (awesome-go x 12)": (go * 12, False),
        "awesome-go with every line twice": (
            b"".join(line * 2 for line in go.splitlines(keepends=True)),
            False,
        ),
        "'a' + 40,000 spaces + 'python'": (b"a" + b" " * 40_000 + b"python\n", False),
        "200 KB of *_": (b"# Awesome\n\n" + b"*_" * 100_000 + b"\n", False),
        "--fix: 1.1 MB line with 70,000 fixes": (
            b"# Awesome\n\n" + b"Use javascript. " * 70_000 + b"\n",
            True,
        ),
        "lint of that line": (b"# Awesome\n\n" + b"Use javascript. " * 70_000 + b"\n", False),
    }
    if not fuzz.is_file():
        del classes["CJK, CRLF and a run of [x][ (200 KB reproducer)"]
    return classes


def time_classes(corpus: Path) -> None:
    """Each class linted (or fixed) in this process, best of two: time and time per byte
    against awesome-go's."""
    yardstick = None
    print(f"{'class':48} {'bytes':>10} {'seconds':>8} {'us/byte':>8} {'x go':>6}")
    with tempfile.TemporaryDirectory(prefix="listbot-fuzz-") as tmp:
        path = Path(tmp) / "README.md"
        for name, (data, fix) in pathological_classes(corpus).items():
            arguments = ["lint", "--offline", *(["--fix"] if fix else []), str(path)]
            timings = []
            for _ in range(2):
                path.write_bytes(data)
                timings.append(_cli(arguments)[2])
            per_byte = min(timings) / len(data)
            yardstick = yardstick or per_byte
            print(
                f"{name:48} {len(data):>10,} {min(timings):>8.2f} {per_byte * 1e6:>8.2f} "
                f"{per_byte / yardstick:>6.2f}"
            )


# -- the run -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=3000, help="mutants to run (default 3000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--floor", type=float, default=0.5, help="smallest time bound in seconds (default 0.5)"
    )
    parser.add_argument(
        "--hard-limit", type=float, default=120.0, help="kill a worker after this many seconds"
    )
    parser.add_argument("--only", type=int, help="run just mutant ONLY (with --save: write it)")
    parser.add_argument("--save", type=Path, help="write crashing or slow mutants here")
    parser.add_argument(
        "--classes", action="store_true", help="time issue 14's pathological classes instead"
    )
    args = parser.parse_args(argv)
    if args.classes:
        time_classes(args.corpus)
        return 0

    corpus = sorted(str(p) for p in args.corpus.glob("*.md") if p.name != "SOURCES.md")
    if not corpus:
        print(f"no corpus lists in {args.corpus}", file=sys.stderr)
        return 2
    per_byte = calibrate(args.corpus)
    print(f"awesome-go: {per_byte * 1e6:.2f} us/byte; bound: max({args.floor} s, 2x that x size)")

    def bound(size: int) -> float:
        return max(args.floor, 2 * per_byte * size)

    indexes = [args.only] if args.only is not None else list(range(args.count))
    context = multiprocessing.get_context("fork")
    pool = Pool(context, corpus, args.seed, args.jobs)
    started = time.perf_counter()
    try:
        outcomes, hung = pool.run(indexes, args.hard_limit)
    finally:
        pool.close()
    slow = [o for o in outcomes if o.seconds > bound(o.size)]
    if slow:
        # Workers share the cores (with each other and whatever else runs): time each slow
        # mutant again alone, against awesome-go timed alone just before, before it counts.
        per_byte = calibrate(args.corpus)
        print(f"retimed alone: {len(slow)}; awesome-go now {per_byte * 1e6:.2f} us/byte")
        sources = {Path(p).name: Path(p).read_bytes() for p in corpus}
        with tempfile.TemporaryDirectory(prefix="listbot-fuzz-") as tmp:
            for outcome in slow:
                data, _, _ = mutant(sources, args.seed, outcome.index)
                again = min(run_one(data, Path(tmp), fix=False)[1] for _ in range(2))
                outcome.seconds = min(outcome.seconds, again)
        slow = [o for o in slow if o.seconds > bound(o.size)]
    elapsed = time.perf_counter() - started
    crashes = [o for o in outcomes if o.problems or o.exit_code not in (0, 1, 2)]
    _report(outcomes, crashes, slow, hung, bound, elapsed, args)
    if args.save:
        _save(args, corpus, crashes, slow, hung)
    return 1 if crashes or slow or hung else 0


def _report(
    outcomes: list[Outcome],
    crashes: list[Outcome],
    slow: list[Outcome],
    hung: list[int],
    bound: Callable[[int], float],
    elapsed: float,
    args: argparse.Namespace,
) -> None:
    operators = Counter(name for o in outcomes for name in o.operators)
    codes = Counter(o.exit_code for o in outcomes)
    sizes = sorted(o.size for o in outcomes)
    worst = max(outcomes, key=lambda o: o.seconds / bound(o.size), default=None)
    print(f"mutants: {len(outcomes) + len(hung)} (seed {args.seed}), {elapsed:.0f} s wall")
    print("operators: " + ", ".join(f"{name} {count}" for name, count in sorted(operators.items())))
    print("exit codes: " + ", ".join(f"{code}: {count}" for code, count in sorted(codes.items())))
    if sizes:
        print(f"sizes: median {sizes[len(sizes) // 2]:,} B, largest {sizes[-1]:,} B")
    if worst is not None:
        ratio = worst.seconds / bound(worst.size)
        print(
            f"slowest against its bound: #{worst.index} {worst.source} {'+'.join(worst.operators)} "
            f"{worst.size:,} B in {worst.seconds:.2f} s ({ratio:.0%} of its bound)"
        )
    print(f"crashes: {len(crashes)}")
    for o in crashes:
        print(f"  #{o.index} {o.source} {'+'.join(o.operators)}: {'; '.join(o.problems)}")
    print(f"over the time bound: {len(slow)}")
    for o in slow:
        print(
            f"  #{o.index} {o.source} {'+'.join(o.operators)} {o.size:,} B: "
            f"{o.seconds:.2f} s > {bound(o.size):.2f} s"
        )
    print(f"hangs (killed after {args.hard_limit:.0f} s): {len(hung)}")
    for index in hung:
        print(f"  #{index}")


def _save(
    args: argparse.Namespace,
    corpus: list[str],
    crashes: list[Outcome],
    slow: list[Outcome],
    hung: list[int],
) -> None:
    sources = {Path(p).name: Path(p).read_bytes() for p in corpus}
    args.save.mkdir(parents=True, exist_ok=True)
    for index in {*(o.index for o in crashes), *(o.index for o in slow), *hung}:
        data, _, operators = mutant(sources, args.seed, index)
        name = f"mutant-{args.seed}-{index}-{'+'.join(operators)}.md"
        (args.save / name).write_bytes(data)


if __name__ == "__main__":
    sys.exit(main())
