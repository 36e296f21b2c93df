"""What a page says about itself: parsed HTML → :class:`~pageparts.blocks.Metadata`.

Sources, best first for each field: JSON-LD (``@graph``, lists and nested objects included),
OpenGraph / Twitter / Dublin Core / ``<meta name>`` tags, microdata (``itemprop``), ``<title>``,
``<h1>``, ``<time>``, ``rel=author`` and byline classes, and the URL path for dates.
One CSS pass gathers the tags; JSON-LD is parsed leniently and never raises.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date, timedelta
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from ..blocks import Metadata
from ._meta_around import _Around, _visible_date
from ._meta_author import _choose_author
from ._meta_author_hints import site_owner
from ._meta_dates import (
    _HAS_YEAR,
    _MONTHS,
    _first_date,
    _instant,
    _labelled_date,
    _labelled_dates,
    _parse_date,
    _published_anywhere,
    _swapped_reading,
    _valid,
)
from ._meta_ld import _LD, _MAX_JSONLD, _ld_resolve, _ld_text, _read_ld, _types_of
from ._meta_scan import (
    _DATE_META,
    _DESC_META,
    _LANG_META,
    _MAX_TEXT,
    _MODIFIED_META,
    _SHOP_TYPES,
    _SITE_META,
    _STORY_TYPES,
    _WEAK_DATE_META,
    _clean,
    _first_meta,
    _Scan,
    _scan,
)
from ._meta_title import _choose_title, _host_keys, _site_names, original_url

__all__ = ["read_metadata"]

_MAX_DESCRIPTION = 2_000
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-]([01]?\d)[/_-]([0-3]?\d)(?!\d)|"
    r"/((?:19|20)\d{2})([01]\d)([0-3]\d)(?:[/_.-]|$)"
)
_URL_MONTH_NAME = re.compile(r"/((?:19|20)\d{2})/([a-z\u00e0-\u00ff]{3,9})/([0-3]?\d)(?:/|$)", re.I)
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})(?:/([01]\d))?/")
_URL_LOCALE = re.compile(r"/en[-_]([a-zA-Z]{2})(?:/|$)")
_URL_DMY = re.compile(r"[/_-]([0-3]\d)[._-]([01]\d)[._-]((?:19|20)\d{2})(?![\d])")
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][\w-]*)?$")
_MIDNIGHT_EAST = frozenset((21, 22, 23))  # UTC hours of midnight at UTC+3, +2 and +1
# languages of Europe east of Greenwich (UTC+1 to +3), English and Portuguese aside
_EUROPEAN = re.compile(r"(?:de|fr|it|es|nl|da|sv|no|nb|nn|fi|pl|cs|sk|hu|sl|hr|sr|bs|ro|bg|el|"
                       r"lt|lv|et|uk|ru|be|tr|sq|mk)(?:[-_]|$)", re.I)
_UTC_TIME = re.compile(r"[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?\s*(?:Z|[+-]00:?00|UTC|GMT)\s*$", re.I)
_YEAR_FIRST = re.compile(r"\s*(?:19|20)\d\d-[01]\d-[0-3]\d")  # an ISO date: never ambiguous
_STATE_DATE = re.compile(
    r"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|publication_date|"
    r"date_published|pubDate|firstPublished|first_published_at|publish_date|createdAt)"
    r"\W{1,12}((?:19|20)\d\d-[01]\d-[0-3]\d)"
)


def _ld_date(ld: _LD, keys: tuple[str, ...]) -> date | None:
    for obj in (ld.main, ld.page):
        if obj is None:
            continue
        for k in keys:
            d = _parse_date(_ld_text(obj.get(k)))
            if d:
                return d
    return None


def _structured_dates(s: _Scan, ld: _LD, dayfirst: bool) -> Iterator[tuple[str, date]]:
    """Publication dates the page states in markup, best source first, with their raw text."""
    raws: list[str | None] = []
    for obj in (ld.main, ld.page):
        if obj is not None:
            raws += [_ld_text(obj.get(k)) for k in ("datePublished", "dateCreated", "uploadDate")]
    raws += [v for name in _DATE_META if name not in _WEAK_DATE_META
             for v in s.meta.get(name, ())[:1]]
    for raw in raws:
        d = _parse_date(raw, dayfirst)
        if raw and d:
            yield raw, d
    for prop, node in s.itemprops:
        if prop in ("datepublished", "datecreated"):
            attrs = node.attributes
            value = (attrs.get("datetime") or attrs.get("content") or attrs.get("title")
                     or _clean(node.text())[:80])
            d = _parse_date(value, dayfirst)
            if d:
                yield value, d
    for value, _published, _after in sorted(s.times, key=lambda t: (not t[1], not t[2])):
        d = _parse_date(value, dayfirst)
        if d:
            yield value, d
    for name in _WEAK_DATE_META:  # "date", "timestamp": after the page's own <time> elements
        for value in s.meta.get(name, ())[:1]:
            d = _parse_date(value, dayfirst)
            if d:
                yield value, d
    for obj in ld.objects:
        for k in ("datePublished", "dateCreated"):
            text = _ld_text(obj.get(k))
            d = _parse_date(text)
            if text and d:
                yield text, d


def _classed_date(s: _Scan, dayfirst: bool) -> date | None:
    """The first full date in an element classed as a date ("dateline", "post-date"), for
    pages that show their date only far from the headline (a footer's "Posted on ...")."""
    for node in s.date_nodes():
        if node.tag in ("body", "html", "main", "article", "script", "style", "input", "select"):
            continue
        d = _first_date(_clean(node.text(separator=" "))[:200], dayfirst)
        if d:
            return d
    return None


def _local_day(raw: str, day: date, url_day: date | None,
               others: Iterator[tuple[str, date]], *, east: bool = False) -> date:
    """The publisher's own calendar day for a timestamp written in UTC.

    "2023-11-09T05:30:00Z" in a page whose URL says /2023/11/08/ was written on the 8th,
    local time: the URL's day wins when it is one day away. Else the day of the same instant
    where the page writes it again with its local offset ("2023-11-08T21:30:00-08:00").
    """
    if not _UTC_TIME.search(raw):
        return day
    if url_day and abs((url_day - day).days) == 1:
        return url_day
    moment = _instant(raw)
    if moment is None:
        return day
    for other, _day in others:
        local = _instant(other)
        offset = local.utcoffset() if local is not None else None
        if local is not None and offset and abs((local - moment).total_seconds()) < 60:
            return local.date()
    if east and moment.hour in _MIDNIGHT_EAST and moment.minute == moment.second == 0:
        # "2022-11-06T23:00:00Z" on a page in a European language other than English: a day
        # stored as local midnight at UTC+1 to +3, written out in UTC; the publisher's day is
        # the next one (an English page's 23:00 UTC is as likely 6 pm in New York)
        return day + timedelta(days=1)
    return day


def _fits_url(day: date, url: str | None) -> bool:
    """Whether ``day`` agrees with the year (and month) a URL path states, if it states one."""
    m = _URL_MONTH.search(urlsplit(original_url(url)).path) if url else None
    if m is None:
        return True
    return int(m[1]) == day.year and (m[2] is None or int(m[2]) == day.month)


def _url_day(url: str | None) -> date | None:
    """A date in the URL's path: /2019/05/12/, /20190512-, or day first as in /12-05-2019."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m is not None:
        g = [int(x) for x in m.groups() if x]
        return _valid(g[0], g[1], g[2])
    m = _URL_DMY.search(url)
    if m is not None:
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    m = _URL_MONTH_NAME.search(url)  # /2023/october/03/
    month = _MONTHS.get(m[2].lower()) if m else None
    return _valid(int(m[1]), month, int(m[3])) if m and month else None


def _markup_reading(shown: date, byline: str, s: _Scan, ld: _LD, *, dayfirst: bool,
                    url_day: date | None) -> date:
    """The shown date, read as the URL or ISO markup states it where the byline is unclear.

    "02-12-2025" is 2 December where the markup says 2025-12-02; of two dates shown together
    ("29. Dezember 2022 30. Dezember 2022"), the one the markup gives as published.
    """
    other = _swapped_reading(shown, byline)
    two = other is None and len(_HAS_YEAR.findall(byline)) > 1 and len(
        list(itertools.islice(_labelled_dates(byline, dayfirst), 2))) > 1
    if other is None and not two:
        return shown
    iso = [d for raw, d in _structured_dates(s, ld, dayfirst) if _YEAR_FIRST.match(raw)]
    if other is not None:
        stated = {url_day, *iso}
        return other if other in stated and shown not in stated else shown
    if iso and iso[0] != shown and iso[0] in set(_labelled_dates(byline, dayfirst)):
        return iso[0]
    return shown


def _modified_date(s: _Scan, ld: _LD, dayfirst: bool) -> date | None:
    """The day the markup says the page was last modified (JSON-LD, then meta tags)."""
    d = _ld_date(ld, ("dateModified",))
    if d:
        return d
    for name in _MODIFIED_META:
        for value in s.meta.get(name, ())[:1]:
            d = _parse_date(value, dayfirst)
            if d:
                return d
    return None


def _choose_date(around: _Around, s: _Scan, ld: _LD, *, url: str | None,
                 dayfirst: bool, east: bool = False) -> date | None:
    url_day = _url_day(url)
    byline = around.headline()  # a date inside the headline element: "<h1>... <small>date"
    shown = _labelled_date(byline, dayfirst, first_only=True)
    if shown is None or not _fits_url(shown, url):
        byline = around.byline()
        shown = _labelled_date(byline, dayfirst, first_only=True)
    if shown and _fits_url(shown, url):  # the date the reader sees under the headline
        return _markup_reading(shown, byline, s, ld, dayfirst=dayfirst, url_day=url_day)
    above = around.above()
    shown = _labelled_date(above, dayfirst, first_only=True)
    # else one just above it ("05.02.2020 - Redaktion: ..."), unless the markup calls it the
    # day the page was modified
    if shown and _fits_url(shown, url) and shown != _modified_date(s, ld, dayfirst):
        return _markup_reading(shown, above, s, ld, dayfirst=dayfirst, url_day=url_day)
    dates = _structured_dates(s, ld, dayfirst)
    first = next(dates, None)
    if first is not None:  # the rest only serve to find the same instant in local time
        return _local_day(first[0], first[1], url_day, dates, east=east)
    if url_day:
        return url_day
    d = _visible_date(around, dayfirst)
    if d:
        return d
    for text in s.script_texts():
        if len(text) <= _MAX_JSONLD and ("ublish" in text or "ubDate" in text
                                         or "reatedAt" in text):
            m = _STATE_DATE.search(text)
            if m:
                d = _parse_date(m[1])
                if d:
                    return d
    d = _classed_date(s, dayfirst) or _published_anywhere(around.page_text(), dayfirst)
    if d:
        return d
    return _modified_date(s, ld, dayfirst)


def _language(tree: LexborHTMLParser, s: _Scan, ld: _LD) -> str | None:
    root = tree.root
    values = [root.attributes.get("lang") or root.attributes.get("xml:lang") if root else None]
    values += [v for name in _LANG_META for v in s.meta.get(name, ())[:1]]
    if ld.main is not None:
        values.append(_ld_text(ld.main.get("inLanguage")))
    for value in values:
        m = _LANG.match(value.strip()) if value else None
        if m and m[1].lower() not in ("und", "mul", "zxx", "mis"):  # codes for "no language"
            return m[1].lower()
    return None


def _day_first(tree: LexborHTMLParser, s: _Scan, language: str | None,
               url: str | None) -> bool:
    """Whether 05/12/2019 means 5 December: everywhere but in US (or unmarked) English.

    The region comes from ``<html lang>``, ``og:locale`` or a locale in the URL ("/en-gb/").
    """
    if language not in (None, "en"):
        return True
    root = tree.root
    declared = [root.attributes.get("lang") if root else None, _first_meta(s, ("og:locale",))]
    regions = {v.replace("_", "-").lower().partition("-")[2] for v in declared if v}
    m = _URL_LOCALE.search(url) if url else None
    if m:
        regions.add(m[1].lower())
    return bool(regions & {"gb", "uk", "au", "nz", "ie", "in", "za", "sg", "ng", "ke", "pk"})


def _site_name(s: _Scan, ld: _LD) -> str | None:
    site = _first_meta(s, ("og:site_name",))
    if site:
        return site
    for obj in (ld.main, ld.page):
        if obj is not None:
            name = _ld_text(_ld_resolve(ld, obj.get("publisher")))
            if name:
                return name
    for obj in ld.objects:
        if "website" in _types_of(obj) or "organization" in _types_of(obj):
            name = _ld_text(obj.get("name"))
            if name:
                return name
    return _first_meta(s, _SITE_META[1:])


def _canonical(s: _Scan, url: str | None) -> str | None:
    for candidate in (s.canonical, _first_meta(s, ("og:url",))):
        if candidate:
            try:
                absolute = urljoin(url, candidate) if url and "://" not in candidate else candidate
            except ValueError:
                continue
            if absolute.startswith(("http://", "https://")):
                return absolute
    return url


def read_metadata(tree: LexborHTMLParser, url: str | None) -> Metadata:
    """The page's metadata; fields the page does not state are None (never raises on content)."""
    s = _scan(tree)
    ld = _read_ld(s.scripts)
    language = _language(tree, s, ld)
    site = _site_name(s, ld)
    site = site[:_MAX_TEXT] if site else None
    types = set(s.types) | ld.types
    og_type = _first_meta(s, ("og:type",))
    if og_type:
        types.add(og_type.lower())
    dayfirst = _day_first(tree, s, language, url)
    page_url = _canonical(s, url)
    description = _first_meta(s, _DESC_META)
    if description is None and ld.main is not None:
        description = _ld_text(ld.main.get("description"))
    title = _choose_title(s, ld, site, url or page_url)
    around = _Around(tree, s, title)
    hosts = _host_keys(url or page_url)
    shop = bool(types & _SHOP_TYPES) and not types & _STORY_TYPES
    author = _choose_author(tree, around, s, ld, sites=_site_names(site, ld, s.site_h1),
                            hosts=hosts, shop=shop)
    if author is None and not shop:
        author = site_owner(s, site)
    return Metadata(
        title=title,
        page_title=s.title or None,
        author=author,
        date=_choose_date(around, s, ld, url=url or page_url, dayfirst=dayfirst,
                          east=_EUROPEAN.match(language or "") is not None),
        site_name=site,
        language=language,
        description=description[:_MAX_DESCRIPTION] if description else None,
        url=page_url,
        types=frozenset(t for t in types if t),
    )
