"""Which lines of a PR a review may comment on, read from the patches GitHub returns.

GitHub rejects a whole review (422) when one comment is anchored outside the diff, so
every anchor is checked here first. Only the RIGHT side (the PR's head) matters: added
lines and the context lines around them inside a hunk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


@dataclass(frozen=True)
class FilePatch:
    """The RIGHT-side lines of one file's patch."""

    path: str
    added: frozenset[int] = frozenset()
    """Lines the PR adds or changes."""
    context: frozenset[int] = frozenset()
    """Every RIGHT-side line inside a hunk (added lines and unchanged context)."""
    hunks: tuple[tuple[int, int], ...] = field(default=())
    """(first, last) RIGHT-side line of each hunk, for range comments."""
    removed: tuple[str, ...] = ()
    """Text of the lines the PR removes (LEFT side), e.g. to tell a moved entry from a new one."""

    def same_hunk(self, first: int, last: int) -> bool:
        return any(start <= first and last <= end for start, end in self.hunks)


def parse_patch(path: str, patch: str | None) -> FilePatch:
    """Read a unified-diff ``patch`` (GitHub's per-file ``patch`` field) for ``path``.

    A missing patch (binary or too large a file) gives no commentable lines.
    """
    if not patch:
        return FilePatch(path)
    added: set[int] = set()
    context: set[int] = set()
    removed: list[str] = []
    hunks: list[tuple[int, int]] = []
    line = 0
    start = 0
    in_hunk = False
    for text in patch.splitlines():
        match = _HUNK.match(text)
        if match:
            if in_hunk and line > start:
                hunks.append((start, line - 1))
            line = start = int(match.group(1))
            in_hunk = True
            continue
        if not in_hunk or text.startswith("\\"):  # "\ No newline at end of file"
            continue
        if text.startswith("+"):
            added.add(line)
            context.add(line)
            line += 1
        elif text.startswith("-"):
            removed.append(text[1:])
            continue
        else:
            context.add(line)
            line += 1
    if in_hunk and line > start:
        hunks.append((start, line - 1))
    return FilePatch(path, frozenset(added), frozenset(context), tuple(hunks), tuple(removed))
