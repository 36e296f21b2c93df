"""The three benchmark metrics, exactly as ``datasets/README.md`` defines them.

Each metric is an accumulator: ``add(pred, gold)`` one page at a time, then ``result()``.
Nothing here knows about packs, systems or timing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = [
    "PRF",
    "ShingleScore",
    "SnippetScore",
    "WordScore",
    "normalize_space",
    "shingles",
    "word_bag",
    "word_prf",
]

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall, F1 and how many pages (or snippets) they were computed over."""

    precision: float
    recall: float
    f1: float
    n: int

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "n": self.n}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


# --- 1. shingle F1 ------------------------------------------------------------------------------

def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-token windows of ``text`` (case-sensitive ``\\w+`` tokens).

    A text of 1 to 3 tokens gives one short shingle; an empty text gives none.
    """
    tokens = _WORD.findall(text)
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3)))


@dataclass(slots=True)
class ShingleScore:
    """Shingle F1: page P and R from shingle multisets; corpus F1 from the mean P and mean R.

    A page whose output and gold shingles are identical (fp = fn = 0) scores P = R = 1. Otherwise
    its precision is left out of the mean when the output has no shingles (tp+fp = 0) and its
    recall is left out when the gold has none (tp+fn = 0).
    """

    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    pages: int = 0

    def add(self, pred: str, gold: str) -> None:
        p, g = shingles(pred), shingles(gold)
        tp = sum((p & g).values())
        fp = sum((p - g).values())
        fn = sum((g - p).values())
        self.pages += 1
        if fp == 0 and fn == 0:  # identical multisets (both empty included): a perfect page
            self.precisions.append(1.0)
            self.recalls.append(1.0)
            return
        # The README divides all three counts by tp+fp+fn first; the ratios below are unchanged.
        if tp + fp > 0:  # empty output: left out of the precision mean
            self.precisions.append(tp / (tp + fp))
        if tp + fn > 0:  # empty gold: left out of the recall mean
            self.recalls.append(tp / (tp + fn))

    def result(self) -> PRF:
        p, r = _mean(self.precisions), _mean(self.recalls)
        return PRF(p, r, _f1(p, r), self.pages)


# --- 2. word F1 ---------------------------------------------------------------------------------

def word_bag(text: str) -> Counter[str]:
    """The bag of lower-cased ``\\w+`` tokens of ``text``."""
    return Counter(_WORD.findall(text.lower()))


def word_prf(pred: str, gold: str) -> tuple[float, float, float]:
    """One page's word (P, R, F1), with WCXB's rules for empty gold and empty output."""
    p, g = word_bag(pred), word_bag(gold)
    n_pred, n_gold = sum(p.values()), sum(g.values())
    if n_gold == 0:
        score = 1.0 if n_pred == 0 else 0.0
        return score, score, score
    if n_pred == 0:
        return 0.0, 0.0, 0.0
    overlap = sum((p & g).values())
    precision, recall = overlap / n_pred, overlap / n_gold
    return precision, recall, _f1(precision, recall)


@dataclass(slots=True)
class WordScore:
    """Word F1: the mean of per-page F1 (and the means of per-page P and R), by group too."""

    rows: list[tuple[str | None, float, float, float]] = field(default_factory=list)

    def add(self, pred: str, gold: str, group: str | None = None) -> None:
        self.rows.append((group, *word_prf(pred, gold)))

    def result(self, group: str | None = None) -> PRF:
        """Scores over all pages, or over the pages added with ``group``."""
        rows = [r for r in self.rows if group is None or r[0] == group]
        return PRF(_mean([r[1] for r in rows]), _mean([r[2] for r in rows]),
                   _mean([r[3] for r in rows]), len(rows))

    def groups(self) -> list[str]:
        return sorted({r[0] for r in self.rows if r[0] is not None})


# --- 3. snippet F1 ------------------------------------------------------------------------------

def normalize_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


@dataclass(slots=True)
class SnippetScore:
    """Snippet F1: ``with`` snippets found are TP, missed FN; ``without`` snippets found are FP.

    Counts are summed over all pages; F1 = 2TP / (2TP + FP + FN). Empty snippets are ignored
    (an empty string is "found" in any output and would say nothing).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    pages: int = 0

    def add(self, pred: str, with_: Iterable[str] = (), without: Iterable[str] = ()) -> None:
        out = normalize_space(pred)
        self.pages += 1
        for snippet in with_:
            s = normalize_space(snippet)
            if not s:
                continue
            if s in out:
                self.tp += 1
            else:
                self.fn += 1
        for snippet in without:
            s = normalize_space(snippet)
            if not s:
                continue
            if s in out:
                self.fp += 1
            else:
                self.tn += 1

    def result(self) -> PRF:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        denom = 2 * self.tp + self.fp + self.fn
        return PRF(p, r, 2 * self.tp / denom if denom else 0.0, self.pages)
