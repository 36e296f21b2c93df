"""Hostile input: it may be rejected with a clear reason; it may not crash, hang or eat memory."""

from __future__ import annotations

import pytest

import pageparts
from pageparts import InputError, LimitExceeded, Options

PARA = ("<p>The committee met again on Thursday to discuss the harbour budget, and after a long "
        "debate it agreed to postpone the decision until the spring session of the council.</p>")


def test_unclosed_tags_still_give_text() -> None:
    page = "<html><body><div><p>Unclosed paragraph with enough words to be read as text here" \
           "<div><span><b>and more<i> words that never close" * 3
    doc = pageparts.extract(page)
    assert doc.status in ("ok", "empty")
    assert any("Unclosed paragraph" in b.text for b in doc.blocks)


def test_hundred_thousand_deep_nesting_does_not_recurse() -> None:
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + PARA + "</div>" * depth + "</body></html>"
    doc = pageparts.extract(page)
    assert any("harbour budget" in b.text for b in doc.blocks)


def test_deep_nesting_of_inline_and_lists() -> None:
    page = "<body>" + "<ul><li>item " * 20_000 + "</li></ul>" * 20_000 + "</body>"
    doc = pageparts.extract(page)
    assert doc.blocks


def test_fifty_megabyte_page_is_read() -> None:
    n = 50 * 1024 * 1024 // (len(PARA) + 12)
    body = "".join(PARA.replace("<p>", f"<p>Item {i}: ", 1) for i in range(n))
    page = f"<html><body><article>{body}</article></body></html>"
    assert len(page) > 50_000_000
    doc = pageparts.extract(page)
    assert doc.status == "ok"
    # read up to the block budget, every block labelled, and the result says it was cut short
    assert len(doc.blocks) == Options().max_blocks
    assert all(b.label for b in doc.blocks)
    assert len(doc.text) > 1_000_000
    assert doc.reason and "max_blocks" in doc.reason


def test_over_the_size_limit_is_limit_exceeded() -> None:
    with pytest.raises(LimitExceeded, match="max_bytes"):
        pageparts.extract(b"<p>" + b"x" * 2000 + b"</p>", options=Options(max_bytes=1000))


@pytest.mark.parametrize("data", [
    b"\x1f\x8b\x08\x00" + b"\x00" * 100,  # a gzip stream
    b"%PDF-1.7\n" + b"\x00\x01\x02" * 300,
    bytes(range(256)) * 40,
])
def test_binary_is_rejected_with_a_reason(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        pageparts.extract(data)


def test_wrong_charset_declaration_falls_back_without_crashing() -> None:
    text = "<html><head><meta charset='utf-8'></head><body><p>Grüße aus Köln, schöne Straße, " \
           "große Übung für alle Beteiligten in dieser Woche.</p></body></html>"
    doc = pageparts.extract(text.encode("cp1252"))  # declared utf-8, really cp1252
    assert "Köln" in " ".join(b.text for b in doc.blocks)


def test_undeclared_legacy_charset_is_detected() -> None:
    text = "<html><body><p>Привет, это длинный текст на русском языке, написанный для " \
           "проверки определения кодировки страницы без объявления.</p></body></html>"
    doc = pageparts.extract(text.encode("cp1251"))
    assert "русском" in " ".join(b.text for b in doc.blocks)


def test_nul_bytes_and_control_characters() -> None:
    page = "<p>Text with a NUL \x00 and \x07 bell and \ufffd replacement in the middle.</p>"
    doc = pageparts.extract(page)
    assert "\x00" not in doc.text


def test_only_markup_no_text() -> None:
    page = "<html><body>" + "<div><span></span></div>" * 5000 + "</body></html>"
    doc = pageparts.extract(page)
    assert doc.status == "empty"
    assert doc.reason
