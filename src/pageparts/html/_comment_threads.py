"""Records grouped into threads: reply depth, grouping, and the result types."""

from __future__ import annotations

from dataclasses import dataclass

from .._document import Comment
from ._comment_index import _classes, _Index, _lca, _link_share, _near, _signature, _teaser
from ._comment_markup import _has_record_id
from ._comment_record import _Parts, _read_record
from ._comment_vocab import _DEPTH_TOKEN, _MARGIN, _NEST_TOKENS, _SUB_TOKEN


@dataclass(frozen=True, slots=True)
class Member:
    """Where one comment sits in the tree (``mem_id`` of its elements) and its reply depth."""

    record_id: int  # the comment's whole record (author line, text, buttons, and its replies)
    body_id: int | None  # the element holding its text, when one was told apart
    author_id: int | None  # the element its author was read from
    depth: int


@dataclass(frozen=True, slots=True)
class Thread:
    """One comment thread (or the posts of a discussion page) found on the page.

    ``members`` are in page order, aligned with ``Comment.walk`` over ``comments``.
    ``kind`` is "comments" (reader comments under a page) or "posts" (forum/Q&A posts).
    ``detector`` is "markup", "jsonld" (schema.org structured data; a comment not shown on the
    page has ``record_id`` -1) or "generic".
    """

    root_id: int
    comments: tuple[Comment, ...]
    members: tuple[Member, ...]
    kind: str
    detector: str
    # the first member is a lone post set apart before the comments that follow it (a forum's
    # opening post, or the article itself): its text is the page's, not a reader's comment
    opening: bool = False

    def record_ids(self) -> frozenset[int]:
        return frozenset(m.record_id for m in self.members)


def _depths(ix: _Index, recs: list[int], rset: set[int]) -> dict[int, int]:
    """Reply depth: nesting of records, else indentation classes or margin-left styles."""
    depth: dict[int, int] = {}
    for r in recs:
        d = 0
        for a in ix.ancestors(r):
            if a in rset:
                d += depth.get(a, 0) + 1
                break
            if any(t in _NEST_TOKENS for t in _classes(ix.tok[a])):
                d += 1  # replies in a container beside their parent (Drupal's div.indented)
        depth[r] = d
    if any(depth.values()):
        return depth
    # flat layout: indentation classes, then inline margins
    levels: dict[int, int] = {}
    for r in recs:
        for t in _classes(ix.tok[r]):
            m = _DEPTH_TOKEN.search(t)
            if m:
                levels[r] = int(m.group(1))
                break
    if len(levels) == len(recs) and len(set(levels.values())) > 1:
        low = min(levels.values())
        return {r: min(levels[r] - low, 50) for r in recs}
    subs = {r for r in recs if any(_SUB_TOKEN.search(t) for t in _classes(ix.tok[r]))}
    if subs and len(subs) < len(recs):
        return {r: int(r in subs) for r in recs}
    margins: dict[int, int] = {}
    for r in recs:
        style = ix.nodes[r].attributes.get("style") or ""
        m = _MARGIN.search(style)
        margins[r] = int(m.group(1)) if m else 0
    steps = sorted(set(margins.values()))
    if len(steps) > 1:
        return {r: steps.index(margins[r]) for r in recs}
    return depth


def _build(ix: _Index, found: dict[int, str], detector: str) -> list[Thread]:
    recs = sorted(found)
    if not recs:
        return []
    rset = set(recs)
    parts = {r: _read_record(ix, r, rset) for r in recs}
    # drop empty shells (templates, forms): no author and no text and no nested record
    keep = [r for r in recs if parts[r].author or parts[r].text]
    rset = set(keep)
    depth = _depths(ix, keep, rset)
    # group top-level records into threads: consecutive, same signature, close in the tree
    groups: list[list[int]] = []
    last_top: int | None = None
    for r in keep:
        if depth[r] == 0 or last_top is None:
            if last_top is not None and _same_group(ix, last_top, r):
                groups[-1].append(r)
            else:
                groups.append([r])
            last_top = r
        else:
            groups[-1].append(r)
    # a lone first post in its own container (forums put the opening post apart) joins the
    # posts that follow it
    merged: list[list[int]] = []
    opening: set[int] = set()  # merged groups whose first post stands before comments
    for g in groups:
        if merged and len(merged[-1]) == 1 and found[merged[-1][0]] == "post" \
                and _near(ix, merged[-1][0], g[0], 6):
            if sum(found[r] == "post" for r in g) <= 0.5 * len(g):
                opening.add(len(merged) - 1)
            merged[-1].extend(g)
        else:
            merged.append(g)
    threads: list[Thread] = []
    for k, g in enumerate(merged):
        t = _thread(ix, g, found, parts, depth=depth, detector=detector,
                    opening=k in opening or _encloses_comments(ix, g, found))
        if t is not None:
            threads.append(t)
    return threads


