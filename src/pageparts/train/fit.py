"""Training: packs → block rows (features + labels from gold) → LightGBM boosters → Models.

``fit_models(pages)`` is what ``pageparts train`` and ``pageparts eval --cv`` call; the same
segmentation and features as extraction are used, so training and inference cannot drift.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .._options import Options
from ..blocks import ParsedPage
from ..decode import decode
from ..features import FEATURE_NAMES, feature_names, featurize
from ..model import BoosterModel, Models
from ..pagetype import PAGE_FEATURE_NAMES, page_features, without_address
from ..stack import StackContext, stack_context, stack_feature_names, stack_features
from .align import labels_from_gold
from .average import average_models

if TYPE_CHECKING:
    from ..eval.packs import PackPage

__all__ = ["PageRows", "RowCache", "fit_models", "page_rows"]

#: Text renderings the text model learns from (see pageparts.text.render).
TEXT_RENDERINGS = ("bullets", "wet")

BLOCK_PARAMS: dict[str, object] = {
    "objective": "binary",
    "learning_rate": 0.1,
    "num_leaves": 48,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.4,
    "bagging_fraction": 0.6,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "max_bin": 63,
    "verbose": -1,
    "seed": 7,
    "deterministic": True,
    "force_row_wise": True,
}
BLOCK_ROUNDS = 200
#: Seeds of the boosters a block model averages (see :mod:`.average`), by page kind. Measured for
#: plain text (fold models, 3-fold CV by site, over all 1,497 wcxb-dev pages, both stages
#: averaged): word F1 +0.0017 on WET-style lines and +0.0021 with bullets over one seed, snippet
#: F1 up as well, for three times the trees. HTML (fold models, the eval's folds): word F1 on
#: wcxb-dev +0.008 on the 400-page sample and +0.0008 on the 1,097 other pages, trafilatura-a
#: snippet F1 +0.002, page type +0.003 / +0.007.
BLOCK_SEEDS: dict[str, tuple[int, ...]] = {"html": (7, 11, 13), "text": (7, 11, 13)}
#: Folds (grouped by site) for the out-of-fold first-stage scores the second stage and the
#: page-type model learn from.
OOF_FOLDS = 3
PAGE_PARAMS: dict[str, object] = {
    "objective": "multiclass",
    "learning_rate": 0.05,
    "num_leaves": 8,
    # ~1,500 pages and ~180 columns: larger leaves and a small column sample per tree
    # (measured with benchmarks/pagetype_cv.py, 3- and 5-fold CV grouped by site)
    "min_data_in_leaf": 20,
    "feature_fraction": 0.3,
    "lambda_l2": 1.0,
    "verbose": -1,
    "seed": 7,
    "deterministic": True,
    "force_row_wise": True,
}
PAGE_ROUNDS = 300
#: The plain-text headline model (:mod:`pageparts.text.headline`): some 3,000 pages of
#: ~80 candidate lines each, about one in three with a line that is its gold title.
HEADLINE_PARAMS: dict[str, object] = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 20,
    "verbose": -1,
    "seed": 7,
    "deterministic": True,
    "force_row_wise": True,
}
HEADLINE_ROUNDS = 300
#: Weight of the address-less copy of each page in the page-type model's training.
ADDRESS_LESS_WEIGHT = 0.25


Scores = dict[tuple[str, str, str], npt.NDArray[np.float64]]


@dataclass
class PageRows:
    """One page's training rows."""

    key: tuple[str, str, str]  # (pack, id, rendering)
    signals: dict[str, float]
    X: npt.NDArray[np.float32]
    y: npt.NDArray[np.float32]  # NaN where unknown
    page_type: str | None
    n_comments: int
    ctx: StackContext
    #: plain text: the candidate headline lines' features, and 1 where a line is the gold title
    heads: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]] | None = None


@dataclass
class RowCache:
    """Rows already built, by (pack, id, rendering): cross-validation builds each page once."""

    rows: dict[tuple[str, str, str], PageRows | None] = field(default_factory=dict)


def _read(page: PackPage, kind: str, rendering: str | None, options: Options) -> ParsedPage:
    if kind == "html":
        from ..html import read_html

        return read_html(decode(page.html, options, kind="html", url=page.url), options)
    from ..text import read_text
    from ..text.render import render

    text = render(page.html, rendering or "bullets")
    return read_text(decode(text, options, kind="text", url=page.url), options)


