"""What a page says about itself: parsed HTML → :class:`~pageparts.blocks.Metadata`.

Sources, best first for each field: JSON-LD (``@graph``, lists and nested objects included),
OpenGraph / Twitter / Dublin Core / ``<meta name>`` tags, microdata (``itemprop``), ``<title>``,
``<h1>``, ``<time>``, ``rel=author`` and byline classes, and the URL path for dates.
One CSS pass gathers the tags; JSON-LD is parsed leniently and never raises.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from importlib import resources
from typing import Any
from urllib.parse import urljoin, urlsplit

from dateutil import parser as dateparser
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..blocks import Metadata

__all__ = ["read_metadata"]

_MAX_JSONLD = 1_000_000  # characters; larger scripts are skipped
_MAX_LD_OBJECTS = 2_000  # dicts visited per page when walking JSON-LD
_MAX_LD_DEPTH = 12
_MAX_TEXT = 400  # characters kept from a candidate title, byline or site name
_MAX_DESCRIPTION = 2_000
_MAX_BODY_TEXT = 400_000  # characters of body text searched for a visible date
_BYLINE_WINDOW = 300  # characters after the headline searched for the date shown with it
_MIN_OVERLAP = 0.15  # word Jaccard above which an <h1> is taken over differing meta titles

_DC = ("dc:", "dcterms:")  # Dublin Core written with a colon: stored as "dc.creator"
_SCAN = ("title, meta[content], link[rel=canonical], script, h1, time, [itemprop], [itemtype], "
         "[data-author-username], [data-author], [data-username]")
_DATA_AUTHOR = ("data-author-username", "data-author", "data-username")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))  # soft hyphen, ZW*
_DANGLING_SEP = re.compile(r"\s+[-|:/\u2013\u2014\u00b7\u2022]+$")  # "Headline -" (no site)
_BARE = re.compile(r"[\s|:/\u00b7\u2013\u2014-]+")  # spacing and separators
_NOT_HEADLINE = "style, script, noscript, button, svg, template"  # text in an <h1> not shown
_KEY = re.compile(r"[\W_]+", re.UNICODE)

# --- vocabularies -----------------------------------------------------------------------------

_VOCAB = json.loads(resources.files("pageparts.data").joinpath("meta_vocab.json")
                    .read_text("utf-8"))
_TITLE_META = tuple(_VOCAB["title_meta"])
_AUTHOR_META = tuple(_VOCAB["author_meta"])
_DATE_META = tuple(_VOCAB["date_meta"])
# meta names that may hold any date of the page (a crawl, a build): after <time> elements
_WEAK_DATE_META = ("date", "dc.date", "dcterms.date", "timestamp", "created", "published")
_MODIFIED_META = tuple(_VOCAB["modified_meta"])
_SITE_META = tuple(_VOCAB["site_meta"])
_LANG_META = tuple(_VOCAB["language_meta"])
_DESC_META = tuple(_VOCAB["description_meta"])
_STORY_TYPES = frozenset(_VOCAB["story_types"])  # articles, posts, reports, recipes
_ENTITY_TYPES = frozenset(_VOCAB["entity_types"])  # products, events, courses, jobs
_ARTICLE_TYPES = _STORY_TYPES | _ENTITY_TYPES
_PAGE_TYPES = frozenset(_VOCAB["page_types"])
_ORG_TYPES = frozenset(_VOCAB["organisation_types"])
_GENERIC_HEADINGS = frozenset(_VOCAB["generic_headings"])
_JUNK_AUTHORS = frozenset(_VOCAB["junk_authors"])
_ROLE_WORDS = frozenset(_VOCAB["role_words"])
_SHOP_TYPES = frozenset(_VOCAB["shop_types"])

_TITLE_SEPS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ", " // ", " \u00bb ",
               " \u00ab ", " : ", " ~ ", " / ", " \u2022 ")
# a site name may be its host plus one of these: "Raspberry Pi Forums" on raspberrypi.com
_SITE_WORDS = ("forums", "forum", "blog", "news", "magazine", "online", "wiki",
               "docs", "documentation")
# \u00a9 is the copyright sign, \u2192 an arrow ("All posts by Ann \u2192")
_NAME_TRIM = " :|,&-\u2013\u2014\u00b7\u2022\u00a9\u2192\u00bb"
_BY_WORD = r"(?:by|von|par|por|di|da|door|av|af|przez|de|author|autor|auteur|autore|\u043e\u0442)"
_BY = re.compile(
    # "View all posts by", "More from", "About": a label that already says whose name follows
    r"^(?:(?:view\s+|zeige\s+|see\s+)?(?:all\s+|alle\s+)?(?:posts?|articles?|stor(?:y|ies)|beitr(?:ag|\u00e4ge)|artikel)"
    r"\s+(?:by|von)\s+"
    r"|more\s+from\s+|\u00fcber\s+|about\s+|\(c\)\s*|copyright\s+"
    r"|(?:interview|text|photos?|fotos?|authors?|autoren|auteurs?)\s*:\s*"
    r"|(?:guide|review|story|recipe|video|analysis|column|report|reporting|essay|commentary|"
    r"opinion|authored|compiled|curated|(?:post\s+)?author)\s+by\s*:?\s+"
    # "[This post was] [written|posted|...] by", "Reviewed by", "Eingestellt von"
    r"|(?:this\s+(?:post|article|story|page)\s+(?:was\s+|is\s+)?)?"
    r"(?:(?:medically\s+)?reviewed\s+|fact[\s-]checked\s+)?"
    r"(?:(?:written|posted|reported|published|text|story|words|photos?|interview|eingestellt|"
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
    r"|\s+(?:more\s+(?:posts|articles|stories)|view(?:\s+(?:all|profile|more))?|follow)\b.*"
    r"|\s*(?:[|,\u2022\u00b7\u2013\u2014-]\s*)?(?:updated|published|posted|last updated)\b.*)\s*$",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    r"^(?:https?://|www\.)|^\W*$|^\d+$|\(\s*(?:required|erforderlich|"
    r"obligatoire|obligatorio|obbligatorio)\s*\)"
    r"|^[a-z_]{2,}(?:\.[a-z_]{2,}){2,}$"  # a template's placeholder: "page.head.author"
    r"|^(?:undefined|null|nan|mon|tue|wed|thu|fri|sat|sun)$",  # a script's or a weekday
    re.I)
# "8 Written by Ann Lee": a label inside the text, with a count or an icon's text before it
_BY_INSIDE = re.compile(r"^.{0,24}?\b(?:written|posted|published)\s+by\s+(?=\w)", re.I)
_AUTHOR_CLASSES = "[class*=author i], [class*=byline i], [rel~=author], [class*=autor i]"
_BYLINE_SKIP = re.compile(r"comment|avatar|photo|image|img|bio|desc|social|follow|more|related|"
                          r"posts|list|widget|box-title|about", re.I)
_END_MARKS = re.compile(r"(?:\s*\*+|\s+\.)$")  # "Ann Lee*", "Ann Lee, DVM ." (not "Ph.D.")
_LAST_FIRST = re.compile(r"^([^,\s][^,]*),\s*([^,]+)$")
_COMMENT_TOKEN = re.compile(  # "comments", "comment-list", "comment-123", not "comments-open"
    r"(?:comments?|commentlist|respond|replies|reply)(?:[-_](?:list|area|section|body|thread|"
    r"wrap|wrapper|container|content|item|inner|\d+))?$|comment-(?!s?open|s?closed|count)"
)
_PROFILE_HREF = re.compile(  # /author/ann-lee, /users/123/ann, /members/ann.42/, /u/ann
    r"/(?:authors?|autor(?:en)?|auteurs?|u|users?|members?|profiles?|people|contributors?)/"
    r"[^/?#]+/?(?:[^/?#]+/?)?$(?<!\.html)(?<!\.htm)|[?&](?:mode=viewprofile|showuser=|u=\d)",
    re.I)
_SORT_BY = re.compile(r"(?:sort(?:ed)?|order(?:ed)?|filter(?:ed)?|sortieren|trier)\W*$", re.I)
_BYLINE_NAME = re.compile(r"name|fn\b", re.I)
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0400-\u042f"
_WEEKDAYS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "mi\u00e9rcoles", "jueves", "viernes", "s\u00e1bado", "domingo"))
_PARTICLES = "de|la|le|del|della|van|von|der|den|ter|ten|da|di|du|dos|das|bin|al|zu|y"
_BY_TEXT = re.compile(  # in running text: the by-word capitalised ("Von", not "von")
    r"(?:^|[\s|\u00b7\u2022(])(?:By|BY|Von|VON|Par|PAR|Por|POR|Door|Av|Af|Przez|Autor|Author|"
    r"Autorin|Auteur|Redaktion|(?i:article by|written by|posted by))\s*:?\s+"
    # capitalised words ("J.R. Stone"), particles between them ("Jose de la Cruz")
    rf"([{_UPPER}][\w'\u2019.-]*(?:\s+(?:(?:{_PARTICLES})\s+)*[{_UPPER}][\w'\u2019.-]*){{0,3}})"
    r"(?![\w'\u2019])"
)
_READ_TIME = re.compile(r"(?:at\s+)?\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?|\d+\s*min(?:ute)?s?\s+read",
                        re.I)
_PAGE_DATE = re.compile(r"(?:19|20)\d\d\D{1,3}[01]?\d\D{1,3}[0-3]?\d|\d{1,2}:\d\d")

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:[tT\s]|$)")
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-]([01]?\d)[/_-]([0-3]?\d)(?!\d)|"
    r"/((?:19|20)\d{2})([01]\d)([0-3]\d)(?:[/_.-]|$)"
)
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})(?:/([01]\d))?/")
_URL_LOCALE = re.compile(r"/en[-_]([a-zA-Z]{2})(?:/|$)")
_URL_DMY = re.compile(r"[/_-]([0-3]\d)[._-]([01]\d)[._-]((?:19|20)\d{2})(?![\d])")
_HAS_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][\w-]*)?$")


# --- the scan ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Scan:
    """Everything one CSS pass over the tree collects."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    title: str | None = None
    h1: list[str] = field(default_factory=list)
    canonical: str | None = None
    scripts: list[str] = field(default_factory=list)
    times: list[tuple[str, bool, bool]] = field(default_factory=list)  # value, published, after h1
    h1_nodes: list[LexborNode] = field(default_factory=list)
    other_scripts: list[LexborNode] = field(default_factory=list)  # non-JSON-LD, read lazily
    itemprops: list[tuple[str, LexborNode]] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    data_authors: list[tuple[str, LexborNode]] = field(default_factory=list)  # data-author=


