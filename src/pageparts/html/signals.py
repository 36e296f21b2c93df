"""Page-level signals for the page-type model: what kind of page is this?"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from ..blocks import Metadata, RawBlock
from ._bounded import is_big
from ._tagcount import count_start_tags

__all__ = ["SIGNAL_NAMES", "page_signals"]

_PRICE = re.compile(r"(?:[$€£¥]\s?\d|\d[\d.,]*\s?(?:€|EUR|USD|\$|£))")
_URL_HINTS = {
    "u_forum": re.compile(
        r"forum|thread|topic|/t/|discussion|community|viewtopic|showthread|/questions?/"
    ),
    "u_product": re.compile(r"/product|/item|/p/|/dp/|shop|store|/buy"),
    "u_docs": re.compile(
        r"docs?[./]|/documentation|/manual|/reference|/api/|/guide|readthedocs|/wiki/"
    ),
    "u_listing": re.compile(r"/category|/categories|/tag/|/tags/|/search|/archive|/page/\d|/list"),
    "u_article": re.compile(r"/20\d\d/|/19\d\d/|/news/|/blog/|/article|/story|/posts?/"),
    "u_service": re.compile(r"/services?|/contact|/about|/pricing|/solutions|/company"),
}
_TYPE_HINTS = {
    "t_article": ("article", "newsarticle", "blogposting", "reportagenewsarticle", "techarticle"),
    "t_forum": ("discussionforumposting", "qapage", "question", "answer", "comment", "forum"),
    "t_product": ("product", "offer", "aggregateoffer", "aggregaterating", "productgroup"),
    "t_listing": ("itemlist", "collectionpage", "searchresultspage", "offercatalog"),
    "t_docs": ("techarticle", "apireference", "softwaresourcecode", "howto"),
    "t_service": ("service", "localbusiness", "organization", "professionalservice", "faqpage"),
}

#: Elements counted in the body: tag → signal name.
_COUNTED = {"form": "n_forms", "input": "n_inputs", "button": "n_buttons", "h1": "n_h1",
            "h2": "n_h2", "code": "n_code", "pre": "n_pre", "article": "n_article_tags",
            "time": "n_time_tags", "table": "n_tables"}
_COUNTED_SELECTOR = ", ".join(_COUNTED)

SIGNAL_NAMES = (
    "n_forms", "n_inputs", "n_buttons", "n_prices", "n_h1", "n_h2", "n_code", "n_pre",
    "n_article_tags", "n_time_tags", "n_tables",
    *_URL_HINTS.keys(), *_TYPE_HINTS.keys(),
)


def page_signals(
    tree: LexborHTMLParser, blocks: list[RawBlock], meta: Metadata
) -> dict[str, float]:
    """Counts and flags describing the whole page (cheap: one CSS select; on a very large page,
    :func:`._bounded.is_big`, the element counts are start tags counted in the markup)."""
    body = tree.body
    sig: dict[str, float] = dict.fromkeys(SIGNAL_NAMES, 0.0)
    if is_big(tree):
        for tag, n in count_start_tags(tree.raw_html, tuple(_COUNTED)).items():
            sig[_COUNTED[tag]] = float(n)
    elif body is not None:
        for node in body.css(_COUNTED_SELECTOR):  # one pass over the tree for all ten counts
            sig[_COUNTED[node.tag or ""]] += 1.0
    sig["n_prices"] = float(sum(1 for b in blocks if len(b.text) < 60 and _PRICE.search(b.text)))
    url = (meta.url or "").lower()
    for name, rx in _URL_HINTS.items():
        sig[name] = 1.0 if rx.search(url) else 0.0
    for name, types in _TYPE_HINTS.items():
        sig[name] = 1.0 if any(t in meta.types for t in types) else 0.0
    return sig
