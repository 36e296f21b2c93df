"""One module of pageparts as it was at another git revision, for the before/after scripts."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def load_at(rev: str, path: str, name: str, replace: dict[str, str]) -> ModuleType:
    """``path`` (relative to the repository) at ``rev``, imported as ``name`` after the textual
    ``replace``ments (to point its relative imports at other loaded copies)."""
    src = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=REPO, check=True,
                         capture_output=True, text=True).stdout
    for old, new in replace.items():
        src = src.replace(old, new)
    file = Path(tempfile.mkdtemp()) / f"{name.rsplit('.', 1)[-1]}.py"
    file.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, file)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod
