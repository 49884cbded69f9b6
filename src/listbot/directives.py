"""Inline control comments, compatible with awesome-lint and remark-message-control.

``<!--lint disable RULE ...-->`` turns rules off from the comment on (all rules when none
is named), ``<!--lint enable RULE ...-->`` turns them back on, and ``<!--lint ignore RULE ...-->``
turns them off for the next block only (the next list, paragraph, table, ...). Names may be
rule ids, awesome-lint names or aliases; names listbot does not know are ignored so that
comments written for other tools do no harm.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from listbot.model import Document

ALL = "*"
_DIRECTIVE = re.compile(r"^\s*lint\s+(disable|enable|ignore)\b(.*)$", re.DOTALL)


@dataclass
class Mask:
    """Line ranges (inclusive) where a rule, or every rule (``*``), is switched off."""

    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, rule: str, start: int, end: int) -> None:
        if end >= start:
            self.ranges.setdefault(rule, []).append((start, end))

    def hides(self, rule: str, line: int) -> bool:
        for key in (rule, ALL):
            for start, end in self.ranges.get(key, ()):
                if start <= line <= end:
                    return True
        return False


def _canonical(name: str) -> str | None:
    from listbot.rules import get_rule

    name = name.strip().strip(",")
    if name.startswith("remark-lint:"):
        name = name.removeprefix("remark-lint:")
    rule = get_rule(name)
    return rule.id if rule else None


def _next_block_end(doc: Document, after_line: int) -> int:
    """The last line of the first block that starts after ``after_line``."""
    for start, end in doc.block_lines:
        if start > after_line and start:
            return max(end, start)
    # No token (e.g. the comment is inside a list item): the next non-blank run of lines.
    line = after_line + 1
    while line <= len(doc.lines) and not doc.lines[line - 1].strip():
        line += 1
    while line <= len(doc.lines) and doc.lines[line - 1].strip():
        line += 1
    return line - 1


def build_mask(doc: Document) -> Mask:
    """Read every lint comment in the document into a :class:`Mask`."""
    mask = Mask()
    last_line = max(len(doc.lines), 1)
    disabled_since: dict[str, int] = {}
    for comment in sorted(doc.comments, key=lambda c: c.span):
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        verb, rest = match.group(1), match.group(2)
        names = [n for n in re.split(r"[\s,]+", rest.strip()) if n]
        rules: Iterable[str | None] = [_canonical(n) for n in names] if names else [ALL]
        line = comment.span.line
        for rule in rules:
            if rule is None:
                continue
            if verb == "disable":
                disabled_since.setdefault(rule, line)
            elif verb == "enable":
                if rule == ALL:
                    for key, start in disabled_since.items():
                        mask.add(key, start, line)
                    disabled_since.clear()
                elif rule in disabled_since:
                    mask.add(rule, disabled_since.pop(rule), line)
            else:
                mask.add(rule, line, _next_block_end(doc, comment.span.end_line))
    for rule, start in disabled_since.items():
        mask.add(rule, start, last_line)
    return mask
