"""## What it does
Finds one paper or project listed twice under different URLs, when the evidence says
the two entries are one work:

- the same arXiv paper in different forms (abs and pdf, arxiv.org and its DOI, ...) or
  the same DOI (`doi.org/10.1145/…` and `dl.acm.org/doi/abs/10.1145/…`): an error;
- the same paper title (case, quotes, punctuation and a trailing "v2" set aside) with
  the same year, or the same first author and no other year: an error; the same title
  without that evidence, or in another year (a preprint and its proceedings): a
  warning; two first authors: nothing (two works that share a title);
- the same project name when the links show one project: a repository and a page that
  names its owner and its name (`github.com/vuejs/vuepress`, `vuepress.vuejs.org`), two
  pages ending in the same article slug, two front pages of one domain: a warning;
- a paper title (or a name of five words or more) written slightly differently, by a
  typo, a plural or a dropped article: a warning.

Generic or serial titles are not evidence: "Portfolio Site" or "Tutorial" by two authors,
a link named after its platform (`[Twitter](…)`), "Part I" and "Part II", "Top Papers of
the Week (Sep 23 – 29)" and "(Dec 23 – 29)", "Sneat" and "Sneat Free", "C" and "C++".
Entries are whatever the list uses: list items, paper paragraphs and table rows. Each
repeat names the first entry. Entries whose main links are the same URL are left to
`double-link`, so one repeat is reported once.

The title of a paper-style entry (`**Title**, Venue 2023, [Paper](url)`) is its bold or
quoted title; the title of a classic entry (`[Name](url) - Description.`) is its link
text when the link opens the item, unless that is a generic word such as "Paper" or
"Code". An entry is about the arXiv paper of its main link only.

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

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from listbot.findings import Finding, Related, Severity
from listbot.model import Document, Entry, Link, Span
from listbot.normalize.titles import blocking_keys, near_equal, normalize_title
from listbot.normalize.urls import host_of, normalize_url, paper_arxiv_id
from listbot.rules.base import FixAvailability, Rule

CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com"})
"""Hosts where ``owner/repo`` names a project: two repositories with one name are two projects
(awesome-go lists five different ``errors`` packages)."""

BLOCK_LIMIT = 32
"""Earlier titles compared per blocking key: keeps near-equal search linear in the list."""

DISTINCTIVE_WORDS = 5
"""A project name of this many words is compared for typos too (shorter ones only for
equality: "Awesome Go" and "Awesome Gin" are two things)."""

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

_STOPWORDS = frozenset({"a", "an", "the", "of", "for", "and", "in", "on", "with", "to", "via"})
_TYPO_RATIO = 0.75
"""How alike two differing words must be to be one word mistyped (``law``/``laws``)."""
_SYMBOLS = re.compile(r"[+#]")
_DOI = re.compile(r"(?:doi\.org/|/doi/(?:abs/|full/|pdf/|epdf/)?)(10\.\d{4,9}/[^\s?#]+)", re.I)
_SLUG_WORDS = re.compile(r"[a-z][a-z0-9]*")
_COMPACT = re.compile(r"[\W_]+")
_SERIAL = re.compile(
    r"^(?:[ivxlcdm]+|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|[a-z]\d*|\d+\w*)$"
)


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
    arxiv: str | None
    """The arXiv ID of the main link."""
    doi: str | None
    """The DOI of the main link (lower case)."""
    paper_title: bool
    """Whether ``title`` is a paper's title (specific) rather than a project's link text."""
    key: str
    """The title's comparison key (see :func:`_key`); empty when the entry has no title."""

    @property
    def url_key(self) -> str:
        """The main link's normalised URL, made when two entries are compared, not kept for
        each: most entries meet no candidate, and at 100,000 entries the keys were 8 MB and
        0.5 s of normalising that the shared cache no longer held."""
        return normalize_url(self.entry.url)

    @property
    def repository(self) -> tuple[str, str, str] | None:
        """``(host, owner, repo)`` when the main link is a repository on a code host (made
        when two entries are compared, not kept for each: 17 MB at 100,000 entries)."""
        return _repository(self.url_key)

    def distinct_from(self, other: _Seen) -> bool:
        """Whether the links alone show two things: one URL (double-link's), two repositories,
        two arXiv papers or two DOIs."""
        if self.url_key == other.url_key:
            return True
        mine, theirs = self.repository, other.repository
        if mine and theirs and mine != theirs:
            return True
        if self.arxiv and other.arxiv and self.arxiv != other.arxiv:
            return True
        return bool(self.doi and other.doi and self.doi != other.doi)


