"""The on-disk cache of compiled models: where it is, and one file per compiled model.

A cache file is a one-line JSON header (key, kind of build, payload length and sha256) followed
by the payload, the machine code lleaves made for one model text on one CPU (a shared library,
or object code). A file whose header or
checksum does not match is never handed to the loader. Files are written to a temporary name in
the same folder and renamed over the final one, so a reader sees a whole file or none.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CacheEntry", "CacheFileError", "cache_dir", "read_entry", "write_entry"]

#: The first bytes of every cache file; a change of the layout changes it.
MAGIC = b"pageparts-compiled-model/2\n"
#: A header longer than this is not one of ours.
MAX_HEADER = 4096


@dataclass(frozen=True, slots=True)
class CacheEntry:
    """One compiled model as stored: the key it was made for and its object code."""

    key: str
    payload: bytes
    #: "so": a shared library (loaded with ctypes); "o": object code (loaded by lleaves).
    form: str = "so"


class CacheFileError(Exception):
    """A cache file that cannot be used (truncated, foreign, or made for another key)."""


def cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """``override``, else ``$PAGEPARTS_CACHE_DIR``, else ``$XDG_CACHE_HOME/pageparts``, else
    ``~/.cache/pageparts``."""
    if override is not None:
        return Path(override)
    if env := os.environ.get("PAGEPARTS_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pageparts"


def read_entry(path: Path, key: str) -> CacheEntry:
    """The entry stored at ``path`` for ``key``; :class:`CacheFileError` if it is not whole,
    not ours, or made for another key."""
    try:
        _check_trusted(path)
        data = path.read_bytes()
    except OSError as exc:
        raise CacheFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not data.startswith(MAGIC):
        raise CacheFileError(f"{path} is not a pageparts compiled-model file")
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        raise CacheFileError(f"{path} has no header")
    try:
        header = json.loads(data[len(MAGIC):end])
        size, digest, stored_key = int(header["size"]), str(header["sha256"]), str(header["key"])
        form = str(header["form"])
    except (ValueError, KeyError, TypeError) as exc:
        raise CacheFileError(f"{path} has a malformed header") from exc
    payload = data[end + 1:]
    if stored_key != key:
        raise CacheFileError(f"{path} was made for another model or machine")
    if len(payload) != size or hashlib.sha256(payload).hexdigest() != digest:
        raise CacheFileError(f"{path} is truncated or corrupt")
    if form not in ("so", "o"):
        raise CacheFileError(f"{path} holds an unknown kind of build ({form!r})")
    return CacheEntry(key, payload, form)


def _check_trusted(path: Path) -> None:
    """Refuse a build that someone else could have written: it is machine code this process
    will run. The file must be the user's (or root's) and writable by no one else, and so must
    its folder (a shared folder such as /tmp is fine with its sticky bit)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # no POSIX owners (Windows): the folder's ACLs decide
        return
    owners = (getuid(), 0)
    st = path.stat()
    if st.st_uid not in owners or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise CacheFileError(f"{path} is writable by other users; not loading it")
    folder = path.parent.stat()
    if folder.st_uid not in owners or (folder.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
                                       and not folder.st_mode & stat.S_ISVTX):
        raise CacheFileError(f"{path.parent} is writable by other users; not loading from it")


def write_entry(path: Path, entry: CacheEntry) -> None:
    """Store ``entry`` at ``path`` atomically (temporary file in the same folder, then rename)."""
    path.parent.mkdir(mode=0o755, parents=True, exist_ok=True)  # see _check_trusted
    header = json.dumps({"key": entry.key, "form": entry.form, "size": len(entry.payload),
                         "sha256": hashlib.sha256(entry.payload).hexdigest()})
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + header.encode("ascii") + b"\n" + entry.payload)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a build is no secret
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
