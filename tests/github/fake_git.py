"""The fake GitHub's git data, branches and pull requests made through the API.

What ``listbot github maintain`` uses, shaped as GitHub's REST API answers it:
``GET /repos/{o}/{r}``; ``/git/blobs``, ``/git/trees`` (``base_tree``, ``recursive=1``),
``/git/commits``, ``GET /git/ref/{ref}``, ``POST /git/refs``, ``PATCH`` and ``DELETE
/git/refs/{ref}`` (a move that is not a fast-forward needs ``force``); ``GET /pulls``
(``state``, ``head=owner:branch``, ``base``), ``POST /pulls`` (422 when the head has no
commits or a pull request for it is open; 403 when Actions may not open pull requests),
``PATCH /pulls/{n}``. Pull requests share their numbers with issues and appear in the
issues listing, as on GitHub. Blob SHAs are git's; tree and commit SHAs are stable
hashes of their content.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from aiohttp import web

if TYPE_CHECKING:
    from tests.github.fake_github import FakeGitHub

NOT_ALLOWED_TO_OPEN = {
    "message": "GitHub Actions is not permitted to create or approve pull requests.",
    "documentation_url": "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
}


def blob_sha(data: bytes) -> str:
    """Git's object id of a blob."""
    return hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest()


def _hash(kind: str, value: Any) -> str:
    return hashlib.sha1(kind.encode() + json.dumps(value, sort_keys=True).encode()).hexdigest()


def _unprocessable(message: str, **extra: Any) -> web.Response:
    return web.json_response({"message": message, **extra}, status=422)


