"""Where a list starts: the first block that is not blank or an HTML comment.

awesome-lint's heading and badge rules look at the document's first node. A leading
``<!--lint disable ...-->`` comment is a node to awesome-lint; here it is skipped, since
a directive comment should not change what counts as the list's title.
"""

from __future__ import annotations

import re

from listbot.model import Document, Heading, HtmlBlock

_HEADING_TAG = re.compile(r"<h[1-6][\s>]", re.IGNORECASE)
_CENTERED = re.compile(r"align\s*=\s*[\"']?center", re.IGNORECASE)


def first_block_line(doc: Document) -> int | None:
    """Line of the first non-blank line outside HTML comments, or None for an empty file."""
    comment_lines: set[int] = set()
    for comment in doc.comments:
        comment_lines.update(range(comment.span.line, comment.span.end_line + 1))
    for number, text in enumerate(doc.lines, start=1):
        if not text.strip():
            continue
        if number in comment_lines:
            rest = re.sub(r"<!--.*?-->", "", text).strip()
            if not rest:
                continue
        return number
    return None


def first_heading(doc: Document) -> Heading | None:
    """The Markdown heading that starts the document, if the first block is one."""
    line = first_block_line(doc)
    if line is None:
        return None
    for heading in doc.headings:
        if heading.style != "html" and heading.span.line <= line <= heading.span.end_line:
            return heading
    return None


def first_html_block(doc: Document) -> HtmlBlock | None:
    """The HTML block that starts the document, if the first block is one."""
    line = first_block_line(doc)
    if line is None:
        return None
    for block in doc.html:
        if not block.inline and block.span.line == line:
            return block
    return None


def html_block_is_heading(block: HtmlBlock) -> bool:
    """An HTML block standing in for the title: a ``<h1>``..``<h6>``, or a centred logo."""
    raw = block.raw
    return bool(_HEADING_TAG.search(raw) or (_CENTERED.search(raw) and "<img" in raw.lower()))
