"""Shared test helpers: where ../shared is, and how to skip clearly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATASETS = SHARED / "datasets"
SEED = SHARED / "seed"


def need_shared(path: Path = SHARED) -> Path:
    """Skip (with the reason) when the benchmark packs or the seed are not beside the repo."""
    if not path.exists():
        pytest.skip(f"{path} is absent: benchmark packs and the seed live in ../shared beside "
                    "the checkout and are never copied into the repo")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden expected files from the current output")
