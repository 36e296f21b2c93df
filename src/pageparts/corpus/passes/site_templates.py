"""Site templates: lines that recur across many pages of one host become furniture.

Pass 1 (:func:`observe_templates`) feeds every row's block lines, per host (from the row's URL),
to :class:`pageparts.text.templates.SiteTemplates`. Pass 2 (:func:`apply_templates`) relabels a
main-content block (``body`` or ``heading``) whose every line is a template line of its host as
furniture of kind "other", lists its index in ``template_blocks``, and rewrites ``text`` the way
assembly writes it (the main-content blocks joined by blank lines) and ``markdown`` without the
block's lines. A row left without main content becomes "empty" with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from ...text.templates import SiteTemplates
from ..records import Row

__all__ = ["apply_templates", "observe_templates"]

_MAIN = ("body", "heading")
_MD_PREFIX = re.compile(r"^\s*(?:#{1,6} |- |> |\| )?")


def _host(row: Row) -> str | None:
    url = row.get("url")
    if not isinstance(url, str) or "://" not in url:
        return None
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def _lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def observe_templates(rows: Iterable[Row]) -> SiteTemplates:
    """Pass 1: count every row's block lines under its host."""
    templates = SiteTemplates()
    for row in rows:
        host = _host(row)
        blocks = row.get("blocks") or []
        if host and blocks:
            templates.observe(host, [ln for b in blocks for ln in _lines(str(b.get("text", "")))])
    return templates


def _is_template(templates: SiteTemplates, host: str, text: str) -> bool:
    lines = _lines(text)
    return bool(lines) and all(templates.is_template(host, ln) for ln in lines)


def _strip_markdown(markdown: str, removed: list[str]) -> str:
    lines = markdown.split("\n")
    for text in removed:
        for line in _lines(text):
            for i, md in enumerate(lines):
                if md.strip() and _MD_PREFIX.sub("", md).strip() == line.strip():
                    del lines[i]
                    break
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def apply_templates(row: Row, templates: SiteTemplates) -> bool:
    """Pass 2: relabel the row's template blocks in place; return whether anything changed."""
    host = _host(row)
    blocks: list[dict[str, Any]] = row.get("blocks") or []
    row["template_blocks"] = []
    if host is None or not blocks:
        return False
    hits = [b for b in blocks if b.get("label") in _MAIN
            and _is_template(templates, host, str(b.get("text", "")))]
    row["template_blocks"] = [int(b["index"]) for b in hits]
    if not hits:
        return False
    for b in hits:
        b["label"], b["kind"] = "furniture", "other"
    row["text"] = "\n\n".join(str(b["text"]) for b in blocks if b.get("label") in _MAIN)
    row["markdown"] = _strip_markdown(str(row.get("markdown") or ""),
                                      [str(b["text"]) for b in hits])
    furniture = list(row.get("furniture") or [])
    furniture += [{"kind": "other", "text": b["text"], "blocks": [b["index"]]} for b in hits]
    row["furniture"] = sorted(furniture, key=lambda f: min(f["blocks"] or [0]))
    if row.get("status") == "ok" and not row["text"]:
        row["status"] = "empty"
        row["reason"] = "no main content left: every main-content block is a site-template line"
    return True
