"""One JSON object or Parquet row → a Record, by the configured field names."""

from __future__ import annotations

from typing import Any

from ..config import Fields
from ..records import Record

__all__ = ["record_from_mapping"]

_FIELD_KINDS = {"html": "html", "text": "text", "raw_content": "text"}


def record_from_mapping(obj: dict[str, Any], *, fields: Fields, fallback_id: str, source: str,
                        offset: int, max_bytes: int, kind: str | None) -> Record:
    """The page in ``obj`` as a Record; a missing or oversized page is a judged record."""
    raw_id = obj.get(fields.id)
    rid = str(raw_id) if raw_id is not None and raw_id != "" else fallback_id
    url = obj.get(fields.url)
    base = Record(id=rid, url=url if isinstance(url, str) else None, payload=b"", kind=None,
                  source=source, offset=offset)
    names = fields.content_candidates()
    name = next((n for n in names if obj.get(n) is not None), None)
    if name is None:
        return _judged(base, "rejected", f"no page in the record (looked for the field(s) "
                       f"{', '.join(names)}; set --content-field)")
    page = obj[name]
    if not isinstance(page, (str, bytes)):
        return _judged(base, "rejected", f"field {name!r} holds a {type(page).__name__}, "
                       "not a page")
    if len(page) > max_bytes:
        return _judged(base, "rejected", f"page is {len(page):,} long, over the limit of "
                       f"{max_bytes:,} (raise --max-bytes to read it)")
    return Record(id=rid, url=base.url, payload=page, kind=kind or _FIELD_KINDS.get(name),
                  source=source, offset=offset)


def _judged(base: Record, status: str, reason: str) -> Record:
    return Record(id=base.id, url=base.url, payload=b"", kind=None, source=base.source,
                  offset=base.offset, status=status, reason=reason)
