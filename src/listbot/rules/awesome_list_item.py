"""## What it does
Checks that each entry is written the Awesome way: `- [Name](url) - Description.`
That is: the link comes first, then ` - ` (a hyphen with one space on each side), then a
description that starts with a capital letter (or a number, a symbol, a code span, a
name in a script without case) and ends with `.`, `!`, `?` or `…` (`。`, `！`, `？` in
Chinese, Japanese and Korean text). A line such as `-[Name](url)` whose marker is not
followed by a space is reported too.

Entries that are not in this style are left alone, as awesome-lint leaves them: items that
start with text rather than with their link (`- Model **Title**, Venue 2023, [Paper](url)`),
paper entries, navigation items whose link is an `#anchor`, and entries without a
description or whose description is only emoji, a parenthesis, or tags written as code
spans (``- [Title](url) `Google` `2019` ``).

## Why is this bad?
A list is read by scanning: the same shape on every line lets the eye find names and
descriptions, and lets tools (awesome.ecosyste.ms, listbot export) parse the entries.
awesome-lint's `awesome-list-item`, with its bugs fixed: descriptions containing code
still get the casing check, and `。` ends a sentence.

## Example
```markdown
- [Foo](https://foo.dev) — parses widgets
```

## Use instead
```markdown
- [Foo](https://foo.dev) - Parses widgets.
```

## Fix safety
Safe: the separator (` – `, ` — `, `-` with missing or odd spaces) becomes ` - `; a final
`.` (`。` after CJK text) is appended; an all-lower-case first word that is a plain word
gets a capital letter. Replacing a colon separator with ` - ` is unsafe (offered with
`--unsafe-fixes`): the colon is sometimes part of the description.

## Options
`cjk_colon` accepts the full-width colon (`[名字](url)：描述`) before a description in Chinese,
Japanese or Korean, the usual style of lists in those languages. `lowercase_words` lists
names that are spelled in lower case and may start a description.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from listbot.findings import Applicability, Edit, Finding, Fix
from listbot.model import Document, Entry, Span
from listbot.rules._inline import BlockText, has_case, is_cjk, is_emoji, mask_markup
from listbot.rules.base import FixAvailability, Rule

_TERMINATORS = ".!?…。！？．｡।॥۔؟"
_CLOSERS = "\"”’'」』）)"
_SPACES = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
"""Spaces within a line, Unicode's included (an ideographic space after the dash is a space)."""
_WRAPPED = re.compile(r"[ \t]*(?:\r\n|\r|\n)\s*")
"""A line break after the dash: the description is wrapped onto the next line."""
_MISSING_SPACE = re.compile(r"^(\s{0,3}(?:>\s?)*)-(\[[^\]]*\]\()")
_TOKEN_SPLIT = re.compile(r"[\s\-;./']")
_STRIKE = re.compile(r"~~[^~\n]+~~")
_DASH = re.compile(r"-{1,2}(?!-)|[–—]")

DEFAULT_LOWERCASE_WORDS = (
    "npm", "npx", "pnpm", "pip", "pipx", "conda", "webpack", "esbuild", "pytest", "jq",
    "curl", "wget", "rsync", "ffmpeg", "vite", "gulp", "grunt", "brew", "cargo", "deno",
    "bun", "yarn", "git", "vim", "neovim", "emacs", "tmux", "zsh", "bash", "fish", "nginx",
    "systemd", "kubectl", "helm",
)  # fmt: skip


@dataclass(frozen=True)
class Options:
    cjk_colon: bool = True
    """Accept a full-width colon `：` as the separator when the description is CJK text."""
    lowercase_words: tuple[str, ...] = DEFAULT_LOWERCASE_WORDS
    """Names spelled in lower case that may start a description (`npm`, `pytest`, ...)."""


@dataclass(frozen=True)
class _Tail:
    """What follows an entry's main link, as source text with a way back to the file."""

    source: BlockText
    text: str
    masked: str
    """``text`` with code, destinations, images and HTML blanked (same length)."""


def _tail(doc: Document, entry: Entry) -> _Tail | None:
    link = entry.main_link
    item = entry.item.span
    if link is None:
        return None
    span = Span(link.span.end_line, link.span.end_column, item.end_line, item.end_column)
    if (span.end_line, span.end_column) < (span.line, span.column):
        return None
    source = BlockText.of_span(doc, span)
    return _Tail(source, source.text, mask_markup(source.text))


