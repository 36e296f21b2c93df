"""Dates as comment systems show them: patterns, parsing, and the cheap page-text gates."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

_MONTHS = {
    # English
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mär": 3, "mai": 5, "juni": 6,
    "juli": 7, "okt": 10, "oktober": 10, "dez": 12, "dezember": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4,
    "avr": 4, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    # Spanish
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12, "dic": 12,
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_TIME = (
    r"(?:,?\s*(?:at|um|à|a las|-|,)?\s*\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?"
    r"\s*(?:[ap]\.?m\.?|uhr|h)?)?"
)
_DIGIT_DATE = (
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[T ]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
    rf"|\b\d{{1,2}}\.\s?\d{{1,2}}\.\s?(?:\d{{4}}|\d{{2}})\b{_TIME}"
    rf"|\b\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})\b{_TIME}"
    rf"|\b\d{{1,2}}-\d{{1,2}}-\d{{4}}\b{_TIME}"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(?:{_MONTH_RE})\.?,?\s+(?:de\s+)?\d{{4}}{_TIME}"
)


# Month-name-first dates ("March 3, 2019"): any word here, checked against _MONTHS afterwards,
# because an alternation of 80 month names tried at every word is slow on big pages.
_WORD_DATE = rf"\b(?P<mon>[^\W\d_]{{3,10}})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}{_TIME}"
_UNITS_EN = r"(?:second|sec|minute|min|hour|hr|day|week|month|year|yr)s?"
_UNITS_DE = r"(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
_UNITS_FR = r"(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|années?)"
_UNITS_ES = r"(?:segundos?|minutos?|horas?|días?|dias?|semanas?|mes(?:es)?|años?)"
_NUM = r"(?:\d+|an?|one|einem|einer|un|une|una?)"
_REL_DATE = (
    rf"\b{_NUM}\s+{_UNITS_EN}\s+ago\b|\bvor\s+{_NUM}\s+{_UNITS_DE}\b"
    rf"|\bil y a\s+{_NUM}\s+{_UNITS_FR}|\bhace\s+{_NUM}\s+{_UNITS_ES}"
    r"|\b(?:yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy)\b"
    r"(?:,?\s*(?:at|um|à)?\s*\d{1,2}[:.]\d{2})?"
)
_ABS_RE = re.compile(rf"{_DIGIT_DATE}|{_WORD_DATE}", re.IGNORECASE)
_DATE_RE = re.compile(rf"{_DIGIT_DATE}|{_WORD_DATE}|{_REL_DATE}", re.IGNORECASE)


#: Every date _DATE_RE finds holds one of these (cheap to rule a line out).
_DATE_HINT = re.compile(
    r"\d|yesterday|today|gestern|heute|hier|aujourd|ayer|hoy|ago\b|vor\s|il y a|hace\s",
    re.IGNORECASE,
)


def _dates(text: str) -> Iterator[re.Match[str]]:
    """Date-like strings in ``text``, absolute or relative, in order."""
    if not _DATE_HINT.search(text):
        return
    for m in _DATE_RE.finditer(text):
        mon = m.group("mon")
        if mon is None or mon.lower() in _MONTHS:
            yield m


def _first_date(text: str) -> re.Match[str] | None:
    return next(_dates(text), None)


def _is_date(text: str) -> bool:
    """Whether all of ``text`` is one date (the first date found starts and ends it)."""
    m = _DATE_RE.match(text)
    if m is None or m.end() != len(text):
        return False
    mon = m.group("mon")
    return mon is None or mon.lower() in _MONTHS


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOTTED = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b")
_SLASHED = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})\b")
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?({_MONTH_RE})\.?,?\s+(?:de\s+)?(\d{{4}})"
)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")


def parse_date(text: str) -> _dt.date | None:
    """Resolve an absolute date as shown on a page ("3. März 2019", "March 3, 2019", ISO)."""
    s = text.strip().lower()
    m = _ISO.match(s)
    if m:
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    m = _DOTTED.search(s)
    if m:
        return _mk(_year(m[3]), int(m[2]), int(m[1]))
    m = _SLASHED.search(s)
    if m:
        a, b = int(m[1]), int(m[2])
        return _mk(_year(m[3]), b, a) if a > 12 else _mk(_year(m[3]), a, b)
    m = _DAY_MONTH.search(s)
    if m:
        return _mk(int(m[3]), _MONTHS[m[2]], int(m[1]))
    m = _MONTH_DAY.search(s)
    if m:
        return _mk(int(m[3]), _MONTHS[m[1]], int(m[2]))
    return None


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        return 2000 + n if n < 70 else 1900 + n
    return n


def _mk(y: int, m: int, d: int) -> _dt.date | None:
    if not 1990 <= y <= 2100:
        return None
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


#: Characters of page text the generic detector's date count reads (the end of the page).
_DATE_SCAN = 200_000


#: Timestamps as comment systems show them: a date with a time of day, or a relative date.
_STAMP_GATE = re.compile(
    r"\d{1,2}[./] ?\d{1,2}[./] ?\d{2,4},? +(?:um |at |à |- )?\d{1,2}[:.h]\d\d"
    r"|\d{4},? +(?:um |at |à |a las |- )?\d{1,2}[:.h]\d\d|\d{4}-\d\d-\d\d \d{1,2}:\d\d"
    r"|\d{1,2}:\d\d ?[ap]\.?m\b"
    r"|\b(?:\d+|an?|one) (?:second|minute|hour|day|week|month|year)s? ago\b"
    r"|\bvor (?:\d+|einem|einer) (?:Sekunde|Minute|Stunde|Tag|Woche|Monat|Jahr)"
    r"|\bil y a \d|\bhace \d"
)


#: Dates read by the generic detector's region search.
_DATED_NODES = 2_000


#: Anchors for the date gates, each a fast scan: a year or a time of day (one character class
#: first), and relative-date words (literal prefixes; a bare "vor " is too common in German).
_DIGIT_ANCHOR = re.compile(r"[0-9](?:(?P<year>[0-9][0-9][0-9]\b)|[:h][0-9][0-9])")
_WORD_ANCHORS = tuple(
    re.compile(p) for p in (r"ago\b", r"vor (?:\d|ein)", r"il y a \d", r"hace \d")
)


def _date_spans(text: str, start: int) -> list[tuple[int, int]] | None:
    """Where dates and comment-like timestamps are written in ``text[start:]``, or None when
    the page shows fewer than two timestamps (a date with a time of day, or a relative date)
    and fewer than three distinct absolute dates: then it holds no unknown-markup thread.

    Cheap anchors are searched first; the full patterns are tried only in a small window
    around each anchor."""
    spans: list[tuple[int, int]] = []
    plain: set[str] = set()
    stamps = 0
    for m in _DIGIT_ANCHOR.finditer(text, start):
        a = m.start()
        if m.group("year") is not None:
            if text[a:a + 2] not in ("19", "20"):
                continue
            d = _ABS_RE.search(text, max(0, a - 24), m.end() + 12)
            if d:
                plain.add(d.group(0))
        else:
            d = _STAMP_GATE.search(text, max(0, a - 32), m.end() + 24)
            stamps += d is not None
        if d:
            spans.append((d.start(), d.end()))
    for anchor in _WORD_ANCHORS:
        for m in anchor.finditer(text, start):
            d = _STAMP_GATE.search(text, max(0, m.start() - 32), m.end() + 24)
            if d:
                stamps += 1
                spans.append((d.start(), d.end()))
    if stamps < 2 and len(plain) < 3:
        return None
    return spans[:_DATED_NODES]
