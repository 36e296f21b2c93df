"""Reader comments and forum posts as threads, found in the parsed HTML tree.

Two detectors, tried in this order:

* **markup**: elements whose class/id/itemprop/itemtype tokens name a comment or post record
  (WordPress ``li.comment``, Drupal ``article.comment``, Disqus ``li.post``, phpBB ``div.post``,
  Discourse ``topic-post``, schema.org ``Comment``/``DiscussionForumPosting`` ...), found first by a
  C-level CSS search, so a page without them costs no Python walk;
* **generic**: runs of two or more sibling elements with the same tag and class signature, each
  holding a short author line, a date and some text, whatever their class names; only on pages
  that show comment-like timestamps (cheap anchored regex gates on the page text), and only in
  the regions where two consecutive dates sit in look-alike sibling elements.

Replies nest as records nest on the page, by reply containers beside their parent, or by
indentation classes (``depth-2``, ``level-3``) and ``margin-left`` styles when the page lays them
out flat. The index walk is lexbor's own pre-order traversal, bounded by :data:`MAX_ELEMENTS` and
:data:`MAX_DEPTH`, so hostile nesting cannot recurse or hang.

Integration: a :class:`Thread` names its root element and, per comment, its record, body and
author elements by ``mem_id``; a block whose element or ancestors include a ``record_id`` belongs
to that comment (the innermost such record); ``root_id`` is the records' lowest common ancestor
and can be much larger than the thread.

Modules: ``_comment_vocab`` (class/id vocabularies, text patterns), ``_comment_dates`` (date
patterns, :func:`parse_date`, the page-text gates), ``_comment_index`` (the bounded index),
``_comment_markup`` (markup-named records), ``_comment_parts`` / ``_comment_author`` /
``_comment_record`` (reading one record), ``_comment_jsonld`` (schema.org JSON-LD),
``_comment_generic`` (unknown markup),
``_comment_threads`` (depth, grouping, :class:`Thread`). This module is the entry point.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ._comment_dates import _DATE_SCAN, _date_spans, parse_date
from ._comment_generic import _dated_regions, _gate_text, _generic_records, _page_offsets
from ._comment_index import MAX_DEPTH, MAX_ELEMENTS, _Index
from ._comment_jsonld import jsonld_threads
from ._comment_markup import _candidate_region, _markup_records
from ._comment_threads import Member, Thread, _build

__all__ = ["MAX_DEPTH", "MAX_ELEMENTS", "Member", "Thread", "find_threads", "parse_date"]


def find_threads(tree: LexborHTMLParser) -> list[Thread]:
    """Every comment thread (or discussion's posts) on the page, in page order."""
    body = tree.body
    if body is None:
        return []
    region = _candidate_region(body)
    ix: _Index | None = None
    if region is not None:
        ix = _Index(region)
        threads = _build(ix, _markup_records(ix), "markup")
        if threads:
            return threads
    threads = jsonld_threads(tree, body)
    if threads:
        return threads
    # unknown markup: only pages that show comment-like timestamps can hold a thread
    text, starts = _gate_text(body)
    spans = _date_spans(text, max(0, len(text) - _DATE_SCAN))
    if spans is None:
        return []
    threads = []
    for top in _dated_regions(body, _page_offsets(spans, starts)):
        ix = _Index(top)
        threads.extend(_build(ix, _generic_records(ix), "generic"))
    return threads
