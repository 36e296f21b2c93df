"""Block roles that text layout can show: the headline, section headings and image captions.

Plain text has no ``<h1>`` or ``<figcaption>``; these rules read the same facts from the lines:

* **headline**: a short line just above where the prose begins, preferring a line the page
  repeats (sites print their headline in the page title, the heading and the footer) if it
  shares words with the text below (menus repeat too); its first
  occurrence becomes ``Metadata.title`` and the ``h1`` block;
* **heading**: a short line, standing alone, followed closely by prose (tag ``h2``);
* **caption**: a line that ends with a photo credit (``source: …``, ``Photo: …``, ``©``), tag
  ``figcaption`` (its credit is read at assembly).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..blocks import RawBlock
from ..furniture import text_kind

__all__ = ["Facts", "body_start", "facts", "mark_roles"]

_WORD = re.compile(r"\w+")
_WORDS_OR_NEWLINES = re.compile(r"[\w\n]+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# A caption ends with a photo credit: a credit mark ("© …", "(c) …", "/ Reuters"), a labelled
# credit ("Source: …") or a "Photo by …". The last two are slow searches: they run only on a text
# with a colon, or " by ", and one of the credit words (what the case-blind search finds is in the
# lower-cased text too, except where the text holds İ, ı or ſ, which it folds to i, i and s).
_CREDIT_MARK = re.compile(
    r"©\s*\S.{0,60}$|\(c\)\s*\S.{0,60}$|/\s*(?:getty images|afp|reuters|ap|dpa|epa)\b", re.I)
_CREDIT_LABEL = re.compile(
    r"(?:^|[\s,;(\[|/\u2013-])(?:source|sources|credit|credits|photo|photos|photograph|image|picture|"
    r"illustration|foto|bild|quelle|fuente|crédit)s?(?:\s+by)?\s*:\s*\S", re.I)
_CREDIT_BY = re.compile(r"(?:photo|image|picture|illustration) (?:by|courtesy of) \S", re.I)
_CREDIT_WORDS = ("source", "credit", "crédit", "photo", "image", "picture", "illustration",
                 "foto", "bild", "quelle", "fuente")
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f")  # İ ı ſ: case-blind i, i, s
_LEGAL = re.compile(r"all rights reserved|alle rechte|copyright \d{4}|©\s*\d{4}", re.IGNORECASE)
_PROSE_END = re.compile(r"[.!?…\"\u201d\u00bb\u2019')]$")
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|written by|posted by|author)\b", re.I)
_MAX_HEAD_WORDS = 22
_PROSE_CHARS = 100
_TITLE_WINDOW = 20
_REPEATED = 0.5


def _words_each(joined: str) -> list[str]:
    """The words of each of the newline-separated texts in ``joined``, joined by single spaces:
    one regex pass over the page instead of one per block (a run of word characters and
    newlines is words split where the texts are)."""
    return [s.strip() for s in " ".join(_WORDS_OR_NEWLINES.findall(joined)).split("\n")]


def _two_letter_words(text: str) -> bool:
    """Whether ``text`` has at least two runs of two or more letters (searches stop early)."""
    m = _LETTERS.search(text)
    return m is not None and _LETTERS.search(text, m.end()) is not None


def _has_credit(text: str) -> bool:
    """Whether the text shows a photo credit (see the patterns above)."""
    label = ":" in text
    if (label or "/" in text or "©" in text or "(" in text) and _CREDIT_MARK.search(text):
        return True
    folds = any(c in text for c in _FOLDS_TO_ASCII)
    low = text.lower()
    by = folds or " by " in low or "courtesy of" in low
    if not (label or by) or not (folds or any(w in low for w in _CREDIT_WORDS)):
        return False
    return ((label and _CREDIT_LABEL.search(text) is not None)
            or (by and _CREDIT_BY.search(text) is not None))


@dataclass(slots=True)
class Facts:
    """Per-block facts the role and kind rules read, computed once per page."""

    prose: list[bool]
    head: list[bool]  # heading-like: short, standing alone, not a sentence
    caption: list[bool]
    norm: list[str]  # normalised words ("" for blocks over 200 characters)
    words: list[int]  # word count (of the first 400 characters)


def _page_words(texts: list[str]) -> tuple[list[str], list[str]]:
    """The words of each text's first 400 characters, lower-cased and as written."""
    joined = "\n".join([t[:400] for t in texts])
    if joined.count("\n") != len(texts) - 1:  # a text holding a newline: one by one
        return ([" ".join(_WORD.findall(t[:400].lower())) for t in texts],
                [" ".join(_WORD.findall(t[:400])) for t in texts])
    lowered = joined.lower()
    low = _words_each(lowered)
    # Lower-casing keeps every character a word character or not (checked over all of Unicode
    # by benchmarks/speed_text_check.py --unicode); only where it adds characters (İ → i̇) can
    # it move a word boundary.
    return low, low if len(lowered) == len(joined) else _words_each(joined)