def page_rows(page: PackPage, kind: str = "html", rendering: str | None = None,
              options: Options | None = None) -> PageRows | None:
    """Features and gold labels of one page, or None when the gold labels none of its blocks."""
    options = options or Options()
    parsed = _read(page, kind, rendering, options)
    if not parsed.blocks:
        return None
    # soft labels for HTML blocks (3-fold CV by site: word F1 on wcxb-dev +0.004 over 1,497
    # pages); plain-text lines learn better from hard ones (-0.004 bullets, -0.0025 WET)
    labels = labels_from_gold(parsed.blocks, page.gold, soft=kind == "html")
    if all(v is None for v in labels):
        return None
    X = featurize(parsed)
    y = np.array([np.nan if v is None else v for v in labels], dtype=np.float32)
    pt = page.gold.get("page_type")
    return PageRows((page.pack, page.id, rendering or kind), parsed.signals, X, y,
                    pt if isinstance(pt, str) else None, len(parsed.comments),
                    stack_context(parsed), _headline_rows(parsed, page.gold.get("title")))


def _headline_rows(parsed: ParsedPage, title: object
                   ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]] | None:
    """The candidate headlines of a plain-text page with their gold labels (the line is the
    gold title, compared as the eval compares titles), or None without a gold title."""
    heads = parsed.headlines
    if heads is None or not isinstance(title, str) or not title.strip():
        return None
    from ..eval.score import match_text

    y = np.array([match_text(parsed.blocks[i].text, title) for i in heads.index],
                 dtype=np.float32)
    return heads.X, y


def _lightgbm() -> object:
    import lightgbm  # a core dependency: the shipped models are LightGBM boosters

    return lightgbm


#: A page's blocks weigh n ** PAGE_WEIGHT_POWER in all (n: its labelled blocks). Measured at 0.5
#: (3-fold CV by site, 400 pages a pack): snippet F1 on trafilatura-a 0.9296 -> 0.9332, word F1 on
#: wcxb-dev flat (0.853 on the 1,097 pages outside the sample either way), but long pages then
#: teach the model less: fold models kept 327 of a 500-paragraph article's paragraphs on average
#: against 408 at 1.0. Kept at 1.0 (weights grow with n, as before).
PAGE_WEIGHT_POWER = 1.0


