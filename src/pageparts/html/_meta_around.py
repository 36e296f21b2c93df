"""The text around the headline: where bylines and the date shown to the reader sit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._bounded import is_big, text_prefix
from ._meta_dates import _labelled_date
from ._meta_scan import _clean, _key, _Scan, _visible_text
from ._meta_title import _similar

_MAX_BODY_TEXT = 400_000  # characters of body text searched for a visible date
_SKIP_TAGS = frozenset(("-comment", "script", "style", "noscript", "template", "svg"))
_BYLINE_WINDOW = 300  # characters after the headline searched for the date shown with it
_ABOVE_WINDOW = 60  # characters before the headline searched for a date set above it
_LINES_AFTER = 400  # characters after the headline whose lines :meth:`_Around.lines` gives
_LINES_BEFORE = 120  # and before it
_LINE_MAX = 150  # a block longer than this is not a line: its inline parts are
_INLINE = frozenset(("a", "abbr", "b", "bdi", "cite", "em", "font", "i", "small", "span",
                     "strong", "sub", "sup", "time", "u"))


class _Around:
    """The text just after (and before) the headline, computed once, on first use.

    The text comes from the headline's nearest ancestor holding a few thousand characters, so a
    huge page costs no more than a small one; without a headline, from the top of the body. On a
    very large page (:func:`._bounded.is_big`) only as much of that text is read as is used.
    """

    def __init__(self, tree: LexborHTMLParser, s: _Scan, title: str | None) -> None:
        self._tree = tree
        self._big = is_big(tree)
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
        self._after = ""
        self._after_size = 0  # the size the text after the headline was walked for
        self._before: str | None = None
        self._lines: list[str] | None = None

    def region(self) -> LexborNode | None:
        """The headline's nearest ancestor with a few thousand characters of text (or None)."""
        if self._region is None and self._anchor is not None:
            node = self._anchor
            for _ in range(8):
                parent = node.parent
                if parent is None or node.tag == "body" or parent.tag == "html":
                    break
                node = parent
                if len(self._read(node, 4_000, visible=False)) >= 4_000:
                    break
            self._region = node
            self._region_text = self._read(node, _MAX_BODY_TEXT)
        return self._region

    def _read(self, node: LexborNode, limit: int, *, visible: bool = True) -> str:
        """The node's (visible) text: all of it, or on a very large page its first ``limit``
        characters."""
        if self._big:
            return text_prefix(node, limit)
        return _visible_text(node) if visible else node.text(separator=" ")

    def _text(self) -> str:
        if self.region() is None:
            return self.page_text()
        return self._region_text[:_MAX_BODY_TEXT]

    def headline(self) -> str:
        """The headline element's whole text, a date or kicker inside it included."""
        return _clean(text_prefix(self._anchor, 600)) if self._anchor is not None else ""

    def byline(self, size: int = _BYLINE_WINDOW) -> str:
        """The first ``size`` characters after the headline itself (where bylines sit)."""
        if self._anchor is not None:
            if self._after_size < size:  # (a walk may find less text than it was allowed)
                self._after_size = max(size, _BYLINE_WINDOW)
                self._after = _text_after(self._anchor, self._after_size)
            return self._after[:size]
        after = self.windows()[0]
        if not after or not self._title:
            return ""
        return after[len(_clean(self._title)):][:size]

    def above(self) -> str:
        """The text just before the headline (a dateline set above it): whole text nodes,
        nearest first, until there are ``_ABOVE_WINDOW`` characters."""
        if self._anchor is None:
            return ""
        if self._before is None:
            self._before = _text_before(self._anchor, _ABOVE_WINDOW)
        return self._before

    def lines(self) -> list[str]:
        """The short lines (elements of at most ``_LINE_MAX`` characters) just after the
        headline, in reading order, then those just before it, nearest first: where a dateline
        such as "12.03.2024 | Ann Lee" sits."""
        if self._anchor is None:
            return []
        if self._lines is None:
            self._lines = []
            seen: set[int] = set()
            for walk in (_nodes_after(self._anchor, _LINES_AFTER),
                         _nodes_before(self._anchor, _LINES_BEFORE)):
                for text_node, _ in walk:
                    for line in _lines_of(text_node):
                        if line.mem_id in seen:
                            continue
                        seen.add(line.mem_id)
                        text = _clean(text_prefix(line, 2 * _LINE_MAX))
                        if text and len(text) <= _LINE_MAX:
                            self._lines.append(text)
        return self._lines

    def page_text(self) -> str:
        """The visible text of the whole body (its first ``_MAX_BODY_TEXT`` characters)."""
        body = self._tree.body
        return self._read(body, _MAX_BODY_TEXT)[:_MAX_BODY_TEXT] if body else ""

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


