"""Reader comments and forum posts as threads, found in the parsed HTML tree.

Two detectors, tried in this order:

* **markup**: elements whose class/id/itemprop/itemtype tokens name a comment or post record
  (WordPress ``li.comment``, Drupal ``article.comment``, Disqus ``li.post``, phpBB ``div.post``,
  Discourse ``topic-post``, schema.org ``Comment``/``DiscussionForumPosting`` ...), found first by a
  C-level CSS search, so a page without them costs no Python walk;
* **generic**: runs of two or more sibling elements with the same tag and class signature, each
  holding a short author line, a date and some text, whatever their class names; only on pages
  that show comment-like timestamps (cheap anchored regex gates on the page text).

Replies nest as records nest on the page, by reply containers beside their parent, or by
indentation classes (``depth-2``, ``level-3``) and ``margin-left`` styles when the page lays them
out flat. The index walk is lexbor's own pre-order traversal, bounded by :data:`MAX_ELEMENTS` and
:data:`MAX_DEPTH`, so hostile nesting cannot recurse or hang.

Integration: a :class:`Thread` names its root element and, per comment, its record, body and
author elements by ``mem_id``; a block whose element or ancestors include a ``record_id`` belongs
to that comment (the innermost such record); ``root_id`` is the records' lowest common ancestor
and can be much larger than the thread.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._document import Comment

__all__ = ["MAX_DEPTH", "MAX_ELEMENTS", "Member", "Thread", "find_threads", "parse_date"]

#: Elements indexed per page; the rest of a bigger page is not searched for comments.
MAX_ELEMENTS = 60_000
#: Elements nested deeper than this are not indexed (their text is ignored).
MAX_DEPTH = 400


@dataclass(frozen=True, slots=True)
class Member:
    """Where one comment sits in the tree (``mem_id`` of its elements) and its reply depth."""

    record_id: int  # the comment's whole record (author line, text, buttons, and its replies)
    body_id: int | None  # the element holding its text, when one was told apart
    author_id: int | None  # the element its author was read from
    depth: int


@dataclass(frozen=True, slots=True)
class Thread:
    """One comment thread (or the posts of a discussion page) found on the page.

    ``members`` are in page order, aligned with ``Comment.walk`` over ``comments``.
    ``kind`` is "comments" (reader comments under a page) or "posts" (forum/Q&A posts).
    ``detector`` is "markup" or "generic".
    """

    root_id: int
    comments: tuple[Comment, ...]
    members: tuple[Member, ...]
    kind: str
    detector: str

    def record_ids(self) -> frozenset[int]:
        return frozenset(m.record_id for m in self.members)


# --------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------

_SKIP_TAGS = frozenset(
    {"script", "style", "template", "svg", "head", "iframe", "select", "textarea",
     "button", "input", "object", "canvas", "math"}
)
_RECORD_TAGS = frozenset(
    {"li", "div", "article", "section", "tr", "table", "dl", "blockquote", "aside", "td",
     "shreddit-comment", "dd"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
     "tr", "table", "section", "article", "header", "footer", "dl", "dt", "dd", "figure",
     "figcaption", "hr", "aside", "main", "td", "th", "tbody", "address", "details", "summary"}
)
_BAD_PREFIX = (
    r"(?:add|leave|post|write|new|no|reply|edit|show|load|more|toggle|count|respond|submit|form"
    r"|has|open|closed|all|view|your|num|total|close|login|sort)"
)
_COMMENT_RECORD = re.compile(
    r"[a-z0-9_-]*?(?:comment|kommentar|leserbrief|(?:comment|kommentar)[-_]?(?:item|card|entry|single)"
    r"|comtr|usercomment|single[-_]comment)"
)
_BAD_RECORD = re.compile(
    rf"(?:.*[-_])?{_BAD_PREFIX}[-_]?(?:a[-_])?comment.*"
    r"|.*comments?[-_]?(?:form|count|link|area|list|section|wrap|wrapper|container|block|box"
    r"|holder|widget|title|header|nav|pagination|closed|button)"
)
_POST_RECORD = frozenset(
    {"post", "topic-post", "crawler-post", "postbit", "postbitlegacy", "postcontainer",
     "message--post", "cpost", "ipscomment", "answer", "question", "forumpost", "forum-post",
     "postitem", "post-item", "js-post", "itemcomment", "itemdiscussion", "commentpost",
     "b-post", "blockpost", "post-wrapper", "post_wrapper", "postwrapper", "reply",
     "thread-post", "msg",
     "message-post", "bbp-reply", "bbp-topic", "forum-post-container",
     "topic-body", "cooked-post", "athing", "topicpost", "discussion-post",
     "answer-container", "question-container", "comment-tree-item"}
)
# Tokens that make an element look like an article or listing item rather than a post.
_ARTICLE_TOKENS = frozenset({"hentry", "type-post", "single-post", "type-page", "status-publish"})
_ID_RECORD = re.compile(
    r"(?:li-|div-|article-)?(?:comment|kommentar|comm)[-_]?\d+|c\d{8,}|p\d{3,}|post[-_]?\d+"
    r"|post_message_\d+|postid[-_]?\d+|answer-\d+|question-\d+|reply[-_]\d+|msg[-_]?\d+|\d{6,}"
)
_ID_COMMENT = re.compile(r"(?:li-|div-|bb_)?(?:comment|kommentar|message)[-_]?\d+")
_ID_POST = re.compile(r"(?:post|postid|p)[-_]?\d{2,}")
_ITEMTYPE_RECORD = frozenset(
    {"comment", "usercomments", "discussionforumposting", "answer", "socialmediaposting"}
)
_ITEMPROP_RECORD = frozenset({"comment", "suggestedanswer", "acceptedanswer", "hasreply"})

_AUTHOR_EXACT = frozenset(
    {"fn", "author", "username", "user-name", "user_name", "nickname", "nick", "commenter",
     "name", "autor", "verfasser", "poster", "user", "member", "handle", "full-name", "fullname",
     "screen-name", "display-name", "displayname", "pseudo", "nom", "creator", "by", "byline",
     "benutzer", "nutzer", "utilisateur", "usuario"}
)
_AUTHOR_PART = re.compile(
    r"author|username|user-name|user_name|commenter|poster|autor|nickname|displayname|userlink"
    r"|user-link|profile-link|membername|screenname|pseudo|verfasser|[-_]user$"
    r"|(?:user|author|display|screen|member|comment|poster|full|real|nick|profile|message|post"
    r"|account)"
    r"[-_]?name$"
)
_NOT_AUTHOR = re.compile(
    r"avatar|photo|image|img|pic|bio|title|meta|date|time|url-|count|badge|role|rank|tooltip"
    r"|stat|flair|label|desc|info-|signature|about|header-name|(?:^|[-_])form|input|field|hidden"
    r"|button|joined|reputation|postcount"
    r"|reply|-link-|comments-?by|authors"
)
_BODY_PART = re.compile(
    r"(?:content|text|body|message|copy|cooked|bbwrapper|usertext|entry|postbody|post_body"
    r"|commentbody|inhalt|markdown|prose|msg)"
)
_NOT_BODY = re.compile(
    r"(?:meta|header|head|author|footer|reply|action|date|time|avatar|title|form|input|count"
    r"|profile|userinfo|user-info|signature|sig|info|tool|vote|like|share|button|link|nav|muted"
    r"|area|wrapper|container|list|byline|details|right|left|center|align|small|large|truncate"
    r"|nowrap|upper|lower|bold|weight|color|size|break|justify|xs|sm|md|lg)"
)
# "<record word><part word>" tokens are bodies even when CamelCase hides other words in them
# (allShareBarCommentsListCommentText, MtnCommentText)
_STRONG_BODY = re.compile(
    r"(?:comment|post|message|reply|kommentar|msg)[-_]?(?:text|body|content|message|copy"
    r"|texte|inhalt)$"
)
_SKIP_PART = re.compile(
    r"(?:.*[-_])?(?:reply|replies-link|reply-link|comment-reply-link|like|likes|vote|votes|voting"
    r"|report|share|sharing|actions?|toolbar|tools|controls|rating|permalink|flag|edit-link|edit"
    r"|buttons?|btn|avatar|signature|sig|postprofile|userinfo|user-info|user-details|profile"
    r"|badges?|reactions?|quote-button|menu|dropdown|more-actions|comment-meta|commentmetadata"
    r"|comment-metadata|moderation|awaiting-moderation|says|screen-reader-text|sr-only"
    r"|visually-hidden|hidden|reply-container|post-menu|post-controls|commentfooter|comment-footer"
    r"|reply-form|respond|meta|metadata|postinfo|post-info|posthead|post-head|author-info"
    r"|comment-header|comment-author|author|vcard|footer|header|rank|postdetails|time|date)"
    r"(?:[-_].*)?"
)
_BODY_ITEMPROPS = frozenset({"text", "commenttext", "articlebody", "reviewbody"})
_DATE_PART = re.compile(r"(?:date|time|posted|published|datum|zeit|ago|stamp)")

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


_BUTTON_LINE = re.compile(
    r"(?:reply|antworten|antwort|like|likes|gefällt mir|report|melden|permalink|zitieren|quote"
    r"|share|teilen|répondre|responder|signaler|edit|bearbeiten|delete|löschen|flag|upvote"
    r"|downvote|vote|log in to reply|login to reply|zum antworten anmelden|reply to this comment"
    r"|auf diesen kommentar antworten|antwort abbrechen|cancel reply|show more|mehr anzeigen"
    r"|read more|weiterlesen|load more|collapse|expand|top|nach oben|back to top|link|quote reply"
    r"|multi-quote|multiquote|report post|↑|↓|·|\||•|[-+]?\d+|[-+]?\d+\s*"
    r"(?:likes?|points?|votes?|replies|antworten|punkte)|\[[-+]\])[\s.:!]*",
    re.IGNORECASE,
)
_AUTHOR_PREFIX = re.compile(
    r"^(?:(?:a\s+)?comment(?:ed)?\s+by|kommentar\s+von|antwort\s+von|posted\s+by|post\s+by"
    r"|written\s+by|geschrieben\s+von|reply\s+from|by|von|par|por|de|from|posted|post|avatar)"
    r"[\s:]+",
    re.IGNORECASE,
)
_AUTHOR_SUFFIX = re.compile(
    r"(?:[\s,:]+(?:says|said|sagt|sagte|schreibt|schrieb|meint|meinte|wrote|writes|commented"
    r"|kommentierte|dit|a dit|a écrit|escribió|dice|replied|antwortete|on|am|um|at|le|el|the))?"
    r"[\s:,…\-\u2013\u2014|»·•@]*$",
    re.IGNORECASE,
)
_SAYS_WORD = re.compile(
    r"\s+(?:says|said|sagt|sagte|schreibt|schrieb|meint|wrote|writes|commented|kommentierte"
    r"|a écrit|escribió|replied|antwortete)\b.*$",
    re.IGNORECASE,
)
_WEEKDAY_TAIL = re.compile(
    r"(?:[\s,]+(?:on|am|le|el|the|at|um|à|den|der|, ))*[\s,]+"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"[\s,]*$|[\s,]+(?:le|am|el)?\s*(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag"
    r"|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes"
    r"|sábado|domingo)[\s,]*$",
    re.IGNORECASE,
)
_BY_LINE = re.compile(
    r"(?:(?:a\s+)?comment(?:ed)?\s+by|kommentar\s+von|antwort\s+von|posted\s+by|written\s+by"
    r"|geschrieben\s+von|by|von|par|por)\s+\S",
    re.IGNORECASE,
)
_NAME_ACCOUNT = re.compile(r"[^()]{1,40}\([^()]{1,40}\)")
_LETTER = re.compile(r"[^\W\d_]")
_AUTHOR_SPLIT = re.compile(r"\s+[|»·•]\s+|\s+[-\u2013\u2014]\s+|\s{3,}")
_DEPTH_TOKEN = re.compile(r"(?:depth|level|lvl|indent|nesting|nest|ebene)[-_]?(\d{1,2})$")
_NEST_TOKENS = frozenset(
    {"indented", "children", "replies", "comment-replies", "comment-children", "sub-comments",
     "subcomments", "reply-list", "comments-children", "child-comments", "nested-comments",
     "comment-reply-list", "replies-list", "wc-reply"}
)
_SUB_TOKEN = re.compile(
    r"(?:^|[-_])(?:sub|reply|child|children|answer|response|nested)(?:$|[-_])|^(?:sub|reply)comment"
)
_MARGIN = re.compile(r"(?:margin|padding)-left\s*:\s*(\d+)")

# Candidate records, found in C before any Python walk; _kind_of() decides.
_RECORD_SELECTOR = (
    '[class*="comment" i], [class*="kommentar" i], [class*="leserbrief" i], [class*="comtr"],'
    ' [class*="post" i], [class*="answer" i], [class*="question" i], [class*="reply" i],'
    ' [class*="msg" i], [class*="athing"], [class*="topic" i], [class*="discussion" i],'
    ' [itemtype], [itemprop], [component="post"], shreddit-comment,'
    ' [id*="comment" i], [id*="kommentar" i], [id*="message" i], [id^="post" i]'
)


# --------------------------------------------------------------------------------------------
# The index: one bounded, iterative pre-order walk
# --------------------------------------------------------------------------------------------


class _Index:
    """Pre-order arrays over the elements of the body (no recursion)."""

    __slots__ = ("end", "kids", "nodes", "parent", "start", "tag", "textlen", "tok")

    def __init__(self, root: LexborNode) -> None:
        self.nodes: list[LexborNode] = []
        self.tag: list[str] = []
        self.parent: list[int] = []
        self.end: list[int] = []
        self.tok: list[frozenset[str]] = []
        self.start: list[int] = []  # non-space characters of text before the element
        self.textlen: list[int] = []  # non-space characters of text inside the element
        self.kids: list[list[int | str]] = []  # children: element indexes and text strings
        depth: list[int] = []
        index_of: dict[int, int] = {}  # mem_id -> index
        memo: _Memo = {}
        pos = 0
        top = root.mem_id
        # lexbor's own pre-order walk (no Python recursion); an element is indexed when its
        # parent is, so skipped tags, and everything under MAX_DEPTH, drop out with their subtree
        for node in root.traverse(include_text=True):
            tag = node.tag
            if tag is None:
                continue
            if tag == "-text":
                t = node.text_content
                if not t or t.isspace():
                    continue
                parent = node.parent
                got = index_of.get(parent.mem_id) if parent is not None else None
                if got is not None:
                    n = len("".join(t.split()))
                    pos += n
                    self.textlen[got] += n
                    self.kids[got].append(t)
                continue
            if tag[0] == "-" or tag in _SKIP_TAGS:
                continue
            mem = node.mem_id
            if mem == top:
                p = -1
            else:
                parent = node.parent
                if parent is None:
                    continue
                got = index_of.get(parent.mem_id)
                if got is None:
                    continue
                p = got
            if len(self.nodes) >= MAX_ELEMENTS:
                break
            d = depth[p] + 1 if p >= 0 else 0
            if d > MAX_DEPTH:
                continue
            i = len(self.nodes)
            index_of[mem] = i
            if p >= 0:
                self.kids[p].append(i)
            self.kids.append([])
            self.nodes.append(node)
            self.tag.append(tag)
            self.parent.append(p)
            self.end.append(i)
            self.tok.append(_tokens(node, memo))
            self.start.append(pos)
            self.textlen.append(0)
            depth.append(d)
        # subtree ends and text lengths, children before parents
        for i in range(len(self.nodes) - 1, 0, -1):
            p = self.parent[i]
            if p >= 0:
                self.textlen[p] += self.textlen[i]
                self.end[p] = max(self.end[p], self.end[i])

    def __len__(self) -> int:
        return len(self.nodes)

    def contains(self, a: int, b: int) -> bool:
        """Whether element ``b`` is ``a`` or inside it."""
        return a <= b <= self.end[a]

    def ancestors(self, i: int) -> Iterable[int]:
        p = self.parent[i]
        while p >= 0:
            yield p
            p = self.parent[p]


_TOKEN_KEYS = frozenset(
    {"class", "id", "itemprop", "role", "component", "data-role", "data-type", "itemtype"}
)
_NO_TOKENS: frozenset[str] = frozenset()
_Memo = dict[tuple[tuple[str, str], ...], frozenset[str]]


def _tokens(node: LexborNode, memo: _Memo) -> frozenset[str]:
    """The element's class tokens and ``#id``, ``itemprop:``, ``itemtype:`` ... tokens,
    lower-cased; ``memo`` (one per page) shares them between elements marked alike."""
    attrs = node.attributes
    if not attrs:
        return _NO_TOKENS
    key = tuple([(k, v) for k, v in attrs.items() if v and k in _TOKEN_KEYS])
    if not key:
        return _NO_TOKENS
    got = memo.get(key)
    if got is None:
        got = memo[key] = _make_tokens(dict(key))
    return got


def _make_tokens(attrs: dict[str, str]) -> frozenset[str]:
    out: list[str] = []
    cls = attrs.get("class")
    if cls:
        out.extend(cls.lower().split())
    for key in ("id", "itemprop", "role", "component", "data-role", "data-type"):
        v = attrs.get(key)
        if v:
            out.extend(f"{key}:{t}" if key != "id" else f"#{t}" for t in v.lower().split())
    it = attrs.get("itemtype")
    if it:
        out.append("itemtype:" + it.rstrip("/").rsplit("/", 1)[-1].lower())
    return frozenset(out)


def _classes(tok: frozenset[str]) -> Iterable[str]:
    return (t for t in tok if not t.startswith("#") and ":" not in t)


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


def parse_date(text: str) -> _dt.date | None:
    """Resolve an absolute date as shown on a page ("3. März 2019", "March 3, 2019", ISO)."""
    s = text.strip().lower()
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    m = re.search(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b", s)
    if m:
        return _mk(_year(m[3]), int(m[2]), int(m[1]))
    m = re.search(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})\b", s)
    if m:
        a, b = int(m[1]), int(m[2])
        return _mk(_year(m[3]), b, a) if a > 12 else _mk(_year(m[3]), a, b)
    m = re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?({_MONTH_RE})\.?,?\s+(?:de\s+)?(\d{{4}})",
        s,
    )
    if m:
        return _mk(int(m[3]), _MONTHS[m[2]], int(m[1]))
    m = re.search(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", s)
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


# --------------------------------------------------------------------------------------------
# Records: which elements are comments
# --------------------------------------------------------------------------------------------


def _kind_of(tag: str, tok: frozenset[str]) -> str | None:
    """'comment', 'post' or None, from the element's own markup."""
    if tag not in _RECORD_TAGS:
        return None
    if not tok:
        return None
    if tok & _ARTICLE_TOKENS:
        return None
    kind: str | None = None
    for t in tok:
        if t.startswith("itemtype:") and t[9:] in _ITEMTYPE_RECORD:
            return "comment" if t[9:] in ("comment", "usercomments") else "post"
        if t.startswith("itemprop:") and t[9:] in _ITEMPROP_RECORD:
            return "comment" if t[9:] == "comment" else "post"
        if t.startswith("component:") and t[10:] == "post":
            kind = "post"
        if ":" in t or t.startswith("#"):
            continue
        if _COMMENT_RECORD.fullmatch(t) and not _BAD_RECORD.fullmatch(t):
            return "comment"
        if t in _POST_RECORD:
            kind = "post"
    if tag == "shreddit-comment":
        return "comment"
    if kind is None and tag in ("li", "div", "article", "table"):
        for t in tok:
            if t.startswith("#") and _ID_COMMENT.fullmatch(t[1:]):
                return "comment"
            if t.startswith("#") and _ID_POST.fullmatch(t[1:]):
                kind = "post"
    return kind


