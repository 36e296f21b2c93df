"""The page-level evidence behind the page type: metadata flags, short-block cues, page shape,
and the block aggregates of the page-type row."""

from __future__ import annotations

import math

import numpy as np
import pytest

from pageparts import Options
from pageparts.blocks import Page, RawBlock
from pageparts.decode import decode
from pageparts.features import FEATURE_NAMES, featurize
from pageparts.html import read_html
from pageparts.html.signals import SIGNAL_NAMES, block_cues
from pageparts.pagetype import PAGE_FEATURE_NAMES, page_features, without_address
from pageparts.text import read_text


def _signals(html: str, url: str | None = None) -> dict[str, float]:
    options = Options()
    return read_html(decode(html, options, kind="html", url=url), options).signals


_SHOP = """<html><head><script type="application/ld+json">
{"@type": "Product", "name": "Desk lamp", "offers": {"@type": "Offer", "price": "39.00"}}
</script></head><body>
<h1>Desk lamp</h1><p>A small lamp with a warm light and a heavy base that keeps it steady.</p>
<p class="price">$39.00</p><button>Add to cart</button><p>In stock</p>
<label>Quantity</label><p>Call us at (555) 123-4567</p>
</body></html>"""

_NEWS = """<html><head><meta name="author" content="Ada Lane">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta property="og:type" content="article"></head><body><article>
<h1>Bridge reopens after repairs</h1>
<p>The old bridge over the river opened again on Monday after two years of repairs, and the
first buses crossed it in the morning while people watched from the bank.</p>
</article></body></html>"""

_SECTION = """<html><body><main>
<div class="card"><h2><a href="/a">First story of the day</a></h2><p class="teaser">One.</p>
<a href="/a">Read more</a></div>
<div class="card"><h2><a href="/b">Second story of the day</a></h2><p class="teaser">Two.</p>
<a href="/b">Read more</a></div>
<div class="card"><h2><a href="/c">Third story of the day</a></h2><p class="teaser">Three.</p>
<a href="/c">Read more</a></div>
<div class="card"><h2><a href="/d">Fourth story of the day</a></h2><p class="teaser">Four.</p>
<a href="/d">Read more</a></div>
<nav class="pager"><a href="?p=2">Next page</a></nav>
</main></body></html>"""

_SERVICE = """<html><body><h1>Garden design</h1>
<p>We plan and build gardens for homes and offices. Our team has worked in the city for twenty
years and we look after every garden we make, so our clients can simply enjoy them.</p>
<div><a class="btn" href="/contact">Contact us</a></div>
<div><a class="btn" href="/quote">Get a free quote</a></div>
</body></html>"""

_DOCS = """<html><body><nav><ul>
<li><a href="/guide">Guide</a><ul>
  <li><a href="/guide/install">Install</a><ul><li><a href="/guide/install/linux">Linux</a></li>
  <li><a href="/guide/install/mac">Mac</a></li></ul></li>
  <li><a href="/guide/config">Configuration</a></li></ul></li></ul></nav>
<main><h1>Configuration</h1><p>On this page</p>
<p>The configuration file is read once at start-up; every key has a default value.</p>
<pre><code>cache = true</code></pre></main></body></html>"""


def test_signal_names_and_page_row_line_up() -> None:
    sig = _signals(_SHOP)
    assert set(SIGNAL_NAMES) <= set(sig)
    assert len(set(PAGE_FEATURE_NAMES)) == len(PAGE_FEATURE_NAMES)


def test_shop_page_has_cart_price_phone_and_offer() -> None:
    sig = _signals(_SHOP)
    assert sig["n_cart_log"] == pytest.approx(math.log1p(3))  # add to cart, in stock, quantity
    assert sig["n_phone_log"] == pytest.approx(math.log1p(1))
    assert sig["t_offer"] == 1.0
    assert sig["t_product"] == 1.0
    assert sig["m_author"] == 0.0
    assert sig["n_more_log"] == 0.0


def test_article_metadata_sets_author_and_date_flags() -> None:
    sig = _signals(_NEWS)
    assert sig["m_author"] == 1.0
    assert sig["m_date"] == 1.0
    assert sig["t_article"] == 1.0
    assert sig["n_cart_log"] == sig["n_cta_log"] == 0.0
    assert _signals(_SERVICE)["m_author"] == 0.0


