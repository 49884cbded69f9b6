"""Entries written as paragraphs or table rows (paper lists without list items)."""

from __future__ import annotations

from listbot.parse import parse

PAPERS = """# Awesome Diffusion

Contributions are **welcome**: read [the guide](https://example.org/contributing).

## Papers

**Argmax Flows and Multinomial Diffusion** \\
*Emiel Hoogeboom, Didrik Nielsen* \\
NeurIPS 2021. [[Paper](https://arxiv.org/abs/2102.05379)] [[Github](https://github.com/a/b)] \\
10 Feb 2021

> **Note** a call-out with a [link](https://example.org/note) is not an entry.

| Title | Venue | Code |
| --- | --- | --- |
| [**Seed Model Card**](https://arxiv.org/pdf/2607.00248) | arXiv | - |
| ![S](https://s.io) <br> [**Omni**](https://arxiv.org/pdf/2606.14702) | arXiv | [G](https://g.i) |
| Only text | here | - |

- **A List Paper**, 2020. [Paper](https://arxiv.org/abs/2001.00001)
"""


def test_paper_paragraphs_and_table_rows_are_entries() -> None:
    doc = parse(PAPERS)
    found = [(e.kind, e.line, e.main_link.url if e.main_link else None) for e in doc.block_entries]
    assert found == [
        ("paragraph", 7, "https://arxiv.org/abs/2102.05379"),
        ("table_row", 16, "https://arxiv.org/pdf/2607.00248"),
        ("table_row", 17, "https://arxiv.org/pdf/2606.14702"),  # the badge is not the link
    ]
    paragraph = doc.block_entries[0]
    assert paragraph.paper is not None
    assert paragraph.paper.title == "Argmax Flows and Multinomial Diffusion"
    assert paragraph.paper.year == 2021
    assert paragraph.section == ("Awesome Diffusion", "Papers")
    assert paragraph.item.marker == "" and paragraph.item.list_index == -1


def test_block_entries_stay_out_of_list_item_entries() -> None:
    doc = parse(PAPERS)
    assert [e.line for e in doc.all_entries] == [20]
    assert [e.line for e in doc.every_entry] == [7, 16, 17, 20]
    assert {e.kind for e in doc.all_entries} == {"list_item"}


def test_paragraphs_inside_loose_list_items_are_the_items() -> None:
    text = "- **A Title**, 2020.\n\n  **Another Title**, 2021. [Paper](https://a.org/1)\n"
    assert parse(text).block_entries == ()
