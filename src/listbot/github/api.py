"""The only PyGithub import: a small GitHub client that speaks in plain values.

Everything the bot needs from GitHub goes through :class:`GitHubClient`, which returns
frozen dataclasses and raises :class:`GitHubError` (with the HTTP status) for every
PyGithub or transport failure, so the rest of the package never sees a PyGithub type.
The token is given to PyGithub and never appears in a message.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
from github.GithubRetry import GithubRetry

from github import Auth, Github, GithubException

DEFAULT_API_URL = "https://api.github.com"
MAX_WAIT = 120.0
"""The longest the client sleeps for a rate limit before giving up (the run must end)."""

T = TypeVar("T")


class GitHubError(Exception):
    """GitHub answered with an error, or could not be reached (status 0)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"GitHub API error {status}: {message}" if status else message)
        self.status = status

    @property
    def forbidden(self) -> bool:
        """A read-only token (fork PR) or missing permission: degrade, do not fail."""
        return self.status in (401, 403, 404)


@dataclass(frozen=True)
class ChangedFile:
    path: str
    status: str
    patch: str | None


@dataclass(frozen=True)
class PullInfo:
    number: int
    head_sha: str
    head_repo: str
    base_repo: str

    @property
    def from_fork(self) -> bool:
        return bool(self.head_repo) and self.head_repo.lower() != self.base_repo.lower()


@dataclass(frozen=True)
class Comment:
    """A PR review comment (with path and line) or an issue/PR conversation comment."""

    id: int
    body: str
    login: str
    path: str | None = None
    line: int | None = None
    in_reply_to: int | None = None


@dataclass(frozen=True)
class Issue:
    number: int
    title: str
    body: str
    is_pull: bool = False


@dataclass(frozen=True)
class RepoInfo:
    full_name: str
    default_branch: str
    fork: bool


@dataclass(frozen=True)
class CommitInfo:
    sha: str
    tree: str
    parents: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class TreeEntry:
    """One path of a recursive tree listing: ``mode`` 100644 (file), 100755, 120000 (link)..."""

    path: str
    mode: str
    type: str
    sha: str


@dataclass(frozen=True)
class Pull:
    """A pull request as a listing shows it."""

    number: int
    state: str
    merged: bool
    title: str
    body: str
    head_sha: str
    base: str


def _raw(item: Any) -> dict[str, Any]:
    """The JSON an object was built from. PyGithub's ``raw_data`` would GET each listed
    object again to "complete" it, so the adapter reads what the listing returned."""
    return getattr(item, "_rawData", None) or {}


def _message(error: GithubException) -> str:
    data = error.data
    if isinstance(data, dict):
        text = str(data.get("message") or "")
        details = data.get("errors")
        if isinstance(details, list) and details:
            text += ": " + "; ".join(
                str(item.get("message", item)) if isinstance(item, dict) else str(item)
                for item in details
            )
        return text or "no message"
    return str(data or "no message")[:200]


