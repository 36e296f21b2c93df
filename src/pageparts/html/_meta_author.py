"""The page's author: structured authors, byline elements, forum posters, "By …" text."""

from __future__ import annotations

import itertools
import re
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._words import STOPWORDS
from ._bounded import is_big, walk
from ._meta_around import _Around
from ._meta_author_hints import author_hints, labelled_meta
from ._meta_dates import _DATEISH, _MONTHS, _first_date_match
from ._meta_ld import _LD, _ld_resolve, _ld_text, _types_of
from ._meta_scan import (
    _AUTHOR_META,
    _JUNK_AUTHORS,
    _MAX_TEXT,
    _ORG_TYPES,
    _ROLE_WORDS,
    _clean,
    _key,
    _Scan,
    _text,
)
from ._meta_title import _is_site

# \u00a9 is the copyright sign, \u2192 an arrow ("All posts by Ann \u2192")
_NAME_TRIM = " :|,&-\u2013\u2014\u00b7\u2022\u00a9\u2192\u00bb"
_BY_WORD = r"(?:by|von|par|por|di|da|door|av|af|przez|de|author|autor|auteur|autore|\u043e\u0442)"
_BY = re.compile(
    # "View all posts by", "More from", "About": a label that already says whose name follows
    r"^(?:(?:view\s+|zeige\s+|see\s+)?(?:all\s+|alle\s+)?(?:posts?|articles?|stor(?:y|ies)|beitr(?:ag|\u00e4ge)|artikel)"
    r"\s+(?:by|von)\s+"
    r"|more\s+from\s+|\u00fcber\s+|about\s+|\(c\)\s*|copyright\s+"
    r"|(?:interview|text|photos?|fotos?|authors?|autoren|auteurs?|redaktion)\s*:\s*"
    r"|(?:guide|review|story|recipe|video|analysis|column|report|reporting|essay|commentary|"
    r"opinion|authored|compiled|curated|(?:post\s+)?author)\s+by\s*:?\s+"
    # "[This post was] [written|posted|...] by", "Reviewed by", "Eingestellt von"
    r"|(?:this\s+(?:post|article|story|page)\s+(?:was\s+|is\s+)?|(?:an?|ein|eine)\s+(?=\w+\s+(?:by|von)\s))?"
    r"(?:(?:medically\s+)?reviewed\s+|fact[\s-]checked\s+)?"
    r"(?:(?:written|posted|reported|published|text|story|words|photos?|interview|eingestellt|"
    r"gespeichert|erstellt|article|post|"
    r"geschrieben|verfasst|ver\u00f6ffentlicht|beitrag|artikel|publi\u00e9|\u00e9crit|escrito|"
    r"publicado|scritto|pubblicato|geplaatst|geschreven)\s*:?\s*)?"
    rf"{_BY_WORD}\s*:?\s+)",
    re.IGNORECASE,
)
_AUTHOR_TAIL = re.compile(
    r"(?:\s*[|,/\u2022\u00b7\u2013\u2014-]\s*(?:staff(?:\s+writer|\s+reporter)?|contributor)"
    r"|\s+(?:says|sagt|schreibt|dit|dice|escreveu|wrote|am|on|le|el|il|op|em|\u00bb|\u00ab)"
    r"|\s*[|\u2022\u00b7]\s*\d+\s*[hmd]\b.*"
    r"|\s+(?:in|im|dans)(?:\s+\S.*)?|\s+(?:the|and|with|und|mit)|\s+on\s+(?=\S{0,15}\d).*|\s*[\u00bb\u00ab]\s.*"
    r"|\s+(?:edited|reviewed|fact[\s-]checked|photos?|illustrations?)\s+by\b.*"
    r"|\s+on\s+behalf\s+of\b.*|\s*[|,\u2022\u00b7-]?\s*(?:sponsored|gesponsert|anzeige)"
    r"|\s+(?:more\s+(?:posts|articles|stories)|view(?:\s+(?:all|profile|more))?|follow)\b.*"
    r"|\s*(?:[|,\u2022\u00b7\u2013\u2014-]\s*)?(?:updated|published|posted|last updated)\b.*)\s*$",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    r"^(?:https?://|www\.)|^\W*$|^\d+$|\(\s*(?:required|erforderlich|"
    r"obligatoire|obligatorio|obbligatorio)\s*\)"
    r"|^[a-z_]{2,}(?:\.[a-z_]{2,}){2,}$"  # a template's placeholder: "page.head.author"
    r"|^(?:undefined|null|nan|mon|tue|wed|thu|fri|sat|sun)$"  # a script's or a weekday
    r"|\b\d+\s*(?:min|mins|minutes?|minuten)\b"  # a reading time: "ca. 8 Min."
    r"|[©$€£¥]|\bby$"  # a copyright line, a price, a label alone ("Article by")
    r"|\b(?:powered|designed|developed|built|hosted|websites?|site|theme)\s+by\b",  # a credit
    re.I)
