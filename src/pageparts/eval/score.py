"""Scoring one system on one pack: every metric a pack's gold allows, page by page.

Metadata matching (documented here, used in every report):

- gold ``None``, ``""``, ``"None"``, ``"[]"`` or ``[]`` means the gold has no value: the page is
  not counted for that field;
- title and author: equal after Unicode NFKC, typographic quotes folded to ASCII, whitespace
  collapsing and case folding; a gold *list* of authors matches when every name occurs in the
  normalised prediction;
- date: equal as ISO calendar dates (the first 10 characters); a year-month gold (``2024-05``)
  matches any prediction in that month.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .metrics import ShingleScore, SnippetScore, WordScore, normalize_space
from .systems import Output

__all__ = ["Match", "PackScore", "gold_value", "match_author", "match_date", "match_text"]

_ABSENT = (None, "", "None", "[]", "null")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?")
# The packs' gold writes straight quotes where pages often curl them.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def gold_value(gold: dict[str, Any], key: str) -> Any:
    """The gold's value for ``key``, or None when the gold has none."""
    value = gold.get(key)
    if isinstance(value, list):
        value = [v for v in value if isinstance(v, str) and v.strip()]
        return value or None
    if isinstance(value, str):
        value = value.strip()
    return None if value in _ABSENT else value


def _norm(text: str) -> str:
    return normalize_space(unicodedata.normalize("NFKC", text).translate(_QUOTES)).casefold()


def match_text(pred: str | None, gold: str) -> bool:
    """Title (and single-author) match: NFKC, whitespace-collapsed, case-insensitive equality."""
    return pred is not None and _norm(pred) == _norm(gold)


def match_author(pred: str | None, gold: str | list[str]) -> bool:
    """Author match; a list of gold names matches when each occurs in the prediction."""
    if isinstance(gold, list):
        return pred is not None and all(_norm(name) in _norm(pred) for name in gold)
    return match_text(pred, gold)


def match_date(pred: str | None, gold: str) -> bool:
    """Date match on ISO calendar dates; a year-month gold matches any day of that month."""
    g = _ISO_DATE.match(gold.strip())
    if pred is None or g is None:
        return False
    p = _ISO_DATE.match(pred.strip())
    return p is not None and p.group(0)[: len(g.group(0))] == g.group(0)


@dataclass(slots=True)
class Match:
    """Exact-match accuracy over the pages whose gold has a value."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def to_dict(self) -> dict[str, float | int]:
        acc = self.correct / self.total if self.total else 0.0
        return {"accuracy": round(acc, 4), "correct": self.correct, "n": self.total}


@dataclass(slots=True)
class PackScore:
    """All scores of one system on one pack, plus its time and failures."""

    system: str
    #: Which optional outputs the system gives (a peer without metadata is not scored on it).
    does_metadata: bool = True
    does_comments: bool = True
    does_page_type: bool = False
    pages: int = 0
    seconds: float = 0.0
    errors: int = 0
    empty: int = 0
    word: WordScore = field(default_factory=WordScore)
    shingle: ShingleScore = field(default_factory=ShingleScore)
    snippet: SnippetScore = field(default_factory=SnippetScore)
    comments_found: SnippetScore = field(default_factory=SnippetScore)
    #: The same, counting only the snippets the stored HTML holds (others load by script).
    comments_found_shown: SnippetScore = field(default_factory=SnippetScore)
    comments_in_main: SnippetScore = field(default_factory=SnippetScore)
    title: Match = field(default_factory=Match)
    author: Match = field(default_factory=Match)
    date: Match = field(default_factory=Match)
    page_type: Match = field(default_factory=Match)
    error_examples: list[str] = field(default_factory=list)
    #: Keep each page's word F1 and whether the system gave comments (``page_scores`` in
    #: :meth:`to_dict`), for paired comparisons between systems.
    keep_pages: bool = False
    page_rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, out: Output, gold: dict[str, Any], seconds: float,
            shown: str | None = None) -> None:
        """Score one page's output against its gold; ``shown`` is the text of the page's HTML
        (to tell the comment snippets it holds from those loaded by scripts)."""
        self.pages += 1
        self.seconds += seconds
        if out.status.startswith("error"):
            self.errors += 1
            if len(self.error_examples) < 5:
                self.error_examples.append(f"{gold.get('id')}: {out.status}")
        elif out.status != "ok" or not out.text.strip():
            self.empty += 1
        text = gold.get("text")
        if isinstance(text, str):
            self.word.add(out.text, text, gold.get("page_type"))
            self.shingle.add(out.text, text)
            if self.keep_pages:
                self.page_rows.append({"id": gold.get("id"), "page_type": gold.get("page_type"),
                                       "word_f1": round(self.word.rows[-1][3], 4),
                                       "comments": bool(out.comments)})
        with_, without = gold.get("with") or [], gold.get("without") or []
        if with_ or without:
            self.snippet.add(out.text, with_, without)
        comments = gold.get("comments") or []
        if comments:
            # Found in the comments output: recall of the thread; found in main text: a leak.
            if self.does_comments:
                self.comments_found.add(out.comments or "", comments)
                if shown is not None:
                    page_text = normalize_space(shown)
                    held = [c for c in comments if normalize_space(c) in page_text]
                    if held:
                        self.comments_found_shown.add(out.comments or "", held)
            self.comments_in_main.add(out.text, comments)
        self._metadata(out, gold)

    def _metadata(self, out: Output, gold: dict[str, Any]) -> None:
        if (page_type := gold_value(gold, "page_type")) is not None and self.does_page_type:
            self.page_type.add(out.page_type == page_type)
        if not self.does_metadata:
            return
        if (title := gold_value(gold, "title")) is not None:
            self.title.add(match_text(out.title, title))
        if (author := gold_value(gold, "author")) is not None:
            self.author.add(match_author(out.author, author))
        if (date := gold_value(gold, "date")) is not None:
            self.date.add(match_date(out.date, date))

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "pages": self.pages,
            "errors": self.errors,
            "empty": self.empty,
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(self.pages_per_second, 2),
        }
        if self.word.rows:
            d["word"] = self.word.result().to_dict()
            d["word_by_page_type"] = {g: self.word.result(g).to_dict() for g in self.word.groups()}
            d["shingle"] = self.shingle.result().to_dict()
        if self.snippet.pages:
            d["snippet"] = {**self.snippet.result().to_dict(), "tp": self.snippet.tp,
                            "fp": self.snippet.fp, "fn": self.snippet.fn}
        if self.comments_in_main.pages:
            if self.comments_found.pages:
                d["comments_recall"] = self._recall(self.comments_found)
            if self.comments_found_shown.pages:
                d["comments_recall_shown"] = self._recall(self.comments_found_shown)
            d["comments_in_main_text"] = self._recall(self.comments_in_main)
        for name in ("title", "author", "date", "page_type"):
            match: Match = getattr(self, name)
            if match.total:
                d[name] = match.to_dict()
        if self.error_examples:
            d["error_examples"] = self.error_examples
        if self.keep_pages:
            d["page_scores"] = self.page_rows
        return d

    @staticmethod
    def _recall(s: SnippetScore) -> dict[str, float | int]:
        n = s.tp + s.fn
        return {"share": round(s.tp / n, 4) if n else 0.0, "found": s.tp, "snippets": n,
                "pages": s.pages}