def _has_record_id(ix: _Index, i: int) -> bool:
    return any(t.startswith("#") and _ID_RECORD.fullmatch(t[1:]) for t in ix.tok[i])


def _markup_records(ix: _Index) -> dict[int, str]:
    found: dict[int, str] = {}
    kinds: dict[tuple[str, frozenset[str]], str | None] = {}
    for i in range(len(ix)):
        if not ix.tok[i]:
            continue
        key = (ix.tag[i], ix.tok[i])
        k = kinds[key] if key in kinds else kinds.setdefault(key, _kind_of(*key))
        if k is not None and not any(t.startswith("itemprop:") and t[9:] in _BODY_ITEMPROPS
                                     for t in ix.tok[i]):
            found[i] = k
    # schema.org-only candidates (itemprop/itemtype) give way to class-named ones around or
    # inside them: sites put itemprop="comment" on a comment's text, or itemtype on a whole topic
    # a candidate holding the page's h1 is the article itself, not a comment or post
    for h in (k for k in range(len(ix)) if ix.tag[k] == "h1"):
        owner = next((a for a in ix.ancestors(h) if a in found), None)
        if owner is not None:
            del found[owner]
    named = [i for i in found if not _schema_only(ix, i)]
    for i in [i for i in found if _schema_only(ix, i)]:
        if any(ix.contains(i, j) or ix.contains(j, i) for j in named):
            del found[i]
    # a comment's text box that is also named like a record ("comment-content comment")
    for i in [i for i in found if any(_STRONG_BODY.search(t) for t in _classes(ix.tok[i]))]:
        if any(a in found for a in ix.ancestors(i)):
            del found[i]
    return _merge_wrappers(ix, found)


