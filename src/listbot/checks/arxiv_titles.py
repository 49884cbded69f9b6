"""Does an entry name the paper its arXiv link points at? Pure title logic for the arXiv check.

Parts:

- :func:`title_claims`: what an entry says the paper is called. Its bold or quoted title
  (the parser's ``Paper.title`` when it has one), else the link text when it reads as a
  title, else the plain text before the link; plus a short leading *label* (``RoBERTa
  **...**``), the model name some lists put before the title.
- :func:`title_score` / :func:`same_paper`: token overlap of two normalised titles (the
  duplicates check's :func:`~listbot.normalize.titles.normalize_title`, light stemming,
  stop words dropped). The score is the better of Dice and containment, so a missing
  subtitle, case, punctuation, quotes, ``v2`` and LaTeX braces do not count.
- :func:`label_conflict` / :func:`label_names`: a label naming one model while arXiv's
  title names another (``RoBERTa`` entry, ``ALBERT: A Lite BERT ...`` paper).

Names of datasets and models in link text (``[mC4]``, ``[The Stack]``, ``[Paper]``) are
not titles: a claim needs :data:`MIN_TITLE_TOKENS` words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from listbot.model import Entry, Link
from listbot.normalize.titles import normalize_title

__all__ = [
    "MIN_TITLE_TOKENS",
    "TitleClaims",
    "is_title_like",
    "label_conflict",
    "label_names",
    "same_paper",
    "title_claims",
    "title_score",
]

MIN_TITLE_TOKENS = 3
"""Fewer content words (two letters or more) than this and a text is a name, not a title."""

_STOP_WORDS = frozenset(
    {
        "a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "by", "from", "via",
        "using", "is", "are", "at", "as", "or", "its", "into", "be", "do", "does", "can", "we",
        "our",
    }
)  # fmt: skip
_GENERIC_WORDS = frozenset(
    {
        "paper", "pdf", "arxiv", "link", "here", "abs", "abstract", "preprint", "tech",
        "report", "technical", "model", "card", "code", "blog", "repo", "project", "page",
        "website", "full", "text", "version", "official",
    }
)  # fmt: skip
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?")
_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_BOLD = re.compile(r"\*\*(?P<a>.+?)\*\*|__(?P<b>.+?)__")
_QUOTED = re.compile(r"[\"“](?P<q>[^\"“”]{8,})[\"”]")
_INLINE_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)|!?\[(?P<ref>[^\]]*)\]\[[^\]]*\]")
_MARKUP = re.compile(r"[*_`~]+")
_NAME_HEAD = re.compile(r"^(?P<head>[^:,]{1,40}?)\s*[:,]\s")
_TRAILING_VENUE_YEAR = re.compile(r"[,.(]?\s*(?:[A-Za-z][\w.]*\s+)?(?:19|20)\d{2}\)?\.?$")


@dataclass(frozen=True, slots=True)
class TitleClaims:
    """What an entry calls the paper a link points at; either part may be missing."""

    title: str | None
    source: str
    """Where the title came from: ``paper``, ``bold``, ``quoted``, ``link``, ``before``, ``""``."""
    label: str | None = None


def _tokens(text: str) -> list[str]:
    normalized = normalize_title(_LATEX_COMMAND.sub(" ", text))
    tokens = []
    for token in normalized.split():
        if token in _STOP_WORDS:
            continue
        if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
            token = token[:-1]
        tokens.append(token)
    return tokens


def is_title_like(text: str) -> bool:
    """Whether a link text or phrase reads as a paper title rather than a name."""
    words = normalize_title(text).split()
    if all(word in _GENERIC_WORDS for word in words):
        return False
    # Words, not numbers: `OPT-1.3|6.7|13|30|66B` is a model name with its sizes.
    worded = {token for token in _tokens(text) if sum(char.isalpha() for char in token) >= 2}
    return len(worded) >= MIN_TITLE_TOKENS


def title_score(claimed: str, actual: str) -> float:
    """0..1: how much two titles share, the better of Dice and containment in the shorter."""
    left, right = set(_tokens(claimed)), set(_tokens(actual))
    if not left or not right:
        return 0.0
    shared = len(left & right)
    dice = 2 * shared / (len(left) + len(right))
    shorter = min(len(left), len(right))
    containment = shared / shorter if shorter >= MIN_TITLE_TOKENS else dice
    return max(dice, containment)


def same_paper(claimed: str, actual: str, threshold: float) -> bool:
    """Whether ``claimed`` is arXiv's ``actual`` title, written differently at most."""
    if normalize_title(claimed) == normalize_title(actual):
        return True
    return title_score(claimed, actual) >= threshold


