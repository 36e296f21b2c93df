"""A record's author: the author-marked element or a name-like first line, cleaned."""

from __future__ import annotations

import re

from ._comment_dates import _first_date, _is_date
from ._comment_index import _Index
from ._comment_parts import _element_text, _is_author_el, _is_skip_el
from ._comment_vocab import (
    _AUTHOR_PREFIX,
    _AUTHOR_SPLIT,
    _AUTHOR_SUFFIX,
    _BLOCK_TAGS,
    _BUTTON_LINE,
    _BY_LINE,
    _LETTER,
    _NAME_ACCOUNT,
    _SAYS_WORD,
    _WEEKDAY_TAIL,
)

_INITIAL_END = re.compile(r"(?:^|\s)\w\.$")  # "John D." keeps its full stop
_ACCOUNT = re.compile(r"\(.{1,40}\)")

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
    if s.endswith(".") and not _INITIAL_END.search(s):
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
        if not _ACCOUNT.fullmatch(rest):
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
