"""Records named by their markup: the C-level candidate search and which candidates are records."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from ._comment_index import _classes, _Index, _Memo, _tokens
from ._comment_vocab import (
    _ARTICLE_TOKENS,
    _BAD_RECORD,
    _BODY_ITEMPROPS,
    _COMMENT_RECORD,
    _ID_COMMENT,
    _ID_POST,
    _ID_RECORD,
    _ITEMPROP_RECORD,
    _ITEMTYPE_RECORD,
    _POST_RECORD,
    _RECORD_SELECTOR,
    _RECORD_TAGS,
    _STRONG_BODY,
)


def _kind_of(tag: str, tok: frozenset[str]) -> str | None:
    """'comment', 'post' or None, from the element's own markup.

    Order of evidence: schema.org itemtype, then itemprop, then class names (a post class wins
    over a comment class on the same element: forum software marks its posts as both, like
    Invision's ``cPost ipsComment``), then ids. The answer never depends on set order.
    """
    if tag not in _RECORD_TAGS:
        return None
    if not tok:
        return None
    if tok & _ARTICLE_TOKENS:
        return None
    by_type: set[str] = set()
    by_prop: set[str] = set()
    by_class: set[str] = set()
    for t in tok:
        if t.startswith("itemtype:") and t[9:] in _ITEMTYPE_RECORD:
            by_type.add("comment" if t[9:] in ("comment", "usercomments") else "post")
        elif t.startswith("itemprop:") and t[9:] in _ITEMPROP_RECORD:
            by_prop.add("comment" if t[9:] == "comment" else "post")
        elif t.startswith("component:") and t[10:] == "post":
            by_class.add("post")
        elif ":" in t or t.startswith("#"):
            continue
        elif _COMMENT_RECORD.fullmatch(t) and not _BAD_RECORD.fullmatch(t):
            by_class.add("comment")
        elif t in _POST_RECORD:
            by_class.add("post")
    for found in (by_type, by_prop):
        if found:
            return "post" if "post" in found else "comment"
    if by_class:
        return "post" if "post" in by_class else "comment"
    if tag == "shreddit-comment":
        return "comment"
    if tag in ("li", "div", "article", "table"):
        ids = [t[1:] for t in tok if t.startswith("#")]
        if any(_ID_COMMENT.fullmatch(i) for i in ids):
            return "comment"
        if any(_ID_POST.fullmatch(i) for i in ids):
            return "post"
    return None


def _has_record_id(ix: _Index, i: int) -> bool:
    return any(t.startswith("#") and _ID_RECORD.fullmatch(t[1:]) for t in ix.tok[i])


def _candidate_region(body: LexborNode) -> LexborNode | None:
    """The smallest element holding every markup-named record candidate (C-level search),
    one level up; None when there is no comment candidate and fewer than two post ones."""
    first: LexborNode | None = None
    last: LexborNode | None = None
    counts = {"comment": 0, "post": 0}
    memo: _Memo = {}
    kinds: dict[tuple[str, frozenset[str]], str | None] = {}
    seen: set[int] = set()
    for node in body.css(_RECORD_SELECTOR):
        if node.mem_id in seen:  # an element matching two selectors can come twice
            continue
        seen.add(node.mem_id)
        key = (node.tag or "", _tokens(node, memo))
        kind = kinds[key] if key in kinds else kinds.setdefault(key, _kind_of(*key))
        if kind is None:
            continue
        counts[kind] += 1
        if first is None:
            first = node
        last = node
    if first is None or last is None or (counts["comment"] == 0 and counts["post"] < 2):
        return None
    # the candidates come in page order: what holds the first and the last holds them all
    top = _meet(first, last, body)
    # one level up: the record's siblings (and a wrapper of a lone record) are in view
    return top.parent if top.parent is not None and top.mem_id != body.mem_id else top


def _meet(a: LexborNode, b: LexborNode, body: LexborNode) -> LexborNode:
    """The lowest element holding both ``a`` and ``b`` (``body`` at the highest)."""
    above: set[int] = set()
    n: LexborNode | None = a
    while n is not None:
        above.add(n.mem_id)
        if n.mem_id == body.mem_id:
            break
        n = n.parent
    n = b
    while n is not None and n.mem_id not in above:
        n = n.parent
    return n if n is not None else body


def _markup_records(ix: _Index) -> dict[int, str]:
    found: dict[int, str] = {}
    kinds: dict[tuple[str, frozenset[str]], str | None] = {}
    for i in range(len(ix)):
        if not ix.tok[i]:
            continue
        key = (ix.tag[i], ix.tok[i])
        k = kinds[key] if key in kinds else kinds.setdefault(key, _kind_of(*key))
        if k is not None and not any(t.startswith("itemprop:") and t[9:] in _BODY_ITEMPROPS
                                     for t in ix.tok[i]):
            found[i] = k
    # schema.org-only candidates (itemprop/itemtype) give way to class-named ones around or
    # inside them: sites put itemprop="comment" on a comment's text, or itemtype on a whole topic
    # a candidate holding the page's h1 is the article itself, not a comment or post
    for h in (k for k in range(len(ix)) if ix.tag[k] == "h1"):
        owner = next((a for a in ix.ancestors(h) if a in found), None)
        if owner is not None:
            del found[owner]
    schema = {i for i in found if _schema_only(ix, i)}
    named = [i for i in found if i not in schema]
    for i in schema:
        if any(ix.contains(i, j) or ix.contains(j, i) for j in named):
            del found[i]
    # a comment's text box that is also named like a record ("comment-content comment")
    for i in [i for i in found if any(_STRONG_BODY.search(t) for t in _classes(ix.tok[i]))]:
        if any(a in found for a in ix.ancestors(i)):
            del found[i]
    return _merge_wrappers(ix, found)


def _schema_only(ix: _Index, i: int) -> bool:
    return _kind_of(ix.tag[i], frozenset(t for t in ix.tok[i] if not t.startswith("item"))) is None


def _merge_wrappers(ix: _Index, found: dict[int, str]) -> dict[int, str]:
    """Two candidates that are one record (``li.comment > div.comment``) become the outer one.

    A candidate B inside candidate A is the same record when A's text starts with B's; a reply
    never starts its parent (the parent's own author line and text come first).
    """
    out: dict[int, str] = {}
    stack: list[int] = []  # open candidates (ancestors of the current one)
    for i in sorted(found):
        while stack and not ix.contains(stack[-1], i):
            stack.pop()
        if stack:
            a = stack[-1]
            if ix.start[i] - ix.start[a] <= 2 and a in out:
                continue  # same record as its wrapper `a`
        out[i] = found[i]
        stack.append(i)
    return out
