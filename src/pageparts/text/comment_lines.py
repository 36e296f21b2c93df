"""One line of a comment list, read: timestamps, commenters' names, says-lines, actions.

The flat-record finder (:mod:`.comment_records`) and the bullet-tree finder
(:mod:`.comments`) read their lines with these: where a timestamp sits in a short line
("Name am 3. März 2019 um 10:00", "21:22, 6 OCT 2020"), whether the words before it can name a
commenter, ``Name says:`` lines, action links ("Reply", "Antworten") and the headings and forms
that open and close a comment section.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

from ..blocks import RawBlock
from ..html._comment_dates import _first_date, parse_date

__all__ = [
    "ACTION", "CLOSING", "MAX_HEADER_CHARS", "PUNCT", "REPLY_TO", "SECTION", "Stamp", "alone",
    "author_line", "before", "commenter", "date_line", "heading_above", "is_action", "says_line",
    "shown", "stamp",
    "timed", "when",
]

_WORD = re.compile(r"\w+")
#: Where a timestamp sits in a line: (start, end, shows a time of day).
Stamp = tuple[int, int, bool]
#: Action links and counters that come with each comment; they belong to it but are not text.
ACTION = re.compile(
    r"^(?:(?:reply|antworten|antwort|beantworten|répondre|repondre|responder|rispondi|reageren|"
    r"like|likes?|gefällt mir|j'aime|report|melden|signaler|flag|share|teilen|permalink|quote|"
    r"zitieren|citer|löschen|delete|edit|bearbeiten|upvote|downvote|log in to reply|"
    r"login to reply|reply to this comment|auf diesen kommentar antworten)[\s\W]*)+$"
    r"|^[+-]?\d{1,5}$|^\d+\s*(?:likes?|replies|antworten|points?|votes?)\W*$",
    re.IGNORECASE,
)
_SAYS = re.compile(
    r"^(?P<name>\S.{0,60}?)(?:\s*(?:says|sagt|writes)\s*:|\s+(?:says|sagt|said|wrote|schreibt|meint|"
    r"kommentierte|dit|a dit|écrit|dice|dijo|escribió|disse|scrive|zegt|schreef)\s*:?)"
    r"\s*(?P<rest>.{0,80})$",
    re.IGNORECASE,
)
#: Searched in the lower-cased line: six times faster than the same words with IGNORECASE.
_SAYS_HINT = re.compile(
    r"says|sagt|said|wrote|writes|schreibt|meint|kommentierte|dit|écrit|dice|dijo|escribió|disse|"
    r"scrive|zegt|schreef"
)
_TIME_OF_DAY = re.compile(
    r"(?<![\d:.])(\d{1,2})(?:[:h]|\.(?=\d\d\s*uhr))(\d{2})(?::\d{2})?"
    r"(?:\s*([ap])\.?\s?m\b\.?|\s*uhr\b|\s*h\b)?(?![\d:])",
    re.IGNORECASE,
)
#: Words that stand between a commenter's name and the timestamp ("Name, le mercredi 15 mai").
_CONNECTORS = frozenset({
    "le", "am", "on", "at", "um", "à", "el", "il", "de", "the", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes",
    "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
})
PUNCT = " \t,;|/•·–—-:"
#: "posted by", "geschrieben von", "Par": the name follows.
_BY = re.compile(
    r"^(?:(?:posted|written|submitted|geschrieben|verfasst|eingetragen|écrit|publié|escrito|"
    r"scritto)\s+)?(?:by|von|par|por|da|di)\s+",
    re.IGNORECASE,
)
#: The alt text of the commenter's picture, printed before the name ("Avatar Anna says:").
_AVATAR = re.compile(r"^(?:user\s+)?(?:avatar|profilbild|profile (?:picture|photo))"
                     r"(?:\s+(?:of|for|von|de|di))?\s+", re.IGNORECASE)
#: A last word that may end in a full stop: short ("Jr.", "St."), or initials ("H.H.").
_INITIAL = re.compile(r"^(?:.{1,3}|(?:\w\.)+)$")
#: Month and year alone ("Jan 2022"), as some comment systems print a date.
_MONTH_YEAR = re.compile(
    r"(?:^|\s)(?:jan|feb|mar|mär|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez)[a-zäé]*\.? "
    r"(?:19|20)\d\d$",
    re.IGNORECASE,
)
_NOT_NAME = re.compile(
    r"^(?:by|von|par|por|di|door|posted|published|updated|written|veröffentlicht|aktualisiert|"
    r"publié|publicado|geschrieben|erstellt|am|on|le|the|der|die|das|stand|last|zuletzt|date|"
    r"datum|time|zeit|from|to|cc|subject|betreff|sent|gesendet|modified|created)\b",
    re.IGNORECASE,
)
#: A heading that opens a comment section ("12 Comments", "3 Responses to ...", "Kommentare").
SECTION = re.compile(
    r"^(?:(?:\d[\d.,']*|one|ein|eine|un|une|uno|una|no|keine)\s+)?(?:comments?|responses?|replies|"
    r"thoughts?|reactions?|kommentare?|leserkommentare|alle kommentare|leserpost|leserbriefe?|"
    r"leserstimmen|commentaires?|réactions?|vos réactions|comentarios?|commenti|reacties|"
    r"discussion|diskussion|reader comments|user comments)\b"
    r"|^\d+\s+(?:antworten|answers?|réponses?|respuestas?|risposte)\b",
    re.IGNORECASE,
)
#: A comment heading ("12 Comments") is a short line.
_MAX_HEADING_CHARS = 120


def heading_above(blocks: Sequence[RawBlock], first: int, reach: int = 4) -> bool:
    """Whether a comment heading stands within ``reach`` blocks above block ``first``."""
    return any(SECTION.match(blocks[i].text) and len(blocks[i].text) <= _MAX_HEADING_CHARS
               for i in range(max(0, first - reach), first))


#: The comment form or notice that closes a comment section.
CLOSING = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add (?:a )?comment|write a comment|"
    r"comments are closed|your email address|schreibe einen kommentar|kommentar (?:hinterlassen|"
    r"hinzufügen|schreiben|verfassen)|hinterlasse (?:jetzt )?einen kommentar|"
    r"deine e-mail|ihre e-mail|laisser un commentaire|votre adresse|deja un comentario|"
    r"lascia un commento|kommentare sind geschlossen)",
    re.IGNORECASE,
)
REPLY_TO = re.compile(
    r"^(?:@\s?|(?:in reply to|replying to|reply to|antwort auf|antwort an|réponse à|"
    r"en réponse à|respuesta a|risposta a)\s+@?)(?P<name>[^\s:,]+)",
    re.IGNORECASE,
)
MAX_HEADER_CHARS = 100
_MAX_NAME_WORDS = 5
_MAX_NAME_CHARS = 50


def says_line(text: str) -> tuple[str, str] | None:
    """``Name says: <rest>`` as (name, rest), when the words before the verb name someone."""
    if not _SAYS_HINT.search(text.lower()):
        return None
    m = _SAYS.match(text)
    who = commenter(m.group("name")) if m is not None else None
    return (who, m.group("rest") or "") if m is not None and who is not None else None


def before(prefix: str) -> str:
    """The text before a timestamp without the words that lead up to it."""
    words = prefix.strip(PUNCT).split()
    while words and words[-1].lower().strip(PUNCT + ".") in _CONNECTORS:
        words.pop()
    return " ".join(words).strip(PUNCT)


def stamp(text: str) -> Stamp | None:
    """Where a timestamp sits in a short line: (start, end, has a time of day)."""
    m = _first_date(text)
    if m is not None and not any(c.isdigit() for c in m.group(0)):
        m = None  # "today", "gestern": too common in other text
    t = _TIME_OF_DAY.search(text)
    if m is not None:
        start, end = m.start(), m.end()
        if t is not None and t.end() <= start <= t.end() + 3:  # "21:22, 6 OCT 2020"
            start = t.start()
        if t is not None and t.start() >= end:  # "3. März 2019, 10:00 Uhr"
            end = t.end()
    elif t is not None:  # "Name Le 9 janvier à 13:06", "Name21:00"
        digit = re.search(r"\d", text)
        start, end = (digit.start() if digit else t.start()), t.end()
    else:
        my = _MONTH_YEAR.search(text)
        if my is None:
            return None
        start, end = my.start(), my.end()
    if len(_WORD.findall(text[end:])) > 2:
        return None
    return start, end, t is not None


def commenter(text: str) -> str | None:
    """``text`` as a commenter's name, or None: a few words, no sentence, no byline word."""
    name = text.strip(PUNCT)
    by = _BY.match(name) or _AVATAR.match(name)
    if by is not None:
        name = name[by.end():]
    if not name or len(name) > _MAX_NAME_CHARS or _NOT_NAME.match(name) or ACTION.match(name):
        return None
    if name[-1] in "!?;." and not (name[-1] == "." and _INITIAL.match(name.rsplit(maxsplit=1)[-1])):
        return None
    n = len(_WORD.findall(name))
    letters = any(c.isalpha() for c in name)
    return name if 1 <= n <= _MAX_NAME_WORDS and letters else None