def _squash(text: str) -> str:
    return "".join(char for char in normalize_title(text) if char.isalnum())


def _looks_like_name(text: str) -> bool:
    """``RoBERTa``, ``GLM-130B``, ``AlexaTM 20B``, ``LLaMA 2``: short, inner capitals or digits."""
    words = text.split()
    if not 1 <= len(words) <= 2:
        return False
    first = words[0]
    return any(char.isupper() for char in first[1:]) or any(char.isdigit() for char in text)


def _name_head(actual: str) -> str | None:
    head = _NAME_HEAD.match(actual.strip())
    if head is None or not _looks_like_name(head["head"]):
        return None
    return head["head"]


def label_names(label: str, actual: str) -> bool:
    """Whether a model-name label is the name arXiv's title starts with (``ALBERT: ...``)."""
    head = _name_head(actual)
    return head is not None and bool(_squash(label)) and _squash(label) == _squash(head)


def label_conflict(label: str, actual: str) -> bool:
    """Whether an entry's model-name label names a different model than arXiv's title.

    Only decided when arXiv's title itself starts with a model name (``ALBERT: ...``,
    ``DistilBERT, a ...``); titles such as "Language Models are Few-Shot Learners" say
    nothing about a ``GPT-3`` label. Datasets are labelled with the paper that made them
    (``CC-NEWS: "RoBERTa: ..."``), so callers also want a second entry that names it right.
    """
    head = _name_head(actual)
    if head is None or not _looks_like_name(label):
        return False
    squashed_label, squashed_head = _squash(label), _squash(head)
    if not squashed_label or not squashed_head:
        return False
    return squashed_label not in _squash(actual) and squashed_head not in squashed_label


def _plain(markdown: str) -> str:
    text = _INLINE_LINK.sub(lambda m: m["text"] or m["ref"] or "", markdown)
    return " ".join(_MARKUP.sub(" ", text).split())


def _strip_title(text: str) -> str:
    return text.strip().strip("\"“”'‘’").strip().rstrip(".,;").strip()


def title_claims(entry: Entry | None, link: Link, *, only_link_text: bool = False) -> TitleClaims:
    """The title and label an entry gives for the paper behind ``link``.

    ``only_link_text`` is for entries that link several papers: a bold title there may
    belong to any of them, so only a link text that is itself a title is used.
    """
    link_text = _plain(link.text)
    if is_title_like(link_text) and not link.is_image:
        return TitleClaims(_strip_title(link_text), "link")
    if entry is None or only_link_text:
        return TitleClaims(None, "")
    body = _MARKER.sub("", entry.raw.split("\n", 1)[0] if entry.raw else "", count=1)
    bold = _BOLD.search(body)
    label = None
    if bold is not None:
        before = _plain(body[: bold.start()]).strip().rstrip(":-–—").strip()
        if before and len(before.split()) <= 3:
            label = before
    if entry.paper is not None and entry.paper.title:
        return TitleClaims(_strip_title(entry.paper.title), "paper", label)
    if bold is not None:
        title = _strip_title(_plain(bold["a"] or bold["b"] or ""))
        if is_title_like(title):
            return TitleClaims(title, "bold", label)
    quoted = _QUOTED.search(body)
    if quoted is not None and is_title_like(quoted["q"]):
        return TitleClaims(_strip_title(quoted["q"]), "quoted", label)
    position = body.find(link.raw) if link.raw else -1
    # Text before the link is a title only if it is plain text: in `[Blog post](blog)
    # ([Paper](arxiv))` the words before the paper link name the blog post.
    if position > 0 and not _INLINE_LINK.search(body[:position]) and "<a " not in body[:position]:
        before_text = _plain(body[:position]).rstrip(" -–—:|,")
        before_text = _strip_title(_TRAILING_VENUE_YEAR.sub("", before_text))
        if is_title_like(before_text):
            return TitleClaims(before_text, "before", label)
    return TitleClaims(None, "", label)
