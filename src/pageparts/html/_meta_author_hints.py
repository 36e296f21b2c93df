"""Author hints: a labelled meta pair (read with the meta tags), and, when no byline names
anyone, microdata names held in ``content``, app-state scripts, a forum thread's first poster,
and the owner a site's name states ("Ann Lee's blog")."""

from __future__ import annotations

import re

from ._meta_ld import _MAX_JSONLD
from ._meta_scan import _clean, _Scan
from ._meta_title import _TITLE_SEPS

# "twitter:label1" = "Written by", "twitter:data1" = "Ann Lee" (Yoast and similar plugins)
_WRITTEN_BY = frozenset(("written by", "author", "authors", "by", "verfasst von",
                         "geschrieben von", "autor", "auteur", "\u00e9crit par", "escrito por",
                         "scritto da", "geschreven door"))
_STATE_AUTHOR = re.compile(  # "pagePostAuthor":"Ann", "author":{"name":"Ann Lee"}
    r'"(?:pagePostAuthor|author|authorName|author_name)"\s*:\s*'
    r'(?:\[\s*)?(?:\{[^{}\[\]]{0,200}?"(?:name|displayName)"\s*:\s*)?"([^"\\{}<>]{2,60})"'
)
_MAX_STATE_KEYS = 50  # "...uthor" keys tried per script
_NOT_STATE_NAME = re.compile(r"^(?:https?:|/|\d+$|[\w-]*\d{3,})|[@=]", re.I)
# a person's name: two or three capitalised words ("Ann Lee", "Jo de Vries")
_NAME_WORD = r"[A-Z\u00c0-\u00de][\w'\u2019-]+"
_PERSON = re.compile(rf"{_NAME_WORD}(?:\s+(?:[a-z]{{1,3}}\s+)?{_NAME_WORD}){{1,2}}")
_NOT_PERSON = re.compile(r"(?:the|our|my|your|die|der|das|le|la|les)\s", re.I)  # "The Team's"
_OWNED = re.compile(r"(.+?)['\u2019]s\s+(?:blog|weblog|website|homepage|home page)$", re.I)
_POSTER_HREF = re.compile(r"viewprofile|/members?/|/users?/|/u/|/profile/", re.I)


def labelled_meta(s: _Scan) -> str | None:
    """The name a "Written by" label pair of ``twitter:labelN`` / ``twitter:dataN`` gives."""
    for i in range(1, 5):
        label = s.meta.get(f"twitter:label{i}")
        data = s.meta.get(f"twitter:data{i}")
        if label and data and label[0].lower().rstrip(": ") in _WRITTEN_BY:
            return data[0]
    return None


def _microdata_name(s: _Scan) -> str | None:
    """The first ``itemprop=author`` whose name is only a ``<meta itemprop=name content>``."""
    for prop, node in s.itemprops:
        if prop in ("author", "creator"):
            inner = node.css_first("meta[itemprop=name][content]")
            if inner is not None:
                return _clean(inner.attributes.get("content")) or None
            return None
    return None


def _state_author(s: _Scan) -> str | None:
    """An author named in an app-state or analytics script (``__NEXT_DATA__``, a data layer)."""
    for text in s.script_texts():
        if len(text) > _MAX_JSONLD:
            continue
        at = text.find("uthor")  # the pattern is tried only where a key may start: cheap
        for _ in range(_MAX_STATE_KEYS):
            if at < 0:
                break
            start = text.rfind('"', max(0, at - 12), at)
            m = _STATE_AUTHOR.match(text, start) if start >= 0 else None
            name = _clean(m[1]) if m else ""
            if name and not _NOT_STATE_NAME.search(name):
                return name
            at = text.find("uthor", at + 5)
    return None


def _first_poster(s: _Scan) -> str | None:
    """A forum thread's first poster: the first post's username linked to a profile."""
    for node in s.posters:
        href = node.attributes.get("href") or ""
        text = _clean(node.text(separator=" "))
        if 1 < len(text) <= 40 and (not href or _POSTER_HREF.search(href)):
            return text
    return None


def site_owner(s: _Scan, site: str | None) -> str | None:
    """The person a site names as its owner: "Ann Lee's blog" (its ``og:site_name``, a
    site-title ``<h1>``, or the site part of ``<title>``) is Ann Lee's."""
    names = [site or "", *s.site_h1]
    title = s.title or ""
    for sep in _TITLE_SEPS:
        if sep in title:
            parts = [p.strip() for p in title.split(sep)]
            names += [parts[-1], parts[0]]
    for name in names:
        owner = _OWNED.match(name)
        if owner and _PERSON.fullmatch(owner[1]) and not _NOT_PERSON.match(owner[1]):
            return owner[1]
    return None


def author_hints(s: _Scan) -> list[str]:
    """Author names from the hints above, most reliable first (raw, to be cleaned)."""
    hints = (_microdata_name(s), _first_poster(s), _state_author(s))
    return [h for h in hints if h]
