"""``listbot github maintain``: one pull request that fixes what listbot can fix, kept current.

The scheduled job reads the list files at the head of the default branch through the API
(:func:`read_sources`), runs the network checks on them and applies the safe fixes of
``[maintain] rules`` with the engine of ``lint --fix``
(:func:`listbot.github.maintain_check.prepare`). Then
:func:`sync_pull` keeps one pull request from the bot's branch: a commit on top of the
default branch's head made through the git data API (blobs, tree, commit, ref; the
default branch is never written), force-moved there when the content or the base
changed and left alone when neither did; opened when missing, its body edited in place,
closed with a comment (and the branch deleted) when nothing is left to fix. A branch
with commits listbot did not make is never touched. A fork, or a token that may not
write, leaves the pull request out: the link-rot issue alone, with a notice.

:func:`run_maintenance` does it all in order and leaves both the pull request and the
issue untouched when the run cannot prove the network works.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from listbot.config import Config
from listbot.github import markers
from listbot.github.api import GitHubClient, GitHubError, RepoInfo
from listbot.github.linkrot import IssueOutcome, RotRow, open_issues, sync_issue
from listbot.github.maintain_check import ListFile, Prepared, prepare
from listbot.github.maintain_plan import (
    MAINTENANCE,
    Plan,
    closing_comment,
    commit_message,
    marked,
    pull_body,
)
from listbot.github.options import GithubOptions, MaintainOptions

REGULAR_FILES = ("100644", "100755")


@dataclass
class PullOutcome:
    action: str = "none"
    """opened, updated, unchanged, closed, declined, left, held, skipped or none."""
    number: int | None = None
    notice: str | None = None


@dataclass
class MaintainOutcome:
    prepared: Prepared
    pull: PullOutcome = field(default_factory=PullOutcome)
    issue: IssueOutcome | None = None
    issue_rows: list[RotRow] = field(default_factory=list)
    """What the issue lists: the broken links the pull request does not fix."""


# -- reading -----------------------------------------------------------------------------


def read_sources(
    client: GitHubClient, repo: str, base: str, paths: Sequence[str]
) -> tuple[list[ListFile], list[str]]:
    """The list files at commit ``base``, and one error per path that is not a regular file."""
    tree = {entry.path: entry for entry in client.tree(repo, client.commit(repo, base).tree)}
    files, errors = [], []
    for path in paths:
        entry = tree.get(path)
        if entry is None:
            errors.append(f"{path}: no such file in {repo} at {base[:12]}")
        elif entry.type != "blob" or entry.mode not in REGULAR_FILES:
            errors.append(
                f"{path}: not a regular file in {repo} (mode {entry.mode}); listbot changes "
                "list files only"
            )
        else:
            files.append(ListFile(path, entry.mode, client.blob(repo, entry.sha)))
    return files, errors


# -- the pull request --------------------------------------------------------------------


def _ours(text: str | None) -> bool:
    return markers.has_marker(text, MAINTENANCE)


def retired(body: str) -> str:
    """The body of a pull request listbot closes itself: its fixes no longer named."""
    fixes = marked(body, "fixes")
    if fixes is None:
        return body
    return body.replace(
        markers.marker(MAINTENANCE, fixes=fixes), markers.marker(MAINTENANCE, fixes="retired")
    )


def sync_pull(
    client: GitHubClient,
    repo: RepoInfo,
    prepared: Prepared,
    options: MaintainOptions,
    body: str,
) -> PullOutcome:
    """Make the bot's branch and its one pull request match ``prepared.plan`` (``body`` is
    the pull request's body). Raises GitHubError."""
    plan = prepared.plan
    name, branch = repo.full_name, options.branch
    owner = name.split("/")[0]
    head = f"{owner}:{branch}"
    outcome = PullOutcome()
    pulls = client.pulls(name, head)  # from the bot's branch: ours even if a person edited it
    tip = client.branch_sha(name, branch)
    commit = client.commit(name, tip) if tip else None
    if commit is not None and not _ours(commit.message):
        outcome.action = "left"
        outcome.notice = (
            f"the branch {branch} has commits listbot did not make: its pull request is left "
            "alone (delete the branch, or set [maintain] branch, to let listbot maintain one)"
        )
        outcome.number = pulls[0].number if pulls else None
        return outcome
    if not plan.files:
        for pull in pulls:
            client.create_issue_comment(name, pull.number, closing_comment(repo.default_branch))
            # Retired: its fixes must not read as declined if they come back one day.
            client.edit_pull(name, pull.number, state="closed", body=retired(pull.body))
            outcome.action, outcome.number = "closed", pull.number
        if commit is not None:
            client.delete_branch(name, branch)
        return outcome
    if not pulls:
        declined = next(
            (p for p in client.pulls(name, head, state="closed") if _ours(p.body)), None
        )
        if declined and not declined.merged and marked(declined.body, "fixes") == plan.fixes:
            outcome.action, outcome.number = "declined", declined.number
            outcome.notice = (
                f"#{declined.number} was closed with these same fixes: listbot opens no new "
                "pull request until they change"
            )
            return outcome
    fresh = commit is not None and commit.parents == (plan.base,)
    if not (fresh and commit is not None and marked(commit.message, "state") == plan.state):
        files = {f.path: (f.mode, f.after) for f in plan.files}
        message = commit_message(plan, options.title)
        sha = client.create_commit(name, parent=plan.base, files=files, message=message)
        client.set_branch(name, branch, sha)
        outcome.action = "updated"
    if pulls:
        pull = pulls[0]
        outcome.number = pull.number
        changes: dict[str, str] = {}
        if pull.body != body:
            changes["body"] = body
        if pull.title != options.title:
            changes["title"] = options.title
        if pull.base != repo.default_branch:
            changes["base"] = repo.default_branch
        if changes:
            client.edit_pull(name, pull.number, **changes)
            outcome.action = "updated"
        elif outcome.action == "none":
            outcome.action = "unchanged"
        return outcome
    try:
        outcome.number = client.create_pull(
            name, base=repo.default_branch, head=branch, title=options.title, body=body
        )
    except GitHubError as error:
        if error.status != 403:
            raise
        outcome.action = "skipped"
        outcome.notice = (
            f"the fixes are on the branch {branch}, but GitHub refused to open the pull request "
            f"({error}): the token needs pull-requests: write, and the repository must allow "
            "GitHub Actions to create pull requests (Settings > Actions > General > Workflow "
            "permissions); or open it from the branch yourself"
        )
        return outcome
    outcome.action = "opened"
    return outcome


