"""Renderings of HTML as plain text: resiliparse-style bullets and WET-style lines."""

from __future__ import annotations

import pytest

from pageparts import InputError
from pageparts.text.render import render, render_lines

HTML = """<html><body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a>
<ul><li><a href="/w">World</a></li></ul></li></ul></nav>
<article><h1>A Headline</h1><p>First paragraph of the story.</p>
<p>Second<br>paragraph.</p></article>
<div class="share-buttons"><a>Share on Facebook</a></div>
</body></html>"""


def test_wet_is_one_line_per_block_without_bullets_or_indent() -> None:
    assert render(HTML, "wet").split("\n") == [
        "Home", "News", "World", "A Headline", "First paragraph of the story.", "Second",
        "paragraph.", "Share on Facebook"]


def test_bullets_rendering_indents_list_items() -> None:
    pytest.importorskip("resiliparse")
    text = render(HTML.encode("utf-8"), "bullets")
    assert "  • Home" in text.split("\n")
    assert "    • World" in text.split("\n")
    assert "\n\nFirst paragraph of the story.\n\n" in text


_POST = ("I switched the whole team to the new build last week and the start-up time went "
         "from eleven seconds to under two, which nobody expected at all.")
_NOSCRIPT_PAGE = (f"<html><body><div id='app'></div><noscript><style>p {{color: red}}</style>"
                  f"<div class='post'><p>{_POST}</p><p>{_POST} Second post.</p></div></noscript>"
                  "</body></html>")


def test_wet_keeps_the_posts_a_noscript_holds_for_crawlers() -> None:
    lines = render(_NOSCRIPT_PAGE, "wet").split("\n")
    assert lines == [_POST, f"{_POST} Second post."]


def test_bullets_keep_the_posts_a_noscript_holds_too() -> None:
    # resiliparse leaves <noscript> out: a forum rendered in the browser was an empty record
    pytest.importorskip("resiliparse")
    lines = [ln for ln in render(_NOSCRIPT_PAGE, "bullets").split("\n") if ln.strip()]
    assert lines == [_POST, f"{_POST} Second post."]


def test_bullets_leave_out_a_noscript_that_is_only_a_notice() -> None:
    pytest.importorskip("resiliparse")
    html = ("<html><body><noscript>Please enable JavaScript.</noscript>"
            f"<p>{_POST}</p></body></html>")
    assert [ln for ln in render(html, "bullets").split("\n") if ln.strip()] == [_POST]


@pytest.mark.parametrize("style", ["wet", "bullets"])
def test_rendered_lines_carry_their_html_context(style: str) -> None:
    if style == "bullets":
        pytest.importorskip("resiliparse")
    lines = {ln.text.strip().lstrip("• "): ln for ln in render_lines(HTML, style)}
    assert "nav" in lines["Home"].tokens
    assert "share" in lines["Share on Facebook"].tokens
    assert "share" not in lines["First paragraph of the story."].tokens


def test_unknown_style_is_an_input_error() -> None:
    with pytest.raises(InputError):
        render(HTML, "markdown")
