"""Furniture kinds: what a non-content block is for (share bar, navigation, donation appeal...).

From the words of the block (any input kind); in HTML, the class/id vocabulary around it (near
tokens, of the block's own element and its parents, outweigh far ones); in text, the layout hint
the text segmenter leaves in ``extra["kind_hint"]`` (a run of short lines above the headline is
navigation, lines under a "Related" header are related links, the last short lines are footer).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .blocks import RawBlock
from .html.vocab import trie_pattern

__all__ = ["furniture_kind", "is_date_only", "text_kind"]

#: Vocabulary stems → kind, most specific first.
_TOKEN_KINDS: tuple[tuple[str, str], ...] = (
    ("cookie", "cookie"), ("consent", "cookie"), ("gdpr", "cookie"),
    ("breadcrumb", "breadcrumb"),
    ("share", "share"), ("social", "share"), ("facebook", "share"), ("twitter", "share"),
    ("print", "share"), ("mail", "share"),
    ("donat", "funding"), ("fund", "funding"), ("paywall", "subscribe"),
    ("subscribe", "subscribe"), ("newsletter", "subscribe"), ("signup", "subscribe"),
    ("advert", "advertising"), ("sponsor", "advertising"), ("ad-", "advertising"),
    ("ads", "advertising"), ("promo", "advertising"), ("banner", "advertising"),
    ("related", "related"), ("recommend", "related"), ("popular", "related"),
    ("trending", "related"), ("teaser", "related"),
    ("login", "login"), ("account", "login"), ("search", "search"),
    ("pagination", "navigation"), ("pager", "navigation"), ("toc", "navigation"),
    ("nav", "navigation"), ("menu", "navigation"), ("skip", "navigation"),
    ("legal", "legal"), ("privacy", "legal"), ("copyright", "legal"),
    ("footer", "footer"), ("tag", "metadata"), ("categor", "metadata"), ("byline", "metadata"),
    ("author", "metadata"), ("date", "metadata"), ("meta", "metadata"),
    ("header", "navigation"), ("masthead", "navigation"), ("sidebar", "related"),
    ("widget", "related"),
)

_TEXT_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bcookies?\b|\bconsent\b|datenschutzeinstellungen", re.I), "cookie"),
    (re.compile(r"^(?:share|teilen|partager|compartir|tweet|pin it|email|print|whatsapp|"
                r"facebook|twitter|linkedin|reddit|share this|share on \w+)\b[\w\s:]{0,30}$",
                re.I), "share"),
    (re.compile(r"\b(?:donat\w*|spenden?|support us|help us|helping us|become a patron|"
                r"patreon|chip in|contribute)\b", re.I), "call-to-action"),
    (re.compile(r"\b(?:subscribe|newsletter|sign up|abonnieren|inscrivez)\b", re.I),
     "subscribe"),
    (re.compile(r"©|\ball rights reserved\b|\balle rechte\b|\bimpressum\b|\bprivacy policy\b|"
                r"\bterms of (?:use|service)\b|\bdatenschutz\b", re.I), "legal"),
    (re.compile(r"^\s*(?:advertisement|anzeige|sponsored|werbung)\s*$", re.I), "advertising"),
    (re.compile(r"^(?:log ?in|sign in|anmelden|register|my account)\b", re.I), "login"),
    (re.compile(r"^(?:related|read more|more from|you may also like|recommended|"
                r"mehr zum thema|weitere artikel|lesen sie auch)\b", re.I), "related"),
    (re.compile(r"^(?:search|suche)\b", re.I), "search"),
    (re.compile(r"^(?:skip to (?:main )?(?:content|navigation|main)|skip navigation|"
                r"jump to (?:navigation|content)|menu|main menu|navigation|toggle navigation|"
                r"back to top|next page|previous page|older posts|newer posts)\W*$", re.I),
     "navigation"),
    (re.compile(r"^(?:most (?:read|popular|viewed|shared)|top stories|trending(?: now)?|"
                r"also read|see more|more stories|more news|latest (?:news|stories|posts))\W*$",
                re.I), "related"),
)
#: The lead-in of a box of links to other articles, in the languages of the packs and their
#: neighbours: "Read also", "Lesen Sie auch", "À lire aussi"... The whole short line must be one
#: (a heading "More about the fire" is content; "More on this topic" is not).
_RELATED_LEAD = re.compile(
    r"(?:"
    # English
    r"related(?: articles?| posts?| stories| content| reading| links| news| coverage)?"
    r"|(?:also )?read (?:also|more|next)|also read|see also|further reading|keep reading"
    r"|more (?:on|about) (?:this|the) (?:topic|subject|story)|more stories|more news"
    r"|recommended(?: for you| reading| articles| stories)?"
    r"|you (?:may|might) also (?:like|enjoy|be interested(?: in)?)|don'?t miss"
    # German
    r"|(?:lesen sie|lies) (?:auch|mehr|weiter)(?: die folgenden beiträge)?|auch lesen"
    r"|mehr zum thema|zum weiterlesen|weiterlesen|schon gelesen|auch interessant"
    r"|(?:weitere|verwandte|ähnliche|empfohlene|passende) (?:artikel|beiträge|themen|nachrichten)"
    r"|neueste (?:artikel|beiträge)|meistgelesen\w*|passend zum thema"
    r"|das könnte (?:sie|dich) (?:auch )?interessieren"
    # French, Spanish, Italian, Portuguese
    r"|(?:à )?lire (?:aussi|également)|sur le même sujet|voir aussi|articles? similaires"
    r"|(?:lee|lea|leer) también|(?:también )?te puede interesar|puedes ver"
    r"|(?:noticias|artículos) relacionad[oa]s|leggi anche|articoli correlati"
    r"|potrebbe interessarti|(?:leia|veja) também|notícias relacionadas"
    # Polish, Dutch
    r"|czytaj (?:też|także|więcej)|zobacz (?:też|także)|lees ook|gerelateerde artikelen"
    r")\W*",
    re.I,
)


def is_related_lead(text: str) -> bool:
    """Whether a short line is only the lead-in of a box of links to other articles."""
    text = text.strip()
    return len(text) <= 60 and _RELATED_LEAD.fullmatch(text) is not None


#: Words of footer links; weaker than markup and layout (a top menu has "About" too).
_FOOTER_WORDS = re.compile(r"^(?:about(?: us)?|contact(?: us)?|imprint|sitemap|careers|jobs|"
                           r"faq|help|accessibility|press|advertise(?: with us)?)\W*$", re.I)
#: A line that is only a date (and perhaps a time): page metadata.
_DATE_ONLY = re.compile(
    r"^(?:(?:published|updated|posted|on)\s*:?\s*)?(?:\w+,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+[a-zäé]{3,9}\.?,?\s+\d{4}|[a-zäé]{3,9}\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?)?\s*$",
    re.I,
)
_DIGIT = re.compile(r"\d")  # every _DATE_ONLY match holds one
_DATE_ONLY_CHARS = 60
_MONEY = re.compile(r"^[\s$€£]*\d[\d,. ]*\s*[$€£]\s*$|^\s*[$€£]\s?\d[\d,. ]*\s*$")


# Cheap first looks (text_kind runs on every furniture block): the rules anchored at the start
# in one pattern tried at position 0 only, and the words the other rules need as substrings.
_ANCHORED = re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in _TEXT_KINDS
                                if rx.pattern.startswith("^")), re.I)
_FLOATING_WORDS = ("cookie", "consent", "datenschutz", "donat", "spende", "support us",
                   "help us", "helping us", "become a patron", "patreon", "chip in", "contribute",
                   "subscribe", "newsletter", "sign up", "abonnieren", "inscrivez", "©",
                   "all rights reserved", "alle rechte", "impressum", "privacy policy", "terms of")
#: Any of them, as one search (factored by prefix: twice as fast as testing each word).
_FLOATING = re.compile(trie_pattern(tuple(sorted(set(_FLOATING_WORDS)))))


def _text_kind(text: str) -> str | None:
    text = text.strip()
    if _MONEY.match(text):
        return "funding-progress"
    head = text[:300]
    low = head.lower()
    if not (_ANCHORED.match(head) or _FLOATING.search(low)):
        return "metadata" if _short_date(text) else None
    for rx, kind in _TEXT_KINDS:
        if rx.search(head):
            return kind
    if _short_date(text):
        return "metadata"
    return None


def _is_date(text: str) -> bool:
    return _DIGIT.search(text) is not None and _DATE_ONLY.match(text) is not None


def _short_date(text: str) -> bool:
    return len(text) <= _DATE_ONLY_CHARS and _is_date(text)


def is_date_only(text: str) -> bool:
    """Whether a short line is only a date ("3 March 2026", "Updated: 2024-05-01 10:00"): page
    metadata."""
    return _short_date(text.strip())


#: Most blocks are short lines, and the text segmenter's layout rules and assembly ask about the
#: same line (sites repeat theirs from page to page): the kind of a short text is memoised. It is
#: a pure function of the text; the memo holds at most 4,096 texts of 200 characters.
_CACHED_CHARS = 200
_short_kind = lru_cache(maxsize=1 << 12)(_text_kind)


def text_kind(text: str) -> str | None:
    """The furniture kind a block's words alone show, or None."""
    return _short_kind(text) if len(text) <= _CACHED_CHARS else _text_kind(text)


@lru_cache(maxsize=1 << 12)
def _stem_kind(tokens: frozenset[str]) -> str | None:
    """The kind of the first of :data:`_TOKEN_KINDS` among ``tokens`` (pure; memoised: blocks of
    one region share their token sets)."""
    for stem, kind in _TOKEN_KINDS:
        if stem in tokens:
            return kind
    return None


def furniture_kind(block: RawBlock, *, title_words: str = "") -> str:
    """The kind of a block already judged to be furniture."""
    text = block.text.strip()
    by_words = text_kind(text)
    if by_words is not None:
        return by_words
    for tokens in (block.own_tokens, block.tokens):
        if tokens and (kind := _stem_kind(tokens)) is not None:
            return kind
    if "@nav" in block.tokens:
        return "navigation"
    if "@footer" in block.tokens:
        return "footer"
    if "@header" in block.tokens:
        return "navigation"
    if "@aside" in block.tokens:
        return "related"
    if block.link_chars >= 0.6 * max(len(text), 1):
        return "navigation"
    hint = block.extra.get("kind_hint")  # from the text segmenter's layout (pageparts.text)
    if isinstance(hint, str):
        return hint
    if _FOOTER_WORDS.match(text):
        return "footer"
    return "other"
