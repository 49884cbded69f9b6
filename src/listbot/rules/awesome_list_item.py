"""## What it does
Checks that each entry is written the Awesome way: `- [Name](url) - Description.`
That is: the link comes first, then ` - ` (a hyphen with one space on each side), then a
description that starts with a capital letter (or a number, a symbol, a code span, a
name in a script without case) and ends with `.`, `!`, `?` or `…` (`。`, `！`, `？` in
Chinese, Japanese and Korean text; an emoji after earlier punctuation). A line such as
`-[Name](url)` whose marker is not followed by a space is reported too.

The description is the entry's prose: markers between the link and the separator
(`[Zolang](url) :penguin: - ...`, `**NEW**`, a badge), tags after it (`` `MIT` `PHP` ``,
`[BSD]`, `([Demo](…), [Source Code](…))`) and a code block under the entry (`pip install
x`) are not part of it; a link with only a colon after it labels that code.

Entries that are not in this style are left alone, as awesome-lint leaves them: items that
start with text rather than with their link (`- Model **Title**, Venue 2023, [Paper](url)`),
paper entries, navigation items whose link is an `#anchor`, and entries without a
description or whose description is only emoji, a parenthesis, or tags written as code
spans (``- [Title](url) `Google` `2019` ``).

A list's own style is reported once, not on every line: when most of its entries share a
finding (descriptions without a final full stop, in lower case, an en-dash separator...),
one warning names the convention and how many entries follow it. Tags written as code
spans after the descriptions are noted once, as information.

## Why is this bad?
A list is read by scanning: the same shape on every line lets the eye find names and
descriptions, and lets tools (awesome.ecosyste.ms, listbot export) parse the entries.

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
`.` (`。` after CJK text) is appended to a description that ends in a word, a number or a
closing parenthesis; a first word that is a plain English word (`a`, `fast`, `library`...)
gets a capital letter. Unsafe (offered with `--unsafe-fixes`): capitalising any other word
(it may be a name spelled in lower case on purpose), a final stop after code, a quote or
before trailing tags, removing doubled punctuation around a closing quote, and replacing a
colon separator with ` - ` (the colon is sometimes part of the description). A list's
convention has no fix.

## Options
`cjk_colon` accepts the full-width colon (`[名字](url)：描述`) before a description in Chinese,
Japanese or Korean, the usual style of lists in those languages. `lowercase_words` lists
names that are spelled in lower case and may start a description.

## Differences from awesome-lint
- Descriptions containing code or links get the casing check (awesome-lint skips them by a
  bug), and `。` ends a sentence.
- Markers and trailing tags are not the description: `- [Tool](url) **NEW** - tool is
  amazing` is checked for casing and punctuation (awesome-lint reports a missing dash), and
  ``- [App](url) - Notes. `MIT` `` is not "missing punctuation" on every line.
- Trailing badges and tags do not end a sentence: `- [App](url) - Runs apps ![badge](img)`
  lacks its full stop (awesome-lint accepts any description that ends with an image).
- A convention that most entries share is one warning, not an error on each entry.
- A separator whose only fault is extra spaces (`-  Desc`) renders as ` - `: a warning.
- A first word written as code (`std::tuple`, `owner/repo`, a single letter such as `z`)
  or a file type (`.nib to .xib converter`) is not a casing error, nor is a lower-case
  start after a colon (`[Space](url): a demo by Ann`): the colon is reported, and after
  it the sentence goes on.
- A description that starts with the entry's own name in lower case (`- [goscaf](url) -
  goscaf generates...`) is not a casing error: the name is spelled as its authors spell it
  (`no-repeat-item-in-description` reports the repetition).
- A relative link (`[Guide](docs/guide.md)`) is a working link on GitHub, not an invalid
  URL; only an empty URL is.
- Words that continue the link's title (`- [Talk](url) by Ann`, `on YouTube`) are not a
  missing separator; a description wrapped onto the next line after ` -` is not "invalid
  whitespace" (it renders as ` - `).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from listbot.findings import Applicability, Edit, Finding, Fix, Severity
from listbot.model import Document, Entry, Span
from listbot.normalize.emoji import (
    SHORTCODE,
    TERMINATORS,
    ends_with_emoji,
    is_emoji_part,
    strip_emoji,
)
from listbot.rules._common_words import COMMON_WORDS
from listbot.rules._inline import BlockText, has_case, is_cjk, mask_markup
from listbot.rules.base import FixAvailability, Rule

_QUOTES = "\"”’'」』"
_SPACES = " \t\u00a0"
_WHITESPACE = " \t\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_WRAPPED = re.compile(r"[ \t]*(?:\r\n|\r|\n)\s*")
"""A line break after the dash: the description is wrapped onto the next line."""
_MISSING_SPACE = re.compile(r"^(\s{0,3}(?:>\s?)*)-(\[[^\]]*\]\()")
_TOKEN_SPLIT = re.compile(r"[\s\-;./']")
_STRIKE = re.compile(r"~~[^~\n]+~~")
_DASH = re.compile(r"-{1,2}(?!-)|[–—]")
_DOUBLED = re.compile(r"[.!?…][\"”][.!?…]+$")
_TITLE_WORDS = frozenset((
    "by", "on", "in", "at", "from", "via", "with", "for", "of", "and", "or", "to", "as", "vs",
    "featuring", "presented", "using", "par", "por", "von",
))  # fmt: skip

CONVENTION_MIN = 5
"""A finding shared by at least this many entries, and by most of them, is the list's style."""

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
    """What follows an entry's main link (and markers), up to its trailing tags."""

    source: BlockText
    text: str
    masked: str
    """``text`` with code, destinations, images and HTML blanked (same length)."""


