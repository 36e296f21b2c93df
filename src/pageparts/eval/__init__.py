"""Measuring pageparts: benchmark packs, the three metrics, peers, cross-validated evaluation.

Needs the ``eval`` extra for the peers (``pip install 'pageparts[eval]'``); the metrics and pack
reader work without it.
"""

from __future__ import annotations

from .metrics import PRF, ShingleScore, SnippetScore, WordScore
from .packs import PackPage, datasets_dir, group_key, grouped_folds, load_pack, resolve_pack
from .run import EvalConfig, evaluate

__all__ = [
    "PRF",
    "EvalConfig",
    "PackPage",
    "ShingleScore",
    "SnippetScore",
    "WordScore",
    "datasets_dir",
    "evaluate",
    "group_key",
    "grouped_folds",
    "load_pack",
    "resolve_pack",
]
