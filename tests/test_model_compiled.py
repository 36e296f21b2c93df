"""Compiled models (the ``fast`` extra): same outputs as LightGBM, and LightGBM whenever the
compiled build is missing, corrupt, stale or failing."""

from __future__ import annotations

import logging
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pageparts import MissingExtra
from pageparts.cli import main
from pageparts.model import BoosterModel, _compiled, _native, attach_compiled, compile_models
from pageparts.model._cache import CacheEntry, CacheFileError, cache_dir, read_entry, write_entry
from pageparts.model._compiled import TOLERANCE, CompiledForest

lightgbm = pytest.importorskip("lightgbm")

NAMES = tuple(f"f{i}" for i in range(6))


def _needs_lleaves() -> None:
    pytest.importorskip("lleaves", reason="lleaves is not installed (pip install "
                        "'pageparts[fast]'); compiled-model equality is not tested")


def _rows(n: int = 300, seed: int = 1) -> np.ndarray[Any, np.dtype[np.float32]]:
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, len(NAMES))) * 3
    X[rng.random(X.shape) < 0.15] = np.nan
    X[rng.random(X.shape) < 0.15] = 0.0
    return X.astype(np.float32)


def _tiny(classes: int = 1, rounds: int = 4, seed: int = 0) -> BoosterModel:
    """A few small trees on made-up rows with missing values (binary, or ``classes`` classes)."""
    X = _rows(400, seed)
    score = np.nan_to_num(X[:, 0]) + 0.5 * np.nan_to_num(X[:, 1]) - np.isnan(X[:, 2])
    if classes == 1:
        y, params = (score > 0).astype(int), {"objective": "binary"}
    else:
        y = np.digitize(score, np.quantile(score, np.linspace(0, 1, classes + 1)[1:-1]))
        params = {"objective": "multiclass", "num_class": classes}
    data = lightgbm.Dataset(X, y, feature_name=list(NAMES))
    booster = lightgbm.train({**params, "num_leaves": 8, "min_data_in_leaf": 5, "verbose": -1,
                              "num_threads": 1}, data, num_boost_round=rounds)
    labels = tuple(f"c{i}" for i in range(classes)) if classes > 1 else ()
    return BoosterModel(booster, NAMES, labels)


def _lightgbm(model: BoosterModel, X: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    return np.asarray(model.booster.predict(X, num_threads=1))  # type: ignore[attr-defined]


@pytest.fixture
def warnings(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING, logger="pageparts.model")
    return caplog


def test_compiled_models_give_lightgbm_outputs(tmp_path: Path) -> None:
    _needs_lleaves()
    models = {"tiny_binary": _tiny(), "tiny_multiclass": _tiny(classes=3)}
    results = compile_models(tmp_path, models=models)
    assert [r.status for r in results] == ["compiled", "compiled"]
    fast = attach_compiled(models, tmp_path)
    X = _rows()
    for label, model in models.items():
        compiled = fast[label].compiled
        assert compiled is not None, label
        direct = compiled.predict(X)
        assert direct is not None
        assert direct.shape == _lightgbm(model, X).shape
        assert np.max(np.abs(direct - _lightgbm(model, X))) <= TOLERANCE
        assert np.max(np.abs(fast[label].predict(X) - model.predict(X))) <= TOLERANCE
    assert fast["tiny_binary"].predict(X[:0]).shape == (0,)


def test_without_a_linker_lleaves_loads_the_object_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_lleaves()
    monkeypatch.setattr(_compiled, "linker", lambda: None)
    models = {"tiny": _tiny(classes=3)}
    (result,) = compile_models(tmp_path, models=models)
    assert (result.status, result.form) == ("compiled", "object code (lleaves loads it)")
    fast = attach_compiled(models, tmp_path)["tiny"]
    assert fast.compiled is not None
    X = _rows()
    assert np.max(np.abs(fast.predict(X) - _lightgbm(models["tiny"], X))) <= TOLERANCE


_CHILD = """
import sys, lightgbm
from pageparts.model import BoosterModel, attach_compiled
booster = lightgbm.Booster(model_str=open(sys.argv[1], encoding="utf-8").read())
model = BoosterModel(booster, tuple(booster.feature_name()))
fast = attach_compiled({"tiny": model}, sys.argv[2])["tiny"]
print(fast.compiled is not None, "llvmlite" in sys.modules)
"""


def test_a_shared_library_build_loads_without_llvm(tmp_path: Path) -> None:
    _needs_lleaves()
    if _native.linker() is None:
        pytest.skip("no C compiler driver (cc) to link a shared library with")
    model = _tiny()
    (result,) = compile_models(tmp_path / "cache", models={"tiny": model})
    assert result.form == "shared library"
    (tmp_path / "model.txt").write_text(model.to_string(), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path / "model.txt"),
                           str(tmp_path / "cache")], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"], done.stderr


def test_a_good_build_is_kept_and_force_rebuilds_it(tmp_path: Path) -> None:
    _needs_lleaves()
    models = {"tiny": _tiny()}
    assert compile_models(tmp_path, models=models)[0].status == "compiled"
    assert compile_models(tmp_path, models=models)[0].status == "cached"
    assert compile_models(tmp_path, models=models, force=True)[0].status == "compiled"
    assert not list(tmp_path.glob("*.tmp")), "a temporary file was left behind"


