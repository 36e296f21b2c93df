"""Labelled-block features: one row per block, from the block itself and its neighbours.

Shared by the HTML and the text path (columns a path cannot know stay 0). Column order is the
model's contract: :data:`FEATURE_NAMES` is written into every model file and checked on load.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from .blocks import ParsedPage
from .html.segment import LANDMARKS
from .html.vocab import VOCAB

__all__ = ["FEATURE_NAMES", "featurize"]

_TAGS = (
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "li",
    "tr",
    "td",
    "blockquote",
    "pre",
    "figcaption",
    "dt",
    "line",
)
_TAG_INDEX = {t: i for i, t in enumerate(_TAGS)}
_TAG_INDEX.update(
    {
        "h5": _TAG_INDEX["h4"],
        "h6": _TAG_INDEX["h4"],
        "dd": _TAG_INDEX["dt"],
        "summary": _TAG_INDEX["dt"],
    }
)
_LANDMARK_LIST = tuple(sorted(LANDMARKS))
_VOCAB = tuple(sorted(set(VOCAB)))

# Function words (data/stopwords.txt): prose is full of them, menus and buttons are not.
_STOP = frozenset(
    line.strip()
    for line in resources.files("pageparts").joinpath("data", "stopwords.txt").open(
        encoding="utf-8"
    )
    if line.strip() and not line.startswith("#")
)
_WORD = re.compile(r"\w+")
_SENT_END = re.compile(r"[.!?。！？](?:\s|$)")
_DATE = re.compile(
    r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|"
    r"\d{1,2}\.? (?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)"
    r"[a-zä]*\.? \d{4}|"
    r"\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|written by|posted by|author:?)\s", re.I)
_CREDIT = re.compile(
    r"(?:source|credit|photo|image|foto|bild|quelle)\s*:|©|\(c\)|/\s*getty|@\w", re.I
)
_PUNCT_CODES = np.array([ord(c) for c in ".,;:!?"], dtype=np.uint32)
_STOP_CODES = np.array([ord(c) for c in ".!?。！？"], dtype=np.uint32)
_ENDING_CODES = np.array([ord(c) for c in '.!?:"”’»)'], dtype=np.uint32)
_TITLECASE = re.compile(r"(?:^|\s)[A-ZÀ-ÖØ-ÞА-ЯЁ]")
_BYLINE_FIRST = frozenset("BbVvPpDdWwAa")
# What calls to action and legal notices say, in the languages of the packs: the words carry the
# signal where a plain-text page has no class names (a donation appeal reads like prose).
_CTA = re.compile(
    r"\b(?:subscrib\w*|sign (?:up|in)|log ?in|register|newsletter|donat\w*|support(?:ing)? us|"
    r"help(?:ing)? us|consider|become a (?:member|patron|subscriber|supporter)|join (?:us|now|our)|"
    r"follow us|share (?:this|on|via)|click here|read more|learn more|continue reading|"
    r"download|buy now|shop now|order now|add to (?:cart|basket)|contact us|"
    r"get (?:started|the app)|free trial|abonn\w*|anmelden|registrier\w*|spende\w*|"
    r"unterstütz\w*|jetzt|weiterlesen|"
    r"mehr (?:lesen|erfahren)|inscri\w*|suscrib\w*|regístr\w*|dona\w*|apoya\w*|soutenir|"
    r"faire un don)\b",
    re.IGNORECASE,
)
_LEGAL = re.compile(
    r"\b(?:cookies?|privacy|terms (?:of|and)|consent|gdpr|all rights reserved|datenschutz\w*|"
    r"impressum|nutzungsbedingungen|mentions légales|confidentialité|política de privacidad|"
    r"aviso legal)\b",
    re.IGNORECASE,
)
# One scan of the lower-cased text for both (2.8x faster than two case-insensitive scans; same
# counts on 38,000 pack blocks).
_CUES = re.compile(f"(?P<c>{_CTA.pattern})|(?P<l>{_LEGAL.pattern})")
_YOU = frozenset([
    "you", "your", "yours", "yourself", "yourselves", "du", "dich", "dir", "dein", "deine",
    "deinen", "deiner", "euch", "euer", "eure", "vous", "votre", "vos", "tu", "toi", "ton", "ta",
    "tes", "usted", "ustedes", "tú",
])
_MONEY = re.compile(r"^[\s$€£]*\d[\d,. ]*\s*[$€£]?\s*$")

_BASE = [
    "log_chars",
    "log_words",
    "link_density",
    "log_links",
    "punct_ratio",
    "ends_sentence",
    "digit_ratio",
    "upper_ratio",
    "avg_word_len",
    "n_sentences",
    "copyright",
    "pipes",
    "starts_upper",
    "titlecase_ratio",
    "stop_ratio",
    "date_like",
    "byline_like",
    "credit_like",
    "money_like",
    "cta_words",
    "legal_words",
    "you_ratio",
    "depth",
    "dom_depth",
    "n_images",
    "position",
    "char_position",
    "text_share",
    "repeats",
    "title_sim",
    "title_exact",
    "n_lines",
    "indent",
    "bullet",
    "blank_before",
    "numbered",
    "in_main_container",
    "comment_thread",
    "post_thread",
    "c1_log_chars",
    "c1_link_density",
    "c1_log_blocks",
    "c2_log_chars",
    "c2_link_density",
    "c2_log_blocks",
    "c3_log_chars",
    "c3_link_density",
    "c3_log_blocks",
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
    "n_blocks_log",
    "page_log_chars",
)
_COL = {n: i for i, n in enumerate(FEATURE_NAMES)}
#: The base columns filled block by block in Python (the others are vectorised).
_ROW_COLS = [_COL[c] for c in (
    "log_links", "copyright", "titlecase_ratio", "stop_ratio", "date_like", "byline_like",
    "credit_like", "money_like", "cta_words", "legal_words", "you_ratio", "depth", "dom_depth",
    "n_images", "repeats", "title_sim",
    "title_exact", "n_lines", "indent", "bullet", "blank_before", "numbered", "comment_thread",
    "post_thread",
    "c1_log_chars", "c1_link_density", "c1_log_blocks", "c2_log_chars", "c2_link_density",
    "c2_log_blocks", "c3_log_chars", "c3_link_density", "c3_log_blocks",
)]
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


def _containers(
    parsed: ParsedPage, chars: npt.NDArray[np.float64], links: npt.NDArray[np.float64]
) -> tuple[dict[int, tuple[float, float, float]], tuple[int, int] | None]:
    """Per element holding blocks: (log chars, link density, log blocks); and the block range
    of the main text container, the smallest element holding 60% of the long, link-poor text."""
    cum_c = [0.0, *np.cumsum(chars).tolist()]
    cum_l = [0.0, *np.cumsum(links).tolist()]
    long_text = np.where((chars >= 80) & (links < 0.3 * chars), chars, 0.0)
    cum_long = [0.0, *np.cumsum(long_text).tolist()]
    need = 0.6 * cum_long[-1]
    stats: dict[int, tuple[float, float, float]] = {}
    main: tuple[int, int] | None = None
    best = len(chars) + 1
    log1p = math.log1p
    for mem_id, (a, b) in parsed.spans.items():
        c = cum_c[b] - cum_c[a]
        stats[mem_id] = (log1p(c), (cum_l[b] - cum_l[a]) / c if c else 0.0, log1p(b - a))
        if need and b - a < best and cum_long[b] - cum_long[a] >= need:
            best, main = b - a, (a, b)
    return stats, main


def _char_stats(texts: list[str]) -> npt.NDArray[np.float64]:
    """Character statistics of every block at once, over the page's text as one array of code
    points: words, digits, upper-case and other letters, punctuation, sentence ends, pipes, and
    the classes of each block's first and last character. Returns an (n, 9) array."""
    n = len(texts)
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=n)
    starts = np.concatenate(([0], np.cumsum(lens + 1)[:-1]))
    arr = np.frombuffer(" ".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    space = (arr == 32) | (arr == 10) | (arr == 9)
    nonspace = ~space
    word_start = nonspace.copy()
    word_start[1:] &= space[:-1]
    digit = (arr >= 48) & (arr <= 57)
    upper = ((arr >= 65) & (arr <= 90)) | ((arr >= 0xC0) & (arr <= 0xDE) & (arr != 0xD7)) | (
        (arr >= 0x410) & (arr <= 0x42F)
    )
    lower = ((arr >= 97) & (arr <= 122)) | ((arr >= 0xDF) & (arr <= 0x24F) & (arr != 0xF7)) | (
        (arr >= 0x430) & (arr <= 0x45F)
    )
    punct = np.isin(arr, _PUNCT_CODES)
    stop = np.isin(arr, _STOP_CODES)
    sent_end = np.zeros_like(stop)
    sent_end[:-1] = stop[:-1] & space[1:]
    pipe = arr == 124
    cols = np.stack([word_start, digit, upper, upper | lower, punct, sent_end, pipe], axis=1)
    sums = np.add.reduceat(cols.astype(np.int32), starts, axis=0).astype(np.float64)
    empty = lens == 0
    sums[empty] = 0.0  # reduceat gives the next block's first row for an empty slice
    out = np.zeros((n, 9))
    out[:, :7] = sums
    last = np.clip(starts + lens - 1, 0, len(arr) - 1)
    out[:, 7] = np.where(empty, 0.0, np.isin(arr[last], _ENDING_CODES))
    out[:, 8] = np.where(empty, 0.0, upper[np.clip(starts, 0, len(arr) - 1)])
    return out


def featurize(parsed: ParsedPage) -> npt.NDArray[np.float32]:
    """The feature matrix of a segmented page: ``len(parsed.blocks)`` rows × FEATURE_NAMES."""
    blocks = parsed.blocks
    n = len(blocks)
    X = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float32)
    if n == 0:
        return X
    title_words = set(_words(parsed.meta.title or ""))
    title_norm = " ".join(title_words and _words(parsed.meta.title or ""))
    title_len = len(parsed.meta.title or "")
    title_lo, title_hi = title_len // 3, 2 * title_len + 20  # only such blocks can match it
    texts = [b.text for b in blocks]
    counts = Counter(texts)
    cs = _char_stats(texts)
    chars = np.fromiter((len(t) for t in texts), dtype=np.float64, count=n)
    links = np.fromiter((b.link_chars for b in blocks), dtype=np.float64, count=n)
    total_chars = float(chars.sum()) or 1.0
    stats, main = _containers(parsed, chars, links)
    safe = np.maximum(chars, 1.0)
    nw = cs[:, 0]
    X[:, 0] = np.log1p(chars)
    X[:, 1] = np.log1p(nw)
    X[:, 2] = np.minimum(links / safe, 1.0)
    X[:, 4] = cs[:, 4] / safe
    X[:, 5] = cs[:, 7]
    X[:, 6] = cs[:, 1] / safe
    X[:, 7] = cs[:, 2] / np.maximum(cs[:, 3], 1.0)
    X[:, 8] = (chars - nw + 1) / np.maximum(nw, 1.0)
    X[:, 9] = cs[:, 5]
    X[:, 11] = cs[:, 6]
    X[:, 12] = cs[:, 8]
    X[:, _COL["position"]] = np.arange(n) / n
    X[:, _COL["char_position"]] = (np.cumsum(chars) - chars) / total_chars
    X[:, _COL["text_share"]] = chars / total_chars
    if main is not None:
        X[main[0] : main[1], _COL["in_main_container"]] = 1.0
    rows: list[tuple[float, ...]] = []
    hot_rows: list[int] = []
    hot_cols: list[int] = []
    stop_words = _STOP.__contains__
    for i, b in enumerate(blocks):
        text = texts[i]
        nc = len(text)
        head = text[:400].lower().split()[:50]
        stop = sum(map(stop_words, head)) / len(head) if head else 0.0
        titlecase = date_like = byline = credit = money = title_sim = title_exact = 0.0
        you = sum(map(_YOU.__contains__, head)) / len(head) if head else 0.0
        cta = legal = 0.0
        if nc < 400:
            for m in _CUES.finditer(text.lower()):
                if m.lastgroup == "c":
                    cta += 1.0
                else:
                    legal += 1.0
        if nc < 300:
            raw = text.split()
            titlecase = len(_TITLECASE.findall(text)) / (len(raw) or 1)
            if cs[i, 1]:
                date_like = 1.0 if _DATE.search(text) else 0.0
                money = 1.0 if _MONEY.match(text) else 0.0
            if text[:1] in _BYLINE_FIRST:
                byline = 1.0 if _BYLINE.match(text) else 0.0
            if ":" in text or "©" in text or "@" in text or "/" in text or "(" in text:
                credit = 1.0 if _CREDIT.search(text) else 0.0
            if title_words and title_lo <= nc <= title_hi:
                tw = _words(text)
                title_sim = _title_similarity(tw, title_words)
                title_exact = 1.0 if " ".join(tw) == title_norm else 0.0
        anc = b.ancestors
        c = [0.0] * 9
        for k in range(min(3, len(anc))):
            st = stats.get(anc[-1 - k])
            if st is not None:
                c[3 * k], c[3 * k + 1], c[3 * k + 2] = st
        bullet = b.bullet or ""
        rows.append(
            (
                math.log1p(b.n_links),
                1.0 if ("©" in text or "opyright" in text) else 0.0,
                titlecase, stop, date_like, byline, credit, money, cta, legal, you,
                b.depth, b.dom_depth, b.n_images,
                counts[text] - 1, title_sim, title_exact, b.n_lines, b.indent,
                1.0 if bullet else 0.0, b.blank_before, 1.0 if bullet[:1].isdigit() else 0.0,
                1.0 if "comment" in b.extra and b.extra["comment"] != "posts" else 0.0,
                1.0 if b.extra.get("comment") == "posts" else 0.0,
                *c,
            )
        )  # fmt: skip
        t = _TAG_INDEX.get(b.tag)
        if t is not None:
            hot_rows.append(i)
            hot_cols.append(_TAG0 + t)
        cols = _token_columns(b.tokens, b.own_tokens)
        if cols:
            hot_rows.extend([i] * len(cols))
            hot_cols.extend(cols)
    X[:, _ROW_COLS] = np.array(rows, dtype=np.float32)
    if hot_rows:
        X[hot_rows, hot_cols] = 1.0
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
