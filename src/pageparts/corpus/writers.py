"""Writers: the finished shards, in order, → one output file (JSON Lines or Parquet).

The file is written under a temporary name and renamed into place, so ``OUT`` either does not
exist or is complete. JSON Lines keeps each Document's comment thread nested as
``Document.to_dict()`` gives it; Parquet cannot hold a recursive type, so there the thread is a
list of comments in page order, each with its ``depth`` and its ``parent`` (the index of the
comment it answers, or null).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .._errors import InputError
from .records import Row

__all__ = ["OUTPUT_FORMATS", "output_format", "write_jsonl_bytes", "write_output"]

OUTPUT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl",
                  ".ndjson.gz": "jsonl", ".parquet": "parquet"}

_BATCH = 1000


def output_format(output: str) -> str:
    """"jsonl" or "parquet", by the output's extension."""
    lower = output.lower()
    for ext, fmt in sorted(OUTPUT_FORMATS.items(), key=lambda e: -len(e[0])):
        if lower.endswith(ext):
            return fmt
    raise InputError(f"{output}: the output must end in .jsonl, .jsonl.gz or .parquet")


def public(row: Row) -> Row:
    """The row without run-internal fields (those starting with an underscore)."""
    return {k: v for k, v in row.items() if not k.startswith("_")}


def write_output(rows: Iterable[Row], output: str) -> int:
    """Write ``rows`` to ``output`` atomically; return how many were written."""
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    if output_format(output) == "parquet":
        count = _write_parquet(rows, tmp)
    else:
        opener: Any = gzip.open if output.lower().endswith(".gz") else open
        with opener(tmp, "wb") as f:
            count = _write_jsonl(rows, f)
    os.replace(tmp, path)
    return count


def write_jsonl_bytes(chunks: Iterable[bytes], output: str) -> None:
    """Write JSON Lines already serialised (shards with nothing to change) atomically."""
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    opener: Any = gzip.open if output.lower().endswith(".gz") else open
    with opener(tmp, "wb") as f:
        for chunk in chunks:
            f.write(chunk)
    os.replace(tmp, path)


def _write_jsonl(rows: Iterable[Row], f: IO[bytes]) -> int:
    count = 0
    for row in rows:
        f.write(json.dumps(public(row), ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


# -- Parquet -------------------------------------------------------------------------------------

def _schema() -> Any:
    import pyarrow as pa

    block = pa.struct([("index", pa.int32()), ("label", pa.string()), ("tag", pa.string()),
                       ("text", pa.string()), ("depth", pa.int32()), ("score", pa.float32()),
                       ("kind", pa.string()), ("credit", pa.string())])
    furniture = pa.struct([("kind", pa.string()), ("text", pa.string()),
                           ("blocks", pa.list_(pa.int32()))])
    comment = pa.struct([("index", pa.int32()), ("parent", pa.int32()), ("depth", pa.int32()),
                         ("author", pa.string()), ("date", pa.date32()),
                         ("date_text", pa.string()), ("text", pa.string())])
    s = pa.string()
    return pa.schema([
        ("id", s), ("url", s), ("status", s), ("reason", s), ("source", s),
        ("offset", pa.int64()), ("schema_version", pa.int32()), ("title", s), ("author", s),
        ("date", pa.date32()), ("site_name", s), ("language", s), ("page_type", s),
        ("description", s), ("source_kind", s), ("encoding", s), ("text", s), ("markdown", s),
        ("blocks", pa.list_(block)), ("furniture", pa.list_(furniture)),
        ("comments", pa.list_(comment)), ("near_duplicate_of", s),
        ("template_blocks", pa.list_(pa.int32())),
    ])


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _flat_comments(comments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def walk(items: list[dict[str, Any]], parent: int | None, depth: int) -> None:
        for c in items:
            index = len(out)
            out.append({"index": index, "parent": parent, "depth": depth,
                        "author": c.get("author"), "date": _date(c.get("date")),
                        "date_text": c.get("date_text"), "text": c.get("text")})
            walk(c.get("replies") or [], index, depth + 1)

    walk(comments, None, 0)
    return out


def _arrow_row(row: Row, names: list[str]) -> dict[str, Any]:
    out = {name: row.get(name) for name in names}
    out["date"] = _date(row.get("date"))
    out["blocks"] = row.get("blocks") or []
    out["furniture"] = row.get("furniture") or []
    out["comments"] = _flat_comments(row.get("comments") or [])
    return out


def _batches(rows: Iterable[Row], names: list[str]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(_arrow_row(row, names))
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_parquet(rows: Iterable[Row], tmp: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema()
    count = 0
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        for batch in _batches(rows, schema.names):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