# "Ann Lee | 3 days ago": when, after the name
_AGO_TAIL = re.compile(
    r"\s*[|\u00b7\u2022,-]?\s*\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)"
    r"\s+ago\b.*$", re.I)
# "8 Written by Ann Lee": a label inside the text, with a count or an icon's text before it
_BY_INSIDE = re.compile(r"^.{0,24}?\b(?:written|posted|published)\s+by\s+(?=\w)", re.I)
_AUTHOR_CLASSES = ("[class*=author i], [class*=byline i], [rel~=author], [class*=autor i], "
                   "[class*=auteur i], [class~=submitted]")  # Drupal's "Submitted by Ann on ..."
_BYLINE_SKIP = re.compile(r"comment|avatar|photo|image|img|bio|desc|social|follow|more|related|"
                          r"posts|list|widget|box-title|about", re.I)
_INITIAL = re.compile(r"\w\.?")
_END_MARKS = re.compile(r"(?:\s*\*+|\s+\.)$")  # "Ann Lee*", "Ann Lee, DVM ." (not "Ph.D.")
# "Ann Lee Quelle: dpa": the next field (not "Artikel von: Ann Lee")
_NEXT_LABEL = re.compile(rf"\s+(?!{_BY_WORD}:)[^\W\d_]{{3,}}:\s.*$", re.I)
_WRITTEN_BY = re.compile(r"(?:this\s+(?:post|article|story)\s+(?:was|is)\s+)?written\s+by\s",
                         re.I)
# the label of a date: "Posted on", "Published", "Ver\u00f6ffentlicht am", "Publi\u00e9 le"
_DATE_LABEL = re.compile(
    r"(?:posted|published|written|updated|last updated|date|datum|ver\u00f6ffentlicht|"
    r"erschienen|publi\u00e9|publicado|pubblicato|geplaatst)(?:\s+(?:on|am|le|el|il|op|em))?",
    re.IGNORECASE)
_LAST_FIRST = re.compile(r"^([^,\s][^,]*),\s*([^,]+)$")
_COMMENT_TOKEN = re.compile(  # "comments", "comment-list", "comment-123", not "comments-open"
    r"(?:comments?|commentlist|respond|replies|reply)(?:[-_](?:list|area|section|body|thread|"
    r"wrap|wrapper|container|content|item|inner|\d+))?$|comment-(?!s?open|s?closed|count)"
)
_PROFILE_HREF = re.compile(  # /author/ann-lee, /users/123/ann, /members/ann.42/, /u/ann
    r"/(?:authors?|autor(?:en)?|auteurs?|u|users?|members?|profil(?:es?)?|people|contributors?)/"
    r"[^/?#]+/?(?:[^/?#]+/?)?$(?<!\.html)(?<!\.htm)|[?&](?:mode=viewprofile|showuser=|u=\d)",
    re.I)
