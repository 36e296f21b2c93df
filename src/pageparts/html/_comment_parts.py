"""The parts of a record: which elements are author, date, body or buttons, and their text."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ._comment_index import _classes, _Index
from ._comment_vocab import (
    _AUTHOR_EXACT,
    _AUTHOR_NOISE,
    _AUTHOR_PART,
    _BLOCK_TAGS,
    _BODY_ITEMPROPS,
    _BODY_PART,
    _BODY_VETO,
    _DATE_PART,
    _NOT_AUTHOR,
    _NOT_BODY,
    _SKIP_PART,
    _STRONG_BODY,
)


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
    """Whether the element is marked as an author (name, user, ``itemprop=author`` ...)."""
    tok = ix.tok[j]
    if not tok:
        return False
    key = ("author", ix.tag[j], tok)
    got = ix.marks.get(key)
    if got is None:
        got = ix.marks[key] = _author_marked(ix.tag[j], tok)
    return got


def _author_marked(tag: str, tok: frozenset[str]) -> bool:
    if tag in ("img", "time"):
        return False
    for t in tok:
        if t.startswith("itemprop:") and t[9:] in ("author", "creator"):
            return True
        if ":" in t or t.startswith("#"):
            continue
        if (t in _AUTHOR_EXACT or _AUTHOR_PART.search(t)) and not _NOT_AUTHOR.search(t):
            return True
    return False


def _is_date_el(ix: _Index, j: int) -> bool:
    """Whether the element is a ``time`` or marked as a date."""
    tok = ix.tok[j]
    if ix.tag[j] == "time":
        return True
    if not tok:
        return False
    key = ("date", "", tok)
    got = ix.marks.get(key)
    if got is None:
        got = ix.marks[key] = any(_DATE_PART.search(t) for t in _classes(tok))
    return got


def _marked(ix: _Index, j: int, kind: str, test: Callable[[frozenset[str]], bool]) -> bool:
    """``test`` of the element's tokens, memoised per token set (pages repeat them)."""
    tok = ix.tok[j]
    if not tok:
        return False
    key = (kind, "", tok)
    got = ix.marks.get(key)
    if got is None:
        got = ix.marks[key] = test(tok)
    return got


def _is_body_el(ix: _Index, j: int) -> bool:
    """Whether the element is marked as a comment's text."""
    return _marked(ix, j, "body", _body_marked)


def _body_marked(tok: frozenset[str]) -> bool:
    for t in tok:
        if t.startswith("itemprop:") and t[9:] in _BODY_ITEMPROPS:
            return True
        if ":" in t or t.startswith("#"):
            continue
        if _STRONG_BODY.search(t) and not _BODY_VETO.search(t):
            return True
        if _BODY_PART.search(t) and not _NOT_BODY.search(t):
            return True
    return False


def _is_skip_el(ix: _Index, j: int) -> bool:
    """Whether the element is a button bar, avatar, meta line ... (not the comment's text)."""
    return _marked(ix, j, "skip", _skip_marked)


def _skip_marked(tok: frozenset[str]) -> bool:
    return any(_SKIP_PART.fullmatch(t) for t in _classes(tok))


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


def _element_text(ix: _Index, j: int, records: set[int], skip_dates: bool) -> str:
    """Text of element ``j`` on one line, leaving out dates, avatars and 'says'."""
    skip: set[int] = set()
    for k in range(j + 1, ix.end[j] + 1):
        toks = ix.tok[k]
        if (skip_dates and _is_date_el(ix, k)) or any(_AUTHOR_NOISE.search(t) for t in toks):
            skip.add(k)
    return "\n".join(_text_lines(ix, j, records, skip))
