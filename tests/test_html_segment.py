"""The HTML segmenter and the rules around the model: one behaviour each, on inline HTML."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from pageparts import Options
from pageparts.blocks import RawBlock
from pageparts.furniture import furniture_kind
from pageparts.html.prepare import flatten_deep_nesting, resolve_noscript
from pageparts.html.segment import segment


def blocks_of(html: str, **opts: int) -> list[RawBlock]:
    return segment(LexborHTMLParser(html), Options(**opts))[0]  # type: ignore[arg-type]


def test_paragraphs_headings_and_list_items_have_their_roles() -> None:
    bs = blocks_of("<h2>Section</h2><p>One paragraph.</p><ul><li>first</li><li>second"
                   "<ul><li>nested</li></ul></li></ul>")
    assert [(b.tag, b.text, b.depth) for b in bs] == [
        ("h2", "Section", 0), ("p", "One paragraph.", 0), ("li", "first", 0),
        ("li", "second", 0), ("li", "nested", 1)]


def test_inline_markup_stays_in_its_block() -> None:
    bs = blocks_of("<p>Some <b>bold</b> and <a href='#'>a link</a> here.</p>")
    assert [b.text for b in bs] == ["Some bold and a link here."]
    assert bs[0].link_chars == len("a link")
    assert bs[0].n_links == 1


def test_double_line_break_splits_a_block_single_keeps_a_line() -> None:
    bs = blocks_of("<div>line one<br>line two<br><br>next paragraph</div>")
    assert [b.text for b in bs] == ["line one\nline two", "next paragraph"]


def test_table_row_of_plain_cells_is_one_block() -> None:
    bs = blocks_of("<table><tr><th>name</th><th>age</th></tr><tr><td>Ann</td><td>41</td></tr>"
                   "</table>")
    assert [(b.tag, b.text) for b in bs] == [("tr", "name | age"), ("tr", "Ann | 41")]


def test_layout_table_cells_with_paragraphs_stay_apart() -> None:
    bs = blocks_of("<table><tr><td><p>Left column text.</p><p>More.</p></td>"
                   "<td><p>Right column.</p></td></tr></table>")
    assert [b.text for b in bs] == ["Left column text.", "More.", "Right column."]


def test_scripts_styles_and_templates_are_not_text() -> None:
    bs = blocks_of("<p>kept</p><script>var x = 1;</script><style>p{}</style>"
                   "<template><p>template</p></template>")
    assert [b.text for b in bs] == ["kept"]


def test_hidden_content_is_kept_and_marked() -> None:
    bs = blocks_of("<div hidden><p>streamed article text</p></div>"
                   "<div style='display: none'><p>collapsed section</p></div>")
    assert [b.text for b in bs] == ["streamed article text", "collapsed section"]
    assert all("hidden" in b.tokens for b in bs)


def test_noscript_is_dropped_before_parsing() -> None:
    page = ('<body><noscript><iframe src="x" /></noscript><p>article text after it</p></body>')
    assert "article text" in resolve_noscript(page)
    bs = blocks_of(resolve_noscript(page))
    assert [b.text for b in bs] == ["article text after it"]


def test_noscript_notice_goes_but_noscript_content_stays() -> None:
    posts = " ".join(f"<p>Reply {i}: the cache clears on restart, so the old build was"
                     " still served.</p>" for i in range(4))
    page = ("<body><noscript><p>Please turn on JavaScript.</p>"
            "<style>.x{color:red} " + "padding " * 80 + "</style></noscript>"
            "<div id='app'></div><noscript data-path='/t/cache/1'>" + posts + "</noscript></body>")
    bs = blocks_of(resolve_noscript(page))
    assert [b.text[:8] for b in bs] == ["Reply 0:", "Reply 1:", "Reply 2:", "Reply 3:"]


def test_noscript_copy_of_text_shown_outside_it_goes() -> None:
    para = ("<p>The longest sentence of this article is written out twice, once for each"
            " kind of browser.</p>")
    words = "<p>more words of the article body</p>" * 10
    page = f"<body><article>{para}</article><noscript>{para}{words}</noscript></body>"
    bs = blocks_of(resolve_noscript(page))
    assert [b.text[:16] for b in bs] == ["The longest sent"]


def test_noscript_saved_as_escaped_markup_goes() -> None:
    escaped = "&lt;div&gt;&lt;img src='//pixel.example/c.gif?a=1&amp;b=2' alt=''&gt;&lt;/div&gt;"
    page = f"<body><p>kept</p><noscript>{escaped * 20}</noscript></body>"
    assert resolve_noscript(page) == "<body><p>kept</p></body>"


def test_noscript_in_any_letter_case_is_read() -> None:
    posts = " ".join(f"<p>Post {i}: the cache clears on restart, so the old build was"
                     " still served.</p>" for i in range(4))
    page = f"<body><NoScript><p>Turn on JavaScript.</p></NoScript><noScript>{posts}</NOSCRIPT>"
    bs = blocks_of(resolve_noscript(page))
    assert [b.text[:7] for b in bs] == ["Post 0:", "Post 1:", "Post 2:", "Post 3:"]


def test_noscript_tags_pair_in_order_and_an_unclosed_one_stays() -> None:
    page = "<p>a</p><noscript><p>x</p></noscript><noscript><p>b</p>"
    assert resolve_noscript(page) == "<p>a</p><noscript><p>b</p>"


def test_class_vocabulary_is_recorded_near_and_far() -> None:
    bs = blocks_of("<div class='site-footer'><div class='share-buttons'><a>Tweet</a></div></div>")
    assert "share" in bs[0].own_tokens
    assert {"footer", "share"} <= bs[0].tokens


def test_landmarks_are_tokens() -> None:
    bs = blocks_of("<nav><a href='/'>Home</a></nav><article><p>Body text.</p></article>")
    assert "@nav" in bs[0].tokens
    assert "@article" in bs[1].tokens


def test_pre_keeps_its_whitespace() -> None:
    bs = blocks_of("<pre>def f():\n    return 1\n</pre>")
    assert bs[0].tag == "pre"
    assert bs[0].text == "def f():\n    return 1"


def test_spans_give_the_blocks_inside_each_element() -> None:
    tree = LexborHTMLParser("<div id='a'><p>one</p><p>two</p></div><p>three</p>")
    _, spans, truncated = segment(tree, Options())
    div = tree.css_first("#a")
    assert div is not None
    assert spans[div.mem_id] == (0, 2)
    assert not truncated


def test_a_page_over_max_blocks_is_cut_short_and_says_so() -> None:
    tree = LexborHTMLParser("<p>x</p>" * 50)
    bs, _, truncated = segment(tree, Options(max_blocks=10))
    assert len(bs) == 10
    assert truncated


def test_deep_nesting_is_flattened_but_text_kept() -> None:
    page = "<div>" * 5000 + "deep text" + "</div>" * 5000
    flat = flatten_deep_nesting(page, 100)
    assert "deep text" in flat
    assert flat.count("<div>") == 100
    assert flatten_deep_nesting("<p>short</p>", 100) == "<p>short</p>"


def test_furniture_kinds_from_words_and_classes() -> None:
    assert furniture_kind(RawBlock("We use cookies to improve your experience.")) == "cookie"
    assert furniture_kind(RawBlock("2,350 $")) == "funding-progress"
    assert furniture_kind(RawBlock("© 2024 Example Ltd. All rights reserved.")) == "legal"
    assert furniture_kind(RawBlock("Facebook", own_tokens=frozenset({"share"}))) == "share"
    assert furniture_kind(RawBlock("Home", tokens=frozenset({"@nav"}))) == "navigation"


def test_spaces_between_inline_elements_and_comments_inside_words() -> None:
    bs = blocks_of("<p><b>one</b> <i>two</i>\u00a0<span>three</span>\n<em>four</em></p>"
                   "<p>half<!-- note -->word</p>")
    assert [b.text for b in bs] == ["one two three four", "halfword"]


def test_a_landmark_inside_the_same_landmark_stays_open_until_the_outer_one_closes() -> None:
    bs = blocks_of("<nav><nav><a href='/'><div>Home</div></a></nav><p>still nav</p></nav>"
                   "<p>after</p>")
    assert [("@nav" in b.tokens, "@a" in b.tokens) for b in bs] == [
        (True, True), (True, False), (False, False)]


def test_a_page_cut_short_closes_its_open_elements() -> None:
    tree = LexborHTMLParser("<div id='a'>" + "<p>x</p>" * 50 + "</div>")
    _, spans, truncated = segment(tree, Options(max_blocks=10))
    div = tree.css_first("#a")
    assert div is not None
    assert truncated
    assert spans[div.mem_id] == (0, 10)


def test_elements_below_max_depth_join_the_enclosing_block() -> None:
    bs = blocks_of("<div><div><div><div><p>deep</p><p>text</p></div></div></div></div>",
                   max_depth=3)
    assert len(bs) == 1  # the paragraphs below the limit are no blocks of their own
    assert "deep" in bs[0].text and "text" in bs[0].text
    assert bs[0].dom_depth == 3


def test_furniture_kind_prefers_words_then_the_first_listed_stem() -> None:
    assert furniture_kind(RawBlock("Please support us today")) == "call-to-action"
    assert furniture_kind(RawBlock("Get our weekly newsletter")) == "subscribe"
    tokens = frozenset({"nav", "share"})
    assert furniture_kind(RawBlock("Links", own_tokens=tokens)) == "share"
    assert furniture_kind(RawBlock("Links", tokens=frozenset({"nav"}))) == "navigation"
