"""The text around the headline: where bylines and the date shown to the reader sit."""

from __future__ import annotations

from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._meta_dates import _labelled_date
from ._meta_scan import _clean, _key, _Scan, _visible_text
from ._meta_title import _similar

_MAX_BODY_TEXT = 400_000  # characters of body text searched for a visible date
_BYLINE_WINDOW = 300  # characters after the headline searched for the date shown with it


class _Around:
    """The text just after (and before) the headline, computed once, on first use.

    The text comes from the headline's nearest ancestor holding a few thousand characters, so a
    huge page costs no more than a small one; without a headline, from the top of the body.
    """

    def __init__(self, tree: LexborHTMLParser, s: _Scan, title: str | None) -> None:
        self._tree = tree
        self._title = title
        self._anchor: LexborNode | None = None
        if title:
            for text, node in zip(s.h1, s.h1_nodes, strict=True):
                if _similar(text, title) or _key(title) in _key(text):
                    self._anchor = node
                    break
        self._windows: tuple[str, str] | None = None
        self._region: LexborNode | None = None
        self._region_text = ""

    def region(self) -> LexborNode | None:
        """The headline's nearest ancestor with a few thousand characters of text (or None)."""
        if self._region is None and self._anchor is not None:
            node = self._anchor
            for _ in range(8):
                parent = node.parent
                if parent is None or node.tag == "body" or parent.tag == "html":
                    break
                node = parent
                if len(node.text(separator=" ")) >= 4_000:
                    break
            self._region = node
            self._region_text = _visible_text(node)
        return self._region

    def _text(self) -> str:
        if self.region() is None:
            body = self._tree.body
            return _visible_text(body)[:_MAX_BODY_TEXT] if body else ""
        return self._region_text[:_MAX_BODY_TEXT]

    def byline(self) -> str:
        """The first few hundred characters after the headline itself (where bylines sit)."""
        after = self.windows()[0]
        if not after or not self._title:
            return ""
        return after[len(_clean(self._title)):][:_BYLINE_WINDOW]

    def windows(self) -> tuple[str, str]:
        """(text after the headline, text just before it); ("", top of page) without one."""
        if self._windows is None:
            text = self._text()
            at = _find_headline(text, self._title) if self._title else -1
            if at < 0:
                self._windows = ("", _clean(text[:10_000])[:5_000])
            else:
                self._windows = (_clean(text[at:at + 6_000])[:3_000],
                                 _clean(text[max(0, at - 600):at])[-300:])
        return self._windows


def _find_headline(text: str, title: str) -> int:
    """Where the headline starts in ``text`` (spacing and case aside), or -1."""
    want = _key(title)[:80]
    words = want.split()
    if not words:
        return -1
    lowered = text.lower()
    at = lowered.find(words[0])
    for _ in range(50):
        if at < 0:
            return -1
        if _key(text[at:at + len(title) * 2 + 40]).startswith(want):
            return at
        at = lowered.find(words[0], at + 1)
    return -1


def _visible_date(around: _Around, dayfirst: bool) -> date | None:
    """The first date written after the headline, else just above it, else near the top.

    Dates labelled as something else (a member's registration, an edit) are passed over.
    """
    after, before = around.windows()
    return _labelled_date(after, dayfirst) or _labelled_date(before, dayfirst)
