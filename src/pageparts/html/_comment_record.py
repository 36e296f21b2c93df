"""One record read: author, date, the element holding its text, and the text."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ._comment_author import _fallback_author, _find_author
from ._comment_dates import _ABS_RE, _first_date, _is_date, parse_date
from ._comment_index import _Index
from ._comment_parts import _is_body_el, _is_date_el, _is_skip_el, _owned, _text_lines
from ._comment_vocab import _BLOCK_TAGS, _BUTTON_LINE


@dataclass(slots=True)
class _Parts:
    author: str | None
    author_el: int | None
    date: _dt.date | None
    date_text: str | None
    date_el: int | None
    body_el: int | None
    text: str


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
