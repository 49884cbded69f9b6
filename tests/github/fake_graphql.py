"""GitHub's GraphQL API for the fake GitHub: every query is validated and executed against
GitHub's published schema (../shared/fixtures/github/schema.graphql) with graphql-core.

A misspelt field, a wrong argument or a missing fragment fails here as it would on GitHub.
:class:`Repositories` answers ``repository(owner:, name:)`` from plain dicts in GitHub's
field names; ``object(expression:)`` is answered from a ``paths`` table.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    build_schema,
    execute,
    parse,
    validate,
)

SCHEMA = (
    Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "github" / "schema.graphql"
)

# A clone without ../shared beside it (the README's quick start) skips, not fails, the tests
# that send GraphQL: without GitHub's schema their queries could not be checked.
needs_github_schema = pytest.mark.skipif(
    not SCHEMA.is_file(), reason="../shared/fixtures/github/schema.graphql is absent"
)


@lru_cache(maxsize=1)
def schema() -> GraphQLSchema:
    built = build_schema(SCHEMA.read_text(encoding="utf-8"), assume_valid_sdl=True)
    # GitHub's schema trips two of graphql-core's stricter checks about deprecated fields
    # on interfaces; they do not matter for executing queries, so the check is skipped.
    built._validation_errors = []  # type: ignore[attr-defined]
    return built


@lru_cache(maxsize=256)
def _checked(query: str) -> tuple[DocumentNode | None, tuple[str, ...]]:
    """The parsed query and its validation errors (the fake and its handler share them)."""
    try:
        document = parse(query)
    except GraphQLError as error:
        return None, (error.message,)
    return document, tuple(error.message for error in validate(schema(), document))


def errors_of(query: str) -> list[dict[str, Any]]:
    """GitHub-shaped errors when ``query`` is not valid against the schema, else []."""
    document, errors = _checked(query)
    if document is None:
        return [{"message": errors[0], "type": "PARSE_ERROR"}]
    return [{"message": message} for message in errors]


class NotFound(GraphQLError):
    """What GitHub answers for a repository that does not exist: ``type: NOT_FOUND``."""


def repository(
    *,
    stars: int = 100,
    created: str = "2020-01-01T00:00:00Z",
    pushed: str = "2026-12-01T00:00:00Z",
    archived: bool = False,
    fork: bool = False,
    license: str | None = "MIT",
    release: str | None = "v1.0.0",
    tags: tuple[str, ...] = (),
    paths: Mapping[str, tuple[str, ...] | None] | None = None,
    name_with_owner: str | None = None,
) -> dict[str, Any]:
    """A repository in GitHub's field names. ``paths`` maps a path on HEAD to the names in
    that folder (a tree) or None (a file); missing paths do not exist."""
    return {
        "nameWithOwner": name_with_owner,
        "stargazerCount": stars,
        "createdAt": created,
        "pushedAt": pushed,
        "isArchived": archived,
        "isFork": fork,
        "licenseInfo": {"spdxId": license, "name": license} if license else None,
        "latestRelease": {"tagName": release} if release else None,
        "tags": tags,
        "paths": dict(paths if paths is not None else {"": ("README.md", "LICENSE")}),
    }


class Repositories:
    """A GraphQL handler for FakeGitHub: executes each query against the schema."""

    def __init__(self, repos: Mapping[str, dict[str, Any] | None]) -> None:
        self.repos = {key.lower(): value for key, value in repos.items()}
        self.queries: list[str] = []

    def __call__(self, payload: dict[str, Any]) -> dict[str, Any]:
        query = payload["query"]
        self.queries.append(query)
        errors = errors_of(query)
        if errors:
            return {"errors": errors}
        document, _ = _checked(query)
        assert document is not None
        result = execute(
            schema(),
            document,
            root_value=_ROOT,
            field_resolver=self._resolve,
            variable_values=payload.get("variables") or {},
        )
        answer: dict[str, Any] = {"data": result.data}
        if result.errors:
            answer["errors"] = [
                {
                    "message": error.message,
                    "path": error.path,
                    **({"type": "NOT_FOUND"} if isinstance(error.original_error, NotFound) else {}),
                }
                for error in result.errors
            ]
        return answer

    def _resolve(self, source: Any, info: Any, **args: Any) -> Any:
        field = info.field_name
        if source is _ROOT:
            if field != "repository":
                raise GraphQLError(f"the fake GitHub does not answer {field}")
            key = f"{args['owner']}/{args['name']}".lower()
            repo = self.repos.get(key)
            if repo is None:
                raise NotFound(f"Could not resolve to a Repository with the name '{key}'.")
            return {**repo, "_key": f"{args['owner']}/{args['name']}"}
        if not isinstance(source, Mapping):
            return getattr(source, field, None)
        if "_key" in source:  # a repository
            return self._repository_field(source, field, args)
        return source.get(field)

    @staticmethod
    def _repository_field(repo: Mapping[str, Any], field: str, args: Mapping[str, Any]) -> Any:
        if field == "nameWithOwner":
            return repo.get("nameWithOwner") or repo["_key"]
        if field == "url":
            return f"https://github.com/{repo.get('nameWithOwner') or repo['_key']}"
        if field == "refs":
            return {"nodes": [{"name": tag} for tag in repo.get("tags", ())][: args.get("first")]}
        if field == "object":
            path = str(args["expression"]).removeprefix("HEAD:").strip("/")
            paths = repo.get("paths") or {}
            if path not in paths:
                return None
            names = paths[path]
            if names is None:
                return {"__typename": "Blob"}
            return {"__typename": "Tree", "entries": [{"name": name} for name in names]}
        return repo.get(field)


_ROOT = object()
