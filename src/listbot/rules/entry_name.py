"""## What it does
Reports an entry that links a GitHub repository under a name that is not the project's:
the link text is compared with the repository's name (or its owner's) in the URL, ignoring
case, spaces and punctuation, and a name that contains the other (`Go kit` for
`go-kit/kit`, `acmetool` for `hlandau/acme`) is fine.

A link into a repository's contents (`…/tree/master/deliver`, `…/blob/main/guide.md`,
`…/wiki`) names that part, not the project, and is not compared. Leading articles do not
count (`The Composable Architecture` for `swift-composable-architecture`), nor does word
order or spelling of a shared word set (`Page View indicator` for `ViewPagerIndicator`).
An entry that links another curated list (`awesome-…`) names it by its topic, and a list
most of whose entries are such lists is not checked at all. A link text of more than five
words, or with ` - ` in it, is a description or a title, not a name, and is not compared.

Only lists that name their entries after their repositories are checked: most of their
GitHub entries (four in five, and at least five) must match. A list that names entries by
topic ("Falsehoods about phone numbers") or by kind of link ("Repo", "Code") is left
alone, and so are generic link texts anywhere.

## Why is this bad?
Readers look for a project by its name; an entry called "Fast JSON" that links
`someone/zoomjson` is hard to find again and often a description in the wrong place.

## Example
```markdown
- [A fast JSON parser](https://github.com/valyala/fastjson) - Parses JSON.
```

## Use instead
```markdown
- [fastjson](https://github.com/valyala/fastjson) - Fast JSON parser.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding, Severity
from listbot.github.repos import repo_of
from listbot.model import Document, Link
from listbot.rules.base import NoOptions, Rule
from listbot.rules.duplicate_entry import GENERIC_NAMES

_NOT_ALNUM = re.compile(r"[\W_]+")
CONVENTION_SHARE = 0.8
"""Share of a list's GitHub entries named after their repositories for the rule to apply."""
MIN_ENTRIES = 5
MAX_NAME_WORDS = 5
"""Link texts longer than this are descriptions or titles, not names, and are not compared."""


def squeeze(text: str) -> str:
    """Letters and digits only, case-folded: how two spellings of a name are compared."""
    return _NOT_ALNUM.sub("", text.casefold())


_ECOSYSTEM = frozenset(
    {"awesome", "go", "golang", "py", "python", "js", "node", "nodejs", "rs", "rust", "lib"}
)
"""Words repository names add for their ecosystem (``go-``, ``-python``, ``awesome-``)."""


def _subsequence(short: str, long: str) -> bool:
    """``short`` is ``long`` abbreviated: same first letter, its letters in order in it
    (``gf`` for GoFrame, ``seaweedfs`` for Seaweed File System)."""
    if not short or not long or short[0] != long[0]:
        return False
    letters = iter(long)
    return all(ch in letters for ch in short)


_ARTICLES = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r"[-_.]")


def names_match(text: str, repo_name: str) -> bool:
    """Whether a link text names the repository: once squeezed, one contains or abbreviates
    the other, with or without the repository's ecosystem words (``go-``, ``awesome-``) and
    the text's leading article."""
    a = squeeze(_ARTICLES.sub("", text.strip()))
    words = [w for w in _NAME_SEPARATORS.split(repo_name.removesuffix(".git")) if w]
    candidates = {squeeze(repo_name.removesuffix(".git"))}
    candidates.add(squeeze("".join(w for w in words if w.casefold() not in _ECOSYSTEM)))
    candidates.discard("")
    if not a or not candidates:
        return True  # nothing to compare (an image, an emoji): no opinion
    if any(
        a in b or b in a or _subsequence(min(a, b, key=len), max(a, b, key=len)) for b in candidates
    ):
        return True
    return _shared_words(text, repo_name)


_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def _words(text: str) -> set[str]:
    """A name's words, camelCase split (``ViewPagerIndicator``: view, pager, indicator),
    without ecosystem words."""
    found = {w.casefold() for w in _CAMEL.findall(text)}
    return {w for w in found if w not in _ECOSYSTEM and len(w) > 1}


def _shared_words(text: str, repo_name: str) -> bool:
    """Most words of the repository's name appear in the text, or the other way round: the
    same name written differently (``Kommunicate Live Chat SDK`` for
    ``Kommunicate-Android-Chat-SDK``, ``Page View indicator`` for ``ViewPagerIndicator``)."""
    ours, theirs = _words(text), _words(repo_name)
    if not ours or not theirs:
        return False
    shared = len(ours & {w.removesuffix("s") for w in theirs} | ours & theirs)
    return shared * 2 >= min(len(ours), len(theirs)) + 1 or shared * 3 >= 2 * len(theirs)


def _named_links(doc: Document) -> tuple[int, list[tuple[Link, tuple[str, str]]]]:
    """How many entries' GitHub links there are, and those whose text does not name the
    repository (only those are kept: all of them were 25 MB at 100,000 entries); none for a
    list of lists (most of its links are other curated lists, each named by its topic)."""
    named = 0
    mismatched = []
    lists = 0
    for entry in doc.all_entries:
        link = entry.main_link
        if link is None or link.is_image or link.image_urls:
            continue
        repo = repo_of(link.url)
        text = link.text.strip().casefold().rstrip(".…").strip()
        if repo is None or text in GENERIC_NAMES:
            continue
        if repo[1].casefold().startswith("awesome"):
            lists += 1
            continue  # a list of lists names each list by its topic
        if _inside_repository(link.url):
            continue  # names a folder, file or page of the repository, not the project
        if len(link.text.split()) > MAX_NAME_WORDS or " - " in link.text:
            continue  # a description or title written as the link, not a name
        named += 1
        if not (names_match(link.text, repo[1]) or names_match(link.text, repo[0])):
            mismatched.append((link, repo))
    return (0, []) if lists > named else (named, mismatched)


def _inside_repository(url: str) -> bool:
    """Whether a GitHub URL points below the repository (``/tree/…``, ``/blob/…``, ``/wiki``)
    rather than at it (``/#readme`` and a trailing ``.git`` or ``/`` are the repository)."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    segments = [s for s in path.split("/")[3:] if s]
    return len(segments) > 2


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    named, mismatched = _named_links(doc)
    if named < MIN_ENTRIES or named - len(mismatched) < CONVENTION_SHARE * named:
        return
    for link, repo in mismatched:
        yield RULE.finding(
            link.span,
            f'Entry name "{link.text.strip()}" is not the name of the repository it links '
            f"({repo[0]}/{repo[1]})",
            url=link.url,
            repository=f"{repo[0]}/{repo[1]}",
        )


RULE = Rule(
    id="entry-name",
    summary="An entry that links a GitHub repository should be named after the project.",
    check=check,
    severity=Severity.INFO,
    tags=("policy", "entries"),
    doc=__doc__ or "",
)
