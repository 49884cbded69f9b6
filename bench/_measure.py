"""How the benchmarks run a command: as a user would, measuring the child alone.

Peak memory read with ``wait4`` from the Python parent is wrong: a child started by
fork or vfork carries the parent's own peak into its ``ru_maxrss`` (Linux records the
high-water mark of the memory the child had before ``exec``). So the command runs
under GNU ``time``, a small C program whose own child starts from its few hundred
kilobytes; where GNU time is missing, the child's ``VmHWM`` (peak since its ``exec``) is
sampled from ``/proc`` every few milliseconds instead.

Installed users run listbot from cached bytecode (pip compiles at install time), so
:func:`prepare` compiles the package once and children run without
``PYTHONDONTWRITEBYTECODE`` (which this machine sets).
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_FORMAT = "%U %S %M"


@dataclass(frozen=True)
class Measured:
    wall: float
    """Seconds from start to exit, as the parent saw them."""
    cpu: float
    """User + system CPU seconds of the command (and its children)."""
    rss_mb: float
    """Peak resident memory of the command alone, in MB (2**20 bytes)."""
    code: int
    stdout: str


@dataclass
class Runs:
    """Measured runs of one command: median times, worst peak memory."""

    name: str
    runs: list[Measured] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(m.wall for m in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(m.cpu for m in self.runs)

    @property
    def rss(self) -> float:
        return max(m.rss_mb for m in self.runs)


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for measured children: bytecode is read from (and written to) caches."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra or {})
    return env


def prepare() -> None:
    """Compile listbot's modules as ``pip install`` would (dependencies already are)."""
    compileall.compile_dir(REPO / "src" / "listbot", quiet=1)


def gnu_time() -> str | None:
    """The path of GNU time, or None (BSD time and shell builtins have no ``-f %M``)."""
    path = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if path is None:
        return None
    probe = subprocess.run([path, "--version"], capture_output=True, text=True)
    return path if "GNU" in probe.stdout + probe.stderr else None


_TIME = gnu_time()


def method() -> str:
    return "GNU time" if _TIME else "VmHWM sampled from /proc"


def measure(
    command: list[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    capture: bool = True,
) -> Measured:
    """Run ``command``; its wall time, CPU time, own peak RSS, exit code and stdout."""
    env = child_env() if env is None else env
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as report:
        stdout = out if capture else subprocess.DEVNULL
        if _TIME:
            started = time.perf_counter()
            code = subprocess.call(
                [_TIME, "-f", _FORMAT, "-o", report.name, "--", *command],
                cwd=cwd,
                env=env,
                stdout=stdout,
                stderr=subprocess.DEVNULL,
            )
            wall = time.perf_counter() - started
            # GNU time writes "Command exited with non-zero status N" before the figures.
            user, system, peak_kb = report.read().split()[-3:]
            cpu, rss = float(user) + float(system), int(peak_kb) / 1024
        else:
            wall, cpu, rss, code = _sampled(command, cwd, env, stdout)
        out.seek(0)
        return Measured(wall, cpu, rss, code, out.read().decode("utf-8", "replace"))


def _sampled(
    command: list[str], cwd: Path | None, env: dict[str, str], stdout: object
) -> tuple[float, float, float, int]:
    """Without GNU time: poll the child's VmHWM (its peak since exec) until it exits."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.DEVNULL,
    )
    peak_kb = 0
    status_file = Path(f"/proc/{process.pid}/status")
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        try:
            for line in status_file.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak_kb = max(peak_kb, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        time.sleep(0.005)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, peak_kb / 1024, process.returncode