def facts(blocks: list[RawBlock]) -> Facts:
    """The facts of every block of a page (the words of all in one pass over the page)."""
    if not blocks:
        return Facts([], [], [], [], [])
    texts = [b.text for b in blocks]
    low, own = _page_words(texts)
    words = [w.count(" ") + 1 if w else 0 for w in own]
    prose, head, caption = [], [], []
    for b, t, n in zip(blocks, texts, words, strict=True):
        plain = b.bullet is None and "comment" not in b.extra
        size = len(t)
        line = plain and b.tag == "line"
        cap = line and size <= 400 and _has_credit(t) and not _LEGAL.search(t)
        prose.append(plain and size >= _PROSE_CHARS and n >= 15)
        caption.append(cap)
        head.append(line and size <= 200 and not cap and t[-1:] not in ".,;:"
                    and n <= _MAX_HEAD_WORDS and _two_letter_words(t) and not _BYLINE.match(t))
    norm = [w if len(t) <= 200 else "" for t, w in zip(texts, low, strict=True)]
    return Facts(prose, head, caption, norm, words)


def body_start(f: Facts, blocks: list[RawBlock] | None = None) -> int | None:
    """The first prose block that another prose block soon follows (a lone banner is not it);
    given the blocks, prose whose words name furniture (a cookie notice, an appeal) is not it
    either."""
    prose = (i for i, p in enumerate(f.prose)  # lazily: the start is mostly found early
             if p and (blocks is None or text_kind(blocks[i].text) is None))
    first = prev = None
    for i in prose:
        if prev is not None and i - prev <= 6:
            return prev
        first = i if first is None else first
        prev = i
    return first


def _body_words(blocks: list[RawBlock], f: Facts, start: int) -> set[str]:
    words: set[str] = set()
    seen = 0
    for i in range(start, len(blocks)):
        if f.prose[i]:
            words.update(w for w in _WORD.findall(blocks[i].text[:1000].lower()) if len(w) >= 4)
            seen += 1
            if seen == 3:
                break
    return words


def title_scores(blocks: list[RawBlock], f: Facts, start: int,
                 body: set[str] | None = None) -> dict[int, float]:
    """The headline rule's score of each candidate line above the prose that starts at
    ``start`` (see :func:`_title`); ``body``: the words of the first paragraphs, if known."""
    body = _body_words(blocks, f, start) if body is None else body
    scores: dict[int, float] = {}
    for i in range(max(0, start - _TITLE_WINDOW), start):
        b = blocks[i]
        n_words = f.words[i]
        if not f.head[i] or n_words < 2 or text_kind(b.text) is not None:
            continue
        key = f.norm[i]
        score = 1.0 - (start - i) / (_TITLE_WINDOW + 1)
        content = {w for w in key.split() if len(w) >= 4}
        shared = len(content & body) / len(content) if content else 0.0
        if n_words >= 3 and shared and f.norm.count(key) >= 2:
            score += _REPEATED  # a menu repeats too: only a line that shares words with the text
        if 4 <= n_words <= 20:
            score += 0.4
        score += shared
        if _PROSE_END.search(b.text):
            score -= 0.3
        scores[i] = score
    return scores


def _first_copy(f: Facts, i: int) -> int:
    """The first heading-like block with block ``i``'s words (a headline's first showing)."""
    key = f.norm[i]
    return next(j for j in range(len(f.norm)) if f.norm[j] == key and f.head[j])


def _title(blocks: list[RawBlock], f: Facts) -> int | None:
    """The block showing the page's headline (its first occurrence), or None.

    Candidates are heading-like lines up to :data:`_TITLE_WINDOW` blocks above the prose (a
    byline, a date, share buttons and image text often sit between); a candidate scores for
    being close to it, for being headline-sized, for sharing its words with the first
    paragraphs, and for being repeated on the page when it shares some (a menu the footer
    repeats shares none). Lines whose words name furniture ("Share on Twitter") are out.
    """
    start = body_start(f, blocks)
    if start is None:
        return None
    best, best_score = None, 0.0
    for i, score in title_scores(blocks, f, start).items():
        if score > best_score:
            best, best_score = i, score
    return None if best is None else _first_copy(f, best)


def _followed_by_prose(blocks: list[RawBlock], f: Facts, i: int) -> bool:
    for j in range(i + 1, min(i + 3, len(blocks))):
        if f.prose[j]:
            return True
        if not f.head[j]:
            return False
    return False


def mark_roles(blocks: list[RawBlock], f: Facts) -> int | None:
    """Tag captions, headings and the headline in place; return the headline's index."""
    title_i = _title(blocks, f)
    title_key = f.norm[title_i] if title_i is not None else None
    for i, b in enumerate(blocks):
        if f.caption[i]:
            b.tag = "figcaption"
        elif i == title_i:
            b.tag = "h1"
        elif (f.head[i] and f.norm[i] != title_key and len(b.text) <= 120
              and not _PROSE_END.search(b.text) and _followed_by_prose(blocks, f, i)):
            b.tag = "h2"
    return title_i