# -- the whole run -----------------------------------------------------------------------

KEPT = ("opened", "updated", "unchanged")
"""Pull request outcomes after which the pull request is open and current."""


def body_for(prepared: Prepared, options: MaintainOptions, issue: int | None) -> str:
    from listbot.rules import get_rule

    summaries = {}
    for change in prepared.plan.changes:
        rule = get_rule(change.rule)
        if rule is not None:
            summaries[rule.id] = rule.summary
    return pull_body(
        prepared.plan,
        prepared.evidence,
        issue=issue,
        order=options.rules,
        summaries=summaries,
    )


def run_maintenance(
    client: GitHubClient,
    repo_name: str,
    paths: Sequence[str],
    config: Config,
    network: Mapping[str, Any],
) -> MaintainOutcome:
    """Check the lists at the default branch's head, then keep the pull request and the
    link-rot issue in step. Raises GitHubError, and ConfigError for a bot branch that is
    the default branch."""
    from listbot.config import ConfigError

    options: MaintainOptions = config.section("maintain")
    github_options: GithubOptions = config.section("github")
    repo = client.repository(repo_name)
    if options.branch.lower() == repo.default_branch.lower():
        raise ConfigError(
            f"[maintain] branch {options.branch!r} is the default branch of {repo.full_name}; "
            "listbot never pushes there: choose another branch"
        )
    base = client.branch_sha(repo_name, repo.default_branch)
    if base is None:
        raise GitHubError(404, f"{repo.full_name} has no branch {repo.default_branch!r}")
    files, errors = read_sources(client, repo_name, base, list(dict.fromkeys(paths)))
    if errors:
        return MaintainOutcome(Prepared(Plan(base, repo.default_branch, ()), input_errors=errors))
    prepared = prepare(files, config, options, network, base=base, base_branch=repo.default_branch)
    outcome = MaintainOutcome(prepared)
    if prepared.fatal or prepared.input_errors:
        return outcome
    issues = open_issues(client, repo_name, github_options)
    issue_before = issues[0].number if issues else None
    if repo.fork:
        outcome.pull = PullOutcome(
            "skipped",
            notice=f"{repo.full_name} is a fork: no maintenance pull request here, "
            "broken links go to the issue only",
        )
    elif prepared.hold:
        open_pulls = client.pulls(repo_name, f"{repo_name.split('/')[0]}:{options.branch}")
        outcome.pull = PullOutcome(
            "held",
            number=next((p.number for p in open_pulls if _ours(p.body)), None),
            notice=f"the maintenance pull request is left as it is ({prepared.hold})",
        )
    else:
        try:
            body = body_for(prepared, options, issue_before)
            outcome.pull = sync_pull(client, repo, prepared, options, body)
        except GitHubError as error:
            if not error.forbidden:
                raise
            outcome.pull = PullOutcome(
                "skipped",
                notice=f"cannot maintain the pull request ({error}): the token needs "
                "contents: write and pull-requests: write; broken links go to the issue only",
            )
    kept = outcome.pull.action in KEPT
    rows = [row for row in prepared.rows if not (kept and row.url in prepared.replaced)]
    outcome.issue_rows = rows
    pull = outcome.pull.number if kept or outcome.pull.action == "held" else None
    outcome.issue = sync_issue(client, repo_name, rows, github_options, pull=pull)
    issue_after = outcome.issue.number if outcome.issue.action != "closed" else None
    if kept and outcome.pull.number is not None and issue_after != issue_before:
        body = body_for(prepared, options, issue_after)
        client.edit_pull(repo_name, outcome.pull.number, body=body)
    return outcome
