"""Safe fixes change the rendered page only where the defect is.

Plain ``--fix`` runs on entries shaped like those of real lists (made-up snippets: platform
shortcodes, licence tags, link groups, badges, wrapped descriptions, ...). mistune renders
the original and the fixed text; the fixed HTML must equal the original HTML with exactly
the intended edits applied (``edits``: old -> new substrings of the HTML), or be identical
when no safe fix is intended. On the corpus, every difference between the two renderings
must be one of the kinds a safe fix may make, and the structure (the sequence of tags) must
not change.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import mistune
import pytest

from listbot.config import Config
from listbot.fix import fix_text
from listbot.rules._spelling import CONTEXT_NAMES, NAMES
from tests.conftest import corpus_params

RENDER = mistune.create_markdown(plugins=["strikethrough", "table", "url", "task_lists"])


def render(text: str) -> str:
    html = RENDER(text)
    assert isinstance(html, str)
    return html


def safe_fix(text: str) -> str:
    # The frame's entries are in Greek-letter order, which alphabetical-order would "fix";
    # its moves are verified byte for byte in tests/rules/test_alphabetical_order.py.
    return fix_text(text, "readme.md", Config(ignore=("alphabetical-order",))).text


# Around each snippet: a list whose other entries follow the Awesome style, so that the
# snippet's shape is a slip, not the list's convention.
FRAME = (
    "# Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
    "> Things.\n\n## Tools\n\n"
    "- [Alpha](https://alpha.example) - Does alpha things.\n"
    "- [Beta](https://beta.example) - Does beta things.\n"
    "- [Gamma](https://gamma.example) - Does gamma things.\n"
    "- [Delta](https://delta.example) - Does delta things.\n"
    "- [Epsilon](https://epsilon.example) - Does epsilon things.\n"
    "- [Zeta](https://zeta.example) - Does zeta things.\n"
    "{snippet}\n"
)

SHAPES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "platform shortcode before the separator",
        "- [Zolang](https://github.com/Zolang/Zolang) :penguin: - a DSL for generating code",
        [("- a DSL for generating code<", "- A DSL for generating code.<")],
    ),
    (
        "shortcode marking an unreachable link",
        "- [Old Site](https://old.example) :worried: - Unreachable since 2021",
        [("Unreachable since 2021<", "Unreachable since 2021.<")],
    ),
    (
        "shortcode without a separator is not a colon",
        "- [v-image](https://v.example) :camera: Tiny component for images.",
        [],
    ),
    (
        "tag in bold before the separator",
        "- [Tool](https://tool.example) **NEW** - tool is amazing",
        [("- tool is amazing<", "- Tool is amazing.<")],
    ),
    (
        "licence and language tags after the description",
        "- [Notes](https://notes.example) - Self-hosted notes. ([Demo](https://demo.example),"
        " [Source Code](https://src.example)) `MIT` `PHP`",
        [],
    ),
    (
        "tags after an unfinished sentence: no stop is guessed",
        "- [Notifo](https://notifo.example) - Notification server with a plugin `MIT` `C#`",
        [],
    ),
    (
        "bracketed licence and a website link",
        "- [Qt](https://github.com/qt) :zap: - A cross-platform framework. [GPL/LGPL] "
        "[website](https://www.qt.io)",
        [],
    ),
    (
        "build badge after the description",
        "- [licensor](https://github.com/raftario/licensor) - write licenses to stdout "
        "[![Build](https://github.com/raftario/licensor/actions/workflows/build.yml/badge.svg)]"
        "(https://github.com/raftario/licensor/actions)",
        [("- write licenses", "- Write licenses")],
    ),
    (
        "deprecated tag after the description",
        "- [hda](https://hda.example) - Heteroscedastic discriminant analysis **[Deprecated]**",
        [],
    ),
    ("a code span ends the sentence", "- [Bind](https://bind.example) - Bindings for `libfoo`", []),
    (
        "a link ends the sentence",
        "- [Talk](https://talk.example) - Presented by [Ann Lee](https://ann.example)",
        [],
    ),
    (
        "an emoji ends the description",
        "- [Clock](https://clock.example) - Keeps the time ⌚",
        [],
    ),
    (
        "doubled punctuation around a closing quote",
        '- [Quote](https://quote.example) - Ends "like this.".',
        [],
    ),
    (
        "en-dash separator",
        "- [Dash](https://dash.example) – Separated by an en dash.",
        [(" – Separated", " - Separated")],
    ),
    (
        "missing space before the dash",
        "- [Glued](https://glued.example)- Missing the space.",
        [("</a>- Missing", "</a> - Missing")],
    ),
    (
        "description wrapped onto the next line",
        "- [Requests](https://requests.example) -\n  HTTP for humans",
        [("HTTP for humans<", "HTTP for humans.<")],
    ),
    (
        "ideographic space after the dash",
        "- [Wide](https://wide.example) -\u3000Wide space.",
        [("-\u3000Wide", "- Wide")],
    ),
    (
        "lower-case name of the project itself",
        "- [goscaf](https://github.com/x/goscaf) - goscaf generates project boilerplate.",
        [],
    ),
    (
        "lower-case word that may be a name",
        "- [Jumper](https://jumper.example) - zoxide-style jumps between folders.",
        [],
    ),
    (
        "parenthesis closes the description",
        "- [Fork](https://fork.example) - Detaches a process from its terminal (daemon)",
        [("(daemon)<", "(daemon).<")],
    ),
    (
        "Chinese description",
        "- [Foo](https://foo.example) - 简单的 Python 版本管理工具",
        [("管理工具<", "管理工具。<")],
    ),
    (
        "marker without a space, after a list",
        "-[Marker](https://marker.example) - The marker needs a space.",
        [
            (
                'things.\n-<a href="https://marker.example">Marker</a> - The marker needs a space.'
                "</li>",
                'things.</li>\n<li><a href="https://marker.example">Marker</a> - The marker'
                " needs a space.</li>",
            )
        ],
    ),
    (
        "hard line break kept",
        "- [Break](https://break.example) - First line.  \n  Second line.",
        [],
    ),
    (
        "paper entry",
        "- **Attention Is All You Need**, NeurIPS 2017, [Paper](https://arxiv.org/pdf/1706.03762v5.pdf)",
        [],
    ),
]


@pytest.mark.parametrize(("name", "snippet", "edits"), SHAPES, ids=[s[0] for s in SHAPES])
def test_safe_fix_changes_the_rendering_only_as_intended(
    name: str, snippet: str, edits: list[tuple[str, str]]
) -> None:
    original = FRAME.format(snippet=snippet)
    fixed = safe_fix(original)
    expected = render(original)
    for old, new in edits:
        assert old in expected, f"{name}: {old!r} is not in the original rendering"
        expected = expected.replace(old, new, 1)
    assert render(fixed) == expected, f"{name}: {fixed.splitlines()[-1]!r}"


# -- the corpus -------------------------------------------------------------------------

_TOKEN = re.compile(r"<[^>]*>|&\w+;|&#\d+;|[^\W\d_]+|\d+|\s+|.", re.DOTALL)
_SEPARATORS = {"–", "—", "--", "->", "-"}
_CORRECT = [*NAMES, *CONTEXT_NAMES.values()]
_TRACKING = re.compile(r"[?&](?:utm_\w+|fbclid|gclid|si)=")


def _allowed_text_change(old: str, new: str) -> bool:
    """The kinds of text a safe fix may change: see the module docstring."""
    old_words, new_words = " ".join(old.split()), " ".join(new.split())
    if old_words == new_words:
        return True  # whitespace the browser collapses
    if not old_words and new_words in (".", "。"):
        return True  # a final stop
    if old_words in _SEPARATORS and new_words in ("-", ""):
        return True  # the separator (`--` becomes `-`)
    if old_words and new_words == old_words[0].upper() + old_words[1:]:
        return True  # a capital first letter
    if old_words == "http" and new_words == "https":
        return True  # a URL shown as text
    if _TRACKING.search(old) and not new_words:
        return True  # tracking parameters of a URL shown as text
    # awesome-spell-check: a known name's spelling (or one of its other names)
    for name in _CORRECT:
        if name in new and name not in old:
            start = new.index(name)
            written = old[start : len(old) - (len(new) - start - len(name))].casefold()
            if _bare(written) == _bare(name) or written in NAMES.get(name, ()):
                return True
    return False


def _bare(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text.casefold())


def _href(tag: str) -> str:
    match = re.search(r'(?:href|src)="([^"]*)"', tag)
    return match.group(1) if match else ""


def _allowed_url_change(old: str, new: str) -> bool:
    """http -> https, tracking parameters removed, arXiv's host made canonical."""
    if old.startswith("http://") and new == "https://" + old[len("http://") :]:
        return True
    if re.sub(r"www\.|export\.", "", old.replace("http://", "https://")) == new:
        return True
    base, _, query = old.replace("&amp;", "&").partition("?")
    kept = [p for p in query.split("&") if p and not re.match(r"(utm_\w+|fbclid|gclid|si)=", p)]
    return new.replace("&amp;", "&") in (base + ("?" + "&".join(kept) if kept else ""), base)


