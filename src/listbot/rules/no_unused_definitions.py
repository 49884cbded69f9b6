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
"""

from __future__ import annotations

from collections.abc import Iterator

from listbot.findings import Finding
from listbot.model import Document
from listbot.rules.base import NoOptions, Rule
from listbot.rules.no_undefined_references import normalize_label


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
            label=definition.label,
        )


RULE = Rule(
    id="no-unused-definitions",
    summary="Every link reference definition must be used by a link or image.",
    check=check,
    tags=("links", "references", "remark-lint"),
    doc=__doc__ or "",
)
