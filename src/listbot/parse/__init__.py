"""Markdown → :class:`~listbot.model.Document`. The only entry into parsing.

Parts: ``positions`` (exact line:column on top of mistune, which has none), ``blocks``
(the mistune call and the walk that collects sections, list items, tables, HTML),
``html`` (links, headings and comments inside raw HTML), ``entries`` (list item → Entry,
paper fields) and ``slugs`` (GitHub heading anchors).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from listbot.model import Document
from listbot.source import read_source

__all__ = ["parse", "parse_file"]


def parse(text: str, path: str = "<string>", *, bom: bool = False) -> Document:
    """Parse Markdown text (BOM already removed) into a Document."""
    raise NotImplementedError("the parser is being written")


COMPANION_NAMES = (
    "contributing.md",
    ".github/contributing.md",
    "code-of-conduct.md",
    "code_of_conduct.md",
    ".github/code-of-conduct.md",
    ".github/code_of_conduct.md",
)
"""Files beside a list that awesome-lint's contributing and code-of-conduct rules read."""


def read_companions(list_path: Path) -> dict[str, str]:
    """Texts of the companion files that exist beside ``list_path`` (names matched case-insensitively)."""
    found: dict[str, str] = {}
    folder = list_path.parent
    for sub in ("", ".github"):
        directory = folder / sub if sub else folder
        try:
            names = [entry for entry in directory.iterdir() if entry.is_file()]
        except OSError:
            continue
        for entry in names:
            key = (f"{sub}/" if sub else "") + entry.name.lower()
            if key in COMPANION_NAMES:
                try:
                    found[key] = entry.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    found[key] = ""
    return found


def parse_file(path: str | Path) -> Document:
    """Read, decode and parse a file; raises InputError for what cannot be read."""
    source = read_source(path)
    document = parse(source.text, source.path, bom=source.bom)
    return dataclasses.replace(document, companions=read_companions(Path(path)))
