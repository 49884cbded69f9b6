"""## What it does
Finds LaTeX commands left in the Markdown text, such as `~\\protect\\footnotemark`,
`\\cite{...}`, `\\textbf{...}` or `\\emph{...}`, outside code and outside `$...$` math.

## Why is this bad?
GitHub does not run LaTeX, so the commands show up literally in the middle of a
sentence: text pasted from a paper's source was not cleaned up, and usually a footnote,
citation or emphasis was lost with it.

## Example
```markdown
We build a decision flow for choosing LLMs~\\protect\\footnotemark for your task.
```

## Use instead
```markdown
We build a decision flow for choosing LLMs[^1] for your task.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from listbot.findings import Finding, Severity
from listbot.model import Document, Span
from listbot.normalize.markup import mask_markup, mask_math, prose_lines
from listbot.rules.base import NoOptions, Rule

_COMMANDS = (
    "protect|footnotemark|footnotetext|footnote|cite|citep|citet|citealp|citeauthor|"
    "textbf|textit|texttt|textsc|textrm|textsuperscript|emph|underline|url|href|ref|eqref|"
    "autoref|cref|Cref|label|vspace|hspace|noindent|newline|linebreak|section|subsection|"
    "subsubsection|paragraph|item|begin|end|includegraphics|caption|centering|etal|ie|eg"
)
_LATEX = re.compile(
    rf"~?\\(?:{_COMMANDS})(?![A-Za-z])(?:\*?\{{[^{{}}]*\}}?)?(?:\\(?:{_COMMANDS})(?![A-Za-z]))*"
)


def _comment_lines(doc: Document) -> set[int]:
    """Lines wholly inside multi-line HTML comments (never rendered)."""
    lines: set[int] = set()
    for comment in doc.comments:
        if comment.span.end_line > comment.span.line:
            lines.update(range(comment.span.line, comment.span.end_line + 1))
    return lines


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    hidden = _comment_lines(doc)
    for number, text in prose_lines(doc):
        if "\\" not in text or number in hidden:
            continue
        masked = mask_math(mask_markup(text))
        for match in _LATEX.finditer(masked):
            found = match.group()
            shown = found if len(found) <= 40 else found[:37] + "..."
            yield RULE.finding(
                Span(number, match.start() + 1, number, match.end() + 1),
                f"LaTeX left in the text: `{shown}` is shown literally on GitHub",
            )


RULE = Rule(
    id="latex-leftover",
    summary="Text must not contain LaTeX commands (`\\cite{}`, `~\\protect`, `\\textbf{}`).",
    check=check,
    severity=Severity.WARNING,
    tags=("prose",),
    doc=__doc__ or "",
)
