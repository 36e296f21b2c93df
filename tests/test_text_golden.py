"""Golden text pages written for these tests (``tests/golden_text/<case>.txt`` + expected JSON).

Each case pins the title, the body paragraphs (``body_optional`` lines may or may not be kept),
captions with credits, the comment tree, the byline, and the furniture kind of chosen lines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import pageparts
from pageparts import Comment, Document, ModelError

HERE = Path(__file__).resolve().parent / "golden_text"
#: Known gaps of the shipped text model, by (test, case); not strict (see notes/text.md).
#: (test, case) pairs the shipped model is known to get wrong, with why (none at the moment).
KNOWN_GAPS: dict[tuple[str, str], str] = {}
CASES = sorted(HERE.glob("*.txt"))


def _tree(comments: tuple[Comment, ...]) -> list[dict[str, Any]]:
    return [{"author": c.author, "text": c.text, "replies": _tree(c.replies)} for c in comments]


@pytest.fixture(params=CASES, ids=lambda p: p.stem)
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Document]:
    path: Path = request.param
    gap = KNOWN_GAPS.get((request.function.__name__.removeprefix("test_"), path.stem))
    if gap:
        request.applymarker(pytest.mark.xfail(reason=gap, strict=False))
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    try:
        doc = pageparts.extract(path.read_bytes(), kind="text")
    except ModelError as exc:
        pytest.skip(f"no block model installed ({exc})")
    return expected, doc


def test_title(case: tuple[dict[str, Any], Document]) -> None:
    expected, doc = case
    assert doc.title == expected["title"]


def test_body(case: tuple[dict[str, Any], Document]) -> None:
    expected, doc = case
    optional = set(expected.get("body_optional", ()))
    got = [p for p in doc.text.split("\n\n") if p not in optional]
    assert got == expected["body"]


def test_captions(case: tuple[dict[str, Any], Document]) -> None:
    expected, doc = case
    got = [{"text": b.text, "credit": b.credit} for b in doc.blocks if b.label == "caption"]
    assert got == expected["captions"]


def test_comments(case: tuple[dict[str, Any], Document]) -> None:
    expected, doc = case
    assert _tree(doc.comments) == expected["comments"]


def test_byline(case: tuple[dict[str, Any], Document]) -> None:
    expected, doc = case
    if "byline" not in expected:
        pytest.skip("no byline in this case")
    assert [b.text for b in doc.blocks if b.label == "byline"] == expected["byline"]


def test_author(case: tuple[dict[str, Any], Document]) -> None:
    expected, doc = case
    if "author" not in expected:
        pytest.skip("no byline in this case")
    assert doc.author == expected["author"]


def test_date(case: tuple[dict[str, Any], Document]) -> None:
    expected, doc = case
    if "date" not in expected:
        pytest.skip("no date line in this case")
    assert doc.date is not None and doc.date.isoformat() == expected["date"]


def test_furniture_kinds(case: tuple[dict[str, Any], Document]) -> None:
    expected, doc = case
    kinds = {b.text: (b.label, b.kind) for b in doc.blocks}
    want = {line: ("furniture", kind) for line, kind in expected["furniture_kinds"].items()}
    assert {line: kinds.get(line) for line in want} == want
