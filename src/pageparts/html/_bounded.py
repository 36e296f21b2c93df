"""Bounded reads of a parsed tree, for very large pages.

A CSS select or ``node.text()`` on a page of 50 MB walks every one of its millions of nodes, and
the metadata and page-signal readers do a dozen of them. On pages over :data:`BIG_PAGE` bytes of
markup (far above real articles: the largest page of the benchmark packs is 5.3 MB) those
readers walk only the nodes they need, in document order, and stop at a budget; on smaller
pages they keep their exact whole-tree reads.
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["BIG_PAGE", "is_big", "text_prefix", "walk"]

BIG_PAGE = 8_000_000  # bytes of UTF-8 markup
_JUNK = frozenset(("style", "script", "noscript"))


def is_big(tree: LexborHTMLParser) -> bool:
    """Whether the page is large enough for bounded reads (its parsed bytes, an O(1) look)."""
    return len(tree.raw_html) > BIG_PAGE


def walk(root: LexborNode, skip: frozenset[str] = frozenset()) -> Iterator[LexborNode]:
    """The nodes under ``root`` (text nodes included) in document order, without descending
    into elements whose tag is in ``skip`` (those are yielded, their insides are not)."""
    node = root.child
    while node is not None:
        yield node
        child = node.child if node.tag not in skip else None
        if child is not None:
            node = child
            continue
        while node is not None and node.next is None:
            parent = node.parent
            node = None if parent is None or parent.mem_id == root.mem_id else parent
        node = node.next if node is not None else None


def text_prefix(root: LexborNode, limit: int) -> str:
    """About the first ``limit`` characters of the text a reader sees in ``root``: its text
    nodes joined by spaces, style and script source replaced by a space."""
    parts: list[str] = []
    size = 0
    for node in walk(root, _JUNK):
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
        elif tag in _JUNK:
            text = " "
        else:
            continue
        parts.append(text)
        size += len(text) + 1
        if size >= limit:
            break
    return " ".join(parts)[:limit]
