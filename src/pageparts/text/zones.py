"""Text zones: the containers plain text has instead of elements.

A page dump alternates between runs of short lines (menus, link lists, share bars, footers) and
runs of running text. A **zone** is either a run of short lines, or a stretch of running text
together with the short lines (at most two in a row, with running text on both sides) that
interrupt it: headings, captions, "Advertisement". Comment threads found earlier are a zone of
their own. Each block's ``ancestors`` becomes ``(page, zone)`` and the zones' block ranges become
``ParsedPage.spans``, so the shared features see a text page the way they see HTML: the zone's
size and block count (``c1_*``), and whether the block sits in the zone that holds most of the
page's long text (``in_main_container``).
"""

from __future__ import annotations

from ..blocks import RawBlock

__all__ = ["assign_zones"]

_LONG_CHARS = 80
_MAX_INTERRUPTION = 2
_PAGE_ID = 0


def _long(b: RawBlock) -> bool:
    """Running text: a long line, or a long list item (a list of sentences inside an article;
    the items of menus and link lists are short)."""
    return len(b.text) >= _LONG_CHARS


def assign_zones(blocks: list[RawBlock]) -> dict[int, tuple[int, int]]:
    """Set ``ancestors`` and ``dom_depth`` of every block (in place); return the zones' block
    ranges, keyed like ``ParsedPage.spans`` (the page is id 0)."""
    spans: dict[int, tuple[int, int]] = {_PAGE_ID: (0, len(blocks))} if blocks else {}
    # runs of blocks of one class: long text, short lines, or one comment thread
    runs: list[tuple[str, int, int]] = []  # (class, start, end)
    for i, b in enumerate(blocks):
        cls = "comment" if "comment" in b.extra else ("long" if _long(b) else "short")
        if runs and runs[-1][0] == cls:
            runs[-1] = (cls, runs[-1][1], i + 1)
        else:
            runs.append((cls, i, i + 1))
    zone = 0
    prev_mixed = False
    for k, (cls, start, end) in enumerate(runs):
        # a few short lines join the running text only between two stretches of it
        between = k + 1 < len(runs) and runs[k + 1][0] == "long"
        mixed = cls == "long" or (cls == "short" and end - start <= _MAX_INTERRUPTION and between)
        if not (mixed and prev_mixed):
            zone += 1
        prev_mixed = mixed
        first = spans.get(zone, (start, end))[0]
        spans[zone] = (first, end)
        for b in blocks[start:end]:
            b.ancestors = (_PAGE_ID, zone)
            b.dom_depth = 2
    return spans
