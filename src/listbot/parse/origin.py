"""Where a list is published: the git remote of the folder it sits in.

awesome-lint's code-of-conduct rule allows the template author's address when the list
is the template author's, and finds the list's owner from the repository URL it is given
or from ``package.json``'s ``repository``. listbot gathers the same facts without letting
rules read files or the environment:

- ``package.json`` beside the list is read with the other companion files
  (:func:`listbot.parse.read_companions`, :attr:`Document.companions`);
- the git remote (``remote "origin"``, else the first remote, of the nearest ``.git``
  above the list, worktrees included) is read here, by :func:`listbot.parse.parse_file`,
  into :attr:`Document.origin`;
- ``GITHUB_REPOSITORY`` (GitHub Actions) is read by the command layer
  (:func:`listbot.commands.common.resolve_config`), which passes its owner as the rule's
  ``repository_owner`` option when the configuration sets none.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["git_remote"]

_SECTION = re.compile(r'^\s*\[\s*remote\s+"([^"]+)"\s*\]\s*$')
_OTHER_SECTION = re.compile(r"^\s*\[")
_URL = re.compile(r"^\s*url\s*=\s*(\S+)\s*$")


def git_remote(folder: Path) -> str | None:
    """The URL of the git remote of the repository ``folder`` is in, or None."""
    config = _git_config(folder)
    if config is None:
        return None
    try:
        text = config.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    remotes: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        section = _SECTION.match(line)
        if section:
            current = section.group(1)
            continue
        if _OTHER_SECTION.match(line):
            current = None
            continue
        url = _URL.match(line)
        if current is not None and url and current not in remotes:
            remotes[current] = url.group(1)
    return remotes.get("origin") or next(iter(remotes.values()), None)


def _git_config(folder: Path) -> Path | None:
    """The ``config`` file of the repository ``folder`` belongs to (a worktree's too)."""
    try:
        here = folder.resolve()
    except OSError:
        return None
    for directory in (here, *here.parents):
        marker = directory / ".git"
        try:
            if marker.is_dir():
                return marker / "config"
            if marker.is_file():  # a worktree or submodule: "gitdir: <path>"
                return _linked_config(marker)
        except OSError:
            return None
    return None


def _linked_config(marker: Path) -> Path | None:
    try:
        line = marker.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None
    if not line.startswith("gitdir:"):
        return None
    gitdir = (marker.parent / line[len("gitdir:") :].strip()).resolve()
    common = gitdir / "commondir"
    try:
        if common.is_file():
            gitdir = (gitdir / common.read_text(encoding="utf-8").strip()).resolve()
    except OSError:
        return None
    return gitdir / "config"