def _encloses_comments(ix: _Index, g: list[int], found: dict[int, str]) -> bool:
    """Whether the group is one post holding reader comments inside it: a blog's article
    element around its comment section, read as a post with the comments as its replies."""
    first, rest = g[0], g[1:]
    return (len(rest) >= 1 and found[first] == "post"
            and all(ix.contains(first, r) for r in rest)
            and sum(found[r] == "comment" for r in rest) > 0.5 * len(rest))


def _same_group(ix: _Index, a: int, b: int) -> bool:
    return _signature(ix, a)[0] == _signature(ix, b)[0] and _near(ix, a, b, 4)


def _thread(ix: _Index, g: list[int], found: dict[int, str], parts: dict[int, _Parts], *,
            depth: dict[int, int], detector: str, opening: bool = False) -> Thread | None:
    kinds = [found[r] for r in g]
    kind = "comments" if kinds.count("comment") >= kinds.count("post") else "posts"
    with_author = sum(1 for r in g if parts[r].author)
    strong = any(found[r] == "comment" and (_has_record_id(ix, r) or parts[r].date_text)
                 for r in g) or any(
        t.startswith(("itemtype:", "itemprop:")) for r in g for t in ix.tok[r])
    if detector == "markup":
        if len(g) == 1 and not strong:
            return None
        if with_author < 0.5 * len(g):
            return None
        if kind == "posts" and len(g) < 2 and not strong:
            return None
        if sum(1 for r in g if _link_share(ix, r) > 0.8) >= 0.5 * len(g):
            return None  # "latest comments" widgets: each record is a link to elsewhere
        if kind == "posts" and (sum(1 for r in g if parts[r].date_text) < 0.5 * len(g)
                                or sum(1 for r in g if _teaser(ix, r)) >= 0.5 * len(g)):
            return None  # FAQ accordions and teaser lists: no dates, or headline links
    if detector == "generic" and sum(1 for r in g if len(parts[r].text) >= 10) < 0.5 * len(g):
        return None  # dated links in a table or list, not comments
    tops = [r for r in g if depth[r] == 0] or g[:1]
    root = tops[0]
    for r in tops[1:]:
        root = _lca(ix, root, r)
    if root == tops[0] and ix.parent[root] >= 0:
        root = ix.parent[root]
    # members in page order with a depth relative to the thread (a reply's depth is at most
    # one more than the comment before it)
    members: list[Member] = []
    levels: list[int] = []
    for r in g:
        d = min(depth[r], levels[-1] + 1) if levels else 0
        levels.append(d)
        p = parts[r]
        members.append(Member(ix.nodes[r].mem_id,
                              ix.nodes[p.body_el].mem_id if p.body_el is not None else None,
                              ix.nodes[p.author_el].mem_id if p.author_el is not None else None,
                              d))
    comments = _nest([(levels[k], _comment(parts[r])) for k, r in enumerate(g)])
    return Thread(ix.nodes[root].mem_id, comments, tuple(members), kind, detector, opening)


def _comment(p: _Parts) -> Comment:
    return Comment(p.author, p.text, p.date, p.date_text)


def _nest(flat: list[tuple[int, Comment]]) -> tuple[Comment, ...]:
    """Nest (depth, comment) pairs in page order into reply trees, without recursion."""
    # children lists per open level; a level closes when a shallower comment arrives
    top: list[Comment] = []
    open_: list[tuple[Comment, list[Comment]]] = []  # the open path: (comment, its replies)

    def close_to(d: int) -> None:
        while len(open_) > d:
            c, replies = open_.pop()
            done = Comment(c.author, c.text, c.date, c.date_text, tuple(replies))
            (open_[-1][1] if open_ else top).append(done)

    for d, c in flat:
        close_to(d)
        open_.append((c, []))
    close_to(0)
    return tuple(top)