@dataclass
class _Tally:
    """Per-entry findings by kind, and how many entries each kind could apply to."""

    findings: dict[str, list[Finding]]
    described: int = 0
    """Entries with text after their link: separators were checked."""
    checked: int = 0
    """Entries whose description was found: ending and casing were checked."""
    code_tags: list[Entry] | None = None


def _tail(doc: Document, entry: Entry) -> _Tail | None:
    link = entry.main_link
    item = entry.item.span
    if link is None:
        return None
    start = entry.markers[-1].span if entry.markers else link.span
    end = entry.trailing_tags[0].span if entry.trailing_tags else None
    end_line, end_column = (end.line, end.column) if end else (item.end_line, item.end_column)
    # a code block inside the item (`pip install x` under the entry) is not its description
    code = next((n for n in range(start.end_line + 1, end_line + 1) if n in doc.code_lines), None)
    if code is not None:
        end_line = code - 1
        while end_line > start.end_line and not doc.line_text(end_line).strip():
            end_line -= 1
        end_column = len(doc.line_text(end_line).rstrip()) + 1
    span = Span(start.end_line, start.end_column, end_line, end_column)
    if (span.end_line, span.end_column) < (span.line, span.column):
        return None
    source = BlockText.of_span(doc, span)
    return _Tail(source, source.text, mask_markup(source.text))


def _starts_with_text(doc: Document, entry: Entry) -> bool:
    """Whether words come before the main link: then the item is not `[Name](url) - ...`."""
    link = entry.main_link
    item = entry.item
    if link is None:
        return True
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
    plain = SHORTCODE.sub(" ", plain)
    return not any(ch.isalnum() for ch in plain)


_CJK_LETTER = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]"
)
_CJK_PUNCTUATION = re.compile("[\u3001-\u303f\uff01-\uff0f\uff1a-\uff1f]")


def _is_cjk_text(text: str) -> bool:
    """Chinese, Japanese or Korean prose (Latin names inside it are normal)."""
    return _CJK_LETTER.search(text) is not None


def _is_cjk_styled(text: str) -> bool:
    """CJK prose, or Latin names written with CJK punctuation (`Django + Amazon S3。`)."""
    return _is_cjk_text(text) or _CJK_PUNCTUATION.search(text) is not None


def check(doc: Document, options: Options) -> Iterator[Finding]:
    yield from _missing_space(doc)
    lowercase = frozenset(word.casefold() for word in options.lowercase_words)
    tally = _Tally(defaultdict(list), code_tags=[])
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
        if tail is None:
            continue
        if tail.text.strip() or entry.trailing_tags:
            tally.described += 1
        checked = tally.checked
        for kind, finding in _check_tail(tail, entry, options, lowercase, tally):
            tally.findings[kind].append(finding)
        described = tally.checked > checked
        if described and entry.trailing_tags and entry.trailing_tags[-1].kind == "code":
            assert tally.code_tags is not None
            tally.code_tags.append(entry)
    yield from _report(tally)


