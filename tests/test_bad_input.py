"""Bad and extreme input: no traceback, a clear message, exit 2 only for what cannot be read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from listbot.cli import main
from listbot.parse import parse
from tests.conftest import corpus_params


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("path", corpus_params())
def test_every_corpus_file_lints_without_error_and_is_not_modified(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(path)
    code = main(["lint", "--offline", "--format", "json", str(path)])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    assert "Traceback" not in captured.err
    assert digest(path) == before


def test_ten_megabyte_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = "- [Project](https://example.com/p) - Does a thing, quite well.\n"
    path = tmp_path / "big.md"
    path.write_text("# Big\n\n" + line * (10 * 1024 * 1024 // len(line)), encoding="utf-8")
    assert path.stat().st_size > 10_000_000
    assert main(["lint", "--offline", "--quiet", "--select", "final-newline", str(path)]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_thousand_deep_nested_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "# Deep\n\n" + "".join(
        "  " * depth + f"- [n{depth}](https://e.com/{depth}) - X.\n" for depth in range(1000)
    )
    path = tmp_path / "deep.md"
    path.write_text(text, encoding="utf-8")
    code = main(["lint", "--offline", str(path)])
    assert code in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


def test_empty_and_whitespace_documents() -> None:
    for text in ("", "\n", "   ", "\r\n\r\n", "\ufeff"):
        document = parse(text)
        assert document.entries == () and document.links == ()
