"""Labelled-block features: one row per block, from the block itself and its neighbours.

Shared by the HTML and the text path (columns a path cannot know stay 0). Column order is the
model's contract: :data:`FEATURE_NAMES` is written into every model file and checked on load.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import chain, repeat
from operator import attrgetter
from typing import cast

import numpy as np
import numpy.typing as npt

from ._words import STOPWORDS
from .blocks import ParsedPage
from .html.segment import LANDMARKS
from .html.vocab import VOCAB

__all__ = ["FEATURE_NAMES", "TEXT_FEATURE_NAMES", "feature_names", "featurize"]

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

_WORD = re.compile(r"\w+")
# Dates and credits are searched case-insensitively, but each pattern opens with a class of every
# character a match can start with (case variants spelled out: ſ is an s, İ and ı are i's to
# re.I) outside the (?i:...) part, so the regex engine jumps between those characters instead of
# trying the whole pattern at every position. A lookbehind then says which branch the opening
# character begins, as case-insensitively as the word it starts. Written plainly, they are
#   \b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|
#        (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|
#        \d{1,2}\.? (?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)
#        [a-zä]*\.? \d{4}|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)\b
#   (?:source|credit|photo|image|foto|bild|quelle)\s*:|©|\(c\)|/\s*getty|@\w
_DATE = re.compile(
    r"[\djfmasondJFMASONDſ](?<=\b.)(?i:(?:"
    r"(?<=\d)(?:\d?[./-]\d{1,2}[./-]\d{2,4}|\d{3}-\d{2}-\d{2}|"
    r"\d?\.? (?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.? \d{4}|"
    r"\d* (?:minutes?|hours?|days?|weeks?|months?|years?) ago)|"
    r"(?:(?<=j)(?:an|un|ul)|(?<=f)eb|(?<=m)(?:ar|ay)|(?<=a)(?:pr|ug)|(?<=s)ep|(?<=o)ct|(?<=n)ov|"
    r"(?<=d)ec)[a-z]*\.? \d{1,2},? \d{4})\b)"
)
_CREDIT = re.compile(
    r"[scpifbqSCPIFBQſİı©(/@](?i:(?<=s)ource\s*:|(?<=c)redit\s*:|(?<=p)hoto\s*:|"
    r"(?<=i)mage\s*:|(?<=f)oto\s*:|(?<=b)ild\s*:|(?<=q)uelle\s*:|(?<=©)|(?<=\()c\)|"
    r"(?<=/)\s*getty|(?<=@)\w)"
)
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|written by|posted by|author:?)\s", re.I)
_PUNCT_CODES = [ord(c) for c in ".,;:!?"]
_STOP_CODES = [ord(c) for c in ".!?。！？"]
_ENDING_CODES = [ord(c) for c in '.!?:"”’»)']
_BYLINE_FIRST = frozenset("BbVvPpDdWwAa")
# What calls to action and legal notices say, in the languages of the packs: the words carry the
# signal where a plain-text page has no class names (a donation appeal reads like prose). Each is
# matched as a whole word of the lower-cased text; a call to action wins where both would match.
_CTA_WORDS = (
    r"subscrib\w*", r"sign (?:up|in)", r"log ?in", r"register", r"newsletter", r"donat\w*",
    r"support(?:ing)? us", r"help(?:ing)? us", r"consider",
    r"become a (?:member|patron|subscriber|supporter)", r"join (?:us|now|our)", r"follow us",
    r"share (?:this|on|via)", r"click here", r"read more", r"learn more", r"continue reading",
    r"download", r"buy now", r"shop now", r"order now", r"add to (?:cart|basket)", r"contact us",
    r"get (?:started|the app)", r"free trial", r"abonn\w*", r"anmelden", r"registrier\w*",
    r"spende\w*", r"unterstütz\w*", r"jetzt", r"weiterlesen", r"mehr (?:lesen|erfahren)",
    r"inscri\w*", r"suscrib\w*", r"regístr\w*", r"dona\w*", r"apoya\w*", r"soutenir",
    r"faire un don",
)
_LEGAL_WORDS = (
    r"cookies?", r"privacy", r"terms (?:of|and)", r"consent", r"gdpr", r"all rights reserved",
    r"datenschutz\w*", r"impressum", r"nutzungsbedingungen", r"mentions légales",
    r"confidentialité", r"política de privacidad", r"aviso legal",
)


def _by_first_letter(groups: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    r"""One pattern for ``(?P<c>\b(?:c words)\b)|(?P<l>\b(?:l words)\b)``: the same matches,
    with ``lastgroup`` starting with the group's name. Each branch starts with a literal letter
    (checked for a word boundary behind it), so the regex engine skips straight to the
    positions holding one of those letters instead of trying every word at every position; the
    words of a letter keep their order, and a group's words come before the next group's."""
    letters = dict.fromkeys(w[0] for words in groups.values() for w in words)
    branches = []
    for f in letters:
        inner = []
        for name, words in groups.items():
            rest = [w[1:] for w in words if w[0] == f]
            assert f.isalpha() and all(r and r[0] not in "?*+{" for r in rest)
            if rest:
                inner.append(f"(?P<{name}_{f}>(?:{'|'.join(rest)})\\b)")
        branches.append(f"{f}(?<=\\b{f})(?:{'|'.join(inner)})")
    return re.compile("|".join(branches))


_CUES = _by_first_letter({"c": _CTA_WORDS, "l": _LEGAL_WORDS})
_YOU = frozenset([
    "you", "your", "yours", "yourself", "yourselves", "du", "dich", "dir", "dein", "deine",
    "deinen", "deiner", "euch", "euer", "eure", "vous", "votre", "vos", "tu", "toi", "ton", "ta",
    "tes", "usted", "ustedes", "tú",
])
#: bit 0: a function word, bit 1: a second-person word
# function words: prose is full of them, menus and buttons are not
_HEAD_CODES = {w: (w in STOPWORDS) | (w in _YOU) << 1 for w in STOPWORDS | _YOU}
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
#: Where a block stands against the page's running text, and what the page's layout is:
#: ``prose_before``/``prose_after``, the share of the page's prose characters before and after
#: the block (-1: no prose), so teasers after an article's end and a menu before its start show
#: as such; ``prose_gap``, log(1 + blocks to the nearest other prose block); ``dup_adjacent``,
#: the block's text repeats the block just before or after (an image's alt text over its
#: caption, a menu's label over its entry); and the page's share of bullet lines and of blocks
#: after a blank line (which plain-text rendering the page is: the text model learns both).
_PAGE_PLACE = ("prose_before", "prose_after", "prose_gap", "dup_adjacent", "page_bullet_share",
               "page_blank_share")
#: A prose block: this long, ending a sentence, mostly not link text.
_PROSE_MIN_CHARS = 120
_PROSE_MAX_LINKS = 0.3
_NEIGHBOUR_COLS = ("log_chars", "link_density", "stop_ratio", "ends_sentence")
_OFFSETS = (-3, -2, -1, 1, 2, 3)
_WINDOWS = (5, 15)
_WINDOW_COLS = ("log_chars", "link_density", "stop_ratio")

FEATURE_NAMES: tuple[str, ...] = (
    *_BASE,
    *(f"tag_{t}" for t in _TAGS),
    *(f"lm_{t}" for t in _LANDMARK_LIST),
    *(f"near_{v}" for v in _VOCAB),
    *(f"far_{v}" for v in _VOCAB),
    *(f"n{o:+d}_{c}" for o in _OFFSETS for c in _NEIGHBOUR_COLS),
    *(f"w{w}_{c}" for w in _WINDOWS for c in _WINDOW_COLS),
    "n_blocks_log",
    "page_log_chars",
)
#: A plain-text page's columns: those of an HTML page, then :data:`_PAGE_PLACE` (the markup
#: tells an HTML model where the article is; plain text has only the order of its lines).
TEXT_FEATURE_NAMES: tuple[str, ...] = (*FEATURE_NAMES, *_PAGE_PLACE)
_COL = {n: i for i, n in enumerate(TEXT_FEATURE_NAMES)}
#: Page size is read up to here. Past 50,000 characters the packs hold a handful of pages, and a
#: model that learnt from them that "longer page, less content" cut long articles down (a
#: 500-paragraph article kept 37% of its paragraphs). At 50,000 the models still did so after
#: some retrains (61% kept); at 20,000 many pages of every type share the top value, the article
#: keeps 93%, and word F1 on wcxb-dev is unchanged (3-fold CV by site: 0.8788 vs 0.8790 on the
#: 396 sampled pages with gold text).
PAGE_CHARS_CAP = 20_000
#: The word-level cue columns, in the order ``_text_cues`` fills them.
_CUE_COLS = (
    "stop_ratio", "you_ratio", "copyright", "cta_words", "legal_words", "titlecase_ratio",
    "date_like", "money_like", "credit_like", "byline_like", "title_sim", "title_exact",
)
_CUE_IDX = [_COL[c] for c in _CUE_COLS]
#: RawBlock fields read as numbers: link characters and links first, then columns of their own.
_LAYOUT_FIELDS = ("link_chars", "n_links", "depth", "dom_depth", "n_images", "n_lines", "indent",
                  "blank_before")
_LAYOUT = attrgetter(*_LAYOUT_FIELDS)
_LAYOUT_IDX = [_COL[c] for c in _LAYOUT_FIELDS[2:]]
_NEIGHBOUR_SRC = [_COL[c] for c in _NEIGHBOUR_COLS]
_N0 = _COL[f"n{_OFFSETS[0]:+d}_{_NEIGHBOUR_COLS[0]}"]  # offsets × columns, in a row
_WINDOW_SRC = [_COL[c] for c in _WINDOW_COLS]
_W0 = _COL[f"w{_WINDOWS[0]}_{_WINDOW_COLS[0]}"]  # windows × columns, in a row
_C1 = _COL["c1_log_chars"]  # c1, c2, c3 × (log chars, link density, log blocks), in a row
_NONE = object()
_NO_ANCESTORS = (_NONE, _NONE, _NONE)
_TAG0 = _COL["tag_p"]
_LM0 = _COL[f"lm_{_LANDMARK_LIST[0]}"]
_NEAR0 = _COL[f"near_{_VOCAB[0]}"]
_FAR0 = _COL[f"far_{_VOCAB[0]}"]
_LM_INDEX = {"@" + t: i for i, t in enumerate(_LANDMARK_LIST)}
_VOCAB_INDEX = {v: i for i, v in enumerate(_VOCAB)}


_CHUNK = 1 << 20  # characters featurized at once (bounds the memory of the character arrays)
_SEP = "\x00"  # joins a page's texts for one regex scan: no cue pattern matches it
#: math.log1p of small counts (numpy's log1p may differ from it in the last bit)
_LOG1P = np.array([math.log1p(k) for k in range(4096)])


def log1p_counts(counts: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """math.log1p of each non-negative integer count, bit for bit (shared with ``stack``)."""
    if not len(counts) or int(counts.max()) < len(_LOG1P):
        return _LOG1P[counts]
    return np.array([math.log1p(c) for c in counts.tolist()])


_SPACE, _DIGIT, _UPPER, _LETTER, _PUNCT, _STOP_END, _PIPE, _ENDING, _TITLE_UPPER, _ISSPACE = (
    1 << k for k in range(10))


def _char_table() -> npt.NDArray[np.uint16]:
    r"""The classes of every character of the Basic Multilingual Plane, one bit each (the
    characters above it are in none): ``_UPPER`` and ``_LETTER`` for the case ratios,
    ``_TITLE_UPPER`` for what ``(?:^|\s)[A-ZÀ-ÖØ-ÞА-ЯЁ]`` counts, ``_ISSPACE`` for what
    ``str.split()`` and re's ``\s`` split on (they agree everywhere; none lies above U+3000)."""
    code = np.arange(0x10000)
    upper = (((code >= 65) & (code <= 90)) | ((code >= 0xC0) & (code <= 0xDE) & (code != 0xD7))
             | ((code >= 0x410) & (code <= 0x42F)))
    lower = (((code >= 97) & (code <= 122)) | ((code >= 0xDF) & (code <= 0x24F) & (code != 0xF7))
             | ((code >= 0x430) & (code <= 0x45F)))
    t = np.zeros(0x10000, dtype=np.uint16)
    t[[9, 10, 32]] |= _SPACE
    t[48:58] |= _DIGIT
    t[upper] |= _UPPER | _LETTER | _TITLE_UPPER
    t[0x401] |= _TITLE_UPPER
    t[lower] |= _LETTER
    t[_PUNCT_CODES] |= _PUNCT
    t[_STOP_CODES] |= _STOP_END
    t[124] |= _PIPE
    t[_ENDING_CODES] |= _ENDING
    t[[c for c in range(0x3001) if chr(c).isspace()]] |= _ISSPACE
    return t


