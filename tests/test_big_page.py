"""The shortcuts that keep a very large page fast: each agrees with the exact read it replaces."""

from __future__ import annotations

import random

import pytest
from selectolax.lexbor import LexborHTMLParser

import pageparts
from pageparts import _api
from pageparts.blocks import Metadata
from pageparts.html import _bounded, _depth
from pageparts.html._depth import depth_bound, max_depth
from pageparts.html._meta_author import _data_authors
from pageparts.html._tagcount import count_start_tags
from pageparts.html.prepare import flatten_deep_nesting
from pageparts.html.signals import page_signals

ARTICLE = ("<html><head><title>Harbour budget</title></head><body><nav><a href='/'>Home</a></nav>"
           "<article><h1>Harbour budget postponed</h1><p class='byline'>By Ann Lee</p>"
           "<script>var x = '<div>';</script><p>The committee met again on Thursday.</p>"
           "<table><tr><td>1</td></tr></table><form><input name=q><button>Go</button></form>"
           "<h2>Next steps</h2><pre><code>budget()</code></pre><time>May 3, 2024</time>"
           "<p>It agreed to postpone the decision until the spring session.</p></article>"
           "<footer><p>Copyright the publisher.</p></footer></body></html>")


@pytest.fixture
def everything_big(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_bounded, "BIG_PAGE", 0)


def test_depth_bound_is_exact_on_ordinary_markup() -> None:
    page = "<div><section><ul><li>a<li>b</ul><p>x<br><img src=y></section></div>" * 3
    assert depth_bound(page) == max_depth(page) == 3


def test_depth_bound_never_undercounts() -> None:
    pieces = ["<", "</", "<div>", "</div>", "<p>", "</p>", "<br", "<BR>", "<col>", "<colgroup>",
              "<td\u00a0", "</li\u2028", "<li\x1c", "é", " ", ">", "/", "x", "span", "\x00"]
    rng = random.Random(7)
    for _ in range(3000):
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 120)))
        assert depth_bound(page) >= max_depth(page), page


def test_depth_bound_carries_depth_across_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_depth, "_CHUNK", 13)  # tags and characters split between slices
    rng = random.Random(3)
    pieces = ["<div>", "</div>", "<p>", "<td>", "</td>", "<span class=é>", "</span>", "text ", "é"]
    for _ in range(500):
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 80)))
        assert depth_bound(page) >= max_depth(page), page
    page = "<div>" * 40 + "é" * 7 + "</div>" * 40 + "<div><p>a"
    assert depth_bound(page) == max_depth(page) == 40


def test_deep_nesting_is_still_flattened() -> None:
    page = "<div>" * 5000 + "deep text" + "</div>" * 5000
    flat = flatten_deep_nesting(page, 100)
    assert flat.count("<div>") == 100
    assert "deep text" in flat


def test_start_tags_are_counted_in_any_case_and_only_whole_names() -> None:
    markup = b"<H2 class=x><h2><h2/><h20><h2\t>" + b"<FORM><formx><Table>" + b" " * 12
    assert count_start_tags(markup, ("h2", "form", "table")) == {"h2": 4, "form": 1, "table": 1}


def test_walk_is_document_order_and_skips_inside_skipped_tags() -> None:
    tree = LexborHTMLParser("<div id=r><p>a<b>b</b></p><script>s</script><i>c</i></div>")
    root = tree.css_first("#r")
    assert root is not None
    seen = [n.tag for n in _bounded.walk(root, frozenset({"script"}))]
    assert seen == ["p", "-text", "b", "-text", "script", "i", "-text"]


def test_text_prefix_hides_script_source_and_stops_at_the_limit() -> None:
    tree = LexborHTMLParser("<div id=r><p>one</p><script>var s;</script><p>two three</p></div>")
    root = tree.css_first("#r")
    assert root is not None
    assert "var" not in _bounded.text_prefix(root, 1000)
    assert _bounded.text_prefix(root, 1000).split() == ["one", "two", "three"]
    assert _bounded.text_prefix(root, 5) == "one  "


def test_big_page_metadata_matches_the_exact_reads(everything_big: None) -> None:
    bounded = pageparts.extract(ARTICLE)
    _bounded.BIG_PAGE = 10**12  # the fixture restores it
    exact = pageparts.extract(ARTICLE)
    assert (bounded.title, bounded.author, bounded.date) == (exact.title, exact.author,
                                                             exact.date)
    assert bounded.author == "Ann Lee"


def test_big_page_signals_count_the_markup(everything_big: None) -> None:
    tree = LexborHTMLParser(ARTICLE)
    big = page_signals(tree, [], Metadata())
    _bounded.BIG_PAGE = 10**12
    exact = page_signals(tree, [], Metadata())
    assert big == exact
    assert big["n_forms"] == big["n_inputs"] == big["n_h2"] == 1.0


@pytest.mark.parametrize("attr", ["data-author", "DATA-Author", "data-username"])
def test_data_author_attributes_are_found_in_any_case(attr: str) -> None:
    tree = LexborHTMLParser(f"<body><div {attr}='Ann Lee'><p>post</p></div></body>")
    assert _data_authors(tree) == ["Ann Lee"]


def test_no_data_author_attribute_no_name() -> None:
    tree = LexborHTMLParser("<body><div class='data-author'><p>post</p></div></body>")
    assert _data_authors(tree) == []


def _paragraphs(n: int) -> str:
    return "".join(f"<p>Paragraph {i} of the long report, with enough words to be read.</p>"
                   for i in range(n))


def test_long_page_cut_by_the_block_budget_reads_only_its_head(
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = f"<html><body><article>{_paragraphs(400)}</article></body></html>"
    ex = pageparts.Extractor(pageparts.Options(max_blocks=50))
    whole = ex.extract(page)
    monkeypatch.setattr(_api, "HEAD_CHARS", 8_000)  # the budget of 50 runs out inside it
    head = ex.extract(page)
    assert head.to_dict() == whole.to_dict()
    assert head.reason and "max_blocks" in head.reason


def test_long_page_with_few_blocks_in_its_head_is_read_whole(
        monkeypatch: pytest.MonkeyPatch) -> None:
    blob = "<script>var data = '" + "x" * 20_000 + "';</script>"
    page = f"<html><head>{blob}</head><body><article>{_paragraphs(60)}</article></body></html>"
    monkeypatch.setattr(_api, "HEAD_CHARS", 10_000)
    doc = pageparts.Extractor(pageparts.Options(max_blocks=50)).extract(page)
    assert "Paragraph 0 of the long report" in doc.text
