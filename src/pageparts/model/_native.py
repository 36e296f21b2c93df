"""lleaves' object code linked into a shared library, called through ctypes.

Loading a shared library takes well under a millisecond and needs neither lleaves nor LLVM in
the process (LLVM alone adds about 50 MB of resident memory). Linking needs a C compiler driver
(``cc``) when the models are compiled; without one, the object code is kept and lleaves loads it.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["NativeForest", "link", "linker"]

#: The function lleaves compiles a forest into: (rows, out, first row, end row).
ENTRY = "forest_root"
_DOUBLES = ctypes.POINTER(ctypes.c_double)


def linker() -> str | None:
    """The C compiler driver that links object code into a shared library, if there is one."""
    for name in ("cc", "gcc", "clang"):
        if path := shutil.which(name):
            return path
    return None


def link(obj: bytes, driver: str) -> bytes:
    """A shared library made of the object code ``obj`` (raises on failure)."""
    with tempfile.TemporaryDirectory(prefix="pageparts-link-") as tmp:
        src, out = Path(tmp) / "forest.o", Path(tmp) / "forest.so"
        src.write_bytes(obj)
        # -lm: the objective (sigmoid, softmax) calls exp()
        done = subprocess.run([driver, "-shared", "-o", str(out), str(src), "-lm"],
                              capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0 or not out.is_file():
            raise OSError(f"{driver} could not link the model: {done.stderr.strip()[:300]}")
        return out.read_bytes()


class NativeForest:
    """A forest compiled into a shared library; ``predict`` as lleaves' ``Model.predict``."""

    def __init__(self, library: bytes, folder: Path, n_features: int, n_outputs: int) -> None:
        self._lib = _load(library, folder)
        self._fn: Any = getattr(self._lib, ENTRY)
        self._fn.argtypes = [_DOUBLES, _DOUBLES, ctypes.c_int32, ctypes.c_int32]
        self._fn.restype = None
        self._n_features = n_features
        self._n_outputs = n_outputs

    def num_feature(self) -> int:
        return self._n_features

    def predict(self, X: npt.NDArray[Any], n_jobs: int = 1) -> npt.NDArray[np.float64]:
        rows = np.ascontiguousarray(X, dtype=np.float64)
        n = rows.shape[0]
        if rows.ndim != 2 or rows.shape[1] != self._n_features or n >= 2**31 - 1:
            raise ValueError(f"rows of shape {rows.shape} for a model of {self._n_features} "
                             "features")
        out = np.zeros(n if self._n_outputs == 1 else (n, self._n_outputs), dtype=np.float64)
        self._fn(rows.ctypes.data_as(_DOUBLES), out.ctypes.data_as(_DOUBLES), 0, n)
        return out


def _load(library: bytes, folder: Path) -> ctypes.CDLL:
    """Load ``library`` from a private copy (ctypes loads from a path), removed once mapped;
    the copy goes in ``folder``, else (read-only, or mounted without exec) the temp folder."""
    error: OSError | None = None
    for where in (folder, Path(tempfile.gettempdir())):
        try:
            fd, name = tempfile.mkstemp(prefix=".load-", suffix=".so", dir=where)
        except OSError as exc:
            error = exc
            continue
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(library)
            return ctypes.CDLL(name)
        except OSError as exc:
            error = exc
        finally:
            Path(name).unlink(missing_ok=True)
    raise OSError(f"cannot load the compiled model: {error}")
