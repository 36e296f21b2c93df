"""HTML → plain text, the two ways web corpora store pages (for training and evaluation).

* ``bullets``: resiliparse's whole-page ``extract_plain_text(html, main_content=False)`` with its
  defaults (list items as ``•`` bullets, two spaces of indent a level, blank lines between
  blocks, image alt texts kept): how the seed page and resiliparse-made corpora look. The
  ``<noscript>`` that holds the page is unwrapped first, as for ``wet``: resiliparse drops
  ``<noscript>`` content, and a forum that renders in the browser would be an empty record.
* ``wet``: one line per block, no bullets, no indent, no blank lines, no alt texts, like Common
  Crawl WET records. Written from pageparts' own HTML segmenter (after the same markup fixes as
  the HTML path, so text a ``<noscript>`` holds for crawlers is there), so each line knows its
  element.

:func:`render_lines` gives, for each rendered line, the class/id vocabulary of the HTML around it
(the same ``tokens``/``own_tokens`` the HTML segmenter records): silver labels for furniture kinds
and comments. For ``wet`` the context is exact; for ``bullets`` it is aligned by text to the
segmenter's blocks (lines the segmenter does not have, such as alt texts, get no context).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .._errors import InputError, MissingExtra
from .._options import Options
from ..blocks import RawBlock

__all__ = ["RENDERERS", "STYLES", "RenderedLine", "render", "render_bullets", "render_lines",
           "render_wet"]

STYLES = ("bullets", "wet")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class RenderedLine:
    """One line of a rendering and the HTML context it came from."""

    text: str
    tokens: frozenset[str] = frozenset()  # class/id vocabulary of the element's ancestors
    own_tokens: frozenset[str] = frozenset()  # of the element itself and its parent
    tag: str | None = None  # the segmenter's structural role (None: not aligned)


def _as_str(html: bytes | str) -> str:
    if isinstance(html, str):
        return html
    from ..decode import decode

    return decode(html, Options(), kind="html").content


def _html_blocks(html: str) -> list[RawBlock]:
    from selectolax.lexbor import LexborHTMLParser

    from ..html.prepare import prepare
    from ..html.segment import segment

    # the markup as the HTML path reads it (``<noscript>`` that holds the page unwrapped, as a
    # crawler's text would have it), so a forum rendered in the browser is not an empty record
    options = Options()
    tree = LexborHTMLParser(prepare(html, options.max_nesting))
    return segment(tree, options)[0]  # (blocks, element spans, ...)


def render_bullets(html: str) -> str:
    """resiliparse's whole-page plain text (needs the ``eval`` extra)."""
    try:
        from resiliparse.extract.html2text import (
            extract_plain_text,
        )
        from resiliparse.parse.html import HTMLTree
    except ImportError as exc:
        raise MissingExtra("resiliparse", "eval") from exc
    from ..html.prepare import resolve_noscript

    text: str = extract_plain_text(HTMLTree.parse(resolve_noscript(html)), main_content=False)
    return text


def _wet_lines(blocks: list[RawBlock]) -> list[RenderedLine]:
    out = []
    for b in blocks:
        for raw in b.text.split("\n"):
            line = " ".join(raw.split())
            if line:
                out.append(RenderedLine(line, b.tokens, b.own_tokens, b.tag))
    return out


def render_wet(html: str) -> str:
    """One line per block, no bullets, no indent, no blank lines (Common Crawl WET style)."""
    return "\n".join(ln.text for ln in _wet_lines(_html_blocks(html)))


RENDERERS: dict[str, Callable[[str], str]] = {"bullets": render_bullets, "wet": render_wet}


def render(html: bytes | str, style: str) -> str:
    """``html`` (bytes in any charset, or str) rendered as plain text in ``style``."""
    fn = RENDERERS.get(style)
    if fn is None:
        raise InputError(f"unknown text rendering {style!r}; choose from {', '.join(STYLES)}")
    return fn(_as_str(html))


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def render_lines(html: bytes | str, style: str) -> list[RenderedLine]:
    """The rendering's lines (blank lines left out), each with its HTML context."""
    src = _as_str(html)
    context = _wet_lines(_html_blocks(src))
    if style == "wet":
        return context
    text = render(src, style)
    # align in order: each rendered line takes the next unused segmenter line with the same words
    by_key: dict[str, list[int]] = {}
    for i, ln in enumerate(context):
        by_key.setdefault(_key(ln.text), []).append(i)
    pos = dict.fromkeys(by_key, 0)
    out = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("•").strip()
        if not line:
            continue
        k = _key(line)
        hits = by_key.get(k)
        if hits and pos[k] < len(hits):
            c = context[hits[pos[k]]]
            pos[k] += 1
            out.append(RenderedLine(raw.rstrip(), c.tokens, c.own_tokens, c.tag))
        else:
            out.append(RenderedLine(raw.rstrip()))
    return out
