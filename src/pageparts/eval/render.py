"""Text-mode hook: decoded HTML → the plain-text rendering pageparts' text mode reads.

Renderers come from ``pageparts.text.render`` when it provides them (a ``RENDERERS`` table of
name → function, or a ``render_<name>`` function). Until then two stand-ins built on
resiliparse's whole-page rendering are used:

- ``bullets``: ``extract_plain_text(html)``, list items as ``•`` bullets indented two spaces a
  level (how the seed page looks);
- ``wet``: the same without bullets and with every line's indent removed, one line per block (how
  Common Crawl WET files look).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .._errors import InputError, MissingExtra

__all__ = ["RENDER_NAMES", "load_renderer"]

RENDER_NAMES = ("bullets", "wet")

Renderer = Callable[[str], str]


def _from_text_package(name: str) -> Renderer | None:
    try:
        module: Any = importlib.import_module("pageparts.text.render")
    except ImportError:
        return None
    table = getattr(module, "RENDERERS", None)
    if isinstance(table, dict) and callable(table.get(name)):
        fn: Renderer = table[name]
        return fn
    fn_attr = getattr(module, f"render_{name}", None)
    return fn_attr if callable(fn_attr) else None


def _resiliparse(*, bullets: bool) -> Renderer:
    try:
        from resiliparse.extract.html2text import (
            extract_plain_text,
        )
        from resiliparse.parse.html import HTMLTree
    except ImportError as exc:
        raise MissingExtra(f"resiliparse (the stand-in text renderer; {exc})", "eval") from exc

    def render(html: str) -> str:
        text: str = extract_plain_text(HTMLTree.parse(html), main_content=False,
                                       list_bullets=bullets)
        if bullets:
            return text
        return "\n".join(line.strip() for line in text.splitlines())

    return render


def load_renderer(name: str | None) -> Renderer:
    """The renderer called ``name`` ("bullets" or "wet"; None means "bullets")."""
    name = name or "bullets"
    if name not in RENDER_NAMES:
        raise InputError(f"unknown text rendering {name!r}; choose from {', '.join(RENDER_NAMES)}")
    return _from_text_package(name) or _resiliparse(bullets=name == "bullets")
