"""The public entry points: :func:`extract` and :class:`Extractor`.

The pipeline, one way: bytes → :func:`decode` → segmenter (HTML or text) → features → block model
→ comment threading → :func:`assemble` → :class:`Document`.
"""

from __future__ import annotations

import dataclasses

from ._document import Document
from ._errors import InputError
from ._options import Options
from .assemble import assemble
from .blocks import Page
from .decode import decode
from .model import Models

__all__ = ["Extractor", "extract"]

#: A page longer than this (characters) is first read from its beginning alone: when the block
#: budget (``Options.max_blocks``) runs out there, the rest would not have been read anyway, and
#: parsing and scanning it costs more than the blocks that were read (3x on a 50 MB page).
HEAD_CHARS = 16 * 1024 * 1024


class Extractor:
    """Extracts many pages with one set of options and one loaded model.

    >>> ex = Extractor(Options(comments=False))
    >>> doc = ex.extract("<html><body><article><p>Hello there, reader.</p></article></body></html>")
    """

    def __init__(self, options: Options | None = None, *, models: Models | None = None) -> None:
        self.options = options or Options()
        self.models = models if models is not None else Models.default()

    def extract(self, page: bytes | str, *, url: str | None = None, kind: str | None = None,
                encoding: str | None = None) -> Document:
        """Return the Document of one page (``kind``: "html", "text", or None to sniff)."""
        decoded = decode(page, self.options, kind=kind, url=url, encoding=encoding)
        if not decoded.content.strip():
            return Document(status="empty", reason="the page is empty", url=url,
                            source_kind=decoded.kind, encoding=decoded.encoding)
        if decoded.kind == "html":
            return self._extract_html(decoded)
        if decoded.kind == "text":
            return self._extract_text(decoded)
        raise InputError(f"unknown page kind {decoded.kind!r}")

    def _extract_html(self, page: Page) -> Document:
        from .html import read_html

        head = _head(page)
        if head is not None:
            parsed = read_html(head, self.options)
            if parsed.note is not None:  # not read whole (the block budget): nor is the rest
                parsed.page = page
                return assemble(parsed, self.models, self.options)
        parsed = read_html(page, self.options)
        return assemble(parsed, self.models, self.options)

    def _extract_text(self, page: Page) -> Document:
        from .text import read_text

        parsed = read_text(page, self.options)
        return assemble(parsed, self.models, self.options)


def extract(page: bytes | str, *, url: str | None = None, kind: str | None = None,
            options: Options | None = None, encoding: str | None = None) -> Document:
    """Extract one page. ``page`` is bytes (any charset) or str; ``kind`` is "html", "text" or None.

    For many pages, build one :class:`Extractor` and call its ``extract``: the model is loaded once.
    """
    return _default_extractor(options).extract(page, url=url, kind=kind, encoding=encoding)


_EXTRACTORS: dict[Options, Extractor] = {}


def _default_extractor(options: Options | None) -> Extractor:
    # One Extractor per distinct Options value; results never depend on earlier pages.
    key = options or Options()
    ex = _EXTRACTORS.get(key)
    if ex is None:
        ex = _EXTRACTORS[key] = Extractor(key)
    return ex


def _head(page: Page) -> Page | None:
    """The first :data:`HEAD_CHARS` characters of a longer page, cut before a tag (or None)."""
    if len(page.content) <= HEAD_CHARS:
        return None
    cut = page.content.rfind("<", 0, HEAD_CHARS)
    return dataclasses.replace(page, content=page.content[:cut]) if cut > 0 else None