_DATA_AUTHOR = ("data-author-username", "data-author", "data-username")
_DATA_AUTHOR_CSS = ", ".join(f"[{name}]" for name in _DATA_AUTHOR)
# An attribute name is written out in the markup (no references), in any case: a page without
# one of these strings has none of those attributes (a C scan instead of an attribute select;
# a leading literal keeps the scan fast, so "data" is checked on the few hits).
_DATA_AUTHOR_MARK = re.compile(rb"-(?:[aA][uU][tT][hH][oO][rR]|[uU][sS][eE][rR][nN][aA][mM][eE])")
_SORT_BY = re.compile(r"(?:sort(?:ed)?|order(?:ed)?|filter(?:ed)?|sortieren|trier)\W*$", re.I)
_BYLINE_NAME = re.compile(r"name|fn\b", re.I)
_MICROFORMAT_NAME = ".u-author, .p-author, .h-card, .p-name"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0400-\u042f"
_WEEKDAYS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "mi\u00e9rcoles", "jueves", "viernes", "s\u00e1bado", "domingo"))
_PARTICLES = "de|la|le|del|della|van|von|der|den|ter|ten|da|di|du|dos|das|bin|al|zu|y"
_LABEL_WORDS = frozenset(("post", "posted", "published", "updated", "date", "last"))
# by-words that are also common prepositions: with one capitalised word after them, prose
_PREPOSITION_BY = re.compile(r"(?:von|par|por|door|av|af|przez)\b", re.I)
_BY_TEXT = re.compile(  # in running text: the by-word capitalised ("Von", not "von")
    r"(?:^|[\s|\u00b7\u2022(])(?:By|BY|Von|VON|Par|PAR|Por|POR|Door|Av|Af|Przez|Autor|Author|"
    r"Autorin|Auteur|Redaktion|(?i:article by|written by|posted by))\s*:?\s+"
    # capitalised words ("J.R. Stone"), particles between them ("Jose de la Cruz")
    rf"([{_UPPER}][\w'\u2019.-]*(?:\s+(?:(?:{_PARTICLES})\s+)*[{_UPPER}][\w'\u2019.-]*){{0,3}})"
    r"(?![\w'\u2019])"
)
_CREDITS = re.compile(r"[^\W\d_]+:\s[^,:]+(?:,\s*[^\W\d_]+:\s[^,:]+)+")
_STARTER = re.compile(  # "Thread starter ann_lee Start date ...", "Themenstarter: Ann Lee"
    r"\b(?:thread\s+starter|topic\s+starter|started\s+by|themenstarter|themenersteller)"
    r"\s*:?\s+(\S.{0,39}?)(?=\s+(?:start\s+date|startdatum|start-datum|erstellt|date|on|am)\b"
    r"|\s*[\u2022\u00b7|,]|\s+\d|$)", re.I)
_LIST_SEP = re.compile(r"\s*(?:[,;&]|\s(?:und|and|et|y|e)\s)\s*")  # "Ann Lee, Bo Chen und Cy Roe"
_LIST_MARK = re.compile(r"\s*(?:[,;&]|\s(?:und|and|et|y|e)\s)\s*")
_PERSON_START = re.compile(rf"[{_UPPER}][\w'\u2019.-]*\s+[{_UPPER}][\w'\u2019.-]*")
_PERSON_NAME = re.compile(  # two to four capitalised words, particles between them
    rf"[{_UPPER}][\w'\u2019.-]*(?:\s+(?:(?:{_PARTICLES})\s+)*[{_UPPER}][\w'\u2019.-]*){{1,3}}")
# what follows a name after a dash or bar (checked for role words), or a job title "at" a firm
_ROLE_TAIL = re.compile(r"\s+[-\u2013\u2014|]\s+.*$|,\s+[^,]{2,60}?\s(?P<at>at|bei|chez)\s.*$")
_TEAM_WORDS = _ROLE_WORDS | {"team", "editorial", "redaktion", "staff"}
_READ_TIME = re.compile(r"(?:at\s+|um\s+)?\d{1,2}:\d\d(?:\s*(?:[ap]\.?m\.?|uhr\b))?"
                        r"|\d+\s*min(?:ute)?s?\s+read", re.I)