def _schema_only(ix: _Index, i: int) -> bool:
    return _kind_of(ix.tag[i], frozenset(t for t in ix.tok[i] if not t.startswith("item"))) is None


def _merge_wrappers(ix: _Index, found: dict[int, str]) -> dict[int, str]:
    """Two candidates that are one record (``li.comment > div.comment``) become the outer one.

    A candidate B inside candidate A is the same record when A's text starts with B's; a reply
    never starts its parent (the parent's own author line and text come first).
    """
    out: dict[int, str] = {}
    stack: list[int] = []  # open candidates (ancestors of the current one)
    for i in sorted(found):
        while stack and not ix.contains(stack[-1], i):
            stack.pop()
        if stack:
            a = stack[-1]
            if ix.start[i] - ix.start[a] <= 2 and a in out:
                continue  # same record as its wrapper `a`
        out[i] = found[i]
        stack.append(i)
    return out


# --------------------------------------------------------------------------------------------
# Parts of a record: author, date, body
# --------------------------------------------------------------------------------------------


def _owned(ix: _Index, rec: int, records: set[int]) -> Iterable[int]:
    """Elements of record ``rec``, not inside a nested record, in page order."""
    j = rec + 1
    end = ix.end[rec]
    while j <= end:
        if j in records:
            j = ix.end[j] + 1
            continue
        yield j
        j += 1


