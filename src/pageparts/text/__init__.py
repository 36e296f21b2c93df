"""The plain-text path: a text dump (WET, resiliparse-style rendering) → blocks and threads.

``read_text`` is the text twin of :func:`pageparts.html.read_html`: lines with their layout
(:mod:`.lines`), blocks (:mod:`.segment`), comment threads from bullet trees (:mod:`.comments`),
zones that stand in for containers (:mod:`.zones`), headline, heading and caption roles
(:mod:`.roles`; the headline a learned model then picks from candidate lines,
:mod:`.headline`) and furniture-kind hints from position (:mod:`.kinds`). Features, model and
assembly are shared with the HTML path.
"""

from __future__ import annotations

from .._options import Options
from ..blocks import Metadata, Page, ParsedPage
from ..html.signals import block_cues
from ..urlshape import url_shape
from .comments import find_comments
from .headline import candidates
from .kinds import hint_kinds, kind_tokens
from .lines import split_lines
from .roles import body_start, facts, mark_roles
from .segment import segment
from .zones import assign_zones

__all__ = ["read_text"]


def read_text(page: Page, options: Options) -> ParsedPage:
    """Segment a plain-text page: blocks with layout, comment threads, a headline guess."""
    blocks = segment(split_lines(page.content), options)
    comments = find_comments(blocks)
    spans = assign_zones(blocks)
    f = facts(blocks)
    title_i = mark_roles(blocks, f)
    hint_kinds(blocks, f, title_i if title_i is not None else body_start(f))
    kind_tokens(blocks)
    meta = Metadata(title=blocks[title_i].text if title_i is not None else None, url=page.url)
    return ParsedPage(page=page, blocks=blocks, meta=meta, comments=list(comments), spans=spans,
                      signals={**block_cues(blocks), **url_shape(page.url)},
                      headlines=candidates(blocks, f, title_i))
