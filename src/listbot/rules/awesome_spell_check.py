"""## What it does
Reports technology names written with the wrong letters or casing: `Javascript`,
`Github`, `NodeJS`, `Postgres SQL`, `OSX`, … (about 190 names, see
`listbot/rules/_spelling.py`). Names that are also ordinary words (`rust`, `swift`,
`notion`, `zoom`) are reported only in lower case and only where a technology is clearly
meant: `written in rust`, `swift library`, `notion api`, `for iOS and android`.

Left alone, because they are not prose naming a product:
- code, URLs, link destinations and words joined to others by `-`, `_` or `.`
  (`node-fetch`, `github.io`);
- names and titles, written as their owners write them: entry names (`[pytorch](…)`),
  links that open a line (`> **[Async Http Client](…)**`), paper titles, the text of
  links to papers, and titles quoted in double quotes;
- a link's text naming the link's own site or path, a label rather than prose
  (`[github](https://github.com/…)`), the text of links to package registries, which
  names a package (`[couchdb](https://crates.io/…)`), and link texts the list repeats as
  labels (`[Github]` on every code link);
- author lists (`*Sirui Xu, Yu-Xiong Wang, Liang-Yan Gui*`): surnames are not acronyms;
  and a line that is one emphasised word, an author's handle under a title;
- casing alone of a word set in Chinese, Japanese or Korean text (`基于pytorch实现`),
  whose writers commonly keep Latin names in lower case.

## Why is this bad?
Names are how readers search a list, and a list that spells them right looks maintained.
awesome-lint's `awesome-spell-check`, a warning since awesome-lint 2.3.0 because a word
such as "notion" may not mean the product.

## Example
```markdown
- [Foo](https://foo.dev) - Javascript client for the Github API.
```

## Use instead
```markdown
- [Foo](https://foo.dev) - JavaScript client for the GitHub API.
```

## Fix safety
Safe when only casing, spaces or punctuation change in a name that has no other meaning
(`Javascript` → `JavaScript`, `nodejs` → `Node.js`). Unsafe when the word may mean
something else (`rust`, `notion`, an acronym written like a surname, `Gui`), when the
fix renames rather than respells (`OSX` → `macOS`), when it splits one word in two
(`huggingface` → `Hugging Face`: perhaps a handle or a package name), and in a heading
when the anchor would change, since links to it would break.

## Differences from awesome-lint
- Entry names (`[parcel](…) - …`) are not checked: the name is the project's own
  (`parcel`, `webpack` and `esbuild` are spelled in lower case by their projects).
- Not reported: `webpack` (its project's spelling), `k8s` (an accepted abbreviation),
  an old name before its version number (`Mac OS X 10.9`), `git` and other command
  names, and ordinary words written with a capital (`GO`, `ReAct`). `wasm` and `WASM`
  are reported as `Wasm`, webassembly.org's short name, not as `WebAssembly`.
- A finding is placed on the word's own line; awesome-lint reports the first line of
  the paragraph it is in.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.model import Document, Link, Span
from listbot.normalize.urls import host_of
from listbot.rules._inline import BlockText, is_cjk, mask_markup, prose_blocks
from listbot.rules._spelling import (
    ACCEPTED,
    CONTEXT_NAMES,
    LEADING_CONTEXT,
    NAMES,
    PHRASE_BREAKS,
    PRODUCT_CAPS,
    PRODUCT_WORDS,
    STRONG_LEADING,
    TRAILING_CONTEXT,
    VERSIONED,
)
from listbot.rules.base import FixAvailability, NoOptions, Rule

T = TypeVar("T")

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_GAP = re.compile(r"[ \t]+")
_WORD = re.compile(r"[A-Za-z0-9]+")
_SLUG_DROP = re.compile(r"[^\w\- ]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_QUOTED = re.compile(r"\"[^\"\n]+\"|“[^”\n]+”")
_LONE_EMPHASIS = re.compile(r"\s*([*_])[\w.-]+\1\s*\\?\s*")
_TWO_CAPITALS = re.compile(r"[A-Z][^\s,]*\s+[A-Z]")
"""Two capitalised words in a row, as in a personal name: what an author list must have."""
_BYLINE_SPLIT = re.compile(r"[,;&*_]|\band\b|\bet al\b\.?")
_ALNUM_ONLY = re.compile(r"[^a-z0-9]")
_VERSION = re.compile(r"[ \t]*v?\d+(?:\.\d+)+")


@dataclass(frozen=True)
class _Lexicon:
    """Every spelling, looked up by its first lower-case word; longest forms first."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]]

    @classmethod
    def build(cls) -> _Lexicon:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for correct, variants in NAMES.items():
            for form in {correct.lower(), *variants}:
                words = tuple(form.lower().split())
                by_first.setdefault(words[0], []).append((words[1:], correct))
        for options in by_first.values():
            options.sort(key=lambda option: -len(option[0]))
        return cls(by_first)


