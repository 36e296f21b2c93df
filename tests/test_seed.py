"""The seed page (``../shared/seed/``): the text mode must recover exactly its hand-written
structure — title, body paragraphs, caption and credit, furniture kinds, comment tree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import pageparts
from pageparts import Comment, Document, ModelError

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed"


def _seed_cases() -> list[Path]:
    if not SEED.is_dir():
        return []
    return sorted(SEED.glob("*.expected.json"))


def _extract(path: Path) -> Document:
    try:
        return pageparts.extract(path.read_bytes(), kind="text")
    except ModelError as exc:
        pytest.skip(f"no block model installed ({exc})")


def _tree(comments: tuple[Comment, ...]) -> list[dict[str, Any]]:
    return [{"author": c.author, "text": c.text, "replies": _tree(c.replies)} for c in comments]


@pytest.fixture(params=_seed_cases() or [None], ids=lambda p: p.name if p else "absent")
def seed(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Document]:
    path = request.param
    if path is None:
        pytest.skip(f"the seed folder {SEED} is absent (it lives beside the checkout)")
    expected = json.loads(path.read_text(encoding="utf-8"))
    return expected, _extract(path.parent / expected["source"])


def test_seed_title(seed: tuple[dict[str, Any], Document]) -> None:
    expected, doc = seed
    assert doc.title == expected["title"]


def test_seed_body_is_exactly_the_paragraphs(seed: tuple[dict[str, Any], Document]) -> None:
    expected, doc = seed
    assert doc.text == "\n\n".join(expected["body"])


def test_seed_caption_and_credit(seed: tuple[dict[str, Any], Document]) -> None:
    expected, doc = seed
    got = [{"text": b.text, "credit": b.credit} for b in doc.blocks if b.label == "caption"]
    assert got == expected["captions"]


def test_seed_furniture_kinds(seed: tuple[dict[str, Any], Document]) -> None:
    expected, doc = seed
    got = [{"kind": f.kind, "lines": list(f.lines)} for f in doc.furniture]
    assert got == expected["furniture"]


def test_seed_comment_tree(seed: tuple[dict[str, Any], Document]) -> None:
    expected, doc = seed
    assert _tree(doc.comments) == expected["comments"]
