"""The shard store: a run's finished work, kept so that a killed run resumes exactly.

Beside the output ``OUT`` lives ``OUT.parts/``: a ``job.json`` manifest (inputs, sizes, settings)
and, per finished shard, ``<key>.jsonl`` (its rows, written to a temporary name, flushed to disk
and renamed) followed by ``<key>.done`` (its status counts). A shard without its ``.done`` marker
is not finished and is redone; a finished shard is never redone. Keys sort in input order.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._errors import InputError
from .records import Row

__all__ = ["ShardStore", "shard_key"]


def shard_key(input_index: int, shard_index: int) -> str:
    """The stable name of a shard: the input's position and the shard's within it."""
    return f"{input_index:05d}-{shard_index:07d}"


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class ShardStore:
    """Finished shards of one job, in ``OUT.parts/``."""

    def __init__(self, output: str, manifest: dict[str, Any], *, overwrite: bool = False) -> None:
        self.folder = Path(output + ".parts")
        self.manifest = manifest
        path = self.folder / "job.json"
        if self.folder.exists() and overwrite:
            shutil.rmtree(self.folder)
        if path.exists():
            found = json.loads(path.read_text(encoding="utf-8"))
            if found != manifest:
                raise InputError(f"{self.folder} holds the unfinished shards of a different job "
                                 "(other inputs or settings); rerun that job, or pass "
                                 "--overwrite to start this one afresh")
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomic(path, json.dumps(manifest, indent=1).encode("utf-8"))
        self._done = {p.name[: -len(".done")] for p in self.folder.glob("*.done")}

    @property
    def resumed(self) -> int:
        """How many shards were already finished when the store was opened."""
        return len(self._done)

    def is_done(self, key: str) -> bool:
        return key in self._done

    def write(self, key: str, rows: list[Row]) -> None:
        """Store a finished shard: rows first, then its completion marker."""
        data = b"".join(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n"
                        for row in rows)
        _write_atomic(self.folder / f"{key}.jsonl", data)
        counts = Counter(str(row["status"]) for row in rows)
        _write_atomic(self.folder / f"{key}.done",
                      json.dumps({"rows": len(rows), "statuses": dict(counts)}).encode("utf-8"))
        self._done.add(key)

    def keys(self) -> list[str]:
        return sorted(self._done)

    def rows(self, key: str) -> Iterator[Row]:
        with (self.folder / f"{key}.jsonl").open("rb") as f:
            for line in f:
                yield json.loads(line)

    def raw(self) -> Iterator[bytes]:
        """Every stored shard's bytes (JSON Lines), in key order."""
        for key in self.keys():
            yield (self.folder / f"{key}.jsonl").read_bytes()

    def all_rows(self) -> Iterator[Row]:
        """Every stored row, shards in key order."""
        for key in self.keys():
            yield from self.rows(key)

    def counts(self) -> Counter[str]:
        """Status counts over every finished shard."""
        total: Counter[str] = Counter()
        for key in self._done:
            marker = json.loads((self.folder / f"{key}.done").read_text(encoding="utf-8"))
            total.update(marker["statuses"])
        return total

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
