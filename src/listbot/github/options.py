"""The ``[github]`` and ``[maintain]`` tables: the PR review, the link-rot issue, the
repository checks and the maintenance pull request."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from listbot.constraints import METADATA_KEY, HttpUrl, ranged

FILTER_MODES = ("added", "diff_context", "file", "nofilter")


@dataclass(frozen=True)
class GithubOptions:
    """Options of ``listbot github review``, ``listbot github link-rot`` and the github-* checks."""

    api_url: str = field(default="https://api.github.com", metadata={METADATA_KEY: HttpUrl()})
    """REST API root; GitHub Enterprise: ``https://HOST/api/v3`` (GITHUB_API_URL wins when set)."""
    token_env: tuple[str, ...] = ("GITHUB_TOKEN", "GH_TOKEN")
    """Environment variables read for the token, first set wins (``--token`` wins over all)."""
    list_files: tuple[str, ...] = ("README.md", "*/README.md")
    """Changed files a review lints (fnmatch patterns on the repository path, any case)."""
    filter_mode: str = "added"
    """Which findings a review reports: added, diff_context, file or nofilter."""
    max_inline_comments: int = ranged(30, 0, 1000)
    """Inline comments per review; the rest go in the review body."""
    bot_logins: tuple[str, ...] = ("github-actions[bot]",)
    """Authors whose marked comments the bot may edit or delete (empty: trust markers alone)."""
    batch_size: int = ranged(100, 1, 100)
    """Repositories per GraphQL query (GitHub allows at most 100 aliases per query)."""
    stale_days: int = ranged(365, 1, 36500, unit="days")
    """github-stale: days without a push after which a repository is reported."""
    cache_hours: float = ranged(24.0, 0, 8760, unit="hours")
    """How long repository facts are kept in the store before asking GitHub again."""
    link_rot_label: str = "link-rot"
    """Label that marks the link-rot issue (created when missing)."""
    link_rot_title: str = "Broken links"
    """Title of the link-rot issue (how many failed runs it waits for: [links] report_after)."""

    def __post_init__(self) -> None:
        if self.filter_mode not in FILTER_MODES:
            raise ValueError(f"filter_mode must be one of {', '.join(FILTER_MODES)}")
        if not 1 <= self.batch_size <= 100:
            raise ValueError("batch_size must be between 1 and 100")
        if self.max_inline_comments < 0 or self.stale_days < 1:
            raise ValueError(
                "max_inline_comments must not be negative, stale_days must be positive"
            )


MAINTAIN_RULES = (
    "redirect",
    "github-moved",
    "insecure-link",
    "tracking-parameter",
    "arxiv-link-form",
)
"""Rules whose safe fixes change a URL into the one the author meant, and nothing else."""

_BAD_BRANCH = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]|\.\.|//|@\{|^[-/.]|/\.|[/.]$|\.lock(/|$)")


@dataclass(frozen=True)
class MaintainOptions:
    """``[maintain]``: ``listbot github maintain``, the pull request that fixes links."""

    branch: str = "listbot/maintenance"
    """The bot's branch for its one pull request; rebuilt on the default branch by each run."""
    rules: tuple[str, ...] = MAINTAIN_RULES
    """Rules whose safe fixes the pull request applies (ids of rules that have a fix)."""
    replace_dead_with_archive: bool = False
    """Also replace dead links (once the link-rot issue would list them) by their archived
    copy; an unsafe fix, so off unless you ask."""
    title: str = "Fix moved and insecure links"
    """Title of the pull request."""

    def __post_init__(self) -> None:
        from listbot.rules import get_rule
        from listbot.rules.base import FixAvailability

        if not self.branch or len(self.branch) > 200 or _BAD_BRANCH.search(self.branch):
            raise ValueError(
                f"branch: {self.branch!r} is not a branch name git accepts "
                "(no spaces, '..', '~^:?*[\\', leading '-' or '/', or trailing '/' or '.')"
            )
        for name in self.rules:
            rule = get_rule(name)
            if rule is None:
                raise ValueError(f"rules: unknown rule {name!r} (see `listbot rules`)")
            if rule.fix is FixAvailability.NEVER:
                raise ValueError(f"rules: {name!r} has no fix (see `listbot rules`)")
        if not self.title.strip() or "\n" in self.title or len(self.title) > 200:
            raise ValueError("title must be one line of at most 200 characters")
