"""Class/id vocabularies and text patterns the comment-thread finder reads records by."""

from __future__ import annotations

import re

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


# Candidate records, found in C before any Python walk; _kind_of() decides. Tag first, then
# attribute presence: lexbor then skips the substring tests on most elements.
_RECORD_SELECTOR = (
    f":is({', '.join(sorted(_RECORD_TAGS - {'shreddit-comment'}))}):is("
    '[class]:is([class*="comment" i], [class*="kommentar" i], [class*="leserbrief" i],'
    ' [class*="comtr"], [class*="post" i], [class*="answer" i], [class*="question" i],'
    ' [class*="reply" i], [class*="msg" i], [class*="athing"], [class*="topic" i],'
    ' [class*="discussion" i]),'
    ' [id]:is([id*="comment" i], [id*="kommentar" i], [id*="message" i], [id^="post" i]),'
    ' [itemtype], [itemprop], [component="post"]), shreddit-comment'
)
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
_AUTHOR_NOISE = re.compile(
    r"says|avatar|sr-only|screen-reader|badge|reputation|repbadge|karma|points|usertitle"
    r"|user-title|rank|postcount|post-count"
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
_BODY_VETO = re.compile(r"meta|header|author|footer|form|input|count|field--name|field-name-")
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
#: Verbs of saying after a commenter's name ("Ann says", "Jan schreef"), in the languages the
#: packs and the fixtures show.
_SAID_WORDS = ("says", "said", "sagt", "sagte", "schreibt", "schrieb", "meint", "wrote", "writes",
               "commented", "kommentierte", "a écrit", "escribió", "dijo", "disse", "ha scritto",
               "schreef", "napisał", "replied", "antwortete")
_AUTHOR_SUFFIX = re.compile(
    r"(?:[\s,:]+(?:" + "|".join(_SAID_WORDS) + r"|meinte|dit|a dit|dice|scrive|zegt"
    r"|on|am|um|at|le|el|the))?"
    r"[\s:,…\-\u2013\u2014|»·•@]*$",
    re.IGNORECASE,
)
_SAYS_WORD = re.compile(r"\s+(?:" + "|".join(_SAID_WORDS) + r")\b.*$", re.IGNORECASE)
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
_PARITY = frozenset({"odd", "even", "alt", "first", "last", "parent"})
_URLISH = re.compile(r"(?:https?://|www\.)\S+$")
_GENERIC_TAGS = frozenset({"li", "div", "article", "section", "tr", "dl"})


#: Repeated blocks that carry a name and a date but are not comments.
_NOT_COMMENT = re.compile(
    r"tweet|twitter|instagram|embed|teaser|related|promo|recommend|product|price|card-news"
    r"|news-item|article|story|event|job|offer|result|search|gallery|slide|ad-|advert|sponsor"
)
