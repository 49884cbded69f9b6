"""## What it does
Finds one paper or project listed twice under different URLs: entries whose titles are
equal once case, quotes, punctuation and a trailing "v2" are set aside, and entries that
link the same arXiv paper in different forms (abs and pdf, arxiv.org and its DOI, ...).
Titles that are nearly equal (a typo, a dropped word) are reported as warnings. Each
repeat names the first entry.

Paper titles and arXiv IDs identify a work, so their repeats are errors. Project names do
not (awesome-go lists two different `goblin`s), so two classic entries with one name are
a warning, and none at all when both link different repositories (GitHub, GitLab, ...).

The title of a paper-style entry (`**Title**, Venue 2023, [Paper](url)`) is its bold or
quoted title; the title of a classic entry (`[Name](url) - Description.`) is its link
text when the link opens the item, unless that is a generic word such as "Paper" or
"Code". An entry is about the arXiv paper of its main link only. Entries whose main links
are the same URL are left to `double-link`, so one repeat is reported once.

## Why is this bad?
A paper listed once with its arXiv link and again with its proceedings link looks like
two papers; readers read both, and corrections reach only one of them.

## Example
```markdown
- GPT-3 **"Language Models are Few-Shot Learners"**. NeurIPS 2020. [Paper](https://arxiv.org/abs/2005.14165)
- **Language Models are Few-Shot Learners**, NeurIPS 2020. [Paper](https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html)
```

## Use instead
Keep one entry; put the other links (proceedings, code) beside its main link.

## Options
- `near_equal`: also report nearly equal titles, as warnings (default true).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Finding, Related, Severity
from listbot.model import Document, Entry, Link, Span
from listbot.normalize.titles import blocking_keys, near_equal, normalize_title
from listbot.normalize.urls import normalize_url, paper_arxiv_id
from listbot.rules.base import FixAvailability, Rule

CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com"})
"""Hosts where ``owner/repo`` names a project: two repositories with one name are two projects
(awesome-go lists five different ``errors`` packages)."""

BLOCK_LIMIT = 32
"""Earlier titles compared per blocking key: keeps near-equal search linear in the list."""

GENERIC_NAMES = frozenset(
    {
        "paper", "papers", "pdf", "code", "link", "links", "here", "blog", "post", "website",
        "homepage", "home", "site", "page", "project", "project page", "github", "repo",
        "repository", "source", "demo", "video", "slides", "docs", "documentation", "arxiv",
        "model", "models", "dataset", "data", "download", "official", "tweet", "article",
        "book", "talk", "website link", "paper link", "code link", "more", "read more", "blog post",
        "pptx", "ppt", "doc", "docx", "zip", "csv", "json", "html", "notebook", "colab",
    }
)  # fmt: skip
"""Link texts that name a kind of page, not a thing: never compared as titles."""


@dataclass(frozen=True)
class Options:
    near_equal: bool = True
    """Also report nearly equal titles (a typo, a dropped word) as warnings."""


@dataclass(frozen=True, slots=True)
class _Seen:
    entry: Entry
    title: str
    """The title as written, for messages."""
    span: Span
    url_key: str
    arxiv: str | None
    """The arXiv ID of the main link."""
    paper_title: bool
    """Whether ``title`` is a paper's title (specific) rather than a project's link text."""

    @property
    def repository(self) -> str | None:
        """``host/owner/repo`` when the main link is a repository on a code host."""
        host, _, path = self.url_key.partition("/")
        parts = path.split("/")
        if host in CODE_HOSTS and len(parts) >= 2 and parts[0] and parts[1]:
            return f"{host}/{parts[0]}/{parts[1]}".lower()
        return None

    def distinct_from(self, other: _Seen) -> bool:
        """Whether the links alone show two things: one URL (double-link's), two repositories,
        or two arXiv papers."""
        if self.url_key == other.url_key:
            return True
        if self.repository and other.repository and self.repository != other.repository:
            return True
        return bool(self.arxiv and other.arxiv and self.arxiv != other.arxiv)


def entry_title(entry: Entry) -> tuple[str, Span] | None:
    """The title an entry is known by, with where it is written; None for generic link texts."""
    paper = entry.paper
    if paper is not None and paper.title and paper.title.strip():
        return paper.title.strip(), paper.title_span or entry.span
    link = entry.main_link
    if link is None or link.is_image or not _starts_item(entry, link):
        return None
    name = link.text.strip()
    normalized = normalize_title(name)
    if not normalized or normalized in GENERIC_NAMES or "://" in name or name.startswith("www."):
        return None
    return name, link.span


def entry_arxiv_id(entry: Entry) -> str | None:
    """The arXiv paper an entry is about: its main link's, in any form (abs, pdf, DOI, ...).

    Other links do not count: a repository entry that also links its paper, or a
    description that cites one, is not that paper's entry.
    """
    link = entry.main_link
    if link is None or link.is_image:
        return None
    arxiv_id = paper_arxiv_id(link.url)
    return arxiv_id.id if arxiv_id is not None else None


def _starts_item(entry: Entry, link: Link) -> bool:
    """Whether the link opens the item (``- [Name](url)``, ``- **[Name](url)**``)."""
    if link.span.line != entry.line:
        return False
    start = entry.column + len(entry.item.marker) + entry.item.content_gap
    lead = entry.item.first_line[start - 1 : link.span.column - 1]
    return lead.strip("*_ ") == ""


def _quote(title: str, limit: int = 80) -> str:
    title = " ".join(title.split())
    return f'"{title}"' if len(title) <= limit else f'"{title[: limit - 1]}…"'


def check(doc: Document, options: Options) -> Iterator[Finding]:
    by_title: dict[str, _Seen] = {}
    by_arxiv: dict[str, _Seen] = {}
    blocks: dict[str, list[_Seen]] = {}
    for entry in doc.all_entries:
        if entry.main_link is None or entry.url.strip().startswith("#"):
            continue
        named = entry_title(entry)
        arxiv = entry_arxiv_id(entry)
        if named is None and not arxiv:
            continue
        title, span = named or (entry.name, entry.main_link.span)
        normalized = normalize_title(title) if named else ""
        paper_title = bool(named) and entry.paper is not None and bool(entry.paper.title)
        seen = _Seen(entry, title, span, normalize_url(entry.url), arxiv, paper_title)
        finding = _exact_repeat(seen, normalized, by_title, by_arxiv)
        if finding is None and options.near_equal and normalized and normalized not in by_title:
            finding = _near_repeat(seen, normalized, blocks)
        if finding is not None:
            yield finding
        _remember(seen, normalized, by_title, by_arxiv, blocks)


def _exact_repeat(
    seen: _Seen, normalized: str, by_title: dict[str, _Seen], by_arxiv: dict[str, _Seen]
) -> Finding | None:
    """A finding when an earlier entry has this title or this arXiv paper under another URL.

    Paper titles and arXiv IDs identify a work: an error. Project names do not (awesome-go
    has two different ``goblin``s): a warning, and never for two different repositories.
    """
    candidates: list[tuple[Severity, _Seen, str]] = []
    first = by_title.get(normalized) if normalized else None
    if first is not None and not seen.distinct_from(first):
        if seen.paper_title and first.paper_title:
            candidates.append((Severity.ERROR, first, "same title"))
        else:
            candidates.append((Severity.WARNING, first, "same name"))
    first = by_arxiv.get(seen.arxiv) if seen.arxiv else None
    if first is not None and first.url_key != seen.url_key:
        candidates.append((Severity.ERROR, first, f"same arXiv paper ({seen.arxiv})"))
    if not candidates:
        return None
    severity, first, why = min(candidates, key=lambda c: (c[0].rank, c[1].span))
    where = f"first seen at line {first.span.line}"
    if severity is Severity.ERROR:
        message = f"Duplicate entry: {_quote(seen.title)} is already listed with the {why}"
    else:
        message = (
            f"Possible duplicate entry: {_quote(seen.title)} is already listed "
            f"with the {why} under another URL"
        )
    return RULE.finding(
        seen.span,
        message,
        url=seen.entry.url,
        related=[Related(first.span.line, first.span.column, where)],
        severity=severity,
        first_line=first.span.line,
        reason=why,
    )


def _near_repeat(seen: _Seen, normalized: str, blocks: dict[str, list[_Seen]]) -> Finding | None:
    best: _Seen | None = None
    for key in blocking_keys(normalized):
        for earlier in blocks.get(key, ()):
            if best is not None and earlier.span >= best.span:
                continue
            if seen.distinct_from(earlier):
                continue
            if near_equal(normalized, normalize_title(earlier.title)):
                best = earlier
    if best is None:
        return None
    where = f"first seen at line {best.span.line}"
    return RULE.finding(
        seen.span,
        f"Possible duplicate entry: {_quote(seen.title)} is nearly the same as "
        f"{_quote(best.title)}",
        url=seen.entry.url,
        related=[Related(best.span.line, best.span.column, where)],
        severity=Severity.WARNING,
        first_line=best.span.line,
        reason="near-equal title",
    )


def _remember(
    seen: _Seen,
    normalized: str,
    by_title: dict[str, _Seen],
    by_arxiv: dict[str, _Seen],
    blocks: dict[str, list[_Seen]],
) -> None:
    if seen.arxiv:
        by_arxiv.setdefault(seen.arxiv, seen)
    if not normalized or normalized in by_title:
        return
    by_title[normalized] = seen
    for key in blocking_keys(normalized):
        block = blocks.setdefault(key, [])
        if len(block) < BLOCK_LIMIT:
            block.append(seen)


RULE = Rule(
    id="duplicate-entry",
    summary="The same paper or project must not be listed twice under different URLs.",
    check=check,
    severity=Severity.ERROR,
    tags=("duplicates", "papers"),
    fix=FixAvailability.NEVER,
    options=Options,
    doc=__doc__ or "",
)