@dataclass
class FakeGit:
    """Objects, refs and API-made pull requests of the fake repository."""

    github: FakeGitHub
    default_branch: str = "main"
    fork: bool = False
    blobs: dict[str, bytes] = field(default_factory=dict)
    trees: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    """tree SHA -> {path: (mode, blob SHA)} for every file below it."""
    commits: dict[str, dict[str, Any]] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    """``heads/NAME`` -> commit SHA."""
    prs: dict[int, dict[str, Any]] = field(default_factory=dict)
    may_open_pulls: bool = True
    """The repository setting "Allow GitHub Actions to create and approve pull requests"."""
    truncated: bool = False
    """Answer recursive tree listings as GitHub does for huge trees (``truncated: true``)."""

    # -- helpers for tests ---------------------------------------------------------------

    def commit_files(
        self,
        files: dict[str, bytes | None],
        message: str = "Edit the list",
        branch: str | None = None,
        *,
        modes: dict[str, str] | None = None,
    ) -> str:
        """A commit by a person on ``branch`` (default: the default branch); None deletes."""
        branch = branch or self.default_branch
        parent = self.refs.get(f"heads/{branch}")
        entries = dict(self.trees[self.commits[parent]["tree"]]) if parent else {}
        for path, data in files.items():
            if data is None:
                entries.pop(path, None)
                continue
            sha = self._blob(data)
            entries[path] = ((modes or {}).get(path, entries.get(path, ("100644", ""))[0]), sha)
        sha = self._commit(message, self._tree(entries), [parent] if parent else [], "octocat")
        self.refs[f"heads/{branch}"] = sha
        return sha

    def file_at(self, ref: str, path: str) -> bytes | None:
        """A file's bytes at a branch or commit, None when it is not there."""
        sha = self.refs.get(f"heads/{ref}", ref)
        entry = self.trees[self.commits[sha]["tree"]].get(path)
        return self.blobs[entry[1]] if entry else None

    def changed_paths(self, base: str, head: str) -> set[str]:
        """Paths whose content or mode differs between two commits (or branches)."""
        old, new = (
            self.trees[self.commits[self.refs.get(f"heads/{ref}", ref)]["tree"]]
            for ref in (base, head)
        )
        return {path for path in old.keys() | new.keys() if old.get(path) != new.get(path)}

    def open_pulls(self) -> list[dict[str, Any]]:
        return [pr for pr in self.prs.values() if pr["state"] == "open"]

    # -- objects -------------------------------------------------------------------------

    def _blob(self, data: bytes) -> str:
        sha = blob_sha(data)
        self.blobs[sha] = data
        return sha

    def _tree(self, entries: dict[str, tuple[str, str]]) -> str:
        sha = _hash("tree", sorted(entries.items()))
        self.trees[sha] = dict(entries)
        return sha

    def _commit(self, message: str, tree: str, parents: list[str], author: str) -> str:
        body = {"message": message, "tree": tree, "parents": parents, "author": author}
        sha = _hash("commit", {**body, "n": len(self.commits)})
        self.commits[sha] = body
        return sha

    # -- routes --------------------------------------------------------------------------

    def routes(self, prefix: str) -> list[web.RouteDef]:
        return [
            web.get(prefix, self._get_repo),
            web.get(prefix + "/git/blobs/{sha}", self._get_blob),
            web.post(prefix + "/git/blobs", self._post_blob),
            web.get(prefix + "/git/trees/{sha}", self._get_tree),
            web.post(prefix + "/git/trees", self._post_tree),
            web.get(prefix + "/git/commits/{sha}", self._get_commit),
            web.post(prefix + "/git/commits", self._post_commit),
            web.get(prefix + "/git/ref/{ref:.+}", self._get_ref),
            web.post(prefix + "/git/refs", self._post_ref),
            web.patch(prefix + "/git/refs/{ref:.+}", self._patch_ref),
            web.delete(prefix + "/git/refs/{ref:.+}", self._delete_ref),
            web.get(prefix + "/pulls", self._get_pulls),
            web.post(prefix + "/pulls", self._post_pull),
            web.patch(prefix + "/pulls/{n:\\d+}", self._patch_pull),
        ]

    @property
    def _base(self) -> str:
        return self.github.base

    def _not_found(self) -> web.Response:
        return web.json_response({"message": "Not Found"}, status=404)

    async def _get_repo(self, request: web.Request) -> web.Response:
        owner = self.github.repo.split("/")[0]
        return web.json_response(
            {
                "full_name": self.github.repo,
                "name": self.github.repo.split("/")[1],
                "owner": {"login": owner},
                "default_branch": self.default_branch,
                "fork": self.fork,
                "url": self._base,
            }
        )

    async def _get_blob(self, request: web.Request) -> web.Response:
        sha = request.match_info["sha"]
        if sha not in self.blobs:
            return self._not_found()
        encoded = base64.b64encode(self.blobs[sha]).decode("ascii")
        lines = "\n".join(encoded[i : i + 60] for i in range(0, len(encoded), 60))  # as GitHub
        return web.json_response(
            {
                "sha": sha,
                "size": len(self.blobs[sha]),
                "content": lines + "\n",
                "encoding": "base64",
                "url": f"{self._base}/git/blobs/{sha}",
            }
        )

    async def _post_blob(self, request: web.Request) -> web.Response:
        payload = await request.json()
        content = payload.get("content")
        if not isinstance(content, str):
            return _unprocessable("Invalid request.")
        encoding = payload.get("encoding", "utf-8")
        data = base64.b64decode(content) if encoding == "base64" else content.encode("utf-8")
        sha = self._blob(data)
        return web.json_response({"sha": sha, "url": f"{self._base}/git/blobs/{sha}"}, status=201)

    def _tree_json(self, sha: str, recursive: bool) -> dict[str, Any]:
        entries = self.trees[sha]
        listing: list[dict[str, Any]] = []
        folders: set[str] = set()
        for path in sorted(entries):
            parts = path.split("/")
            for depth in range(1, len(parts)):
                folder = "/".join(parts[:depth])
                if folder not in folders and (recursive or depth == 1):
                    folders.add(folder)
                    inside = {p: e for p, e in entries.items() if p.startswith(folder + "/")}
                    listing.append(
                        {
                            "path": folder,
                            "mode": "040000",
                            "type": "tree",
                            "sha": _hash("tree", sorted(inside.items())),
                        }
                    )
            if recursive or len(parts) == 1:
                mode, blob = entries[path]
                listing.append(
                    {
                        "path": path,
                        "mode": mode,
                        "type": "commit" if mode == "160000" else "blob",
                        "sha": blob,
                        "size": len(self.blobs.get(blob, b"")),
                    }
                )
        return {
            "sha": sha,
            "url": f"{self._base}/git/trees/{sha}",
            "tree": listing,
            "truncated": self.truncated and recursive,
        }

    async def _get_tree(self, request: web.Request) -> web.Response:
        sha = request.match_info["sha"]
        if sha not in self.trees:
            return self._not_found()
        return web.json_response(self._tree_json(sha, request.query.get("recursive") == "1"))

    async def _post_tree(self, request: web.Request) -> web.Response:
        payload = await request.json()
        base = payload.get("base_tree")
        if base is not None and base not in self.trees:
            return _unprocessable("base_tree is not a valid tree oid")
        entries = dict(self.trees[base]) if base else {}
        for item in payload.get("tree") or []:
            path, mode = item.get("path"), item.get("mode")
            if not isinstance(path, str) or mode not in ("100644", "100755", "120000", "160000"):
                return _unprocessable("Invalid tree info")
            if "sha" in item and item["sha"] is None:
                entries.pop(path, None)
            elif "content" in item:
                entries[path] = (mode, self._blob(str(item["content"]).encode("utf-8")))
            elif item.get("sha") in self.blobs:
                entries[path] = (mode, item["sha"])
            else:
                return _unprocessable("Invalid tree info", errors=[f"{path}: no such object"])
        sha = self._tree(entries)
        return web.json_response(self._tree_json(sha, False), status=201)

    def _commit_json(self, sha: str) -> dict[str, Any]:
        commit = self.commits[sha]
        person = {
            "name": commit["author"],
            "email": "bot@example.test",
            "date": "2026-01-01T00:00:00Z",
        }
        return {
            "sha": sha,
            "url": f"{self._base}/git/commits/{sha}",
            "message": commit["message"],
            "tree": {"sha": commit["tree"], "url": f"{self._base}/git/trees/{commit['tree']}"},
            "parents": [
                {"sha": parent, "url": f"{self._base}/git/commits/{parent}"}
                for parent in commit["parents"]
            ],
            "author": person,
            "committer": person,
        }

    async def _get_commit(self, request: web.Request) -> web.Response:
        sha = request.match_info["sha"]
        if sha not in self.commits:
            return self._not_found()
        return web.json_response(self._commit_json(sha))

    async def _post_commit(self, request: web.Request) -> web.Response:
        payload = await request.json()
        tree, parents = payload.get("tree"), payload.get("parents") or []
        if tree not in self.trees or any(parent not in self.commits for parent in parents):
            return _unprocessable(
                "Tree SHA does not exist"
                if tree not in self.trees
                else "Parent SHA does not exist or is not a commit object"
            )
        sha = self._commit(str(payload.get("message", "")), tree, list(parents), self.github.author)
        return web.json_response(self._commit_json(sha), status=201)

    def _ref_json(self, name: str) -> dict[str, Any]:
        sha = self.refs[name]
        return {
            "ref": f"refs/{name}",
            "url": f"{self._base}/git/refs/{name}",
            "object": {"sha": sha, "type": "commit", "url": f"{self._base}/git/commits/{sha}"},
        }

    async def _get_ref(self, request: web.Request) -> web.Response:
        name = unquote(request.match_info["ref"])
        if name not in self.refs:
            return self._not_found()
        return web.json_response(self._ref_json(name))

    async def _post_ref(self, request: web.Request) -> web.Response:
        payload = await request.json()
        ref, sha = str(payload.get("ref", "")), payload.get("sha")
        if not ref.startswith("refs/") or ref.count("/") < 2:
            return _unprocessable("Reference name must start with 'refs/' and have two slashes")
        if sha not in self.commits:
            return _unprocessable("Object does not exist")
        name = ref.removeprefix("refs/")
        if name in self.refs:
            return _unprocessable("Reference already exists")
        self.refs[name] = sha
        return web.json_response(self._ref_json(name), status=201)

    def _descends(self, sha: str, ancestor: str) -> bool:
        pending, seen = [sha], set()
        while pending:
            current = pending.pop()
            if current == ancestor:
                return True
            if current not in seen:
                seen.add(current)
                pending.extend(self.commits[current]["parents"])
        return False

    async def _patch_ref(self, request: web.Request) -> web.Response:
        name = unquote(request.match_info["ref"])
        payload = await request.json()
        sha = payload.get("sha")
        if name not in self.refs:
            return _unprocessable("Reference does not exist")
        if sha not in self.commits:
            return _unprocessable("Object does not exist")
        if not payload.get("force") and not self._descends(sha, self.refs[name]):
            return _unprocessable("Update is not a fast forward")
        self.refs[name] = sha
        return web.json_response(self._ref_json(name))

    async def _delete_ref(self, request: web.Request) -> web.Response:
        name = unquote(request.match_info["ref"])
        if name not in self.refs:
            return _unprocessable("Reference does not exist")
        del self.refs[name]
        return web.Response(status=204)

    # -- pull requests -------------------------------------------------------------------

    def _pull_json(self, pr: dict[str, Any]) -> dict[str, Any]:
        head_sha = self.refs.get(f"heads/{pr['head']}", pr["head_sha"])
        if pr["state"] == "open":
            pr["head_sha"] = head_sha
        owner = self.github.repo.split("/")[0]
        repo = {"full_name": self.github.repo, "url": self._base}
        return {
            "number": pr["number"],
            "url": f"{self._base}/pulls/{pr['number']}",
            "state": pr["state"],
            "title": pr["title"],
            "body": pr["body"],
            "merged_at": pr.get("merged_at"),
            "user": {"login": pr["user"]},
            "head": {
                "ref": pr["head"],
                "label": f"{owner}:{pr['head']}",
                "sha": pr["head_sha"],
                "repo": repo,
            },
            "base": {
                "ref": pr["base"],
                "label": f"{owner}:{pr['base']}",
                "sha": self.refs.get(f"heads/{pr['base']}"),
                "repo": repo,
            },
        }

    async def _get_pulls(self, request: web.Request) -> web.Response:
        state = request.query.get("state", "open")
        owner = self.github.repo.split("/")[0]
        head = request.query.get("head")
        base = request.query.get("base")
        found = [
            self._pull_json(pr)
            for pr in self.prs.values()
            if (state == "all" or pr["state"] == state)
            and (head is None or head == f"{owner}:{pr['head']}")
            and (base is None or base == pr["base"])
        ]
        found.sort(key=lambda pr: pr["number"], reverse=request.query.get("direction") == "desc")
        return self.github._page(request, found)

    async def _post_pull(self, request: web.Request) -> web.Response:
        payload = await request.json()
        if not self.may_open_pulls and self.github.author.endswith("[bot]"):
            return web.json_response(NOT_ALLOWED_TO_OPEN, status=403)
        head, base = str(payload.get("head", "")), str(payload.get("base", ""))
        head = head.split(":", 1)[-1]
        if f"heads/{head}" not in self.refs:
            return _unprocessable(
                "Validation Failed", errors=[{"field": "head", "code": "invalid"}]
            )
        if f"heads/{base}" not in self.refs:
            return _unprocessable(
                "Validation Failed", errors=[{"field": "base", "code": "invalid"}]
            )
        if any(pr["head"] == head and pr["base"] == base for pr in self.open_pulls()):
            owner = self.github.repo.split("/")[0]
            return _unprocessable(
                "Validation Failed",
                errors=[{"message": f"A pull request already exists for {owner}:{head}."}],
            )
        if not self.changed_paths(base, head):
            return _unprocessable(
                "Validation Failed", errors=[{"message": f"No commits between {base} and {head}"}]
            )
        issue = self.github.add_issue(
            str(payload.get("title", "")), str(payload.get("body") or ""), [], pull=True
        )
        pr = {
            "number": issue["number"],
            "state": "open",
            "title": issue["title"],
            "body": issue["body"],
            "head": head,
            "base": base,
            "head_sha": self.refs[f"heads/{head}"],
            "user": self.github.author,
        }
        self.prs[pr["number"]] = pr
        return web.json_response(self._pull_json(pr), status=201)

    async def _patch_pull(self, request: web.Request) -> web.Response:
        number = int(request.match_info["n"])
        if number not in self.prs:
            return self._not_found()
        pr = self.prs[number]
        payload = await request.json()
        for key in ("title", "body", "state", "base"):
            if key in payload:
                pr[key] = payload[key]
        issue = self.github.issues[number]
        issue.update(title=pr["title"], body=pr["body"], state=pr["state"])
        return web.json_response(self._pull_json(pr))

    def merge(self, number: int) -> None:
        """The maintainer merges a pull request (a merge commit on the base branch)."""
        pr = self.prs[number]
        base = self.refs[f"heads/{pr['base']}"]
        head = self.refs[f"heads/{pr['head']}"]
        tree = self.commits[head]["tree"]
        self.refs[f"heads/{pr['base']}"] = self._commit(
            f"Merge #{number}", tree, [base, head], "octocat"
        )
        pr.update(state="closed", merged_at="2026-01-02T00:00:00Z")
        self.github.issues[number]["state"] = "closed"
