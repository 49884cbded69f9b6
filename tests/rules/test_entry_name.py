"""entry-name beyond its scenario file: lists it leaves alone as a whole."""

from __future__ import annotations

from listbot.api import lint_text
from listbot.config import Config


def _findings(body: str) -> list[str]:
    text = "# Awesome\n\n" + body
    found = lint_text(text, "readme.md", config=Config(select=("entry-name",))).findings
    return [f.message for f in found]


NAMED = "".join(f"- [tool{n}](https://github.com/maker/tool{n}) - Tool.\n" for n in range(6))


def test_a_list_of_lists_is_named_by_topics() -> None:
    lists = "".join(
        f"- [Topic {n}](https://github.com/curator/awesome-topic-{n}) - A list.\n" for n in range(7)
    )
    odd = "- [Frontend Development](https://github.com/dypsilon/frontend-dev-bookmarks) - Links.\n"
    assert _findings(lists + NAMED[:80] + odd) == []
    # the same odd name in a list of projects is reported
    assert _findings(NAMED + odd) == [
        'Entry name "Frontend Development" is not the name of the repository it links '
        "(dypsilon/frontend-dev-bookmarks)"
    ]
