"""The progress line on standard error and the closing summary.

The line shows records done, pages per second, the status counts and, when every input's size is
known, the time left (from the share of input bytes read). It is drawn only when enabled and
standard error is a terminal, at most five times a second.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import TextIO

from .records import STATUSES, Row

__all__ = ["Progress", "format_summary"]


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """Counts rows as they come and redraws one status line."""

    def __init__(self, *, enabled: bool, total_bytes: int | None,
                 stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.total_bytes = total_bytes
        self.bytes_read = 0
        self.counts: Counter[str] = Counter()
        self.skipped = 0  # records of shards finished by an earlier run
        self.started = time.monotonic()
        self._drawn = 0.0

    def read(self, nbytes: int) -> None:
        self.bytes_read += nbytes

    def skip(self, records: int) -> None:
        self.skipped += records
        self._draw()

    def row(self, row: Row) -> None:
        self.counts[str(row.get("status"))] += 1
        self._draw()

    def _line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        done = sum(self.counts.values())
        parts = [f"{done:,} records", f"{done / elapsed:,.1f} pages/s"]
        parts += [f"{s} {self.counts[s]:,}" for s in STATUSES[1:] if self.counts[s]]
        if self.skipped:
            parts.append(f"{self.skipped:,} done before")
        if self.total_bytes and self.bytes_read:
            share = min(1.0, self.bytes_read / self.total_bytes)
            left = elapsed * (1 - share) / share if share > 0 else 0
            parts.append(f"{share:.0%} read, {_duration(left)} left")
        return "pageparts run: " + " · ".join(parts)

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn < 0.2:
            return
        self._drawn = now
        self.stream.write("\r\x1b[K" + self._line())
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()


def format_summary(counts: Counter[str], *, output: str, seconds: float, extracted: int,
                   resumed: int, near_duplicates: int | None, supervisor_cpu: float = 0.0) -> str:
    """The closing summary: every status counted, and what this run did."""
    total = sum(counts.values())
    statuses = ", ".join(f"{s} {counts.get(s, 0):,}" for s in STATUSES)
    others = sorted(set(counts) - set(STATUSES))
    if others:
        statuses += ", " + ", ".join(f"{s} {counts[s]:,}" for s in others)
    lines = [f"pageparts run: {total:,} rows written to {output} ({statuses})",
             f"  this run handled {extracted:,} records in {seconds:.1f} s "
             f"({extracted / max(seconds, 1e-9):,.1f} pages/s; the supervising process used "
             f"{supervisor_cpu:.1f} s of CPU)"]
    if resumed:
        lines.append(f"  resumed: {resumed:,} shards were finished by an earlier run")
    if near_duplicates is not None:
        lines.append(f"  near-duplicates marked: {near_duplicates:,}")
    return "\n".join(lines) + "\n"
