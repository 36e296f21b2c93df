"""Comment threads from schema.org structured data: JSON-LD ``comment`` arrays of ``Comment``.

Forum software (Invision Community, for one) and some news sites describe a thread in a
``<script type="application/ld+json">``: a ``DiscussionForumPosting`` (or ``Article``,
``BlogPosting`` ...) whose ``comment`` list holds ``Comment`` objects with ``author``,
``dateCreated`` and ``text``, replies in their own ``comment`` lists. This reads them into
``Comment`` values, then looks for each comment's text on the page, so the comment's record
(the largest element around its text that holds no other comment's text) can be marked like a
record found by its markup. A comment whose text is not on the page keeps ``record_id`` -1.

Bounded: scripts longer than :data:`MAX_SCRIPT_CHARS` are not read, at most
:data:`MAX_COMMENTS` comments per page, replies at most :data:`MAX_REPLY_DEPTH` deep, and the
JSON is walked with an explicit stack (no recursion).
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._document import Comment
from ._comment_index import _Index
from ._comment_threads import Member, Thread

#: Longer JSON-LD scripts are not read (bytes of app state, not a thread).
MAX_SCRIPT_CHARS = 3_000_000
#: Comments read per page.
MAX_COMMENTS = 2_000
#: Reply nesting followed below a top-level comment.
MAX_REPLY_DEPTH = 40
#: JSON values visited per script while looking for threads.
_MAX_VISITS = 200_000
#: Holders whose thread is the page's discussion (its posts are main content).
_POST_TYPES = frozenset({"discussionforumposting", "socialmediaposting", "question"})
#: Non-space characters of a comment's text that must be found on the page to place it.
_PROBE = 40
_MIN_PROBE = 12

_TAGLIKE = re.compile(r"<[a-zA-Z/!]")
_BLOCK_END = re.compile(r"<(?:br|/p|/div|/li|/h[1-6]|/blockquote|/pre|/tr)\b[^>]*>", re.I)

_Found = tuple[str, list[tuple[int, Comment]], bool]


def jsonld_threads(tree: LexborHTMLParser, body: LexborNode) -> list[Thread]:
    """Threads described by JSON-LD ``comment`` arrays, placed on the page where their text is."""
    found: list[_Found] = []
    budget = [MAX_COMMENTS]
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True)
        if len(raw) > MAX_SCRIPT_CHARS or '"comment"' not in raw:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        for holder in _holders(data):
            thread = _read_holder(holder, budget)
            if thread is not None:
                found.append(thread)
    if not found:
        return []
    return _place(body, found)


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    names = t if isinstance(t, list) else [t]
    return {n.rsplit("/", 1)[-1].lower() for n in names if isinstance(n, str)}


def _comment_list(obj: dict[str, Any]) -> list[dict[str, Any]]:
    c = obj.get("comment")
    items = c if isinstance(c, list) else [c]
    return [x for x in items if isinstance(x, dict) and "comment" in _types(x)]


def _holders(data: Any) -> list[dict[str, Any]]:
    """Objects with a ``comment`` list of ``Comment`` objects, outermost ones only."""
    out: list[dict[str, Any]] = []
    stack: list[Any] = [data]
    visits = 0
    while stack and visits < _MAX_VISITS:
        v = stack.pop()
        visits += 1
        if isinstance(v, dict):
            if "comment" not in _types(v) and _comment_list(v):
                out.append(v)
                continue  # its comments (and their replies) are read with it
            stack.extend(reversed(list(v.values())))
        elif isinstance(v, list):
            stack.extend(reversed(v))
    return out


def _read_holder(holder: dict[str, Any], budget: list[int]) -> _Found | None:
    """(kind, [(depth, comment)] in pre-order with top-level comments carrying their replies,
    whether the first one is the discussion's opening post)."""
    posts = bool(_types(holder) & _POST_TYPES)
    flat: list[tuple[int, Comment]] = []
    if posts:  # the opening post leads the discussion's posts
        opening = _comment(holder, [])
        if opening is not None and opening.text:
            flat.append((0, opening))
    has_opening = bool(flat)
    for obj in _comment_list(holder):
        c = _nested(obj, budget)
        if c is not None:
            flat.extend(c.walk())
    if not any(c.text for _, c in flat):
        return None
    return ("posts" if posts else "comments"), flat, has_opening


def _nested(top: dict[str, Any], budget: list[int]) -> Comment | None:
    """One comment with its replies, built bottom-up from an explicit stack."""
    # pre-order list of (object, parent index, depth), then build children before parents
    order: list[tuple[dict[str, Any], int, int]] = []
    stack: list[tuple[dict[str, Any], int, int]] = [(top, -1, 0)]
    while stack and len(order) < budget[0]:
        obj, parent, depth = stack.pop()
        order.append((obj, parent, depth))
        if depth < MAX_REPLY_DEPTH:
            i = len(order) - 1
            stack.extend((r, i, depth + 1) for r in reversed(_comment_list(obj)))
    budget[0] -= len(order)
    replies: list[list[Comment]] = [[] for _ in order]
    built: list[Comment | None] = [None] * len(order)
    for i in range(len(order) - 1, -1, -1):
        obj, parent, _depth = order[i]
        c = _comment(obj, replies[i][::-1])
        built[i] = c
        if c is not None and parent >= 0:
            replies[parent].append(c)
    return built[0] if built else None


def _comment(obj: dict[str, Any], replies: list[Comment]) -> Comment | None:
    author = _author(obj.get("author") or obj.get("creator"))
    text = _text(obj.get("text") or obj.get("articleBody") or obj.get("description"))
    shown = next((v for k in ("dateCreated", "datePublished", "uploadDate")
                  if isinstance(v := obj.get(k), str) and v.strip()), None)
    if author is None and not text and not replies:
        return None
    return Comment(author=author, text=text, date=_iso_date(shown),
                   date_text=shown.strip() if shown else None, replies=tuple(replies))


def _author(v: Any) -> str | None:
    items = v if isinstance(v, list) else [v]
    names = []
    for a in items:
        name = a.get("name") if isinstance(a, dict) else a
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return ", ".join(names) or None


def _text(v: Any) -> str:
    if not isinstance(v, str):
        return ""
    if _TAGLIKE.search(v):  # text given as HTML: block ends become line breaks
        v = LexborHTMLParser(_BLOCK_END.sub("\n", v)).text()
    v = html.unescape(v)
    return "\n".join(" ".join(line.split()) for line in v.splitlines() if line.strip())


def _iso_date(shown: str | None) -> _dt.date | None:
    if not shown:
        return None
    try:
        return _dt.date.fromisoformat(shown.strip()[:10])
    except ValueError:
        return None


def _nospace(s: str) -> str:
    return "".join(s.split())


def _place(body: LexborNode, found: list[_Found]) -> list[Thread]:
    """Find each comment's text on the page; build the threads with their records. An opening
    post not shown while its replies are (a later page of the discussion) is left out."""
    ix = _Index(body)
    page = "".join(_nospace(k) for k in _texts(ix))
    bodies: list[list[int]] = []  # per thread, per comment: index of its text element, or -1
    kept: list[tuple[str, list[tuple[int, Comment]]]] = []
    for kind, flat_all, has_opening in found:
        flat = flat_all
        cursor = 0
        placed = []
        for _d, c in flat:
            i, cursor = _find(ix, page, c.text, cursor)
            placed.append(i)
        if has_opening and placed[0] < 0 and any(i >= 0 for i in placed[1:]):
            flat, placed = flat[1:], placed[1:]
        kept.append((kind, flat))
        bodies.append(placed)
    every = sorted(i for placed in bodies for i in placed if i >= 0)
    same = Counter(every)
    threads = []
    for (kind, flat), placed in zip(kept, bodies, strict=True):
        records = [_record(ix, i, every, same[i]) if i >= 0 else -1 for i in placed]
        members = tuple(
            Member(ix.nodes[r].mem_id if r >= 0 else -1,
                   ix.nodes[i].mem_id if i >= 0 else None, None, d)
            for (d, _c), i, r in zip(flat, placed, records, strict=True))
        shown = [r for r in records if r >= 0]
        root = -1
        if shown:
            top = shown[0]
            while any(not ix.contains(top, r) for r in shown) and ix.parent[top] >= 0:
                top = ix.parent[top]
            root = ix.nodes[top if len(shown) > 1 else max(ix.parent[top], 0)].mem_id
        comments = tuple(c for d, c in flat if d == 0)
        threads.append(Thread(root, comments, members, kind, "jsonld"))
    return threads


def _texts(ix: _Index) -> list[str]:
    """The region's text nodes in page order (the order ``_Index.start`` counts them in)."""
    out: list[str] = []
    stack: list[int | str] = [0] if len(ix) else []
    while stack:
        k = stack.pop()
        if isinstance(k, str):
            out.append(k)
        else:
            stack.extend(reversed(ix.kids[k]))
    return out


def _find(ix: _Index, page: str, text: str, cursor: int) -> tuple[int, int]:
    """(index of the smallest element holding the start of ``text``, where to look next)."""
    full = _nospace(text)
    probe = full[:_PROBE]
    if len(probe) < _MIN_PROBE:
        return -1, cursor
    at = page.find(probe, cursor)
    if at < 0:
        at = page.find(probe)
        if at < 0:
            return -1, cursor
    n = len(full) if page.startswith(full, at) else len(probe)
    i = 0
    while True:  # descend into the child that holds the whole span
        nxt = next((k for k in ix.kids[i] if isinstance(k, int)
                    and ix.start[k] <= at and at + n <= ix.start[k] + ix.textlen[k]), None)
        if nxt is None:
            return i, at + n
        i = nxt


def _record(ix: _Index, i: int, every: list[int], own: int) -> int:
    """The largest ancestor of text element ``i`` that holds no other comment's text element
    (``every``: all of them, sorted; ``own``: how many comments share ``i``)."""
    r = i
    while True:
        p = ix.parent[r]
        if p < 0:
            return r
        inside = bisect_right(every, ix.end[p]) - bisect_left(every, p)
        if inside > own:
            return r
        r = p