def _starts_with_text(doc: Document, entry: Entry) -> bool:
    """Whether words come before the main link: then the item is not `[Name](url) - ...`."""
    link = entry.main_link
    item = entry.item
    assert link is not None
    start = item.column + len(item.marker) + item.content_gap
    if (link.span.line, link.span.column) <= (item.line, start):
        return False  # the link opens the item, as it usually does
    span = Span(item.line, start, link.span.line, link.span.column)
    before = BlockText.of_span(doc, span).text
    before = re.sub(r"^\[[ xX]\]\s*", "", before)
    masked = mask_markup(before, keep_link_text=False)
    return any(ch.isalnum() for ch in masked)


def _only_decoration(text: str) -> bool:
    """Emoji, one parenthesis, code-span tags, extra links: no sentence that needs checking."""
    plain = mask_markup(text, keep_link_text=False)
    plain = re.sub(r"[（(][^()（）]*[)）]", " ", plain, count=1)
    return not any(ch.isalnum() for ch in plain)


_CJK_LETTER = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]"
)


def _is_cjk_text(text: str) -> bool:
    """Chinese, Japanese or Korean prose (Latin names inside it are normal)."""
    return _CJK_LETTER.search(text) is not None


def check(doc: Document, options: Options) -> Iterator[Finding]:
    yield from _missing_space(doc)
    lowercase = frozenset(word.casefold() for word in options.lowercase_words)
    for entry in doc.all_entries:
        link = entry.main_link
        if link is None or link.is_image or entry.paper is not None:
            continue
        if link.url.startswith("#") or _starts_with_text(doc, entry):
            continue
        if not link.url.strip():
            yield RULE.finding(link.span, "Invalid list item link URL")
            continue
        if not link.text.strip() and not link.image_urls:
            yield RULE.finding(link.span, "Invalid list item link text", url=link.url)
            continue
        tail = _tail(doc, entry)
        if tail is not None:
            yield from _check_tail(tail, entry, options, lowercase)


def _missing_space(doc: Document) -> Iterator[Finding]:
    for number, text in enumerate(doc.lines, start=1):
        if number in doc.code_lines or "-[" not in text:
            continue
        match = _MISSING_SPACE.match(text)
        if match:
            column = len(match.group(1)) + 1
            yield RULE.finding(
                Span.at(number, column, 1),
                "List item marker must be followed by a space",
                fix=Fix((Edit.insert(number, column + 1, " "),), "Add a space after the marker"),
            )


def _check_tail(
    tail: _Tail, entry: Entry, options: Options, lowercase: frozenset[str]
) -> Iterator[Finding]:
    text, masked = tail.text, tail.masked
    # Closing emphasis around the link (`**[Name](url)** - ...`) belongs to the name.
    start = len(text) - len(text.lstrip("*_"))
    if not text[start:].strip():
        return
    spaces = len(text) - start - len(text[start:].lstrip(_SPACES))
    sep_start = start
    cursor = start + spaces
    char = text[cursor] if cursor < len(text) else ""
    url = entry.url
    if text.startswith(" - ", start) and text[start + 3 : start + 4] not in _SPACES:
        description = start + 3
    elif text.startswith(" -", start) and (wrap := _WRAPPED.match(text, start + 2)):
        description = wrap.end()
    elif dash := _DASH.match(text, cursor):
        after = cursor + len(dash.group())
        trailing = len(text) - after - len(text[after:].lstrip(_SPACES))
        description = after + trailing
        if not text[description:].strip():
            yield RULE.finding(
                tail.source.span(sep_start, description),
                "List item description must start with a non-empty string",
                url=url,
            )
            return
        safe = char in "–—" or spaces > 0 or trailing > 0
        message = (
            "List item link and description separated by invalid en-dash or em-dash"
            if char in "–—"
            else "List item link and description separated by invalid whitespace"
        )
        yield _separator_finding(tail, sep_start, description, message, safe, url)
    elif char in ":：" and text[cursor + 1 : cursor + 2] != "/":
        after = cursor + 1
        description = after + len(text[after:]) - len(text[after:].lstrip(_SPACES))
        cjk = options.cjk_colon and _is_cjk_text(masked[description:])
        if char == ":" and cjk:
            message = 'List item link and CJK description must be separated with "：" or " - "'
            yield _separator_finding(tail, sep_start, description, message, False, url, "：")
        elif not cjk:
            message = "List item link and description must be separated with a dash"
            yield _separator_finding(tail, sep_start, description, message, False, url)
    else:
        if _only_decoration(text[start:]) or " - " in masked[start:]:
            return
        yield RULE.finding(
            tail.source.span(start, max(cursor, start + 1)),
            "List item link and description must be separated with a dash",
            url=url,
        )
        return
    yield from _check_description(tail, description, lowercase, entry)