def _is_author_el(ix: _Index, j: int) -> bool:
    if ix.tag[j] in ("img", "time"):
        return False
    for t in ix.tok[j]:
        if t.startswith("itemprop:") and t[9:] in ("author", "creator"):
            return True
        if ":" in t or t.startswith("#"):
            continue
        if (t in _AUTHOR_EXACT or _AUTHOR_PART.search(t)) and not _NOT_AUTHOR.search(t):
            return True
    return False


def _is_date_el(ix: _Index, j: int) -> bool:
    if ix.tag[j] == "time":
        return True
    return any(_DATE_PART.search(t) for t in _classes(ix.tok[j]))


def _is_body_el(ix: _Index, j: int) -> bool:
    for t in ix.tok[j]:
        if t.startswith("itemprop:") and t[9:] in _BODY_ITEMPROPS:
            return True
        if ":" in t or t.startswith("#"):
            continue
        if _STRONG_BODY.search(t) and not _BODY_VETO.search(t):
            return True
        if _BODY_PART.search(t) and not _NOT_BODY.search(t):
            return True
    return False


_BODY_VETO = re.compile(r"meta|header|author|footer|form|input|count|field--name|field-name-")


def _is_skip_el(ix: _Index, j: int) -> bool:
    return any(_SKIP_PART.fullmatch(t) for t in _classes(ix.tok[j]))


def _text_lines(ix: _Index, top: int, records: set[int], skip: set[int]) -> list[str]:
    """Lines of text under ``top``: block elements break lines; nested records and skipped
    parts are left out. Explicit stack over the index (no recursion, no parser calls)."""
    lines: list[str] = []
    cur: list[str] = []
    stack: list[int | str | None] = [top]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            cur.append(item)
            continue
        if item is None or ix.tag[item] == "br":  # end of a block element, or a line break
            if cur:
                lines.append(" ".join(" ".join(cur).split()))
                cur = []
            continue
        k = item
        if k != top and (k in records or k in skip or ix.tag[k] == "form"):
            continue
        if ix.tag[k] in _BLOCK_TAGS:
            if cur:
                lines.append(" ".join(" ".join(cur).split()))
                cur = []
            stack.append(None)
        stack.extend(reversed(ix.kids[k]))
    if cur:
        lines.append(" ".join(" ".join(cur).split()))
    return [ln for ln in lines if ln]


