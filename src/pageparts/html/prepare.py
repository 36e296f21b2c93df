"""The markup fixes made before parsing: ``<noscript>`` removed, absurd nesting flattened.

``<noscript>``: the parser reads its content as markup (as a browser with scripts off would), so
a self-closed ``<iframe/>`` inside it turns the whole rest of the page into iframe text; browsers
with scripts on never show it, so it goes.

Nesting:

HTML5 tree building does work proportional to the depth of open elements for each tag, so a page
of 100,000 nested elements takes minutes to parse. Pages with fewer tags than the limit cannot be
that deep and cost one ``str.count``; the others get a vectorised bound (:mod:`._depth`), then,
only when that bound is over the limit, the exact scan; a page that really nests deeper than the
limit is rewritten, dropping the tags below the limit and keeping all text.
"""

from __future__ import annotations

import re

from ._depth import VOID_TAGS, depth_bound, max_depth

__all__ = ["flatten_deep_nesting", "prepare", "strip_noscript"]

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


_NOSCRIPT = re.compile(r"<noscript\b[^>]*>.*?</noscript\s*>", re.IGNORECASE | re.DOTALL)
#: The usual spellings, looked for in one pass over the page (not three ``in`` scans).
_NOSCRIPT_HINT = re.compile("<(?:noscript|NOSCRIPT|Noscript)")


def strip_noscript(html: str) -> str:
    """``html`` without its ``<noscript>`` elements (cheap when there are none)."""
    if _NOSCRIPT_HINT.search(html) is None:
        return html
    return _NOSCRIPT.sub("", html)


def prepare(html: str, max_nesting: int) -> str:
    """The markup as the parser should see it."""
    return flatten_deep_nesting(strip_noscript(html), max_nesting)
