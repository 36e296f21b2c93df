"""The record a reader yields when part of an input is lost or refused."""

from __future__ import annotations

from ..._errors import LimitExceeded
from ..records import Record

__all__ = ["lost_record"]


def lost_record(source: str, offset: int, after: int, exc: BaseException | str) -> Record:
    """A record saying that the rest of ``source`` from ``offset`` on could not be read."""
    what = exc if isinstance(exc, str) else (str(exc) or type(exc).__name__)
    status = "rejected" if isinstance(exc, LimitExceeded) else "error"
    return Record(id=f"{source}#lost@{offset}", url=None, payload=b"", kind=None, source=source,
                  offset=offset, status=status,
                  reason=f"input damaged or refused after {after} records; the rest of the "
                  f"file is lost: {what}")
