"""Labelled-block features: one row per block, from the block itself and its neighbours.

Shared by the HTML and the text path (columns a path cannot know stay 0). Column order is the
model's contract: :data:`FEATURE_NAMES` is written into every model file and checked on load.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from .blocks import ParsedPage
from .html.segment import LANDMARKS
from .html.vocab import VOCAB

__all__ = ["FEATURE_NAMES", "featurize"]

_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "tr", "td", "blockquote", "pre", "figcaption",
         "dt", "line")
_TAG_INDEX = {t: i for i, t in enumerate(_TAGS)}
_TAG_INDEX.update({"h5": _TAG_INDEX["h4"], "h6": _TAG_INDEX["h4"], "dd": _TAG_INDEX["dt"],
                   "summary": _TAG_INDEX["dt"]})
_LANDMARK_LIST = tuple(sorted(LANDMARKS))
_VOCAB = tuple(sorted(set(VOCAB)))

# A few hundred function words of the languages most common on the web: prose is full of them,
# menus and buttons are not.
_STOP = frozenset("""
a about after all also an and any are as at be because been but by can could did do does for
from had has have he her his how i if in into is it its just more most my no not of on one or
our out over so some such than that the their them then there these they this to up was we
were what when which who will with would you your
der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im auch es an
als wie wir sie er ich aus bei nach noch nur oder so über um wenn wird werden hat haben
le la les des un une et est du en que qui pour dans sur pas plus par au ce il elle avec
el los las del y es que en un una por con para no se lo como más pero su al
il di che non per una sono della con del gli le nel alla
de het een en van is dat op te zijn niet met voor
""".split())
_WORD = re.compile(r"\w+")
_SENT_END = re.compile(r"[.!?。！？](?:\s|$)")
_DATE = re.compile(
    r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|"
    r"\d{1,2}\.? (?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.? \d{4}|"
    r"\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|written by|posted by|author:?)\s", re.I)
_CREDIT = re.compile(r"(?:source|credit|photo|image|foto|bild|quelle)\s*:|©|\(c\)|/\s*getty|@\w",
                     re.I)
_DIGITS = re.compile(r"\d")
_UPPERS = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ]")
_NONLETTER = re.compile(r"[\W\d_]+")
_PUNCT = ".,;:!?\"'()[]«»“”‘’"
_ENDINGS = frozenset(".!?:\"”’»)")
_MONEY = re.compile(r"^[\s$€£]*\d[\d,. ]*\s*[$€£]?\s*$")

_BASE = [
    "log_chars", "log_words", "link_density", "log_links", "punct_ratio", "ends_sentence",
    "digit_ratio", "upper_ratio", "avg_word_len", "n_sentences", "copyright", "pipes",
    "starts_upper", "titlecase_ratio", "stop_ratio", "date_like", "byline_like", "credit_like",
    "money_like", "depth", "dom_depth", "n_images", "position", "char_position", "text_share",
    "repeats", "title_sim", "title_exact", "n_lines", "indent", "bullet", "blank_before",
    "numbered", "in_main_container", "comment_thread",
    "c1_log_chars", "c1_link_density", "c1_log_blocks",
    "c2_log_chars", "c2_link_density", "c2_log_blocks",
    "c3_log_chars", "c3_link_density", "c3_log_blocks",
]
_NEIGHBOUR_COLS = ("log_chars", "link_density", "stop_ratio", "ends_sentence")
_OFFSETS = (-3, -2, -1, 1, 2, 3)

FEATURE_NAMES: tuple[str, ...] = (
    *_BASE,
    *(f"tag_{t}" for t in _TAGS),
    *(f"lm_{t}" for t in _LANDMARK_LIST),
    *(f"near_{v}" for v in _VOCAB),
    *(f"far_{v}" for v in _VOCAB),
    *(f"n{o:+d}_{c}" for o in _OFFSETS for c in _NEIGHBOUR_COLS),
    *(f"w{w}_{c}" for w in (5, 15) for c in ("log_chars", "link_density", "stop_ratio")),
    "n_blocks_log", "page_log_chars",
)
_COL = {n: i for i, n in enumerate(FEATURE_NAMES)}
_N_BASE = len(_BASE)
_TAG0 = _COL["tag_p"]
_LM0 = _COL[f"lm_{_LANDMARK_LIST[0]}"]
_NEAR0 = _COL[f"near_{_VOCAB[0]}"]
_FAR0 = _COL[f"far_{_VOCAB[0]}"]
_LM_INDEX = {"@" + t: i for i, t in enumerate(_LANDMARK_LIST)}
_VOCAB_INDEX = {v: i for i, v in enumerate(_VOCAB)}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _title_similarity(words: list[str], title_words: set[str]) -> float:
    if not words or not title_words:
        return 0.0
    ws = set(words)
    return len(ws & title_words) / len(ws | title_words)


def _containers(parsed: ParsedPage, chars: npt.NDArray[np.float64],
                links: npt.NDArray[np.float64]) -> tuple[
                    dict[int, tuple[float, float, float]], tuple[int, int] | None]:
    """Per element holding blocks: (chars, link density, blocks); and the block range of the
    main text container, the smallest element holding 60% of the long, link-poor text."""
    n = len(chars)
    cum_c = np.concatenate(([0.0], np.cumsum(chars)))
    cum_l = np.concatenate(([0.0], np.cumsum(links)))
    long_text = np.where((chars >= 80) & (links < 0.3 * chars), chars, 0.0)
    cum_long = np.concatenate(([0.0], np.cumsum(long_text)))
    total_long = cum_long[-1]
    stats: dict[int, tuple[float, float, float]] = {}
    main: tuple[int, int] | None = None
    best = n + 1
    need = 0.6 * total_long
    for mem_id, (a, b) in parsed.spans.items():
        c = cum_c[b] - cum_c[a]
        stats[mem_id] = (math.log1p(c), (cum_l[b] - cum_l[a]) / c if c else 0.0,
                         math.log1p(b - a))
        if total_long and b - a < best and cum_long[b] - cum_long[a] >= need:
            best, main = b - a, (a, b)
    return stats, main


def featurize(parsed: ParsedPage) -> npt.NDArray[np.float32]:
    """The feature matrix of a segmented page: ``len(parsed.blocks)`` rows × FEATURE_NAMES."""
    blocks = parsed.blocks
    n = len(blocks)
    X = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float32)
    if n == 0:
        return X
    title_words = set(_words(parsed.meta.title or ""))
    title_norm = " ".join(_words(parsed.meta.title or ""))
    texts = [b.text for b in blocks]
    counts = Counter(texts)
    chars = np.fromiter((len(t) for t in texts), dtype=np.float64, count=n)
    links = np.fromiter((b.link_chars for b in blocks), dtype=np.float64, count=n)
    total_chars = float(chars.sum()) or 1.0
    stats, main = _containers(parsed, chars, links)
    base: list[tuple[float, ...]] = []
    hot_rows: list[int] = []
    hot_cols: list[int] = []
    digits, uppers, letters_rx, sent_end = _DIGITS.findall, _UPPERS.findall, _NONLETTER.sub, \
        _SENT_END.findall
    for i, b in enumerate(blocks):
        text = texts[i]
        nc = len(text)
        words = text.lower().split()
        nw = len(words)
        sample = text[:100]  # ratios are statistics: a sample is enough and bounds the cost
        ns = len(sample) or 1
        n_letters = len(letters_rx("", sample)) or 1
        head = words[:50]
        stop = (sum(1 for w in head if w.strip(_PUNCT) in _STOP) / len(head)) if head else 0.0
        short = nc < 300
        if short:
            raw_words = text.split()
            titlecase = sum(1 for w in raw_words if w[:1].isupper()) / (len(raw_words) or 1)
            date_like = 1.0 if _DATE.search(text) else 0.0
            byline = 1.0 if _BYLINE.match(text) else 0.0
            credit = 1.0 if _CREDIT.search(text) else 0.0
            money = 1.0 if _MONEY.match(text) else 0.0
            if title_words:
                tw = _words(text)
                title_sim = _title_similarity(tw, title_words)
                title_exact = 1.0 if " ".join(tw) == title_norm else 0.0
            else:
                title_sim = title_exact = 0.0
        else:
            sw = sample.split()
            titlecase = sum(1 for w in sw if w[:1].isupper()) / (len(sw) or 1)
            date_like = byline = credit = money = title_sim = title_exact = 0.0
        anc = b.ancestors
        c = [0.0] * 9
        for k in range(min(3, len(anc))):
            st = stats.get(anc[-1 - k])
            if st is not None:
                c[3 * k], c[3 * k + 1], c[3 * k + 2] = st
        bullet = b.bullet or ""
        base.append((
            math.log1p(nc), math.log1p(nw), min(b.link_chars / nc, 1.0) if nc else 0.0,
            math.log1p(b.n_links),
            (sample.count(".") + sample.count(",") + sample.count(";") + sample.count(":")
             + sample.count("!") + sample.count("?")) / ns,
            1.0 if text[-1:] in _ENDINGS else 0.0,
            len(digits(sample)) / ns, len(uppers(sample)) / n_letters,
            (nc - nw + 1) / nw if nw else 0.0,
            len(sent_end(text, 0, 3000)),
            1.0 if ("©" in text or "opyright" in text) else 0.0,
            text.count("|"), 1.0 if text[:1].isupper() else 0.0, titlecase, stop, date_like,
            byline, credit, money, b.depth, b.dom_depth, b.n_images,
            0.0, 0.0, 0.0,  # positions, filled below
            counts[text] - 1, title_sim, title_exact, b.n_lines, b.indent,
            1.0 if bullet else 0.0, b.blank_before, 1.0 if bullet[:1].isdigit() else 0.0,
            0.0,  # in the main container, filled below
            1.0 if "comment" in b.extra else 0.0,
            *c,
        ))
        t = _TAG_INDEX.get(b.tag)
        if t is not None:
            hot_rows.append(i)
            hot_cols.append(_TAG0 + t)
        cols = _token_columns(b.tokens, b.own_tokens)
        if cols:
            hot_rows.extend([i] * len(cols))
            hot_cols.extend(cols)
    X[:, :_N_BASE] = np.array(base, dtype=np.float32)
    if hot_rows:
        X[hot_rows, hot_cols] = 1.0
    idx = np.arange(n)
    X[:, 22] = idx / n
    X[:, 23] = (np.cumsum(chars) - chars) / total_chars
    X[:, 24] = chars / total_chars
    if main is not None:
        X[main[0] : main[1], 33] = 1.0
    _neighbours(X)
    X[:, _COL["n_blocks_log"]] = math.log1p(n)
    X[:, _COL["page_log_chars"]] = math.log1p(total_chars)
    return X


@lru_cache(maxsize=1 << 14)
def _token_columns(tokens: frozenset[str], own: frozenset[str]) -> list[int]:
    """Feature columns set by a block's vocabulary (pure; memoised: blocks share token sets)."""
    cols = []
    for tok in tokens:
        j = _LM_INDEX.get(tok)
        if j is not None:
            cols.append(_LM0 + j)
        else:
            j = _VOCAB_INDEX.get(tok)
            if j is not None:
                cols.append(_FAR0 + j)
    for tok in own:
        j = _VOCAB_INDEX.get(tok)
        if j is not None:
            cols.append(_NEAR0 + j)
    return cols


def _neighbours(X: npt.NDArray[np.float32]) -> None:
    n = X.shape[0]
    src = [_COL[c] for c in _NEIGHBOUR_COLS]
    for o in _OFFSETS:
        dst = [_COL[f"n{o:+d}_{c}"] for c in _NEIGHBOUR_COLS]
        if o < 0 and n > -o:
            X[-o:, dst] = X[: n + o, src]
        elif o > 0 and n > o:
            X[: n - o, dst] = X[o:, src]
    for w in (5, 15):
        for c in ("log_chars", "link_density", "stop_ratio"):
            col = X[:, _COL[c]].astype(np.float64)
            cs = np.concatenate(([0.0], np.cumsum(col)))
            idx = np.arange(n)
            lo = np.maximum(idx - w, 0)
            hi = np.minimum(idx + w + 1, n)
            X[:, _COL[f"w{w}_{c}"]] = (cs[hi] - cs[lo]) / (hi - lo)
