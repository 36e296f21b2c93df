"""Corpus runs: many pages in, one row per record out (``pageparts run``).

The flow, one module per arrow: :mod:`.readers` (WARC, WET, JSON Lines, Parquet, folders →
:class:`~.records.Record`) → :mod:`.guard` (per-record extraction in worker processes under time
and memory limits, :mod:`.work`) driven by an :mod:`.executor` (local processes, or Ray) →
:mod:`.shards` (finished shards on disk, for exact resume) → :mod:`.passes` (whole-run
judgements: near-duplicates) → :mod:`.writers` (JSON Lines or Parquet). :mod:`.run` is the job.
"""

from __future__ import annotations

from .config import Fields, RunConfig
from .run import RunResult, run_corpus

__all__ = ["Fields", "RunConfig", "RunResult", "run_corpus"]