def _clean_author(text: str) -> str | None:
    s = " ".join(text.split())
    m = _first_date(s)
    if m and m.start() > 0:
        s = s[: m.start()]
    s = _SAYS_WORD.sub("", s)
    s = _WEEKDAY_TAIL.sub("", s)
    if not _NAME_ACCOUNT.fullmatch(s):  # "name (account)" stays whole
        parts = _AUTHOR_SPLIT.split(s)
        s = parts[0] if parts else s
    for _ in range(2):
        s = _AUTHOR_PREFIX.sub("", s).strip()
        s = _AUTHOR_SUFFIX.sub("", s).strip()
    s = s.strip(" :,-\u2013\u2014|»·•\"'")
    if s.endswith(".") and not re.search(r"(?:^|\s)\w\.$", s):
        s = s.rstrip(".")
    if not s or len(s) > 80 or len(s.split()) > 8 or _BUTTON_LINE.fullmatch(s):
        return None
    if "://" in s or s.startswith(("www.", "pic.twitter")):
        return None
    if not _LETTER.search(s) or s.count(":") >= 2:
        return None
    if _is_date(s):
        return None
    return s


@dataclass(slots=True)
class _Parts:
    author: str | None
    author_el: int | None
    date: _dt.date | None
    date_text: str | None
    date_el: int | None
    body_el: int | None
    text: str


_AUTHOR_NOISE = re.compile(
    r"says|avatar|sr-only|screen-reader|badge|reputation|repbadge|karma|points|usertitle"
    r"|user-title|rank|postcount|post-count"
)


def _element_text(ix: _Index, j: int, records: set[int], skip_dates: bool) -> str:
    """Text of element ``j`` on one line, leaving out dates, avatars and 'says'."""
    skip: set[int] = set()
    for k in range(j + 1, ix.end[j] + 1):
        toks = ix.tok[k]
        if (skip_dates and _is_date_el(ix, k)) or any(_AUTHOR_NOISE.search(t) for t in toks):
            skip.add(k)
    return "\n".join(_text_lines(ix, j, records, skip))


def _find_author(ix: _Index, owned: list[int], records: set[int],
                 body: int | None) -> tuple[str | None, int | None]:
    """The record's author: the first author-marked element (outside the body), narrowed to an
    author-marked element or profile link inside it when it holds more than a name."""
    for j in owned:
        if body is not None and ix.contains(body, j):
            continue
        if not _is_author_el(ix, j) or ix.textlen[j] == 0:
            continue
        for k in _narrower(ix, j):
            name = _clean_author(_element_text(ix, k, records, skip_dates=True).split("\n")[0])
            if name:
                return name, k
    return None, None


def _narrower(ix: _Index, j: int) -> list[int]:
    """Candidates for the author inside author element ``j``, best first: a nested
    author-marked element, a profile link (unless the rest is only "(account)"), ``j`` itself."""
    out: list[int] = []
    inner = [k for k in range(j + 1, ix.end[j] + 1) if ix.textlen[k] and _is_author_el(ix, k)]
    leaves = [k for n, k in enumerate(inner) if n + 1 == len(inner) or inner[n + 1] > ix.end[k]]
    out.extend(leaves[:2])
    links = [k for k in range(j + 1, ix.end[j] + 1) if ix.tag[k] == "a" and ix.textlen[k]]
    if links and ix.textlen[links[0]] < ix.textlen[j]:
        whole = " ".join(ix.nodes[j].text(deep=True).split())
        link = " ".join(ix.nodes[links[0]].text(deep=True).split())
        rest = whole.replace(link, "", 1).strip()
        if not re.fullmatch(r"\(.{1,40}\)", rest):
            out.append(links[0])
    out.append(j)
    return out


def _fallback_author(ix: _Index, owned: list[int], records: set[int],
                     body: int | None) -> tuple[str | None, int | None]:
    """First short name-like link or bold text outside the body (or before its text)."""
    for j in owned:
        if body is not None and ix.contains(body, j) and ix.start[j] - ix.start[body] > 2:
            continue
        if ix.tag[j] not in ("a", "strong", "b", "cite", "span", "h3", "h4", "h5", "h6", "div",
                             "p", "dt", "em"):
            continue
        n = ix.textlen[j]
        if not 2 <= n <= 60:
            continue
        if ix.tag[j] in ("div", "p", "span") and any(ix.tag[k] in _BLOCK_TAGS
                                                      for k in range(j + 1, ix.end[j] + 1)):
            continue
        raw = _element_text(ix, j, records, skip_dates=True)
        if _is_skip_el(ix, j) and not _is_author_el(ix, j) and not _BY_LINE.match(raw):
            continue
        m = _first_date(raw)
        if m and len(raw) - (m.end() - m.start()) < 3:
            continue
        name = _clean_author(raw)
        if name and len(name.split()) <= 5:
            return name, j
    return None, None


def _find_date(ix: _Index, owned: list[int], records: set[int],
               body: int | None) -> tuple[_dt.date | None, str | None, int | None]:
    for j in owned:
        if body is not None and ix.contains(body, j):
            continue
        if ix.tag[j] == "time":
            node = ix.nodes[j]
            shown = " ".join(_text_lines(ix, j, records, set()))
            attr = (node.attributes.get("datetime") or "").strip()
            d = parse_date(attr) if attr else None
            if d is None and shown:
                d = parse_date(shown)
            if shown or d:
                return d, shown or attr, j
    for j in owned:
        if body is not None and ix.contains(body, j):
            continue
        if _is_date_el(ix, j) and ix.textlen[j] > 0:
            s = " ".join(_text_lines(ix, j, records, set()))
            m = _first_date(s)
            if m:
                return parse_date(m.group(0)), m.group(0).strip(), j
            attr = (ix.nodes[j].attributes.get("title") or "")
            if _ABS_RE.search(attr):
                return parse_date(attr), s or attr, j
    # a date written in plain text on the record's own lines (outside its body)
    for j in owned:
        if body is not None and ix.contains(body, j):
            continue
        n = ix.textlen[j]
        if not 6 <= n <= 80 or any(ix.tag[k] in _BLOCK_TAGS for k in range(j + 1, ix.end[j] + 1)):
            continue
        s = " ".join(_text_lines(ix, j, records, set()))
        m = _first_date(s)
        if m:
            return parse_date(m.group(0)), m.group(0).strip(), j
    return None, None, None