def _repository(url_key: str) -> tuple[str, str, str] | None:
    host, _, path = url_key.partition("/")
    parts = path.split("/")
    if host in CODE_HOSTS and len(parts) >= 2 and parts[0] and parts[1]:
        return host, parts[0].lower(), parts[1].lower()
    return None


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


def entry_doi(entry: Entry) -> str | None:
    """The DOI of the entry's main link (``doi.org/…``, a publisher's ``/doi/…`` page)."""
    link = entry.main_link
    if link is None or "10." not in link.url:
        return None
    match = _DOI.search(link.url)
    return match.group(1).rstrip("/.").lower() if match else None


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


def _key(title: str) -> str:
    """The comparison key of a title: normalised, with ``+`` and ``#`` kept (C, C++, C#)."""
    normalized = normalize_title(title)
    marks = "".join(_SYMBOLS.findall(title))
    return f"{normalized} {marks}" if marks and normalized else normalized


def check(doc: Document, options: Options) -> Iterator[Finding]:
    by_title: dict[str, _Seen] = {}
    by_arxiv: dict[str, _Seen] = {}
    by_doi: dict[str, _Seen] = {}
    blocks: dict[str, list[_Seen]] = {}
    for entry in doc.every_entry:
        if entry.main_link is None or entry.url.strip().startswith("#"):
            continue
        named = entry_title(entry)
        arxiv = entry_arxiv_id(entry)
        doi = entry_doi(entry)
        if named is None and not arxiv and not doi:
            continue
        title, span = named or (entry.name, entry.main_link.span)
        key = _key(title) if named else ""
        paper_title = bool(named) and entry.paper is not None and bool(entry.paper.title)
        seen = _Seen(entry, title, span, arxiv, doi, paper_title, key)
        finding = _exact_repeat(seen, key, by_title, by_arxiv, by_doi)
        if finding is None and options.near_equal and key and key not in by_title:
            finding = _near_repeat(seen, key, blocks)
        if finding is not None:
            yield finding
        _remember(seen, key, by_title, by_arxiv, by_doi, blocks)


def _first_author(seen: _Seen) -> str | None:
    paper = seen.entry.paper
    if paper is None or not paper.authors:
        return None
    first = re.split(r",|;| and |\bet al\b|&", paper.authors, maxsplit=1)[0]
    words = normalize_title(first).split()
    return words[-1] if words else None


def _same_work(seen: _Seen, first: _Seen) -> Severity | None:
    """How sure it is that two papers with one title are one work: an error when their
    years agree (and their first authors do not disagree) or their first authors agree
    (and their years do not disagree), a warning without such evidence or when only the
    year disagrees (a preprint and its proceedings), None when the first authors differ
    (two works that share a title: a blog post and a video)."""
    mine, theirs = seen.entry.paper, first.entry.paper
    years = (mine.year if mine else None, theirs.year if theirs else None)
    authors = (_first_author(seen), _first_author(first))
    if None not in authors and authors[0] != authors[1]:
        return None
    same_author = None not in authors
    if None not in years:
        if years[0] == years[1]:
            return Severity.ERROR
        return Severity.WARNING
    return Severity.ERROR if same_author else Severity.WARNING


def _compact(text: str) -> str:
    return _COMPACT.sub("", text.lower())


def _one_project(seen: _Seen, first: _Seen) -> bool:
    """Whether the two links show one project under two URLs: a repository and a page
    that names both its owner and its name (``github.com/vuejs/vuepress`` and
    ``vuepress.vuejs.org``, ``github.com/HangfireIO``), two URLs ending in the same
    article slug (a post moved to another host), or two front pages of one site
    (``app.storyblok.com``, ``storyblok.com``)."""
    for repo, other in ((seen.repository, first), (first.repository, seen)):
        if repo is None:
            continue
        _, owner, name = (_compact(part) for part in repo)
        where = _compact(other.url_key)
        if len(owner) >= 3 and len(name) >= 3 and owner in where and name in where:
            return True
    mine, theirs = seen.url_key.split("/"), first.url_key.split("/")
    slug = mine[-1].lower()
    if len(mine) > 1 and len(theirs) > 1 and slug == theirs[-1].lower():
        return len(_SLUG_WORDS.findall(slug)) >= 3  # an article's slug, not a repo name
    if len(mine) == 1 and len(theirs) == 1:
        return _site(host_of("http://" + mine[0])) == _site(host_of("http://" + theirs[0]))
    return False


