"""Line numbers above 256 are one int object per line in a parsed document: the spans an
entry keeps (item, text block, links, description) share it instead of holding copies."""

from __future__ import annotations

from listbot.parse import parse


def test_an_entrys_spans_share_their_line_number() -> None:
    body = "".join(
        f"- [Tool {n}](https://t{n}.example) - Does `x` and [y](https://y.example/{n}).\n"
        for n in range(400)
    )
    document = parse(f"# List\n\n{body}")
    entry = document.entries[-1]
    line = entry.line
    assert line > 256
    numbers = [
        entry.item.span.line,
        entry.item.span.end_line,
        entry.item.block_end_line,
        *(link.span.line for link in entry.links),
        *(link.span.end_line for link in entry.links),
        entry.description_span.line if entry.description_span else line,
    ]
    assert numbers == [line] * len(numbers)
    assert all(number is line for number in numbers)
    blocks = [block for block in document.text_blocks if block.span.line == line]
    assert blocks and all(block.span.line is line for block in blocks)
