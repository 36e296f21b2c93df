"""Second-stage features: what the first block model thinks of a block's surroundings.

The first model scores each block from its own features and a fixed window of neighbours. A
block's label also depends on the *labels* around it: a short line inside a container whose
other blocks are all content is content; a paragraph-like line amid a run of menus is not. The
second model sees the first model's scores of the neighbours, of the enclosing containers and
of the page, beside the block's own features (:data:`STACK_NAMES` after
:data:`~pageparts.features.FEATURE_NAMES`). It is trained on out-of-fold first-stage scores, so
it learns how far to trust them on unseen sites.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, islice

import numpy as np
import numpy.typing as npt

from .blocks import ParsedPage
from .features import FEATURE_NAMES, TEXT_FEATURE_NAMES, log1p_counts

__all__ = ["STACK_FEATURE_NAMES", "STACK_NAMES", "TEMPLATE_NAMES", "TEXT_STACK_FEATURE_NAMES",
           "StackContext",
           "stack_context", "stack_feature_names", "stack_features"]

_OFFSETS = (-3, -2, -1, 1, 2, 3)
_WINDOWS = (2, 5, 15)

STACK_NAMES: tuple[str, ...] = (
    "s_self",
    *(f"s_n{o:+d}" for o in _OFFSETS),
    *(f"s_w{w}" for w in _WINDOWS),
    "s_c1",
    "s_c2",
    "s_c3",
    "s_c1_share",
    "s_page_mean",
    "s_page_max",
    "s_rank",
    "s_main_before",
    "s_gap_before",
    "s_gap_after",
)
#: HTML only: the first-stage scores of the page's other blocks made from the same template
#: (the same tag, and the same class/id tokens on the element and its parent): the items of a
#: list of teasers, the entries of a menu, the paragraphs of an article body.
TEMPLATE_NAMES: tuple[str, ...] = ("s_same", "s_same_n")
STACK_FEATURE_NAMES: tuple[str, ...] = (*FEATURE_NAMES, *STACK_NAMES, *TEMPLATE_NAMES)
TEXT_STACK_FEATURE_NAMES: tuple[str, ...] = (*TEXT_FEATURE_NAMES, *STACK_NAMES)


def stack_feature_names(kind: str) -> tuple[str, ...]:
    """The second model's columns for ``kind`` ("html" or "text") pages."""
    return TEXT_STACK_FEATURE_NAMES if kind == "text" else STACK_FEATURE_NAMES

_S = {n: i for i, n in enumerate(STACK_NAMES)}


@dataclass(frozen=True)
class StackContext:
    """What the second stage needs of a page besides the features: each block's length and
    the block ranges of its (up to three) innermost enclosing containers of two blocks or more
    (``-1`` where there is none)."""

    chars: npt.NDArray[np.float64]
    containers: npt.NDArray[np.int64]  # (n, 3, 2)
    #: HTML pages: each block's template (see :data:`TEMPLATE_NAMES`) as a small integer;
    #: None for plain text, whose rows have no template columns.
    templates: npt.NDArray[np.int64] | None = None


def stack_context(parsed: ParsedPage) -> StackContext:
    """The :class:`StackContext` of a segmented page."""
    blocks = parsed.blocks
    n = len(blocks)
    chars = np.fromiter(map(len, [b.text for b in blocks]), dtype=np.float64, count=n)
    cont = np.full((n, 3, 2), -1, dtype=np.int64)
    # the block alone says nothing more: only containers of two blocks or more count
    wide = {k: v for k, v in parsed.spans.items() if v[1] - v[0] >= 2}
    has = wide.__contains__
    rows = [[wide[a] for a in islice(filter(has, reversed(b.ancestors)), 3)] for b in blocks]
    lens = np.fromiter(map(len, rows), dtype=np.intp, count=n)
    found = int(lens.sum())
    if found:
        at = np.repeat(np.arange(n), lens)
        slot = np.arange(found) - np.repeat(np.cumsum(lens) - lens, lens)
        cont[at, slot] = np.fromiter(chain.from_iterable(chain.from_iterable(rows)),
                                     dtype=np.int64, count=2 * found).reshape(found, 2)
    templates = None
    if parsed.page.kind != "text":
        ids: dict[tuple[str, frozenset[str]], int] = {}
        templates = np.fromiter((ids.setdefault((b.tag, b.own_tokens), len(ids)) for b in blocks),
                                dtype=np.int64, count=n)
    return StackContext(chars, cont, templates)


