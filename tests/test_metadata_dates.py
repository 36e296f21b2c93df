"""Date choice: where a page states its date when the markup does not (``metadata``)."""

from __future__ import annotations

from datetime import date

from selectolax.lexbor import LexborHTMLParser

from pageparts.blocks import Metadata
from pageparts.html.metadata import read_metadata


def meta(html: str, url: str | None = None) -> Metadata:
    return read_metadata(LexborHTMLParser(html), url)


def test_month_name_in_the_url_path_is_a_date() -> None:
    m = meta("<title>Kiln notes</title><body><h1>Kiln notes</h1></body>",
             "https://pots.example/blog/2023/october/03/kiln-notes")
    assert m.date == date(2023, 10, 3)


def test_unknown_month_word_in_the_url_is_no_date() -> None:
    m = meta("<title>Kiln notes</title><body><h1>Kiln notes</h1></body>",
             "https://pots.example/blog/2023/kilns/03/kiln-notes")
    assert m.date is None


def test_dateline_far_below_the_headline_is_the_date() -> None:
    body = "<p>" + "Clay needs time to dry before firing. " * 200 + "</p>"
    m = meta(f"""<title>Kiln notes</title><body><h1>Kiln notes</h1>{body}
      <div class="post-dateline"><span>Posted on April 13, 2023</span></div></body>""")
    assert m.date == date(2023, 4, 13)


def test_classed_element_without_a_full_date_is_skipped() -> None:
    body = "<p>" + "Clay needs time to dry before firing. " * 200 + "</p>"
    m = meta(f"""<title>Kiln notes</title><body><h1>Kiln notes</h1>{body}
      <div class="update-note">Check back in April</div></body>""")
    assert m.date is None
