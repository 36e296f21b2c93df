"""Scoring one system's outputs, the Markdown report, the text-mode hook: no packs needed."""

from __future__ import annotations

import importlib.util

import pytest

from pageparts.eval.bench import synthetic_page
from pageparts.eval.render import load_renderer
from pageparts.eval.report import format_report
from pageparts.eval.score import PackScore
from pageparts.eval.systems import Output

GOLD = {"id": "1", "text": "Alpha beta gamma delta.", "title": "The Title", "author": "None",
        "date": "2024-01-02", "with": ["beta gamma"], "without": ["Share"],
        "comments": ["Nice post"], "page_type": "article"}


def test_pack_score_reads_every_gold_field() -> None:
    s = PackScore("sys", does_page_type=True)
    s.add(Output("Alpha beta gamma delta. Share", comments="Nice post!", title="the  title",
                 date="2024-01-02", page_type="forum"), GOLD, 0.5)
    d = s.to_dict()
    assert d["word"]["recall"] == 1.0
    assert d["snippet"]["tp"] == 1 and d["snippet"]["fp"] == 1
    assert d["title"] == {"accuracy": 1.0, "correct": 1, "n": 1}
    assert "author" not in d  # gold "None" means the page has no author to score
    assert d["date"]["accuracy"] == 1.0
    assert d["page_type"]["accuracy"] == 0.0
    assert d["comments_recall"]["share"] == 1.0
    assert d["comments_in_main_text"]["share"] == 0.0
    assert d["pages_per_second"] == 2.0


def test_a_system_without_metadata_is_not_scored_on_it() -> None:
    s = PackScore("text-only", does_metadata=False, does_comments=False)
    s.add(Output("Alpha"), GOLD, 0.1)
    d = s.to_dict()
    assert not {"title", "date", "comments_recall"} & set(d)
    assert "comments_in_main_text" in d


def test_errors_are_counted_and_shown() -> None:
    s = PackScore("sys")
    s.add(Output("", status="error: boom <b>"), GOLD, 0.0)
    assert s.errors == 1
    report = {"config": {"packs": ["p"], "kind": "html"}, "note": "note", "pages": 1,
              "speed": {"sys": {"pages": 1, "seconds": 0.0, "pages_per_second": 0}},
              "packs": {"p": {"sys": s.to_dict()}}}
    text = format_report(report)
    assert "| sys |" in text
    assert "error: boom" in text


def test_synthetic_page_reaches_the_asked_size() -> None:
    page = synthetic_page(0.5)
    assert len(page) >= 0.5 * 1024 * 1024
    assert page.endswith("</html>")


@pytest.mark.skipif(importlib.util.find_spec("resiliparse") is None,
                    reason="the stand-in renderers need resiliparse (pageparts[eval])")
def test_wet_rendering_has_no_bullets_or_indent() -> None:
    html = "<html><body><p>Intro line</p><ul><li>one<ul><li>two</li></ul></li></ul></body></html>"
    wet = load_renderer("wet")(html)
    assert "•" not in wet
    assert all(line == line.lstrip() for line in wet.splitlines())
    assert "two" in wet


def test_comment_recall_is_also_given_over_the_snippets_the_html_holds() -> None:
    from pageparts.eval.run import _shown_text

    html = ("<html><body><p>Story.</p><ol><li>First reader: great piece</li></ol>"
            "<script>var later = 'loaded by script';</script></body></html>")
    gold = {"id": "x", "comments": ["great piece", "loaded by script", "never there"]}
    s = PackScore("pageparts", does_comments=True)
    s.add(Output("Story.", comments="great piece"), gold, 0.1, shown=_shown_text(html))
    d = s.to_dict()
    assert d["comments_recall"]["found"] == 1 and d["comments_recall"]["snippets"] == 3
    assert d["comments_recall_shown"] == {"share": 1.0, "found": 1, "snippets": 1, "pages": 1}
    report = {"config": {"packs": ["p"], "kind": "html"}, "note": "note", "pages": 1,
              "speed": {}, "packs": {"p": {"pageparts": d}}}
    text = format_report(report)
    assert "found, of those in the HTML" in text
    assert "| 1.000 of 1 |" in text


def test_bench_names_the_lightgbm_pageparts_and_says_which_ran() -> None:
    from pageparts.eval.bench import LIGHTGBM, _make, format_bench

    system = _make(LIGHTGBM)
    assert system.name == LIGHTGBM
    models = system.extractor.models  # type: ignore[attr-defined]
    assert models.html is not None and models.html.compiled is None
    report = {"pages": 1, "characters": 10, "config": {"repeat": 1}, "compiled_models": True,
              "speed": {"pageparts": {"seconds": 1.0, "pages_per_second": 1.0,
                                      "x_pageparts": 1.0}}}
    assert "compiled builds" in format_bench(report)
    assert "with LightGBM" in format_bench({**report, "compiled_models": False})
