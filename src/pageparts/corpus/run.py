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
from ..text.templates import SiteTemplates
from .config import RunConfig
from .executor import WorkUnit, make_executor
from .passes import (
    NEAR_DUPLICATE_PERM,
    apply_templates,
    near_duplicates,
    observe_templates,
    signatures_of,
    text_signature,
)
from .progress import Progress, format_summary
from .readers import expand_inputs, read_input
from .records import Row
from .shards import ShardStore, shard_key
from .streams import input_size
from .work import WorkSetup
from .writers import output_format, write_jsonl_bytes, write_output

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
    supervisor_cpu: float = 0.0  # CPU seconds of this process (reading, dispatching, writing)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        return format_summary(self.counts, output=self.output, seconds=self.seconds,
                              extracted=self.extracted, resumed=self.resumed_shards,
                              near_duplicates=self.near_duplicates,
                              supervisor_cpu=self.supervisor_cpu)


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


def _final_rows(store: ShardStore, config: RunConfig, templates: SiteTemplates | None
                ) -> Iterator[Row]:
    """The stored rows after the site-template pass (signatures redone where text changed)."""
    for row in store.all_rows():
        if templates is not None and apply_templates(row, templates) and config.near_duplicates:
            row["_minhash"] = text_signature(row["text"]) if row["text"] else None
        yield row


def _passes(store: ShardStore, config: RunConfig, counts: Counter[str]
            ) -> tuple[Iterator[Row], int | None]:
    """The rows to write, every pass applied; and how many near-duplicates were marked."""
    templates = observe_templates(store.all_rows()) if config.site_templates else None
    marks: dict[int, str] | None = None
    if config.near_duplicates:
        marks = near_duplicates(signatures_of(_final_rows(store, config, templates)),
                                config.near_duplicate_threshold)

    def rows() -> Iterator[Row]:
        for number, row in enumerate(_final_rows(store, config, templates)):
            if marks is not None:
                row["near_duplicate_of"] = marks.get(number)
            counts[str(row["status"])] += 1
            yield row

    return rows(), len(marks) if marks is not None else None


def run_corpus(config: RunConfig) -> RunResult:
    """Run (or resume) the job; return its result once the output is complete."""
    started, cpu = time.monotonic(), time.process_time()
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
        for key, shard_rows in executor.run(_units(config, inputs, store, progress),
                                            progress.row):
            store.write(key, shard_rows)
            extracted += len(shard_rows)
    finally:
        executor.close()
        progress.close()
    counts: Counter[str] = Counter()
    if output_format(config.output) == "jsonl" and not (config.near_duplicates
                                                        or config.site_templates):
        write_jsonl_bytes(store.raw(), config.output)  # nothing changes: copy the shards
        counts, marked = store.counts(), None
        written = sum(counts.values())
    else:
        final, marked = _passes(store, config, counts)
        written = write_output(final, config.output)
    stored = sum(store.counts().values())
    if written != stored:  # cannot happen unless the parts folder was changed under the run
        print(f"pageparts run: warning: wrote {written} rows but the shards hold {stored}",
              file=sys.stderr)
    store.remove()
    return RunResult(config.output, counts, extracted, resumed, time.monotonic() - started,
                     marked, time.process_time() - cpu)
