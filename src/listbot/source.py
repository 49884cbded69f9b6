"""Reading a list file from disk: decoding, BOM and line endings, with clear errors.

The bytes are never changed here; fixes write through :mod:`listbot.fix`, which restores
the BOM, the encoding and every line ending.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
"""Larger files are refused: no awesome list is anywhere near this size."""


class InputError(Exception):
    """A file that cannot be linted; the message names the file and what to do."""


@dataclass(frozen=True)
class SourceText:
    """Decoded text (BOM removed) and the facts needed to write it back byte for byte."""

    path: str
    text: str
    bom: bool
    newline: str


def dominant_newline(text: str) -> str:
    """The most common line ending in ``text`` (``\\n`` when there is none)."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def decode(data: bytes, path: str) -> SourceText:
    """Decode UTF-8 (with or without BOM); raise InputError with line and byte on failure."""
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{path}: looks like a binary file (NUL byte); listbot reads Markdown text"
        )
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        column_byte = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise InputError(
            f"{path}:{line}: invalid UTF-8 (byte 0x{data[offset]:02x} at byte {column_byte} of "
            f"the line, offset {offset}); save the file as UTF-8"
        ) from None
    return SourceText(path=path, text=text, bom=bom, newline=dominant_newline(text))


def read_source(path: str | Path) -> SourceText:
    """Read and decode a list file, refusing what is not a readable Markdown text file."""
    file = Path(path)
    name = str(path)
    if not file.exists():
        raise InputError(f"{name}: no such file")
    if file.is_dir():
        raise InputError(f"{name}: is a directory; name the Markdown file, e.g. {name}/README.md")
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{name}: {size // (1024 * 1024)} MB is larger than the "
                f"{MAX_BYTES // (1024 * 1024)} MB listbot reads; is this really a list?"
            )
        data = file.read_bytes()
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror or error}") from None
    return decode(data, name)
