"""Figures for the arXiv check (issue 4) against the fake arXiv API on 127.0.0.1.

For each corpus list with arXiv links, and for all of them in one run: references, unique
valid IDs, requests sent (must be ceil(unique / batch_size)), title mismatches, wall time
of a cold run with ``delay = 0`` and of a warm run (cache only, no request), and the time
arXiv's one-request-every-3-seconds rule adds in real use. The fake server knows the
titles of the llms-practical-guide papers (tests/arxiv/data/); other IDs answer "not
found", which costs the same requests.

    python bench/arxiv_check.py  (not arxiv.py: that name would shadow the arxiv package)
"""

from __future__ import annotations

import asyncio
import math
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.arxiv.server import fake_arxiv, load_papers  # noqa: E402
from tests.conftest import corpus_files  # noqa: E402

from listbot.checks import CheckContext  # noqa: E402
from listbot.checks.arxiv import RULES, ArxivOptions, check_arxiv  # noqa: E402
from listbot.checks.arxiv_plan import ids_to_fetch  # noqa: E402
from listbot.config import Config  # noqa: E402
from listbot.model import Document  # noqa: E402
from listbot.normalize.arxiv_refs import collect_refs  # noqa: E402
from listbot.parse import parse  # noqa: E402
from listbot.store import open_store  # noqa: E402

SELECTED = frozenset(rule.id for rule in RULES)


async def measure(name: str, documents: list[Document], cache: Path) -> None:
    refs = [ref for doc in documents for ref in collect_refs(doc)]
    today = time.gmtime()
    unique = ids_to_fetch(refs, date(today.tm_year, today.tm_mon, 28))
    async with fake_arxiv(load_papers()) as server:
        options = ArxivOptions(api_url=server.url, delay=0.0)
        config = Config(sections={"arxiv": options})
        with open_store(cache) as store:
            context = CheckContext(documents, config, store, SELECTED)
            started = time.perf_counter()
            report = await check_arxiv(context)
            cold = time.perf_counter() - started
            sent = server.count
            started = time.perf_counter()
            await check_arxiv(context)
            warm = time.perf_counter() - started
        expected = math.ceil(len(unique) / options.batch_size)
        mismatches = sum(f.rule == "arxiv-title-mismatch" for f in report.findings)
        polite = max(sent - 1, 0) * ArxivOptions().delay
        note = "" if sent == expected else "; an all-empty batch is asked twice"
        print(
            f"{name:40} refs {len(refs):4}  unique {len(unique):4}  requests {sent} "
            f"(ceil {expected}{note})  "
            f"title-mismatch {mismatches:2}  cold {cold * 1000:6.0f} ms  "
            f"warm {warm * 1000:5.0f} ms (requests {server.count - sent})  "
            f"+{polite:.0f} s at 3 s/request"
        )


async def main() -> None:
    documents = []
    with tempfile.TemporaryDirectory() as folder:
        for number, path in enumerate(corpus_files()):
            doc = parse(path.read_text(encoding="utf-8"), path.name)
            if not collect_refs(doc):
                continue
            documents.append(doc)
            await measure(path.name, [doc], Path(folder) / f"{number}.sqlite")
        await measure("all lists in one run", documents, Path(folder) / "all.sqlite")


if __name__ == "__main__":
    asyncio.run(main())