LEXICON = _Lexicon.build()
_LEADING_ONE = frozenset(c for c in LEADING_CONTEXT if " " not in c)
_LEADING_TWO = frozenset(c for c in LEADING_CONTEXT if " " in c)
_TRAILING = frozenset(TRAILING_CONTEXT)
_PRODUCT_TRAILING = {word: frozenset(spec[1].split()) for word, spec in PRODUCT_WORDS.items()}
_FIRST_WORDS = frozenset({*LEXICON.by_first, *CONTEXT_NAMES, *PRODUCT_WORDS})
"""Where a name may start: the first words of every spelling (the rest is checked in code)."""
_ONE_WORD_NAMES = frozenset(
    first for first, options in LEXICON.by_first.items() if any(not rest for rest, _ in options)
)
_AMBIGUOUS_SPELLED = frozenset(
    {*CONTEXT_NAMES.values(), *(correct for correct, _, _ in PRODUCT_WORDS.values())}
)
"""Words that, as a neighbour in an enumeration, show technologies are being listed: the
one-word unambiguous names in any case, the ambiguous ones only as their projects spell them."""
_RUN = re.compile(r"[a-z0-9]+")
_FIRST_RUNS = frozenset(re.split(r"[^a-z0-9]", word, maxsplit=1)[0] for word in _FIRST_WORDS)
"""The letters and digits each first word starts with (``vue`` for ``vue.js``)."""
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # not the `string` module: it costs 0.5 ms to import
_ASCII_LETTERS = frozenset(_UPPER + _UPPER.lower())
_LETTER_OR_DIGIT = _ASCII_LETTERS | frozenset("0123456789")
_NOT_BEFORE_NAME = _LETTER_OR_DIGIT | frozenset("._-@#/$\\:")
"""A word right after one of these is inside a longer token or a path, tag, mention,
identifier (``plugin:github``, ``:github:``), ..."""
_ASCII_LOWER = str.maketrans(_UPPER, _UPPER.lower())
_LINE_OPENING = re.compile(r"[\s>*_+|#-]*(?:\d+[.)][\s*_]*)?")
"""What may come before a link that opens its line: quote, list and emphasis markers."""
_LABEL_CONVENTION = 3
"""Links with the same text this many times: the list's label for a kind of link."""
_WINDOW = 120
"""Characters on each side of a name where the words that give it context are read."""
_ENUMERATION_GAPS = frozenset({"", ",", "/", "&", "+"})
_PAPER_HOSTS = frozenset(
    {
        "arxiv.org",
        "export.arxiv.org",
        "openreview.net",
        "aclanthology.org",
        "doi.org",
        "dl.acm.org",
        "ieeexplore.ieee.org",
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "openaccess.thecvf.com",
        "proceedings.mlr.press",
        "semanticscholar.org",
        "link.springer.com",
    }
)
_REGISTRY_HOSTS = frozenset(
    {
        "crates.io",
        "docs.rs",
        "lib.rs",
        "npmjs.com",
        "npmjs.org",
        "pypi.org",
        "pypi.python.org",
        "hex.pm",
        "hexdocs.pm",
        "rubygems.org",
        "packagist.org",
        "pkg.go.dev",
        "nuget.org",
        "pub.dev",
        "cocoapods.org",
        "cran.r-project.org",
    }
)
"""Package registries: a link's text there names a package or a keyword, as spelled."""
_NAME_PARTICLES = frozenset(("van", "von", "de", "der", "den", "da", "di", "del", "la", "le"))


