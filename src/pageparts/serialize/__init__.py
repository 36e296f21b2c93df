"""Document → output format. One table; each serializer is a function ``Document -> str``."""

from __future__ import annotations

import json
from collections.abc import Callable

from .._document import Comment, Document
from .._errors import InputError
from .view import to_html

__all__ = ["FORMATS", "serialize", "to_json", "to_markdown", "to_text"]


def to_json(doc: Document, *, indent: int | None = 2) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent)


def to_text(doc: Document) -> str:
    parts = []
    if doc.title:
        parts.append(doc.title)
    if doc.text:
        parts.append(doc.text)
    return "\n\n".join(parts) + "\n" if parts else ""


def _thread_markdown(comments: tuple[Comment, ...]) -> list[str]:
    lines: list[str] = []
    for c in comments:
        for depth, node in c.walk():
            pad = "  " * depth
            who = node.author or "anonymous"
            when = node.date.isoformat() if node.date else (node.date_text or "")
            head = f"{pad}- **{_md_escape(who)}**" + (f" · {_md_escape(when)}" if when else "")
            lines.append(head)
            for para in node.text.split("\n"):
                if para.strip():
                    lines.append(f"{pad}  {_md_escape(para.strip())}")
    return lines


def _md_escape(s: str) -> str:
    # comment authors and texts come from the page: keep them from becoming markup
    return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;")


def to_markdown(doc: Document) -> str:
    parts = []
    if doc.title:
        parts.append(f"# {doc.title}")
    meta = [x for x in (doc.author, doc.date.isoformat() if doc.date else None) if x]
    if meta:
        parts.append("*" + " · ".join(meta) + "*")
    if doc.markdown:
        parts.append(doc.markdown)
    if doc.comments:
        parts.append("## Comments")
        parts.append("\n".join(_thread_markdown(doc.comments)))
    return "\n\n".join(parts) + "\n" if parts else ""


FORMATS: dict[str, Callable[[Document], str]] = {
    "html": to_html,
    "json": to_json,
    "markdown": to_markdown,
    "text": to_text,
}


def serialize(doc: Document, fmt: str) -> str:
    try:
        return FORMATS[fmt](doc)
    except KeyError:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