def _find_body(ix: _Index, owned: list[int], author_el: int | None,
               records: set[int]) -> int | None:
    """The element holding the comment's text: body-marked, not holding the author, most text
    of its own (nested replies' text left out); of nested candidates that hold nearly the same
    text, the innermost (so a post's header with its date stays outside the body)."""
    cands: list[tuple[int, int]] = []
    for j in owned:
        if not _is_body_el(ix, j):
            continue
        if author_el is not None and (ix.contains(j, author_el) or ix.contains(author_el, j)):
            continue
        n = ix.textlen[j]
        k, end = j + 1, ix.end[j]
        while k <= end:  # leave nested replies' text out
            if k in records:
                n -= ix.textlen[k]
                k = ix.end[k] + 1
            else:
                k += 1
        if n > 0:
            cands.append((j, n))
    if not cands:
        return None
    best, best_len = max(cands, key=lambda c: c[1])
    for j, n in cands:  # pre-order: inner candidates come after `best`
        if j > best and ix.contains(best, j) and n >= 0.8 * best_len:
            best = j
    return best


def _read_record(ix: _Index, rec: int, records: set[int]) -> _Parts:
    owned = list(_owned(ix, rec, records))
    author, author_el = _find_author(ix, owned, records, None)
    body = _find_body(ix, owned, author_el, records)
    if author is None:
        scope = body
        if body is not None and ix.start[body] - ix.start[rec] <= 2:
            scope = None  # the "body" wraps the whole record: look for the author inside it
        author, author_el = _fallback_author(ix, owned, records, scope)
        if author_el is not None and body is not None and ix.contains(body, author_el):
            body = _find_body(ix, owned, author_el, records)
    date, date_text, date_el = _find_date(ix, owned, records, body)
    top = body if body is not None else rec
    skip: set[int] = set()
    for j in owned:
        if not ix.contains(top, j) or j == top:
            continue
        if j in (author_el, date_el) or (_is_skip_el(ix, j) and not _is_body_el(ix, j)):
            skip.add(j)
    if author_el is not None and top == rec:
        # the author's whole line (avatar, "says:", badges) goes with it
        line = author_el
        while ix.parent[line] != rec and ix.parent[line] >= 0 and ix.textlen[ix.parent[line]] <= (
                ix.textlen[author_el] + 40) and not ix.contains(ix.parent[line], date_el or -1):
            line = ix.parent[line]
        skip.add(line)
    lines = _text_lines(ix, top, records, skip)
    lines = [ln for ln in lines if not _junk_line(ln, author, date_text)]
    return _Parts(author, author_el, date, date_text, date_el, body, "\n".join(lines))


def _junk_line(line: str, author: str | None, date_text: str | None) -> bool:
    if _BUTTON_LINE.fullmatch(line):
        return True
    if author and line in (author, f"{author} says:", f"{author} sagt:"):
        return True
    if date_text and line == date_text:
        return True
    return _is_date(line.strip(" |·•-\u2013\u2014@"))


# --------------------------------------------------------------------------------------------
# Generic detector: repeated sibling records with author, date and text
# --------------------------------------------------------------------------------------------


_PARITY = frozenset({"odd", "even", "alt", "first", "last", "parent"})


def _signature(ix: _Index, i: int) -> tuple[str, frozenset[str]]:
    return _sig_of(ix.tag[i], ix.tok[i])


def _sig_of(tag: str, tok: frozenset[str]) -> tuple[str, frozenset[str]]:
    """Tag and class tokens, without numbers, depth and parity classes: what repeated records
    of one list share."""
    cls = frozenset(re.sub(r"\d+", "", t) for t in _classes(tok)
                    if not _DEPTH_TOKEN.search(t) and t not in _PARITY)
    return tag, cls


def _generic_records(ix: _Index) -> dict[int, str]:
    """Sibling runs (same tag and class signature, 2+ members) that read like comments."""
    children: dict[int, list[int]] = {}
    for i in range(1, len(ix)):
        p = ix.parent[i]
        if p >= 0 and ix.tag[i] in _GENERIC_TAGS:
            children.setdefault(p, []).append(i)
    found: dict[int, str] = {}
    for kids in children.values():
        if len(kids) < 2:
            continue
        groups: dict[tuple[str, frozenset[str]], list[int]] = {}
        for k in kids:
            groups.setdefault(_signature(ix, k), []).append(k)
        for members in groups.values():
            if len(members) < 2 or len(members) > 2000:
                continue
            ok = [m for m in members if _looks_like_comment(ix, m)]
            distinct = {" ".join(ix.nodes[m].text(deep=True).split())[:80] for m in ok}
            authors = {_fallback_author(ix, list(range(m + 1, ix.end[m] + 1)), set(), None)[0]
                       for m in ok}
            if len(ok) >= 2 and len(ok) >= 0.7 * len(members) and len(distinct) == len(ok) \
                    and (len(ok) < 3 or len(authors) > 1):
                for m in members:
                    found[m] = "comment"
    return _merge_wrappers(ix, found)


_URLISH = re.compile(r"(?:https?://|www\.)\S+$")
_GENERIC_TAGS = frozenset({"li", "div", "article", "section", "tr", "dl"})
#: Repeated blocks that carry a name and a date but are not comments.
_NOT_COMMENT = re.compile(
    r"tweet|twitter|instagram|embed|teaser|related|promo|recommend|product|price|card-news"
    r"|news-item|article|story|event|job|offer|result|search|gallery|slide|ad-|advert|sponsor"
)


def _looks_like_comment(ix: _Index, i: int) -> bool:
    n = ix.textlen[i]
    if not 12 <= n <= 20_000:
        return False
    if any(_NOT_COMMENT.search(t) for t in _classes(ix.tok[i])):
        return False
    if any(ix.tag[a] == "a" for a in list(ix.ancestors(i))[:4]):
        return False  # the whole record is one link: a teaser
    node = ix.nodes[i]
    text = node.text(deep=True)
    head = " ".join(text.split())[:300]
    m = _first_date(head)
    if m is None:
        return False
    link_chars = 0
    for k in range(i + 1, ix.end[i] + 1):
        tag = ix.tag[k]
        if tag in ("h1", "h2") or (tag in ("h3", "h4") and _has_link_out(ix, k)):
            return False
        if tag == "a":
            link_chars += ix.textlen[k]
            if ix.textlen[k] > 30 and not _URLISH.match(ix.nodes[k].text(deep=True).strip()):
                return False  # a linked headline: a teaser
        if tag in ("input", "select") or "price" in " ".join(ix.tok[k]):
            return False
    if link_chars > 0.5 * n:
        return False
    author, _ = _fallback_author(ix, list(range(i + 1, ix.end[i] + 1)), set(), None)
    if author is None:
        return False
    rest = (head[: m.start()] + head[m.end():]).replace(author, "", 1)
    return len("".join(rest.split())) >= 8


