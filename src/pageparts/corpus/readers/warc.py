"""WARC and WET files (plain, gzip or zstd) with FastWARC: HTML responses and text conversions.

``response`` and ``resource`` records are pages (HTML, or text for ``text/plain``); a response of
another content type (an image, a PDF) is a record too, judged "rejected" without extraction.
``conversion`` records (WET) are plain-text pages. ``request``, ``metadata``, ``warcinfo`` and
``revisit`` records are not pages and make no row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from ..._errors import InputError, LimitExceeded
from ..config import ReadLimits
from ..records import Record
from ..streams import InputStream
from ._http import decode_body, parse_http
from ._lost import lost_record

__all__ = ["read_warc"]

_PAGE_TYPES = ("response", "resource", "conversion")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml", "")


def _kind_of(content_type: str) -> str | None:
    """'html', 'text', or None when the content type is not a web page."""
    if content_type in _HTML_TYPES or "html" in content_type:
        return "html"
    if content_type == "text/plain":
        return "text"
    return None


def _record(rid: str, url: str | None, rtype: str, block: bytes, *, source: str, offset: int,
            limits: ReadLimits, forced: str | None) -> Record:
    base = Record(id=rid, url=url, payload=b"", kind=None, source=source, offset=offset)
    if rtype == "conversion":
        return replace(base, payload=block, kind=forced or "text")
    if rtype == "resource":
        return replace(base, payload=block, kind=forced)
    try:
        response = parse_http(block)
        kind = _kind_of(response.content_type)
        if kind is None:
            return replace(base, status="rejected",
                           reason=f"content type {response.content_type!r} is not a web page")
        body = decode_body(response, limits.max_bytes)
    except LimitExceeded as exc:
        return replace(base, status="rejected", reason=str(exc))
    except InputError as exc:
        return replace(base, status="error", reason=str(exc))
    return replace(base, payload=body, kind=forced or kind, encoding=response.charset)


def read_warc(name: str, *, limits: ReadLimits, kind: str | None = None,
              meter: Callable[[int], None] | None = None) -> Iterator[Record]:
    """Every page record of a WARC/WET file; damage ends the file with one "lost" record."""
    from fastwarc.warc import ArchiveIterator

    stream = InputStream(name, max_ratio=limits.max_ratio, meter=meter)
    count, offset = 0, 0
    try:
        for rec in ArchiveIterator(stream, parse_http=False, stream_detect=False):
            offset = rec.stream_pos
            rtype = str(rec.record_type)
            if rtype not in _PAGE_TYPES:
                continue
            rid = rec.record_id or f"{name}@{offset}"
            url = rec.headers.get("WARC-Target-URI")
            length = rec.content_length
            if length > limits.max_bytes + (1 << 16):
                rec.consume()
                count += 1
                yield Record(id=rid, url=url, payload=b"", kind=None, source=name,
                             offset=offset, status="rejected",
                             reason=f"record is {length:,} bytes, over the limit of "
                             f"{limits.max_bytes:,} (raise --max-bytes to read it)")
                continue
            block = rec.reader.read()
            if len(block) < length:
                yield lost_record(name, offset, count,
                                  f"record {rid} ends after {len(block):,} of its "
                                  f"{length:,} bytes")
                return
            count += 1
            yield _record(rid, url, rtype, block, source=name, offset=offset, limits=limits,
                          forced=kind)
    except Exception as exc:  # FastWARC reports damage as OSError/ValueError; keep what came
        yield lost_record(name, offset, count, exc)
        return
    finally:
        stream.close()
    if stream.truncated:
        yield lost_record(name, offset, count, "the compressed file is truncated")