def _text_after(node: LexborNode, limit: int) -> str:
    """About ``limit`` characters of the text that follows ``node`` in document order.

    Walks the nodes after it one by one (skipping style and script source), so only the few
    nodes that hold those characters are read, however big the page is.
    """
    parts = [text for _, text in _nodes_after(node, limit)]
    return _clean(" ".join(parts))[:limit]


def _nodes_after(node: LexborNode, limit: int) -> Iterator[tuple[LexborNode, str]]:
    """The non-blank text nodes after ``node`` in document order, with their text, until they
    hold ``limit`` characters (or 600 steps are walked)."""
    size = 0
    cur: LexborNode | None = node
    descend = False
    for _ in range(600):
        if cur is None or size >= limit:
            return
        nxt = cur.child if descend else None
        while nxt is None and cur is not None:
            nxt = cur.next
            if nxt is None:
                cur = cur.parent
                if cur is None or cur.tag in ("body", "html"):
                    return
        cur = nxt
        if cur is None:
            return
        tag = cur.tag
        descend = tag not in _SKIP_TAGS
        if tag == "-text":
            text = cur.text_content or ""
            if text.strip():
                yield cur, text
                size += len(text)
            descend = False


def _text_before(node: LexborNode, limit: int) -> str:
    """The text nodes just before ``node`` in document order, nearest first, until they hold
    ``limit`` characters (a node is never cut), joined in reading order."""
    parts = [text.strip() for _, text in _nodes_before(node, limit)]
    return _clean(" ".join(reversed(parts)))


def _nodes_before(node: LexborNode, limit: int) -> Iterator[tuple[LexborNode, str]]:
    """The non-blank text nodes before ``node``, nearest first, until they hold ``limit``
    characters (a node is never cut)."""
    size = 0
    cur: LexborNode | None = node
    descend = False
    for _ in range(600):  # one step a turn: up, back, or down into the last child
        if cur is None or size >= limit:
            return
        last = cur.last_child if descend and cur.tag not in _SKIP_TAGS else None
        if last is not None:
            cur = last  # into the deepest last node of the previous element
            continue
        descend = False
        if cur.tag == "-text":
            text = cur.text_content or ""
            if text.strip():
                yield cur, text
                size += len(text.strip())
        prev = cur.prev
        if prev is None:
            cur = cur.parent
            if cur is None or cur.tag in ("body", "html"):
                return
            continue
        cur, descend = prev, True


def _lines_of(text_node: LexborNode) -> list[LexborNode]:
    """The elements a text node is a line of: its outermost inline ancestor (a ``<span>``, a
    ``<small>``), then the block around that when it is short (at most ``_LINE_MAX``
    characters); or its block parent alone."""
    node = text_node.parent
    while node is not None and node.tag in _INLINE and node.parent is not None \
            and node.parent.tag in _INLINE:
        node = node.parent
    if node is None:
        return []
    block = node.parent
    if node.tag in _INLINE and block is not None and block.tag not in ("body", "html") \
            and len(_clean(text_prefix(block, 2 * _LINE_MAX))) <= _LINE_MAX:
        return [node, block]
    return [node]


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
