"""The block: where HTML and plain text meet.

Each segmenter (``html.segment``, ``text.segment``) turns a decoded page into a list of
:class:`RawBlock`; from there features, model, comment threading and assembly are shared.
A RawBlock is internal and mutable (the model writes ``score`` and ``label`` into it); the public,
frozen :class:`~pageparts.Block` is made from it at assembly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .text.headline import Headlines

__all__ = ["Metadata", "Page", "ParsedPage", "RawBlock"]


@dataclass(frozen=True, slots=True)
class Page:
    """A decoded page: text (markup or plain), which kind it is, and how it was decoded."""

    content: str
    kind: str  # "html" or "text"
    encoding: str | None = None
    url: str | None = None


@dataclass(slots=True)
class RawBlock:
    """One block as a segmenter sees it.

    HTML fields describe the element the block came from and its ancestors; text fields describe
    the line layout. A field that a segmenter cannot know keeps its default.
    """

    text: str
    tag: str = "p"  # structural role: p, h1..h6, li, tr, blockquote, pre, figcaption, dt, dd, line
    depth: int = 0  # list nesting (HTML) or indent level (text)
    # --- HTML context -----------------------------------------------------------------------
    tokens: frozenset[str] = frozenset()  # lower-cased class/id/role/itemprop tokens of ancestors
    own_tokens: frozenset[str] = frozenset()  # tokens of the block's own element and its parent
    ancestors: tuple[int, ...] = ()  # ids of ancestor elements, outermost first
    link_chars: int = 0  # characters of text inside <a>
    n_links: int = 0
    n_images: int = 0  # images inside the block's element
    dom_depth: int = 0
    # --- text layout ------------------------------------------------------------------------
    line: int = 0  # first line number (text) or block ordinal (HTML)
    bullet: str | None = None  # the bullet character or number marker, if the line had one
    indent: int = 0  # leading spaces (text)
    blank_before: int = 0  # blank lines before the block (text)
    n_lines: int = 1
    # --- filled downstream ------------------------------------------------------------------
    score: float = 0.0
    label: str = "furniture"
    kind: str | None = None
    credit: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class Metadata:
    """What the page says about itself (JSON-LD, OpenGraph, meta tags, <title>, <html lang>)."""

    title: str | None = None  # the best guess at the article's own headline
    page_title: str | None = None  # the raw <title>, site name and all
    author: str | None = None
    date: object | None = None  # datetime.date
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    url: str | None = None
    #: schema.org @types and og:type values seen on the page, lower-cased ("newsarticle", "product")
    types: frozenset[str] = frozenset()


@dataclass(slots=True)
class ParsedPage:
    """A segmented page: what the segmenter hands to features, model and assembly."""

    page: Page
    blocks: list[RawBlock]
    meta: Metadata
    #: page-level signals for the page-type model (counts of forms, inputs, prices, ...)
    signals: dict[str, float] = field(default_factory=dict)
    #: comment threads found by the segmenter's comment finder, as nested Comment values, with
    #: the indices of the blocks each one covers recorded in ``RawBlock.extra["comment"]``.
    comments: list[object] = field(default_factory=list)
    #: those of ``comments`` that are the page's own post, set apart before the comments or
    #: around them (a forum's opening post; an article read as a post): a discussion page keeps
    #: them; any other page shows their replies in their place
    opening_posts: list[object] = field(default_factory=list)
    #: HTML: for each element that holds blocks, the range [start, end) of block indices inside it
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: why the page was not read whole (over a limit), or None
    note: str | None = None
    #: plain text: the candidate headline lines the ``text_headline`` model chooses from
    headlines: Headlines | None = None