def _site(host: str) -> str:
    """The registrable part of a host, roughly: its last two labels."""
    return ".".join(host.split(".")[-2:])


def _exact_repeat(
    seen: _Seen,
    key: str,
    by_title: dict[str, _Seen],
    by_arxiv: dict[str, _Seen],
    by_doi: dict[str, _Seen],
) -> Finding | None:
    """A finding when an earlier entry is this work: the same arXiv paper or DOI under
    another URL (an error), the same paper title with the same year or first author (an
    error, else a warning), or the same project name where the links show one project
    (a warning)."""
    candidates: list[tuple[Severity, _Seen, str]] = []
    first = by_title.get(key) if key else None
    if first is not None and not seen.distinct_from(first):
        if seen.paper_title and first.paper_title:
            severity = _same_work(seen, first)
            if severity is not None:
                candidates.append((severity, first, "same title"))
        elif _one_project(seen, first):
            candidates.append((Severity.WARNING, first, "same name"))
    first = by_arxiv.get(seen.arxiv) if seen.arxiv else None
    if first is not None and first.url_key != seen.url_key:
        candidates.append((Severity.ERROR, first, f"same arXiv paper ({seen.arxiv})"))
    first = by_doi.get(seen.doi) if seen.doi else None
    if first is not None and first.url_key != seen.url_key:
        candidates.append((Severity.ERROR, first, f"same DOI ({seen.doi})"))
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


def _typo_only(a: str, b: str) -> bool:
    """Whether two titles differ only by a mistyped word or two and dropped small words:
    ``Scaling Law``/``Scaling Laws``, not ``Part I``/``Part II`` or ``Sep``/``Dec``."""
    left, right = a.split(), b.split()
    if len(left) != len(right):
        left = [word for word in left if word not in _STOPWORDS]
        right = [word for word in right if word not in _STOPWORDS]
        if len(left) != len(right):
            return False
    differing = [(old, new) for old, new in zip(left, right, strict=True) if old != new]
    return len(differing) <= 2 and all(_mistyped(old, new) for old, new in differing)


def _mistyped(old: str, new: str) -> bool:
    """One word written two ways (``law``/``laws``), not two words (``i``/``ii``, ``2``/``3``)."""
    if old.isdigit() or new.isdigit() or abs(len(old) - len(new)) > 2:
        return False
    if len(set(old) ^ set(new)) > 2:  # a typo changes a letter or two: cheap rejection
        return False
    if _SERIAL.match(old) or _SERIAL.match(new):
        return False  # Part II / Part III, Sep / Dec: a series, not a typo
    return SequenceMatcher(None, old, new, autojunk=False).ratio() >= _TYPO_RATIO


def _near_repeat(seen: _Seen, key: str, blocks: dict[str, list[_Seen]]) -> Finding | None:
    if not seen.paper_title and len(key.split()) < DISTINCTIVE_WORDS:
        return None  # project names: one typo apart is another project (Awesome Go/Gin)
    best: _Seen | None = None
    for block_key in blocking_keys(key):
        for earlier in blocks.get(block_key, ()):
            if best is not None and earlier.span >= best.span:
                continue
            if seen.distinct_from(earlier):
                continue
            if _typo_only(key, earlier.key) and near_equal(key, earlier.key):
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
    key: str,
    by_title: dict[str, _Seen],
    by_arxiv: dict[str, _Seen],
    by_doi: dict[str, _Seen],
    blocks: dict[str, list[_Seen]],
) -> None:
    if seen.arxiv:
        by_arxiv.setdefault(seen.arxiv, seen)
    if seen.doi:
        by_doi.setdefault(seen.doi, seen)
    if not key or key in by_title:
        return
    by_title[key] = seen
    for block_key in blocking_keys(key):
        block = blocks.setdefault(block_key, [])
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
