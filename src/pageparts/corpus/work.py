"""Per-record extraction: one :class:`Record` → one row, whatever happens inside.

This runs inside a worker process (see :mod:`.guard`). Exceptions become rows: limits and
unreadable pages are "rejected", anything else is "error" with the exception named.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._api import Extractor
from .._errors import InputError, LimitExceeded, ModelError
from .._options import Options
from .passes import text_signature
from .records import Record, Row, make_row

__all__ = ["WorkSetup", "extract_row"]


@dataclass(frozen=True, slots=True)
class WorkSetup:
    """What a worker needs: extraction options, limits, and which per-record extras to compute."""

    options: Options
    time_limit: float = 2.0
    memory_limit_mb: int = 2048
    minhash_perm: int = 0  # > 0: attach a MinHash signature of the main text (``_minhash``)


def extract_row(extractor: Extractor, record: Record, setup: WorkSetup) -> Row:
    """The row of one record. ModelError is not caught: it means the install is broken."""
    if record.status is not None:
        return make_row(record, record.status, record.reason)
    try:
        doc = extractor.extract(record.payload, url=record.url, kind=record.kind,
                                encoding=record.encoding)
    except (LimitExceeded, InputError) as exc:
        return make_row(record, "rejected", str(exc))
    except (ModelError, MemoryError):
        raise  # a broken install stops the run; memory is the guard's business
    except RecursionError:
        return make_row(record, "rejected", "the page is nested too deeply to read")
    except Exception as exc:  # a bug or a pathological page: the row names it, the run goes on
        return make_row(record, "error", f"extraction failed: {type(exc).__name__}: {exc}")
    row = make_row(record, doc.status, doc.reason, doc.to_dict())
    if setup.minhash_perm and doc.text:
        row["_minhash"] = text_signature(doc.text, setup.minhash_perm)
    return row
