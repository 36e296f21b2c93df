"""The corpus job: readers → guarded extraction (an executor) → shard store → passes → writer.

Every record read becomes one row; rows are stored per shard as they finish, so a run killed at
any moment and started again with the same command redoes only unfinished shards; the output
is assembled from the shards, in input order, once all are finished.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from .._errors import InputError
from .config import RunConfig
from .executor import WorkUnit, make_executor
from .passes import NEAR_DUPLICATE_PERM, near_duplicates, signatures_of
from .progress import Progress, format_summary
from .readers import expand_inputs, read_input
from .records import Row
from .shards import ShardStore, shard_key
from .streams import input_size
from .work import WorkSetup
from .writers import output_format, write_output

__all__ = ["RunResult", "run_corpus"]


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a finished run wrote: rows per status, and what this invocation did."""

    output: str
    counts: Counter[str]
    extracted: int
    resumed_shards: int
    seconds: float
    near_duplicates: int | None

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        return format_summary(self.counts, output=self.output, seconds=self.seconds,
                              extracted=self.extracted, resumed=self.resumed_shards,
                              near_duplicates=self.near_duplicates)


def _manifest(config: RunConfig, inputs: tuple[str, ...]) -> dict[str, Any]:
    """Everything that decides the rows: a resumed run must match it exactly."""
    return {
        "inputs": [{"name": name, "size": input_size(name)} for name in inputs],
        "shard_size": config.shard_size,
        "options": dataclasses.asdict(config.options),
        "fields": dataclasses.asdict(config.fields),
        "kind": config.kind,
        "time_limit": config.time_limit,
        "memory_limit_mb": config.memory_limit_mb,
        "max_ratio": config.max_ratio,
        "near_duplicates": config.near_duplicates,
    }


def _units(config: RunConfig, inputs: tuple[str, ...], store: ShardStore,
           progress: Progress) -> Iterator[WorkUnit]:
    """Unfinished shards, read lazily: shard k of input i holds its records k·S … (k+1)·S-1."""
    for index, name in enumerate(inputs):
        records = read_input(name, limits=config.limits, fields=config.fields, kind=config.kind,
                             meter=progress.read)
        shard = 0
        while chunk := tuple(islice(records, config.shard_size)):
            key = shard_key(index, shard)
            if store.is_done(key):
                progress.skip(len(chunk))
            else:
                yield WorkUnit(key, chunk)
            shard += 1


def _annotated(store: ShardStore, marks: dict[int, str] | None) -> Iterator[Row]:
    for number, row in enumerate(store.all_rows()):
        if marks is not None:
            row["near_duplicate_of"] = marks.get(number)
        yield row


def run_corpus(config: RunConfig) -> RunResult:
    """Run (or resume) the job; return its result once the output is complete."""
    started = time.monotonic()
    output_format(config.output)  # refuse an unknown output format before any work
    if config.shard_size < 1:
        raise InputError(f"--shard-size must be at least 1, not {config.shard_size}")
    inputs = expand_inputs(config.inputs)
    parts = Path(config.output + ".parts")
    if Path(config.output).exists() and not parts.exists() and not config.overwrite:
        raise InputError(f"{config.output} already exists (a finished run?); pass --overwrite "
                         "to replace it")
    store = ShardStore(config.output, _manifest(config, inputs), overwrite=config.overwrite)
    sizes = [input_size(name) for name in inputs]
    total = None if any(s is None for s in sizes) else sum(s or 0 for s in sizes)
    progress = Progress(enabled=config.progress, total_bytes=total)
    setup = WorkSetup(options=config.options, time_limit=config.time_limit,
                      memory_limit_mb=config.memory_limit_mb,
                      minhash_perm=NEAR_DUPLICATE_PERM if config.near_duplicates else 0)
    resumed = store.resumed
    executor = make_executor(config.engine, setup, config.workers, config.ray_address)
    extracted = 0
    try:
        for key, rows in executor.run(_units(config, inputs, store, progress), progress.row):
            store.write(key, rows)
            extracted += len(rows)
    finally:
        executor.close()
        progress.close()
    marks = None
    if config.near_duplicates:
        marks = near_duplicates(signatures_of(store.all_rows()), config.near_duplicate_threshold)
    written = write_output(_annotated(store, marks), config.output)
    counts = store.counts()
    if written != sum(counts.values()):  # cannot happen unless the parts folder was tampered with
        print(f"pageparts run: warning: wrote {written} rows but the shards count "
              f"{sum(counts.values())}", file=sys.stderr)
    store.remove()
    return RunResult(config.output, counts, extracted, resumed, time.monotonic() - started,
                     len(marks) if marks is not None else None)