def _link_share(ix: _Index, r: int) -> float:
    """Share of the record's text inside links."""
    linked, k, end = 0, r + 1, ix.end[r]
    while k <= end:
        if ix.tag[k] == "a":
            linked += ix.textlen[k]
            k = ix.end[k] + 1
        else:
            k += 1
    return linked / ix.textlen[r] if ix.textlen[r] else 0.0


def _teaser(ix: _Index, r: int) -> bool:
    """A record headed by a linked headline (an article teaser, not a post)."""
    return any(ix.tag[k] in ("h2", "h3", "h4") and ix.textlen[k] >= 20 and _has_link_out(ix, k)
               for k in range(r + 1, ix.end[r] + 1))


def _has_link_out(ix: _Index, k: int) -> bool:
    for j in range(k, ix.end[k] + 1):
        if ix.tag[j] == "a":
            href = ix.nodes[j].attributes.get("href") or ""
            if href and "#" not in href:  # "#p123", "?pid=5#p5": permalinks to a post
                return True
    return False


# --------------------------------------------------------------------------------------------
# Threads
# --------------------------------------------------------------------------------------------


def _depths(ix: _Index, recs: list[int], rset: set[int]) -> dict[int, int]:
    """Reply depth: nesting of records, else indentation classes or margin-left styles."""
    depth: dict[int, int] = {}
    for r in recs:
        d = 0
        for a in ix.ancestors(r):
            if a in rset:
                d += depth.get(a, 0) + 1
                break
            if any(t in _NEST_TOKENS for t in _classes(ix.tok[a])):
                d += 1  # replies in a container beside their parent (Drupal's div.indented)
        depth[r] = d
    if any(depth.values()):
        return depth
    # flat layout: indentation classes, then inline margins
    levels: dict[int, int] = {}
    for r in recs:
        for t in _classes(ix.tok[r]):
            m = _DEPTH_TOKEN.search(t)
            if m:
                levels[r] = int(m.group(1))
                break
    if len(levels) == len(recs) and len(set(levels.values())) > 1:
        low = min(levels.values())
        return {r: min(levels[r] - low, 50) for r in recs}
    subs = {r for r in recs if any(_SUB_TOKEN.search(t) for t in _classes(ix.tok[r]))}
    if subs and len(subs) < len(recs):
        return {r: int(r in subs) for r in recs}
    margins: dict[int, int] = {}
    for r in recs:
        style = ix.nodes[r].attributes.get("style") or ""
        m = _MARGIN.search(style)
        margins[r] = int(m.group(1)) if m else 0
    steps = sorted(set(margins.values()))
    if len(steps) > 1:
        return {r: steps.index(margins[r]) for r in recs}
    return depth


def _lca(ix: _Index, a: int, b: int) -> int:
    anc = {a, *ix.ancestors(a)}
    if b in anc:
        return b
    for p in ix.ancestors(b):
        if p in anc:
            return p
    return 0


def _build(ix: _Index, found: dict[int, str], detector: str) -> list[Thread]:
    recs = sorted(found)
    if not recs:
        return []
    rset = set(recs)
    parts = {r: _read_record(ix, r, rset) for r in recs}
    # drop empty shells (templates, forms): no author and no text and no nested record
    keep = [r for r in recs if parts[r].author or parts[r].text]
    rset = set(keep)
    depth = _depths(ix, keep, rset)
    # group top-level records into threads: consecutive, same signature, close in the tree
    groups: list[list[int]] = []
    last_top: int | None = None
    for r in keep:
        if depth[r] == 0 or last_top is None:
            if last_top is not None and _same_group(ix, last_top, r):
                groups[-1].append(r)
            else:
                groups.append([r])
            last_top = r
        else:
            groups[-1].append(r)
    # a lone first post in its own container (forums put the opening post apart) joins the
    # posts that follow it
    merged: list[list[int]] = []
    for g in groups:
        if merged and len(merged[-1]) == 1 and found[merged[-1][0]] == "post" \
                and _near(ix, merged[-1][0], g[0], 6):
            merged[-1].extend(g)
        else:
            merged.append(g)
    threads: list[Thread] = []
    for g in merged:
        t = _thread(ix, g, found, parts, depth=depth, detector=detector)
        if t is not None:
            threads.append(t)
    return threads


def _same_group(ix: _Index, a: int, b: int) -> bool:
    return _signature(ix, a)[0] == _signature(ix, b)[0] and _near(ix, a, b, 4)


def _near(ix: _Index, a: int, b: int, levels: int) -> bool:
    """Whether ``a`` and ``b`` meet at most ``levels`` elements above each."""
    top = _lca(ix, a, b)
    da = sum(1 for x in ix.ancestors(a) if ix.contains(top, x))
    db = sum(1 for x in ix.ancestors(b) if ix.contains(top, x))
    return da <= levels and db <= levels


def _thread(ix: _Index, g: list[int], found: dict[int, str], parts: dict[int, _Parts], *,
            depth: dict[int, int], detector: str) -> Thread | None:
    kinds = [found[r] for r in g]
    kind = "comments" if kinds.count("comment") >= kinds.count("post") else "posts"
    with_author = sum(1 for r in g if parts[r].author)
    strong = any(found[r] == "comment" and (_has_record_id(ix, r) or parts[r].date_text)
                 for r in g) or any(
        t.startswith(("itemtype:", "itemprop:")) for r in g for t in ix.tok[r])
    if detector == "markup":
        if len(g) == 1 and not strong:
            return None
        if with_author < 0.5 * len(g):
            return None
        if kind == "posts" and len(g) < 2 and not strong:
            return None
        if sum(1 for r in g if _link_share(ix, r) > 0.8) >= 0.5 * len(g):
            return None  # "latest comments" widgets: each record is a link to elsewhere
        if kind == "posts" and (sum(1 for r in g if parts[r].date_text) < 0.5 * len(g)
                                or sum(1 for r in g if _teaser(ix, r)) >= 0.5 * len(g)):
            return None  # FAQ accordions and teaser lists: no dates, or headline links
    if detector == "generic" and sum(1 for r in g if len(parts[r].text) >= 10) < 0.5 * len(g):
        return None  # dated links in a table or list, not comments
    tops = [r for r in g if depth[r] == 0] or g[:1]
    root = tops[0]
    for r in tops[1:]:
        root = _lca(ix, root, r)
    if root == tops[0] and ix.parent[root] >= 0:
        root = ix.parent[root]
    # members in page order with a depth relative to the thread (a reply's depth is at most
    # one more than the comment before it)
    members: list[Member] = []
    levels: list[int] = []
    for r in g:
        d = min(depth[r], levels[-1] + 1) if levels else 0
        levels.append(d)
        p = parts[r]
        members.append(Member(ix.nodes[r].mem_id,
                              ix.nodes[p.body_el].mem_id if p.body_el is not None else None,
                              ix.nodes[p.author_el].mem_id if p.author_el is not None else None,
                              d))
    comments = _nest([(levels[k], _comment(parts[r])) for k, r in enumerate(g)])
    return Thread(ix.nodes[root].mem_id, comments, tuple(members), kind, detector)


