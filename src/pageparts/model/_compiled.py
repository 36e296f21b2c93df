"""Boosters compiled to machine code with lleaves (the optional ``fast`` extra).

Compiling takes seconds per model, so it is an explicit step (``pageparts compile``) that stores
the build in the cache (:mod:`._cache`): lleaves' object code linked into a shared library when a
C compiler driver is there (:mod:`._native`: loading it needs no LLVM), else the object code for
lleaves to load. Loading a model only ever reads the cache. A
compiled model is used only after it has given LightGBM's outputs (within :data:`TOLERANCE`) on
a fixed set of probe rows; anything else (lleaves missing, a corrupt or stale file, an error)
leaves LightGBM in charge, with one logged warning.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ._cache import CacheEntry, CacheFileError, read_entry, write_entry
from ._native import NativeForest, link, linker
from ._toolchain import Toolchain

__all__ = ["FORMS", "TOLERANCE", "CompiledForest", "cache_path", "compile_text",
           "load_compiled", "warn_once"]

log = logging.getLogger("pageparts.model")

#: Largest difference from LightGBM's output a compiled model may show on the probe rows.
TOLERANCE = 1e-9
#: Suffix of cache files; a cache folder without one holds no compiled model.
SUFFIX = ".lleaves"

#: How each kind of build is named in reports.
FORMS = {"so": "shared library", "o": "object code (lleaves loads it)"}

_warned: set[str] = set()


def warn_once(message: str) -> None:
    """Log ``message`` as a warning the first time this process sees it."""
    if message not in _warned:
        _warned.add(message)
        log.warning("%s", message)


def cache_path(folder: Path, label: str, text: str, tools: Toolchain) -> tuple[Path, str]:
    """Where the object code of model ``text`` compiled by ``tools`` lives, and its key."""
    h = hashlib.sha256(text.encode("utf-8"))
    for part in ("", tools.lleaves, tools.llvmlite, tools.target):
        h.update(b"\0" + part.encode("utf-8"))
    key = h.hexdigest()
    return folder / f"{label}-{key[:32]}{SUFFIX}", key


class CompiledForest:
    """A compiled booster. :meth:`predict` gives None (and stops trying) after a failure."""

    def __init__(self, model: Any, label: str) -> None:
        self._model = model
        self.label = label
        self.failed = False

    @property
    def form(self) -> str:
        """The kind of build behind it (see :data:`FORMS`)."""
        return FORMS["so" if isinstance(self._model, NativeForest) else "o"]

    def predict(self, X: npt.NDArray[Any]) -> npt.NDArray[np.float64] | None:
        if self.failed or X.ndim != 2 or X.shape[1] != self._model.num_feature():
            return None  # a wrong shape is the caller's error: LightGBM reports it
        try:
            out = np.asarray(self._model.predict(X, n_jobs=1), dtype=np.float64)
        except MemoryError:  # the corpus guard's memory cap: not a fault of the build
            raise
        except Exception as exc:  # lleaves raises plain ValueError/RuntimeError
            self.failed = True
            warn_once(f"compiled model {self.label} failed ({type(exc).__name__}: {exc}); "
                      "using LightGBM")
            return None
        return out


def _lightgbm_part(text: str) -> str:
    """The model text up to its last LightGBM line (lleaves reads that line from the end)."""
    i = text.rfind("\npandas_categorical:")
    if i < 0:
        raise ValueError("not a LightGBM model text (no pandas_categorical line)")
    j = text.find("\n", i + 1)
    return text[:j + 1] if j >= 0 else text + "\n"


def _build(text: str, payload: bytes | None) -> tuple[Any, bytes]:
    """An lleaves model of ``text``: compiled now (``payload`` None) or from object code."""
    import lleaves

    with tempfile.TemporaryDirectory(prefix="pageparts-lleaves-") as tmp:
        model_file, obj = Path(tmp) / "model.txt", Path(tmp) / "model.o"
        model_file.write_text(_lightgbm_part(text), encoding="utf-8")
        if payload is not None:
            obj.write_bytes(payload)
        model = lleaves.Model(str(model_file))
        model.compile(cache=str(obj))
        return model, obj.read_bytes()


def _probe_rows(n_features: int) -> npt.NDArray[np.float32]:
    """Fixed rows that reach many leaves: zeros, missing values, and values of several scales."""
    rng = np.random.default_rng(20261125)
    scales = np.repeat([0.1, 1.0, 10.0, 1000.0], 8)[:, None]
    rows = rng.standard_normal((len(scales), n_features)) * scales
    rows[rng.random(rows.shape) < 0.2] = np.nan
    rows[rng.random(rows.shape) < 0.2] = 0.0
    return np.vstack([np.zeros((1, n_features)), np.full((1, n_features), np.nan), rows]
                     ).astype(np.float32)


def _check(model: Any, booster: Any) -> None:
    """Raise ValueError unless ``model`` gives ``booster``'s outputs on the probe rows."""
    n = booster.num_feature()
    if model.num_feature() != n:
        raise ValueError(f"it reads {model.num_feature()} features, the model {n}")
    X = _probe_rows(n)
    want = np.asarray(booster.predict(X, num_threads=1), dtype=np.float64)
    got = np.asarray(model.predict(X, n_jobs=1), dtype=np.float64)
    if got.shape != want.shape:
        raise ValueError(f"its output has shape {got.shape}, LightGBM's {want.shape}")
    diff = float(np.max(np.abs(got - want)))
    if not diff <= TOLERANCE:
        raise ValueError(f"its outputs differ from LightGBM's by {diff:.3g} on probe rows")