# a role written before the name, alone or as the last part of a compound ("...-Experte"); the
# adjectives among the role words ("senior") only with a noun after them
_ROLE_ADJECTIVES = frozenset(("assistant", "associate", "chief", "content", "contributing",
                              "deputy", "former", "freelance", "guest", "head", "senior", "sr."))
_LEAD_ROLES = _ROLE_WORDS | {"experte", "expertin", "gastautor", "gastautorin", "kolumnist",
                             "kolumnistin", "reporterin"}
_SLASH_SPACE = re.compile(r"(?<=\S)/ (?=\S)")
_ROLE_NOTE = re.compile(r"\s*\([^()]{2,60}\)$")  # "Ann Lee (Pressesprecherin)"
_PAGE_DATE = re.compile(r"(?:19|20)\d\d\D{1,3}[01]?\d\D{1,3}[0-3]?\d|\d{1,2}:\d\d")


def _clean_author(text: str) -> str | None:
    # "ORF.at/<a>Agenturen</a>" read with a space between the elements: the slash joins
    text = _END_MARKS.sub("", _SLASH_SPACE.sub("/", _text(text)[:_MAX_TEXT].replace(" ,", ",")))
    if text.endswith(":") or (_CREDITS.match(text) and not _BY.match(text)):  # a label alone
        return None  # ("Autor:"), its value elsewhere; credits ("content: X, design: Y")
    dated = _first_date_match(text) or _DATEISH.search(text)
    if dated:  # "Jane Doe Dec 12, 2025" or "Dec 12, 2025 Jane Doe": keep the name side
        before = text[:dated.start()].strip(" |,-\u2013\u2014\u00b7\u2022")
        after = _READ_TIME.sub("", text[dated.end():]).strip(_NAME_TRIM)
        if before.endswith(":") or _DATE_LABEL.fullmatch(before):  # "Stand: 20. April 2020",
            before = ""  # "Posted on": no name; "Datum: ... Autor: Ann" names one after a by-label
            after = after if _BY.match(after + " ") else ""
        # "Stars 06.11.2023 von Ann": the by-word says which side names the author
        text = after if after and _BY.match(after + " ") else before or after
    text = _NEXT_LABEL.sub("", _BY_INSIDE.sub("", text))
    for _ in range(2):
        text = _BY.sub("", text).strip(_NAME_TRIM)
        text = _AUTHOR_TAIL.sub("", text).strip(_NAME_TRIM)
    text = _role_tail_cut(_AGO_TAIL.sub("", text))
    text = _lead_role_cut(text)
    words = _END_MARKS.sub("", text).split()
    half = len(words) // 2
    if (half and len(words) % 2 == 0 and words[:half] == words[half:]
            and not all(_INITIAL.fullmatch(w) for w in words)):  # "R. R.": two initials
        words = words[:half]  # "Jane Doe Jane Doe": a link and a label
    for i, word in enumerate(words[2:], 2):  # "Will Judd Former Deputy Editor": no comma, a role
        if word.lower().rstrip(",") in _ROLE_WORDS:
            words = words[:i]
            break
        if word.endswith(","):
            break
    text = " ".join(words).strip(_NAME_TRIM)  # "Ann Lee, Head of ...": the comma goes too
    if not text or len(text) > 150 or _NOT_A_NAME.search(text) or _PAGE_DATE.search(text):
        return None
    if (text.lower() in _JUNK_AUTHORS or len(text.split()) > 16
            or (len(text) <= 3 and text.lower() in STOPWORDS)):  # "I", "The" (not "Will")
        return None
    return text