def _token_at(masked: str, start: int) -> int:
    """End of the word starting at ``start``, trailing ``.``, ``-``, ``_`` excluded."""
    match = _TOKEN.match(masked, start)
    end = match.end() if match else start
    while end > start and masked[end - 1] in ".-_":
        end -= 1
    return end


def _phrase_end(masked: str, end: int, rest: tuple[str, ...]) -> int | None:
    """Where ``rest`` (the following words of a name) ends after ``end``, if it follows."""
    for word in rest:
        gap = _GAP.match(masked, end)
        if gap is None:
            return None
        stop = _token_at(masked, gap.end())
        if masked[gap.end() : stop].lower() != word:
            return None
        end = stop
    return end


def _name_starts(masked: str) -> list[int]:
    """Offsets, in order, of the words that may start a name: the only ones worth a look.

    Looping in Python over every word of every block was most of this rule's time, yet
    few words can start a name. The block's letter-and-digit runs are intersected with
    the first runs of the names (a set operation done in C), and only the runs in both
    are searched for (``str.find``); a hit counts where it is a whole run that starts a
    word the way ``_matches`` requires.
    """
    lowered = masked.lower()
    if len(lowered) != len(masked):  # a few letters (``İ``) lower to two characters
        lowered = masked.translate(_ASCII_LOWER)
    starts: list[int] = []
    for run in _FIRST_RUNS.intersection(_RUN.findall(lowered)):
        at = lowered.find(run)
        while at >= 0:
            end = at + len(run)
            if (at == 0 or masked[at - 1] not in _NOT_BEFORE_NAME) and masked[
                end : end + 1
            ] not in _LETTER_OR_DIGIT:
                starts.append(at)
            at = lowered.find(run, end)
    starts.sort()
    return starts


class _Words:
    """The words around a name, read from a window of the text on each side.

    A bounded window keeps the rule linear however long the whitespace between words
    (a backwards search from every name over the whole block is not), and tokenising
    only around names is cheaper than tokenising every block that holds one.
    """

    def __init__(self, masked: str) -> None:
        self.masked = masked

    def before(self, start: int, count: int) -> list[tuple[str, str]]:
        """Up to ``count`` (word, gap after it) pairs before ``start``, nearest first."""
        low = max(start - _WINDOW, 0)
        spans = [match.span() for match in _WORD.finditer(self.masked, low, start)]
        if spans and spans[0][0] == low and low > 0 and self.masked[low - 1].isalnum():
            spans = spans[1:]  # cut by the window: not a whole word
        found: list[tuple[str, str]] = []
        end = start
        for word_start, word_end in reversed(spans[-count:]):
            found.append((self.masked[word_start:word_end], self.masked[word_end:end]))
            end = word_start
        return found

    def after(self, end: int, count: int) -> list[tuple[str, str]]:
        """Up to ``count`` (word, gap before it) pairs after ``end``, nearest first."""
        found: list[tuple[str, str]] = []
        for match in _WORD.finditer(self.masked, end, end + _WINDOW):
            if len(found) == count:
                break
            word_start, word_end = match.span()
            found.append((match.group(), self.masked[end:word_start]))
            end = word_end
        return found


def _is_space(gap: str) -> bool:
    return not gap.strip()


