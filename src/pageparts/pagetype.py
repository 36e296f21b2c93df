"""Page-level features and the page type: article, forum, product, collection, listing,
documentation or service. The type changes what counts as main content (forum posts are)."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from ._document import PAGE_TYPES
from .features import FEATURE_NAMES
from .html.signals import SIGNAL_NAMES
from .urlshape import URL_SHAPE_NAMES

__all__ = ["PAGE_FEATURE_NAMES", "page_features", "without_address"]

_F = {n: i for i, n in enumerate(FEATURE_NAMES)}
_MEANS = ("log_chars", "link_density", "stop_ratio", "ends_sentence", "digit_ratio",
          "money_like", "date_like", "tag_li", "tag_tr", "tag_h2", "tag_h3", "tag_pre",
          "tag_blockquote", "repeats", "far_comment", "far_product", "far_price", "far_forum",
          "far_post", "far_reply", "far_user", "far_card", "far_item", "far_list", "far_grid",
          "far_article", "far_code", "far_toc", "far_nav", "lm_article", "lm_form", "lm_table",
          "lm_li", "comment_thread", "post_thread")
_MAIN = ("log_chars", "link_density", "stop_ratio", "tag_li", "tag_tr", "tag_h2", "tag_h3",
         "tag_pre", "money_like", "date_like", "repeats")
#: Further means over all blocks and over the main ones, and blocks counted (log of the sum of
#: a column): how much of the page is cards, teasers, pagers, questions, calls to action.
_MEANS_2 = ("cta_words", "you_ratio", "byline_like", "far_teaser", "far_tile", "far_pager",
            "far_pagination", "far_rating", "far_review", "far_cart", "far_question",
            "far_answer", "far_thread", "far_author", "far_date", "far_sidebar", "far_menu",
            "far_blog", "far_story", "far_entry", "far_related", "far_breadcrumb", "lm_nav",
            "lm_aside", "lm_section", "lm_button", "lm_dl", "tag_td", "tag_dt", "tag_h4",
            "n_images", "in_main_container")
_MAIN_2 = ("ends_sentence", "cta_words", "you_ratio", "byline_like", "position", "far_card",
           "far_post", "far_product", "n_images")
_COUNTS = ("date_like", "money_like", "byline_like", "tag_h2", "tag_h3", "far_card",
           "far_item", "far_product", "far_post", "tag_li")

PAGE_FEATURE_NAMES: tuple[str, ...] = (
    *SIGNAL_NAMES,
    *URL_SHAPE_NAMES,
    *(f"mean_{c}" for c in _MEANS),
    *(f"main_{c}" for c in _MAIN),
    "log_blocks", "log_chars_total", "main_share_blocks", "main_share_chars", "log_main_blocks",
    "n_comments_log",
    *(f"mean_{c}" for c in _MEANS_2),
    *(f"main_{c}" for c in _MAIN_2),
    *(f"count_{c}" for c in _COUNTS),
)


#: The columns that come from the page's address: what a page read without one lacks.
_ADDRESS_COLS = [PAGE_FEATURE_NAMES.index(n) for n in (
    *URL_SHAPE_NAMES, *(n for n in SIGNAL_NAMES if n.startswith("u_")))]


def without_address(rows: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """The same page rows as they would be had the pages been read without their address (the
    page-type model learns from both, so a file read with no URL is not out of its range)."""
    out = rows.copy()
    out[:, _ADDRESS_COLS] = 0.0
    return out


def page_features(signals: dict[str, float], X: npt.NDArray[np.float32],
                  p: npt.NDArray[np.float64], n_comments: int) -> npt.NDArray[np.float32]:
    """One row describing the page, from its signals, its block features and block scores."""
    row = np.zeros((1, len(PAGE_FEATURE_NAMES)), dtype=np.float32)
    r = row[0]
    k = 0
    for name in (*SIGNAL_NAMES, *URL_SHAPE_NAMES):
        r[k] = signals.get(name, 0.0)
        k += 1
    n = X.shape[0]
    for c in _MEANS:
        r[k] = float(X[:, _F[c]].mean()) if n else 0.0
        k += 1
    main = p >= 0.5 if n else np.zeros(0, dtype=bool)
    m = int(main.sum())
    for c in _MAIN:
        r[k] = float(X[main, _F[c]].mean()) if m else 0.0
        k += 1
    chars = np.expm1(X[:, _F["log_chars"]]) if n else np.zeros(0)
    total = float(chars.sum()) or 1.0
    r[k] = math.log1p(n)
    r[k + 1] = math.log1p(total)
    r[k + 2] = m / n if n else 0.0
    r[k + 3] = float(chars[main].sum()) / total if n else 0.0
    r[k + 4] = math.log1p(m)
    r[k + 5] = math.log1p(n_comments)
    k += 6
    for c in _MEANS_2:
        r[k] = float(X[:, _F[c]].mean()) if n else 0.0
        k += 1
    for c in _MAIN_2:
        r[k] = float(X[main, _F[c]].mean()) if m else 0.0
        k += 1
    for c in _COUNTS:
        r[k] = math.log1p(float(X[:, _F[c]].sum())) if n else 0.0
        k += 1
    return row


def decode_page_type(probs: npt.NDArray[np.float64], classes: tuple[str, ...]) -> str:
    if probs.ndim == 2:
        probs = probs[0]
    return classes[int(np.argmax(probs))] if classes else PAGE_TYPES[int(np.argmax(probs))]
