"""Averaged boosters: one model file whose raw score is the mean of its members' raw scores."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from pageparts.train.average import average_models

lightgbm = pytest.importorskip("lightgbm")


def _data(seed: int = 0) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((600, 5))
    X[rng.random(X.shape) < 0.1] = np.nan  # missing values take the trees' default branches
    y = (np.nan_to_num(X[:, 0]) + np.nan_to_num(X[:, 1]) * np.nan_to_num(X[:, 2])
         + rng.standard_normal(600) > 0).astype(float)
    return X, y


def _members(X: np.ndarray[Any, Any], y: np.ndarray[Any, Any], seeds: tuple[int, ...],
             **extra: Any) -> list[Any]:
    data = lightgbm.Dataset(X, y)
    params = {"objective": "binary", "num_leaves": 8, "min_data_in_leaf": 10,
              "bagging_fraction": 0.6, "bagging_freq": 1, "feature_fraction": 0.6,
              "verbose": -1, "num_threads": 1, **extra}
    return [lightgbm.train(dict(params, seed=s), data, num_boost_round=15) for s in seeds]


def test_the_average_scores_the_mean_of_its_members() -> None:
    X, y = _data()
    members = _members(X, y, (1, 2, 3))
    raw = np.array([m.predict(X, raw_score=True) for m in members])
    assert np.abs(raw[0] - raw[1]).max() > 0.01  # the seeds made different models
    joined = lightgbm.Booster(model_str=average_models([m.model_to_string() for m in members]))
    assert joined.num_trees() == 45
    assert np.allclose(joined.predict(X, raw_score=True), raw.mean(axis=0), atol=1e-12)
    assert np.allclose(joined.predict(X), 1 / (1 + np.exp(-raw.mean(axis=0))), atol=1e-12)
    # feature contributions still add up to the raw score
    contrib = joined.predict(X[:20], pred_contrib=True)
    assert np.allclose(contrib.sum(axis=1), joined.predict(X[:20], raw_score=True), atol=1e-9)
    # and the joined model's own text reads back the same
    again = lightgbm.Booster(model_str=joined.model_to_string())
    assert np.array_equal(again.predict(X), joined.predict(X))


def test_one_model_comes_back_as_it_is_and_multiclass_is_refused() -> None:
    X, y = _data(1)
    (one,) = _members(X, y, (5,))
    text = one.model_to_string()
    assert average_models([text]) is text
    labels = np.digitize(np.nan_to_num(X[:, 0]), [-0.5, 0.5])
    multi = _members(X, labels, (1, 2), objective="multiclass", num_class=3)
    with pytest.raises(ValueError, match="single-output"):
        average_models([m.model_to_string() for m in multi])
