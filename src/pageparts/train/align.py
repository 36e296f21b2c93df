"""Block labels from gold: which blocks of a segmented page are main content.

Gold text (WCXB, Readability) labels a block positive when most of its word trigrams occur in the
gold text (short blocks: when the block is a whole line of the gold); with ``soft``, a block of
four words or more gets the share of its trigrams found in the gold instead (a block half
article and half teaser is half content, which is what it does to word F1). Gold snippets
(trafilatura's ``with``/``without``) label only the blocks they touch; the rest stay unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..blocks import RawBlock

__all__ = ["labels_from_gold"]

_WORD = re.compile(r"\w+")
_WS = re.compile(r"\s+")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _trigrams(tokens: Sequence[str]) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)]


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def labels_from_gold(blocks: list[RawBlock], gold: dict[str, Any], *, soft: bool = False
                     ) -> list[float | None]:
    """1.0 main content, 0.0 not, None unknown, for each block (with ``soft``, gold text gives
    long blocks a share in between)."""
    text = gold.get("text")
    if isinstance(text, str) and text.strip():
        return _from_text(blocks, text, soft)
    if _as_list(gold.get("with")) or _as_list(gold.get("without")):
        return _from_snippets(blocks, gold)
    return [None] * len(blocks)


def _from_text(blocks: list[RawBlock], gold_text: str, soft: bool) -> list[float | None]:
    gold_tokens = _tokens(gold_text)
    grams = set(_trigrams(gold_tokens))
    lines = {" ".join(_tokens(ln)) for ln in gold_text.split("\n")}
    lines.discard("")
    joined = " " + " ".join(gold_tokens) + " "
    out: list[float | None] = []
    occurs: list[bool] = []  # short blocks found somewhere in the gold, not as a whole line
    for b in blocks:
        toks = _tokens(b.text)
        occurs.append(False)
        if not toks:
            out.append(0.0)
        elif len(toks) >= 4:
            tg = _trigrams(toks)
            hit = sum(1 for g in tg if g in grams) / len(tg)
            out.append(hit if soft else 1.0 if hit >= 0.5 else 0.0)
        else:
            phrase = " ".join(toks)
            out.append(1.0 if phrase in lines else 0.0)
            occurs[-1] = out[-1] == 0.0 and f" {phrase} " in joined
    # a short block found inside a gold line counts when a neighbour is content too: the items of
    # a list the gold wrote on one line, not a menu word that happens to occur in the text
    for i, found in enumerate(occurs):
        near = (j for j in (i - 1, i + 1) if 0 <= j < len(out))
        if found and any(out[j] == 1.0 or occurs[j] for j in near):
            out[i] = 1.0
    return out


def _from_snippets(blocks: list[RawBlock], gold: dict[str, Any]) -> list[float | None]:
    pos = [_WS.sub(" ", s).strip() for s in _as_list(gold.get("with"))]
    neg = [_WS.sub(" ", s).strip() for s in _as_list(gold.get("without"))]
    neg += [_WS.sub(" ", s).strip() for s in _as_list(gold.get("comments"))]
    out: list[float | None] = []
    for b in blocks:
        t = _WS.sub(" ", b.text).strip()
        label: float | None = None
        if len(t) >= 12:
            if any(s in t or t in s for s in pos if s):
                label = 1.0
            elif any(s in t or t in s for s in neg if s):
                label = 0.0
        out.append(label)
    return out