def _comment(p: _Parts) -> Comment:
    return Comment(p.author, p.text, p.date, p.date_text)


def _nest(flat: list[tuple[int, Comment]]) -> tuple[Comment, ...]:
    """Nest (depth, comment) pairs in page order into reply trees, without recursion."""
    # children lists per open level; a level closes when a shallower comment arrives
    top: list[Comment] = []
    open_: list[tuple[Comment, list[Comment]]] = []  # the open path: (comment, its replies)

    def close_to(d: int) -> None:
        while len(open_) > d:
            c, replies = open_.pop()
            done = Comment(c.author, c.text, c.date, c.date_text, tuple(replies))
            (open_[-1][1] if open_ else top).append(done)

    for d, c in flat:
        close_to(d)
        open_.append((c, []))
    close_to(0)
    return tuple(top)


def find_threads(tree: LexborHTMLParser) -> list[Thread]:
    """Every comment thread (or discussion's posts) on the page, in page order."""
    body = tree.body
    if body is None:
        return []
    region = _candidate_region(body)
    ix: _Index | None = None
    if region is not None:
        ix = _Index(region)
        threads = _build(ix, _markup_records(ix), "markup")
        if threads:
            return threads
    # unknown markup: only pages that show comment-like timestamps can hold a thread
    text = body.text(deep=True)
    spans = _date_spans(text, max(0, len(text) - _DATE_SCAN))
    if spans is None:
        return []
    threads = []
    for top in _dated_regions(body, spans):
        ix = _Index(top)
        threads.extend(_build(ix, _generic_records(ix), "generic"))
    return threads


#: Levels between a date's text and the element whose children are the dated records.
_DATE_REACH = 6
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


def _dated_regions(body: LexborNode, spans: list[tuple[int, int]]) -> list[LexborNode]:
    """Where sibling records that each show a date can be: the lowest common ancestor of each
    two consecutive elements showing a date that meet within :data:`_DATE_REACH` levels, in
    two children of the same kind (tag and classes), outermost first. The elements are found
    from the dates' offsets in the page text by one pass of lexbor's iterator over the text
    nodes; only these regions are indexed."""
    spans = sorted(spans)
    chains: list[list[LexborNode]] = []
    pos = 0
    k = 0
    last = -1
    for node in body.traverse(include_text=True):
        if k >= len(spans):
            break
        if node.tag != "-text":
            continue
        end = pos + len(node.text_content or "")
        while k < len(spans) and spans[k][0] < end:
            if spans[k][0] >= pos and node.mem_id != last:
                last = node.mem_id
                chains.append(_chain(node.parent, body))
            k += 1
        pos = end
    tops: dict[int, LexborNode] = {}
    memo: _Memo = {}
    for a, b in pairwise(chains):
        ids = {n.mem_id: k for k, n in enumerate(a)}
        kb = next((k for k, n in enumerate(b) if n.mem_id in ids), None)
        if kb is None:
            continue
        ka = ids[b[kb].mem_id]
        if ka == 0 or kb == 0:
            continue  # one date inside the other's element: not two records
        # the two records are the meeting element's children on the way to each date
        ra, rb = a[ka - 1], b[kb - 1]
        if (ra.tag or "") not in _GENERIC_TAGS or _sig_of(ra.tag or "", _tokens(ra, memo)) \
                != _sig_of(rb.tag or "", _tokens(rb, memo)):
            continue
        tops.setdefault(b[kb].mem_id, b[kb])
    # outermost first: a region inside another one is already indexed with it
    out: list[LexborNode] = []
    for top in tops.values():
        above: set[int] = set()
        n = top.parent
        steps = 0
        while n is not None and steps <= MAX_DEPTH:
            above.add(n.mem_id)
            n = n.parent
            steps += 1
        if not above & tops.keys():
            out.append(top)
    return out


def _chain(node: LexborNode | None, body: LexborNode) -> list[LexborNode]:
    """``node`` and its ancestors, up to :data:`_DATE_REACH` levels or the body."""
    chain: list[LexborNode] = []
    while node is not None and len(chain) <= _DATE_REACH:
        chain.append(node)
        if node.mem_id == body.mem_id:
            break
        node = node.parent
    return chain


def _candidate_region(body: LexborNode) -> LexborNode | None:
    """The smallest element holding every markup-named record candidate (C-level search),
    one level up; None when there is no comment candidate and fewer than two post ones."""
    first: LexborNode | None = None
    last: LexborNode | None = None
    counts = {"comment": 0, "post": 0}
    memo: _Memo = {}
    kinds: dict[tuple[str, frozenset[str]], str | None] = {}
    for node in body.css(_RECORD_SELECTOR):
        key = (node.tag or "", _tokens(node, memo))
        kind = kinds[key] if key in kinds else kinds.setdefault(key, _kind_of(*key))
        if kind is None:
            continue
        counts[kind] += 1
        if first is None:
            first = node
        last = node
    if first is None or last is None or (counts["comment"] == 0 and counts["post"] < 2):
        return None
    # the candidates come in page order: what holds the first and the last holds them all
    top = _meet(first, last, body)
    # one level up: the record's siblings (and a wrapper of a lone record) are in view
    return top.parent if top.parent is not None and top.mem_id != body.mem_id else top


def _meet(a: LexborNode, b: LexborNode, body: LexborNode) -> LexborNode:
    """The lowest element holding both ``a`` and ``b`` (``body`` at the highest)."""
    above: set[int] = set()
    n: LexborNode | None = a
    while n is not None:
        above.add(n.mem_id)
        if n.mem_id == body.mem_id:
            break
        n = n.parent
    n = b
    while n is not None and n.mem_id not in above:
        n = n.parent
    return n if n is not None else body
