"""The peers pageparts is measured against: trafilatura and resiliparse (the ``eval`` extra).

Each runs with settings close to its defaults, on the same decoded page pageparts reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._errors import InputError, MissingExtra
from .systems import Output, System

__all__ = [
    "PEERS",
    "ResiliparseSystem",
    "TrafilaturaSystem",
    "TrafilaturaTextSystem",
    "load_peers",
]


class TrafilaturaSystem:
    """trafilatura's ``bare_extraction`` with its defaults (comments on, kept apart from the
    main text) plus ``with_metadata=True``, so it does the same work as pageparts: main text,
    reader comments, title, author and date in one call."""

    name = "trafilatura"
    does_metadata = does_comments = True
    does_page_type = False

    def __init__(self) -> None:
        try:
            import trafilatura
        except ImportError as exc:
            raise MissingExtra(f"trafilatura (import failed: {exc})", "eval") from exc
        self._bare = trafilatura.bare_extraction

    def prepare(self, page: str) -> str:
        return page

    def run(self, page: str, url: str | None) -> Output:
        try:
            doc: Any = self._bare(page, url=url, with_metadata=True, include_comments=True)
        except Exception as exc:  # a peer's crash is a result, not the end of the run
            return Output("", status=f"error: {type(exc).__name__}: {exc}")
        if doc is None:
            return Output("", status="empty")
        return Output(
            text=doc.text or "",
            comments=doc.comments or "",
            title=doc.title,
            author=doc.author,
            date=doc.date,
        )


class TrafilaturaTextSystem:
    """trafilatura's ``extract`` with its defaults but comments off: main text only, no
    metadata (the cheapest common use; its speed is the one usually quoted)."""

    name = "trafilatura-text"
    does_metadata = does_comments = does_page_type = False

    def __init__(self) -> None:
        try:
            import trafilatura
        except ImportError as exc:
            raise MissingExtra(f"trafilatura (import failed: {exc})", "eval") from exc
        self._extract = trafilatura.extract

    def prepare(self, page: str) -> str:
        return page

    def run(self, page: str, url: str | None) -> Output:
        try:
            text: str | None = self._extract(page, url=url, include_comments=False)
        except Exception as exc:  # a peer's crash is a result, not the end of the run
            return Output("", status=f"error: {type(exc).__name__}: {exc}")
        return Output(text or "", status="ok" if text else "empty")


class ResiliparseSystem:
    """resiliparse's ``extract_plain_text(tree, main_content=True)``; it gives text only."""

    name = "resiliparse"
    does_metadata = does_comments = does_page_type = False

    def __init__(self) -> None:
        try:
            from resiliparse.extract.html2text import (
                extract_plain_text,
            )
            from resiliparse.parse.html import HTMLTree
        except ImportError as exc:
            raise MissingExtra(f"resiliparse (import failed: {exc})", "eval") from exc
        self._parse = HTMLTree.parse
        self._extract = extract_plain_text

    def prepare(self, page: str) -> str:
        return page

    def run(self, page: str, url: str | None) -> Output:
        try:
            text: str = self._extract(self._parse(page), main_content=True)
        except Exception as exc:  # a peer's crash is a result, not the end of the run
            return Output("", status=f"error: {type(exc).__name__}: {exc}")
        return Output(text=text)


#: Peer name → (module it needs, constructor).
PEERS: dict[str, tuple[str, Callable[[], System]]] = {
    "trafilatura": ("trafilatura", TrafilaturaSystem),
    "trafilatura-text": ("trafilatura", TrafilaturaTextSystem),
    "resiliparse": ("resiliparse", ResiliparseSystem),
}


def load_peers(names: list[str], *, warn: Callable[[str], None] | None = None) -> list[System]:
    """Construct the named peers; an uninstalled one is skipped with a message naming the extra
    (or raises :class:`MissingExtra` when ``warn`` is None)."""
    systems: list[System] = []
    for name in names:
        if name not in PEERS:
            raise InputError(f"unknown peer {name!r}; choose from {', '.join(PEERS)} or none")
        try:
            systems.append(PEERS[name][1]())
        except MissingExtra as exc:
            if warn is None:
                raise
            warn(f"skipping {name}: {exc}")
    return systems
