"""The markup fixes made before parsing: ``<noscript>`` resolved, absurd nesting flattened.

``<noscript>``: the parser reads its content as markup (as a browser with scripts off would), so
a self-closed ``<iframe/>`` inside it turns the whole rest of the page into iframe text. Most
``<noscript>`` elements hold a tracking pixel, styles or a "please enable JavaScript" line, and
go. Some hold the page itself: forum software that renders in the browser (Discourse, Flarum)
puts the posts there for crawlers, and some shops and blogs put a whole shelf or article there.
A ``<noscript>`` with at least :data:`NOSCRIPT_MIN_WORDS` words of text outside styles and
scripts, no ``<iframe`` and text not also shown outside it, is unwrapped: its content stays, its
tags go.

Nesting:

HTML5 tree building does work proportional to the depth of open elements for each tag, so a page
of 100,000 nested elements takes minutes to parse. Pages with fewer tags than the limit cannot be
that deep and cost one ``str.count``; the others get a vectorised bound (:mod:`._depth`), then,
only when that bound is over the limit, the exact scan; a page that really nests deeper than the
limit is rewritten, dropping the tags below the limit and keeping all text.
"""

from __future__ import annotations

import re
from itertools import islice

from ._depth import VOID_TAGS, depth_bound, max_depth

__all__ = ["NOSCRIPT_MIN_WORDS", "flatten_deep_nesting", "prepare", "resolve_noscript"]

_VOID = "|".join(VOID_TAGS)  # void, or often closed implicitly: never depth
_TAG = re.compile(rf"<(/?)(?!(?:{_VOID})[\s/>])([a-zA-Z][^\s/>]*)[^>]*>")


def flatten_deep_nesting(html: str, limit: int) -> str:
    """``html`` itself when it nests at most ``limit`` deep, else a copy without the deeper tags."""
    if html.count("<") <= limit or depth_bound(html) <= limit or max_depth(html) <= limit:
        return html
    depth = 0
    dropped = 0

    def keep_or_drop(m: re.Match[str]) -> str:
        nonlocal depth, dropped
        if m.group(1):  # an end tag
            if dropped:
                dropped -= 1
                return ""
            depth = depth - 1 if depth > 0 else 0
            return m.group(0)
        if m.group(0).endswith("/>"):
            return m.group(0)
        if depth >= limit:
            dropped += 1
            return ""
        depth += 1
        return m.group(0)

    return _TAG.sub(keep_or_drop, html)


#: Both tags, in one pass; an open tag pairs with the next close (noscripts do not nest).
_NOSCRIPT_TAG = re.compile(r"<(/?)noscript\b[^>]*>", re.IGNORECASE)
#: Any spelling, looked for in one pass over the page (as quick as a case-sensitive search).
_NOSCRIPT_HINT = re.compile("<(?i:noscript)")
_STYLE_SCRIPT = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
#: Tags, styles and scripts, and markup written as text (``&lt;img ...&gt;``: a noscript saved
#: by a browser that ran scripts), none of which a reader sees as words.
_NOT_SHOWN = re.compile(_STYLE_SCRIPT.pattern + r"|<[^>]*>|&lt;.*?&gt;", re.IGNORECASE | re.DOTALL)
_WORD = re.compile(r"\w+")
_IFRAME = re.compile(r"<iframe\b", re.IGNORECASE)
_PROBE_CHARS = 40
#: Each kept ``<noscript>`` costs a search of the page; past this many, the rest go.
_MAX_KEPT = 16

#: Words of shown text that make a ``<noscript>`` part of the page rather than a fallback notice.
NOSCRIPT_MIN_WORDS = 50


def _longest_text(inner: str) -> str:
    """The longest run of text between two tags, as written in the markup."""
    shown = _STYLE_SCRIPT.sub("", inner)
    return max((run.split("<", 1)[0].strip() for run in shown.split(">")), key=len, default="")


def _is_page_text(inner: str, html: str) -> bool:
    if _IFRAME.search(inner) is not None:
        return False
    words = _WORD.finditer(_NOT_SHOWN.sub(" ", inner))
    if sum(1 for _ in islice(words, NOSCRIPT_MIN_WORDS)) < NOSCRIPT_MIN_WORDS:
        return False
    # a page that renders the same text outside the <noscript> too shows it once
    probe = _longest_text(inner)
    if len(probe) < _PROBE_CHARS:
        return True
    shown_as_text = re.finditer(r">\s*" + re.escape(probe), html)
    return not (next(shown_as_text, None) and next(shown_as_text, None))


def resolve_noscript(html: str) -> str:
    """``html`` with each ``<noscript>`` unwrapped when it holds page text, else removed (cheap
    when there are none; linear in the page however its tags are paired)."""
    if _NOSCRIPT_HINT.search(html) is None:
        return html
    out: list[str] = []
    pos, start, kept = 0, -1, 0
    for m in _NOSCRIPT_TAG.finditer(html):
        if not m.group(1):
            if start < 0:
                start, inner_start = m.start(), m.end()
            continue
        if start < 0:
            continue
        inner = html[inner_start:m.start()]
        out.append(html[pos:start])
        if kept < _MAX_KEPT and _is_page_text(inner, html):
            out.append(inner)
            kept += 1
        pos, start = m.end(), -1
    out.append(html[pos:])
    return "".join(out)


def prepare(html: str, max_nesting: int) -> str:
    """The markup as the parser should see it."""
    return flatten_deep_nesting(resolve_noscript(html), max_nesting)
