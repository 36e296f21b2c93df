"""Page-level signals for the page-type model: what kind of page is this?"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

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

#: Single schema.org / og:type values that lean one way or another (a person's name, a site
#: rather than a story, a breadcrumb trail, a list of questions and answers).
_TYPE_FLAGS = {"t_website": "website", "t_webpage": "webpage", "t_person": "person",
               "t_breadcrumb": "breadcrumblist", "t_faq": "faqpage", "t_image": "imageobject",
               "t_offer": "offer", "t_rating": "aggregaterating"}

#: Elements counted in the body: tag → signal name.
_COUNTED = {"form": "n_forms", "input": "n_inputs", "button": "n_buttons", "h1": "n_h1",
            "h2": "n_h2", "code": "n_code", "pre": "n_pre", "article": "n_article_tags",
            "time": "n_time_tags", "table": "n_tables"}
_COUNTED_SELECTOR = ", ".join(_COUNTED)

#: Short blocks (buttons, links, labels) that say what the page is for: block regex → signal.
_SHORT = 48
_CUES = {
    "n_cart": re.compile(
        r"\b(?:add to (?:cart|bag|basket|trolley)|buy (?:it )?now|in stock|out of stock|"
        r"sold out|add to wish ?list|quantity|qty|in den warenkorb|warenkorb|sku)\b"),
    "n_cta": re.compile(
        r"\b(?:contact us|get (?:a|your) (?:free )?(?:quote|estimate|demo)|request (?:a )?"
        r"(?:demo|quote|consultation|call)|book (?:a|an|now|your)|schedule (?:a|an|your)|"
        r"get started|free (?:consultation|trial|estimate)|call (?:us|now|today)|"
        r"talk to (?:us|an?|our)|apply now|enrol+ now|sign up|start (?:your )?free|"
        r"learn more|kontakt|anfrage)\b"),
    "n_more": re.compile(
        r"\b(?:read more|continue reading|view all|see all|show more|load more|more stories|"
        r"view more|see more|weiterlesen|mehr lesen|mehr erfahren)\b"),
    "n_pager": re.compile(
        r"^(?:\d{1,3}(?:\s+\d{1,3}){2,}|(?:next|previous|prev|older|newer)(?: (?:page|posts|"
        r"entries|articles))?|page \d+ of \d+|\d+ - \d+ of \d+|\u00ab|\u00bb|›|‹)\W*$"),
    "n_docs": re.compile(
        r"\b(?:on this page|in this (?:article|section|page)|edit (?:this page|on github)|"
        r"table of contents|contents|was this (?:page|article) helpful|api reference|"
        r"next steps|see also|prerequisites|syntax|parameters|returns|example|"
        r"auf dieser seite|inhaltsverzeichnis)\b"),
    "n_post_meta": re.compile(
        r"\b(?:reply|replies|quote|posts?:|joined|registered|member since|report|"
        r"permalink|likes?|upvotes?|views|antworten|beiträge)\b"),
}
_SEP = "\x00"
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
_WE = frozenset(("we", "our", "us", "we're", "we've", "ours", "we’re", "we’ve"))
_HEADINGS = frozenset(("h2", "h3", "h4"))

SIGNAL_NAMES = (
    "n_forms", "n_inputs", "n_buttons", "n_prices", "n_h1", "n_h2", "n_code", "n_pre",
    "n_article_tags", "n_time_tags", "n_tables",
    *_URL_HINTS.keys(), *_TYPE_HINTS.keys(),
    # added for issue 2 (page-type accuracy)
    "m_author", "m_date", *_TYPE_FLAGS, *(f"{k}_log" for k in _CUES), "n_phone_log",
    "we_ratio", "linked_headings_log", "linked_heading_share", "link_text_share",
    "repeat_max_log", "repeat_groups_log", "repeat_share", "nested_links_log", "list_depth",
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
    sig["m_author"] = 1.0 if meta.author else 0.0
    sig["m_date"] = 1.0 if meta.date is not None else 0.0
    for name, t in _TYPE_FLAGS.items():
        sig[name] = 1.0 if t in meta.types else 0.0
    sig.update(block_cues(blocks))
    return sig


def _short_cues(texts: list[str]) -> dict[str, int]:
    """How many of the short texts match each cue pattern (and ``n_phone``, the phone
    pattern): one scan of the texts joined by NUL per pattern, which none can match across
    (the pager pattern, anchored at both ends, is tried text by text)."""
    found = dict.fromkeys((*_CUES, "n_phone"), 0)
    if not texts:
        return found
    lows = [t.lower() for t in texts]
    joined_low = _SEP.join(lows)
    starts = list(accumulate((len(t) + 1 for t in lows[:-1]), initial=0))
    for name, rx in _CUES.items():
        if name == "n_pager":
            found[name] = sum(1 for t in lows if rx.search(t))
        else:
            found[name] = len({bisect_right(starts, m.start()) for m in rx.finditer(joined_low)})
    raw_starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    found["n_phone"] = len({bisect_right(raw_starts, m.start())
                            for m in _PHONE.finditer(_SEP.join(texts))})
    return found


def block_cues(blocks: list[RawBlock]) -> dict[str, float]:
    """What the blocks' text and shape say about the page: buttons and short labels (cart,
    call to action, "read more", pagers, post meta, phone numbers), first person plural in the
    longer blocks (words split at white space: cheap, and punctuation only lowers it), headings
    that are links (a list of stories), text inside links, and blocks repeated in one mould
    (same tag and class tokens: cards, results, posts), and nested lists of links (the side
    navigation of documentation)."""
    we = words = heads = linked = link_chars = chars = nested = depth = 0
    moulds: Counter[tuple[str, frozenset[str]]] = Counter()
    short = [b.text for b in blocks if len(b.text) <= _SHORT]
    cues = _short_cues(short)
    for b in blocks:
        text = b.text
        n = len(text)
        chars += n
        link_chars += b.link_chars
        if n > _SHORT:
            tokens = text.lower().split()
            words += len(tokens)
            we += sum(map(_WE.__contains__, tokens))
        if b.tag in _HEADINGS:
            heads += 1
            linked += 1 if n and b.link_chars >= 0.6 * n else 0
        if b.tag == "li" and b.depth >= 1:
            depth = max(depth, b.depth)
            nested += 1 if n and b.link_chars >= 0.8 * n else 0
        if b.own_tokens:
            moulds[b.tag, b.own_tokens] += 1
    repeated = [c for c in moulds.values() if c >= 4]
    out = {f"{k}_log": math.log1p(cues[k]) for k in _CUES}
    out.update({
        "n_phone_log": math.log1p(cues["n_phone"]),
        "we_ratio": we / words if words else 0.0,
        "linked_headings_log": math.log1p(linked),
        "linked_heading_share": linked / heads if heads else 0.0,
        "link_text_share": link_chars / chars if chars else 0.0,
        "repeat_max_log": math.log1p(max(moulds.values(), default=0)),
        "repeat_groups_log": math.log1p(len(repeated)),
        "repeat_share": sum(repeated) / len(blocks) if blocks else 0.0,
        "nested_links_log": math.log1p(nested),
        "list_depth": float(min(depth, 6)),
    })
    return out
