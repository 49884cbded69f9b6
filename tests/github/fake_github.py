"""A fake GitHub (REST + GraphQL) on 127.0.0.1 for driving the real PyGithub client.

It runs an aiohttp app in a background thread (PyGithub is synchronous, so the server
needs its own event loop), keeps pull requests, comments, reviews, issues and labels in
memory, records every request, and answers in GitHub's shapes with every ``url`` and
``Link`` on its own host, port and ``/api/v3`` prefix, as PyGithub requires. Git data,
branches and pull requests made through the API are in :mod:`tests.github.fake_git`;
``permissions`` says which writes the token may make (403 otherwise, as GitHub answers).
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from aiohttp import web

from listbot.github.diff import parse_patch
from tests.github.fake_git import FakeGit

BOT = "github-actions[bot]"


def start_app(app: web.Application) -> tuple[int, Callable[[], None]]:
    """Serve ``app`` on 127.0.0.1 (any free port) in a thread with its own event loop.

    Returns the port and a function that stops the server and joins the thread.
    """
    ready = threading.Event()
    state: dict[str, Any] = {}

    def serve() -> None:
        loop = asyncio.new_event_loop()
        runner = web.AppRunner(app)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        state["loop"], state["port"] = loop, runner.addresses[0][1]
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    if not ready.wait(10):
        raise RuntimeError("the test server did not start")

    def stop() -> None:
        state["loop"].call_soon_threadsafe(state["loop"].stop)
        thread.join(10)

    return int(state["port"]), stop


FORBIDDEN = {"message": "Resource not accessible by integration"}


def _permission(path: str) -> str:
    """The token permission a write to ``path`` needs, as GitHub's Actions token has them."""
    if "/git/" in path or "/contents/" in path:
        return "contents"
    if "/pulls" in path:
        return "pull_requests"
    return "issues"


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    json: Any
    authorization: str | None


@dataclass
class FakePull:
    number: int
    head_sha: str
    files: dict[str, str]
    """path -> patch."""
    contents: dict[str, bytes]
    """path -> file bytes at the head commit."""
    head_repo: str = "octo/list"
    removed: set[str] = field(default_factory=set)