class GitHubClient:
    """One repository's worth of REST and GraphQL calls, with errors translated."""

    def __init__(
        self,
        token: str | None,
        *,
        api_url: str = DEFAULT_API_URL,
        retry: bool = True,
        throttle: bool = True,
        timeout: float = 30.0,
    ) -> None:
        kwargs: dict[str, Any] = {}
        if not retry:
            kwargs["retry"] = None
        else:  # PyGithub's default waits for a rate-limit reset however far away it is
            kwargs["retry"] = GithubRetry(total=10, connect=2, max_rate_limit_wait=MAX_WAIT)
        if not throttle:
            kwargs["seconds_between_requests"] = None
            kwargs["seconds_between_writes"] = None
        self._settings: dict[str, Any] = {
            "auth": Auth.Token(token) if token else None,
            "base_url": api_url.rstrip("/"),
            "timeout": int(timeout),
            "per_page": 100,
            "lazy": True,
            **kwargs,
        }
        self._github = Github(**self._settings)
        self._reader: Github | None = None
        self._objects: dict[tuple[str, int], Any] = {}

    def close(self) -> None:
        self._github.close()
        if self._reader is not None:
            self._reader.close()

    @property
    def _queries(self) -> Github:
        """The client for GraphQL queries: a query is a POST, and PyGithub pauses
        ``seconds_between_writes`` (1 s) before every POST, but a query writes nothing.
        A second client without the pauses keeps them for the real writes (comments,
        reviews, issues) of the first, and the queries out of their timing."""
        if self._reader is None:
            settings = {**self._settings, "seconds_between_requests": None}
            self._reader = Github(**{**settings, "seconds_between_writes": None})
        return self._reader

    def __enter__(self) -> GitHubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except GithubException as error:
            raise GitHubError(error.status or 0, _message(error)) from None
        except requests.RequestException as error:
            raise GitHubError(0, f"cannot reach GitHub: {type(error).__name__}") from None
        except (AssertionError, RuntimeError) as error:  # PyGithub's URL checks
            raise GitHubError(0, f"unexpected answer from GitHub: {error}") from None

    def _pull(self, repo: str, number: int) -> Any:
        return self._github.get_repo(repo).get_pull(number)

    def token_login(self) -> str | None:
        """The token's own login, when GitHub tells (personal tokens; the Actions token
        answers 403), so that comments posted with a personal token are recognised."""
        try:
            return self._call(lambda: str(self._github.get_user().login))
        except GitHubError:
            return None

    # -- pull requests -------------------------------------------------------------------

    def pull_info(self, repo: str, number: int) -> PullInfo:
        def fetch() -> PullInfo:
            data = self._pull(repo, number).raw_data
            head_repo = (data.get("head") or {}).get("repo") or {}
            base_repo = (data.get("base") or {}).get("repo") or {}
            return PullInfo(
                number=number,
                head_sha=str(data["head"]["sha"]),
                head_repo=str(head_repo.get("full_name") or ""),
                base_repo=str(base_repo.get("full_name") or repo),
            )

        return self._call(fetch)

    def pull_files(self, repo: str, number: int) -> list[ChangedFile]:
        return self._call(
            lambda: [
                ChangedFile(f.filename, f.status, f.patch)
                for f in self._pull(repo, number).get_files()
            ]
        )

    def file_bytes(self, repo: str, path: str, ref: str) -> bytes:
        """A file's bytes at ``ref`` through the contents API (no checkout needed)."""

        def fetch() -> bytes:
            content = self._github.get_repo(repo).get_contents(path, ref=ref)
            if isinstance(content, list):
                raise GitHubError(0, f"{path} is a directory at {ref[:12]}")
            raw = _raw(content)
            if raw.get("encoding") == "base64" and raw.get("content") is not None:
                return base64.b64decode(raw["content"])
            blob = self._github.get_repo(repo).get_git_blob(content.sha)
            return base64.b64decode(blob.content)

        return self._call(fetch)

    def review_comments(self, repo: str, number: int) -> list[Comment]:
        def fetch() -> list[Comment]:
            found = []
            for item in self._pull(repo, number).get_review_comments():
                self._objects[("review-comment", item.id)] = item
                raw = _raw(item)
                found.append(
                    Comment(
                        id=item.id,
                        body=item.body or "",
                        login=item.user.login if item.user else "",
                        path=raw.get("path"),
                        line=raw.get("line"),
                        in_reply_to=raw.get("in_reply_to_id"),
                    )
                )
            return found

        return self._call(fetch)

    def review_bodies(self, repo: str, number: int) -> list[Comment]:
        return self._call(
            lambda: [
                Comment(id=r.id, body=r.body or "", login=r.user.login if r.user else "")
                for r in self._pull(repo, number).get_reviews()
            ]
        )

    def create_review(
        self, repo: str, number: int, head_sha: str, body: str, comments: Sequence[dict[str, Any]]
    ) -> None:
        """One review with ``event: COMMENT`` on the head commit."""
        repository = self._github.get_repo(repo)
        self._call(
            lambda: self._pull(repo, number).create_review(
                commit=repository.get_commit(head_sha),
                body=body,
                event="COMMENT",
                comments=list(comments),  # type: ignore[arg-type]
            )
        )

    def delete_review_comment(self, comment_id: int) -> None:
        item = self._objects[("review-comment", comment_id)]
        self._call(item.delete)

    def issue_comments(self, repo: str, number: int) -> list[Comment]:
        def fetch() -> list[Comment]:
            found = []
            for item in self._github.get_repo(repo).get_issue(number).get_comments():
                self._objects[("issue-comment", item.id)] = item
                found.append(
                    Comment(item.id, item.body or "", item.user.login if item.user else "")
                )
            return found

        return self._call(fetch)

    def create_issue_comment(self, repo: str, number: int, body: str) -> None:
        self._call(lambda: self._github.get_repo(repo).get_issue(number).create_comment(body))

    def edit_issue_comment(self, comment_id: int, body: str) -> None:
        item = self._objects[("issue-comment", comment_id)]
        self._call(lambda: item.edit(body))

    def delete_issue_comment(self, comment_id: int) -> None:
        item = self._objects[("issue-comment", comment_id)]
        self._call(item.delete)

    # -- issues --------------------------------------------------------------------------

    def open_issues(self, repo: str, label: str) -> list[Issue]:
        """Open issues with ``label``, oldest first; pull requests are marked ``is_pull``."""

        def fetch() -> list[Issue]:
            found = []
            for item in self._github.get_repo(repo).get_issues(
                state="open", labels=[label], sort="created", direction="asc"
            ):
                self._objects[("issue", item.number)] = item
                found.append(
                    Issue(
                        item.number,
                        item.title or "",
                        item.body or "",
                        is_pull=_raw(item).get("pull_request") is not None,
                    )
                )
            return found

        return self._call(fetch)

    def ensure_label(
        self, repo: str, name: str, *, color: str = "d73a4a", description: str = ""
    ) -> None:
        repository = self._github.get_repo(repo)
        try:
            self._call(lambda: repository.get_label(name).raw_data)
        except GitHubError as error:
            if error.status != 404:
                raise
            self._call(lambda: repository.create_label(name, color, description))

    def create_issue(self, repo: str, title: str, body: str, labels: Iterable[str]) -> int:
        issue = self._call(
            lambda: self._github.get_repo(repo).create_issue(
                title=title, body=body, labels=list(labels)
            )
        )
        return int(issue.number)

    def edit_issue(
        self,
        repo: str,
        number: int,
        *,
        title: str | None = None,
        body: str | None = None,
        state: str | None = None,
        state_reason: str | None = None,
    ) -> None:
        """One PATCH of an issue; only the given fields change."""
        item = self._objects.get(("issue", number)) or self._github.get_repo(repo).get_issue(number)
        changes: dict[str, Any] = {
            key: value
            for key, value in (
                ("title", title),
                ("body", body),
                ("state", state),
                ("state_reason", state_reason),
            )
            if value is not None
        }
        self._call(lambda: item.edit(**changes))

    # -- git data and branches (the maintenance pull request) --------------------------

    def repository(self, repo: str) -> RepoInfo:
        def fetch() -> RepoInfo:
            data = self._github.get_repo(repo).raw_data  # completes the lazy repository
            return RepoInfo(
                str(data.get("full_name") or repo),
                str(data["default_branch"]),
                bool(data.get("fork")),
            )

        return self._call(fetch)

    def _ref(self, repo: str, branch: str) -> Any:
        """The branch's ref, completed by a GET (so edits go to the URL GitHub gave)."""
        ref = self._github.get_repo(repo).get_git_ref(f"heads/{branch}")
        ref.object  # noqa: B018 - completes the lazy ref
        return ref

    def branch_sha(self, repo: str, branch: str) -> str | None:
        """The commit a branch points to, or None when there is no such branch."""
        try:
            return self._call(lambda: str(self._ref(repo, branch).object.sha))
        except GitHubError as error:
            if error.status == 404:
                return None
            raise

    def commit(self, repo: str, sha: str) -> CommitInfo:
        def fetch() -> CommitInfo:
            data = self._github.get_repo(repo).get_git_commit(sha).raw_data
            return CommitInfo(
                str(data["sha"]),
                str(data["tree"]["sha"]),
                tuple(str(parent["sha"]) for parent in data.get("parents") or ()),
                str(data.get("message") or ""),
            )

        return self._call(fetch)

    def tree(self, repo: str, sha: str) -> list[TreeEntry]:
        """Every path of a tree (recursive); GitHubError when GitHub truncated the listing."""

        def fetch() -> list[TreeEntry]:
            data = self._github.get_repo(repo).get_git_tree(sha, recursive=True).raw_data
            if data.get("truncated"):
                raise GitHubError(0, f"the tree {sha[:12]} is too large to list")
            return [
                TreeEntry(str(e["path"]), str(e["mode"]), str(e["type"]), str(e["sha"]))
                for e in data.get("tree") or ()
            ]

        return self._call(fetch)

    def blob(self, repo: str, sha: str) -> bytes:
        def fetch() -> bytes:
            raw = _raw(self._github.get_repo(repo).get_git_blob(sha))
            if raw.get("encoding") != "base64":
                raise GitHubError(0, f"blob {sha[:12]} came as {raw.get('encoding')!r}")
            return base64.b64decode(raw.get("content") or "")

        return self._call(fetch)

    def create_commit(
        self, repo: str, *, parent: str, files: Mapping[str, tuple[str, bytes]], message: str
    ) -> str:
        """A commit on top of ``parent`` that changes ``files`` (path -> (mode, bytes)) and
        nothing else: blobs, a tree on the parent's tree, the commit. Returns its SHA."""
        from github import InputGitTreeElement

        def create() -> str:
            repository = self._github.get_repo(repo)
            base = repository.get_git_commit(parent)
            elements = []
            for path, (mode, data) in sorted(files.items()):
                blob = repository.create_git_blob(base64.b64encode(data).decode("ascii"), "base64")
                elements.append(InputGitTreeElement(path, mode, "blob", sha=blob.sha))
            tree = repository.create_git_tree(elements, base_tree=base.tree)
            return str(repository.create_git_commit(message, tree, [base]).sha)

        return self._call(create)

    def set_branch(self, repo: str, branch: str, sha: str) -> None:
        """Point ``branch`` at ``sha``, creating it or moving it (force: the bot's branch is
        rebuilt on the default branch by every run)."""
        try:
            ref = self._call(lambda: self._ref(repo, branch))
        except GitHubError as error:
            if error.status != 404:
                raise
            repository = self._github.get_repo(repo)
            self._call(lambda: repository.create_git_ref(f"refs/heads/{branch}", sha))
            return
        self._call(lambda: ref.edit(sha, force=True))

    def delete_branch(self, repo: str, branch: str) -> None:
        ref = self._call(lambda: self._ref(repo, branch))
        self._call(ref.delete)

    def pulls(self, repo: str, head: str, *, state: str = "open") -> list[Pull]:
        """Pull requests from ``head`` (``owner:branch``), newest first."""

        def fetch() -> list[Pull]:
            found = []
            listing = self._github.get_repo(repo).get_pulls(
                state=state, head=head, sort="created", direction="desc"
            )
            for item in listing:
                raw = _raw(item)
                found.append(
                    Pull(
                        number=int(raw["number"]),
                        state=str(raw.get("state") or ""),
                        merged=bool(raw.get("merged_at")),
                        title=str(raw.get("title") or ""),
                        body=str(raw.get("body") or ""),
                        head_sha=str((raw.get("head") or {}).get("sha") or ""),
                        base=str((raw.get("base") or {}).get("ref") or ""),
                    )
                )
            return found

        return self._call(fetch)

    def create_pull(self, repo: str, *, base: str, head: str, title: str, body: str) -> int:
        pull = self._call(
            lambda: self._github.get_repo(repo).create_pull(
                base=base, head=head, title=title, body=body
            )
        )
        return int(pull.number)

    def edit_pull(
        self,
        repo: str,
        number: int,
        *,
        title: str | None = None,
        body: str | None = None,
        state: str | None = None,
        base: str | None = None,
    ) -> None:
        """One PATCH of a pull request; only the given fields change."""
        changes = {
            key: value
            for key, value in (("title", title), ("body", body), ("state", state), ("base", base))
            if value is not None
        }
        self._call(lambda: self._pull(repo, number).edit(**changes))

    # -- GraphQL -------------------------------------------------------------------------

    def graphql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The whole GraphQL answer, ``errors`` included (partial answers are normal).
        Only queries: a mutation would be a write, and must keep the write pause."""
        requester = self._queries.requester

        def fetch() -> dict[str, Any]:
            _, data = requester.requestJsonAndCheck(
                "POST", requester.graphql_url, input={"query": query, "variables": variables or {}}
            )
            return data

        return self._call(fetch)


__all__ = [
    "ChangedFile",
    "Comment",
    "CommitInfo",
    "GitHubClient",
    "GitHubError",
    "Issue",
    "Pull",
    "PullInfo",
    "RepoInfo",
    "TreeEntry",
]
