"""The page's title: meta titles without the site's name, weighed against its ``<h1>``s."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ._meta_dates import _TEXT_DATE
from ._meta_ld import _LD, _ld_resolve, _ld_text
from ._meta_scan import _GENERIC_HEADINGS, _TITLE_META, _key, _Scan, _text

_MIN_OVERLAP = 0.15  # word Jaccard above which an <h1> is taken over differing meta titles
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?\s+(?=\w)")  # "3.1 Git Branching" in a manual
_DATE_LEAD = re.compile(r"^\s*(?:[-|:/\u2013\u2014\u00b7]\s*)?")  # after a leading date
# " - Forum", " (example.com)", " \u2022 Section": a heading's tail that is not its headline
_FURNITURE_TAIL = re.compile(r"\s*(?:[|(\[\u00b7\u2022\u00bb\u203a]|[-\u2013\u2014/]\s)")
_BARE = re.compile(r"[\s|:/\u00b7\u2013\u2014-]+")  # spacing and separators
_TITLE_SEPS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ", " // ", " \u00bb ",
               " \u00ab ", " : ", " ~ ", " / ", " \u2022 ", "|")  # "|" unspaced: last
# a site name may be its host plus one of these: "Raspberry Pi Forums" on raspberrypi.com
_ARCHIVED = re.compile(r"https?://web\.archive\.org/web/\d{4,14}[a-z_]*/(https?://.+)", re.I)
_SITE_WORDS = ("forums", "forum", "blog", "news", "magazine", "online", "wiki",
               "docs", "documentation")


def original_url(url: str) -> str:
    """The page's own URL: an archive's copy ("web.archive.org/web/2008.../http://x.de/a")
    stands for the page it archived."""
    m = _ARCHIVED.match(url)
    return m[1] if m else url


def _host_keys(url: str | None) -> list[str]:
    """Squashed forms of the host a site name may be written as ("nytimes", "wienorfat")."""
    if not url:
        return []
    url = original_url(url)
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return []
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp")]
    keys = ["".join(parts).replace("-", "")]
    if len(parts) >= 2:
        parts = parts[:-1]  # drop the TLD
        if len(parts) >= 2 and parts[-1] in ("co", "com", "org", "net", "ac", "gov", "ne", "or"):
            parts = parts[:-1]
    keys += [p.replace("-", "") for p in parts if len(p) > 2]
    return keys


def _is_site(part: str, sites: list[list[str]], hosts: list[str], *, exact: bool = False,
             suffixed: bool = False) -> bool:
    """Whether a title segment names the site (its og:site_name, publisher or host).

    ``sites`` are the site names as word lists (see :func:`_site_names`). ``exact``: the whole
    name, not a piece of it ("Rick Steves" is a person even on "Rick Steves Travel").
    """
    k = _key(part)
    if not k:
        return False
    words = k.split()
    for site_words in sites:
        if words == site_words or (not exact and _contains(site_words, words)):
            return True
    squashed = "".join(words)
    if exact:
        return any(squashed == h for h in hosts)
    for h in hosts:
        if squashed == h or (squashed.startswith(h) and (
                len(squashed) - len(h) <= 4 or (suffixed and squashed[len(h):] in _SITE_WORDS))):
            return True
        if len(squashed) >= 4 and h.startswith(squashed):
            return True
    return False


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def _strip_site(title: str, sites: list[list[str]], hosts: list[str], others: set[str]) -> str:
    """``title`` without a site-name prefix or suffix (when one can be recognised)."""
    for sep in _TITLE_SEPS:
        if sep not in title:
            continue
        parts = [p for p in title.split(sep) if p.strip()]
        if len(parts) < 2:
            continue
        if _is_site(parts[-1], sites, hosts, suffixed=True):
            return _strip_site(sep.join(parts[:-1]), sites, hosts, others)
        if _is_site(parts[0], sites, hosts, suffixed=True):
            return _strip_site(sep.join(parts[1:]), sites, hosts, others)
        for i in range(len(parts) - 1, 0, -1):
            left, right = sep.join(parts[:i]), sep.join(parts[i:])
            if _key(left) in others:
                return left
            if _key(right) in others:
                return right
    return title


def _without_leading_date(title: str) -> str:
    """``title`` without a date written before it ("23.01.2022 - Headline", "Dec 18 2025 X")."""
    m = _TEXT_DATE.match(title)
    if m is None:
        return title
    rest = _DATE_LEAD.sub("", title[m.end():], count=1)
    return rest if len(rest.split()) >= 2 else title


def _lead_segment(title: str) -> str:
    """The headline part of "Headline | Section | Tagline" once the site name is gone."""
    for sep in (" | ", " / "):
        head, found, _tail = title.partition(sep)
        if found and len(head.split()) >= 2:
            return head
    return title


def _similar(a: str, b: str) -> bool:
    """Same headline up to punctuation, case, or a short kicker/suffix on one of them."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    if ka == kb or ka.replace(" ", "") == kb.replace(" ", ""):
        return True
    short, long_ = (ka, kb) if len(ka) < len(kb) else (kb, ka)
    return len(short) >= 0.5 * len(long_) and (long_.startswith(short) or long_.endswith(short))


