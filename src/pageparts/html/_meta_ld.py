"""JSON-LD, read leniently: every object of every script, flattened, with the page's subject."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ._meta_scan import _ARTICLE_TYPES, _PAGE_TYPES, _STORY_TYPES, _clean

_MAX_JSONLD = 1_000_000  # characters; larger scripts are skipped
_MAX_LD_OBJECTS = 2_000  # dicts visited per page when walking JSON-LD
_MAX_LD_DEPTH = 12
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
