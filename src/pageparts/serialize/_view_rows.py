"""A corpus row (``Document.to_dict()`` plus ``id``/``status``/``reason``) back to a Document.

A row read from JSON Lines has ISO dates and a nested thread; one read from Parquet has dates and
a flat thread (``index``/``parent``); both are accepted.

Rows come from files a user points at, so every field is optional and every value is checked:
a missing or malformed field becomes its default, never an exception deep in the view.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from .._document import Block, Comment, Document, Furniture
from .._errors import InputError

__all__ = ["document_from_dict"]

#: Comment threads deeper than this are cut (a hostile row must not exhaust the stack).
_MAX_THREAD_DEPTH = 200


def _str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _int(value: Any, default: int = 0) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except ValueError:
        return default


def _float(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return 0.0


def _date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _block(i: int, d: Any) -> Block | None:
    if not isinstance(d, Mapping):
        return None
    return Block(
        index=_int(d.get("index"), i),
        text=_str(d.get("text")) or "",
        label=_str(d.get("label")) or "furniture",
        tag=_str(d.get("tag")) or "p",
        kind=_str(d.get("kind")),
        depth=max(0, _int(d.get("depth"))),
        score=_float(d.get("score")),
        credit=_str(d.get("credit")),
    )


def _furniture(d: Any) -> Furniture | None:
    if not isinstance(d, Mapping):
        return None
    blocks = tuple(_int(b, -1) for b in _list(d.get("blocks")))
    return Furniture(kind=_str(d.get("kind")) or "other", text=_str(d.get("text")) or "",
                     blocks=tuple(b for b in blocks if b >= 0))


def _comment(d: Any, depth: int = 0) -> Comment | None:
    if not isinstance(d, Mapping):
        return None
    replies: tuple[Comment, ...] = ()
    if depth < _MAX_THREAD_DEPTH:
        kids = (_comment(r, depth + 1) for r in _list(d.get("replies")))
        replies = tuple(c for c in kids if c is not None)
    return Comment(author=_str(d.get("author")), text=_str(d.get("text")) or "",
                   date=_date(d.get("date")), date_text=_str(d.get("date_text")),
                   replies=replies)


def _nest(flat: list[Any]) -> list[Any]:
    """Parquet rows keep the thread flat (``index``, ``parent``): nest it as ``replies`` again."""
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[Any] = []
    for c in flat:
        if not isinstance(c, Mapping):
            continue
        node = {**c, "replies": []}
        parent = c.get("parent")
        if isinstance(parent, int) and parent in nodes:
            nodes[parent]["replies"].append(node)
        else:
            roots.append(node)
        index = c.get("index")
        if isinstance(index, int):
            nodes[index] = node
    return roots


def document_from_dict(row: Mapping[str, Any]) -> Document:
    """Rebuild the Document a corpus row or ``Document.to_dict()`` describes (tolerantly)."""
    if not isinstance(row, Mapping):
        raise InputError(f"a row must be a JSON object, not {type(row).__name__}")
    blocks = (_block(i, b) for i, b in enumerate(_list(row.get("blocks"))))
    furniture = (_furniture(f) for f in _list(row.get("furniture")))
    thread = _list(row.get("comments"))
    if any(isinstance(c, Mapping) and "parent" in c for c in thread):
        thread = _nest(thread)
    comments = (_comment(c) for c in thread)
    return Document(
        status=_str(row.get("status")) or "ok",
        reason=_str(row.get("reason")),
        title=_str(row.get("title")),
        author=_str(row.get("author")),
        date=_date(row.get("date")),
        site_name=_str(row.get("site_name")),
        language=_str(row.get("language")),
        url=_str(row.get("url")),
        page_type=_str(row.get("page_type")),
        description=_str(row.get("description")),
        text=_str(row.get("text")) or "",
        markdown=_str(row.get("markdown")) or "",
        blocks=tuple(b for b in blocks if b is not None),
        furniture=tuple(f for f in furniture if f is not None),
        comments=tuple(c for c in comments if c is not None),
        source_kind=_str(row.get("source_kind")) or "html",
        encoding=_str(row.get("encoding")),
    )
