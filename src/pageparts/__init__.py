"""pageparts: a web page's anatomy — the article, the furniture by kind, and the reader comments.

>>> import pageparts
>>> doc = pageparts.extract(html_bytes, url="https://example.org/a")  # doctest: +SKIP
>>> doc.title, doc.text, doc.comments  # doctest: +SKIP
"""

from __future__ import annotations

from ._api import Extractor, extract
from ._document import (
    FURNITURE_KINDS,
    LABELS,
    PAGE_TYPES,
    SCHEMA_VERSION,
    Block,
    Comment,
    Document,
    Furniture,
)
from ._errors import InputError, LimitExceeded, MissingExtra, ModelError, PagepartsError
from ._options import Options

__version__ = "0.1.0"

__all__ = [
    "FURNITURE_KINDS",
    "LABELS",
    "PAGE_TYPES",
    "SCHEMA_VERSION",
    "Block",
    "Comment",
    "Document",
    "Extractor",
    "Furniture",
    "InputError",
    "LimitExceeded",
    "MissingExtra",
    "ModelError",
    "Options",
    "PagepartsError",
    "__version__",
    "extract",
]