def _leading(words: _Words, start: int) -> str | None:
    """The leading context right before ``start`` (``using``, ``written in``), if any."""
    before = words.before(start, 2)
    if not before or not _is_space(before[0][1]):
        return None
    one = before[0][0].lower()
    if len(before) == 2 and _is_space(before[1][1]):
        two = f"{before[1][0].lower()} {one}"
        if two in _LEADING_TWO:
            return two
    return one if one in _LEADING_ONE else None


def _ends_phrase(words: _Words, end: int, trailing: frozenset[str]) -> bool:
    """Whether the name ends its phrase: ``for rust.``, not ``for crystal structure``."""
    after = words.after(end, 1)
    if not after or not _is_space(after[0][1]) or "\n" in after[0][1]:
        return True  # punctuation, the end, or a line break follows
    word = after[0][0].lower()
    return word in PHRASE_BREAKS or _plural_in(word, trailing)


def _plural_in(word: str, choices: frozenset[str]) -> bool:
    if word in choices or (word[:1].isdigit() and "#" in choices):
        return True
    return (word.endswith("s") and word[:-1] in choices) or (
        word.endswith("es") and word[:-2] in choices
    )


def _enumerated(words: _Words, start: int, end: int) -> bool:
    """Whether the name is listed with other technologies: ``iOS and android``."""
    for pairs in (words.before(start, 2), words.after(end, 2)):
        if not pairs:
            continue
        word, gap = pairs[0]
        if gap.strip() in _ENUMERATION_GAPS and _is_known(word):
            return True
        if word.lower() in ("and", "or") and _is_space(gap) and len(pairs) == 2:
            other, other_gap = pairs[1]
            if other_gap.strip() in ("", ",") and _is_known(other):
                return True
    return False


def _is_known(word: str) -> bool:
    return word in _AMBIGUOUS_SPELLED or word.lower() in _ONE_WORD_NAMES


_FUNCTION_WORDS = PHRASE_BREAKS | frozenset(
    {"the", "a", "an", "our", "your", "my", "their", "its", "this", "these", "those", "of"}
    | {"into", "onto", "about", "over", "under", "use", "uses", "using", "any", "every"}
)


def _opens_phrase(words: _Words, start: int) -> bool:
    """Whether an ordinary word starts its noun phrase (``the zoom app``, ``Python slack
    bot``, ``targeting net 8``), rather than completing one (``neural net framework``)."""
    before = words.before(start, 1)
    if not before or not _is_space(before[0][1]):
        return True
    word = before[0][0].lower()
    verb = len(word) > 4 and word.endswith(("ing", "ed"))  # "targeting net 8", "hosted zoom"
    return word in _FUNCTION_WORDS or verb or _is_known(before[0][0])


def _context_hit(words: _Words, lowered: str, written: str, start: int, end: int) -> str | None:
    """The correct spelling of an ambiguous word where its context shows the technology."""
    if lowered in CONTEXT_NAMES:
        if not written.islower():
            return None
        lead = _leading(words, start)
        if lead is not None and (lead in STRONG_LEADING or _ends_phrase(words, end, _TRAILING)):
            return CONTEXT_NAMES[lowered]
        after = words.after(end, 1)
        if after and _is_space(after[0][1]) and after[0][0].lower() in _TRAILING:
            return CONTEXT_NAMES[lowered]
        return CONTEXT_NAMES[lowered] if _enumerated(words, start, end) else None
    correct, _, leading_counts = PRODUCT_WORDS[lowered]
    if not (written.islower() or (lowered in PRODUCT_CAPS and written.isupper())):
        return None
    trailing = _PRODUCT_TRAILING[lowered]
    after = words.after(end, 1)
    if after and _is_space(after[0][1]) and _plural_in(after[0][0].lower(), trailing):
        return correct if _opens_phrase(words, start) else None
    if leading_counts and _leading(words, start) is not None:
        return correct if _ends_phrase(words, end, trailing) else None
    return None