def _report(tally: _Tally) -> Iterator[Finding]:
    """Each kind's findings, or one warning when most entries share them (the list's style)."""
    # separators apply to entries that have a description, with or without a separator
    # (not to those with only tags, `- [Tool](url) (Python)`, or none at all)
    separated = tally.checked + len(tally.findings.get("no-dash", ()))
    for kind, findings in tally.findings.items():
        total = tally.checked if kind in ("ending", "casing") else min(tally.described, separated)
        if kind in _CONVENTIONS and len(findings) >= CONVENTION_MIN and 2 * len(findings) > total:
            first = findings[0]
            yield RULE.finding(
                first.span,
                f"{_CONVENTIONS[kind]} in {len(findings)} of {total} entries: the list's own "
                "style, reported once",
                url=first.url,
                severity=Severity.WARNING,
                convention=kind,
                count=len(findings),
            )
        else:
            yield from findings
    if tally.code_tags:
        first_tag = tally.code_tags[0].trailing_tags[-1]
        count = len(tally.code_tags)
        yield RULE.finding(
            first_tag.span,
            f"Descriptions end with tags written as code spans ({count} "
            f"entr{'y' if count == 1 else 'ies'}): awesome-lint wants the final punctuation "
            "last; reported once for the list",
            severity=Severity.INFO,
            convention="code-tags",
            count=count,
        )


_CONVENTIONS = {
    "ending": "Descriptions end without punctuation",
    "casing": "Descriptions start in lower case",
    "dash": "Link and description are separated by an en-dash or em-dash",
    "whitespace": "Link and description are separated by a dash with odd spacing",
    "colon": "Link and description are separated by a colon",
    "no-dash": "Link and description are not separated by a dash",
}


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


def _skip_whitespace(text: str, start: int) -> int:
    while start < len(text) and (text[start] in _WHITESPACE or text[start] == "\n"):
        start += 1
    return start


def _check_tail(
    tail: _Tail, entry: Entry, options: Options, lowercase: frozenset[str], tally: _Tally
) -> Iterable[tuple[str, Finding]]:
    text, masked = tail.text, tail.masked
    # Closing emphasis around the link (`**[Name](url)** - ...`) belongs to the name.
    start = len(text) - len(text.lstrip("*_"))
    if not text[start:].strip():
        return
    spaces = len(text) - start - len(text[start:].lstrip(_WHITESPACE))
    sep_start = start
    cursor = start + spaces
    char = text[cursor] if cursor < len(text) else ""
    url = entry.url
    if text.startswith(" - ", start) and text[start + 3 : start + 4] not in _WHITESPACE + "\n":
        description = start + 3
    elif (
        text.startswith(" -", start)
        and (wrap := _WRAPPED.match(text, start + 2))
        and text[wrap.end() :].strip()
    ):
        description = _skip_whitespace(text, wrap.end())  # wrapped after the dash: renders " - "
    elif dash := _DASH.match(text, cursor):
        after = cursor + len(dash.group())
        description = _skip_whitespace(text, after)
        if not text[description:].strip():
            yield (
                "empty",
                _finding(
                    tail.source.span(sep_start, description),
                    "List item description must start with a non-empty string",
                    url,
                ),
            )
            return
        is_dash = char in "–—"
        message = (
            "List item link and description separated by invalid en-dash or em-dash"
            if is_dash
            else "List item link and description separated by invalid whitespace"
        )
        safe = is_dash or spaces > 0 or description > after
        finding = _separator_finding(tail, sep_start, description, message, safe, url)
        if not is_dash and _renders_as_dash(text[sep_start:description]):
            finding = finding.with_(severity=Severity.WARNING)  # `-  Desc`: looks the same
        yield "dash" if is_dash else "whitespace", finding
    elif (
        char in ":："
        and text[cursor + 1 : cursor + 2] != "/"
        and not SHORTCODE.match(text, cursor)  # `:camera: Tiny component` is no colon
    ):
        after = cursor + 1
        description = _skip_whitespace(text, after)
        if _only_decoration(text[description:]):
            return  # `[PyPi](url) (stats):` over a code block: a label, no description
        cjk = options.cjk_colon and _is_cjk_styled(masked[description:])
        if char == ":" and cjk:
            message = 'List item link and CJK description must be separated with "：" or " - "'
            yield (
                "colon",
                _separator_finding(tail, sep_start, description, message, False, url, "："),
            )
        elif not cjk:
            message = "List item link and description must be separated with a dash"
            yield "colon", _separator_finding(tail, sep_start, description, message, False, url)
    else:
        rest = text[start:]
        if _only_decoration(rest) or " - " in masked[start:] or not _starts_description(rest):
            return
        yield (
            "no-dash",
            _finding(
                tail.source.span(start, max(cursor, start + 1)),
                "List item link and description must be separated with a dash",
                url,
            ),
        )
        return
    tally.checked += 1
    after_colon = text[sep_start:description].strip() in (":", "：")
    yield from _check_description(tail, description, lowercase, entry, after_colon)


