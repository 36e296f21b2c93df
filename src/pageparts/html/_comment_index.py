"""The bounded pre-order index of a region of the tree, and the questions asked of it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from selectolax.lexbor import LexborNode

from ._comment_vocab import _DEPTH_TOKEN, _PARITY, _SKIP_TAGS

#: Elements indexed per page; the rest of a bigger page is not searched for comments.
MAX_ELEMENTS = 60_000


#: Elements nested deeper than this are not indexed (their text is ignored).
MAX_DEPTH = 400


class _Index:
    """Pre-order arrays over the elements of one region of the tree (no recursion)."""

    __slots__ = ("end", "kids", "marks", "nodes", "parent", "start", "tag", "textlen", "tok")

    def __init__(self, root: LexborNode) -> None:
        self.nodes: list[LexborNode] = []
        self.tag: list[str] = []
        self.parent: list[int] = []
        self.end: list[int] = []
        self.tok: list[frozenset[str]] = []
        self.start: list[int] = []  # non-space characters of text before the element
        self.textlen: list[int] = []  # non-space characters of text inside the element
        self.kids: list[list[int | str]] = []  # children: element indexes and text strings
        # what _comment_parts found an element marked as, per (question, tag, tokens)
        self.marks: dict[tuple[str, str, frozenset[str]], bool] = {}
        depth: list[int] = []
        index_of: dict[int, int] = {}  # mem_id -> index
        memo: _Memo = {}
        pos = 0
        top = root.mem_id
        # lexbor's own pre-order walk (no Python recursion); an element is indexed when its
        # parent is, so skipped tags, and everything under MAX_DEPTH, drop out with their subtree
        for node in root.traverse(include_text=True):
            tag = node.tag
            if tag is None:
                continue
            if tag == "-text":
                t = node.text_content
                if not t or t.isspace():
                    continue
                parent = node.parent
                got = index_of.get(parent.mem_id) if parent is not None else None
                if got is not None:
                    n = len("".join(t.split()))
                    pos += n
                    self.textlen[got] += n
                    self.kids[got].append(t)
                continue
            if tag[0] == "-" or tag in _SKIP_TAGS:
                continue
            mem = node.mem_id
            if mem == top:
                p = -1
            else:
                parent = node.parent
                if parent is None:
                    continue
                got = index_of.get(parent.mem_id)
                if got is None:
                    continue
                p = got
            if len(self.nodes) >= MAX_ELEMENTS:
                break
            d = depth[p] + 1 if p >= 0 else 0
            if d > MAX_DEPTH:
                continue
            i = len(self.nodes)
            index_of[mem] = i
            if p >= 0:
                self.kids[p].append(i)
            self.kids.append([])
            self.nodes.append(node)
            self.tag.append(tag)
            self.parent.append(p)
            self.end.append(i)
            self.tok.append(_tokens(node, memo))
            self.start.append(pos)
            self.textlen.append(0)
            depth.append(d)
        # subtree ends and text lengths, children before parents
        for i in range(len(self.nodes) - 1, 0, -1):
            p = self.parent[i]
            if p >= 0:
                self.textlen[p] += self.textlen[i]
                self.end[p] = max(self.end[p], self.end[i])

    def __len__(self) -> int:
        return len(self.nodes)

    def contains(self, a: int, b: int) -> bool:
        """Whether element ``b`` is ``a`` or inside it."""
        return a <= b <= self.end[a]

    def ancestors(self, i: int) -> Iterable[int]:
        p = self.parent[i]
        while p >= 0:
            yield p
            p = self.parent[p]


_TOKEN_KEYS = frozenset(
    {"class", "id", "itemprop", "role", "component", "data-role", "data-type", "itemtype"}
)
_NO_TOKENS: frozenset[str] = frozenset()
_Memo = dict[tuple[tuple[str, str], ...], frozenset[str]]


def _tokens(node: LexborNode, memo: _Memo) -> frozenset[str]:
    """The element's class tokens and ``#id``, ``itemprop:``, ``itemtype:`` ... tokens,
    lower-cased; ``memo`` (one per page) shares them between elements marked alike."""
    attrs = node.attributes
    if not attrs:
        return _NO_TOKENS
    key = tuple([(k, v) for k, v in attrs.items() if v and k in _TOKEN_KEYS])
    if not key:
        return _NO_TOKENS
    got = memo.get(key)
    if got is None:
        got = memo[key] = _make_tokens(dict(key))
    return got


def _make_tokens(attrs: dict[str, str]) -> frozenset[str]:
    out: list[str] = []
    cls = attrs.get("class")
    if cls:
        out.extend(cls.lower().split())
    for key in ("id", "itemprop", "role", "component", "data-role", "data-type"):
        v = attrs.get(key)
        if v:
            out.extend(f"{key}:{t}" if key != "id" else f"#{t}" for t in v.lower().split())
    it = attrs.get("itemtype")
    if it:
        out.append("itemtype:" + it.rstrip("/").rsplit("/", 1)[-1].lower())
    return frozenset(out)


def _classes(tok: frozenset[str]) -> Iterable[str]:
    return (t for t in tok if not t.startswith("#") and ":" not in t)


def _signature(ix: _Index, i: int) -> tuple[str, frozenset[str]]:
    return _sig_of(ix.tag[i], ix.tok[i])


_DIGITS = re.compile(r"\d+")

def _sig_of(tag: str, tok: frozenset[str]) -> tuple[str, frozenset[str]]:
    """Tag and class tokens, without numbers, depth and parity classes: what repeated records
    of one list share."""
    cls = frozenset(_DIGITS.sub("", t) for t in _classes(tok)
                    if not _DEPTH_TOKEN.search(t) and t not in _PARITY)
    return tag, cls


def _lca(ix: _Index, a: int, b: int) -> int:
    anc = {a, *ix.ancestors(a)}
    if b in anc:
        return b
    for p in ix.ancestors(b):
        if p in anc:
            return p
    return 0


def _near(ix: _Index, a: int, b: int, levels: int) -> bool:
    """Whether ``a`` and ``b`` meet at most ``levels`` elements above each."""
    top = _lca(ix, a, b)
    da = sum(1 for x in ix.ancestors(a) if ix.contains(top, x))
    db = sum(1 for x in ix.ancestors(b) if ix.contains(top, x))
    return da <= levels and db <= levels


def _link_share(ix: _Index, r: int) -> float:
    """Share of the record's text inside links."""
    linked, k, end = 0, r + 1, ix.end[r]
    while k <= end:
        if ix.tag[k] == "a":
            linked += ix.textlen[k]
            k = ix.end[k] + 1
        else:
            k += 1
    return linked / ix.textlen[r] if ix.textlen[r] else 0.0


def _teaser(ix: _Index, r: int) -> bool:
    """A record headed by a linked headline (an article teaser, not a post)."""
    return any(ix.tag[k] in ("h2", "h3", "h4") and ix.textlen[k] >= 20 and _has_link_out(ix, k)
               for k in range(r + 1, ix.end[r] + 1))


def _has_link_out(ix: _Index, k: int) -> bool:
    for j in range(k, ix.end[k] + 1):
        if ix.tag[j] == "a":
            href = ix.nodes[j].attributes.get("href") or ""
            if href and "#" not in href:  # "#p123", "?pid=5#p5": permalinks to a post
                return True
    return False
