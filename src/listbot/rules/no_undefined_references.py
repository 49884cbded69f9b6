"""## What it does
Finds reference links and images (`[text][label]`, `[text][]`) whose label has no
`[label]: url` definition anywhere in the file.

## Why is this bad?
Markdown renders an undefined reference as its literal brackets, so the reader sees
`[Foo][foo]` and no link: usually a definition was deleted or its label mistyped. The
parser drops such a link silently, which is why listbot looks for them in the source.
remark-lint's `no-undefined-references`, enabled by awesome-lint.

GitHub alerts (`[!NOTE]`), footnotes (`[^1]`), task-list boxes and shortcut brackets
(`[text]` alone, which is often just bracketed text) are not reported, except where an
entry's link belongs (`- [gtkada] - Ada bindings.`). Nor are a list's bracketed tags set
side by side (`[GPLv3][MIT]`, where `[MIT]` tags other entries too), a tag before an
inline link (`[Boost][website](https://…)`, which renders as a tag and a link), or a
pattern's character class (`[12][0-9]`).

## Example
```markdown
- [Foo][foo] - Does foo.

[fo]: https://foo.dev
```

## Use instead
```markdown
- [Foo][foo] - Does foo.

[foo]: https://foo.dev
```

## Differences from awesome-lint
awesome-lint (remark-lint) reports every shortcut bracket without a definition, so each
licence tag such as `[MIT]` after an entry is an error (1,170 on awesome-cpp); listbot
reports bracketed text only where it stands in a link's place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from listbot.findings import Finding
from listbot.model import Document, Span
from listbot.normalize.markup import mask_markup, prose_lines
from listbot.rules.base import NoOptions, Rule

_FULL_REFERENCE = re.compile(r"(?<!\\)\]\[([^\[\]]*)(?<!\\)\]")
_SPACE = re.compile(r"\s+")
_ENTRY_SHORTCUT = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s+\[([^\[\]^!]+)\](?=\s+[-–—]\s)")
"""``- [Name] - Description``: bracketed text where an entry's link goes, meant as a link."""
_CHARACTER_CLASS = re.compile(r"\w-\w")
"""``[0-9]``, ``[a-z]``: a pattern's character class, not a label."""
_TAG = re.compile(r"(?<![\]\\!])\[([^\[\]]+)\](?![\[(:])")
_LONE_CLOSE = re.compile(r"\](?![(\[])")
"""A ``]`` followed by neither ``(`` nor ``[``: where a ``[Name]`` shortcut can end (masking
only blanks, so the masked line has a ``]`` only where the line has one). Lines without
one or a ``][`` are left unmasked: most entry lines, ``[Name](url) - [Doc](url).``"""


def normalize_label(label: str) -> str:
    """A reference label as CommonMark matches it: case-folded, inner whitespace collapsed."""
    return _SPACE.sub(" ", label.strip()).casefold()


ESCAPED = -1


def _opening_bracket(line: str, close: int) -> int | None:
    """Index of the ``[`` that the ``]`` at ``close`` closes on the same line, or
    :data:`ESCAPED` when that bracket is escaped (``\\[text][label]`` is plain text)."""
    depth = 0
    for position in range(close, -1, -1):
        char = line[position]
        if position > 0 and line[position - 1] == "\\":
            if char == "[" and depth == 1:
                return ESCAPED
            continue
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
            if depth == 0:
                return position
    return None


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    defined = {normalize_label(definition.label) for definition in doc.definitions}
    tags: Counter[str] | None = None
    for number, text in prose_lines(doc):
        if "[" not in text or ("][" not in text and not _LONE_CLOSE.search(text)):
            continue
        masked = mask_markup(text)
        shortcut = _ENTRY_SHORTCUT.match(masked)
        if (
            shortcut
            and text[shortcut.end(1) + 1 : shortcut.end(1) + 2] not in ("(", "[")
            and normalize_label(shortcut.group(1)) not in defined
        ):
            yield _finding(number, shortcut.start(1) - 1, shortcut.end(1) + 1, shortcut.group(1))
        if "][" not in text:
            continue
        for match in _FULL_REFERENCE.finditer(masked):
            if text[match.end() : match.end() + 1] == "(":
                continue  # "[tag][text](url)": the second bracket is an inline link
            opening = _opening_bracket(masked, match.start())
            if opening == ESCAPED:
                continue
            label = match.group(1)
            if not label.strip():
                if opening is None:
                    continue
                label = masked[opening + 1 : match.start()]
            if not label.strip() or label.lstrip().startswith(("^", "!")):
                continue
            if normalize_label(label) in defined or _CHARACTER_CLASS.fullmatch(label.strip()):
                continue
            tags = tags if tags is not None else _bracket_tags(doc)
            first = masked[opening + 1 : match.start()] if opening is not None else ""
            if tags[normalize_label(label)] >= 2 or tags[normalize_label(first)] >= 2:
                continue  # "[GPLv3][MIT]": the list's bracketed tags, side by side
            start = match.start() if opening is None else opening
            if start > 0 and masked[start - 1] == "!":
                start -= 1
            yield _finding(number, start, match.end(), label)


def _finding(number: int, start: int, end: int, label: str) -> Finding:
    return RULE.finding(
        Span(number, start + 1, number, end + 1),
        "Unexpected reference to undefined definition, expected a definition "
        f"`[{label.strip()}]: url` or an escaped opening bracket (`\\[`) for plain text",
        label=label.strip(),
    )


def _bracket_tags(doc: Document) -> Counter[str]:
    """How often each text stands alone in brackets (``[MIT]``, ``[$]``): the list's tags."""
    counts: Counter[str] = Counter()
    for _, text in prose_lines(doc):
        if "[" in text:
            counts.update(normalize_label(tag) for tag in _TAG.findall(mask_markup(text)))
    return counts


RULE = Rule(
    id="no-undefined-references",
    summary="Reference links and images must have a matching `[label]: url` definition.",
    check=check,
    tags=("links", "references", "remark-lint"),
    doc=__doc__ or "",
)
