"""Parquet files with pyarrow: one row per record, read a row group at a time.

A row group that cannot be read becomes one "error" record naming the rows lost, and reading goes
on with the next group; a file whose footer is unreadable is one "error" record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..config import Fields, ReadLimits
from ..records import Record
from ..streams import _is_uri, input_size
from ._fields import record_from_mapping
from ._lost import lost_record

__all__ = ["read_parquet"]


def _open(name: str) -> Any:
    import pyarrow.parquet as pq

    if _is_uri(name):
        from pyarrow import fs

        filesystem, path = fs.FileSystem.from_uri(name)
        return pq.ParquetFile(filesystem.open_input_file(path))
    return pq.ParquetFile(name)


def read_parquet(name: str, *, limits: ReadLimits, fields: Fields, kind: str | None = None,
                 meter: Callable[[int], None] | None = None) -> Iterator[Record]:
    """Every row of a Parquet file as a record."""
    short = Path(name).name
    try:
        pf = _open(name)
    except Exception as exc:  # pyarrow raises ArrowInvalid/OSError for a damaged footer
        yield lost_record(name, 0, 0, f"cannot read the Parquet file ({exc})")
        return
    wanted = {fields.id, fields.url, *fields.content_candidates()}
    columns = [c for c in pf.schema_arrow.names if c in wanted]
    row = 0
    size, total = input_size(name) or 0, max(1, pf.metadata.num_rows)
    for group in range(pf.num_row_groups):
        group_rows = pf.metadata.row_group(group).num_rows
        if meter is not None:
            meter(size * group_rows // total)
        try:
            table = pf.read_row_group(group, columns=columns)
        except Exception as exc:
            yield Record(id=f"{short}#group{group}", url=None, payload=b"", kind=None,
                         source=name, offset=row, status="error",
                         reason=f"row group {group} (rows {row}-{row + group_rows - 1}) "
                         f"cannot be read; its rows are lost ({exc})")
            row += group_rows
            continue
        for batch in table.to_batches(max_chunksize=256):
            for obj in batch.to_pylist():
                yield record_from_mapping(obj, fields=fields, fallback_id=f"{short}:{row}",
                                          source=name, offset=row, max_bytes=limits.max_bytes,
                                          kind=kind)
                row += 1