def _renders_as_dash(separator: str) -> bool:
    """Whether a separator renders as ` - ` all the same: spaces around one hyphen, which
    the browser collapses (a no-break or ideographic space, `->` or `--` does not)."""
    return (
        separator.strip(" \t\n") == "-" and separator[:1] in " \t\n" and (separator[-1:] in " \t\n")
    )


def _starts_description(rest: str) -> bool:
    """Whether the text after a link reads as a description that lacks its dash.

    Words that go on from the link's title (`by Ann`, `on YouTube`) and tags such as
    `` `Metaflow` via `Outerbounds` `` do not.
    """
    first = _first_word_offset(rest, 0)
    words = rest[first:].split(None, 1)
    return bool(words) and words[0][0].isalnum() and words[0].casefold() not in _TITLE_WORDS


def _finding(span: Span, message: str, url: str, fix: Fix | None = None) -> Finding:
    return RULE.finding(span, message, url=url, fix=fix)


def _separator_finding(
    tail: _Tail, start: int, end: int, message: str, safe: bool, url: str, separator: str = " - "
) -> Finding:
    span = tail.source.span(start, end)
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    edit = Edit(span, separator)
    title = f'Separate with "{separator}"'
    return _finding(span, message, url, Fix((edit,), title, applicability))


def _check_description(
    tail: _Tail, start: int, lowercase: frozenset[str], entry: Entry, after_colon: bool = False
) -> Iterator[tuple[str, Finding]]:
    masked = tail.masked
    url = entry.url
    strike = _STRIKE.search(masked, start)
    if strike:
        yield (
            "markdown",
            _finding(
                tail.source.span(strike.start(), strike.end()),
                "List item description contains invalid markdown",
                url,
            ),
        )
    ending = _ending_finding(tail, start, entry)
    if ending is not None:
        yield ending
    if _is_cjk_text(masked[start:]):
        return  # no sentence case in CJK; a Latin word first is a name
    if after_colon:
        return  # `[Name](url): a Hugging Face Space`: after a colon the sentence goes on
    casing = _casing_finding(tail, start, lowercase, entry)
    if casing is not None:
        yield "casing", casing


def _ending_finding(tail: _Tail, start: int, entry: Entry) -> tuple[str, Finding] | None:
    text, masked = tail.text, tail.masked
    end = len(text.rstrip())
    if entry.trailing_tags:  # `Files. - ![Freeware]`: a separator before the tags
        end = len(text[:end].rstrip(" \t-–—|·•"))
    if end <= start:
        return None
    url = entry.url
    # Links, images, URLs and HTML (`<br>`) may end a description; code may not.
    last = end - 1
    if masked[last] == " " and text[last] != "`":
        return None
    body_end = start + len(text[start:end].rstrip("*_"))  # closing emphasis is not the body
    body = text[start:body_end].rstrip()
    if not body:
        return None
    plain = masked[start : start + len(body)]
    if _DOUBLED.search(body):
        return "doubled", _doubled_finding(tail, start, body, url)
    stripped = body.rstrip(_QUOTES + ")）") if body[-1] in _QUOTES else body
    if stripped and stripped[-1] in TERMINATORS:
        return None
    if body[-1] in ")）" and any(ch in TERMINATORS for ch in plain[:-1]):
        return None
    if ends_with_emoji(plain) and (
        any(ch in TERMINATORS for ch in plain) or len(strip_emoji(plain).split()) <= 2
    ):
        return None
    final = body[-1]
    line, column = tail.source.position(start + len(body))
    mark = "。" if is_cjk(final) else "."
    fix = None
    if final not in ",;:、，；：-–—" and final.strip():
        plain_word = final.isalnum() or final in ")）"
        safe = plain_word and masked[start + len(body) - 1] != " " and not entry.trailing_tags
        fix = Fix(
            (Edit.insert(line, column, mark),),
            f'Add "{mark}"',
            Applicability.SAFE if safe else Applicability.UNSAFE,
        )
    return "ending", _finding(
        tail.source.span(start + len(body) - 1, start + len(body)),
        "List item description must end with proper punctuation",
        url,
        fix,
    )


