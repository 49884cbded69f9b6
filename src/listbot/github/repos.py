"""Pure planning for the repository health checks: which repositories, which queries,
what the answers mean. The async sender is :mod:`listbot.checks.github_repos`.

One GraphQL query asks about up to 100 repositories at once, one alias each
(``r0: repository(owner: "a", name: "b") {...}``). GitHub follows renames in
``repository()``, so a moved repository comes back under its new ``nameWithOwner``; a
missing one comes back as ``null`` with a ``NOT_FOUND`` error naming its alias.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})
_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
_REPO = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")
RESERVED_OWNERS = frozenset(
    {
        "about", "apps", "blog", "collections", "contact", "customer-stories", "enterprise",
        "events", "explore", "features", "issues", "login", "marketplace", "new", "notifications",
        "orgs", "organizations", "pricing", "pulls", "readme", "search", "security", "settings",
        "site", "sponsors", "stars", "topics", "trending", "users",
    }
)  # fmt: skip
FIELDS = "nameWithOwner url isArchived pushedAt"


@dataclass(frozen=True)
class RepoFacts:
    """What GitHub said about one repository (``missing``: it does not exist or is private)."""

    missing: bool = False
    name_with_owner: str = ""
    url: str = ""
    archived: bool = False
    pushed_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "missing": self.missing,
            "name_with_owner": self.name_with_owner,
            "url": self.url,
            "archived": self.archived,
            "pushed_at": self.pushed_at,
        }

    @staticmethod
    def is_valid_json(value: Any) -> bool:
        """Whether a stored value has the shape :meth:`to_json` gives (else it is dropped)."""
        return (
            isinstance(value, Mapping)
            and isinstance(value.get("missing", False), bool)
            and isinstance(value.get("archived", False), bool)
            and all(isinstance(value.get(k) or "", str) for k in ("name_with_owner", "url"))
            and (value.get("pushed_at") is None or isinstance(value.get("pushed_at"), str))
        )

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> RepoFacts:
        return cls(
            missing=bool(value.get("missing")),
            name_with_owner=str(value.get("name_with_owner") or ""),
            url=str(value.get("url") or ""),
            archived=bool(value.get("archived")),
            pushed_at=value.get("pushed_at"),
        )


def repo_of(url: str) -> tuple[str, str] | None:
    """``(owner, name)`` for a link into a GitHub repository, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or (parts.hostname or "") not in GITHUB_HOSTS:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2:
        return None
    owner, name = segments[0], segments[1].removesuffix(".git")
    if owner.lower() in RESERVED_OWNERS or not _NAME.match(owner) or not _REPO.match(name):
        return None
    if name in (".", ".."):
        return None
    return owner, name


def is_repo_name(name_with_owner: str) -> bool:
    """Whether ``owner/name`` (as the API reports it) is a well-formed repository name."""
    owner, slash, name = name_with_owner.partition("/")
    return bool(
        slash and _NAME.fullmatch(owner) and _REPO.fullmatch(name) and name not in (".", "..")
    )


def key_of(owner: str, name: str) -> str:
    """The store and dedupe key: GitHub names are case-insensitive."""
    return f"{owner}/{name}".lower()


def batches(items: Sequence[tuple[str, str]], size: int) -> list[list[tuple[str, str]]]:
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def build_query(batch: Sequence[tuple[str, str]]) -> str:
    """One GraphQL query with an alias per repository (names are JSON-quoted)."""
    lines = [
        f"  r{index}: repository(owner: {json.dumps(owner)}, name: {json.dumps(name)})"
        f" {{ {FIELDS} }}"
        for index, (owner, name) in enumerate(batch)
    ]
    return "query {\n" + "\n".join(lines) + "\n}"


def read_answer(
    batch: Sequence[tuple[str, str]], answer: Mapping[str, Any]
) -> dict[str, RepoFacts]:
    """Facts by key for the repositories the answer is sure about (others are left out)."""
    data = answer.get("data") or {}
    not_found = {
        str(error["path"][0])
        for error in answer.get("errors") or []
        if isinstance(error, Mapping) and error.get("type") == "NOT_FOUND" and error.get("path")
    }
    facts: dict[str, RepoFacts] = {}
    for index, (owner, name) in enumerate(batch):
        alias = f"r{index}"
        node = data.get(alias) if isinstance(data, Mapping) else None
        if isinstance(node, Mapping):
            facts[key_of(owner, name)] = RepoFacts(
                name_with_owner=str(node.get("nameWithOwner") or f"{owner}/{name}"),
                url=str(node.get("url") or ""),
                archived=bool(node.get("isArchived")),
                pushed_at=node.get("pushedAt"),
            )
        elif alias in not_found:
            facts[key_of(owner, name)] = RepoFacts(missing=True)
    return facts


def moved_url(url: str, owner: str, name: str, new_name_with_owner: str) -> str:
    """``url`` with its ``owner/name`` replaced by the new one; the rest is kept."""
    parts = urlsplit(url)
    segments = parts.path.split("/")
    # segments[0] is "" (leading slash); the first two non-empty ones are owner and name.
    indexes = [i for i, s in enumerate(segments) if s][:2]
    new_owner, _, new_name = new_name_with_owner.partition("/")
    segments[indexes[0]] = new_owner
    suffix = ".git" if segments[indexes[1]].endswith(".git") else ""
    segments[indexes[1]] = new_name + suffix
    return parts._replace(scheme="https", netloc="github.com", path="/".join(segments)).geturl()


def days_since_push(facts: RepoFacts, now: float) -> float | None:
    if not facts.pushed_at:
        return None
    try:
        pushed = datetime.fromisoformat(facts.pushed_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (now - pushed.timestamp()) / 86400


def unique_repos(urls: Iterable[str]) -> list[tuple[str, str]]:
    """Each repository once, first spelling kept, in first-seen order."""
    seen: dict[str, tuple[str, str]] = {}
    for url in urls:
        repo = repo_of(url)
        if repo is not None:
            seen.setdefault(key_of(*repo), repo)
    return list(seen.values())
