"""Per-site template lines: a two-pass corpus signal."""

from __future__ import annotations

from pageparts.text.templates import SiteTemplates, line_key


def _observe(t: SiteTemplates, host: str, pages: list[list[str]]) -> None:
    for lines in pages:
        t.observe(host, lines)


def test_line_on_most_pages_of_a_host_is_template() -> None:
    t = SiteTemplates()
    pages = [["Subscribe to the Daily Bulletin", f"Story number {i} has its own words"]
             for i in range(5)]
    _observe(t, "news.example", pages)
    assert t.is_template("news.example", "Subscribe to the Daily Bulletin")
    assert t.is_template("NEWS.example", "subscribe to the  daily bulletin")
    assert not t.is_template("news.example", "A sentence seen on no page at all")
    # digits fold: "Story number 3" lines are one line seen on every page
    assert t.is_template("news.example", "Story number 9 has its own words")


def test_other_hosts_and_small_hosts_have_no_templates() -> None:
    t = SiteTemplates()
    _observe(t, "a.example", [["Subscribe to the Daily Bulletin"]] * 5)
    _observe(t, "b.example", [["Subscribe to the Daily Bulletin"]] * 2)
    assert not t.is_template("c.example", "Subscribe to the Daily Bulletin")
    assert not t.is_template("b.example", "Subscribe to the Daily Bulletin")  # too few pages


def test_a_line_repeated_within_one_page_counts_once() -> None:
    t = SiteTemplates()
    _observe(t, "x.example", [["Repeated line on one page"] * 10] + [["other text here ok"]] * 4)
    assert not t.is_template("x.example", "Repeated line on one page")


def test_short_lines_are_not_judged() -> None:
    t = SiteTemplates()
    _observe(t, "x.example", [["Reply"]] * 10)
    assert not t.is_template("x.example", "Reply")


def test_key_is_stable_and_small() -> None:
    assert line_key("Hello  World 2024") == line_key("hello world 1999")
    assert len(line_key("anything")) == 8
