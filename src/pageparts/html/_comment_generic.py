"""Threads in unknown markup: repeated sibling elements with a name, a date and text."""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

from selectolax.lexbor import LexborNode

from ._comment_author import _fallback_author
from ._comment_dates import _first_date
from ._comment_index import (
    MAX_DEPTH,
    _classes,
    _has_link_out,
    _Index,
    _Memo,
    _sig_of,
    _signature,
    _tokens,
)
from ._comment_markup import _merge_wrappers
from ._comment_vocab import _GENERIC_TAGS, _NOT_COMMENT, _URLISH

#: Levels between a date's text and the element whose children are the dated records.
_DATE_REACH = 12
#: Scripts and styles shorter than this stay in the gate text (too short to find reliably).
_CUT_MIN = 40


def _gate_text(body: LexborNode) -> tuple[str, list[tuple[int, int]]]:
    """The body's text without the longer scripts and styles (JSON app state is full of dates
    and digits), and where each kept piece starts: (offset in the kept text, offset in
    ``body.text()``), for :func:`_page_offsets`."""
    text = body.text(deep=True)
    pieces: list[str] = []
    starts: list[tuple[int, int]] = []
    pos = kept = 0
    for node in body.css("script, style"):
        code = node.text(deep=True)
        if len(code) < _CUT_MIN:
            continue
        at = text.find(code, pos)
        if at < 0:
            continue
        starts.append((kept, pos))
        pieces.append(text[pos:at])
        kept += at - pos
        pos = at + len(code)
    if not pieces:
        return text, [(0, 0)]
    starts.append((kept, pos))
    pieces.append(text[pos:])
    return "".join(pieces), starts


def _page_offsets(spans: list[tuple[int, int]],
                  starts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in the gate text moved to offsets in ``body.text()``."""
    keys = [k for k, _ in starts]
    out = []
    for a, b in spans:
        kept, page = starts[bisect_right(keys, a) - 1]
        out.append((a - kept + page, b - kept + page))
    return out


def _dated_regions(body: LexborNode, spans: list[tuple[int, int]]) -> list[LexborNode]:
    """Where sibling records that each show a date can be: the lowest common ancestor of each
    two consecutive elements showing a date that meet within :data:`_DATE_REACH` levels, in
    two children of the same kind (tag and classes), outermost first. The elements are found
    from the dates' offsets in the page text by one pass of lexbor's iterator over the text
    nodes; only these regions are indexed."""
    spans = sorted(spans)
    chains: list[list[LexborNode]] = []
    pos = 0
    k = 0
    last = -1
    for node in body.traverse(include_text=True):
        if k >= len(spans):
            break
        if node.tag != "-text":
            continue
        end = pos + len(node.text_content or "")
        while k < len(spans) and spans[k][0] < end:
            if spans[k][0] >= pos and node.mem_id != last:
                last = node.mem_id
                chains.append(_chain(node.parent, body))
            k += 1
        pos = end
    tops: dict[int, LexborNode] = {}
    memo: _Memo = {}
    for a, b in pairwise(chains):
        ids = {n.mem_id: k for k, n in enumerate(a)}
        kb = next((k for k, n in enumerate(b) if n.mem_id in ids), None)
        if kb is None:
            continue
        ka = ids[b[kb].mem_id]
        if ka == 0 or kb == 0:
            continue  # one date inside the other's element: not two records
        # the two records are the meeting element's children on the way to each date
        ra, rb = a[ka - 1], b[kb - 1]
        if (ra.tag or "") not in _GENERIC_TAGS or _sig_of(ra.tag or "", _tokens(ra, memo)) \
                != _sig_of(rb.tag or "", _tokens(rb, memo)):
            continue
        tops.setdefault(b[kb].mem_id, b[kb])
    # outermost first: a region inside another one is already indexed with it
    out: list[LexborNode] = []
    for top in tops.values():
        above: set[int] = set()
        n = top.parent
        steps = 0
        while n is not None and steps <= MAX_DEPTH:
            above.add(n.mem_id)
            n = n.parent
            steps += 1
        if not above & tops.keys():
            out.append(top)
    return out


def _chain(node: LexborNode | None, body: LexborNode) -> list[LexborNode]:
    """``node`` and its ancestors, up to :data:`_DATE_REACH` levels or the body."""
    chain: list[LexborNode] = []
    while node is not None and len(chain) <= _DATE_REACH:
        chain.append(node)
        if node.mem_id == body.mem_id:
            break
        node = node.parent
    return chain


def _generic_records(ix: _Index) -> dict[int, str]:
    """Sibling runs (same tag and class signature, 2+ members) that read like comments."""
    children: dict[int, list[int]] = {}
    for i in range(1, len(ix)):
        p = ix.parent[i]
        if p >= 0 and ix.tag[i] in _GENERIC_TAGS:
            children.setdefault(p, []).append(i)
    found: dict[int, str] = {}
    for kids in children.values():
        if len(kids) < 2:
            continue
        groups: dict[tuple[str, frozenset[str]], list[int]] = {}
        for k in kids:
            groups.setdefault(_signature(ix, k), []).append(k)
        for members in groups.values():
            if len(members) < 2 or len(members) > 2000:
                continue
            ok = [m for m in members if _looks_like_comment(ix, m)]
            distinct = {" ".join(ix.nodes[m].text(deep=True).split())[:80] for m in ok}
            authors = {_fallback_author(ix, list(range(m + 1, ix.end[m] + 1)), set(), None)[0]
                       for m in ok}
            if len(ok) >= 2 and len(ok) >= 0.7 * len(members) and len(distinct) == len(ok) \
                    and (len(ok) < 3 or len(authors) > 1):
                for m in members:
                    found[m] = "comment"
    return _merge_wrappers(ix, found)


def _looks_like_comment(ix: _Index, i: int) -> bool:
    n = ix.textlen[i]
    if not 12 <= n <= 20_000:
        return False
    if any(_NOT_COMMENT.search(t) for t in _classes(ix.tok[i])):
        return False
    if any(ix.tag[a] == "a" for a in list(ix.ancestors(i))[:4]):
        return False  # the whole record is one link: a teaser
    node = ix.nodes[i]
    text = node.text(deep=True)
    head = " ".join(text.split())[:300]
    m = _first_date(head)
    if m is None:
        return False
    link_chars = 0
    for k in range(i + 1, ix.end[i] + 1):
        tag = ix.tag[k]
        if tag in ("h1", "h2") or (tag in ("h3", "h4") and _has_link_out(ix, k)):
            return False
        if tag == "a":
            link_chars += ix.textlen[k]
            if ix.textlen[k] > 30 and not _URLISH.match(ix.nodes[k].text(deep=True).strip()):
                return False  # a linked headline: a teaser
        if tag in ("input", "select") or "price" in " ".join(ix.tok[k]):
            return False
    if link_chars > 0.5 * n:
        return False
    author, _ = _fallback_author(ix, list(range(i + 1, ix.end[i] + 1)), set(), None)
    if author is None:
        return False
    rest = (head[: m.start()] + head[m.end():]).replace(author, "", 1)
    return len("".join(rest.split())) >= 8
