"""Text → lines: each line's indent, bullet marker and the blank lines before it.

The layout of a plain-text dump is all the structure it has: resiliparse-style renderings write
list items as ``•`` bullets indented two spaces a level and separate blocks with blank lines;
WET-style renderings write one line per block with neither. Both reduce to :class:`Line` values.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..html._meta_dates import MONTH_NAMES

__all__ = ["MAX_LINE_CHARS", "Line", "split_lines"]

#: A longer line is cut at spaces into pieces of about this size (hostile or unwrapped dumps),
#: so that no single block costs more than a bounded amount of work downstream.
MAX_LINE_CHARS = 20_000
_TAB_WIDTH = 4
#: A bullet: a symbol, ``1.``/``1)``/``(1)``, or ``a)`` followed by space and text.
_BULLET = re.compile(
    r"([•·◦▪▫●○■□►▸‣\u2043∙*\u2013\u2014-]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z]\))[ \t\u00a0]+(?=\S)"
)


#: A day of the month written as an ordinal ("1. Juni 2016", "12. März", "5. Juni bis …"): not
#: a numbered item. A month name of three letters or fewer must end the line or come before a
#: number or a separator, so that "1. Set up …" (an abbreviation that is also a word) stays one.
_SEP = r"(?:[ \t\u00a0]*$|,?[ \t\u00a0]*\d|[ \t\u00a0]*[,;|/\u2013\u2014-])"
_DAY_MONTH = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])\.[ \t\u00a0]+(?:(?:"
    + "|".join(re.escape(n) for n in MONTH_NAMES if len(n) >= 4)
    + r")\.?(?![^\W\d_])|(?:"
    + "|".join(re.escape(n) for n in MONTH_NAMES if len(n) < 4)
    + r")\.?(?![^\W\d_])" + _SEP + ")",
    re.IGNORECASE,
)
_BULLET_START = frozenset("•·◦▪▫●○■□►▸‣\u2043∙*\u2013\u2014-(0123456789abcdefghijklmnopqrstuvwxyz")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CELLS = re.compile(r"[ ]*\t[\t ]*")


class Line(NamedTuple):
    """One non-blank line of the page (``text`` without indent and bullet); a named tuple, made
    three times faster than a frozen dataclass (a page has thousands)."""

    text: str
    number: int  # 0-based line number in the page
    indent: int  # leading columns (tabs count as four)
    bullet: str | None
    blank_before: int  # blank lines just above
    cells: bool = False  # tab-separated cells (a table row), joined with " | " in ``text``


def _pieces(text: str) -> list[str]:
    """A very long line cut at spaces into pieces of at most about MAX_LINE_CHARS."""
    if len(text) <= MAX_LINE_CHARS:
        return [text]
    out: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + MAX_LINE_CHARS, len(text))
        if end < len(text):
            cut = text.rfind(" ", start + MAX_LINE_CHARS // 2, end)
            end = cut if cut > start else end
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    return out


def split_lines(content: str) -> list[Line]:
    """The page's non-blank lines with their layout."""
    out: list[Line] = []
    blank = 0
    content = _CONTROL.sub("", content)
    for number, raw in enumerate(content.splitlines()):
        line = raw.rstrip()
        rest = line.lstrip(" \t\u00a0")
        if not rest:
            blank += 1
            continue
        indent = len(line) - len(rest)
        if indent:  # tabs count as _TAB_WIDTH columns
            indent += line.count("\t", 0, indent) * (_TAB_WIDTH - 1)
        bullet = None
        if rest[0] in _BULLET_START:
            m = _BULLET.match(rest)
            if m and len(rest) > m.end() and not (rest[0].isdigit() and _DAY_MONTH.match(rest)):
                bullet = m.group(1)
                rest = rest[m.end():]
        cells = "\t" in rest
        if cells:
            rest = _CELLS.sub(" | ", rest)
        if len(rest) <= MAX_LINE_CHARS:
            out.append(Line(rest, number, indent, bullet, blank, cells))
        else:
            for k, piece in enumerate(_pieces(rest)):
                out.append(Line(piece, number, indent, bullet if k == 0 else None,
                                blank if k == 0 else 0, cells))
        blank = 0
    return out
