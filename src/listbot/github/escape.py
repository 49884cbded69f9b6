"""Untrusted text made safe for the Markdown bodies the bot posts on GitHub.

Entry names, URLs and messages come from a list or a pull request, so anyone can write
them. They must not inject HTML, markup, ``@mentions`` (which notify people) or ``#123``
references (which link issues). URLs are shown as code spans, where GitHub neither links
nor mentions. (Workflow commands are escaped by :mod:`listbot.report.github`.)
"""

from __future__ import annotations

import re

BODY_LIMIT = 65_536
"""GitHub refuses issue, comment and review bodies longer than this many characters."""
SAFE_LIMIT = 60_000
"""What the bot aims to stay under, leaving room for headers and markers."""
ZWSP = "\u200b"

_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'`]+|www\.[^\s<>\"'`]+", re.IGNORECASE)
_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^$])")
_MENTION = re.compile(r"@(?=[A-Za-z0-9_-])")
_REFERENCE = re.compile(r"#(?=\d)")
_GH_REFERENCE = re.compile(r"\b(GH)-(?=\d)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _neutralise(text: str) -> str:
    """``@mentions`` and ``#123``/``GH-123`` references made inert (a zero-width space)."""
    text = _MENTION.sub("@" + ZWSP, text)
    text = _REFERENCE.sub("#" + ZWSP, text)
    return _GH_REFERENCE.sub(lambda m: m.group(1) + ZWSP + "-", text)


def _prose(text: str) -> str:
    text = _neutralise(text)
    text = _PUNCTUATION.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def code(text: str, *, limit: int = 300, table: bool = False) -> str:
    """``text`` as an inline code span, on one line, shortened to ``limit`` characters."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if not text:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    if table:
        text = text.replace("|", "\\|")
    return f"{fence}{text}{fence}"


def _trim_url(url: str) -> str:
    """Drop trailing punctuation that belongs to the prose, as GitHub's autolinker does."""
    while url and (url[-1] in ".,;:!?'\"" or (url[-1] == ")" and url.count(")") > url.count("("))):
        url = url[:-1]
    return url


def inline(text: str, *, limit: int = 1_000, table: bool = False) -> str:
    """Untrusted prose for Markdown: one line, URLs as code, markup and HTML escaped."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    parts: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = _trim_url(match.group(0))
        parts.append(_prose(text[position : match.start()]))
        parts.append(code(url, table=table))
        position = match.start() + len(url)
    parts.append(_prose(text[position:]))
    return "".join(parts)


def fit(parts: list[str], *, limit: int = SAFE_LIMIT, more: str = "") -> str:
    """Join ``parts`` with newlines, dropping trailing ones that would exceed ``limit``.

    ``more`` is a format string with ``{count}`` that says how many parts were left out.
    """
    kept: list[str] = []
    size = 0
    for index, part in enumerate(parts):
        if size + len(part) + 1 > limit:
            if more:
                kept.append(more.format(count=len(parts) - index))
            break
        kept.append(part)
        size += len(part) + 1
    body = "\n".join(kept)
    return body if len(body) <= limit else body[: limit - 1] + "…"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: str, *, limit: int = 300) -> str:
    """Untrusted text for a place that is not Markdown (a commit message): one line, no
    control or bidi characters, ``@mentions`` and ``#123`` references neutralised."""
    text = _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _neutralise(text)