def _check_diff(before: str, after: str) -> list[str]:
    """What differs between two renderings that no safe fix may change (lines, then tokens)."""
    lines_a, lines_b = before.splitlines(), after.splitlines()
    problems: list[str] = []
    matcher = difflib.SequenceMatcher(None, lines_a, lines_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op != "replace" or i2 - i1 != j2 - j1:
            problems.append(f"lines {i1 + 1}-{i2}: the structure changed")
            continue
        for old_line, new_line in zip(lines_a[i1:i2], lines_b[j1:j2], strict=True):
            problems.extend(_check_line(old_line, new_line))
    return problems


def _check_line(before: str, after: str) -> list[str]:
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    problems: list[str] = []
    tags_a = [re.sub(r"\s.*", "", t) for t in a if t.startswith("<")]
    tags_b = [re.sub(r"\s.*", "", t) for t in b if t.startswith("<")]
    if tags_a != tags_b:
        problems.append(f"the structure changed: {before[:80]!r}")
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if old.startswith("<") and new.startswith("<"):
            if _allowed_url_change(_href(old), _href(new)):
                continue
        elif _allowed_text_change(old, new):
            continue
        problems.append(f"{old[:80]!r} -> {new[:80]!r}")
    return problems


@pytest.mark.parametrize("path", corpus_params())
def test_safe_fixes_on_the_corpus_change_only_their_defects(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # A regenerated TOC and moved entries are checked in their own rules' tests.
    config = Config(ignore=("awesome-toc", "alphabetical-order"))
    fixed = fix_text(text, str(path), config).text
    # `-[Name](url)` becoming a list item is the structural change that fix intends.
    intended = re.sub(r"(?m)^(\s{0,3})-(\[[^\]]*\]\()", r"\1- \2", text)
    problems = _check_diff(render(intended), render(fixed))
    assert not problems, f"{path.name}: {problems[:10]}"
