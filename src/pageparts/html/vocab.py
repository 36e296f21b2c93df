"""Class/id vocabulary: which substrings of class, id, role and itemprop values mean what.

One compiled pattern finds every vocabulary hit in an attribute string in a single pass; the hits
become features (near the block and anywhere above it) and hints for furniture kinds.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["VOCAB", "hits", "trie_pattern"]

#: Stems looked for inside class/id/role/itemprop values (lower-cased). Order is irrelevant.
VOCAB = (
    # main content
    "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose",
    "single", "detail", "description", "richtext", "markdown", "page",
    # roles inside articles
    "title", "headline", "heading", "byline", "author", "date", "time", "caption", "credit",
    "figure", "image", "photo", "media", "video", "gallery", "summary", "lead", "intro", "quote",
    "table", "code", "highlight",
    # comments and discussion
    "comment", "reply", "replies", "respond", "discuss", "disqus", "thread", "forum", "message",
    "answer", "question", "review", "vcard", "avatar", "user", "profile", "kommentar",
    "leserbrief", "benutzer", "antwort",
    # furniture
    "nav", "menu", "breadcrumb", "header", "footer", "sidebar", "aside", "widget", "related",
    "recommend", "popular", "trending", "more", "share", "social", "facebook", "twitter",
    "print", "mail", "subscribe", "newsletter", "signup", "donat", "support", "fund", "paywall",
    "promo", "banner", "advert", "sponsor", "ad-", "ads", "cookie", "consent", "gdpr", "privacy",
    "legal", "copyright", "login", "account", "search", "tag", "categor", "meta", "pagination",
    "pager", "toolbar", "button", "btn", "hidden", "modal", "popup", "overlay", "teaser", "card",
    "list", "item", "grid", "tile", "product", "price", "cart", "rating", "toc", "skip", "logo",
    "brand", "masthead", "top", "bottom", "col", "row", "wrap", "container",
)

def trie_pattern(words: tuple[str, ...]) -> str:
    """One regex for a set of literals, factored by common prefixes (a plain alternation of a
    hundred literals makes the regex engine try each one at every position)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # longest match first: prefer continuing over stopping at a shorter stem
        return f"(?:{body})?" if ends else body

    return emit(trie)


_PATTERN = re.compile(trie_pattern(tuple(sorted(set(VOCAB)))))


@lru_cache(maxsize=1 << 16)
def hits(value: str) -> frozenset[str]:
    """The vocabulary stems found in an attribute value (pure; memoised on the value)."""
    return frozenset(_PATTERN.findall(value.lower()))
