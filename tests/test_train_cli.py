"""``pageparts train``: which packs each kind learns from, and the card it writes (on a few pages
of each pack, so it runs in seconds; skipped where ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pageparts.cli import main

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (DATASETS / "wcxb-dev" / "gold.jsonl.gz").is_file():
        pytest.skip(f"benchmark packs not found at {DATASETS} (kept beside the repo)")
    out = tmp_path_factory.mktemp("models")
    assert main(["train", "--limit", "35", "--datasets", str(DATASETS), "--out", str(out)]) == 0
    return out


def test_html_learns_without_readability_and_text_with_it(trained: Path) -> None:
    card = (trained / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "- html models learn from: wcxb-dev, trafilatura-a\n" in card
    assert "- text models learn from: wcxb-dev, trafilatura-a, readability\n" in card
    assert "`pageparts train wcxb-dev trafilatura-a --kind html`" in card
    assert "- `readability`: 35 pages" in card


def test_every_model_file_is_written_and_loads(trained: Path) -> None:
    from pageparts import Extractor
    from pageparts.features import FEATURE_NAMES
    from pageparts.model import BLOCK_HTML, HEADLINE_TEXT, STACK_HTML, Models, load_booster
    from pageparts.stack import STACK_FEATURE_NAMES
    from pageparts.text.headline import HEADLINE_FEATURE_NAMES

    names = sorted(p.name for p in trained.glob("*.lgb.txt"))
    assert names == sorted(["block_html.lgb.txt", "block_html_stack.lgb.txt",
                            "block_text.lgb.txt", "block_text_stack.lgb.txt",
                            "page_type.lgb.txt", "page_type_text.lgb.txt",
                            "headline_text.lgb.txt"])
    models = Models(
        html=load_booster((trained / BLOCK_HTML).read_text(encoding="utf-8"), FEATURE_NAMES,
                          BLOCK_HTML),
        html_stack=load_booster((trained / STACK_HTML).read_text(encoding="utf-8"),
                                STACK_FEATURE_NAMES, STACK_HTML))
    doc = Extractor(models=models).extract(
        "<html><body><h1>Tides</h1><p>" + "The tide turns twice a day here. " * 8 + "</p>"
        "</body></html>")
    # a model of 105 pages is no judge of quality: that the files load and score is the point
    assert doc.blocks and all(b.score is not None and 0.0 <= b.score <= 1.0 for b in doc.blocks)
    headline = load_booster((trained / HEADLINE_TEXT).read_text(encoding="utf-8"),
                            HEADLINE_FEATURE_NAMES, HEADLINE_TEXT)
    text = "Menu\nAbout us\n\nTides of the north\n\n" + "The tide turns twice a day. " * 8
    doc = Extractor(models=Models(text=Models.default().text, text_headline=headline)).extract(
        text, kind="text")
    assert doc.title in {"Menu", "About us", "Tides of the north"}


def test_a_one_kind_run_keeps_the_other_kinds_packs_in_the_card(tmp_path: Path) -> None:
    from pageparts.eval.packs import PackPage
    from pageparts.train.card import write_card

    def pages(pack: str, n: int) -> list[PackPage]:
        return [PackPage(pack, str(i), b"", {}, f"s{i}") for i in range(n)]

    write_card(tmp_path, {"a": pages("a", 3), "c": pages("c", 2)},
               {"text": ("a", "c")}, {})
    write_card(tmp_path, {"a": pages("a", 4), "b": pages("b", 5)}, {"html": ("a", "b")}, {})
    card = (tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "- html models learn from: a, b\n" in card
    assert "- text models learn from: a, c\n" in card
    assert "- `a`: 4 pages\n- `b`: 5 pages\n- `c`: 2 pages\n" in card
