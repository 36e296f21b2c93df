"""Boosters compiled to machine code with lleaves (the optional ``fast`` extra).

Compiling takes seconds per model, so it is an explicit step (``pageparts compile``) that stores
the object code in the cache (:mod:`._cache`); loading a model only ever reads the cache. A
compiled model is used only after it has given LightGBM's outputs (within :data:`TOLERANCE`) on
a fixed set of probe rows; anything else (lleaves missing, a corrupt or stale file, an error)
leaves LightGBM in charge, with one logged warning.
"""

from __future__ import annotations

import hashlib
import logging
import platform
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .._errors import MissingExtra
from ._cache import CacheEntry, CacheFileError, read_entry, write_entry

__all__ = ["TOLERANCE", "CompiledForest", "Toolchain", "cache_path", "compile_text",
           "load_compiled", "toolchain", "warn_once"]

log = logging.getLogger("pageparts.model")

#: Largest difference from LightGBM's output a compiled model may show on the probe rows.
TOLERANCE = 1e-9
#: Suffix of cache files; a cache folder without one holds no compiled model.
SUFFIX = ".lleaves"

_warned: set[str] = set()


def warn_once(message: str) -> None:
    """Log ``message`` as a warning the first time this process sees it."""
    if message not in _warned:
        _warned.add(message)
        log.warning("%s", message)


@dataclass(frozen=True, slots=True)
class Toolchain:
    """What the object code depends on besides the model: compiler versions and the CPU."""

    lleaves: str
    llvmlite: str
    target: str


def toolchain() -> Toolchain:
    """The installed lleaves/llvmlite and this machine's CPU; :class:`MissingExtra` without
    lleaves."""
    try:
        import lleaves  # noqa: F401
        import llvmlite.binding as llvm
    except ImportError as exc:
        raise MissingExtra("lleaves", "fast") from exc
    try:
        features = llvm.get_host_cpu_features().flatten()
    except RuntimeError:  # LLVM cannot always list them; the CPU name still tells models apart
        features = ""
    target = "|".join((platform.machine(), llvm.get_process_triple(), llvm.get_host_cpu_name(),
                       hashlib.sha256(features.encode()).hexdigest()[:16]))
    return Toolchain(metadata.version("lleaves"), metadata.version("llvmlite"), target)


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
    rows = rng.standard_normal((30, n_features)) * np.repeat([0.1, 1.0, 10.0, 1000.0], 8)[:30,
                                                                                         None]
    rows[rng.random(rows.shape) < 0.2] = np.nan
    rows[rng.random(rows.shape) < 0.2] = 0.0
    return np.vstack([np.zeros((1, n_features)), np.full((1, n_features), np.nan), rows]
                     ).astype(np.float32)


def _check(model: Any, booster: Any, label: str) -> None:
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


def load_compiled(folder: Path, label: str, text: str, booster: Any,
                  tools: Toolchain) -> CompiledForest | str:
    """The compiled form of ``text`` from the cache, checked against ``booster``; or why not."""
    path, key = cache_path(folder, label, text, tools)
    if not path.is_file():
        stale = any(folder.glob(f"{label}-*{SUFFIX}"))
        return (f"{label}: the cached build is for another model, lleaves/llvmlite or CPU"
                if stale else f"{label}: not compiled")
    try:
        entry = read_entry(path, key)
        model, _ = _build(text, entry.payload)
        _check(model, booster, label)
    except CacheFileError as exc:
        return f"{label}: {exc}"
    except Exception as exc:  # an unusable cache must never stop extraction
        return f"{label}: the cached build cannot be used ({type(exc).__name__}: {exc})"
    return CompiledForest(model, label)


def compile_text(folder: Path, label: str, text: str, booster: Any, tools: Toolchain,
                 *, force: bool = False) -> tuple[str, Path]:
    """Compile model ``text`` into the cache unless a good build is there (``force``: always).
    Returns ``("cached" | "compiled", path)``; raises on a failed or mismatching build."""
    path, key = cache_path(folder, label, text, tools)
    if not force and isinstance(load_compiled(folder, label, text, booster, tools),
                                CompiledForest):
        return "cached", path
    model, payload = _build(text, None)
    _check(model, booster, label)
    write_entry(path, CacheEntry(key, payload))
    return "compiled", path
