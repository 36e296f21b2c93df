"""Dates written as text (ISO, numeric, month names in 19 languages, CJK) to ``datetime.date``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timezone
from importlib import resources

from dateutil import parser as dateparser

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:[tT\s]|$)")
_HAS_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")


def _load_months() -> dict[str, int]:
    text = resources.files("pageparts.data").joinpath("meta_months.json").read_text("utf-8")
    table = json.loads(text)
    return {name: int(k) for k, names in table.items() if k.isdigit() for name in names}


_MONTHS = _load_months()
#: Every month name and abbreviation the date reader knows, longest first (the text segmenter
#: reads them too).
MONTH_NAMES: tuple[str, ...] = tuple(sorted(_MONTHS, key=len, reverse=True))
_MONTH = "(?:" + "|".join(map(re.escape, MONTH_NAMES)) + r")(?![^\W\d_])"
_YEAR = r"(?:19|20)\d\d"
_TEXT_DATE = re.compile(
    rf"(?<!\d)(?P<iy>{_YEAR})(?P<isep>[-/.])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)(?!\d)"
    rf"|(?<![\d.])(?P<na>[0-3]?\d)(?P<sep>[./-])(?P<nb>[0-3]?\d)(?P=sep)(?P<ny>{_YEAR})(?!\d)"
    rf"|(?<![\w.])(?P<dd>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?(?P<dm>{_MONTH})\.?,?\s*"
    rf"(?:de\s+)?(?P<dy>{_YEAR})(?!\d)"
    rf"|(?<!\w)(?P<mm>{_MONTH})\.?\s+(?P<md>[0-3]?\d)(?:st|nd|rd|th)?\.?,?\s+(?P<my>{_YEAR})(?!\d)"
    rf"|(?P<cy>{_YEAR})\s*[年년]\s*(?P<cm>[01]?\d)\s*[月월]\s*(?P<cd>[0-3]?\d)",
    re.IGNORECASE,
)
# "02-12-2025", "3/10/2023": day and month may be either way round
_NUMERIC_DATE = re.compile(rf"(?<![\d.])([0-3]?\d)([/-])([0-3]?\d)\2({_YEAR})(?!\d)")
_NOT_PUBLISHED = re.compile(
    r"(?:registered|joined|founded|member since|last edited|edited|registriert|mitglied seit|"
    r"dabei seit|beigetreten|inscrit|inscription|registrado|iscritto|lid sinds|geregistreerd|"
    r"last (?:post|reply|activity|visit)(?:\s+by\s+\S+)?|letzter beitrag|dernier message)"
    r"\W{0,12}(?:on\W{1,3})?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w{0,6}\W{1,3})?$",
    re.IGNORECASE,
)
_IN_PROSE = re.compile(  # "until 25 November 2019", "entre le 21 juin et le 15 novembre"
    r"(?<!\w)(?:until|till|before|after|since|between|from|through|to|and|bis|seit|vom|ab|zum|"
    r"und|zwischen|et le|au|du|entre|jusqu'au|depuis|hasta|desde|fino al|dal)\s+$",
    re.IGNORECASE,
)
_UPDATED = re.compile(  # "Last updated on", "Aktualisiert:": the shown date is not the first one
    r"(?:updated|modified|reviewed|aktualisiert|ge\u00e4ndert|\u00e4nderung|mis \u00e0 jour|"
    r"actualizad[oa]|aggiornat[oa]|bijgewerkt)\W{0,12}(?:on\W{1,3}|am\W{1,3})?$",
    re.IGNORECASE,
)
_DATEISH = re.compile(
    rf"(?<!\w){_MONTH}\.?\s+\d|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{1,2}}:\d\d", re.I
)


def _valid(y: int, m: int, d: int) -> date | None:
    if not 1990 <= y <= 2049:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _match_date(m: re.Match[str], dayfirst: bool) -> date | None:
    g = m.groupdict()
    if g["iy"]:
        return _valid(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["ny"]:
        a, b = int(g["na"]), int(g["nb"])
        if g["sep"] == "." or a > 12 or (dayfirst and b <= 12):
            a, b = b, a  # day first: swap into (month, day)
        return _valid(int(g["ny"]), a, b)
    if g["dy"]:
        return _valid(int(g["dy"]), _MONTHS[g["dm"].lower()], int(g["dd"]))
    if g["my"]:
        return _valid(int(g["my"]), _MONTHS[g["mm"].lower()], int(g["md"]))
    return _valid(int(g["cy"]), int(g["cm"]), int(g["cd"]))


def _first_date_match(text: str) -> re.Match[str] | None:
    year = _HAS_YEAR.search(text)
    if year is None:
        return None
    return _TEXT_DATE.search(text, max(0, year.start() - 40), year.end() + 12)


def _first_date(text: str, dayfirst: bool) -> date | None:
    """The first full date written in ``text``; the big pattern only runs around 4-digit years."""
    end = 0
    for year in _HAS_YEAR.finditer(text):
        if year.start() < end:
            continue
        lo = max(end, year.start() - 40)
        for m in _TEXT_DATE.finditer(text, lo, year.end() + 12):
            d = _match_date(m, dayfirst)
            if d:
                return d
        end = year.end()
    return None


def _parse_date(text: str | None, dayfirst: bool = False) -> date | None:
    """A date from a machine or human date string, or None when there is no full date in it."""
    if not text:
        return None
    text = text.strip()[:120]
    m = _ISO_DATE.match(text) or _COMPACT_DATE.match(text)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if not _HAS_YEAR.search(text):
        if text.isdigit() and len(text) in (10, 13):  # a Unix timestamp (s or ms)
            try:
                return datetime.fromtimestamp(int(text[:10]), tz=timezone.utc).date()
            except (ValueError, OverflowError, OSError):
                return None
        return None
    found = _first_date(text, dayfirst)
    if found:
        return found
    try:
        dt = dateparser.parse(text, default=datetime(1, 1, 1), dayfirst=dayfirst,
                               ignoretz=True)  # only the day is kept; no tz warnings
    except (ValueError, OverflowError, TypeError):
        return None
    return _valid(dt.year, dt.month, dt.day) if dt.year > 1 and dt.day > 0 else None


def _labelled_date(window: str, dayfirst: bool, *, first_only: bool = False) -> date | None:
    """The first date in ``window`` not labelled as something else; ``first_only``: not
    labelled as an update either."""
    return next(_labelled_dates(window, dayfirst, first_only=first_only), None)


def _labelled_dates(window: str, dayfirst: bool, *, first_only: bool = False) -> Iterator[date]:
    """The dates in ``window`` not labelled as something else, in order (see above)."""
    end = 0
    for year in _HAS_YEAR.finditer(window):
        if year.start() < end:
            continue
        lo = max(end, year.start() - 40)
        for m in _TEXT_DATE.finditer(window, lo, year.end() + 12):
            label_at = max(0, m.start() - 30)
            if _NOT_PUBLISHED.search(window, label_at, m.start()) or _IN_PROSE.search(
                    window, label_at, m.start()) or (
                    first_only and _UPDATED.search(window, label_at, m.start())):
                end = m.end()
                continue
            d = _match_date(m, dayfirst)
            if d:
                yield d
                end = m.end()
                break
        end = max(end, year.end())


def _swapped_reading(day: date, window: str) -> date | None:
    """The other reading of ``day`` when ``window`` writes it as an ambiguous numeric date
    ("02-12-2025": 2 December or February 12), else None."""
    if day.day > 12 or day.day == day.month:
        return None
    for m in _NUMERIC_DATE.finditer(window):
        if int(m[4]) == day.year and {int(m[1]), int(m[3])} == {day.day, day.month}:
            return _valid(day.year, day.day, day.month)
    return None


def _instant(raw: str) -> datetime | None:
    """An ISO timestamp with its UTC offset, or None (no time, no offset, or not ISO)."""
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


_PUBLISHED_LABEL = re.compile(
    r"(?:published|ver\u00f6ffentlicht|erschienen|publi\u00e9|publicado|pubblicato|gepubliceerd)"
    r"(?:\s+(?:on|am|le|el|il|op|em))?\s*:?\s*", re.I)
# what every label above holds, found by str.find (a regex over a whole page is ten times slower)
_PUBLISHED_STEMS = ("ublish", "UBLISH", "ffentlicht", "FFENTLICHT", "rschienen", "RSCHIENEN",
                    "ubli\u00e9", "ublicado", "ubblicato", "epubliceerd")


def _published_anywhere(text: str, dayfirst: bool) -> date | None:
    """The first date labelled as the publication's anywhere in ``text`` ("Erschienen am:
    01.11.2023" in a footer), for pages that show no date near their headline."""
    hits: list[int] = []
    for stem in _PUBLISHED_STEMS:
        at = text.find(stem)
        while at >= 0 and len(hits) < 200:
            hits.append(at)
            at = text.find(stem, at + 1)
    for at in sorted(hits)[:50]:
        start = at  # back to the label's first letter: "P|ublished", "Ver\u00f6|ffentlicht"
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        label = _PUBLISHED_LABEL.match(text, start)
        m = _TEXT_DATE.match(text, label.end()) if label else None
        d = _match_date(m, dayfirst) if m else None
        if d:
            return d
    return None
