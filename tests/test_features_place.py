"""Where a block stands against the page's running text, and adjacent repeats."""

from __future__ import annotations

import numpy as np

from pageparts import Options
from pageparts.blocks import Page
from pageparts.features import FEATURE_NAMES, TEXT_FEATURE_NAMES, featurize
from pageparts.text import read_text

_PROSE = ("This paragraph is running text, long enough to be prose: it goes on for a while and it "
          "ends as a sentence does, after a few more words.")
_PAGE = "\n\n".join(["Menu", "Shop", "Shop", _PROSE, _PROSE.replace("This", "That"),
                     "A teaser after the article", "Another teaser"])


def _col(X: np.ndarray, name: str) -> list[float]:
    return [round(float(v), 3) for v in X[:, TEXT_FEATURE_NAMES.index(name)]]


def _page(text: str) -> tuple[list[str], np.ndarray]:
    parsed = read_text(Page(text, "text"), Options())
    return [b.text for b in parsed.blocks], featurize(parsed)


def test_prose_shares_place_menus_before_and_teasers_after_the_article() -> None:
    texts, X = _page(_PAGE)
    assert texts[0] == "Menu" and texts[-1] == "Another teaser"
    before, after = _col(X, "prose_before"), _col(X, "prose_after")
    assert before[0] == 0.0 and after[0] == 1.0  # the menu: all the prose is still to come
    assert before[-1] == 1.0 and after[-1] == 0.0  # a teaser: the article has ended
    assert 0.4 < before[4] < 0.6 and after[4] == 0.0  # the second of two equal paragraphs
    gap = _col(X, "prose_gap")
    assert gap[2] == round(float(np.log1p(1)), 3)  # the prose block is the next one
    assert gap[0] == round(float(np.log1p(3)), 3)


def test_a_page_without_prose_has_no_place() -> None:
    _, X = _page("Home\n\nNews\n\nSport")
    for name in ("prose_before", "prose_after", "prose_gap"):
        assert set(_col(X, name)) == {-1.0}


def test_adjacent_repeats_and_the_page_layout() -> None:
    texts, X = _page(_PAGE)
    dup = _col(X, "dup_adjacent")
    assert [t for t, d in zip(texts, dup, strict=True) if d] == ["Shop", "Shop"]
    assert set(_col(X, "page_blank_share")) == {round(6 / 7, 3)}  # all but the first block
    assert set(_col(X, "page_bullet_share")) == {0.0}
    _, B = _page("  • One\n  • Two\n\nText")
    assert set(_col(B, "page_bullet_share")) == {round(2 / 3, 3)}


def test_html_pages_keep_the_html_columns() -> None:
    from pageparts.decode import decode
    from pageparts.html import read_html

    html = f"<html><body><nav><a href='/'>Home</a></nav><p>{_PROSE}</p></body></html>"
    parsed = read_html(decode(html.encode(), Options(), kind="html"), Options())
    assert featurize(parsed).shape == (len(parsed.blocks), len(FEATURE_NAMES))
    _, X = _page(_PAGE)
    assert X.shape[1] == len(TEXT_FEATURE_NAMES) > len(FEATURE_NAMES)