_CLASSES = _char_table()


def _containers(
    parsed: ParsedPage, chars: npt.NDArray[np.float64], links: npt.NDArray[np.float64]
) -> tuple[dict[int, int], npt.NDArray[np.float64], tuple[int, int] | None]:
    """Per element holding blocks, a row of (log chars, link density, log blocks) in the
    returned table (row 0: zeros, for no element); and the block range of the main text
    container, the smallest element holding 60% of the long, link-poor text."""
    spans = parsed.spans
    m = len(spans)
    table = np.zeros((m + 1, 3))
    if not m:
        return {}, table, None
    ab = np.array(list(spans.values()), dtype=np.int64).reshape(m, 2)
    a, b = ab[:, 0], ab[:, 1]
    cum_c = np.concatenate(([0.0], np.cumsum(chars)))
    cum_l = np.concatenate(([0.0], np.cumsum(links)))
    long_text = np.where((chars >= 80) & (links < 0.3 * chars), chars, 0.0)
    cum_long = np.concatenate(([0.0], np.cumsum(long_text)))
    c = cum_c[b] - cum_c[a]
    table[1:, 0] = list(map(math.log1p, c.tolist()))
    table[1:, 1] = np.divide(cum_l[b] - cum_l[a], c, out=np.zeros(m), where=c != 0)
    table[1:, 2] = log1p_counts(b - a)
    main: tuple[int, int] | None = None
    need = 0.6 * cum_long[-1]
    if need:
        width = b - a
        fits = np.flatnonzero(cum_long[b] - cum_long[a] >= need)
        if len(fits):
            k = int(fits[np.argmin(width[fits])])  # the first of the narrowest, in span order
            main = (int(a[k]), int(b[k]))
    return dict(zip(spans, range(1, m + 1), strict=True)), table, main


