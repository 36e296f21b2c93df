"""Hostile text input: empty, one 50 MB line, 100,000 deeply nested bullets, binary-looking.

Each may be rejected with a clear error or give a result with a reason; none may crash or hang.
The segmenter is checked on its own; the whole extraction too when a block model is installed.
"""

from __future__ import annotations

import random

import pytest

import pageparts
from pageparts import Document, InputError, ModelError, Options
from pageparts.blocks import Page
from pageparts.text import read_text
from pageparts.text.comments import MAX_NESTING
from pageparts.text.lines import MAX_LINE_CHARS


def _extract(data: bytes | str) -> Document:
    try:
        return pageparts.extract(data, kind="text")
    except ModelError as exc:
        pytest.skip(f"no block model installed ({exc})")


def test_empty_text_is_an_empty_result() -> None:
    assert read_text(Page("", "text"), Options()).blocks == []
    for data in ("", b"", "\n\n   \n\t\n"):
        doc = pageparts.extract(data, kind="text")
        assert doc.status == "empty" and doc.reason


def test_one_50mb_line_is_cut_into_bounded_blocks() -> None:
    line = ("lorem ipsum dolor sit amet " * 1_900_000)[:50_000_000]
    parsed = read_text(Page(line, "text"), Options())
    assert len(parsed.blocks) >= 50_000_000 // MAX_LINE_CHARS
    assert max(len(b.text) for b in parsed.blocks) <= MAX_LINE_CHARS


def test_100000_deeply_nested_bullets() -> None:
    lines = []
    for i in range(50_000):
        depth = i % 400
        lines.append("  " * depth + f"• user{i}")
        lines.append("  " * (depth + 1) + "a few words of reply text here")
    parsed = read_text(Page("\n".join(lines), "text"), Options())
    assert len(parsed.blocks) == Options().max_blocks
    assert parsed.comments  # a thread, with nesting capped
    deepest, c = 0, parsed.comments[0]
    while c.replies:
        c, deepest = c.replies[0], deepest + 1
    assert deepest <= MAX_NESTING
    assert parsed.comments[0].to_dict()["author"] == "user0"


def test_bullets_beyond_max_blocks_are_dropped_not_crashed() -> None:
    text = "\n".join("  " * (i % 50) + "• item" for i in range(100_000))
    parsed = read_text(Page(text, "text"), Options(max_blocks=1000))
    assert len(parsed.blocks) == 1000


def test_binary_looking_bytes() -> None:
    rng = random.Random(7)
    junk = bytes(rng.randrange(1, 256) for _ in range(200_000))
    try:
        doc = _extract(junk)
    except InputError:
        return  # rejected with a clear error: fine
    assert doc.status in ("ok", "empty")
    with pytest.raises(InputError):
        pageparts.extract(b"\x1f\x8b\x08\x00" + junk, kind="text")  # gzip magic


def test_control_characters_are_dropped() -> None:
    parsed = read_text(Page("abc\x07def\x1b[0m\n\x0c\nnext line", "text"), Options())
    assert [b.text for b in parsed.blocks] == ["abcdef[0m", "next line"]
