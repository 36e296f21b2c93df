"""The one CSS pass over a parsed page that gathers what its metadata is read from, and
the text helpers and vocabularies the metadata modules share."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from importlib import resources

from selectolax.lexbor import LexborHTMLParser, LexborNode

_MAX_TEXT = 400  # characters kept from a candidate title, byline or site name
_DC = ("dc:", "dcterms:")  # Dublin Core written with a colon: stored as "dc.creator"
# one pass for everything; date-classed elements and forum posters' links are read only when
# nothing better names the date or the author, but gathering them here costs less than a pass
_SCAN = ("title, meta[content], link[rel=canonical], script, h1, time, [itemprop], [itemtype], "
         "a.username, a.username-coloured")
_DATE_CLASSES = "[class*=date i]"  # "date", "post-date", "dateline": read only when needed
_MAX_DATE_NODES = 40
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))  # soft hyphen, ZW*
_C1 = re.compile("[\u0080-\u009f]")  # C1 controls: UTF-8 bytes read as Latin-1 show them
_LEADING_SEP = re.compile(r"^[:|/\u2013\u2014\u00b7\u2022-]+\s+")  # ": Headline" (kicker gone)
_DANGLING_SEP = re.compile(r"\s+[-|:/\u2013\u2014\u00b7\u2022]+$")  # "Headline -" (no site)
# text in an <h1> that is not the headline: hidden source, controls, a date, ruby readings,
# a kicker above it
_NOT_HEADLINE = ("style, script, noscript, button, svg, template, time, rt, rp, [class*=kicker i], "
                 "[class*=supertitle i], [class*=overline i], [class*=dachzeile i], "
                 "[class*=topline i], [class*=eyebrow i]")
# an <h1> holding the site's name or logo, not the page's headline
_SITE_HEADING = re.compile(r"logo|brand|site[-_]?(?:title|name)|menu[-_]?title|navbar|masthead",
                           re.I)
_KEY = re.compile(r"[\W_]+", re.UNICODE)
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
    site_h1: list[str] = field(default_factory=list)  # <h1 class="logo|site-title|...">
    posters: list[LexborNode] = field(default_factory=list)  # <a class="username">
    other_scripts: list[LexborNode] = field(default_factory=list)  # non-JSON-LD, read lazily
    itemprops: list[tuple[str, LexborNode]] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    tree: LexborHTMLParser | None = None
    _script_texts: list[str] | None = None
    _date_nodes: list[LexborNode] | None = None

    def date_nodes(self) -> list[LexborNode]:
        """Elements classed as dates ("post-date", "dateline"), found on first use."""
        if self._date_nodes is None:
            found = self.tree.css(_DATE_CLASSES) if self.tree is not None else []
            self._date_nodes = found[:_MAX_DATE_NODES]
        return self._date_nodes

    def script_texts(self) -> list[str]:
        """The text of the non-JSON-LD scripts, read on first use and kept."""
        if self._script_texts is None:
            self._script_texts = [node.text() for node in self.other_scripts]
        return self._script_texts


def _clean(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _key(text: str) -> str:
    return _KEY.sub(" ", text.casefold()).strip()


def _scan(tree: LexborHTMLParser) -> _Scan:
    s = _Scan(tree=tree)
    for node in tree.css(_SCAN):
        tag = node.tag
        attrs = node.attributes
        if tag == "a" and len(s.posters) < 3 and "username" in (attrs.get("class") or ""):
            s.posters.append(node)  # (an <a itemprop> goes on to the itemprop check below)
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
            if _SITE_HEADING.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
                if len(s.site_h1) < 3:  # the site's name: stripped from titles, never one
                    s.site_h1.append(_clean(node.text(separator=" "))[:_MAX_TEXT])
            elif len(s.h1) < 5:
                text = _LEADING_SEP.sub("", _clean(_visible_text(node, _NOT_HEADLINE)))
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
    return s


def _first_meta(s: _Scan, names: tuple[str, ...]) -> str | None:
    for name in names:
        values = s.meta.get(name)
        if values:
            return values[0]
    return None


def _text(value: str) -> str:
    """Entity-decoded (once more: CMSs double-escape), whitespace-collapsed, bounded text."""
    value = value[:_MAX_TEXT * 4]
    if "&" in value:
        value = html.unescape(value)
    value = _clean(_unmangled(value).translate(_INVISIBLE))[:_MAX_TEXT].rstrip(" \u00b6#")
    return _DANGLING_SEP.sub("", value)


def _unmangled(value: str) -> str:
    """UTF-8 text that was decoded as Latin-1 ("investor\u00e2\u0080\u0099s"), decoded right:
    the C1 control characters it shows never stand in real text."""
    if not _C1.search(value):
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:  # other characters too, or not UTF-8 bytes: leave as is
        return value


def _visible_text(node: LexborNode, junk_tags: str = "style, script, noscript") -> str:
    """The node's text without the text of ``junk_tags`` (style and script source) inside it
    (the node itself is never junk: an ``<h1 class="hero-eyebrow">`` keeps its text)."""
    text = node.text(separator=" ")
    pieces: list[str] = []
    pos = 0
    own = node.mem_id
    for junk in node.css(junk_tags)[:200]:  # in document order, as their text is in ``text``
        if junk.mem_id == own:  # (``==`` would compare the two nodes' serialised HTML)
            continue
        source = junk.text(separator=" ")  # joined as in ``text``, or it is not found there
        at = _find_piece(text, source, pos) if source else -1
        if at >= 0:
            pieces.append(text[pos:at])
            pos = at + len(source)
    if not pieces:
        return text
    pieces.append(text[pos:])
    return " ".join(pieces)


def _find_piece(text: str, piece: str, pos: int) -> int:
    """Where ``piece``, the text of a node inside, starts in ``text`` from ``pos``: a node's text
    is set off by the separator, so a reading "r" is not found inside "Ferries" (else -1)."""
    at = text.find(piece, pos)
    for _ in range(20):
        if at < 0:
            return -1
        end = at + len(piece)
        if (at == 0 or text[at - 1].isspace()) and (end == len(text) or text[end].isspace()):
            return at
        at = text.find(piece, at + 1)
    return -1
