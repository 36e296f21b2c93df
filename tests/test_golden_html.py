"""Golden tests on HTML pages written for this project: one case per ``case.html`` (in
``tests/golden_html/`` or ``examples/``) and ``tests/golden_html/case.expected.json``. Regenerate
on purpose only, with ``pytest tests/test_golden_html.py --update-golden`` and a review of the
diff."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import pageparts

GOLDEN = Path(__file__).parent / "golden_html"
CASES = sorted([*GOLDEN.glob("*.html"), *(Path(__file__).parents[1] / "examples").glob("*.html")])


def anatomy(doc: pageparts.Document) -> dict[str, Any]:
    """The part of a Document a reader checks: what is content, what is furniture, who said what."""
    return {
        "title": doc.title,
        "author": doc.author,
        "date": doc.date.isoformat() if doc.date else None,
        "page_type": doc.page_type,
        "body": [b.text for b in doc.blocks if b.label in ("body", "heading")],
        "captions": [[b.text, b.credit] for b in doc.blocks if b.label == "caption"],
        "furniture_kinds": sorted({f.kind for f in doc.furniture}),
        "comments": [[depth, c.author, c.text] for depth, c in doc.iter_comments()],
    }


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_html(case: Path, request: pytest.FixtureRequest) -> None:
    got = anatomy(pageparts.extract(case.read_bytes()))
    expected_file = GOLDEN / f"{case.stem}.expected.json"
    if request.config.getoption("--update-golden"):
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n",
                                 encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert got == expected
