"""Baselines for the text mode: the whole rendering, and C4's line rules.

C4's rules, as the T5 paper (Raffel et al., 2020, section 2.2) describes them, written from that
description. Line rules: keep a line only if it ends in terminal punctuation (period, exclamation
mark, question mark, closing quotation mark) and has at least **five** words (the paper says five;
three is a common variant); drop lines that mention "javascript" and lines with the policy strings
"terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
"use cookies"; remove citation markers such as "[1]" and "[citation needed]".
Page rules (only with ``page_rules=True``): a page with "lorem ipsum", a curly bracket, or fewer
than three sentences left is dropped (its output is empty). The bad-words page filter and the
corpus-level three-sentence deduplication are not extraction and are left out.

The baselines double as evaluation systems (:func:`baseline_systems`): same interface as
:class:`pageparts.eval.systems.PagepartsSystem`, reading the same rendering.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..eval.systems import Output

__all__ = ["BaselineSystem", "baseline_systems", "c4_lines", "whole_text"]

_BULLET = re.compile(r"^\s*(?:[•·◦▪*\u2013-]|\d{1,3}[.)])\s+")
_TERMINAL = (".", "!", "?", '"', "\u201d", "\u2019", "\u00bb", "'")
_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
           "use cookies")
_CITATION = re.compile(r"\[\d+\]|\[citation needed\]|\[edit\]|\[update\]", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?]+[\"\u201d\u2019\u00bb']*(?:\s|$)")
MIN_WORDS = 5


def whole_text(text: str) -> str:
    """The rendering unchanged (bullets and indents carry no words)."""
    return text


def _keep(line: str) -> bool:
    if not line.endswith(_TERMINAL) or len(line.split()) < MIN_WORDS:
        return False
    low = line.lower()
    return "javascript" not in low and not any(p in low for p in _POLICY)


def c4_lines(text: str, *, page_rules: bool = False) -> str:
    """The lines of ``text`` that C4's line rules keep (see the module docstring)."""
    low = text.lower()
    if page_rules and ("lorem ipsum" in low or "{" in text):
        return ""
    kept = []
    for raw in text.splitlines():
        line = _CITATION.sub("", _BULLET.sub("", raw)).strip()
        if line and _keep(line):
            kept.append(line)
    out = "\n".join(kept)
    if page_rules and len(_SENTENCE.findall(out)) < 3:
        return ""
    return out


class BaselineSystem:
    """A text baseline as an evaluation system: ``prepare`` renders, ``run`` filters."""

    does_metadata = does_comments = does_page_type = False

    def __init__(self, name: str, fn: Callable[[str], str],
                 render: Callable[[str], str] | None = None) -> None:
        self.name = name
        self.fn = fn
        self.render = render

    def prepare(self, page: str) -> str:
        return self.render(page) if self.render is not None else page

    def run(self, page: str, url: str | None) -> Output:
        text = self.fn(page)
        return Output(text=text, status="ok" if text.strip() else "empty")


def baseline_systems(render: Callable[[str], str] | None = None) -> list[BaselineSystem]:
    """The whole-text and C4 baselines, reading ``render(decoded_html)`` (or the text itself)."""
    return [BaselineSystem("whole-text", whole_text, render),
            BaselineSystem("c4-rules", c4_lines, render)]
