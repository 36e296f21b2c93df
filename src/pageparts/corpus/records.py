"""What flows through a corpus run: a :class:`Record` in, a row (a plain dict) out.

Every record read becomes exactly one row. A record that could not be read whole (a truncated or
corrupt input) is still a record: it arrives with ``status`` already set and no payload, and its
row says what was lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["STATUSES", "Record", "Row", "make_row"]

#: Every row has one of these statuses. ``rejected``: over a limit or not a readable page;
#: ``error``: a fault (a crash, damaged input, lost data).
STATUSES = ("ok", "empty", "rejected", "error")

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Record:
    """One page of an input: where it came from and its bytes (or text).

    ``kind`` is "html", "text" or None (sniff). ``source`` is the input file, ``offset`` the
    record's position in it (byte offset for WARC, line number for JSON Lines, row for Parquet).
    ``status``/``reason`` are set only for records the reader already judged (damaged input,
    a page over a size limit, a non-HTML response): those rows are written without extraction.
    """

    id: str
    url: str | None
    payload: bytes | str
    kind: str | None
    source: str
    offset: int
    encoding: str | None = None
    status: str | None = None
    reason: str | None = None


def make_row(record: Record, status: str, reason: str | None,
             document: dict[str, Any] | None = None) -> Row:
    """A row: the record's identity, its status and reason, then the Document's fields."""
    row: Row = {"id": record.id, "url": record.url, "status": status, "reason": reason,
                "source": record.source, "offset": record.offset}
    if document is not None:
        for key, value in document.items():
            if key not in row:
                row[key] = value
        if row["url"] is None:
            row["url"] = document.get("url")
    return row
