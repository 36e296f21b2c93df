"""The HTML path: decoded page → parsed tree → metadata, blocks and comment threads."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from .._options import Options
from ..blocks import Metadata, Page, ParsedPage
from .nesting import flatten_deep_nesting
from .segment import segment
from .signals import page_signals

__all__ = ["read_html"]


def _metadata(tree: LexborHTMLParser, url: str | None) -> Metadata:
    try:
        from .metadata import read_metadata
    except ImportError:  # pragma: no cover - transitional, until metadata.py lands
        title = tree.css_first("title")
        return Metadata(title=title.text(strip=True) if title else None, url=url)
    return read_metadata(tree, url)


def read_html(page: Page, options: Options) -> ParsedPage:
    """Parse and segment an HTML page."""
    tree = LexborHTMLParser(flatten_deep_nesting(page.content, options.max_nesting))
    meta = _metadata(tree, page.url)
    blocks, spans = segment(tree, options)
    signals = page_signals(tree, blocks, meta)
    parsed = ParsedPage(page=page, blocks=blocks, meta=meta, signals=signals, spans=spans)
    return parsed