def _lead_role_cut(text: str) -> str:
    """``text`` without a role written before the name: "FOCUS-Online-Experte Ann Lee",
    "Senior Editor Ann Lee" (not "Content Marketing Team")."""
    words = text.split()
    roles = [w.lower().rsplit("-", 1)[-1].rstrip(":") for w in words]  # "...-experte" -> "experte"
    i = 0
    while i < len(words) - 2 and roles[i] in _LEAD_ROLES:
        i += 1
    lead = set(roles[:i])
    rest = " ".join(words[i:])
    if i and lead - _ROLE_ADJECTIVES and _PERSON_NAME.fullmatch(rest):
        return rest
    return text


def _role_tail_cut(text: str) -> str:
    """``text`` without a role set off after the name: "Ann Lee - Site Editorial Team",
    "Ann Lee, Trial Attorney at Firm & Co"."""
    m = _ROLE_TAIL.search(text)
    if m and len(text[:m.start()].split()) >= 2 and (
            m["at"] or _TEAM_WORDS.intersection(_key(m[0]).split())):
        return text[:m.start()]
    return text


def _join_authors(names: list[str]) -> str | None:
    seen: list[str] = []
    keys: set[str] = set()
    for name in names:
        cleaned = _clean_author(name)
        if cleaned and _key(cleaned) not in keys:
            keys.add(_key(cleaned))
            seen.append(cleaned)
    return ", ".join(seen[:10]) or None


def _ld_authors(ld: _LD, obj: dict[str, Any] | None) -> tuple[list[str], bool]:
    """The author names of a JSON-LD object, and whether they are all organisations."""
    if obj is None:
        return [], False
    value = obj.get("author") or obj.get("creator")
    items = value if isinstance(value, list) else [value]
    names = []
    orgs = 0
    for item in items[:20]:
        resolved = _ld_resolve(ld, item)
        name = _ld_text(resolved)
        if name:
            names.append(name)
            types = _types_of(resolved) if isinstance(resolved, dict) else []
            if _ORG_TYPES.intersection(types) and "person" not in types:
                orgs += 1  # ["Person", "Organization"]: a one-person site, a person
    return names, bool(names) and orgs == len(names)


def _in_comments(node: LexborNode) -> bool:
    parent = node.parent
    for _ in range(8):
        if parent is None or parent.tag in ("body", "article", "main"):
            return False
        attrs = parent.attributes
        marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        if ("comment" in marks or "respon" in marks or "repl" in marks) and any(
                _COMMENT_TOKEN.match(token) for token in marks.split()):
            return True
        parent = parent.parent
    return False


def _byline_names(root: LexborHTMLParser | LexborNode) -> list[str]:
    """Names from elements classed as bylines or authors (outside comment threads)."""
    named: list[str] = []
    plain: list[str] = []
    for node in root.css(_AUTHOR_CLASSES)[:30]:
        if node.tag in ("body", "html", "main", "article", "section", "img", "meta", "script",
                        "style", "label", "input", "form", "button", "textarea", "option",
                        "nav", "footer", "time"):
            continue
        marks = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        text = _clean(node.text(separator=" "))
        if _BYLINE_SKIP.search(marks) and not _WRITTEN_BY.match(text):
            continue  # an author's bio box only when it opens "This post was written by"
        text = _name_inside(node, text)
        if len(text) > 60:  # an author box: the name is its first line
            lines = [x for x in (_clean(t) for t in node.text(separator="\n").split("\n")) if x]
            text = " ".join(lines[:2]) if lines and _BY.fullmatch(lines[0] + " ") else (
                lines[0] if lines else "")
        if not 2 < len(text) < 120 or _in_comments(node):
            continue
        (named if _BYLINE_NAME.search(marks) else plain).append(text)
        if len(named) + len(plain) >= 6:
            break
    return named + plain


def _name_inside(node: LexborNode, text: str) -> str:
    """A byline element's name: the text of the microformat name it holds ("via <a
    class=u-author>Ann Lee</a> 1 year ago | 12 comments"), else its own."""
    for inner in node.css(_MICROFORMAT_NAME)[:2]:
        name = _clean(inner.text(separator=" "))
        if 2 < len(name) < len(text):
            return name
    return text