def _better_form(h1: str, meta: str) -> str:
    """Of a heading and a meta title that are the same headline, the one to return.

    The shorter (kickers and suffixes off), except that one cut off ("...", or mid-word)
    gives way to the whole. Where only punctuation and spacing differ, the meta title if the
    heading splits its words otherwise or lacks a separator (an ``<h1>`` of styled spans reads
    "c ycle", or "Info Ultimate guide" for "Info - Ultimate guide").
    """
    if _key(h1).replace(" ", "") == _key(meta).replace(" ", "") and (
            _words(h1) != _words(meta)
            or (_seps(meta) > _seps(h1) and _bare(h1) == _bare(meta))):
        return meta
    short, long_ = (h1, meta) if len(h1) <= len(meta) else (meta, h1)
    if short.endswith(("...", "\u2026")):
        return long_
    cut = len(short)  # "... laptop, and k" of "... laptop, and keyboard": cut mid-word
    if (long_[:cut].casefold() == short.casefold() and short[-1:].isalnum()
            and long_[cut:cut + 1].isalnum()):
        return long_
    kh, km = _key(h1), _key(meta)
    if len(kh) > len(km) and kh.startswith(km) and _is_continuation(h1[len(meta):]):
        return h1  # the meta title shortened for search results: "Best Tutors in 2025"
    return short


def _is_continuation(tail: str) -> bool:
    """Whether the rest of a heading after its meta title continues the headline (", Reviewed
    by a Student", " review"), not furniture set off by a separator, brackets or a date."""
    tail = tail.rstrip()
    return bool(tail) and not _FURNITURE_TAIL.match(tail) and _TEXT_DATE.search(tail) is None


def _words(text: str) -> list[str]:
    """The words as split by spaces, punctuation aside ("machine-learning" is one word)."""
    return [k for k in (_key(t).replace(" ", "") for t in text.split()) if k]


def _bare(text: str) -> str:
    return _BARE.sub("", text.casefold())


def _seps(text: str) -> int:
    """How many spaced separators a title has (" - ", " | ", ...; dashes all alike)."""
    text = text.replace("\u2013", "-").replace("\u2014", "-")
    return sum(text.count(sep) for sep in (" - ", " | ", " : ", " / ", " \u00b7 "))


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_key(a).split()), set(_key(b).split())
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _site_names(site: str | None, ld: _LD,
                headings: list[str] | None = None) -> list[list[str]]:
    """The site's names (og:site_name, the article's publisher, an ``<h1>`` classed as the
    site's title or logo) as lists of key words."""
    publisher = _ld_text(_ld_resolve(ld, (ld.main or {}).get("publisher")))
    return [words for x in (site, publisher, *(headings or ())) if x
            and (words := _key(x).split())]


_GENERIC_SQUASHED = frozenset(g.replace(" ", "") for g in _GENERIC_HEADINGS)  # "homepage"


def _names_no_page(title: str, sites: list[list[str]], hosts: list[str]) -> bool:
    """Whether a meta title is just the site's name or a generic page name ("Home Page")."""
    return (_key(title).replace(" ", "") in _GENERIC_SQUASHED
            or _is_site(title, sites, hosts, exact=True))


_QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')


def _choose_title(s: _Scan, ld: _LD, site: str | None, url: str | None) -> str | None:
    sites = _site_names(site, ld, s.site_h1)
    hosts = _host_keys(url)
    ld_titles = []
    if ld.main is not None:
        ld_titles = [_text(t) for t in (_ld_text(ld.main.get("headline")),
                                        _ld_text(ld.main.get("name"))) if t]
    raw = ld_titles + [_text(v) for name in _TITLE_META for v in s.meta.get(name, ())[:1]]
    if s.title:
        raw.append(_text(s.title))
    # an attribute cut at an unescaped quote: og:title="Biden calls it "X"" reads "Biden calls
    # it"; the <title> that goes on with the quote is the whole of it
    raw = [next((t for t in raw if len(t) > len(m) and t.startswith(m)
                 and t[len(m):].lstrip()[:1] in _QUOTE_MARKS), m) for m in raw]
    h1s = [_text(h) for h in s.h1]
    h1s = [h for h in h1s if 1 < len(h) <= 300 and not _is_site(h, sites, hosts)
           and _key(h) not in _GENERIC_HEADINGS]
    known = {_key(t) for t in ld_titles + h1s}
    metas: list[str] = []
    names: list[str] = []  # meta titles that only name the site or say "Home"
    for t in raw:
        stripped = _without_leading_date(
            _lead_segment(_strip_site(t, sites, hosts, known - {_key(t)})))
        if stripped and stripped not in metas + names:
            (names if _names_no_page(stripped, sites, hosts) else metas).append(stripped)
    if not h1s:
        metas += names
    h1s = [_without_leading_date(_SECTION_NUMBER.sub("", _strip_site(h, sites, hosts, set())))
           for h in h1s]
    for h in h1s:  # a heading written exactly as a meta title, or as one before a slash was
        if h in metas or (h in raw and " | " not in h):  # cut ("Can fish feel pain / suffer?")
            return h
    for h in h1s:  # a heading that is a meta title, give or take a kicker: the shorter one
        for m in metas:
            if _similar(h, m):
                return _better_form(h, m)
    if h1s:  # else the heading sharing most words with a meta title, if it shares enough
        best = max(h1s, key=lambda h: max((_overlap(h, m) for m in metas), default=0.0))
        if not metas or max(_overlap(best, m) for m in metas) >= _MIN_OVERLAP:
            return best
    if metas:
        return metas[0]
    return h1s[0] if h1s else None
