"""Options: defined once, here. The CLI builds one of these and passes nothing else down."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Options"]


@dataclass(frozen=True, slots=True)
class Options:
    """How pages are read and what the Document keeps.

    Limits make hostile input a clear result or a :class:`~pageparts.LimitExceeded`, never a
    crash or a hang.
    """

    #: Pages larger than this many bytes (or characters) raise LimitExceeded.
    max_bytes: int = 64 * 1024 * 1024
    #: DOM deeper than this is flattened below the limit (its text is kept, its structure is not).
    max_depth: int = 256
    #: Tag nesting deeper than this is flattened before parsing (HTML5 tree building is
    #: quadratic in depth); the text below is kept.
    max_nesting: int = 2000
    #: A page is read up to this many blocks; past it, the Document says so in its reason.
    max_blocks: int = 20_000
    #: Probability above which a block counts as main content (0.2 lower on HTML listings and
    #: collections, whose items score lower, 0.15 on plain text; see ``assemble.lower_bar``).
    threshold: float = 0.5
    #: Include reader comments in the Document.
    comments: bool = True
    #: Include the furniture list (blocks always carry their labels).
    furniture: bool = True
    #: Force the page type instead of predicting it (one of PAGE_TYPES), or None.
    page_type: str | None = None
    #: Charset to use when the bytes do not declare one and detection is unsure.
    default_encoding: str = "utf-8"
