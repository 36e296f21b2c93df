"""Compiled boosters for a set of named models: build them into the cache, or attach the cached
builds to loaded models (see :mod:`._compiled` for one model)."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import MissingExtra
from ._cache import cache_dir
from ._compiled import SUFFIX, CompiledForest, cache_path, compile_text, load_compiled, warn_once
from ._toolchain import Toolchain, toolchain

if TYPE_CHECKING:
    from . import BoosterModel

__all__ = ["CompileResult", "attach", "build", "status"]

#: One model: its label (used in cache file names), its text, and the loaded booster.
Item = tuple[str, str, "BoosterModel"]


@dataclass(frozen=True, slots=True)
class CompileResult:
    """What happened to one model: ``status`` is "compiled", "cached", "missing" or
    "failed: <why>"; ``seconds`` is the time it took."""

    label: str
    status: str
    seconds: float
    path: Path | None
    #: The kind of build: "shared library" or "object code (lleaves loads it)".
    form: str = ""


def _has_builds(folder: Path) -> bool:
    try:
        return folder.is_dir() and any(name.endswith(SUFFIX) for name in os.listdir(folder))
    except OSError:
        return False


def attach(items: Sequence[Item], folder: str | os.PathLike[str] | None = None
           ) -> dict[str, BoosterModel]:
    """Each model with its cached compiled build attached where there is a good one. Without a
    cache folder holding builds, nothing is imported or logged; otherwise one warning names
    the models left to LightGBM and why."""
    where = cache_dir(folder)
    out = {label: model for label, _, model in items}
    if not _has_builds(where):
        return out
    try:
        tools = toolchain()
    except MissingExtra as exc:
        warn_once(f"compiled models are in {where} but cannot be used: {exc}; using LightGBM")
        return out
    reasons: dict[str, list[str]] = {}
    for label, text, model in items:
        found = load_compiled(where, label, text, model.booster, tools)
        if isinstance(found, CompiledForest):
            out[label] = dataclasses.replace(model, compiled=found)
        else:
            reasons.setdefault(found, []).append(label)
    if reasons:
        why = "; ".join(f"{', '.join(labels)}: {r}" for r, labels in reasons.items())
        warn_once(f"using LightGBM, not a compiled build, for {why} (cache "
                  f"{where}); run 'pageparts compile' to rebuild")
    return out


def build(items: Sequence[Item], folder: str | os.PathLike[str] | None = None, *,
          force: bool = False, log: Callable[[str], None] | None = None) -> list[CompileResult]:
    """Compile each model into the cache (skipping good builds unless ``force``). Raises
    :class:`MissingExtra` without lleaves; a model that fails is reported, not raised."""
    where = cache_dir(folder)
    tools = toolchain(compiling=True)
    results = []
    for label, text, model in items:
        if log is not None:
            log(f"{label}: compiling")
        t0 = time.perf_counter()
        try:
            state, path, form = compile_text(where, label, text, model.booster, tools,
                                             force=force)
            result = CompileResult(label, state, time.perf_counter() - t0, path, form)
        except Exception as exc:  # one bad model must not stop the others
            result = CompileResult(label, f"failed: {type(exc).__name__}: {exc}",
                                   time.perf_counter() - t0, None)
        if log is not None:
            log(f"{label}: {result.status} in {result.seconds:.1f}s {result.form}".rstrip())
        results.append(result)
    return results


def status(items: Sequence[Item], folder: str | os.PathLike[str] | None = None
           ) -> list[CompileResult]:
    """Whether each model has a usable build in the cache (loaded and checked, not compiled)."""
    where = cache_dir(folder)
    tools: Toolchain = toolchain()
    results = []
    for label, text, model in items:
        t0 = time.perf_counter()
        found = load_compiled(where, label, text, model.booster, tools)
        path, _ = cache_path(where, label, text, tools)
        if isinstance(found, CompiledForest):
            results.append(CompileResult(label, "cached", time.perf_counter() - t0, path,
                                         found.form))
        else:
            results.append(CompileResult(label, f"missing: {found}", time.perf_counter() - t0,
                                         None))
    return results
