"""The second-stage features: first-stage scores of a block's neighbours and containers."""

from __future__ import annotations

import numpy as np

from pageparts import Options
from pageparts.decode import decode
from pageparts.features import FEATURE_NAMES, featurize
from pageparts.html import read_html
from pageparts.stack import STACK_FEATURE_NAMES, STACK_NAMES, stack_context, stack_features

_PAGE = (
    "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/a'>About</a></li></ul>"
    "</nav><article><p>First paragraph of the story, long enough to be prose.</p>"
    "<p>Second paragraph.</p><p>Third.</p></article><footer><p>Footer line</p></footer>"
    "</body></html>"
)


def _page() -> tuple[object, np.ndarray]:
    parsed = read_html(decode(_PAGE.encode(), Options(), kind="html"), Options())
    return parsed, featurize(parsed)


def col(name: str) -> int:
    return len(FEATURE_NAMES) + STACK_NAMES.index(name)


def test_rows_keep_the_block_features_and_add_the_score_context() -> None:
    parsed, X = _page()
    p = np.linspace(0.1, 0.9, len(X))
    S = stack_features(stack_context(parsed), X, p)  # type: ignore[arg-type]
    assert S.shape == (len(X), len(STACK_FEATURE_NAMES))
    assert np.array_equal(S[:, : len(FEATURE_NAMES)], X)
    assert np.allclose(S[:, col("s_self")], p)
    assert np.allclose(S[1:, col("s_n-1")], p[:-1])
    assert S[0, col("s_n-1")] == -1.0  # no block before the first
    assert S[-1, col("s_n+1")] == -1.0
    assert np.allclose(S[:, col("s_page_max")], p.max())


def test_container_mean_is_weighted_by_length_over_the_enclosing_element() -> None:
    parsed, X = _page()
    texts = [b.text for b in parsed.blocks]  # type: ignore[attr-defined]
    story = [i for i, t in enumerate(texts) if t.endswith(("prose.", "paragraph.", "Third."))]
    assert len(story) == 3
    p = np.zeros(len(texts))
    p[story[0]] = 1.0  # only the long paragraph is content at first
    S = stack_features(stack_context(parsed), X, p)  # type: ignore[arg-type]
    chars = np.array([len(texts[i]) for i in story], dtype=float)
    want = chars[0] / chars.sum()
    for i in story:  # each short paragraph sees that its article is mostly content
        assert abs(S[i, col("s_c1")] - want) < 1e-6
        assert abs(S[i, col("s_c1_share")] - 1 / 3) < 1e-6
    nav = texts.index("Home")
    assert S[nav, col("s_c1")] == 0.0
    assert S[nav, col("s_gap_after")] > 0  # content follows the menu


def test_a_page_without_content_scores_has_no_content_distances() -> None:
    parsed, X = _page()
    S = stack_features(stack_context(parsed), X, np.zeros(len(X)))  # type: ignore[arg-type]
    assert (S[:, col("s_gap_before")] == -1.0).all()
    assert (S[:, col("s_main_before")] == -1.0).all()


class _Fixed:
    """A stand-in booster: fixed first-stage scores, and a second stage that records its rows."""

    def __init__(self, out: np.ndarray | None = None) -> None:
        self.out, self.rows = out, 0

    def predict(self, X: np.ndarray, num_threads: int = 1) -> np.ndarray:
        self.rows += len(X)
        return self.out if self.out is not None else np.full(len(X), 0.5)


def test_the_second_stage_rescores_only_the_blocks_the_first_left_unsure() -> None:
    from pageparts.model import SURE_FIRST, BoosterModel, Models
    from pageparts.stack import STACK_FEATURE_NAMES

    parsed, X = _page()
    n = len(X)
    first = np.full(n, 0.3)
    first[0], first[-1] = SURE_FIRST / 2, 1.0 - SURE_FIRST / 2  # a sure menu, a sure paragraph
    stage2 = _Fixed()
    models = Models(html=BoosterModel(_Fixed(first), FEATURE_NAMES),
                    html_stack=BoosterModel(stage2, STACK_FEATURE_NAMES))
    got_first, final = models.score_blocks("html", parsed, X)  # type: ignore[arg-type]
    assert np.array_equal(got_first, first)
    assert stage2.rows == n - 2
    assert final[0] == first[0] and final[-1] == first[-1]
    assert np.allclose(final[1:-1], 0.5)


def test_html_blocks_see_the_scores_of_their_template() -> None:
    from pageparts.stack import TEMPLATE_NAMES

    html = ("<ul class='menu'><li class='item'><a href='/'>Home</a></li><li class='item'>"
            "<a href='/a'>About</a></li><li class='item'><a href='/c'>Contact</a></li></ul>"
            "<div class='body'><p>A paragraph that stands alone in its template.</p></div>")
    parsed = read_html(decode(html.encode(), Options(), kind="html"), Options())
    X = featurize(parsed)
    texts = [b.text for b in parsed.blocks]
    assert texts == ["Home", "About", "Contact", "A paragraph that stands alone in its template."]
    p = np.array([0.1, 0.3, 0.5, 0.9])
    S = stack_features(stack_context(parsed), X, p)
    same, n_same = S[:, -len(TEMPLATE_NAMES)], S[:, -1]
    chars = np.array([len(t) for t in texts[:3]], dtype=float)
    # each menu entry sees the char-weighted mean of the other two entries
    for i in range(3):
        others = [j for j in range(3) if j != i]
        want = (p[others] * chars[others]).sum() / chars[others].sum()
        assert abs(same[i] - want) < 1e-6
        assert abs(n_same[i] - np.log1p(2)) < 1e-6
    assert same[3] == -1.0 and n_same[3] == 0.0  # a template of one


def test_plain_text_rows_have_no_template_columns() -> None:
    from pageparts.stack import TEXT_STACK_FEATURE_NAMES
    from pageparts.text import read_text

    page = decode("A first line of text.\nA second line of text.\n", Options(), kind="text")
    parsed = read_text(page, Options())
    X = featurize(parsed)
    S = stack_features(stack_context(parsed), X, np.full(len(X), 0.5))
    assert S.shape[1] == len(TEXT_STACK_FEATURE_NAMES)
