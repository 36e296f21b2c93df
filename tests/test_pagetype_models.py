"""Each input kind reads its own page-type model; without one, a page is an article."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from pageparts import Extractor, Options
from pageparts.model import BoosterModel, Models
from pageparts.pagetype import PAGE_FEATURE_NAMES

lightgbm = pytest.importorskip("lightgbm")

_TEXT = """Help with the cache

Asked by kim

The cache is not cleared after a restart and the old build is still served to every visitor.

  * lee
    Did you purge the CDN as well? That cache lives outside your server and keeps old files.

    * kim
      Thanks, purging the CDN fixed it. The new build is served now.
""" + "".join(  # more replies: a page of fewer than 20 blocks is an article whatever the model
    f"""
  * user{i}
    Same here on server {i}: purging the CDN was the step I had missed as well.
""" for i in range(10))


def _always(kind: str) -> BoosterModel:
    """A two-class page-type model that answers ``kind`` for every page."""
    rng = np.random.default_rng(0)
    X = rng.random((40, len(PAGE_FEATURE_NAMES))).astype(np.float32)
    y = np.ones(40, dtype=int)
    data = lightgbm.Dataset(X, y, feature_name=list(PAGE_FEATURE_NAMES))
    booster = lightgbm.train({"objective": "multiclass", "num_class": 2, "verbose": -1,
                              "num_threads": 1}, data, num_boost_round=2)
    return BoosterModel(booster, PAGE_FEATURE_NAMES, ("article", kind))


def test_text_pages_use_the_text_page_type_model() -> None:
    base = Models.default()
    if base.text is None:
        pytest.skip("no text block model installed")
    plain = Extractor(Options(), models=dataclasses.replace(base, text_page_type=None))
    assert plain.extract(_TEXT, kind="text").page_type == "article"
    forum = Extractor(Options(), models=dataclasses.replace(
        base, text_page_type=_always("forum"), page_type=_always("product")))
    doc = forum.extract(_TEXT, kind="text")
    assert doc.page_type == "forum"
    assert forum.extract("<p>" + "A short product page. " * 20 + "</p>",
                         kind="html").page_type == "product"