def _matches(masked: str, starts: list[int]) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, correct spelling, unambiguous) of every misspelt name in the text;
    ``starts`` are :func:`_name_starts` of the text (before parts of it were blanked)."""
    consumed = 0
    words: _Words | None = None
    for start in starts:
        if start < consumed:
            continue
        end = _token_at(masked, start)
        lowered = masked[start:end].lower()
        if lowered not in _FIRST_WORDS:
            continue
        hit: tuple[int, str, bool] | None = None
        for rest, correct in LEXICON.by_first.get(lowered, ()):
            stop = _phrase_end(masked, end, rest)
            if stop is not None:
                if rest and _ordinary_phrase(masked, start):
                    break  # "a stack overflow": words, not the name
                hit = (stop, correct, True)
                break
        if hit is None and (lowered in CONTEXT_NAMES or lowered in PRODUCT_WORDS):
            words = words or _Words(masked)
            correct_form = _context_hit(words, lowered, masked[start:end], start, end)
            if correct_form is not None:
                hit = (end, correct_form, False)
        if hit is None:
            continue
        stop, correct, unambiguous = hit
        following = masked[stop : stop + 1]
        if following and following in "/@[":
            continue  # a path, a mention, a bracketed brand (``php[architect]``)
        consumed = stop
        written = " ".join(masked[start:stop].split())
        if written == correct or written in ACCEPTED:
            continue
        if correct in VERSIONED and _VERSION.match(masked, stop):
            continue  # "Mac OS X 10.9": the name of that version
        yield start, stop, correct, unambiguous


def _ordinary_phrase(masked: str, start: int) -> bool:
    """Whether a name of several words follows an indefinite article, as ordinary words
    do (``a stack overflow``) and names do not."""
    before = masked[max(start - 4, 0) : start].rstrip().rsplit(None, 1)
    return bool(before) and before[-1].lower() in ("a", "an")


def _slug_form(text: str) -> str:
    return _SLUG_DROP.sub("", text.lower()).replace(" ", "-")


def _url_words(url: str) -> frozenset[str]:
    """The labels of a URL's host and its path segments, lower case, letters and digits only."""
    host = host_of(url)
    path = url.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    parts = [*host.split("."), *path.split("/")[1:]]
    return frozenset(_ALNUM_ONLY.sub("", part.lower()) for part in parts if part)


def _is_paper(url: str) -> bool:
    host = host_of(url)
    return host in _PAPER_HOSTS or url.lower().split("?", 1)[0].endswith(".pdf")


class _ByLine(Generic[T]):
    """Items looked up by their line: one list sorted by line and bisected, not a dict of
    lists per line (a dict of 100,000 one-item lists was 30 MB)."""

    __slots__ = ("_items", "_lines")

    def __init__(self, items: list[T], lines: list[int]) -> None:
        if any(a > b for a, b in pairwise(lines)):  # stable: a line's items keep order
            order = sorted(range(len(lines)), key=lines.__getitem__)
            items, lines = [items[n] for n in order], [lines[n] for n in order]
        self._items = items
        self._lines = array("q", lines)

    def get(self, line: int) -> list[T]:
        start = bisect_left(self._lines, line)
        return self._items[start : bisect_right(self._lines, line, start)]


@dataclass(frozen=True)
class _Skips:
    """What is not prose, by line: names and titles to blank whole, and links.

    Names and titles are written as their owners write them: entry names, paper titles,
    links that open a line (``> **[Async Http Client](…)**``: the name of what the line
    describes), links to papers; so are the labels a list repeats (``[Github]`` on every
    code link: its convention, not prose). Other links keep their text, less the words
    that name their own site. A link is judged only when its block holds a name.
    """

    doc: Document
    spans: _ByLine[Span]
    links: _ByLine[Link]
    uses: Counter[str]

    @classmethod
    def of(cls, doc: Document) -> _Skips:
        spans: list[Span] = []
        for entry in doc.all_entries:
            if entry.main_link is not None:
                spans.append(entry.main_link.span)
            if entry.paper is not None and entry.paper.title_span is not None:
                spans.append(entry.paper.title_span)
        texts = [link for link in doc.links if not link.is_image and not link.in_html]
        return cls(
            doc,
            _ByLine(spans, [span.line for span in spans]),
            _ByLine(texts, [link.span.line for link in texts]),
            Counter(link.text for link in texts),
        )

    def names_whole(self, link: Link) -> bool:
        """Whether the link's whole text is a name, title or label (not prose)."""
        before = self.doc.line_text(link.line)[: link.column - 1]
        return bool(
            _LINE_OPENING.fullmatch(before)
            or self.uses[link.text] >= _LABEL_CONVENTION
            or _is_paper(link.url)
            or host_of(link.url) in _REGISTRY_HOSTS
        )