def _data_authors(tree: LexborHTMLParser) -> list[str]:
    """Author names forum and Q&A software writes into post attributes (``data-author``)."""
    names: list[str] = []
    markup = tree.raw_html
    if not any(markup[max(0, m.start() - 4):m.start()].lower() == b"data"
               for m in _DATA_AUTHOR_MARK.finditer(markup)):
        return names
    for node in tree.css(_DATA_AUTHOR_CSS)[:3]:
        attrs = node.attributes
        value = _clean(next((v for name in _DATA_AUTHOR if (v := attrs.get(name))), ""))
        if 1 < len(value) <= 60 and not _NOT_A_NAME.search(value) and not _in_comments(node):
            names.append(value)
    return names


def _profile_link(around: _Around) -> str | None:
    """The text of the first link to a person's profile page below the headline."""
    region = around.region()
    if region is None:
        return None
    links = region.css("a[href]")[:400] if not is_big(region.parser) else list(
        itertools.islice((n for n in walk(region) if n.tag == "a" and "href" in n.attributes),
                         400))
    for node in links:
        href = node.attributes.get("href") or ""
        if not _PROFILE_HREF.search(href):
            continue
        text = _clean(node.text(separator=" "))
        words = _key(text).split()
        # a name, and the one the link points to: "/users/42/ann-lee" for "Ann Lee"
        if (1 < len(text) <= 60 and 0 < len(words) <= 4 and words[0] in href.lower()
                and words[0] not in _host(href) and not _in_comments(node)):
            return text
    return None


def _host(href: str) -> str:
    """The host of an absolute link, lower-cased ("" for a relative one): a link to
    youtube.com/user/... is the platform's, not a person's profile named "YouTube"."""
    try:
        return urlsplit(href).netloc.lower()
    except ValueError:  # a malformed address ("http://[bad")
        return ""


def _choose_author(tree: LexborHTMLParser, around: _Around, s: _Scan, ld: _LD, *,
                   sites: list[list[str]], hosts: list[str], shop: bool) -> str | None:
    """The first person-like author in source order; an organisation only when nothing else
    (no hint names a person either)."""
    person, organisation = _person_or_organisation(tree, around, s, ld, sites=sites,
                                                   hosts=hosts, shop=shop)
    if person is None:
        person = next(filter(None, (_join_authors([h]) for h in author_hints(s))), None)
    if person and ", " in person:
        person = _as_written(person, [*_byline_names(tree), around.byline()])
    return person or organisation


_WRITTEN_SEP = r"(?:\s*,\s*(?:(?:and|und|et|y|e)\s+)?|\s+(?:and|und|&|et|y|e)\s+)"


def _as_written(names: str, texts: list[str]) -> str:
    """``names`` ("Ann Lee, Bo Chen") as a byline writes the same names in the same order ("Ann
    Lee and Bo Chen"), else as they are."""
    parts = names.split(", ")
    if len(parts) > 10:
        return names
    pattern = re.compile(_WRITTEN_SEP.join(re.escape(n) for n in parts), re.I)
    for text in texts:
        m = pattern.search(_text(text).replace(" ,", ","))
        if m:
            return m[0]
    return names