def stack_features(
    ctx: StackContext, X: npt.NDArray[np.float32], p: npt.NDArray[np.float64],
    rows: npt.NDArray[np.bool_] | None = None,
) -> npt.NDArray[np.float32]:
    """The second model's rows: the block features ``X`` followed by the score context of
    first-stage scores ``p`` (one per block); only the blocks ``rows`` selects, if given (the
    context is still taken over the whole page)."""
    n = len(p)
    S = np.zeros((n, len(STACK_NAMES)), dtype=np.float32)
    if n == 0:
        return np.hstack([X, S])
    S[:, _S["s_self"]] = p
    for o in _OFFSETS:
        col = _S[f"s_n{o:+d}"]
        S[:, col] = -1.0  # no such neighbour
        if o < 0 and n > -o:
            S[-o:, col] = p[: n + o]
        elif o > 0 and n > o:
            S[: n - o, col] = p[o:]
    cum = np.concatenate(([0.0], np.cumsum(p)))
    idx = np.arange(n)
    for w in _WINDOWS:
        lo = np.maximum(idx - w, 0)
        hi = np.minimum(idx + w + 1, n)
        S[:, _S[f"s_w{w}"]] = (cum[hi] - cum[lo]) / (hi - lo)
    chars = ctx.chars
    main = p >= 0.5
    cum_pc = np.concatenate(([0.0], np.cumsum(p * chars)))
    cum_c = np.concatenate(([0.0], np.cumsum(chars)))
    cum_main = np.concatenate(([0], np.cumsum(main)))
    for k in range(3):
        a = ctx.containers[:, k, 0]
        z = ctx.containers[:, k, 1]
        has = a >= 0
        a0, z0 = np.where(has, a, 0), np.where(has, z, 0)
        c = cum_c[z0] - cum_c[a0]
        mean = np.where(c > 0, (cum_pc[z0] - cum_pc[a0]) / np.maximum(c, 1.0), p)
        S[:, _S["s_c1"] + k] = np.where(has, mean, -1.0)
        if k == 0:
            share = (cum_main[z0] - cum_main[a0]) / np.maximum(z0 - a0, 1)
            S[:, _S["s_c1_share"]] = np.where(has, share, -1.0)
    S[:, _S["s_page_mean"]] = float(p.mean())
    S[:, _S["s_page_max"]] = float(p.max())
    order = np.argsort(-p, kind="stable")
    rank = np.empty(n)
    rank[order] = np.arange(n)
    S[:, _S["s_rank"]] = rank / n
    main_chars = np.where(main, chars, 0.0)
    total_main = float(main_chars.sum())
    S[:, _S["s_main_before"]] = (
        (np.cumsum(main_chars) - main_chars) / total_main if total_main else -1.0)
    S[:, _S["s_gap_before"]] = _gaps(main, reverse=False)
    S[:, _S["s_gap_after"]] = _gaps(main, reverse=True)
    parts = [X, S] if ctx.templates is None else [X, S, _template_columns(ctx.templates, p, chars)]
    return np.hstack(parts if rows is None else [part[rows] for part in parts])


def _template_columns(templates: npt.NDArray[np.int64], p: npt.NDArray[np.float64],
                      chars: npt.NDArray[np.float64]) -> npt.NDArray[np.float32]:
    """:data:`TEMPLATE_NAMES` of every block: the length-weighted mean first-stage score of the
    other blocks of its template (-1 where it has none) and log(1 + their number)."""
    k = int(templates.max()) + 1
    w = np.maximum(chars, 1.0)
    count = np.bincount(templates, minlength=k)[templates] - 1
    weight = np.bincount(templates, weights=w, minlength=k)[templates] - w
    scored = np.bincount(templates, weights=w * p, minlength=k)[templates] - w * p
    out = np.empty((len(p), 2), dtype=np.float32)
    out[:, 0] = np.where(count > 0, scored / np.maximum(weight, 1e-9), -1.0)
    out[:, 1] = log1p_counts(count)
    return out


def _gaps(main: npt.NDArray[np.bool_], *, reverse: bool) -> npt.NDArray[np.float64]:
    """log(1 + blocks to the nearest first-stage content block before (or after) each block);
    -1 where there is none."""
    n = len(main)
    if not n:
        return np.zeros(0)
    idx = np.arange(n)
    if reverse:  # the nearest content block after each block
        nxt = np.minimum.accumulate(np.where(main, idx, n)[::-1])[::-1]
        other = np.append(nxt[1:], n)
        dist, has = other - idx, other < n
    else:
        prev = np.maximum.accumulate(np.where(main, idx, -1))
        other = np.insert(prev[:-1], 0, -1)
        dist, has = idx - other, other >= 0
    return np.where(has, log1p_counts(np.where(has, dist, 0)), -1.0)
