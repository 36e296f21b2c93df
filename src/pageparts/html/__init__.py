"""The HTML path: decoded page → parsed tree → metadata, blocks and comment threads."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from .._options import Options
from ..blocks import Page, ParsedPage, RawBlock
from ..urlshape import url_shape
from .comments import Thread, find_threads
from .metadata import read_metadata
from .prepare import prepare
from .segment import segment
from .signals import page_signals

__all__ = ["read_html"]


def _mark_threads(blocks: list[RawBlock], spans: dict[int, tuple[int, int]],
                  threads: list[Thread]) -> tuple[list[object], list[object]]:
    """Tag the blocks inside each thread (``extra["comment"]`` = thread kind) and return the
    threads' top-level comments, in page order, and those of them that are opening posts."""
    comments: list[object] = []
    openings: list[object] = []
    for thread in threads:
        # by the records, not the root: the root is only their common ancestor and can be the
        # page's whole main column
        for k, m in enumerate(thread.members):
            if m.record_id not in spans:
                continue
            start, end = spans[m.record_id]
            # an opening post is marked as a post: content of a discussion, and not a comment
            # of an article either
            kind = "posts" if k == 0 and thread.opening else thread.kind
            for b in blocks[start:end]:
                b.extra["comment"] = kind
        comments.extend(thread.comments)
        if thread.opening and thread.comments:
            openings.append(thread.comments[0])
    return comments, openings


#: Vocabulary that a page with a comment thread or forum posts almost always carries somewhere.
_THREAD_HINTS = frozenset({"comment", "reply", "replies", "respond", "discuss", "disqus",
                           "thread", "forum", "message", "answer", "vcard", "avatar", "review",
                           "user", "profile", "kommentar", "leserbrief", "benutzer"})
_THREAD_TYPES = frozenset({"comment", "discussionforumposting", "qapage", "question", "answer",
                           "socialmediaposting", "review", "usercomments"})


def _may_have_threads(blocks: list[RawBlock], types: frozenset[str]) -> bool:
    """A cheap look before the thread finder's full walk (which costs as much as segmenting)."""
    if types & _THREAD_TYPES:
        return True
    return any(not _THREAD_HINTS.isdisjoint(b.tokens) for b in blocks)


def read_html(page: Page, options: Options) -> ParsedPage:
    """Parse and segment an HTML page."""
    tree = LexborHTMLParser(prepare(page.content, options.max_nesting))
    meta = read_metadata(tree, page.url)
    blocks, spans, truncated = segment(tree, options)
    signals = {**page_signals(tree, blocks, meta), **url_shape(meta.url)}
    parsed = ParsedPage(page=page, blocks=blocks, meta=meta, signals=signals, spans=spans)
    if truncated:
        parsed.note = (f"the page was cut short after {options.max_blocks} blocks "
                       "(Options.max_blocks); the rest was not read")
    if options.comments and blocks and _may_have_threads(blocks, meta.types):
        parsed.comments, parsed.opening_posts = _mark_threads(blocks, spans, find_threads(tree))
    return parsed