def _char_stats(texts: list[str], lens: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Character statistics of every block at once, over the page's text as arrays of code
    points: words, digits, upper-case and other letters, punctuation, sentence ends, pipes, the
    classes of each block's first and last character, title-case words and whitespace-separated
    words (as ``str.split`` counts them). Returns an (n, 11) array. The blocks are taken
    ``_CHUNK`` characters at a time, so a huge page costs time, not memory."""
    n = len(texts)
    out = np.zeros((n, 11))
    ends = np.cumsum(lens + 1)  # each text and the space that joins it to the next
    a = 0
    while a < n:
        b = max(a + 1, int(np.searchsorted(ends, ends[a] - lens[a] - 1 + _CHUNK, side="right")))
        _chunk_stats(texts[a:b], lens[a:b], b < n, out[a:b])
        a = b
    return out


def _chunk_stats(texts: list[str], lens: npt.NDArray[np.int64], more: bool,
                 out: npt.NDArray[np.float64]) -> None:
    """:func:`_char_stats` of consecutive blocks, written into ``out`` (``more``: blocks follow,
    so the last text ends before a space too)."""
    joined = " ".join(texts) + (" " if more else "")
    arr = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    size = len(arr)
    if not size:
        return
    starts = np.concatenate(([0], np.cumsum(lens + 1)[:-1]))
    cls = _CLASSES.take(arr, mode="clip")  # above the BMP: U+FFFF, in no class
    space = (cls & _SPACE) != 0
    isspace = (cls & _ISSPACE) != 0
    # one row per count, one column per character (and a last one, empty, past the end); the
    # texts are joined by a space, which sets no row, so a block's sum may run up to the next
    flags = np.zeros((9, size + 1), dtype=np.bool_)
    flags[0, 0] = not space[0]  # word starts: not a space, after one
    np.greater(space[:-1], space[1:], out=flags[0, 1:size])
    np.greater(cls & _DIGIT, 0, out=flags[1, :size])
    np.greater(cls & _UPPER, 0, out=flags[2, :size])
    np.greater(cls & _LETTER, 0, out=flags[3, :size])
    np.greater(cls & _PUNCT, 0, out=flags[4, :size])
    np.logical_and((cls[:-1] & _STOP_END) != 0, space[1:], out=flags[5, : size - 1])
    np.greater(cls & _PIPE, 0, out=flags[6, :size])
    title_upper = (cls & _TITLE_UPPER) != 0  # what (?:^|\s)[A-ZÀ-ÖØ-ÞА-ЯЁ] finds
    flags[7, 0] = title_upper[0]
    np.logical_and(isspace[:-1], title_upper[1:], out=flags[7, 1:size])
    flags[8, 0] = not isspace[0]  # what str.split() counts
    np.greater(isspace[:-1], isspace[1:], out=flags[8, 1:size])
    bits = flags.view(np.uint8)
    if len(texts) == 1:  # a sum reads the flags in place; reduceat would copy them as int32
        sums = bits.sum(axis=1, dtype=np.int64)[:, None]
    else:
        sums = np.add.reduceat(bits, starts, axis=1, dtype=np.int32)
    out[:, [0, 1, 2, 3, 4, 5, 6, 9, 10]] = sums.T
    empty = lens == 0
    last = np.clip(starts + lens - 1, 0, size - 1)
    out[:, 7] = np.where(empty, 0.0, (cls[last] & _ENDING) != 0)
    out[:, 8] = np.where(empty, 0.0, (cls[np.minimum(starts, size - 1)] & _UPPER) != 0)


def _hits(pattern: re.Pattern[str], texts: list[str]) -> tuple[npt.NDArray[np.intp], list[str]]:
    """Every match of ``pattern`` in ``texts``: the index of the text it is in, and its group.

    One scan over the texts joined by NUL: a pattern that cannot match NUL (nor need anything
    but a non-word character on either side of a text) finds the same matches as one scan per
    text."""
    joined = _SEP.join(texts)
    found = [(m.start(), m.lastgroup or "") for m in pattern.finditer(joined)]
    if not found:
        return np.zeros(0, dtype=np.intp), []
    starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    pos = np.array([f[0] for f in found])
    return np.searchsorted(starts, pos, side="right") - 1, [f[1] for f in found]


def _head_ratios(heads: list[list[str]]) -> npt.NDArray[np.float64]:
    """For each word list, the shares of its words that are function words and second-person
    words, (n, 2) (0 for an empty list)."""
    lens = np.fromiter(map(len, heads), dtype=np.int64, count=len(heads))
    flat = list(chain.from_iterable(heads))
    code = np.fromiter(map(_HEAD_CODES.get, flat, repeat(0)), dtype=np.uint8, count=len(flat))
    ends = np.cumsum(lens)
    out = np.zeros((len(heads), 2))
    for k in range(2):
        cum = np.concatenate(([0], np.cumsum((code >> k) & 1, dtype=np.int64)))
        np.divide(cum[ends] - cum[ends - lens], lens, out=out[:, k], where=lens != 0)
    return out


def _text_cues(texts: list[str], lens: npt.NDArray[np.int64], cs: npt.NDArray[np.float64],
               title: str | None) -> npt.NDArray[np.float64]:
    """The word-level cue columns of every block, (n, len(_CUE_COLS))."""
    n = len(texts)
    out = np.zeros((n, len(_CUE_COLS)))
    low = [t[:400].lower() for t in texts]  # the whole text, lower-cased, below 400 characters
    out[:, 0:2] = _head_ratios([t.split()[:50] for t in low])
    out[:, 2] = [("©" in t or "opyright" in t) for t in texts]
    short = np.flatnonzero(lens < 400)
    if len(short):
        where, groups = _hits(_CUES, [low[i] for i in short.tolist()])
        if len(where):
            cta = np.array([g[0] == "c" for g in groups])
            np.add.at(out[:, 3], short[where[cta]], 1.0)
            np.add.at(out[:, 4], short[where[~cta]], 1.0)
    small = lens < 300
    out[:, 5] = np.where(small, cs[:, 9] / np.maximum(cs[:, 10], 1.0), 0.0)
    dated = np.flatnonzero(small & (cs[:, 1] > 0))
    if len(dated):
        where, _ = _hits(_DATE, [texts[i] for i in dated])
        out[dated[where], 6] = 1.0
        out[dated, 7] = [1.0 if _MONEY.match(texts[i]) else 0.0 for i in dated.tolist()]
    small_i = np.flatnonzero(small).tolist()
    # every credit match holds one of these characters; most blocks hold none
    marked = np.array([i for i in small_i if ":" in (t := texts[i]) or "©" in t or "@" in t
                       or "/" in t or "(" in t], dtype=np.intp)
    if len(marked):
        where, _ = _hits(_CREDIT, [texts[i] for i in marked])
        out[marked[where], 8] = 1.0
    for i in small_i:
        if texts[i][:1] in _BYLINE_FIRST and _BYLINE.match(texts[i]):
            out[i, 9] = 1.0
    title_words = set(_WORD.findall(title.lower())) if title else set()
    if title_words:
        assert title is not None
        title_norm = " ".join(_WORD.findall(title.lower()))
        lo, hi = len(title) // 3, 2 * len(title) + 20  # only such blocks can match it
        near = np.flatnonzero(small & (lens >= lo) & (lens <= hi)).tolist()
        words = [_WORD.findall(low[i]) for i in near]
        shared = list(map(len, map(title_words.intersection, words)))
        for i, w, k in zip(near, words, shared, strict=True):
            if k:  # Jaccard similarity of the word sets; the same words in the same order
                out[i, 10] = k / (len(set(w)) + len(title_words) - k)
                out[i, 11] = k == len(title_words) and " ".join(w) == title_norm
    return out


def feature_names(kind: str) -> tuple[str, ...]:
    """The block model's columns for ``kind`` ("html" or "text") pages."""
    return TEXT_FEATURE_NAMES if kind == "text" else FEATURE_NAMES


def featurize(parsed: ParsedPage) -> npt.NDArray[np.float32]:
    """The feature matrix of a segmented page: ``len(parsed.blocks)`` rows ×
    ``feature_names(parsed.page.kind)``."""
    blocks = parsed.blocks
    n = len(blocks)
    text_page = parsed.page.kind == "text"
    X = np.zeros((n, len(TEXT_FEATURE_NAMES if text_page else FEATURE_NAMES)), dtype=np.float32)
    if n == 0:
        return X
    texts = [b.text for b in blocks]
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    layout = np.fromiter(chain.from_iterable(map(_LAYOUT, blocks)), dtype=np.float64,
                         count=n * len(_LAYOUT_FIELDS)).reshape(n, len(_LAYOUT_FIELDS))
    cs = _char_stats(texts, lens)
    chars = lens.astype(np.float64)
    links = layout[:, 0]
    total_chars = float(chars.sum()) or 1.0
    index, table, main = _containers(parsed, chars, links)
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
    X[:, _CUE_IDX] = _text_cues(texts, lens, cs, parsed.meta.title)
    X[:, _LAYOUT_IDX] = layout[:, 2:]
    X[:, _COL["log_links"]] = log1p_counts(layout[:, 1].astype(np.int64))
    counts = Counter(texts)
    X[:, _COL["repeats"]] = np.fromiter(map(counts.__getitem__, texts), dtype=np.int64,
                                        count=n) - 1
    bullets = [b.bullet for b in blocks]
    X[:, _COL["bullet"]] = [1.0 if x else 0.0 for x in bullets]
    X[:, _COL["numbered"]] = [1.0 if x and x[:1].isdigit() else 0.0 for x in bullets]
    thread = [b.extra.get("comment", _NONE) for b in blocks]
    X[:, _COL["comment_thread"]] = [x is not _NONE and x != "posts" for x in thread]
    X[:, _COL["post_thread"]] = [x == "posts" for x in thread]
    # the rows of the three innermost ancestors in the container table (0: none)
    tails = [a[-3:] if len(a) >= 3 else (*_NO_ANCESTORS, *a)[-3:] for a in
             (b.ancestors for b in blocks)]
    get = cast("Callable[[object, int], int]", index.get)
    rows = np.fromiter(map(get, chain.from_iterable(tails), repeat(0)), dtype=np.intp,
                       count=3 * n).reshape(n, 3)
    X[:, _C1 : _C1 + 9] = table[rows[:, ::-1]].reshape(n, 9)
    tags = np.fromiter(map(_TAG_INDEX.get, (b.tag for b in blocks), repeat(-1)),
                       dtype=np.intp, count=n)
    has_tag = np.flatnonzero(tags >= 0)
    X[has_tag, _TAG0 + tags[has_tag]] = 1.0
    cols = list(map(_token_columns, (b.tokens for b in blocks), (b.own_tokens for b in blocks)))
    n_cols = np.fromiter(map(len, cols), dtype=np.intp, count=n)
    if n_cols.any():
        X[np.repeat(np.arange(n), n_cols), list(chain.from_iterable(cols))] = 1.0
    _neighbours(X)
    X[:, _COL["n_blocks_log"]] = math.log1p(n)
    X[:, _COL["page_log_chars"]] = math.log1p(min(total_chars, PAGE_CHARS_CAP))
    if text_page:
        _page_place(X, texts, chars)
    return X


def _page_place(X: npt.NDArray[np.float32], texts: list[str],
                chars: npt.NDArray[np.float64]) -> None:
    """The :data:`_PAGE_PLACE` columns (after the base columns are filled)."""
    n = len(texts)
    prose = ((chars >= _PROSE_MIN_CHARS) & (X[:, _COL["ends_sentence"]] > 0)
             & (X[:, _COL["link_density"]] < _PROSE_MAX_LINKS))
    prose_chars = np.where(prose, chars, 0.0)
    total = float(prose_chars.sum())
    if total > 0:
        before = np.cumsum(prose_chars) - prose_chars
        X[:, _COL["prose_before"]] = before / total
        X[:, _COL["prose_after"]] = (total - before - prose_chars) / total
        at = np.flatnonzero(prose)
        idx = np.arange(n)
        # the nearest prose block before (after) each block, itself excluded
        k = np.searchsorted(at, idx, side="left")  # first prose index >= i
        prev = np.where(k > 0, at[np.maximum(k - 1, 0)], -1)
        k2 = np.searchsorted(at, idx, side="right")  # first prose index > i
        nxt = np.where(k2 < len(at), at[np.minimum(k2, len(at) - 1)], -1)
        gap = np.full(n, np.inf)
        gap = np.where(prev >= 0, idx - prev, gap)
        gap = np.where(nxt >= 0, np.minimum(gap, nxt - idx), gap)
        X[:, _COL["prose_gap"]] = np.where(np.isfinite(gap), np.log1p(gap), -1.0)
    else:
        X[:, [_COL["prose_before"], _COL["prose_after"], _COL["prose_gap"]]] = -1.0
    if n > 1:
        same = np.fromiter(map(str.__eq__, texts[:-1], texts[1:]), dtype=bool, count=n - 1)
        dup = np.zeros(n, dtype=bool)
        dup[:-1] |= same
        dup[1:] |= same
        X[:, _COL["dup_adjacent"]] = dup
    X[:, _COL["page_bullet_share"]] = float(X[:, _COL["bullet"]].mean())
    X[:, _COL["page_blank_share"]] = float((X[:, _COL["blank_before"]] > 0).mean())


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
    """The neighbour columns (shifted copies) and the window means, from the base columns."""
    n = X.shape[0]
    src = X[:, _NEIGHBOUR_SRC]
    shifted = np.zeros((n, len(_OFFSETS), len(_NEIGHBOUR_COLS)), dtype=np.float32)
    for k, o in enumerate(_OFFSETS):
        if o < 0 and n > -o:
            shifted[-o:, k] = src[: n + o]
        elif o > 0 and n > o:
            shifted[: n - o, k] = src[o:]
    X[:, _N0 : _N0 + shifted[0].size] = shifted.reshape(n, -1)
    cols = X[:, _WINDOW_SRC].astype(np.float64)
    cs = np.zeros((n + 1, cols.shape[1]))
    np.cumsum(cols, axis=0, out=cs[1:])
    idx = np.arange(n)
    for k, w in enumerate(_WINDOWS):
        lo = np.maximum(idx - w, 0)
        hi = np.minimum(idx + w + 1, n)
        X[:, _W0 + 3 * k : _W0 + 3 * k + 3] = (cs[hi] - cs[lo]) / (hi - lo)[:, None]
