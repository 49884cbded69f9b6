"""## What it does
Finds reference links and images (`[text][label]`, `[text][]`) whose label has no
`[label]: url` definition anywhere in the file.

## Why is this bad?
Markdown renders an undefined reference as its literal brackets, so the reader sees
`[Foo][foo]` and no link: usually a definition was deleted or its label mistyped. The
parser drops such a link silently, which is why listbot looks for them in the source.
remark-lint's `no-undefined-references`, enabled by awesome-lint.

GitHub alerts (`[!NOTE]`), footnotes (`[^1]`), task-list boxes and shortcut brackets
(`[text]` alone, which is often just bracketed text) are not reported.

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
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding
from listbot.model import Document, Span
from listbot.normalize.markup import mask_markup, prose_lines
from listbot.rules.base import NoOptions, Rule

_FULL_REFERENCE = re.compile(r"(?<!\\)\]\[([^\[\]]*)(?<!\\)\]")
_SPACE = re.compile(r"\s+")


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
    for number, text in prose_lines(doc):
        if "][" not in text:
            continue
        masked = mask_markup(text)
        for match in _FULL_REFERENCE.finditer(masked):
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
            if normalize_label(label) in defined:
                continue
            start = match.start() if opening is None else opening
            if start > 0 and masked[start - 1] == "!":
                start -= 1
            yield RULE.finding(
                Span(number, start + 1, number, match.end() + 1),
                "Unexpected reference to undefined definition, expected a definition "
                f"`[{label.strip()}]: url` or an escaped opening bracket (`\\[`) for plain text",
                label=label.strip(),
            )


RULE = Rule(
    id="no-undefined-references",
    summary="Reference links and images must have a matching `[label]: url` definition.",
    check=check,
    tags=("links", "references", "remark-lint"),
    doc=__doc__ or "",
)