def _person_or_organisation(tree: LexborHTMLParser, around: _Around, s: _Scan, ld: _LD, *,
                            sites: list[list[str]], hosts: list[str],
                            shop: bool) -> tuple[str | None, str | None]:
    """The first person-like author in source order, else (None, the first organisation)."""
    fallback: str | None = None

    def consider(found: str | None, org: bool = False) -> str | None:
        nonlocal fallback
        if not found:
            return None
        if org or _is_site(found, sites, hosts, exact=True):
            fallback = fallback or found
            return None
        return found

    for obj in (ld.main, ld.page):  # the article's, else the web page's own author
        names, org = _ld_authors(ld, obj)
        found = consider(_join_authors(names), org)
        if found:
            return _fuller(found, s, tree, around), None
    for name in _AUTHOR_META:
        found = consider(_join_authors(_meta_names(s, name)))
        if found:
            return _fuller(found, s, tree, around), None
    found = consider(_join_authors([labelled_meta(s) or ""]))
    if found:  # "twitter:label1" = "Written by": page-level, as the meta tags are
        return found, None
    found = consider(_thread_starter(around))
    if found:  # a thread page (maybe not its first page): the first post shown may be a reply
        return found, None
    names = []
    for prop, node in s.itemprops:
        if prop in ("author", "creator") and not _in_comments(node):
            inner = node.css_first("[itemprop=name]")
            names.append(_clean((inner or node).text(separator=" ")))
            break  # later ones are mostly other people's posts or related articles
    found = consider(_join_authors(names))
    if found:
        return found, None
    if not shop:  # on a product page, "by" and author classes name reviewers and brands
        found = consider(_join_authors(_data_authors(tree)[:1]))
        if found:
            return found, None
        for text in _byline_names(tree):
            found = consider(_join_authors([text]))
            if found:
                return found, None
        found = consider(_join_authors([_visible_byline(around) or ""]))
        if found:
            return found, None
        found = consider(_dateline_author(around))
        if found:
            return found, None
        found = consider(_join_authors([_profile_link(around) or ""]))
        if found:
            return found, None
    for obj in ld.objects:
        names, org = _ld_authors(ld, obj)
        found = consider(_join_authors(names), org)
        if found:
            return found, None
    return None, fallback


def _meta_names(s: _Scan, name: str) -> list[str]:
    values = s.meta.get(name, [])
    if name in ("citation_author", "dc.creator", "dcterms.creator"):
        values = [_LAST_FIRST.sub(r"\2 \1", v) for v in values]  # "Roy, Ann" -> "Ann Roy"
    return values


def _fuller(found: str, s: _Scan, tree: LexborHTMLParser, around: _Around) -> str:
    """``found``, one name, or the longer list of names another author tag or a byline element
    gives starting with it ("Ann Lee" and "von Ann Lee, Bo Chen": "Ann Lee, Bo Chen")."""
    if "," in found:
        return found
    lists = [_join_authors(values) or "" for name in _AUTHOR_META
             if len(values := _meta_names(s, name)) > 1]
    fuller = _list_from(found, lists)
    if fuller is None and _listed(found, around.byline()):  # byline elements are looked up
        fuller = _list_from(found, _byline_names(tree))  # only where the text under the
    return fuller or found  # headline lists more after the name


def _list_from(first: str, texts: list[str]) -> str | None:
    """The first of ``texts`` that lists two or more names starting with ``first``."""
    for text in texts:
        names = [n for n in (x.strip(_NAME_TRIM) for x in _LIST_SEP.split(
            _BY.sub("", _text(text)).strip(_NAME_TRIM))) if n]
        if (len(names) > 1 and _key(names[0]) == _key(first)
                and all(_PERSON_NAME.fullmatch(n) and not _ROLE_WORDS.intersection(
                    _key(n).split()) for n in names[:10])):  # "Ann Lee, Senior Editor"
            return ", ".join(names[:10])
    return None