class FakeGitHub:
    """In-memory GitHub for one repository, ``octo/list`` by default."""

    def __init__(self, repo: str = "octo/list") -> None:
        self.repo = repo
        self.pulls: dict[int, FakePull] = {}
        self.review_comments: list[dict[str, Any]] = []
        self.reviews: list[dict[str, Any]] = []
        self.issue_comments: list[dict[str, Any]] = []
        self.issues: dict[int, dict[str, Any]] = {}
        self.labels: set[str] = set()
        self.requests: list[Recorded] = []
        self.read_only = False
        self.reject_reviews_with_comments = False
        self.page_size = 100
        self.token_login: str | None = None
        """Who ``GET /user`` says the token is; None answers 403 like the Actions token."""
        self.graphql_handler: Callable[[dict[str, Any]], dict[str, Any]] | None = None
        self.permissions = {"contents": "write", "issues": "write", "pull_requests": "write"}
        """The token's permissions; a write needing one that is not ``write`` gets 403."""
        self.git = FakeGit(self)
        self._ids = itertools.count(1000)
        self._stop: Callable[[], None] = lambda: None
        self.port = 0

    # -- lifecycle -----------------------------------------------------------------------

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v3"

    @property
    def base(self) -> str:
        return f"{self.api_url}/repos/{self.repo}"

    def start(self) -> FakeGitHub:
        self.port, self._stop = start_app(self._app())
        return self

    def stop(self) -> None:
        self._stop()

    # -- helpers for tests ---------------------------------------------------------------

    def add_pull(
        self, number: int, head_sha: str, files: dict[str, tuple[str, str]], **extra: Any
    ) -> FakePull:
        """``files``: path -> (patch, full text at head)."""
        pull = FakePull(
            number,
            head_sha,
            {path: patch for path, (patch, _) in files.items()},
            {path: text.encode("utf-8") for path, (_, text) in files.items()},
            **extra,
        )
        self.pulls[number] = pull
        return pull

    def add_review_comment(
        self,
        number: int,
        body: str,
        *,
        login: str,
        path: str = "README.md",
        line: int = 1,
        in_reply_to: int | None = None,
    ) -> dict[str, Any]:
        comment_id = next(self._ids)
        comment = {
            "id": comment_id,
            "pull": number,
            "body": body,
            "path": path,
            "line": line,
            "side": "RIGHT",
            "user": {"login": login, "type": "Bot" if login.endswith("[bot]") else "User"},
            "url": f"{self.base}/pulls/comments/{comment_id}",
        }
        if in_reply_to is not None:
            comment["in_reply_to_id"] = in_reply_to
        self.review_comments.append(comment)
        return comment

    def add_issue_comment(self, number: int, body: str, *, login: str) -> dict[str, Any]:
        comment_id = next(self._ids)
        comment = {
            "id": comment_id,
            "issue": number,
            "body": body,
            "user": {"login": login},
            "url": f"{self.base}/issues/comments/{comment_id}",
        }
        self.issue_comments.append(comment)
        return comment

    def add_issue(
        self, title: str, body: str, labels: list[str], *, pull: bool = False, state: str = "open"
    ) -> dict[str, Any]:
        number = max([*self.issues, *self.pulls, 0]) + 1  # issues and pulls share numbers
        issue = {
            "number": number,
            "title": title,
            "body": body,
            "state": state,
            "state_reason": None,
            "labels": [{"name": name} for name in labels],
            "user": {"login": BOT},
            "url": f"{self.base}/issues/{number}",
        }
        if pull:
            issue["pull_request"] = {"url": f"{self.base}/pulls/{number}"}
        self.issues[number] = issue
        return issue

    def writes(self) -> list[Recorded]:
        return [r for r in self.requests if r.method in ("POST", "PATCH", "DELETE", "PUT")]

    # -- the app -------------------------------------------------------------------------

    def _app(self) -> web.Application:
        app = web.Application(middlewares=[self._record])
        prefix = f"/api/v3/repos/{self.repo}"
        routes = [
            web.get(prefix + "/pulls/{n:\\d+}", self._get_pull),
            web.get(prefix + "/pulls/{n:\\d+}/files", self._get_files),
            web.get(prefix + "/pulls/{n:\\d+}/comments", self._get_review_comments),
            web.get(prefix + "/pulls/{n:\\d+}/reviews", self._get_reviews),
            web.post(prefix + "/pulls/{n:\\d+}/reviews", self._post_review),
            web.delete(prefix + "/pulls/comments/{id:\\d+}", self._delete_review_comment),
            web.get(prefix + "/contents/{path:.+}", self._get_contents),
            web.get(prefix + "/issues/{n:\\d+}/comments", self._get_issue_comments),
            web.post(prefix + "/issues/{n:\\d+}/comments", self._post_issue_comment),
            web.patch(prefix + "/issues/comments/{id:\\d+}", self._patch_issue_comment),
            web.delete(prefix + "/issues/comments/{id:\\d+}", self._delete_issue_comment),
            web.get(prefix + "/issues", self._get_issues),
            web.post(prefix + "/issues", self._post_issue),
            web.get(prefix + "/issues/{n:\\d+}", self._get_issue),
            web.patch(prefix + "/issues/{n:\\d+}", self._patch_issue),
            web.get(prefix + "/labels/{name}", self._get_label),
            web.post(prefix + "/labels", self._post_label),
            web.get("/api/v3/user", self._get_user),
            web.post("/api/graphql", self._graphql),
            *self.git.routes(prefix),
        ]
        app.add_routes(routes)
        return app

    @web.middleware
    async def _record(
        self, request: web.Request, handler: Callable[..., Any]
    ) -> web.StreamResponse:
        body = await request.json() if request.can_read_body else None
        self.requests.append(
            Recorded(
                request.method,
                request.path,
                dict(request.query),
                body,
                request.headers.get("Authorization"),
            )
        )
        writes = request.method in ("POST", "PATCH", "DELETE", "PUT")
        if (
            writes
            and request.path != "/api/graphql"
            and (self.read_only or self.permissions.get(_permission(request.path)) != "write")
        ):
            return web.json_response(FORBIDDEN, status=403)
        return await handler(request)

    def _page(self, request: web.Request, items: list[Any]) -> web.Response:
        page = int(request.query.get("page", "1"))
        size = min(int(request.query.get("per_page", "30")), self.page_size)
        chunk = items[(page - 1) * size : page * size]
        headers = {}
        if page * size < len(items):
            query = {**request.query, "page": str(page + 1)}
            headers["Link"] = (
                f'<http://127.0.0.1:{self.port}{request.path}?{urlencode(query)}>; rel="next"'
            )
        return web.json_response(chunk, headers=headers)

    def _pull(self, request: web.Request) -> FakePull:
        number = int(request.match_info["n"])
        if number not in self.pulls:
            raise web.HTTPNotFound(text='{"message": "Not Found"}', content_type="application/json")
        return self.pulls[number]

    async def _get_pull(self, request: web.Request) -> web.Response:
        number = int(request.match_info["n"])
        if number in self.git.prs:
            return web.json_response(self.git._pull_json(self.git.prs[number]))
        pull = self._pull(request)
        return web.json_response(
            {
                "number": pull.number,
                "url": f"{self.base}/pulls/{pull.number}",
                "head": {"sha": pull.head_sha, "repo": {"full_name": pull.head_repo}},
                "base": {"sha": "base0000", "repo": {"full_name": self.repo}},
            }
        )

    async def _get_files(self, request: web.Request) -> web.Response:
        pull = self._pull(request)
        files = [
            {
                "filename": path,
                "status": "removed" if path in pull.removed else "modified",
                "patch": patch,
                "sha": "blob" + str(index),
            }
            for index, (path, patch) in enumerate(pull.files.items())
        ]
        return self._page(request, files)

    async def _get_contents(self, request: web.Request) -> web.Response:
        path = request.match_info["path"]
        ref = request.query.get("ref")
        for pull in self.pulls.values():
            if pull.head_sha == ref and path in pull.contents:
                data = pull.contents[path]
                return web.json_response(
                    {
                        "type": "file",
                        "encoding": "base64",
                        "path": path,
                        "name": path.rsplit("/", 1)[-1],
                        "sha": "blob",
                        "size": len(data),
                        "content": base64.b64encode(data).decode("ascii"),
                        "url": f"{self.base}/contents/{quote(path)}?ref={ref}",
                    }
                )
        return web.json_response({"message": "Not Found"}, status=404)

    async def _get_review_comments(self, request: web.Request) -> web.Response:
        number = int(request.match_info["n"])
        return self._page(request, [c for c in self.review_comments if c["pull"] == number])

    async def _get_reviews(self, request: web.Request) -> web.Response:
        number = int(request.match_info["n"])
        return self._page(request, [r for r in self.reviews if r["pull"] == number])

    async def _post_review(self, request: web.Request) -> web.Response:
        pull = self._pull(request)
        payload = await request.json()
        comments = payload.get("comments") or []
        if self.reject_reviews_with_comments and comments:
            return web.json_response(
                {"message": "Unprocessable Entity", "errors": ["Line could not be resolved"]},
                status=422,
            )
        for comment in comments:
            patch = parse_patch(comment["path"], pull.files.get(comment["path"]))
            if comment.get("side") != "RIGHT" or comment.get("line") not in patch.context:
                return web.json_response(
                    {"message": "Unprocessable Entity", "errors": ["Line could not be resolved"]},
                    status=422,
                )
        review_id = next(self._ids)
        review = {
            "id": review_id,
            "pull": pull.number,
            "body": payload.get("body", ""),
            "state": "COMMENTED" if payload.get("event") == "COMMENT" else "PENDING",
            "commit_id": payload.get("commit_id"),
            "user": {"login": self.author},
            "url": f"{self.base}/pulls/{pull.number}/reviews/{review_id}",
        }
        self.reviews.append(review)
        for comment in comments:
            self.add_review_comment(
                pull.number,
                comment["body"],
                login=self.author,
                path=comment["path"],
                line=comment["line"],
            )
        return web.json_response(review)

    async def _delete_review_comment(self, request: web.Request) -> web.Response:
        comment_id = int(request.match_info["id"])
        self.review_comments = [c for c in self.review_comments if c["id"] != comment_id]
        return web.Response(status=204)

    async def _get_issue_comments(self, request: web.Request) -> web.Response:
        number = int(request.match_info["n"])
        return self._page(request, [c for c in self.issue_comments if c["issue"] == number])

    async def _post_issue_comment(self, request: web.Request) -> web.Response:
        payload = await request.json()
        comment = self.add_issue_comment(
            int(request.match_info["n"]), payload["body"], login=self.author
        )
        return web.json_response(comment, status=201)

    def _issue_comment(self, request: web.Request) -> dict[str, Any]:
        comment_id = int(request.match_info["id"])
        for comment in self.issue_comments:
            if comment["id"] == comment_id:
                return comment
        raise web.HTTPNotFound()

    async def _patch_issue_comment(self, request: web.Request) -> web.Response:
        comment = self._issue_comment(request)
        comment["body"] = (await request.json())["body"]
        return web.json_response(comment)

    async def _delete_issue_comment(self, request: web.Request) -> web.Response:
        comment = self._issue_comment(request)
        self.issue_comments.remove(comment)
        return web.Response(status=204)

    async def _get_issues(self, request: web.Request) -> web.Response:
        state = request.query.get("state", "open")
        wanted = {name for name in request.query.get("labels", "").split(",") if name}
        found = [
            issue
            for issue in self.issues.values()
            if (state == "all" or issue["state"] == state)
            and wanted <= {label["name"] for label in issue["labels"]}
        ]
        return self._page(request, found)

    async def _post_issue(self, request: web.Request) -> web.Response:
        payload = await request.json()
        issue = self.add_issue(payload["title"], payload.get("body", ""), payload.get("labels", []))
        return web.json_response(issue, status=201)

    async def _get_issue(self, request: web.Request) -> web.Response:
        number = int(request.match_info["n"])
        if number not in self.issues:
            return web.json_response({"message": "Not Found"}, status=404)
        return web.json_response(self.issues[number])

    async def _patch_issue(self, request: web.Request) -> web.Response:
        number = int(request.match_info["n"])
        issue = self.issues[number]
        issue.update(await request.json())
        return web.json_response(issue)

    async def _get_label(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in self.labels:
            return web.json_response({"message": "Not Found"}, status=404)
        return web.json_response(
            {"name": name, "color": "d73a4a", "url": f"{self.base}/labels/{quote(name)}"}
        )

    async def _post_label(self, request: web.Request) -> web.Response:
        payload = await request.json()
        self.labels.add(payload["name"])
        return web.json_response(
            {**payload, "url": f"{self.base}/labels/{quote(payload['name'])}"}, status=201
        )

    @property
    def author(self) -> str:
        return self.token_login or BOT

    async def _get_user(self, request: web.Request) -> web.Response:
        if self.token_login is None:
            return web.json_response(FORBIDDEN, status=403)
        return web.json_response({"login": self.token_login, "url": f"{self.api_url}/user"})

    async def _graphql(self, request: web.Request) -> web.Response:
        from tests.github.fake_graphql import errors_of

        payload = await request.json()
        errors = errors_of(payload.get("query", ""))  # every query, against GitHub's schema
        if errors:
            return web.json_response({"errors": errors})
        if self.graphql_handler is None:
            return web.json_response({"errors": [{"message": "no handler"}]}, status=500)
        return web.json_response(self.graphql_handler(payload))

    def graphql_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path == "/api/graphql"]
