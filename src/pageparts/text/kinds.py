"""Furniture-kind hints from text layout, for blocks the model will call furniture.

Words name some furniture ("Share this", "Advertisement"); position names the rest. Plain text
has no ``<nav>`` or ``<footer>``, so: the short lines above the headline are navigation, the short
lines under a header such as "Related stories" or "Share this:" take the header's kind, and the
short lines after the last prose (and after the comments) are the footer. The hint is left in
``RawBlock.extra["kind_hint"]``; :func:`pageparts.furniture.furniture_kind` reads it when neither
words nor markup decide.
"""

from __future__ import annotations

import re

from ..blocks import RawBlock
from ..furniture import text_kind
from .roles import Facts

__all__ = ["hint_kinds", "kind_tokens"]

_SHORT = 80
_MAX_RUN = 15
#: Header kinds whose following short lines share the kind.
_RUN_KINDS = frozenset(("related", "share"))
#: A cheap first look for such headers (the kind itself comes from furniture.text_kind).
_RUN_HEAD = re.compile(r"(?:related|read|more|you|recommend|most|top|trending|also|see|latest|"
                       r"share|teilen|partager|compartir|mehr|weitere|lesen)", re.I)


def hint_kinds(blocks: list[RawBlock], f: Facts, start: int | None) -> None:
    """Set ``extra["kind_hint"]`` on short lines by where they stand; ``start`` is the first
    block of the article (its headline), or None when there is none."""
    if not blocks:
        return
    if start is not None:
        for k, b in enumerate(blocks[:start]):
            if len(b.text) <= _SHORT and not f.prose[k]:
                b.extra["kind_hint"] = "navigation"
    last_prose = max((i for i, b in enumerate(blocks) if f.prose[i] or "comment" in b.extra),
                     default=-1)
    for b in blocks[last_prose + 1:]:
        if len(b.text) <= _SHORT * 2:
            b.extra.setdefault("kind_hint", "footer")
    i = 0
    while i < len(blocks):
        text = blocks[i].text
        kind = text_kind(text) if len(text) <= 40 and _RUN_HEAD.match(text) else None
        if kind not in _RUN_KINDS:
            i += 1
            continue
        j = i + 1
        while (j < len(blocks) and j - i <= _MAX_RUN and len(blocks[j].text) <= 150
               and not f.prose[j] and "comment" not in blocks[j].extra
               and text_kind(blocks[j].text) in (None, kind)):
            blocks[j].extra["kind_hint"] = kind
            j += 1
        i = j


#: Furniture kind → the class/id vocabulary stem that names it in HTML (pageparts.html.vocab).
_KIND_TOKEN = {
    "share": "share", "subscribe": "subscribe", "call-to-action": "donat", "funding": "fund",
    "funding-progress": "fund", "cookie": "cookie", "legal": "legal", "advertising": "advert",
    "login": "login", "related": "related", "search": "search", "navigation": "nav",
    "footer": "footer", "metadata": "meta", "breadcrumb": "breadcrumb",
}


def kind_tokens(blocks: list[RawBlock]) -> None:
    """Give text blocks the vocabulary tokens their words or position imply, as HTML blocks get
    them from class names: a line saying "Share on Facebook" reads like one inside ``.share``.
    The block model then weighs these hints like any other feature."""
    for b in blocks:
        kind = text_kind(b.text) if len(b.text) <= 200 else None
        hint = b.extra.get("kind_hint")
        if kind is None and hint is None:  # most blocks
            continue
        toks = {_KIND_TOKEN[k] for k in (kind, hint) if isinstance(k, str) and k in _KIND_TOKEN}
        if toks:
            b.own_tokens = b.own_tokens | toks
            b.tokens = b.tokens | toks