def _doubled_finding(tail: _Tail, start: int, body: str, url: str) -> Finding:
    """`Ends "like this.".`: the sentence already ended inside the quote."""
    quote = max(body.rfind('"'), body.rfind("”"))
    extra_start = start + quote + 1
    extra_end = start + len(body)
    span = tail.source.span(extra_start, extra_end)
    fix = Fix((Edit(span, ""),), "Remove the punctuation after the quote", Applicability.UNSAFE)
    return _finding(
        tail.source.span(start + len(body) - 1, start + len(body)),
        "List item description must end with proper punctuation",
        url,
        fix,
    )


def _first_word_offset(text: str, start: int) -> int:
    """Where the first word starts: after emphasis markers and leading emoji."""
    offset = start
    while offset < len(text):
        rest = text[offset:]
        stripped = rest.lstrip("*_")
        if len(stripped) != len(rest):
            offset += len(rest) - len(stripped)
            continue
        shortcode = SHORTCODE.match(text, offset)
        if shortcode is not None:
            offset = _skip_whitespace(text, shortcode.end())
            continue
        if is_emoji_part(text[offset]):
            offset = _skip_whitespace(text, offset + 1)
            continue
        return offset
    return offset


def _is_name(word: str, entry: Entry) -> bool:
    """The entry's own name (or its repository's) exactly as written: spelled in lower case
    by its authors (`[goscaf](url) - goscaf generates ...`)."""
    name = entry.name.strip()
    path = entry.url.rstrip("/").rsplit("/", 1)[-1]
    return word in (name, path) or word in re.split(r"[\s/_.-]+", name)


_IDENTIFIER = re.compile(r"\w[\w-]*(?:(?:::|[/:_.@])[\w-]+)+\W*|[^\Wai\d_]\W*")


def _is_identifier(word: str) -> bool:
    """A path, a qualified name or a single letter other than `a`: written as in code."""
    return _IDENTIFIER.fullmatch(word) is not None


def _casing_finding(
    tail: _Tail, start: int, lowercase: frozenset[str], entry: Entry
) -> Finding | None:
    text = tail.text
    offset = _first_word_offset(text, start)
    rest = text[offset:]
    if (
        not rest
        or "A" <= rest[0] <= "Z"  # the usual case, decided before splitting out the word
        or rest[0] in "`[!<"
        or rest[0] in "/@#$~&%\"'(“‘（「"
        or (rest[0] == "." and rest[1:2].isalpha())  # `.nib to .xib converter`: a file type
        or tail.masked[offset] == " "
        or rest[0] in _WHITESPACE + "\n"
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
    if _is_name(plain, entry) or _is_name(token, entry):
        return None  # `goscaf generates ...`: the name as its authors spell it
    if _is_identifier(plain):
        return None  # `std::tuple`, `vhf/free-books`, `z` (a tool): code, not a word
    fix = None
    if re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", plain):
        line, column = tail.source.position(offset)
        common = plain.casefold() in COMMON_WORDS or token.casefold() in COMMON_WORDS
        fix = Fix(
            (Edit.replace_at(line, column, 1, plain[0].upper()),),
            f'Capitalise "{plain}"',
            Applicability.SAFE if common else Applicability.UNSAFE,
        )
    return _finding(
        tail.source.span(offset, offset + len(whole.group())),
        "List item description must start with valid casing",
        entry.url,
        fix,
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