def test_truncated_build_falls_back_to_lightgbm_and_is_rebuilt(
        tmp_path: Path, warnings: pytest.LogCaptureFixture) -> None:
    _needs_lleaves()
    models = {"tiny": _tiny()}
    (path,) = [r.path for r in compile_models(tmp_path, models=models)]
    assert path is not None
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    fast = attach_compiled(models, tmp_path)["tiny"]
    assert fast.compiled is None
    assert "truncated or corrupt" in warnings.text
    X = _rows()
    assert np.array_equal(fast.predict(X), _lightgbm(models["tiny"], X))
    assert compile_models(tmp_path, models=models)[0].status == "compiled"
    assert attach_compiled(models, tmp_path)["tiny"].compiled is not None


def test_a_build_of_an_older_model_is_not_used(
        tmp_path: Path, warnings: pytest.LogCaptureFixture) -> None:
    _needs_lleaves()
    compile_models(tmp_path, models={"tiny": _tiny(rounds=3)})
    retrained = {"tiny": _tiny(rounds=5)}
    assert attach_compiled(retrained, tmp_path)["tiny"].compiled is None
    assert "another model" in warnings.text


def _uninstall_lleaves(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make lleaves look uninstalled: no import, no package metadata."""
    real = metadata.version

    def version(name: str) -> str:
        if name in ("lleaves", "llvmlite"):
            raise metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setitem(sys.modules, "lleaves", None)  # import lleaves now raises ImportError
    monkeypatch.setattr(metadata, "version", version)


def test_without_lleaves_models_use_lightgbm(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        warnings: pytest.LogCaptureFixture) -> None:
    _uninstall_lleaves(monkeypatch)
    (tmp_path / "tiny-0123.lleaves").write_bytes(b"left by an earlier install")
    models = {"tiny": _tiny()}
    fast = attach_compiled(models, tmp_path)["tiny"]
    assert fast.compiled is None
    assert "pageparts[fast]" in warnings.text
    X = _rows()
    assert np.array_equal(fast.predict(X), _lightgbm(models["tiny"], X))
    with pytest.raises(MissingExtra, match=r"pageparts\[fast\]"):
        compile_models(tmp_path, models=models)


def test_compile_command_without_lleaves_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "lleaves", None)
    assert main(["compile", "--cache-dir", str(tmp_path)]) == 2
    assert "pip install 'pageparts[fast]'" in capsys.readouterr().err


def test_compile_status_names_the_models_without_a_build(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _needs_lleaves()
    assert main(["compile", "--status", "--cache-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "| block_html | missing: not compiled |" in out
    assert not list(tmp_path.iterdir()), "--status compiled something"


def test_an_empty_cache_folder_is_silent(
        tmp_path: Path, warnings: pytest.LogCaptureFixture) -> None:
    assert attach_compiled({"tiny": _tiny()}, tmp_path)["tiny"].compiled is None
    assert attach_compiled({"tiny": _tiny()}, tmp_path / "absent")["tiny"].compiled is None
    assert not warnings.records


def test_a_failing_compiled_model_hands_over_to_lightgbm(
        warnings: pytest.LogCaptureFixture) -> None:
    class Broken:
        def num_feature(self) -> int:
            return len(NAMES)

        def predict(self, X: object, n_jobs: int) -> object:
            raise RuntimeError("engine gone")

    compiled = CompiledForest(Broken(), "tiny_broken")
    model = _tiny()
    fast = BoosterModel(model.booster, model.feature_names, compiled=compiled)
    X = _rows()
    assert np.array_equal(fast.predict(X), _lightgbm(model, X))
    assert compiled.failed
    assert "engine gone" in warnings.text
    assert np.array_equal(fast.predict(X), _lightgbm(model, X))
    assert warnings.text.count("engine gone") == 1


def test_running_out_of_memory_is_not_taken_for_a_broken_build() -> None:
    class Starved:
        def num_feature(self) -> int:
            return len(NAMES)

        def predict(self, X: object, n_jobs: int) -> object:
            raise MemoryError

    compiled = CompiledForest(Starved(), "tiny_starved")
    model = _tiny()
    with pytest.raises(MemoryError):
        BoosterModel(model.booster, model.feature_names, compiled=compiled).predict(_rows())
    assert not compiled.failed


@pytest.mark.parametrize("damage", [
    lambda b: b"",
    lambda b: b"not a cache file at all",
    lambda b: b[:-10],
    lambda b: b[:-1] + bytes([b[-1] ^ 1]),
    lambda b: b.replace(b'"size": ', b'"size": 1', 1),
])
def test_damaged_cache_files_are_refused(tmp_path: Path, damage: Any) -> None:
    path = tmp_path / "m.lleaves"
    write_entry(path, CacheEntry("k" * 64, bytes(range(256)) * 8))
    assert read_entry(path, "k" * 64).payload == bytes(range(256)) * 8
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(CacheFileError):
        read_entry(path, "k" * 64)


def test_a_build_others_can_write_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.lleaves"
    write_entry(path, CacheEntry("k" * 64, b"object code"))
    path.chmod(0o666)
    with pytest.raises(CacheFileError, match="writable by other users"):
        read_entry(path, "k" * 64)
    path.chmod(0o644)
    tmp_path.chmod(0o777)
    try:
        with pytest.raises(CacheFileError, match="writable by other users"):
            read_entry(path, "k" * 64)
    finally:
        tmp_path.chmod(0o755)
    assert read_entry(path, "k" * 64).payload == b"object code"


def test_a_cache_file_for_another_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.lleaves"
    write_entry(path, CacheEntry("a" * 64, b"object code"))
    with pytest.raises(CacheFileError, match="another model"):
        read_entry(path, "b" * 64)
    assert [p.name for p in tmp_path.iterdir()] == ["m.lleaves"]


def test_cache_folder_follows_the_environment(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEPARTS_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    assert cache_dir(tmp_path / "given") == tmp_path / "given"
    monkeypatch.delenv("PAGEPARTS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "pageparts"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "pageparts"