Range = tuple[int, int]


def _blanked(masked: str, ranges: list[Range]) -> str:
    """``masked`` with each range replaced by spaces (line breaks kept), in one pass."""
    if not ranges:
        return masked
    parts: list[str] = []
    last = 0
    for start, end in sorted(ranges):
        start = max(start, last)
        if start >= end:
            continue
        parts.append(masked[last:start])
        chunk = masked[start:end]
        parts.append(_NOT_NEWLINE.sub(" ", chunk) if "\n" in chunk else " " * len(chunk))
        last = end
    parts.append(masked[last:])
    return "".join(parts)


def _skipped_ranges(source: BlockText, masked: str, skips: _Skips) -> list[Range]:
    ranges: list[Range] = []
    last = source.first_line + len(source.line_starts) - 1
    for line in range(source.first_line, last + 1):
        spans = skips.spans.get(line)
        for link in skips.links.get(line):
            if skips.names_whole(link):
                spans.append(link.span)
            else:
                ranges.extend(_site_words(source, masked, link))
        for span in spans:
            start = source.offset(span.line, span.column)
            if start is None:
                continue
            end = source.offset(span.end_line, span.end_column)
            ranges.append((start, len(masked) if end is None else min(end, len(masked))))
    return ranges


def _site_words(source: BlockText, masked: str, link: Link) -> Iterator[Range]:
    """The words of a link's text that name its own site or path (``[github](…)``)."""
    if _FIRST_RUNS.isdisjoint(_RUN.findall(link.text.lower())):
        return  # no word of the text can start a name: nothing to spare
    start = source.offset(link.span.line, link.span.column)
    end = source.offset(link.span.end_line, link.span.end_column)
    if start is None:
        return
    end = len(masked) if end is None else min(end, len(masked))
    url_words = _url_words(link.url)
    for match in _WORD.finditer(masked, start, end):
        if match.group().lower() in url_words:
            yield match.span()


def _lone_emphasis(masked: str) -> Iterator[Range]:
    """A line that is one emphasised word (``*huggingface*`` under a title): a byline
    naming one author or organisation by their handle."""
    if "*" not in masked and "_" not in masked:
        return
    offset = 0
    for line in masked.split("\n"):
        if _LONE_EMPHASIS.fullmatch(line):
            yield offset, offset + len(line)
        offset += len(line) + 1


def _quoted_titles(masked: str) -> Iterator[Range]:
    """Titles quoted in double quotes (three words or more): citations, as written."""
    if '"' not in masked and "“" not in masked:
        return
    for match in _QUOTED.finditer(masked):
        if len(match.group().split()) >= 3:
            yield match.span()


def _is_name_token(token: str) -> bool:
    if token in _NAME_PARTICLES:
        return True
    token = token.rstrip(".")
    if len(token) == 1:
        return token.isupper()  # an initial
    parts = token.replace("’", "-").replace("'", "-").split("-")
    return all(part[:1].isupper() and (part[1:].islower() or not part[1:]) for part in parts)


def _is_person(item: str) -> bool:
    """``Liang-Yan Gui``, ``J. R. R. Tolkien``, ``Ludwig van Beethoven``: a personal name."""
    tokens = item.split()
    if not 2 <= len(tokens) <= 5 or any(char.isdigit() for char in item):
        return False
    return (
        all(_is_name_token(token) for token in tokens)
        and tokens[0] not in _NAME_PARTICLES
        and sum(len(token.rstrip(".")) > 1 for token in tokens) >= 1
    )


