"""## What it does
Finds link reference definitions (`[label]: url`) that no link or image uses.

## Why is this bad?
An unused definition is invisible on GitHub but still sits in the source, where link
checkers test it and contributors copy it: usually the entry that used it was removed
or its label was mistyped. remark-lint's `no-unused-definitions`, enabled by awesome-lint.

## Example
```markdown
- [Foo](https://foo.dev) - Does foo.

[foo]: https://foo.dev
```

## Use instead
```markdown
- [Foo][foo] - Does foo.

[foo]: https://foo.dev
```

## Fix safety
Unsafe: deletes the definition's line. An unused definition does not render, so the page
does not change, but a definition kept on purpose (for a link about to be added, or used
by a file that includes this one) is lost.
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Applicability, Edit, Finding, Fix
from listbot.model import Definition, Document, Span
from listbot.rules.base import FixAvailability, NoOptions, Rule
from listbot.rules.no_undefined_references import normalize_label


def _removal(doc: Document, definition: Definition) -> Fix:
    """Delete the definition's lines (and their line break)."""
    start, end = definition.span.line, definition.span.end_line
    if end < len(doc.lines):
        span = Span(start, 1, end + 1, 1)
    elif start > 1:  # the last line: take the line break before it instead
        span = Span(start - 1, len(doc.line_text(start - 1)) + 1, end, len(doc.line_text(end)) + 1)
    else:
        span = Span(start, 1, end, len(doc.line_text(end)) + 1)
    return Fix((Edit(span, ""),), "Remove the unused definition", Applicability.UNSAFE)


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    used_labels = {normalize_label(link.label) for link in doc.links if link.label}
    used_lines = {link.definition_line for link in doc.links if link.definition_line}
    for definition in doc.definitions:
        if definition.used or definition.label.startswith("^"):
            continue
        if normalize_label(definition.label) in used_labels or definition.span.line in used_lines:
            continue
        yield RULE.finding(
            definition.span,
            "Unexpected unused definition, expected no definition or one or more "
            f"references to `{definition.label}`",
            url=definition.url,
            fix=_removal(doc, definition),
            label=definition.label,
        )


RULE = Rule(
    id="no-unused-definitions",
    summary="Every link reference definition must be used by a link or image.",
    check=check,
    tags=("links", "references", "remark-lint"),
    fix=FixAvailability.ALWAYS,
    doc=__doc__ or "",
)
