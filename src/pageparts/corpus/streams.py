"""Input files as byte streams: opened locally or from an object store, decompressed with limits.

:class:`InputStream` sniffs gzip and zstd by their magic bytes, decompresses in bounded steps,
refuses a stream that inflates faster than ``max_ratio`` (a compression bomb) with
:class:`~pageparts.LimitExceeded`, and tells a clean end of file from a truncated one
(:attr:`InputStream.truncated`). Paths with a scheme (``s3://``, ``gs://``, ``hdfs://``) are
opened through ``pyarrow.fs``.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from .._errors import InputError, LimitExceeded, PagepartsError

__all__ = ["InputStream", "input_size", "open_raw"]

_GZIP = b"\x1f\x8b"
_ZSTD = b"\x28\xb5\x2f\xfd"
_CHUNK = 1 << 16
_ZSTD_CHUNK = 1 << 12  # zstd inflates up to ~32,000:1; small steps keep each step's output bounded
_RATIO_CHECK_AFTER = 16 << 20  # the ratio is judged once this much has been inflated


def _is_uri(name: str) -> bool:
    return "://" in name and not name.startswith("file://")


def open_raw(name: str) -> BinaryIO:
    """Open an input for reading bytes: a local path, or a URI pyarrow.fs understands."""
    if _is_uri(name):
        from pyarrow import fs

        filesystem, path = fs.FileSystem.from_uri(name)
        stream: BinaryIO = filesystem.open_input_stream(path)
        return stream
    path = Path(name.removeprefix("file://"))
    if not path.is_file():
        raise InputError(f"{name}: no such file")
    return path.open("rb")


def input_size(name: str) -> int | None:
    """The input's size in bytes, or None when it cannot be known cheaply."""
    try:
        if _is_uri(name):
            from pyarrow import fs

            filesystem, path = fs.FileSystem.from_uri(name)
            size = filesystem.get_file_info(path).size
            return int(size) if size is not None else None
        return Path(name.removeprefix("file://")).stat().st_size
    except (OSError, ValueError):
        return None


class InputStream:
    """A readable, decompressed view of one input file, with bomb and truncation checks."""

    def __init__(self, name: str, *, max_ratio: float = 200.0,
                 meter: Callable[[int], None] | None = None) -> None:
        self.name = name
        self.max_ratio = max_ratio
        self.meter = meter  # told how many bytes of the file each read consumed (for progress)
        self._raw = open_raw(name)
        self.compressed_pos = 0  # bytes of the file consumed so far
        self.pos = 0  # decompressed bytes handed out so far
        self.truncated = False  # the file ended inside a compressed member
        head = self._raw.read(4)
        self.compressed_pos = len(head)
        if meter is not None:
            meter(len(head))
        self.codec = "gzip" if head[:2] == _GZIP else "zstd" if head == _ZSTD else None
        self._pending = head  # compressed (or plain) bytes not yet fed
        self._buffer = b""  # decompressed bytes not yet handed out
        self._dec: Any = None
        self._eof = False
        self._error: PagepartsError | None = None  # damage or a bomb, raised once data runs out

    # -- file protocol (what fastwarc, json readers and pyarrow need) ------------------------
    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = 0) -> int:
        if (whence == 0 and offset == self.pos) or (whence == 1 and offset == 0):
            return self.pos
        raise OSError("an input stream cannot seek")

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> InputStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all, if negative). Damage or a bomb raises only once the bytes
        inflated before it have been handed out."""
        want = size if size is not None and size >= 0 else None
        try:
            while (want is None or len(self._buffer) < want) and not self._eof:
                chunk = self._next_chunk()
                if not chunk:
                    break
                self._buffer += chunk
        except PagepartsError as exc:
            self._error = exc
            if not self._buffer:
                raise
        if want is None:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:want], self._buffer[want:]
        self.pos += len(data)
        return data

    def readinto(self, target: bytearray | memoryview) -> int:
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    # -- decompression --------------------------------------------------------------------------
    def _feed(self, size: int) -> bytes:
        if self._pending:
            data, self._pending = self._pending, b""
            return data
        data = self._raw.read(size)
        self.compressed_pos += len(data)
        if self.meter is not None:
            self.meter(len(data))
        return data

    def _next_chunk(self) -> bytes:
        """The next decompressed piece, or b"" at the end of the input."""
        while not self._eof:
            out = self._step()
            if out:
                self._check_ratio(len(out))
                return out
        return b""

    def _step(self) -> bytes:
        if self._error is not None:
            raise self._error
        if self.codec is None:
            data = self._feed(_CHUNK)
            if not data:
                self._eof = True
            return data
        if self.codec == "gzip":
            return self._step_gzip()
        return self._step_zstd()

    def _step_gzip(self) -> bytes:
        if self._dec is None:
            self._dec = zlib.decompressobj(wbits=31)
        dec = self._dec
        data = dec.unconsumed_tail or self._feed(_CHUNK)
        if not data:
            self._eof = True
            self.truncated = True  # the file ended inside a gzip member
            return b""
        try:
            out: bytes = dec.decompress(data, _CHUNK * 4)
        except zlib.error as exc:
            raise InputError(f"{self.name}: corrupt gzip data near byte {self.compressed_pos} "
                             f"({exc})") from exc
        if dec.eof:
            self._next_member(dec.unused_data)
        return out

    def _step_zstd(self) -> bytes:
        import zstandard

        if self._dec is None:
            self._dec = zstandard.ZstdDecompressor().decompressobj()
        data = self._feed(_ZSTD_CHUNK)
        if not data:
            self._eof = True
            self.truncated = True
            return b""
        try:
            out: bytes = self._dec.decompress(data)
        except zstandard.ZstdError as exc:
            raise InputError(f"{self.name}: corrupt zstd data near byte {self.compressed_pos} "
                             f"({exc})") from exc
        if self._dec.eof:
            self._next_member(self._dec.unused_data)
        return out

    def _next_member(self, rest: bytes) -> None:
        """A member (frame) ended: start the next one, or finish cleanly at the end of file."""
        self._dec = None
        self._pending = rest or self._feed(_CHUNK)
        if not self._pending:
            self._eof = True
            return
        magic = _GZIP if self.codec == "gzip" else _ZSTD
        if not self._pending.startswith(magic[: len(self._pending)]):
            # Raised on the next read, so the member that just ended is handed out first.
            self._error = InputError(f"{self.name}: data after byte {self.compressed_pos} is "
                                     f"not {self.codec} (trailing garbage or a corrupt member)")

    def _check_ratio(self, produced: int) -> None:
        inflated = self.pos + len(self._buffer) + produced
        if self.codec is None or inflated < _RATIO_CHECK_AFTER:
            return
        ratio = inflated / max(self.compressed_pos, 1)
        if ratio > self.max_ratio:
            raise LimitExceeded(
                f"{self.name}: decompression ratio", round(ratio), self.max_ratio,
                f"{inflated:,} bytes inflated from {self.compressed_pos:,}; the file looks like "
                "a compression bomb (raise --max-ratio if it is not)")
