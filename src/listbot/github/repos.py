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
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from listbot.normalize.urls import plain_http_parts

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
POLICY_FIELDS = (
    "createdAt stargazerCount isFork licenseInfo { spdxId name } "
    "latestRelease { tagName } "
    'refs(refPrefix: "refs/tags/", first: 1, '
    "orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) { nodes { name } } "
    'root: object(expression: "HEAD:") { ... on Tree { entries { name } } } '
    'workflows: object(expression: "HEAD:.github/workflows") { ... on Tree { entries { name } } }'
)
"""What contribution policies ask about (``github-requirements``), in the same query:
stars, creation date, fork, licence, latest release and tag, the files at the root (the
README) and the workflows folder (CI)."""


@dataclass(frozen=True)
class RepoFacts:
    """What GitHub said about one repository (``missing``: it does not exist or is private)."""

    missing: bool = False
    name_with_owner: str = ""
    url: str = ""
    archived: bool = False
    pushed_at: str | None = None
    policy: bool = False
    """Whether the facts below were asked for (the health checks alone do not need them)."""
    created_at: str | None = None
    stars: int = 0
    fork: bool = False
    license: str | None = None
    """SPDX id of the licence GitHub recognises (``NOASSERTION`` for one it cannot name)."""
    release: str | None = None
    """Tag of the latest release."""
    latest_tag: str | None = None
    root_files: tuple[str, ...] = ()
    workflows: int = 0
    """Files in ``.github/workflows``."""
    files: Mapping[str, bool] = field(default_factory=dict)
    """Whether each path asked for exists on the default branch."""

    def to_json(self) -> dict[str, Any]:
        return {
            "missing": self.missing,
            "name_with_owner": self.name_with_owner,
            "url": self.url,
            "archived": self.archived,
            "pushed_at": self.pushed_at,
            "policy": self.policy,
            "created_at": self.created_at,
            "stars": self.stars,
            "fork": self.fork,
            "license": self.license,
            "release": self.release,
            "latest_tag": self.latest_tag,
            "root_files": list(self.root_files),
            "workflows": self.workflows,
            "files": dict(self.files),
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
            policy=bool(value.get("policy")),
            created_at=value.get("created_at"),
            stars=int(value.get("stars") or 0),
            fork=bool(value.get("fork")),
            license=value.get("license"),
            release=value.get("release"),
            latest_tag=value.get("latest_tag"),
            root_files=tuple(str(name) for name in value.get("root_files") or ()),
            workflows=int(value.get("workflows") or 0),
            files={str(k): bool(v) for k, v in (value.get("files") or {}).items()},
        )

    def answers(self, files: Sequence[str]) -> bool:
        """Whether these facts answer a policy that asks for ``files``."""
        return self.missing or (self.policy and all(path in self.files for path in files))


def repo_of(url: str) -> tuple[str, str] | None:
    """``(owner, name)`` for a link into a GitHub repository, else None."""
    url = url.strip()
    plain = plain_http_parts(url)
    if plain is not None:
        host, path = plain[0], plain[1]
    else:
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme.lower() not in ("http", "https"):
            return None
        host, path = parts.hostname or "", parts.path
    if host not in GITHUB_HOSTS:
        return None
    segments = [s for s in path.split("/") if s]
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


def build_query(
    batch: Sequence[tuple[str, str]], *, policy: bool = False, files: Sequence[str] = ()
) -> str:
    """One GraphQL query with an alias per repository (names are JSON-quoted). With
    ``policy``, also what contribution policies ask about, and whether each of ``files``
    exists (alias ``f0``, ``f1``, ...). The fields are written once, in a fragment: the
    query stays small (GitHub parses it, and counts its size) however long the batch."""
    fields = FIELDS
    if policy:
        fields += " " + POLICY_FIELDS
        for index, path in enumerate(files):
            expression = json.dumps("HEAD:" + path.strip("/"))
            fields += f" f{index}: object(expression: {expression}) {{ __typename }}"
    lines = [
        f"  r{index}: repository(owner: {json.dumps(owner)}, name: {json.dumps(name)})"
        " { ...facts }"
        for index, (owner, name) in enumerate(batch)
    ]
    return "query {\n" + "\n".join(lines) + "\n}\nfragment facts on Repository { " + fields + " }"


def _entries(node: Any) -> list[str]:
    if not isinstance(node, Mapping):
        return []
    return [str(e.get("name")) for e in node.get("entries") or [] if isinstance(e, Mapping)]


def _facts(node: Mapping[str, Any], owner: str, name: str, files: Sequence[str]) -> RepoFacts:
    health = RepoFacts(
        name_with_owner=str(node.get("nameWithOwner") or f"{owner}/{name}"),
        url=str(node.get("url") or ""),
        archived=bool(node.get("isArchived")),
        pushed_at=node.get("pushedAt"),
    )
    if "stargazerCount" not in node:
        return health
    licence = node.get("licenseInfo")
    release = node.get("latestRelease")
    tags = (node.get("refs") or {}).get("nodes") or []
    workflows = node.get("workflows")
    return replace(
        health,
        policy=True,
        created_at=node.get("createdAt"),
        stars=int(node.get("stargazerCount") or 0),
        fork=bool(node.get("isFork")),
        license=str(licence.get("spdxId") or "NOASSERTION")
        if isinstance(licence, Mapping)
        else None,
        release=str(release.get("tagName")) if isinstance(release, Mapping) else None,
        latest_tag=str(tags[0].get("name")) if tags and isinstance(tags[0], Mapping) else None,
        root_files=tuple(_entries(node.get("root"))),
        workflows=len(_entries(workflows)),
        files={path: node.get(f"f{index}") is not None for index, path in enumerate(files)},
    )


def read_answer(
    batch: Sequence[tuple[str, str]], answer: Mapping[str, Any], files: Sequence[str] = ()
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
            facts[key_of(owner, name)] = _facts(node, owner, name, files)
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


def days_since(timestamp: str | None, now: float) -> float | None:
    """Days from an ISO 8601 time (GitHub's ``2024-01-31T12:00:00Z``) to ``now``."""
    if not timestamp:
        return None
    try:
        then = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (now - then.timestamp()) / 86400


def days_since_push(facts: RepoFacts, now: float) -> float | None:
    return days_since(facts.pushed_at, now)


def unique_repos(urls: Iterable[str]) -> list[tuple[str, str]]:
    """Each repository once, first spelling kept, in first-seen order."""
    seen: dict[str, tuple[str, str]] = {}
    for url in urls:
        repo = repo_of(url)
        if repo is not None:
            seen.setdefault(key_of(*repo), repo)
    return list(seen.values())
