"""The typed, frozen, plain-data results: Document, Block, Comment, Furniture.

Nothing here holds a parser node; every value is a str, int, float, date, tuple or None, so a
Document can be pickled across processes, compared, and turned into JSON with :meth:`to_dict`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "FURNITURE_KINDS",
    "LABELS",
    "PAGE_TYPES",
    "SCHEMA_VERSION",
    "Block",
    "Comment",
    "Document",
    "Furniture",
]

SCHEMA_VERSION = 1

#: Every block of a page carries one of these labels.
LABELS = (
    "title",  # the article's own headline
    "byline",  # author and/or date line of the article
    "heading",  # a section heading inside the main content
    "body",  # main content: paragraphs, list items, table rows, quotes, code
    "caption",  # an image or figure caption (with its credit, if any)
    "comment",  # part of a reader comment (author line or text)
    "furniture",  # everything else; see ``kind``
)

#: Kinds of furniture. "other" is furniture that fits none of the named kinds.
FURNITURE_KINDS = (
    "navigation",
    "share",
    "related",
    "funding-progress",
    "funding",
    "call-to-action",
    "subscribe",
    "advertising",
    "legal",
    "cookie",
    "footer",
    "repeated-headline",
    "duplicate",  # a second copy of a passage of the content (responsive or carousel copies)
    "login",
    "search",
    "breadcrumb",
    "metadata",
    "other",
)

#: Page types, as in WCXB's gold.
PAGE_TYPES = (
    "article",
    "forum",
    "product",
    "collection",
    "listing",
    "documentation",
    "service",
)


def _iso(value: _dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the page, in reading order.

    ``tag`` is the block's structural role: ``p``, ``h1``..``h6``, ``li``, ``tr``, ``blockquote``,
    ``pre``, ``figcaption``, ``dt``/``dd``, or ``line`` for an unstructured text line.
    ``depth`` is the list or indent nesting level (0 at top level).
    ``score`` is the model's probability that the block is main content.
    """

    index: int
    text: str
    label: str
    tag: str = "p"
    kind: str | None = None
    depth: int = 0
    score: float = 0.0
    credit: str | None = None  # for captions: the credit line or handle, when one is found

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "index": self.index,
            "label": self.label,
            "tag": self.tag,
            "text": self.text,
            "depth": self.depth,
            "score": round(self.score, 4),
        }
        if self.kind is not None:
            d["kind"] = self.kind
        if self.credit is not None:
            d["credit"] = self.credit
        return d


@dataclass(frozen=True, slots=True)
class Furniture:
    """A run of furniture blocks of one kind (``text`` is their lines joined by newlines)."""

    kind: str
    text: str
    blocks: tuple[int, ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(self.text.split("\n")) if self.text else ()

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "blocks": list(self.blocks)}


@dataclass(frozen=True, slots=True)
class Comment:
    """A reader comment: who wrote it, when, what, and the replies to it, nested as on the page.

    ``date`` is set when the page's date could be resolved; ``date_text`` keeps the date as shown
    (for instance "3 days ago"). ``text`` is the comment's paragraphs joined by newlines; it may be
    empty (an image-only or deleted comment stays in the thread).
    """

    author: str | None
    text: str
    date: _dt.date | None = None
    date_text: str | None = None
    replies: tuple[Comment, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "author": self.author,
            "date": _iso(self.date),
            "date_text": self.date_text,
            "text": self.text,
            "replies": [r.to_dict() for r in self.replies],
        }

    def walk(self, depth: int = 0) -> Any:
        """Yield ``(depth, comment)`` for this comment and every reply below it, in order."""
        yield depth, self
        for reply in self.replies:
            yield from reply.walk(depth + 1)


@dataclass(frozen=True, slots=True)
class Document:
    """A page's anatomy. ``status`` is "ok", or "empty" with a ``reason``."""

    status: str = "ok"
    reason: str | None = None
    title: str | None = None
    author: str | None = None
    date: _dt.date | None = None
    site_name: str | None = None
    language: str | None = None
    url: str | None = None
    page_type: str | None = None
    description: str | None = None
    text: str = ""
    markdown: str = ""
    blocks: tuple[Block, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    comments: tuple[Comment, ...] = ()
    source_kind: str = "html"  # "html" or "text": which segmenter read the page
    encoding: str | None = None
    schema_version: int = field(default=SCHEMA_VERSION)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "status": self.status,
            "reason": self.reason,
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "date": _iso(self.date),
            "site_name": self.site_name,
            "language": self.language,
            "page_type": self.page_type,
            "description": self.description,
            "source_kind": self.source_kind,
            "encoding": self.encoding,
            "text": self.text,
            "markdown": self.markdown,
            "blocks": [b.to_dict() for b in self.blocks],
            "furniture": [f.to_dict() for f in self.furniture],
            "comments": [c.to_dict() for c in self.comments],
        }

    def iter_comments(self) -> Any:
        """Yield ``(depth, comment)`` over the whole thread, in page order."""
        for c in self.comments:
            yield from c.walk(0)
