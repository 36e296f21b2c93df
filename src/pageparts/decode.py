"""bytes → decoded :class:`~pageparts.blocks.Page`: charset once, at the boundary, and the kind."""

from __future__ import annotations

import codecs
import contextlib
import re

from ._errors import InputError, LimitExceeded
from ._options import Options
from .blocks import Page

__all__ = ["decode", "sniff_kind"]

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(
    r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<title|<!--|<div|<p[\s>]|<article|"
    r"<table|<script|<link|<\?xml)",
    re.IGNORECASE,
)
_TAGS = re.compile(
    r"</?(?:div|p|span|a|br|li|ul|td|tr|table|h[1-6]|section|article|body|head)\b", re.I
)


def _lookup(name: str) -> str | None:
    # WHATWG aliases that Python spells differently or that are declared wrongly in the wild.
    name = name.strip().lower()
    aliases = {"x-sjis": "shift_jis", "iso-8859-1": "cp1252", "latin1": "cp1252",
               "us-ascii": "cp1252", "ascii": "cp1252", "unicode": "utf-8", "utf8": "utf-8"}
    name = aliases.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_CONTROLS = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))


def _binary(data: bytes) -> bool:
    head = data[:4096]
    if not head:
        return False
    if head.count(0) > len(head) // 100 + 1:
        return True
    # C0 control characters other than tab, newline, form feed and carriage return are rare in
    # any text encoding that web pages use (UTF-16 is caught by its BOM or its NUL bytes)
    controls = sum(head.count(c) for c in _CONTROLS)
    if controls > len(head) // 50 + 2:
        return True
    magic = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh",
             b"\x28\xb5\x2f\xfd", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"OggS", b"RIFF")
    return head.startswith(magic)


def sniff_kind(content: str) -> str:
    """``"html"`` when the text looks like markup, else ``"text"``."""
    head = content[:4096]
    if _HTML_START.match(head):
        return "html"
    return "html" if len(_TAGS.findall(head)) >= 3 else "text"


def decode(page: bytes | str, options: Options, *, kind: str | None = None,
           url: str | None = None, encoding: str | None = None) -> Page:
    """Decode ``page`` once and decide its kind.

    Order for bytes: byte-order mark; strict UTF-8 (bytes that decode as UTF-8 are UTF-8,
    whatever is declared); the ``encoding`` given by the caller (an HTTP header); the page's own
    ``<meta charset>`` or XML declaration; then charset detection.
    Undecodable bytes never raise: they become U+FFFD.
    """
    if kind not in (None, "html", "text"):
        raise InputError(f"kind must be 'html', 'text' or None (sniff), not {kind!r}")
    if isinstance(page, str):
        if len(page) > options.max_bytes:
            raise LimitExceeded("page size (characters)", len(page), options.max_bytes,
                                "raise Options.max_bytes to read larger pages")
        return Page(page.replace("\x00", ""), kind or sniff_kind(page), None, url)
    if not isinstance(page, (bytes, bytearray, memoryview)):
        raise InputError(f"page must be bytes or str, not {type(page).__name__}")
    data = bytes(page)
    if len(data) > options.max_bytes:
        raise LimitExceeded("page size (bytes)", len(data), options.max_bytes,
                            "raise Options.max_bytes to read larger pages")
    if not any(data.startswith(bom) for bom, _ in _BOMS) and _binary(data):
        raise InputError("the input looks binary (compressed file, image or document), not a "
                         "web page; decompress it or pass the page itself")
    bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    text: str | None = None
    if bom is None:
        with contextlib.suppress(UnicodeDecodeError):  # valid UTF-8 is UTF-8, whatever is declared
            text, enc = data.decode("utf-8"), "utf-8"
    if text is None:
        enc = bom or _choose_encoding(data, encoding, options)
        text = data.decode(enc, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\x00", "")
    return Page(text, kind or sniff_kind(text), enc, url)


def _choose_encoding(data: bytes, declared: str | None, options: Options) -> str:
    """The charset of bytes that are not UTF-8: the caller's, the page's own, or detected."""
    if declared and (enc := _lookup(declared)) and enc != "utf-8":
        return enc
    head = data[:8192]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if m and (enc := _lookup(m.group(1).decode("ascii", "ignore"))) and enc != "utf-8":
        return enc
    from charset_normalizer import from_bytes  # imported lazily: rarely needed

    best = from_bytes(data[:200_000]).best()
    if best is not None and (enc := _lookup(best.encoding)):
        return enc
    return _lookup(options.default_encoding) or "cp1252"
