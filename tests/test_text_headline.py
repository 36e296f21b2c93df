"""The plain-text headline: candidate lines, the learned choice, and what the Document reports."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from pageparts import Extractor, ModelError, Options
from pageparts.blocks import Page
from pageparts.model import Models
from pageparts.text import read_text
from pageparts.text.headline import HEADLINE_FEATURE_NAMES, Headlines, choose

PROSE = ("Tide tables for the northern coast are made from a century of gauge readings, and the "
         "harbour office checks them every spring against the new measurements. ")
PAGE = "\n".join([
    "Home", "News", "Weather", "About us", "",
    "How tide tables are made", "", "By Ann Lee", "", "Listen to this article", "",
    PROSE * 2, "", PROSE + "The tables are free to download.", "",
    "How tide tables are made", "Contact us", "Privacy policy",
])


def _heads(text: str) -> tuple[list[str], Headlines]:
    parsed = read_text(Page(text, "text"), Options())
    assert parsed.headlines is not None
    return [b.text for b in parsed.blocks], parsed.headlines


def test_candidates_are_the_short_lines_near_the_top_with_a_row_each() -> None:
    texts, heads = _heads(PAGE)
    assert heads.X.shape == (len(heads.index), len(HEADLINE_FEATURE_NAMES))
    cands = [texts[i] for i in heads.index]
    assert "How tide tables are made" in cands and "Home" in cands
    assert not any(len(t) > 300 for t in cands)  # prose is not a candidate
    assert heads.rule is not None and texts[heads.rule] == "How tide tables are made"
    picked = heads.X[:, HEADLINE_FEATURE_NAMES.index("h_rule_pick")]
    assert {texts[heads.index[k]] for k in np.flatnonzero(picked)} == {"How tide tables are made"}


def test_choose_takes_the_best_scored_line_at_its_first_showing() -> None:
    texts, heads = _heads(PAGE)
    last = max(k for k, i in enumerate(heads.index) if texts[i] == "How tide tables are made")
    scores = np.zeros(len(heads.index))
    scores[last] = 1.0
    assert heads.index[last] != texts.index("How tide tables are made")
    assert choose(scores, heads) == texts.index("How tide tables are made")
    assert choose(np.zeros(0), Headlines((), np.zeros((0, len(HEADLINE_FEATURE_NAMES)),
                                                      dtype=np.float32), 3)) == 3


class _Prefers:
    """A stand-in headline model that scores one text above every other line."""

    def __init__(self, texts: list[str], index: tuple[int, ...], text: str) -> None:
        self.scores = np.array([1.0 if texts[i] == text else 0.0 for i in index])

    def predict(self, X: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        assert X.shape[0] == len(self.scores)
        return self.scores


def test_the_document_reports_the_models_choice_and_labels_it_title() -> None:
    default = Models.default()
    if default.text is None:
        pytest.skip("no text block model installed")
    texts, heads = _heads(PAGE)
    fake = _Prefers(texts, heads.index, "Listen to this article")
    models = Models(text=default.text, text_stack=default.text_stack,
                    text_headline=fake)  # type: ignore[arg-type]
    doc = Extractor(models=models).extract(PAGE, kind="text")
    assert doc.title == "Listen to this article"
    assert [b.text for b in doc.blocks if b.label == "title"] == ["Listen to this article"]


def test_the_shipped_model_finds_the_headline_below_a_menu() -> None:
    try:
        doc = Extractor().extract(PAGE, kind="text")
    except ModelError as exc:
        pytest.skip(f"no text model installed ({exc})")
    if Models.default().text_headline is None:
        pytest.skip("no headline model installed")
    assert doc.title == "How tide tables are made"


def test_no_candidates_on_an_empty_page() -> None:
    parsed = read_text(Page("", "text"), Options())
    assert parsed.headlines is None or not parsed.headlines.index
