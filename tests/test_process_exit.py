"""``listbot`` exits without tearing the interpreter down (``listbot.__main__.exit_now``);
nothing a run leaves for its exit may be lost: output, exit handlers, live threads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _python(code: str, *, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=cwd
    )


def test_buffered_output_and_exit_code_survive() -> None:
    done = _python(
        "import sys\n"
        "from listbot.__main__ import exit_now\n"
        "sys.stdout.write('x' * 3_000_000)\n"
        "sys.stderr.write('warning\\n')\n"
        "exit_now(3)\n"
    )
    assert done.returncode == 3
    assert len(done.stdout) == 3_000_000
    assert done.stderr == "warning\n"


def test_exit_handlers_still_run(tmp_path: Path) -> None:
    done = _python(
        "import atexit, tempfile\n"
        "from listbot.__main__ import exit_now\n"
        "atexit.register(print, 'handler ran')\n"
        f"folder = tempfile.TemporaryDirectory(dir={str(tmp_path)!r})\n"
        "exit_now(0)\n"
    )
    assert done.returncode == 0
    assert done.stdout == "handler ran\n"
    assert list(tmp_path.iterdir()) == []  # the temporary folder's finalizer removed it


def test_a_live_thread_is_waited_for() -> None:
    done = _python(
        "import threading, time\n"
        "from listbot.__main__ import exit_now\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    print('thread finished', flush=True)\n"
        "threading.Thread(target=late).start()\n"
        "exit_now(1)\n"
    )
    assert done.returncode == 1
    assert done.stdout == "thread finished\n"


def test_the_command_exits_with_its_code_and_whole_report(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Awesome X\n\n- [A](https://a.example) - lower case start\n")
    done = subprocess.run(
        [sys.executable, "-m", "listbot", "lint", "--offline", "--format", "json", str(readme)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout.rstrip().endswith("}")
    assert '"awesome-list-item"' in done.stdout


def test_no_garbage_collection_once_the_run_is_over(tmp_path: Path) -> None:
    """A collection between the end of the run and the exit would scan everything the run
    built, for nothing: the process frees it all at once."""
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome X\n\n"
        + "".join(f"- [E{n}](https://e{n}.example) - Entry.\n" for n in range(300))
    )
    done = _python(
        "import gc, sys\n"
        "import listbot.__main__, listbot.cli\n"
        "finished = []\n"
        "run = listbot.cli.main\n"
        "def main():\n"
        "    code = run()\n"
        "    finished.append(True)\n"
        "    return code\n"
        "listbot.cli.main = main\n"
        "def watch(phase, info):\n"
        "    if phase == 'start' and finished:\n"
        "        sys.stderr.write('a collection after the run')\n"
        "gc.callbacks.append(watch)\n"
        f"sys.argv = ['listbot', 'lint', '--offline', '--exit-zero', {str(readme)!r}]\n"
        "listbot.__main__.main()\n"
    )
    assert done.returncode == 0, done.stderr
    assert "awesome-badge" in done.stdout  # the run did lint the list
    assert "after the run" not in done.stderr
