"""``listbot lint`` end to end with the arXiv check pointed at the fake API (run in a thread)."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from listbot.cli import main
from tests.arxiv.server import FakeArxiv, fake_arxiv

PAPERS = {
    "1910.02054": {"title": "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models"},
    "2005.14165": {"title": "Language Models are Few-Shot Learners", "published": "2020-05-28"},
}
LIST = """# Papers

- **Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism**, 2019. [Paper](https://arxiv.org/abs/1910.02054)
- **Language Models are Few-Shot Learners**, NeurIPS 2020. [Paper](https://arxiv.org/pdf/2005.14165v1.pdf)
"""
ARXIV_RULES = "arxiv-title-mismatch,arxiv-not-found,arxiv-link-form,arxiv-invalid-id"


@contextmanager
def server_thread(papers: dict[str, Any]) -> Iterator[FakeArxiv]:
    """The fake API on its own event loop, for code that calls asyncio.run itself."""
    ready = threading.Event()
    stop: list[asyncio.Event] = []
    holder: list[FakeArxiv] = []

    async def serve() -> None:
        async with fake_arxiv(papers) as server:
            holder.append(server)
            stop.append(asyncio.Event())
            ready.set()
            await stop[0].wait()

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), daemon=True)
    thread.start()
    assert ready.wait(10), "fake arXiv did not start"
    try:
        yield holder[0]
    finally:
        loop.call_soon_threadsafe(stop[0].set)
        thread.join(10)
        loop.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "README.md").write_text(LIST, encoding="utf-8")
    return tmp_path


def _config(project: Path, server: FakeArxiv) -> Path:
    path = project / "listbot.toml"
    path.write_text(f'[arxiv]\napi_url = "{server.url}"\ndelay = 0\n', encoding="utf-8")
    return path


def test_lint_reports_the_wrong_paper_and_uses_the_cache(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme, cache = project / "README.md", project / "cache.sqlite"
    with server_thread(PAPERS) as server:
        args = [
            "lint", str(readme), "--select", ARXIV_RULES, "--config", str(_config(project, server)),
            "--cache", str(cache), "--format", "json",
        ]  # fmt: skip
        assert main(args) == 1
        first = json.loads(capsys.readouterr().out)
        assert main(args) == 1
        second = json.loads(capsys.readouterr().out)
        assert server.count == 1, "the second run must come from the cache"
    rules = sorted((f["rule"], f["line"]) for f in first["findings"])
    assert rules == [("arxiv-link-form", 4), ("arxiv-title-mismatch", 3)]
    assert second["findings"] == first["findings"]


def test_fix_rewrites_the_pdf_link(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = project / "README.md"
    with server_thread(PAPERS) as server:
        config = _config(project, server)
        arguments = ["lint", str(readme), "--select", "arxiv-link-form", "--config", str(config),
                     "--no-cache", "--fix"]  # fmt: skip
        main(arguments)  # a PDF link is another document: plain --fix leaves it
        capsys.readouterr()
        assert readme.read_text(encoding="utf-8") == LIST
        code = main([*arguments, "--unsafe-fixes"])
        capsys.readouterr()
    assert code == 0
    text = readme.read_text(encoding="utf-8")
    assert "[Paper](https://arxiv.org/abs/2005.14165)" in text
    assert text.replace("https://arxiv.org/abs/2005.14165)", "X)") == LIST.replace(
        "https://arxiv.org/pdf/2005.14165v1.pdf)", "X)"
    )


def test_offline_sends_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with server_thread(PAPERS) as server:
        config = _config(project, server)
        main(["lint", str(project / "README.md"), "--offline", "--config", str(config)])
        capsys.readouterr()
        assert server.count == 0