def _separator_finding(
    tail: _Tail, start: int, end: int, message: str, safe: bool, url: str, separator: str = " - "
) -> Finding:
    span = tail.source.span(start, end)
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    edit = Edit(span, separator)
    title = f'Separate with "{separator}"'
    return RULE.finding(span, message, url=url, fix=Fix((edit,), title, applicability))


def _check_description(
    tail: _Tail, start: int, lowercase: frozenset[str], entry: Entry
) -> Iterator[Finding]:
    masked = tail.masked
    url = entry.url
    strike = _STRIKE.search(masked, start)
    if strike:
        yield RULE.finding(
            tail.source.span(strike.start(), strike.end()),
            "List item description contains invalid markdown",
            url=url,
        )
    ending = _ending_finding(tail, start, url)
    if ending is not None:
        yield ending
    if _is_cjk_text(masked[start:]):
        return  # no sentence case in CJK; a Latin word first is a name
    casing = _casing_finding(tail, start, lowercase, entry)
    if casing is not None:
        yield casing


def _ending_finding(tail: _Tail, start: int, url: str) -> Finding | None:
    text, masked = tail.text, tail.masked
    end = len(text.rstrip())
    if end <= start:
        return None
    # Links, images, URLs and HTML (`<br>`) may end a description; code may not.
    last = end - 1
    if masked[last] == " " and text[last] != "`":
        return None
    body_end = start + len(text[start:end].rstrip("*_"))  # closing emphasis is not the body
    body = text[start:body_end].rstrip()
    if not body:
        return None
    plain = masked[start : start + len(body)]
    stripped = body.rstrip(_CLOSERS) if body[-1] in "\"”’'」』" else body
    if stripped and stripped[-1] in _TERMINATORS:
        return None
    if stripped and body[-1] in ")）" and any(ch in _TERMINATORS for ch in plain[:-1]):
        return None
    if is_emoji(body[-1]) and (any(ch in _TERMINATORS for ch in plain) or len(plain.split()) <= 2):
        return None
    fix = None
    final = body[-1]
    if final not in ",;:、，；：-–—" and final.strip():
        mark = "。" if is_cjk(final) else "."
        line, column = tail.source.position(end)
        fix = Fix((Edit.insert(line, column, mark),), f'Add "{mark}"')
    return RULE.finding(
        tail.source.span(start + len(body) - 1, start + len(body)),
        "List item description must end with proper punctuation",
        url=url,
        fix=fix,
    )


def _casing_finding(
    tail: _Tail, start: int, lowercase: frozenset[str], entry: Entry
) -> Finding | None:
    text = tail.text
    offset = start + len(text[start:]) - len(text[start:].lstrip().lstrip("*_"))
    rest = text[offset:]
    if (
        not rest
        or "A" <= rest[0] <= "Z"  # the usual case, decided before splitting out the word
        or rest[0] in "`[!<"
        or rest[0] in "/@#$~&%\"'(“‘（「"
        or tail.masked[offset] == " "
    ):
        return None  # code, a link, a URL, a symbol or a quote comes first
    token = next((t for t in _TOKEN_SPLIT.split(rest) if t), "")
    word = re.sub(r"\W+", "", token)
    if not word or not has_case(word[0]) or not word[0].islower():
        return None
    if any(ch.isdigit() or ch.isupper() for ch in word) or token.casefold() in lowercase:
        return None
    whole = re.match(r"\S+", rest)
    if whole is None:
        return None
    plain = whole.group().rstrip(",:;")
    fix = None
    url = entry.url
    if plain.isalpha():
        names = " ".join(link.text for link in entry.links).casefold() + " " + url.casefold()
        # A word that is also the entry's name or in its URL is a brand: `virtualenv`.
        brand = re.search(rf"(?<![a-z]){re.escape(plain.casefold())}(?![a-z])", names)
        line, column = tail.source.position(offset)
        fix = Fix(
            (Edit.replace_at(line, column, 1, plain[0].upper()),),
            f'Capitalise "{plain}"',
            Applicability.UNSAFE if brand else Applicability.SAFE,
        )
    return RULE.finding(
        tail.source.span(offset, offset + len(whole.group())),
        "List item description must start with valid casing",
        url=url,
        fix=fix,
    )


RULE = Rule(
    id="awesome-list-item",
    summary="Entries must read `- [Name](url) - Description.` with a capital and a final stop.",
    check=check,
    tags=("awesome-lint", "entries"),
    fix=FixAvailability.SOMETIMES,
    options=Options,
    doc=__doc__ or "",
    aliases=("list-item",),
)
