"""JSON Lines (plain, gzip or zstd): one JSON object per line, the page in a configurable field.

Blank lines are not records. A line that is not JSON is a record with status "error"; a line
longer than the size limit is "rejected" without being held in memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from ..config import Fields, ReadLimits
from ..records import Record
from ..streams import InputStream
from ._fields import record_from_mapping
from ._lost import lost_record

__all__ = ["read_jsonl"]

_READ = 1 << 20


def _lines(stream: InputStream, max_bytes: int) -> Iterator[tuple[int, bytes | None, bool]]:
    """``(line number, line, ended by a newline)``; the line is None when it is over
    ``max_bytes`` (skipped, never held whole)."""
    parts: list[bytes] = []
    size, lineno, over = 0, 0, False
    while chunk := stream.read(_READ):
        start = 0
        while (nl := chunk.find(b"\n", start)) >= 0:
            piece = chunk[start:nl]
            lineno += 1
            if over or size + len(piece) > max_bytes:
                yield lineno, None, True
            else:
                parts.append(piece)
                yield lineno, b"".join(parts), True
            parts, size, over = [], 0, False
            start = nl + 1
        piece = chunk[start:]
        if not over and piece:
            parts.append(piece)
            size += len(piece)
            if size > max_bytes:
                over, parts = True, []
    if parts or over:
        yield lineno + 1, None if over else b"".join(parts), False


def read_jsonl(name: str, *, limits: ReadLimits, fields: Fields, kind: str | None = None,
               meter: Callable[[int], None] | None = None) -> Iterator[Record]:
    """Every record of a JSON Lines file; damage ends the file with one "lost" record."""
    stream = InputStream(name, max_ratio=limits.max_ratio, meter=meter)
    short = Path(name).name
    count, lineno = 0, 0
    try:
        for number, line, ended in _lines(stream, limits.max_bytes):
            lineno = number
            if line is not None and not line.strip():
                continue
            if not ended and stream.truncated:
                break  # the last line was cut short by the damage: reported below
            count += 1
            yield _parse((number, line), name=name, short=short, limits=limits, fields=fields,
                         kind=kind)
    except Exception as exc:  # damaged compression or a bomb: keep what came before
        yield lost_record(name, lineno + 1, count, exc)
        return
    finally:
        stream.close()
    if stream.truncated:
        yield lost_record(name, lineno, count, f"the compressed file is truncated (line "
                          f"{lineno} is incomplete)")


def _parse(item: tuple[int, bytes | None], *, name: str, short: str, limits: ReadLimits,
           fields: Fields, kind: str | None) -> Record:
    lineno, line = item
    base = Record(id=f"{short}:{lineno}", url=None, payload=b"", kind=None, source=name,
                  offset=lineno)
    if line is None:
        return _judged(base, "rejected", f"line {lineno} is longer than the limit of "
                       f"{limits.max_bytes:,} bytes (raise --max-bytes to read it)")
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return _judged(base, "error", f"line {lineno} is not valid JSON ({exc})")
    if not isinstance(obj, dict):
        return _judged(base, "rejected", f"line {lineno} is a JSON {type(obj).__name__}, "
                       "not an object")
    return record_from_mapping(obj, fields=fields, fallback_id=base.id, source=name,
                               offset=lineno, max_bytes=limits.max_bytes, kind=kind)


def _judged(base: Record, status: str, reason: str) -> Record:
    return Record(id=base.id, url=None, payload=b"", kind=None, source=base.source,
                  offset=base.offset, status=status, reason=reason)
