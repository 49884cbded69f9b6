"""Repository health: github-archived, github-moved, github-missing, github-stale.

Every link into a GitHub repository is reduced to ``owner/name``; each repository is asked
about once, in GraphQL batches of up to 100 (:mod:`listbot.github.repos` plans them and
reads the answers), and the facts are kept in the store for ``[github] cache_hours``.
Without a token these checks say so once and report nothing: GitHub's GraphQL API needs one.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator

from listbot.checks import CheckContext, CheckReport
from listbot.checks.github_requirements import REQUIREMENTS, judge_entry
from listbot.checks.github_requirements import Options as Requirements
from listbot.checks.github_rules import ARCHIVED, MISSING, MOVED, RULES, STALE
from listbot.checks.link_rules import url_fix
from listbot.findings import Finding
from listbot.github.options import GithubOptions
from listbot.github.repos import (
    RepoFacts,
    batches,
    build_query,
    days_since_push,
    is_repo_name,
    key_of,
    moved_url,
    read_answer,
    repo_of,
    unique_repos,
)
from listbot.model import Document, Link
from listbot.normalize.safe_url import display_url

STORE_KIND = "github-repo"
CHECKER = "github"
NOTICE_PREFIX = "GitHub repository checks "
"""How every notice of these checks starts: they were skipped or are incomplete."""
NO_TOKEN = NOTICE_PREFIX + "skipped: no token (set GITHUB_TOKEN)"


def token_from(context: CheckContext, options: GithubOptions) -> str | None:
    token = context.options.get("github_token")
    if token:
        return str(token)
    for name in options.token_env:
        if os.environ.get(name):
            return os.environ[name]
    return None


def api_url_from(context: CheckContext, options: GithubOptions) -> str:
    return str(
        context.options.get("github_api_url") or os.environ.get("GITHUB_API_URL") or options.api_url
    )


def _links(context: CheckContext) -> list[tuple[Document, Link]]:
    return [
        (document, link)
        for document in context.documents
        for link in document.links
        if not link.is_image and context.wants(document.path, link.line) and repo_of(link.url)
    ]


async def check_github_repos(context: CheckContext) -> CheckReport:
    """The ``github`` checker: facts for every linked repository, then findings."""
    report = CheckReport()
    wanted = {rule.id for rule in RULES} & set(context.selected)
    policy = context.config.rule_options(REQUIREMENTS.id)
    policy_on = REQUIREMENTS.id in context.selected and policy.active
    if not wanted and not policy_on:
        return report
    links = _links(context)
    if not links:
        return report
    options: GithubOptions = context.config.section("github")
    repos = unique_repos(link.url for _, link in links)
    files = policy.files if policy_on else ()
    max_age = None if context.options.get("no_cache") else options.cache_hours * 3600
    known: dict[str, RepoFacts] = {}
    if max_age:
        keys = (key_of(*r) for r in repos)
        stored = context.store.get_many(STORE_KIND, keys, max_age, RepoFacts.is_valid_json)
        known = {key: RepoFacts.from_json(value) for key, value in stored.items()}
        if policy_on:  # facts stored by a run without the policy do not answer it
            known = {key: facts for key, facts in known.items() if facts.answers(files)}
    pending = [repo for repo in repos if key_of(*repo) not in known]
    if pending:
        token = token_from(context, options)
        if token is None:
            report.notices.append(NO_TOKEN)
            return report
        fresh = await _ask(context, options, token, pending, report, policy_on, files)
        context.store.put_many(
            STORE_KIND, [(k, f.to_json(), not f.missing) for k, f in fresh.items()]
        )
        known.update(fresh)
    now = context.store.clock()
    for document, link in links:
        repo = repo_of(link.url)
        facts = known.get(key_of(*repo)) if repo else None
        if repo is not None and facts is not None:
            for finding in _findings(document, link, repo, facts, wanted, options, now):
                report.findings.append(finding.with_(file=document.path))
    if policy_on:
        _judge_entries(context, known, policy, now, report)
    return report


def _judge_entries(
    context: CheckContext,
    known: dict[str, RepoFacts],
    policy: Requirements,
    now: float,
    report: CheckReport,
) -> None:
    """github-requirements: each entry whose main link is a repository, against the policy."""
    for document in context.documents:
        for entry in document.all_entries:
            link = entry.main_link
            repo = repo_of(link.url) if link is not None and not link.is_image else None
            if repo is None or not context.wants(document.path, entry.line):
                continue
            facts = known.get(key_of(*repo))
            if facts is None:
                continue
            row, finding = judge_entry(document, entry, facts, policy, now)
            report.entries.append(row)
            if finding is not None:
                report.findings.append(finding)


async def _ask(
    context: CheckContext,
    options: GithubOptions,
    token: str,
    pending: list[tuple[str, str]],
    report: CheckReport,
    policy: bool = False,
    files: tuple[str, ...] = (),
) -> dict[str, RepoFacts]:
    """Ask GitHub batch by batch (in a thread: PyGithub is synchronous); with ``policy``,
    the same query also asks what the contribution policy needs."""
    from listbot.github.api import GitHubClient, GitHubError

    fresh: dict[str, RepoFacts] = {}
    client = GitHubClient(token, api_url=api_url_from(context, options))
    try:
        done = 0
        for batch in batches(pending, options.batch_size):
            try:
                query = build_query(batch, policy=policy, files=files)
                answer = await asyncio.to_thread(client.graphql, query)
            except GitHubError as error:
                word = "skipped" if not done else "incomplete"
                report.notices.append(f"{NOTICE_PREFIX}{word}: {error}")
                break
            fresh.update(read_answer(batch, answer, files))
            done += len(batch)
            if context.progress is not None:
                missing = sum(1 for facts in fresh.values() if facts.missing)
                context.progress(CHECKER, done, len(pending), missing)
    finally:
        client.close()
    return fresh


def _moved(
    document: Document, link: Link, name: str, repo: tuple[str, str], facts: RepoFacts
) -> Finding:
    """github-moved, with a fix only when the API's new name makes a clean URL."""
    new_name = facts.name_with_owner
    if not is_repo_name(new_name):
        shown = display_url(new_name, limit=100)
        return MOVED.finding(
            link.span,
            f"GitHub repository {name} moved to {shown} "
            "(no fix: GitHub's answer is not a valid repository name)",
            url=link.url,
        )
    new_url = moved_url(link.url, repo[0], repo[1], new_name)
    # GitHub's API answered for the new name: that is the 2xx the fix needs.
    fix, why = url_fix(document, link, new_url, final_status=200, safe_on_same_site=True)
    message = f"GitHub repository {name} moved to {new_name}"
    if why:
        return MOVED.finding(link.span, f"{message} (no fix: {why})", url=link.url)
    return MOVED.finding(link.span, message, url=link.url, fix=fix, final_url=new_url)


def _findings(
    document: Document,
    link: Link,
    repo: tuple[str, str],
    facts: RepoFacts,
    wanted: set[str],
    options: GithubOptions,
    now: float,
) -> Iterator[Finding]:
    name = f"{repo[0]}/{repo[1]}"
    if facts.missing:
        if MISSING.id in wanted:
            yield MISSING.finding(
                link.span, f"GitHub repository {name} does not exist (or is private)", url=link.url
            )
        return
    if MOVED.id in wanted and facts.name_with_owner.lower() != name.lower():
        yield _moved(document, link, name, repo, facts)
    if ARCHIVED.id in wanted and facts.archived:
        yield ARCHIVED.finding(link.span, f"GitHub repository {name} is archived", url=link.url)
    if STALE.id in wanted:
        days = days_since_push(facts, now)
        if days is not None and days > options.stale_days:
            yield STALE.finding(
                link.span,
                f"GitHub repository {name} has had no push for {int(days)} days",
                url=link.url,
                days=int(days),
            )
