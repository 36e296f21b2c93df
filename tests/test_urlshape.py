"""The address shape the page-type model reads."""

from pageparts.urlshape import URL_SHAPE_NAMES, url_shape


def test_home_page_is_root_and_shallow() -> None:
    s = url_shape("https://news.example/")
    assert s["url_known"] == 1.0 and s["url_root"] == 1.0
    assert s["url_depth"] == 0.0 and s["url_slug_words"] == 0.0


def test_thread_address_has_a_number_and_a_slug() -> None:
    s = url_shape("https://forum.example/t/cache-not-cleared-after-restart/4821")
    assert s["url_numeric"] == 1.0
    assert s["url_slug_words"] == 5.0
    assert s["url_depth"] == 3.0


def test_article_file_and_query() -> None:
    s = url_shape("https://paper.example/world/story-of-the-day.html?ref=home")
    assert s["url_file"] == 1.0 and s["url_query"] == 1.0 and s["url_numeric"] == 0.0


def test_no_address_or_a_broken_one_gives_zeros() -> None:
    assert set(url_shape(None).values()) == {0.0}
    assert set(url_shape("http://[::1").values()) == {0.0}
    assert tuple(url_shape(None)) == URL_SHAPE_NAMES


def test_page_type_rows_without_an_address_lose_every_address_column() -> None:
    import numpy as np

    from pageparts.pagetype import PAGE_FEATURE_NAMES, without_address

    rows = np.ones((2, len(PAGE_FEATURE_NAMES)), dtype=np.float32)
    bare = without_address(rows)
    zeroed = {n for n, v in zip(PAGE_FEATURE_NAMES, bare[0], strict=True) if v == 0.0}
    assert zeroed == {*URL_SHAPE_NAMES, "u_forum", "u_product", "u_docs", "u_listing",
                      "u_article", "u_service"}
    assert rows.all()  # the input is left as it was