def shown(b: RawBlock) -> str:
    """The line as the page shows it: a day number read as a list number ("1. Juni 2016 um
    10:00" → bullet "1.") is put back before a month name."""
    if b.bullet is not None and b.bullet[:1].isdigit() and b.text[:1].isalpha():
        joined = f"{b.bullet} {b.text}"
        m = _first_date(joined)
        if m is not None and m.start() == 0:  # not "1. Anna says:", a numbered comment list
            return joined
    return b.text


def author_line(text: str) -> tuple[str, str | None]:
    """A commenter's line as (name, date as shown): ``Name says: March 3, 2021`` and ``Name
    March 3, 2021`` give ("Name", "March 3, 2021"); a line that is not one comes back whole,
    without a date."""
    says = says_line(text)
    if says is None:  # "Name 14.09.2022 um 21.11", "Name21:00"
        st = stamp(text) if len(text) <= MAX_HEADER_CHARS else None
        if st is None or text[: st[0]].rstrip().endswith(":"):  # a field: "Registriert: ..."
            return text, None
        named = commenter(before(text[: st[0]]))
        return (named, text[st[0]:]) if named else (text, None)
    who, rest = says
    if not rest:
        return who, None
    return (who, rest) if stamp(rest) else (text, None)


def date_line(text: str) -> bool:
    """Whether a short line is a timestamp alone ("March 3, 2021 at 10:15 am")."""
    return len(text) <= MAX_HEADER_CHARS and _date_line(text)


def _date_line(text: str) -> bool:
    return alone(text, stamp(text))


def alone(text: str, st: Stamp | None) -> bool:
    """Whether ``text`` is its timestamp alone (with at most connecting words before it)."""
    return st is not None and not before(text[: st[0]])


def timed(text: str) -> bool:
    return _TIME_OF_DAY.search(text) is not None


def is_action(b: RawBlock) -> bool:
    return len(b.text) <= 60 and ACTION.match(b.text) is not None


def when(stamp_text: str | None) -> _dt.datetime | None:
    """A timestamp as shown, resolved to the minute (None: no calendar date in it)."""
    if stamp_text is None:
        return None
    day = parse_date(stamp_text)
    if day is None:
        return None
    t = _TIME_OF_DAY.search(stamp_text)
    hour = minute = 0
    if t is not None:
        hour, minute = int(t.group(1)) % 24, int(t.group(2)) % 60
        if t.group(3) and t.group(3).lower() == "p" and hour < 12:
            hour += 12
        elif t.group(3) and t.group(3).lower() == "a" and hour == 12:
            hour = 0
    return _dt.datetime(day.year, day.month, day.day, hour, minute)


