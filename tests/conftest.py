"""Shared fixtures: where the corpus and recorded fixtures are (``../shared`` beside the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
FIXTURES = SHARED / "fixtures"


def corpus_files() -> list[Path]:
    """The real awesome lists in ../shared/corpus (empty when the folder is absent)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.glob("*.md") if p.name != "SOURCES.md")


def corpus_params() -> list[object]:
    """Parametrize over the corpus; a single skipped case when it is absent."""
    files = corpus_files()
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared/corpus is absent"))]
    return [pytest.param(path, id=path.name) for path in files]


def corpus_and_fuzz_params() -> list[object]:
    """The corpus and the inputs that once crashed or hung listbot (``fixtures/fuzz``)."""
    fuzz = sorted((FIXTURES / "fuzz").glob("*.md"))
    return [*corpus_params(), *(pytest.param(path, id=f"fuzz/{path.name}") for path in fuzz)]


@pytest.fixture(autouse=True)
def _no_real_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test asks the machine's DNS: names resolve only through the test's own mapping
    (``[links] resolve``) or resolver, and ``localhost`` to 127.0.0.1."""
    from listbot.net import http
    from tests.net.resolvers import LocalOnly

    monkeypatch.setattr(http, "resolver_factory", LocalOnly)


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS
