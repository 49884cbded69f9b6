"""The public API is exactly what we mean to export (httpx's test_exported_members)."""

from __future__ import annotations

import listbot


def test_all_is_exact_and_importable() -> None:
    assert sorted(listbot.__all__) == sorted(
        [
            "Config",
            "ConfigError",
            "Document",
            "Edit",
            "Entry",
            "Finding",
            "Fix",
            "InputError",
            "LintResult",
            "Link",
            "Section",
            "Severity",
            "__version__",
            "lint_file",
            "lint_text",
            "load_config",
            "parse",
            "parse_file",
        ]
    )
    for name in listbot.__all__:
        assert getattr(listbot, name) is not None


def test_lint_text_returns_document_and_findings() -> None:
    result = listbot.lint_text(
        "# T\n\n- [a](https://a.dev) - A.", config=listbot.Config(select=("final-newline",))
    )
    assert result.document.title is not None and result.document.title.text == "T"
    assert [f.rule for f in result.findings] == ["final-newline"]
    assert result.findings[0].file == "<string>"
