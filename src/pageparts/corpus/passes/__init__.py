"""Corpus passes: judgements that need the whole run, made once every record has its row.

Each pass reads the stored rows in output order and changes or marks rows; passes never add or
drop a row. :mod:`.site_templates` (two passes: observe every page, then apply) runs first, so
:mod:`.near_duplicates` compares the text that is finally written.
"""

from __future__ import annotations

from .near_duplicates import NEAR_DUPLICATE_PERM, near_duplicates, signatures_of, text_signature
from .site_templates import apply_templates, observe_templates

__all__ = [
    "NEAR_DUPLICATE_PERM",
    "apply_templates",
    "near_duplicates",
    "observe_templates",
    "signatures_of",
    "text_signature",
]
