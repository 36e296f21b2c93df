"""Readers: one input (file, folder or URI) → :class:`~pageparts.corpus.records.Record` values.

Each reader yields every page record of its input in order, and, when the input is damaged or
refused part-way, one last record with ``status`` set that says what was lost. A reader never
raises for bad data inside an input; it raises :class:`~pageparts.InputError` only when the input
cannot be opened or recognised at all.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterator
from pathlib import Path

from ..._errors import InputError
from ..config import Fields, ReadLimits
from ..records import Record
from ..streams import InputStream, _is_uri, open_raw
from .folder import read_folder
from .jsonl import read_jsonl
from .parquet import read_parquet
from .warc import read_warc

__all__ = ["FORMATS", "detect_format", "expand_inputs", "read_input"]

FORMATS = ("warc", "jsonl", "parquet", "folder")

_EXTENSIONS = (
    (".warc", "warc"), (".warc.gz", "warc"), (".warc.zst", "warc"), (".wet", "warc"),
    (".wet.gz", "warc"), (".jsonl", "jsonl"), (".jsonl.gz", "jsonl"), (".jsonl.zst", "jsonl"),
    (".ndjson", "jsonl"), (".ndjson.gz", "jsonl"), (".json.gz", "jsonl"), (".parquet", "parquet"),
)


def expand_inputs(patterns: tuple[str, ...]) -> tuple[str, ...]:
    """Glob patterns → input names, each pattern's matches sorted, duplicates dropped."""
    names: list[str] = []
    for pattern in patterns:
        if _is_uri(pattern) or not glob.has_magic(pattern):
            matches = [pattern]
        else:
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                raise InputError(f"{pattern}: the pattern matches no file")
        for name in matches:
            if name not in names:
                names.append(name)
    return tuple(names)


def detect_format(name: str) -> str:
    """Recognise an input by its content (magic bytes), then by its extension."""
    if not _is_uri(name) and Path(name).is_dir():
        return "folder"
    with open_raw(name) as raw:
        if raw.read(4) == b"PAR1":
            return "parquet"
    try:
        with InputStream(name) as stream:
            head = stream.read(64).lstrip()
    except (InputError, OSError):
        head = b""
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    lower = name.lower()
    for ext, fmt in sorted(_EXTENSIONS, key=lambda e: -len(e[0])):
        if lower.endswith(ext):
            return fmt
    raise InputError(f"{name}: cannot tell what this input is; give a WARC or WET file, JSON "
                     "Lines, Parquet or a folder of pages")


def read_input(name: str, *, limits: ReadLimits, fields: Fields, kind: str | None = None,
               meter: Callable[[int], None] | None = None) -> Iterator[Record]:
    """Every record of one input, in order (see the module docstring for damaged inputs).

    ``meter``, if given, is called with the number of input bytes consumed as reading goes.
    """
    fmt = detect_format(name)
    if fmt == "warc":
        return read_warc(name, limits=limits, kind=kind, meter=meter)
    if fmt == "jsonl":
        return read_jsonl(name, limits=limits, fields=fields, kind=kind, meter=meter)
    if fmt == "parquet":
        return read_parquet(name, limits=limits, fields=fields, kind=kind, meter=meter)
    return read_folder(name, limits=limits, kind=kind, meter=meter)
