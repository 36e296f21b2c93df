"""A folder of pages: every file below it (sorted, recursively) is one record.

``.gz`` files are decompressed, never past the size limit. The kind comes from the extension
(``.txt``/``.wet`` text, ``.html``/``.htm`` HTML, else sniffed); the id is the relative path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..._errors import LimitExceeded
from ..config import ReadLimits
from ..records import Record
from ..streams import InputStream

__all__ = ["read_folder"]

_TEXT = (".txt", ".text", ".wet")
_HTML = (".html", ".htm", ".xhtml")


def _kind(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes if s.lower() not in (".gz", ".zst")]
    last = suffixes[-1] if suffixes else ""
    return "text" if last in _TEXT else "html" if last in _HTML else None


def _read_page(path: Path, limits: ReadLimits) -> bytes:
    with InputStream(str(path), max_ratio=limits.max_ratio) as stream:
        data = stream.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            raise LimitExceeded("page size (bytes, decompressed)", len(data), limits.max_bytes,
                                "raise --max-bytes to read larger pages")
        stream.read(1)  # raises if the file was refused or damaged after what was read
        if stream.codec is not None and stream.truncated:
            raise OSError("the compressed file is truncated")
        return data


def read_folder(name: str, *, limits: ReadLimits, kind: str | None = None,
                meter: Callable[[int], None] | None = None) -> Iterator[Record]:
    """Every file under the folder ``name`` as a record (hidden files are skipped)."""
    root = Path(name)
    files = sorted(p for p in root.rglob("*") if p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(root).parts))
    for offset, path in enumerate(files):
        rid = path.relative_to(root).as_posix()
        base = Record(id=rid, url=None, payload=b"", kind=kind or _kind(path), source=name,
                      offset=offset)
        try:
            size = path.stat().st_size
            if meter is not None:
                meter(size)
            if size > limits.max_bytes:
                raise LimitExceeded("page size (bytes)", size, limits.max_bytes,
                                    "raise --max-bytes to read larger pages")
            data = _read_page(path, limits)
        except LimitExceeded as exc:
            yield Record(id=rid, url=None, payload=b"", kind=None, source=name, offset=offset,
                         status="rejected", reason=str(exc))
            continue
        except Exception as exc:  # unreadable or damaged file: its row says why
            yield Record(id=rid, url=None, payload=b"", kind=None, source=name, offset=offset,
                         status="error", reason=f"cannot read {rid}: {exc}")
            continue
        yield Record(id=base.id, url=None, payload=data, kind=base.kind, source=name,
                     offset=offset)
