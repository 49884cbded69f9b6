"""“Did you mean …?” for names a user typed: rule ids, tags, option keys, choices."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["closest", "did_you_mean"]


def _normal(name: str) -> str:
    return name.casefold().replace("_", "-").replace(" ", "-")


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate ``word`` most likely misspells (case, ``_`` for ``-`` and typos), or None."""
    by_normal: dict[str, str] = {}
    for candidate in candidates:
        by_normal.setdefault(_normal(candidate), candidate)
    normal = _normal(word)
    if normal in by_normal:
        return by_normal[normal]
    squashed = {key.replace("-", ""): key for key in by_normal}
    if normal.replace("-", "") in squashed:
        return by_normal[squashed[normal.replace("-", "")]]
    matches = difflib.get_close_matches(normal, list(by_normal), n=1, cutoff=0.75)
    return by_normal[matches[0]] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest candidate, or ``""`` when none is close."""
    match = closest(word, candidates)
    return f"; did you mean {match!r}?" if match is not None and match != word else ""