def _weights(X: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Weights of one page's labelled blocks: long blocks carry more of a page's words
    (log-length keeps short ones in play), and the page's total is n ** PAGE_WEIGHT_POWER."""
    w = X[:, FEATURE_NAMES.index("log_chars")] + 0.5
    scale = math.pow(len(w), PAGE_WEIGHT_POWER) / max(float(w.sum()), 1e-6)
    return (w * scale).astype(np.float32)


def _fit_block(rows: Sequence[PageRows], kind: str, rounds: int = BLOCK_ROUNDS,
               oof: Scores | None = None, seeds: Sequence[int] | None = None) -> BoosterModel:
    """The first-stage block model for ``kind`` pages, or with ``oof`` (out-of-fold
    first-stage scores) the second; the average of one booster per seed (default
    :data:`BLOCK_SEEDS` of ``kind``)."""
    lgb = _lightgbm()
    names = stack_feature_names(kind) if oof is not None else feature_names(kind)
    Xs, ys, ws = [], [], []
    for r in rows:
        known = ~np.isnan(r.y)
        if not known.any() or (oof is not None and r.key not in oof):
            continue
        X = r.X if oof is None else stack_features(r.ctx, r.X, oof[r.key])
        Xs.append(X[known])
        ys.append(r.y[known])
        w = _weights(r.X[known])
        if r.key[0] == "readability":
            w = w * 0.5  # another extractor's output, not human gold
        ws.append(w)
    X = np.vstack(Xs)
    y = np.concatenate(ys)
    data = lgb.Dataset(X, y, weight=np.concatenate(ws), feature_name=list(names),  # type: ignore[attr-defined]
                       free_raw_data=True)
    # labels in between 0 and 1 (soft labels): cross-entropy, which takes them as they are
    soft = bool(((y > 0) & (y < 1)).any())
    params = dict(BLOCK_PARAMS, num_threads=1, objective="cross_entropy" if soft else "binary")
    boosters = [lgb.train(dict(params, seed=seed), data, num_boost_round=rounds)  # type: ignore[attr-defined]
                for seed in (seeds or BLOCK_SEEDS[kind])]
    if len(boosters) == 1:
        return BoosterModel(boosters[0], names)
    text = average_models([b.model_to_string() for b in boosters])
    return BoosterModel(lgb.Booster(model_str=text), names)  # type: ignore[attr-defined]


def _fit_headline(rows: Sequence[PageRows]) -> BoosterModel | None:
    """The headline model, from the candidate lines of every page with a gold title."""
    heads = [r.heads for r in rows if r.heads is not None and len(r.heads[1])]
    if not heads or not any(y.any() for _, y in heads):
        return None
    from ..text.headline import HEADLINE_FEATURE_NAMES

    lgb = _lightgbm()
    X = np.concatenate([x for x, _ in heads])
    y = np.concatenate([y for _, y in heads])
    data = lgb.Dataset(X, y, feature_name=list(HEADLINE_FEATURE_NAMES),  # type: ignore[attr-defined]
                       free_raw_data=True)
    booster = lgb.train(HEADLINE_PARAMS, data, num_boost_round=HEADLINE_ROUNDS)  # type: ignore[attr-defined]
    return BoosterModel(booster, HEADLINE_FEATURE_NAMES)


def _fit_page_type(rows: Sequence[PageRows], oof: Scores) -> BoosterModel | None:
    lgb = _lightgbm()
    labelled = [r for r in rows if r.page_type and r.key in oof]
    if len(labelled) < 30:
        return None
    classes = tuple(sorted({r.page_type for r in labelled if r.page_type}))
    X = np.vstack([page_features(r.signals, r.X, oof[r.key], r.n_comments) for r in labelled])
    y = np.array([classes.index(r.page_type or "") for r in labelled])
    # every page once more as if read without its address (a file on disk, standard input)
    n = len(y)
    X, y = np.vstack([X, without_address(X)]), np.concatenate([y, y])
    w = np.concatenate([np.ones(n), np.full(n, ADDRESS_LESS_WEIGHT)])
    data = lgb.Dataset(X, y, weight=w, feature_name=list(PAGE_FEATURE_NAMES))  # type: ignore[attr-defined]
    params = dict(PAGE_PARAMS, num_class=len(classes), num_threads=1)
    booster = lgb.train(params, data, num_boost_round=PAGE_ROUNDS)  # type: ignore[attr-defined]
    return BoosterModel(booster, PAGE_FEATURE_NAMES, classes)


def _out_of_fold(rows: Sequence[PageRows], groups: Sequence[str], kind: str,
                 folds: int = OOF_FOLDS, rounds: int = BLOCK_ROUNDS, *,
                 seeds: Sequence[int] | None = None) -> Scores:
    """First-stage block scores for every page from a model that did not see its site."""
    parts: list[list[PageRows]] = [[] for _ in range(folds)]
    for r, g in zip(rows, groups, strict=True):
        parts[_bucket(g, folds)].append(r)
    out: Scores = {}
    for k, test in enumerate(parts):
        train = [r for j, f in enumerate(parts) if j != k for r in f]
        if not train or not test:
            continue
        model = _fit_block(train, kind, rounds=rounds, seeds=seeds)
        for r in test:
            out[r.key] = model.predict(r.X)
    return out


def _bucket(group: str, folds: int) -> int:
    return hashlib.sha1(group.encode()).digest()[0] % folds


def fit_models(pages: Sequence[PackPage], *, kind: str = "html",
               cache: RowCache | None = None, page_type: bool = True, stack: bool = True,
               log: Callable[[str], None] | None = None) -> Models:
    """Train the block models for ``kind`` (first stage, and with ``stack`` the second) and the
    page-type model for ``kind`` on ``pages``."""
    cache = cache if cache is not None else RowCache()
    renderings: tuple[str | None, ...] = (None,) if kind == "html" else TEXT_RENDERINGS
    rows: list[PageRows] = []
    groups: list[str] = []
    for i, page in enumerate(pages):
        for rendering in renderings:
            key = (page.pack, page.id, rendering or kind)
            if key not in cache.rows:
                cache.rows[key] = page_rows(page, kind, rendering)
            r = cache.rows[key]
            if r is not None:
                rows.append(r)
                groups.append(page.group)
        if log and (i + 1) % 200 == 0:
            log(f"  featurized {i + 1}/{len(pages)} pages")
    if log:
        n = sum(int((~np.isnan(r.y)).sum()) for r in rows)
        log(f"  training the {kind} block model on {n} labelled blocks from {len(rows)} pages")
    block = _fit_block(rows, kind)
    second = None
    if stack:
        if log:
            log("  training the second-stage block model on out-of-fold first-stage scores")
        second = _fit_block(rows, kind, oof=_out_of_fold(rows, groups, kind))
    pt_model = None
    if page_type:
        if log:
            log("  training the page-type model on out-of-fold block scores")
        # smoother scores from two quick half-data models: measured better for page types
        # (0.820 vs 0.795 accuracy, 3-fold CV on wcxb-dev) than the second stage's own
        pt_model = _fit_page_type(rows, _out_of_fold(rows, groups, kind, 2, BLOCK_ROUNDS // 3,
                                                     seeds=BLOCK_SEEDS[kind][:1]))
    if kind == "html":
        return Models(html=block, page_type=pt_model, html_stack=second)
    if log:
        log("  training the headline model on the candidate lines of pages with a gold title")
    return Models(text=block, text_stack=second, text_page_type=pt_model,
                  text_headline=_fit_headline(rows))


def cross_entropy(p: npt.NDArray[np.float64], y: npt.NDArray[np.float32]) -> float:
    """Mean log loss over known labels (a quick training diagnostic)."""
    known = ~np.isnan(y)
    q = np.clip(p[known], 1e-6, 1 - 1e-6)
    t = y[known]
    return float(-np.mean(t * np.log(q) + (1 - t) * np.log(1 - q))) if known.any() else math.nan
