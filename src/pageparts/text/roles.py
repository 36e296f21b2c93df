"""Block roles that text layout can show: the headline, section headings and image captions.

Plain text has no ``<h1>`` or ``<figcaption>``; these rules read the same facts from the lines:

* **headline**: a short line just above where the prose begins, preferring a line the page
  repeats (sites print their headline in the page title, the heading and the footer); its first
  occurrence becomes ``Metadata.title`` and the ``h1`` block;
* **heading**: a short line, standing alone, followed closely by prose (tag ``h2``);
* **caption**: a line that ends with a photo credit (``source: …``, ``Photo: …``, ``©``), tag
  ``figcaption`` (its credit is read at assembly).
"""

from __future__ import annotations

import re
from collections import Counter

from ..blocks import RawBlock
from ..furniture import text_kind

__all__ = ["body_start", "is_prose", "mark_roles"]

_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_CAPTION = re.compile(
    r"(?:^|[\s,;(\[|/\u2013-])(?:source|sources|credit|credits|photo|photos|photograph|image|picture|"
    r"illustration|foto|bild|quelle|fuente|crédit)s?(?:\s+by)?\s*:\s*\S"
    r"|(?:photo|image|picture|illustration) (?:by|courtesy of) \S"
    r"|©\s*\S.{0,60}$|\(c\)\s*\S.{0,60}$|/\s*(?:getty images|afp|reuters|ap|dpa|epa)\b",
    re.IGNORECASE,
)
_LEGAL = re.compile(r"all rights reserved|alle rechte|copyright \d{4}|©\s*\d{4}", re.IGNORECASE)
_PROSE_END = re.compile(r"[.!?…\"\u201d\u00bb\u2019')]$")
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|written by|posted by|author)\b", re.I)
_MAX_HEAD_WORDS = 22
_PROSE_CHARS = 100
_TITLE_WINDOW = 12


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def is_prose(b: RawBlock) -> bool:
    """A long line of running text (not a bullet, not a comment)."""
    return (len(b.text) >= _PROSE_CHARS and b.bullet is None
            and len(_WORD.findall(b.text[:400])) >= 15 and "comment" not in b.extra)


def _heading_like(b: RawBlock) -> bool:
    t = b.text
    if b.bullet is not None or "comment" in b.extra or b.tag != "line" or len(t) > 200:
        return False
    if t[-1:] in ".,;:" or _CAPTION.search(t) or _BYLINE.match(t):
        return False
    return len(_LETTERS.findall(t)) >= 2 and len(_WORD.findall(t)) <= _MAX_HEAD_WORDS


def body_start(blocks: list[RawBlock]) -> int | None:
    """The first prose block that another prose block soon follows (a lone banner is not it)."""
    prose = [i for i, b in enumerate(blocks) if is_prose(b)]
    for k, i in enumerate(prose):
        if k + 1 < len(prose) and prose[k + 1] - i <= 6:
            return i
    return prose[0] if prose else None


def _body_words(blocks: list[RawBlock], start: int) -> set[str]:
    words: set[str] = set()
    seen = 0
    for b in blocks[start:]:
        if is_prose(b):
            words.update(w for w in _WORD.findall(b.text[:1000].lower()) if len(w) >= 4)
            seen += 1
            if seen == 3:
                break
    return words


def _title(blocks: list[RawBlock]) -> int | None:
    """The block showing the page's headline (its first occurrence), or None.

    Candidates are heading-like lines just above the prose; a candidate scores for being close
    to it, for being repeated on the page, for being headline-sized, and for sharing its words
    with the first paragraphs. Lines whose words name furniture ("Share on Twitter") are out.
    """
    start = body_start(blocks)
    if start is None:
        return None
    counts = Counter(_norm(b.text) for b in blocks if len(b.text) <= 200)
    body = _body_words(blocks, start)
    best, best_score = None, 0.0
    for i in range(max(0, start - _TITLE_WINDOW), start):
        b = blocks[i]
        n_words = len(_WORD.findall(b.text))
        if not _heading_like(b) or n_words < 2 or text_kind(b.text) is not None:
            continue
        key = _norm(b.text)
        score = 1.0 - (start - i) / (_TITLE_WINDOW + 1)
        if counts[key] >= 2 and n_words >= 3:
            score += 1.0
        if 4 <= n_words <= 20:
            score += 0.4
        content = {w for w in key.split() if len(w) >= 4}
        if content:
            score += len(content & body) / len(content)
        if _PROSE_END.search(b.text):
            score -= 0.3
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None
    key = _norm(blocks[best].text)
    return next(i for i, b in enumerate(blocks) if _norm(b.text) == key
                and _heading_like(b))


def _followed_by_prose(blocks: list[RawBlock], i: int) -> bool:
    for j in range(i + 1, min(i + 3, len(blocks))):
        if is_prose(blocks[j]):
            return True
        if not _heading_like(blocks[j]) or blocks[j].tag != "line":
            return False
    return False


def mark_roles(blocks: list[RawBlock]) -> int | None:
    """Tag captions, headings and the headline in place; return the headline's index."""
    for b in blocks:
        if (b.tag == "line" and "comment" not in b.extra and len(b.text) <= 400
                and _CAPTION.search(b.text) and not _LEGAL.search(b.text)):
            b.tag = "figcaption"
    title_i = _title(blocks)
    title_key = _norm(blocks[title_i].text) if title_i is not None else None
    for i, b in enumerate(blocks):
        if i == title_i:
            b.tag = "h1"
        elif (_heading_like(b) and _norm(b.text) != title_key and len(b.text) <= 120
              and _followed_by_prose(blocks, i) and not _PROSE_END.search(b.text)):
            b.tag = "h2"
    return title_i