def _bylines(masked: str, starts: list[int]) -> Iterator[Range]:
    """The names in author lists: three or more personal names (two with ``et al``).
    Only lines where a name may start (``starts``) are read."""
    if "," not in masked:
        return
    offset = 0
    pending = iter(starts)
    next_start = next(pending, None)
    for line in masked.split("\n"):
        end = offset + len(line)
        while next_start is not None and next_start < offset:
            next_start = next(pending, None)
        if next_start is not None and next_start <= end and _may_be_byline(line):
            yield from _names_of_byline(line, offset)
        offset = end + 1


def _may_be_byline(line: str) -> bool:
    return "," in line and len(_TWO_CAPITALS.findall(line)) >= 2


def _names_of_byline(line: str, offset: int) -> Iterator[Range]:
    items: list[tuple[int, int]] = []
    last = 0
    for cut in [*_BYLINE_SPLIT.finditer(line), None]:
        stop = cut.start() if cut else len(line)
        if _is_person(line[last:stop]):
            items.append((last, stop))
        last = cut.end() if cut else stop
    if len(items) >= 3 or (len(items) == 2 and "et al" in line):
        for start, stop in items:
            yield offset + start, offset + stop


def _in_cjk_text(text: str, start: int, end: int) -> bool:
    """Whether the nearest characters around a word, spaces aside, are CJK."""
    before = text[max(start - 3, 0) : start].rstrip()
    after = text[end : end + 3].lstrip()
    return bool(before and is_cjk(before[-1])) or bool(after and is_cjk(after[0]))


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    skips = _Skips.of(doc)
    for block, source in prose_blocks(doc):
        masked = mask_markup(source.text)
        starts = _name_starts(masked)
        if not starts:
            continue  # most blocks name nothing: no need to find what is not prose
        masked = _blanked(masked, _skipped_ranges(source, masked, skips))
        masked = _blanked(
            masked, [*_quoted_titles(masked), *_bylines(masked, starts), *_lone_emphasis(masked)]
        )
        for start, end, correct, unambiguous in _matches(masked, starts):
            written = source.text[start:end]
            if written.lower() == correct.lower() and _in_cjk_text(source.text, start, end):
                continue
            yield _finding(block.kind, source, start, end, correct, unambiguous)


def _letters(text: str) -> str:
    return _ALNUM_ONLY.sub("", text.lower())


def _fix_is_safe(kind: str, written: str, correct: str, unambiguous: bool) -> bool:
    """A respelling of a name with one meaning, which keeps the heading's anchor."""
    if not unambiguous or _letters(written) != _letters(correct):
        return False
    if correct.isupper() and written[:1].isupper() and written[1:].islower():
        return False  # "Gui", "Api": maybe a surname or a word, not the acronym
    if " " in correct and " " not in written:
        return False  # "huggingface": maybe a handle or a package, not the name misspelt
    return kind != "heading" or _slug_form(written) == _slug_form(correct)


def _finding(
    kind: str, source: BlockText, start: int, end: int, correct: str, unambiguous: bool
) -> Finding:
    written = source.text[start:end]
    span = source.span(start, end)
    safe = _fix_is_safe(kind, written, correct, unambiguous)
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    return RULE.finding(
        span,
        f'Text "{written}" should be written as "{correct}" (if referring to the technology)',
        fix=Fix((Edit(span, correct),), f'Write "{correct}"', applicability),
        expected=correct,
    )


RULE = Rule(
    id="awesome-spell-check",
    summary="Technology names must be spelled and cased as their projects spell them.",
    check=check,
    severity=Severity.WARNING,
    tags=("awesome-lint", "prose"),
    fix=FixAvailability.ALWAYS,
    doc=__doc__ or "",
    aliases=("spell-check",),
)