def test_section_front_has_linked_headings_read_more_pager_and_cards() -> None:
    sig = _signals(_SECTION)
    assert sig["linked_headings_log"] == pytest.approx(math.log1p(4))
    assert sig["linked_heading_share"] == 1.0
    assert sig["n_more_log"] == pytest.approx(math.log1p(4))
    assert sig["n_pager_log"] == pytest.approx(math.log1p(1))
    assert sig["repeat_groups_log"] > 0.0  # four cards in one mould
    assert sig["repeat_max_log"] >= math.log1p(4)
    assert sig["link_text_share"] > 0.5
    assert _signals(_NEWS)["linked_headings_log"] == 0.0


def test_service_page_speaks_in_first_person_plural_and_asks_for_contact() -> None:
    sig = _signals(_SERVICE)
    assert sig["n_cta_log"] == pytest.approx(math.log1p(2))
    assert sig["we_ratio"] > 0.05
    assert _signals(_NEWS)["we_ratio"] == 0.0


def test_docs_page_has_nested_link_lists_and_docs_cues() -> None:
    sig = _signals(_DOCS)
    assert sig["list_depth"] >= 2.0
    assert sig["nested_links_log"] >= math.log1p(3)
    assert sig["n_docs_log"] == pytest.approx(math.log1p(1))
    assert _signals(_SERVICE)["list_depth"] == 0.0


def test_block_cues_of_no_blocks_are_zero() -> None:
    cues = block_cues([])
    assert cues and all(v == 0.0 for v in cues.values())


def test_long_block_is_not_a_button() -> None:
    long = RawBlock("Add to cart " + "and a long sentence after it " * 5)
    assert block_cues([long])["n_cart_log"] == 0.0
    assert block_cues([RawBlock("Add to cart")])["n_cart_log"] == pytest.approx(math.log1p(1))


def test_page_row_counts_and_main_means() -> None:
    options = Options()
    parsed = read_html(decode(_SECTION, options, kind="html", url="https://example.org/news/"),
                       options)
    X = featurize(parsed)
    p = np.zeros(X.shape[0])
    p[0] = 1.0  # only the first block is main
    row = page_features(parsed.signals, X, p, 0)[0]
    col = {n: i for i, n in enumerate(PAGE_FEATURE_NAMES)}
    h2 = X[:, FEATURE_NAMES.index("tag_h2")]
    assert row[col["count_tag_h2"]] == pytest.approx(math.log1p(float(h2.sum())))
    assert h2.sum() == 4
    pos = X[0, FEATURE_NAMES.index("position")]
    assert row[col["main_position"]] == pytest.approx(pos)
    assert row[col["n_more_log"]] == pytest.approx(math.log1p(4))
    assert row[col["u_listing"]] == 0.0 and row[col["url_known"]] == 1.0
    # metadata and page-shape evidence is not address evidence: it stays without the URL
    bare = without_address(page_features(parsed.signals, X, p, 0))[0]
    assert bare[col["url_known"]] == 0.0
    assert bare[col["n_more_log"]] == row[col["n_more_log"]]
    assert bare[col["linked_headings_log"]] == row[col["linked_headings_log"]]


def test_plain_text_pages_get_the_block_cues_too() -> None:
    text = ("Trail Sock Pack\n\nAdd to cart\n\nWe knit our socks in our own mill, and we ship "
            "them from the same place every weekday morning.\n")
    parsed = read_text(Page(text, "text", url="https://shop.example/socks"), Options())
    assert parsed.signals["n_cart_log"] == pytest.approx(math.log1p(1))
    assert parsed.signals["we_ratio"] > 0.1
    assert parsed.signals["url_known"] == 1.0


def test_short_cues_count_each_text_once_as_a_search_of_each_text_would() -> None:
    from pageparts.html.signals import _CUES, _PHONE, _short_cues

    texts = ["Add to cart", "add to cart  buy now", "Read more", "Next", "1 2 3 4", "Next page ›",
             "Call (555) 123-4567", "555 123", "4567 x", "Contact us", "İstanbul read more",
             "", "contact", "us", "Page 2 of 9", "Reply", "Quote Reply Report"]
    found = _short_cues(texts)
    for name, rx in _CUES.items():
        assert found[name] == sum(1 for t in texts if rx.search(t.lower())), name
    assert found["n_phone"] == sum(1 for t in texts if _PHONE.search(t)) == 1
    assert found["n_cart"] == 2 and found["n_pager"] == 4
    assert _short_cues([]) == dict.fromkeys((*_CUES, "n_phone"), 0)
