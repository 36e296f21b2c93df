"""The corpus job's settings, defined once. The CLI builds one :class:`RunConfig`."""

from __future__ import annotations

from dataclasses import dataclass, field

from .._options import Options

__all__ = ["Fields", "ReadLimits", "RunConfig"]


@dataclass(frozen=True, slots=True)
class Fields:
    """Which fields of a JSON Lines or Parquet record hold the page, its id and its URL.

    ``content`` None means the first present of ``html``, ``content``, ``text``, ``raw_content``.
    """

    content: str | None = None
    id: str = "id"
    url: str = "url"

    def content_candidates(self) -> tuple[str, ...]:
        return (self.content,) if self.content else ("html", "content", "text", "raw_content")


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What readers refuse: pages over ``max_bytes`` (after decompression) and streams that
    inflate more than ``max_ratio`` times (compression bombs)."""

    max_bytes: int = 64 * 1024 * 1024
    max_ratio: float = 200.0


@dataclass(frozen=True, slots=True)
class RunConfig:
    """One corpus run: inputs, output, limits, engine and corpus passes."""

    inputs: tuple[str, ...]
    output: str
    options: Options = field(default_factory=Options)
    fields: Fields = field(default_factory=Fields)
    kind: str | None = None  # force "html" or "text" for every record
    workers: int = 1
    engine: str = "local"  # "local" or "ray"
    ray_address: str | None = None
    shard_size: int = 500
    time_limit: float = 2.0  # seconds per record
    memory_limit_mb: int = 2048  # per record, above the worker's resting size
    max_ratio: float = 200.0
    near_duplicates: bool = False
    near_duplicate_threshold: float = 0.8
    site_templates: bool = False
    overwrite: bool = False
    progress: bool = True

    @property
    def limits(self) -> ReadLimits:
        return ReadLimits(max_bytes=self.options.max_bytes, max_ratio=self.max_ratio)
