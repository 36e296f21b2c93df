"""The three benchmark metrics on tiny hand-computed cases, one rule per test."""

from __future__ import annotations

from collections import Counter

import pytest

from pageparts.eval.metrics import (
    ShingleScore,
    SnippetScore,
    WordScore,
    normalize_space,
    shingles,
    word_prf,
)

# --- shingles ---------------------------------------------------------------------------------


def test_shingles_are_four_token_windows() -> None:
    assert shingles("a b, c. d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})


def test_short_text_gives_one_short_shingle() -> None:
    assert shingles("a b") == Counter({("a", "b"): 1})


def test_empty_text_gives_no_shingle() -> None:
    assert shingles("  ... ") == Counter()


def test_repeated_shingles_are_counted() -> None:
    assert shingles("x x x x x x") == Counter({("x", "x", "x", "x"): 3})


def test_shingle_page_precision_and_recall() -> None:
    s = ShingleScore()
    s.add("a b c d e", "a b c d f")  # tp=1 fp=1 fn=1
    r = s.result()
    assert (r.precision, r.recall, r.f1) == pytest.approx((0.5, 0.5, 0.5))


def test_shingle_multiset_counts_excess_as_errors() -> None:
    s = ShingleScore()
    s.add("x x x x x", "x x x x x x x")  # pred 2 of xxxx, gold 4 of xxxx: tp=2 fp=0 fn=2
    r = s.result()
    assert (r.precision, r.recall) == pytest.approx((1.0, 0.5))


def test_shingle_corpus_f1_is_f1_of_mean_p_and_mean_r() -> None:
    s = ShingleScore()
    s.add("x x x x x", "x x x x x x x")  # P=1, R=0.5
    s.add("x x x x x x x", "x x x x x")  # P=0.5, R=1
    r = s.result()
    assert (r.precision, r.recall) == pytest.approx((0.75, 0.75))
    assert r.f1 == pytest.approx(0.75)  # the mean of page F1s would be 2/3


def test_shingle_empty_output_is_left_out_of_precision() -> None:
    s = ShingleScore()
    s.add("", "a b c d e")  # tp=fp=0: no precision; recall 0
    s.add("a b c d", "a b c d")  # perfect page
    r = s.result()
    assert r.precision == pytest.approx(1.0)
    assert r.recall == pytest.approx(0.5)
    assert r.f1 == pytest.approx(2 / 3)
    assert r.n == 2


def test_shingle_empty_gold_is_left_out_of_recall() -> None:
    s = ShingleScore()
    s.add("a b c d", "")  # tp=0 fp=1 fn=0: precision 0, no recall
    s.add("a b c d", "a b c d")
    r = s.result()
    assert (r.precision, r.recall) == pytest.approx((0.5, 1.0))


def test_shingle_both_empty_is_a_perfect_page() -> None:
    s = ShingleScore()
    s.add("", "")
    s.add("a b c d e", "z z z z")
    assert (s.result().precision, s.result().recall) == pytest.approx((0.5, 0.5))


def test_shingle_tokens_are_case_sensitive() -> None:
    s = ShingleScore()
    s.add("The cat sat down", "the cat sat down")
    assert s.result().f1 == 0.0


def test_shingle_short_texts_match_only_when_equal() -> None:
    s = ShingleScore()
    s.add("a b c", "a b c d")  # ("a","b","c") vs ("a","b","c","d"): no overlap
    assert s.result().f1 == 0.0
    t = ShingleScore()
    t.add("a b c", "a, b; c!")
    assert t.result().f1 == 1.0


# --- word F1 ----------------------------------------------------------------------------------


def test_word_prf_uses_bags_of_lowercased_tokens() -> None:
    # pred {the:2, cat:1}, gold {the:1, cat:1, sat:1}: overlap 2
    p, r, f = word_prf("The cat THE", "the cat sat")
    assert (p, r, f) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_word_f1_is_case_insensitive() -> None:
    assert word_prf("CAT Dog", "cat dog") == pytest.approx((1.0, 1.0, 1.0))


def test_word_empty_gold_and_empty_output_scores_one() -> None:
    assert word_prf("", "") == (1.0, 1.0, 1.0)
    assert word_prf("!!", " -- ") == (1.0, 1.0, 1.0)  # no \w tokens is empty


def test_word_empty_gold_with_output_scores_zero() -> None:
    assert word_prf("some words", "") == (0.0, 0.0, 0.0)


def test_word_empty_output_scores_zero() -> None:
    assert word_prf("", "some words") == (0.0, 0.0, 0.0)


def test_word_score_is_mean_of_page_f1_and_by_group() -> None:
    w = WordScore()
    w.add("a b", "a b", "article")  # 1
    w.add("a b c d", "a b", "article")  # P=.5 R=1 F=2/3
    w.add("x", "y", "forum")  # 0
    overall = w.result()
    assert overall.f1 == pytest.approx((1 + 2 / 3 + 0) / 3)
    assert overall.precision == pytest.approx((1 + 0.5 + 0) / 3)
    assert overall.recall == pytest.approx((1 + 1 + 0) / 3)
    assert w.result("article").f1 == pytest.approx((1 + 2 / 3) / 2)
    assert w.result("forum").n == 1
    assert w.groups() == ["article", "forum"]


# --- snippet F1 -------------------------------------------------------------------------------


def test_normalize_space_collapses_and_strips() -> None:
    assert normalize_space("\n a \t b\u00a0 c  ") == "a b c"


def test_snippets_are_matched_after_whitespace_normalisation() -> None:
    s = SnippetScore()
    s.add("Hello\n\n   world  again", with_=["Hello world", "missing"],
          without=["world\tagain", "Share this"])
    assert (s.tp, s.fn, s.fp) == (1, 1, 1)
    assert s.result().f1 == pytest.approx(2 / (2 + 1 + 1))


def test_snippet_matching_is_case_sensitive() -> None:
    s = SnippetScore()
    s.add("Hello world", with_=["hello world"])
    assert (s.tp, s.fn) == (0, 1)


def test_snippet_counts_are_summed_over_pages() -> None:
    s = SnippetScore()
    s.add("one", with_=["one"])  # page F1 would be 1
    s.add("", with_=["a", "b", "c"])  # page F1 would be 0
    assert s.result().f1 == pytest.approx(2 / (2 + 0 + 3))  # not the mean 0.5


def test_empty_snippets_are_ignored() -> None:
    s = SnippetScore()
    s.add("text", with_=["", "  "], without=[""])
    assert (s.tp, s.fp, s.fn) == (0, 0, 0)