def _listed(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` and then another ("Ann Lee, Bo Chen", "Ann Lee und Bo
    Chen"; not "Ann Lee, Senior Editor")."""
    at = text.find(name)
    for _ in range(20):
        if at < 0:
            return False
        mark = _LIST_MARK.match(text, at + len(name))
        after = _PERSON_START.match(text, mark.end()) if mark else None
        if after and not _ROLE_WORDS.intersection(_key(after[0]).split()):
            return True
        at = text.find(name, at + 1)
    return False


def _thread_starter(around: _Around) -> str | None:
    """The user a forum thread's header names as its starter ("Thread starter ann_lee")."""
    m = _STARTER.search(around.byline())
    return _clean_author(m[1]) if m else None


def _visible_byline(around: _Around) -> str | None:
    """A "By Jane Doe" written just under the headline."""
    window = around.byline(800)
    m = _BY_TEXT.search(window)
    if m is None or _SORT_BY.search(window, max(0, m.start() - 12), m.start() + 1):
        return None  # "Sort by Featured": a list control, not a byline
    words = m[1].split()
    if not words[0].isupper():  # "By Jose Cruz CVS Health": an acronym starts something else
        words = list(itertools.takewhile(lambda w: not (w.isupper() and len(w) > 1), words))
    # "By Ann Lee December 3, ...", "By Ann Lee Thursday"
    while words and (words[-1].lower().rstrip(".,") in _MONTHS
                     or words[-1].lower().rstrip(".,") in _WEEKDAYS
                     or words[-1].lower() in _LABEL_WORDS):  # "By Ann Lee Post date ..."
        words.pop()
    if len(words) == 1 and _PREPOSITION_BY.match(m[0].strip(" |\u00b7\u2022(")):
        return None  # "Von Berlin aus fuhren ...", "Par Paris": a preposition, not a byline
    return " ".join(words)


_BY_BEFORE = re.compile(rf"(?:^|\s){_BY_WORD}\s*:?\s*$", re.I)
# lines that open like a byline and are not one: "About Us", a photo credit, a link to more
_NOT_BY = re.compile(
    r"(?:\u00fcber|about|more\s+from|\(c\)|copyright|fotos?|photos?|bild|image|quelle|source"
    r"|(?:view\s+|see\s+|zeige\s+)?(?:all\s+|alle\s+)?(?:posts|articles|stories|beitr\u00e4ge)"
    r"\s+(?:by|von))\b", re.I)
_COUNT_TAIL = re.compile(  # "Ann Lee 4 Comments", "Ann Lee, Monday"
    r"\s+\d+\s+(?:comments?|kommentare?|replies|antworten|responses|r\u00e9ponses?)\b.*$"
    r"|[\s,]+(?:on\s+|am\s+|le\s+|el\s+)?(?:" + "|".join(sorted(_WEEKDAYS)) + r")\b.*$", re.I)
_DATE_SEP = re.compile(r"[|\u00b7\u2022,/\u2013\u2014]|\s-\s")


def _dateline_author(around: _Around) -> str | None:
    """The name on a short line next to the headline that also holds a date ("25.10.2022 -
    Ann Lee", "12.03.2024 | 13:10 Uhr | Ann Lee") or opens with a by-word ("von Ann Lee")."""
    named = [(line, _line_name(line)) for line in around.lines()]
    for line, name in named:
        if name is None:
            continue
        for part, said in named:  # "06.11. von Ann" in a span of "Stars 06.11. von Ann Symbol",
            if part == line or part not in line:  # "Ann Lee" in "By Ann Lee 4 Comments"
                continue
            shorter = said or _clean_author(part)
            if shorter and shorter != name and name.startswith(shorter) and (
                    said or _PERSON_NAME.fullmatch(shorter)):
                return shorter
        return name
    return None


def _line_name(line: str) -> str | None:
    """The author a dateline or by-line names, or None."""
    dated = _first_date_match(line) or _DATEISH.search(line)
    opens = bool(_BY.match(line)) and not _NOT_BY.match(line)
    if not (dated or opens):
        return None
    name = _clean_author(_ROLE_NOTE.sub("", line))  # "Ann Lee (Pressesprecherin)"
    name = _COUNT_TAIL.sub("", name) if name else name
    if not name or not name[0].isupper() or len(name.split()) > 4:
        return None
    at = line.find(name)
    if opens or (at > 0 and _BY_BEFORE.search(line, 0, at)):
        return name  # a name a by-word introduces may be one word ("von Olga")
    # after a bare date, set off from it, a person's name only: two to four capitalised
    # words, no role word (not "Essay", "Uhr", "Redaktion")
    if (dated and at >= dated.end() and _DATE_SEP.search(line, dated.end(), at)
            and _PERSON_NAME.fullmatch(name) and not _TEAM_WORDS.intersection(_key(name).split())):
        return name
    return None
