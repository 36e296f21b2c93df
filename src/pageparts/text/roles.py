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
from dataclasses import dataclass

from ..blocks import RawBlock
from ..furniture import text_kind

__all__ = ["Facts", "body_start", "facts", "mark_roles"]

_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_CAPTION = re.compile(
    r"(?:^|[\s,;(\[|/\u2013-])(?:source|sources|credit|credits|photo|photos|photograph|image|picture|"
    r"illustration|foto|bild|quelle|fuente|crédit)s?(?:\s+by)?\s*:\s*\S"
    r"|(?:photo|image|picture|illustration) (?:by|courtesy of) \S"
    r"|©\s*\S.{0,60}$|\(c\)\s*\S.{0,60}$|/\s*(?:getty images|afp|reuters|ap|dpa|epa)\b",
    re.IGNORECASE,
)
_CAPTION_HINT = re.compile(r"[:©/]|\(c\)|courtesy| by ", re.IGNORECASE)  # cheap first look
_LEGAL = re.compile(r"all rights reserved|alle rechte|copyright \d{4}|©\s*\d{4}", re.IGNORECASE)
_PROSE_END = re.compile(r"[.!?…\"\u201d\u00bb\u2019')]$")
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|written by|posted by|author)\b", re.I)
_MAX_HEAD_WORDS = 22
_PROSE_CHARS = 100
_TITLE_WINDOW = 12


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


@dataclass(slots=True)
class Facts:
    """Per-block facts the role and kind rules read, computed once per page."""

    prose: list[bool]
    head: list[bool]  # heading-like: short, standing alone, not a sentence
    caption: list[bool]
    norm: list[str]  # normalised words ("" for blocks over 200 characters)
    words: list[int]  # word count (of the first 400 characters)


def facts(blocks: list[RawBlock]) -> Facts:
    f = Facts([], [], [], [], [])
    for b in blocks:
        t = b.text
        n = len(_WORD.findall(t[:400]))
        plain = b.bullet is None and "comment" not in b.extra
        cap = (plain and b.tag == "line" and len(t) <= 400 and _CAPTION_HINT.search(t) is not None
               and _CAPTION.search(t) is not None and not _LEGAL.search(t))
        short = len(t) <= 200
        f.words.append(n)
        f.prose.append(plain and len(t) >= _PROSE_CHARS and n >= 15)
        f.caption.append(cap)
        f.norm.append(_norm(t) if short else "")
        f.head.append(plain and short and b.tag == "line" and not cap and t[-1:] not in ".,;:"
                      and n <= _MAX_HEAD_WORDS and len(_LETTERS.findall(t)) >= 2
                      and not _BYLINE.match(t))
    return f


def body_start(f: Facts) -> int | None:
    """The first prose block that another prose block soon follows (a lone banner is not it)."""
    prose = [i for i, p in enumerate(f.prose) if p]
    for k, i in enumerate(prose):
        if k + 1 < len(prose) and prose[k + 1] - i <= 6:
            return i
    return prose[0] if prose else None


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


def _title(blocks: list[RawBlock], f: Facts) -> int | None:
    """The block showing the page's headline (its first occurrence), or None.

    Candidates are heading-like lines just above the prose; a candidate scores for being close
    to it, for being repeated on the page, for being headline-sized, and for sharing its words
    with the first paragraphs. Lines whose words name furniture ("Share on Twitter") are out.
    """
    start = body_start(f)
    if start is None:
        return None
    body = _body_words(blocks, f, start)
    best, best_score = None, 0.0
    for i in range(max(0, start - _TITLE_WINDOW), start):
        b = blocks[i]
        n_words = f.words[i]
        if not f.head[i] or n_words < 2 or text_kind(b.text) is not None:
            continue
        key = f.norm[i]
        score = 1.0 - (start - i) / (_TITLE_WINDOW + 1)
        if n_words >= 3 and f.norm.count(key) >= 2:
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
    key = f.norm[best]
    return next(i for i in range(len(blocks)) if f.norm[i] == key and f.head[i])


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
