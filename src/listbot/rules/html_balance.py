"""## What it does
Checks that the raw HTML in the file is balanced: every element that needs an end tag
gets one (`<b>`, `<a>`, `<div>`, `<details>`, `<table>`, ...), no end tag appears
without its start tag (`</tr>` with no `<tr>` open), and no table row is opened where it
should have been closed (`<tr>` typed instead of `</tr>`, `<b>Model<b>` instead of
`<b>Model</b>`). All HTML in the file is read
as one stream, so a `<table>` or `<details>` that Markdown splits at blank lines is
fine. Void elements (`<img>`, `<br>`) and elements whose end tag HTML makes optional
(`<p>`, `<li>`, `<tr>`, `<td>`, ...) are handled as browsers handle them; a stray end tag
of the latter (`</p>` after `<p><p>`) is not reported, as it renders at most an empty
element. Unknown tag names are left alone.

## Why is this bad?
GitHub repairs broken HTML silently, and the repair is rarely what was meant: an
unclosed `<b>` or `<a>` swallows the rest of the section, an unclosed `<details>` hides
it, and a stray `<tr>` adds an empty row to the table.

## Example
```markdown
<table>
  <tr><td><b>Model</td><td>Size</td><tr>
</table>
```

## Use instead
```markdown
<table>
  <tr><td><b>Model</b></td><td>Size</td></tr>
</table>
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from listbot.findings import Finding, Related, Severity
from listbot.model import Document, HtmlBlock, Span
from listbot.parse.html import before_unclosed_comment
from listbot.rules.base import NoOptions, Rule


def _names(words: str) -> frozenset[str]:
    """A set of tag names from a space-separated string (easier to read than a list)."""
    return frozenset(words.split())


VOID = _names("area base br col embed hr img input keygen link meta param source track wbr")
OPTIONAL_END = _names(
    "html head body p li dt dd rt rp rb rtc optgroup option colgroup caption "
    "thead tbody tfoot tr td th"
)
KNOWN = (
    VOID
    | OPTIONAL_END
    | _names(
        "a abbr address article aside audio b bdi bdo big blockquote button canvas center "
        "cite code data datalist del details dfn dialog div dl em fieldset figcaption figure "
        "font footer form h1 h2 h3 h4 h5 h6 header hgroup i iframe ins kbd label legend main "
        "map mark menu nav noscript object ol output picture pre q ruby s samp section select "
        "small span strike strong sub summary sup table template textarea time tt u ul var video"
    )
)
# Inline elements that are never nested in themselves: `<b>x<b>` means `<b>x</b>`.
NOT_NESTED = _names(
    "a abbr b big cite code del dfn em i ins kbd mark q s samp small strike strong sub sup tt u var"
)
# A start tag closes these open elements (all have optional end tags) when they are on top.
IMPLIED_CLOSE = {
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "thead": {"thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup"},
    "tbody": {"thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup"},
    "tfoot": {"thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup"},
    "option": {"option"},
    "optgroup": {"option", "optgroup"},
    "rt": {"rt", "rp"},
    "rp": {"rt", "rp"},
}
CLOSES_P = _names(
    "address article aside blockquote details dialog div dl fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul"
)


@dataclass
class _Open:
    """An open element: where its start tag is, and for a row, how many cells it got."""

    tag: str
    line: int
    column: int
    length: int
    cells: int = 0


@dataclass
class _Balance:
    """The open-element stack over the whole file, and the findings so far."""

    stack: list[_Open] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def start(self, tag: str, line: int, column: int, length: int) -> None:
        if tag in NOT_NESTED and self.stack and self.stack[-1].tag == tag:
            # `<b>Model<b>`: a start tag typed where the end tag belongs.
            self.stack.pop()
            self.findings.append(
                RULE.finding(
                    Span.at(line, column, length),
                    f"`<{tag}>` inside `<{tag}>`: was `</{tag}>` meant?",
                )
            )
            return
        implied = IMPLIED_CLOSE.get(tag, set())
        while self.stack and self.stack[-1].tag in implied:
            self._close_implicitly(self.stack.pop(), f"`<{tag}>`")
        if tag in CLOSES_P and self.stack and self.stack[-1].tag == "p":
            self.stack.pop()
        if tag in ("td", "th"):
            row = next((open_ for open_ in reversed(self.stack) if open_.tag == "tr"), None)
            if row is not None:
                row.cells += 1
        self.stack.append(_Open(tag, line, column, length))

    def end(self, tag: str, line: int, column: int) -> None:
        index = next(
            (i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].tag == tag), None
        )
        if index is None:
            if tag in OPTIONAL_END:
                return  # "</p>" after "<p><p>", "</td>" after a comment: an empty element at most
            self.findings.append(
                RULE.finding(
                    Span.at(line, column, len(tag) + 3),
                    f"Stray `</{tag}>`: no `<{tag}>` is open here",
                )
            )
            return
        while len(self.stack) > index + 1:
            self._close_implicitly(self.stack.pop(), f"`</{tag}>` at line {line}", line, column)
        self.stack.pop()

    def finish(self) -> None:
        while self.stack:
            self._close_implicitly(self.stack.pop(), None)

    def _close_implicitly(
        self, open_: _Open, by: str | None, line: int = 0, column: int = 0
    ) -> None:
        span = Span.at(open_.line, open_.column, open_.length)
        if open_.tag == "tr" and open_.cells == 0:
            self.findings.append(
                RULE.finding(span, "`<tr>` opens an empty row: was `</tr>` meant?")
            )
        elif open_.tag not in OPTIONAL_END:
            if by is None:
                message = f"`<{open_.tag}>` is never closed"
                related: list[Related] = []
            else:
                message = f"`<{open_.tag}>` is not closed before {by}"
                related = [Related(line, column, "closed implicitly here")] if line else []
            self.findings.append(RULE.finding(span, message, related=related))


class _Reader(HTMLParser):
    """Feeds one HTML chunk's tags, with file positions, into the shared balance."""

    def __init__(self, doc: Document, chunk: HtmlBlock, balance: _Balance) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = doc
        self.chunk = chunk
        self.raw_lines = chunk.raw.split("\n")
        self.balance = balance
        self._shifts: dict[int, int] = {}
        """Per row: file column of the row's first character, minus one (computed once: a
        comparison per tag would cost the line's length, quadratic on long lines)."""

    def _position(self) -> tuple[int, int]:
        row, offset = self.getpos()
        line = self.chunk.span.line + row - 1
        if row == 1:
            return line, self.chunk.span.column + offset
        shift = self._shifts.get(row)
        if shift is None:
            raw_line = self.raw_lines[row - 1] if row - 1 < len(self.raw_lines) else ""
            text = self.doc.line_text(line)
            shift = len(text) - len(raw_line) if raw_line and text.endswith(raw_line) else 0
            self._shifts[row] = shift
        return line, shift + offset + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in KNOWN and tag not in VOID:
            line, column = self._position()
            length = len((self.get_starttag_text() or "").split("\n", 1)[0])
            self.balance.start(tag, line, column, length)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<div/>`: HTML ignores the slash, but the author meant it closed."""

    def handle_endtag(self, tag: str) -> None:
        if tag in KNOWN and tag not in VOID:
            line, column = self._position()
            self.balance.end(tag, line, column)


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    balance = _Balance()
    for chunk in sorted(doc.html, key=lambda block: block.span):
        reader = _Reader(doc, chunk, balance)
        reader.feed(before_unclosed_comment(chunk.raw))  # a browser hides what follows
        reader.close()
    balance.finish()
    yield from balance.findings


RULE = Rule(
    id="html-balance",
    summary="Raw HTML must be balanced: no unclosed elements, stray end tags or empty rows.",
    check=check,
    severity=Severity.WARNING,
    tags=("html",),
    doc=__doc__ or "",
)