def _clean(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _key(text: str) -> str:
    return _KEY.sub(" ", text.casefold()).strip()


def _scan(tree: LexborHTMLParser) -> _Scan:
    s = _Scan()
    for node in tree.css(_SCAN):
        tag = node.tag
        attrs = node.attributes
        if tag == "meta":
            content = _clean(attrs.get("content"))
            if not content:
                continue
            for attr in ("property", "name", "http-equiv"):
                names = attrs.get(attr)
                if names:
                    for token in names.lower().split()[:4]:
                        key = token.replace(":", ".", 1) if token.startswith(_DC) else token
                        s.meta.setdefault(key, []).append(content)
            prop = attrs.get("itemprop")
            if prop:
                s.meta.setdefault("itemprop:" + prop.strip().lower(), []).append(content)
            continue
        if tag == "title":
            if s.title is None:
                s.title = _clean(node.text())[:_MAX_TEXT * 2]
        elif tag == "h1":
            if len(s.h1) < 5:
                text = _clean(_visible_text(node, _NOT_HEADLINE))
                if text:
                    s.h1.append(text[:_MAX_TEXT])
                    s.h1_nodes.append(node)
        elif tag == "link":
            rel = (attrs.get("rel") or "").lower().split()
            if "canonical" in rel and s.canonical is None:
                s.canonical = _clean(attrs.get("href")) or None
        elif tag == "script":
            if "ld+json" in (attrs.get("type") or "").lower():
                if len(s.scripts) < 20:
                    s.scripts.append(node.text())
            elif len(s.other_scripts) < 100:
                s.other_scripts.append(node)
        elif tag == "time" and len(s.times) < 10:
            value = attrs.get("datetime") or ""
            marks = " ".join(str(attrs.get(a) or "") for a in ("class", "itemprop", "id")).lower()
            published = "pubdate" in attrs or "publish" in marks or "created" in marks
            s.times.append((value or _clean(node.text())[:80], published, bool(s.h1_nodes)))
        prop = attrs.get("itemprop")
        if prop and tag != "meta" and len(s.itemprops) < 200:
            s.itemprops.append((prop.strip().lower(), node))
        itemtype = attrs.get("itemtype")
        if itemtype:
            for t in itemtype.split():
                s.types.add(t.rstrip("/").rsplit("/", 1)[-1].lower())
        if len(s.data_authors) < 3:
            for name in _DATA_AUTHOR:
                author = attrs.get(name)
                if author:
                    s.data_authors.append((_clean(author), node))
                    break
    return s


def _first_meta(s: _Scan, names: tuple[str, ...]) -> str | None:
    for name in names:
        values = s.meta.get(name)
        if values:
            return values[0]
    return None


# --- JSON-LD ----------------------------------------------------------------------------------

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_HTML_COMMENT = re.compile(r"<!--|-->|//\s*<!\[CDATA\[|//\s*\]\]>|<!\[CDATA\[|\]\]>")


def _load_json(text: str) -> list[Any]:
    """Every JSON value in a script, repairing the common breakages; [] when hopeless."""
    text = text.strip()
    if not text or len(text) > _MAX_JSONLD:
        return []
    for attempt in range(2):
        if attempt:
            text = _TRAILING_COMMA.sub(r"\1", _HTML_COMMENT.sub("", text)).strip()
        values: list[Any] = []
        decoder = json.JSONDecoder(strict=False)
        pos = 0
        try:
            while pos < len(text):
                value, pos = decoder.raw_decode(text, pos)
                values.append(value)
                while pos < len(text) and text[pos] in " \t\r\n;,":
                    pos += 1
        except (ValueError, RecursionError):
            if values:
                return values
            continue
        return values
    return []


def _types_of(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return [x.rsplit("/", 1)[-1].lower() for x in items if isinstance(x, str)]


def _ld_objects(scripts: list[str]) -> list[dict[str, Any]]:
    """All JSON-LD dicts, flattened out of @graph, lists and nested values, document order."""
    out: list[dict[str, Any]] = []
    stack: list[tuple[Any, int]] = []
    for script in scripts:
        stack.extend((v, 0) for v in reversed(_load_json(script)))
        while stack and len(out) < _MAX_LD_OBJECTS:
            value, depth = stack.pop()
            if depth > _MAX_LD_DEPTH:
                continue
            if isinstance(value, list):
                stack.extend((v, depth + 1) for v in reversed(value[:500]))
            elif isinstance(value, dict):
                out.append(value)
                stack.extend((v, depth + 1) for k, v in reversed(list(value.items()))
                             if isinstance(v, (dict, list)) and k != "@context")
        stack.clear()
    return out


def _ld_text(value: Any) -> str | None:
    """A string field: strings as they are, numbers as text, {"name"/"@value"} unwrapped."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        return _clean(value) or None
    return None


@dataclass(slots=True)
class _LD:
    objects: list[dict[str, Any]]
    main: dict[str, Any] | None  # the article (or other main entity) the page is about
    page: dict[str, Any] | None  # the WebPage object
    by_id: dict[str, dict[str, Any]]
    types: set[str]


def _read_ld(scripts: list[str]) -> _LD:
    objects = _ld_objects(scripts)
    by_id: dict[str, dict[str, Any]] = {}
    types: set[str] = set()
    story = thing = page = None
    for obj in objects:
        ts = _types_of(obj)
        types.update(ts)
        oid = obj.get("@id")
        if isinstance(oid, str) and len(obj) > 1:
            by_id.setdefault(oid, obj)
        if story is None and any(t in _STORY_TYPES or t.endswith("article") for t in ts):
            story = obj
        if thing is None and any(t in _ARTICLE_TYPES for t in ts):
            thing = obj
        if page is None and any(t in _PAGE_TYPES for t in ts):
            page = obj
    # the page is about its article if it has one; a product or event otherwise
    return _LD(objects, story or thing, page, by_id, types)


def _ld_resolve(ld: _LD, value: Any) -> Any:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
        ref = value.get("@id")
        if isinstance(ref, str):
            return ld.by_id.get(ref, value)
    return value


# --- title ------------------------------------------------------------------------------------


def _host_keys(url: str | None) -> list[str]:
    """Squashed forms of the host a site name may be written as ("nytimes", "wienorfat")."""
    if not url:
        return []
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

    The shorter (kickers and suffixes off), except that a cut-off one ("...") gives way to the
    whole. Where only punctuation and spacing differ, the meta title if the heading splits
    its words otherwise or lacks a separator (an ``<h1>`` of styled spans reads "c ycle" or
    "Info Ultimate guide" for "Info - Ultimate guide").
    """
    if _key(h1).replace(" ", "") == _key(meta).replace(" ", "") and (
            _words(h1) != _words(meta)
            or (_seps(meta) > _seps(h1) and _bare(h1) == _bare(meta))):
        return meta
    short, long_ = (h1, meta) if len(h1) <= len(meta) else (meta, h1)
    return long_ if short.endswith(("...", "\u2026")) else short


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


def _text(value: str) -> str:
    """Entity-decoded (once more: CMSs double-escape), whitespace-collapsed, bounded text."""
    value = value[:_MAX_TEXT * 4]
    if "&" in value:
        value = html.unescape(value)
    value = _clean(value.translate(_INVISIBLE))[:_MAX_TEXT].rstrip(" \u00b6#")
    return _DANGLING_SEP.sub("", value)


def _site_names(site: str | None, ld: _LD) -> list[list[str]]:
    """The site's names (og:site_name, the article's publisher) as lists of key words."""
    publisher = _ld_text(_ld_resolve(ld, (ld.main or {}).get("publisher")))
    return [words for x in (site, publisher) if x and (words := _key(x).split())]


def _choose_title(s: _Scan, ld: _LD, site: str | None, url: str | None) -> str | None:
    sites = _site_names(site, ld)
    hosts = _host_keys(url)
    ld_titles = []
    if ld.main is not None:
        ld_titles = [_text(t) for t in (_ld_text(ld.main.get("headline")),
                                        _ld_text(ld.main.get("name"))) if t]
    raw = ld_titles + [_text(v) for name in _TITLE_META for v in s.meta.get(name, ())[:1]]
    if s.title:
        raw.append(_text(s.title))
    h1s = [_text(h) for h in s.h1]
    h1s = [h for h in h1s if 1 < len(h) <= 300 and not _is_site(h, sites, hosts)
           and _key(h) not in _GENERIC_HEADINGS]
    known = {_key(t) for t in ld_titles + h1s}
    metas: list[str] = []
    for t in raw:
        stripped = _lead_segment(_strip_site(t, sites, hosts, known - {_key(t)}))
        if stripped and stripped not in metas:
            metas.append(stripped)
    h1s = [_strip_site(h, sites, hosts, set()) for h in h1s]
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


# --- author -----------------------------------------------------------------------------------


def _clean_author(text: str) -> str | None:
    text = _END_MARKS.sub("", _text(text)[:_MAX_TEXT].replace(" ,", ","))
    dated = _first_date_match(text) or _DATEISH.search(text)
    if dated:  # "Jane Doe Dec 12, 2025" or "Dec 12, 2025 Jane Doe": keep the name side
        before = text[:dated.start()].strip(" |,-\u2013\u2014\u00b7\u2022")
        after = text[dated.end():]
        labelled = before.endswith(":")  # "Stand: 20. April 2020" is no name
        text = "" if labelled else before or _READ_TIME.sub("", after).strip(_NAME_TRIM)
    text = _BY_INSIDE.sub("", text)
    for _ in range(2):
        text = _BY.sub("", text).strip(_NAME_TRIM)
        text = _AUTHOR_TAIL.sub("", text).strip(_NAME_TRIM)
    words = _END_MARKS.sub("", text).split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]  # "Jane Doe Jane Doe": a link and a label
    for i, word in enumerate(words[2:], 2):  # "Will Judd Former Deputy Editor": no comma, a role
        if word.lower().rstrip(",") in _ROLE_WORDS:
            words = words[:i]
            break
        if word.endswith(","):
            break
    text = " ".join(words)
    if not text or len(text) > 150 or _NOT_A_NAME.search(text) or _PAGE_DATE.search(text):
        return None
    if text.lower() in _JUNK_AUTHORS or len(text.split()) > 16:
        return None
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
            if isinstance(resolved, dict) and _ORG_TYPES.intersection(_types_of(resolved)):
                orgs += 1
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
        if _BYLINE_SKIP.search(marks):
            continue
        text = _clean(node.text(separator=" "))
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


def _data_authors(s: _Scan) -> list[str]:
    """Author names forum and Q&A software writes into post attributes (``data-author``)."""
    names = []
    for value, node in s.data_authors:
        if 1 < len(value) <= 60 and not _NOT_A_NAME.search(value) and not _in_comments(node):
            names.append(value)
    return names


def _profile_link(around: _Around) -> str | None:
    """The text of the first link to a person's profile page below the headline."""
    region = around.region()
    if region is None:
        return None
    for node in region.css("a[href]")[:400]:
        href = node.attributes.get("href") or ""
        if not _PROFILE_HREF.search(href):
            continue
        text = _clean(node.text(separator=" "))
        words = _key(text).split()
        # a name, and the one the link points to: "/users/42/ann-lee" for "Ann Lee"
        if (1 < len(text) <= 60 and 0 < len(words) <= 4 and words[0] in href.lower()
                and not _in_comments(node)):
            return text
    return None


def _choose_author(tree: LexborHTMLParser, around: _Around, s: _Scan, ld: _LD, *,
                   sites: list[list[str]], hosts: list[str], shop: bool) -> str | None:
    """The first person-like author in source order; an organisation only when nothing else."""
    fallback: str | None = None

    def consider(found: str | None, org: bool = False) -> str | None:
        nonlocal fallback
        if not found:
            return None
        if org or _is_site(found, sites, hosts, exact=True):
            fallback = fallback or found
            return None
        return found

    names, org = _ld_authors(ld, ld.main)
    found = consider(_join_authors(names), org)
    if found:
        return found
    for name in _AUTHOR_META:
        values = s.meta.get(name, [])
        if name in ("citation_author", "dc.creator", "dcterms.creator"):
            values = [_LAST_FIRST.sub(r"\2 \1", v) for v in values]  # "Roy, Ann" -> "Ann Roy"
        found = consider(_join_authors(values))
        if found:
            return found
    names = []
    for prop, node in s.itemprops:
        if prop in ("author", "creator") and not _in_comments(node):
            inner = node.css_first("[itemprop=name]")
            names.append(_clean((inner or node).text(separator=" ")))
            break  # later ones are mostly other people's posts or related articles
    found = consider(_join_authors(names))
    if found:
        return found
    if not shop:  # on a product page, "by" and author classes name reviewers and brands
        found = consider(_join_authors(_data_authors(s)[:1]))
        if found:
            return found
        for text in _byline_names(tree):
            found = consider(_join_authors([text]))
            if found:
                return found
        found = consider(_join_authors([_visible_byline(around) or ""]))
        if found:
            return found
        found = consider(_join_authors([_profile_link(around) or ""]))
        if found:
            return found
    for obj in (ld.page, *ld.objects):
        names, org = _ld_authors(ld, obj)
        found = consider(_join_authors(names), org)
        if found:
            return found
    return fallback


# --- date -------------------------------------------------------------------------------------


def _load_months() -> dict[str, int]:
    text = resources.files("pageparts.data").joinpath("meta_months.json").read_text("utf-8")
    table = json.loads(text)
    return {name: int(k) for k, names in table.items() if k.isdigit() for name in names}


_MONTHS = _load_months()
_MONTH = "(?:" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")(?![^\W\d_])"
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
    r"(?:updated|modified|reviewed|aktualisiert|ge\u00e4ndert|mis \u00e0 jour|actualizad[oa]|"
    r"aggiornat[oa]|bijgewerkt)\W{0,12}(?:on\W{1,3}|am\W{1,3})?$",
    re.IGNORECASE,
)
_DATEISH = re.compile(
    rf"(?<!\w){_MONTH}\.?\s+\d|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{1,2}}:\d\d", re.I
)
_UTC_TIME = re.compile(r"[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?\s*(?:Z|[+-]00:?00|UTC|GMT)\s*$", re.I)
_STATE_DATE = re.compile(
    r"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|publication_date|"
    r"date_published|pubDate|firstPublished|first_published_at|publish_date|createdAt)"
    r"\W{1,12}((?:19|20)\d\d-[01]\d-[0-3]\d)"
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
        dt = dateparser.parse(text, default=datetime(1, 1, 1), dayfirst=dayfirst)
    except (ValueError, OverflowError, TypeError):
        return None
    return _valid(dt.year, dt.month, dt.day) if dt.year > 1 and dt.day > 0 else None


def _ld_date(ld: _LD, keys: tuple[str, ...]) -> date | None:
    for obj in (ld.main, ld.page):
        if obj is None:
            continue
        for k in keys:
            d = _parse_date(_ld_text(obj.get(k)))
            if d:
                return d
    return None


class _Around:
    """The text just after (and before) the headline, computed once, on first use.

    The text comes from the headline's nearest ancestor holding a few thousand characters, so a
    huge page costs no more than a small one; without a headline, from the top of the body.
    """

    def __init__(self, tree: LexborHTMLParser, s: _Scan, title: str | None) -> None:
        self._tree = tree
        self._title = title
        self._anchor: LexborNode | None = None
        if title:
            for text, node in zip(s.h1, s.h1_nodes, strict=True):
                if _similar(text, title) or _key(title) in _key(text):
                    self._anchor = node
                    break
        self._windows: tuple[str, str] | None = None
        self._region: LexborNode | None = None
        self._region_text = ""

    def region(self) -> LexborNode | None:
        """The headline's nearest ancestor with a few thousand characters of text (or None)."""
        if self._region is None and self._anchor is not None:
            node = self._anchor
            for _ in range(8):
                parent = node.parent
                if parent is None or node.tag == "body" or parent.tag == "html":
                    break
                node = parent
                if len(node.text(separator=" ")) >= 4_000:
                    break
            self._region = node
            self._region_text = _visible_text(node)
        return self._region

    def _text(self) -> str:
        if self.region() is None:
            body = self._tree.body
            return _visible_text(body)[:_MAX_BODY_TEXT] if body else ""
        return self._region_text[:_MAX_BODY_TEXT]

    def byline(self) -> str:
        """The first few hundred characters after the headline itself (where bylines sit)."""
        after = self.windows()[0]
        if not after or not self._title:
            return ""
        return after[len(_clean(self._title)):][:_BYLINE_WINDOW]

    def windows(self) -> tuple[str, str]:
        """(text after the headline, text just before it); ("", top of page) without one."""
        if self._windows is None:
            text = self._text()
            at = _find_headline(text, self._title) if self._title else -1
            if at < 0:
                self._windows = ("", _clean(text[:10_000])[:5_000])
            else:
                self._windows = (_clean(text[at:at + 6_000])[:3_000],
                                 _clean(text[max(0, at - 600):at])[-300:])
        return self._windows


def _visible_text(node: LexborNode, junk_tags: str = "style, script, noscript") -> str:
    """The node's text without the text of ``junk_tags`` (style and script source)."""
    text = node.text(separator=" ")
    for junk in node.css(junk_tags)[:60]:
        source = junk.text()
        if source:
            text = text.replace(source, " ", 1)
    return text


def _find_headline(text: str, title: str) -> int:
    """Where the headline starts in ``text`` (spacing and case aside), or -1."""
    want = _key(title)[:80]
    words = want.split()
    if not words:
        return -1
    lowered = text.lower()
    at = lowered.find(words[0])
    for _ in range(50):
        if at < 0:
            return -1
        if _key(text[at:at + len(title) * 2 + 40]).startswith(want):
            return at
        at = lowered.find(words[0], at + 1)
    return -1


def _visible_date(around: _Around, dayfirst: bool) -> date | None:
    """The first date written after the headline, else just above it, else near the top.

    Dates labelled as something else (a member's registration, an edit) are passed over.
    """
    after, before = around.windows()
    return _labelled_date(after, dayfirst) or _labelled_date(before, dayfirst)


def _visible_byline(around: _Around) -> str | None:
    """A "By Jane Doe" written just under the headline."""
    window = around.windows()[0][:800]
    m = _BY_TEXT.search(window)
    if m is None or _SORT_BY.search(window, max(0, m.start() - 12), m.start() + 1):
        return None  # "Sort by Featured": a list control, not a byline
    words = m[1].split()
    if not words[0].isupper():  # "By Jose Cruz CVS Health": an acronym starts something else
        words = list(itertools.takewhile(lambda w: not (w.isupper() and len(w) > 1), words))
    # "By Ann Lee December 3, ...", "By Ann Lee Thursday"
    while words and (words[-1].lower().rstrip(".,") in _MONTHS
                     or words[-1].lower().rstrip(".,") in _WEEKDAYS):
        words.pop()
    return " ".join(words)


def _labelled_date(window: str, dayfirst: bool, *, first_only: bool = False) -> date | None:
    """The first date in ``window`` not labelled as something else; ``first_only``: not
    labelled as an update either."""
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
                return d
        end = max(end, year.end())
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


def _local_day(raw: str, day: date, url_day: date | None) -> date:
    """The publisher's own calendar day for a timestamp written in UTC.

    "2023-11-09T05:30:00Z" in a page whose URL says /2023/11/08/ was written on the 8th,
    local time: the URL's day wins when it is one day away.
    """
    if url_day and abs((url_day - day).days) == 1 and _UTC_TIME.search(raw):
        return url_day
    return day


def _fits_url(day: date, url: str | None) -> bool:
    """Whether ``day`` agrees with the year (and month) a URL path states, if it states one."""
    m = _URL_MONTH.search(urlsplit(url).path) if url else None
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
    return _valid(int(m[3]), int(m[2]), int(m[1])) if m else None


def _choose_date(around: _Around, s: _Scan, ld: _LD, *, url: str | None,
                 dayfirst: bool) -> date | None:
    url_day = _url_day(url)
    shown = _labelled_date(around.byline(), dayfirst, first_only=True)
    if shown and _fits_url(shown, url):  # the date the reader sees under the headline
        return shown
    for raw, stated in _structured_dates(s, ld, dayfirst):
        return _local_day(raw, stated, url_day)
    if url_day:
        return url_day
    d = _visible_date(around, dayfirst)
    if d:
        return d
    for node in s.other_scripts:
        text = node.text()
        if len(text) <= _MAX_JSONLD and ("ublish" in text or "ubDate" in text
                                         or "reatedAt" in text):
            m = _STATE_DATE.search(text)
            if m:
                d = _parse_date(m[1])
                if d:
                    return d
    d = _ld_date(ld, ("dateModified",))
    if d:
        return d
    for name in _MODIFIED_META:
        for value in s.meta.get(name, ())[:1]:
            d = _parse_date(value, dayfirst)
            if d:
                return d
    return None


# --- language, site, url ----------------------------------------------------------------------


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


# --- entry point ------------------------------------------------------------------------------


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
    return Metadata(
        title=title,
        page_title=s.title or None,
        author=_choose_author(tree, around, s, ld, sites=_site_names(site, ld),
                              hosts=_host_keys(url or page_url),
                              shop=bool(types & _SHOP_TYPES) and not types & _STORY_TYPES),
        date=_choose_date(around, s, ld, url=url or page_url, dayfirst=dayfirst),
        site_name=site,
        language=language,
        description=description[:_MAX_DESCRIPTION] if description else None,
        url=page_url,
        types=frozenset(t for t in types if t),
    )
