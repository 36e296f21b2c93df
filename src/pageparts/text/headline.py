"""The headline of a plain-text page, chosen by a learned model among candidate lines.

Plain text has no ``<h1>`` and no ``<title>``: the headline is one of the short lines near the
top or just above where the prose begins. :func:`candidates` lists those lines (the first
:data:`FIRST` blocks, and :data:`BEFORE` blocks above the prose to :data:`AFTER` below its
start) with what the layout says of each: where it sits, its size and case, whether it reads
like a sentence, a menu entry or a price, whether the page repeats it, how many of its words the
first paragraphs use, its neighbours, and the score the headline rule of :mod:`.roles` gives it.
The ``text_headline`` model (trained by ``pageparts train --kind text`` on the packs' gold
titles, see :func:`pageparts.train.fit.fit_models`) scores each candidate; the best one is the
page's headline. Without the model the rule's choice stands.

The block model's features are computed with the rule's headline (as it was trained); the
learned choice is what the Document reports as its title and labels ``title``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..blocks import RawBlock
from ..furniture import text_kind
from .roles import _BYLINE, Facts, _body_words, body_start, title_scores

__all__ = ["HEADLINE_FEATURE_NAMES", "Headlines", "candidates", "choose"]

#: Blocks at the top of the page that are always candidates.
FIRST = 30
#: Blocks above the start of the prose (and below it) that are candidates.
BEFORE = 60
AFTER = 3
#: Longer lines are not headlines.
MAX_CHARS = 300

HEADLINE_FEATURE_NAMES = (
    "h_index", "h_rel_index", "h_to_prose", "h_words", "h_chars", "h_head", "h_prose",
    "h_sentence_end", "h_colon_end", "h_capitalised", "h_upper", "h_shared", "h_repeats",
    "h_furniture_words", "h_bullet", "h_indent", "h_digits", "h_separator", "h_prev_head",
    "h_prev_prose", "h_prev_words", "h_next_head", "h_next_prose", "h_next_words",
    "h_next_byline", "h_heads_above", "h_blocks", "h_shared_words", "h_rule_score",
    "h_rule_pick", "h_footer_words", "h_price", "h_comment",
)

_FOOTER_WORDS = re.compile(r"^(?:about(?: us| me)?|contact(?: us)?|imprint|impressum|sitemap|"
                           r"careers|jobs|faq|help|menu|home|search|log ?in|sign ?in|sign up|"
                           r"subscribe|newsletter|privacy policy|terms\b.*)\W*$", re.IGNORECASE)
_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?[$€£¥]|\b(?:usd|eur|gbp)\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s[|–—-]\s|\s»\s|\s›\s")


@dataclass(frozen=True, slots=True)
class Headlines:
    """A page's candidate headline lines: their block indices and feature rows."""

    index: tuple[int, ...]
    X: npt.NDArray[np.float32]
    rule: int | None  # the rule's headline (its first showing), or None
    shown: tuple[int, ...] = ()  # each candidate's first showing as a heading-like line


def candidates(blocks: list[RawBlock], f: Facts, rule: int | None) -> Headlines:
    """The candidate lines of a segmented page and their features."""
    n = len(blocks)
    start = body_start(f, blocks)
    to = start if start is not None else n
    body = _body_words(blocks, f, start) if start is not None else set()
    rule_scores = title_scores(blocks, f, start, body) if start is not None else {}
    counts = Counter(f.norm)
    first: dict[str, int] = {}
    for j, key in enumerate(f.norm):
        if f.head[j] and key:
            first.setdefault(key, j)
    picked = rule if rule is None else f.norm[rule]
    index: list[int] = []
    shown: list[int] = []
    rows: list[list[float]] = []
    heads_above = 0
    span = set(range(min(n, FIRST))) | set(range(max(0, to - BEFORE), min(n, to + AFTER)))
    for i in sorted(span):
        b = blocks[i]
        t = b.text
        if i:
            heads_above += f.head[i - 1]
        if not t.strip() or len(t) > MAX_CHARS:
            continue
        key = f.norm[i]
        content = {w for w in key.split() if len(w) >= 4}
        shared = len(content & body)
        words = t.split()
        nxt = i + 1 < n
        rows.append([
            i, i / n, to - i, f.words[i], len(t), f.head[i], f.prose[i],
            t[-1:] in ".!?", t[-1:] == ":",
            sum([w[:1].isupper() for w in words]) / max(1, len(words)), t.isupper(),
            shared / len(content) if content else 0.0, counts[key] if key else 0,
            text_kind(t) is not None, b.bullet is not None, b.indent,
            sum(map(str.isdigit, t)) / len(t), _SEPARATOR.search(t) is not None,
            f.head[i - 1] if i else -1, f.prose[i - 1] if i else -1,
            f.words[i - 1] if i else -1,
            f.head[i + 1] if nxt else -1, f.prose[i + 1] if nxt else -1,
            f.words[i + 1] if nxt else -1,
            nxt and _BYLINE.match(blocks[i + 1].text) is not None, heads_above, n, shared,
            rule_scores.get(i, -9.0), picked is not None and key == picked,
            _FOOTER_WORDS.match(t.strip()) is not None, _PRICE.search(t) is not None,
            "comment" in b.extra,
        ])
        index.append(i)
        shown.append(first.get(key, i) if f.head[i] else i)
    X = np.array(rows, dtype=np.float32).reshape(len(rows), len(HEADLINE_FEATURE_NAMES))
    return Headlines(tuple(index), X, rule, tuple(shown))


def choose(scores: npt.NDArray[np.float64], heads: Headlines) -> int | None:
    """The headline block given the model's score of each candidate: the best candidate's
    first showing on the page (or the rule's headline when there is no candidate)."""
    if not heads.index:
        return heads.rule
    return heads.shown[int(np.argmax(scores))]
