"""The shape of a page's address, a page-type signal: a home page or section front is shallow,
an article has a long slug, a forum thread or a product often ends in a number."""

from __future__ import annotations

import math
import re
from urllib.parse import urlsplit

__all__ = ["URL_SHAPE_NAMES", "url_shape"]

URL_SHAPE_NAMES = ("url_known", "url_depth", "url_root", "url_slug_words", "url_last_len",
                   "url_numeric", "url_query", "url_slash", "url_file")
_SLUG_SPLIT = re.compile(r"[-_+.]+")
_FILE = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm)$")


def _words(segment: str) -> int:
    return sum(1 for w in _SLUG_SPLIT.split(segment) if w)


def url_shape(url: str | None) -> dict[str, float]:
    """The :data:`URL_SHAPE_NAMES` columns of an address (all zero without one: a page read from
    a file; ``url_known`` tells the model which case it is in)."""
    if not url:
        return dict.fromkeys(URL_SHAPE_NAMES, 0.0)
    try:
        parts = urlsplit(url)
    except ValueError:
        return dict.fromkeys(URL_SHAPE_NAMES, 0.0)
    segments = [s for s in parts.path.split("/") if s]
    last = segments[-1] if segments else ""
    return {
        "url_known": 1.0,
        "url_depth": float(min(len(segments), 10)),
        "url_root": 0.0 if segments else 1.0,
        "url_slug_words": float(min(max((_words(s) for s in segments), default=0), 30)),
        "url_last_len": math.log1p(len(last)),
        "url_numeric": 1.0 if any(s.isdigit() for s in segments) else 0.0,
        "url_query": 1.0 if parts.query else 0.0,
        "url_slash": 1.0 if parts.path.endswith("/") and segments else 0.0,
        "url_file": 1.0 if _FILE.search(last.lower()) else 0.0,
    }