def _forest(entry: CacheEntry, folder: Path, text: str, booster: Any) -> Any:
    """A predictor made from a cached build: a shared library, or object code for lleaves."""
    if entry.form == "so":
        return NativeForest(entry.payload, folder, booster.num_feature(),
                            booster.num_model_per_iteration())
    model, _ = _build(text, entry.payload)
    return model


def load_compiled(folder: Path, label: str, text: str, booster: Any,
                  tools: Toolchain) -> CompiledForest | str:
    """The compiled form of ``text`` from the cache, checked against ``booster``; or why not
    (a sentence without the label)."""
    path, key = cache_path(folder, label, text, tools)
    if not path.is_file():
        stale = any(folder.glob(f"{label}-*{SUFFIX}"))
        return ("the cached build is for another model, lleaves/llvmlite or CPU" if stale
                else "not compiled")
    try:
        forest = _forest(read_entry(path, key), folder, text, booster)
        _check(forest, booster)
    except CacheFileError as exc:
        return str(exc)
    except Exception as exc:  # an unusable cache must never stop extraction
        return f"the cached build cannot be used ({type(exc).__name__}: {exc})"
    return CompiledForest(forest, label)


def compile_text(folder: Path, label: str, text: str, booster: Any, tools: Toolchain,
                 *, force: bool = False) -> tuple[str, Path, str]:
    """Compile model ``text`` into the cache unless a good build is there (``force``: always).
    Returns ``("cached" | "compiled", path, kind of build)``; raises on a failed or mismatching
    build. The build is checked as it will be loaded before it is stored."""
    path, key = cache_path(folder, label, text, tools)
    if not force and isinstance(load_compiled(folder, label, text, booster, tools),
                                CompiledForest):
        return "cached", path, FORMS[read_entry(path, key).form]
    _, obj = _build(text, None)
    entry = CacheEntry(key, obj, "o")
    # without a working linker, lleaves loads the object code
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        if (driver := linker()) is not None:
            entry = CacheEntry(key, link(obj, driver), "so")
    folder.mkdir(mode=0o755, parents=True, exist_ok=True)
    _check(_forest(entry, folder, text, booster), booster)
    write_entry(path, entry)
    read_entry(path, key)  # what extraction will read: whole, and in a folder it trusts
    return "compiled", path, FORMS[entry.form]

