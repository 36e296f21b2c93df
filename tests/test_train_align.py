"""Block labels from gold text: hard (main content when most word trigrams are in the gold) or
soft (the share of trigrams in the gold)."""

from __future__ import annotations

from pageparts import Options
from pageparts.blocks import RawBlock
from pageparts.decode import decode
from pageparts.html import read_html
from pageparts.train.align import labels_from_gold

_STORY = "The river rose two metres overnight and the old bridge was closed to traffic by noon."
_TEASER = "Subscribe today for unlimited access to every story and our weekly newsletter now."


def _blocks(*paras: str) -> list[RawBlock]:
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in paras) + "</body></html>"
    return read_html(decode(html, Options(), kind="html"), Options()).blocks


def test_hard_labels() -> None:
    blocks = _blocks(_STORY, _TEASER, _STORY + " " + _TEASER)
    gold = {"text": _STORY}
    labels = labels_from_gold(blocks, gold)
    assert labels[:2] == [1.0, 0.0]
    assert labels[2] in (0.0, 1.0)


def test_soft_labels_give_the_share_in_the_gold() -> None:
    blocks = _blocks(_STORY, _TEASER, _STORY + " " + _TEASER)
    labels = labels_from_gold(blocks, {"text": _STORY}, soft=True)
    assert labels[0] == 1.0
    assert labels[1] == 0.0
    mixed = labels[2]
    assert mixed is not None and 0.3 < mixed < 0.7


def test_soft_labels_keep_short_blocks_whole() -> None:
    # a block of fewer than four words is content only as a whole gold line, soft or not
    blocks = _blocks("Weather", _STORY)
    gold = {"text": "Weather\n" + _STORY}
    assert labels_from_gold(blocks, gold, soft=True) == [1.0, 1.0]
    assert labels_from_gold(blocks, {"text": _STORY}, soft=True)[0] == 0.0
