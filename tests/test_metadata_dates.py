"""Date choice: where a page states its date when the markup does not (``metadata``)."""

from __future__ import annotations

from datetime import date

import pytest
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


def test_ambiguous_numeric_byline_date_is_read_as_the_markup_reads_it() -> None:
    m = meta("""<title>Kiln notes</title><body><h1>Kiln notes</h1><p>Ann Potter 02-12-2025</p>
      <p>Clay needs time to dry.</p><time datetime="2025-12-02">December 02, 2025</time></body>""")
    assert m.date == date(2025, 12, 2)


def test_ambiguous_numeric_byline_date_is_read_as_the_url_reads_it() -> None:
    m = meta("<title>Kiln notes</title><body><h1>Kiln notes</h1><p>03/10/2023 by Ann</p></body>",
             "https://pots.example/blog/2023/october/03/kiln-notes")
    assert m.date == date(2023, 10, 3)


def test_ambiguous_numeric_byline_date_stands_without_other_evidence() -> None:
    m = meta("<title>Kiln notes</title><body><h1>Kiln notes</h1><p>03/10/2023 by Ann</p></body>")
    assert m.date == date(2023, 3, 10)


@pytest.mark.parametrize(("shown", "day"), [
    ("2025-12-19T04:25:38+0500", date(2025, 12, 19)),  # the same instant, written locally
    ("2025-12-19T09:00:00+0500", date(2025, 12, 18)),  # another instant: UTC day kept
])
def test_utc_timestamp_takes_the_local_day_only_when_the_page_repeats_the_instant(
        shown: str, day: date) -> None:
    m = meta(f"""<title>Kiln notes</title>
      <meta property="article:published_time" content="2025-12-18T23:25:38+00:00">
      <body><h1>Kiln notes</h1><p>Clay needs time to dry.</p>
      <time datetime="{shown}">Dec 19</time></body>""")
    assert m.date == day


def test_of_two_dates_shown_together_the_one_marked_published_wins() -> None:
    m = meta("""<title>Kiln notes</title>
      <meta property="article:published_time" content="2022-12-30T07:00:40+01:00">
      <body><h1>Kiln notes</h1><p>Ann Lee | 29 December 2022 30 December 2022 | Studio</p>
      <p>Clay needs time to dry.</p></body>""")
    assert m.date == date(2022, 12, 30)


def test_one_date_shown_wins_over_the_markup() -> None:
    m = meta("""<title>Kiln notes</title>
      <meta property="article:published_time" content="2022-12-30T07:00:40+01:00">
      <body><h1>Kiln notes</h1><p>Ann Lee | 29 December 2022 | Studio</p>
      <p>Clay needs time to dry.</p></body>""")
    assert m.date == date(2022, 12, 29)


def test_date_inside_the_headline_element_is_the_date() -> None:
    m = meta("""<title>Firing rules for shared kilns</title>
      <body><h1>Firing rules for shared kilns<br><small>02.02.2022</small></h1>
      <p>The rules that came into force on 28.01.2022 allow bigger firings.</p></body>""")
    assert m.date == date(2022, 2, 2)
    assert m.title == "Firing rules for shared kilns"


def test_dateline_set_above_the_headline_beats_a_meta_date() -> None:
    m = meta("""<head><meta name="date" content="2020-02-12"><title>Faire Preise</title></head>
      <body><nav>Start &gt; Presse</nav><div class="timedata">05.02.2020
      <span>- Redaktion: Lena Ott</span></div><h1>Faire Preise</h1>
      <p>Ein langer Text über faire Preise und Lieferketten.</p></body>""")
    assert m.date == date(2020, 2, 5)


def test_date_above_the_headline_that_the_markup_calls_modified_is_not_the_date() -> None:
    m = meta("""<head><meta property="article:published_time" content="2024-02-21T10:00:00Z">
      <meta property="article:modified_time" content="2025-10-26T18:00:00Z">
      <title>Analytics trends</title></head><body><div class="meta">October 26, 2025</div>
      <h1>Analytics trends</h1><p>Body text of the article.</p></body>""")
    assert m.date == date(2024, 2, 21)


def test_date_above_the_headline_read_from_whole_text_nodes() -> None:
    tags = " ".join(f"<a href='/t/{i}'>Tag {i}</a>" for i in range(12))
    m = meta(f"""<meta name="date" content="2019-07-17"><body><div class="tags">{tags}</div>
      <div>27. Januar 2014 by Ada Roth /
      Kategorien: Mode</div><h1>Pariser Couture</h1><p>Text.</p></body>""")
    assert m.date == date(2014, 1, 27)


def test_utc_midnight_of_a_german_page_is_the_next_day() -> None:
    page = """<html lang="{lang}"><head><meta property="article:published_time"
      content="2022-11-06T23:00:00.000Z"></head><body><h1>Provence im Herbst</h1>
      <p>Lavendel ist verblüht.</p></body></html>"""
    assert meta(page.format(lang="de")).date == date(2022, 11, 7)
    # an English page's 23:00 UTC is an evening in the Americas as often: left as written
    assert meta(page.format(lang="en-us")).date == date(2022, 11, 6)


def test_publication_date_labelled_in_the_footer() -> None:
    page = """<body><h1>Die Anleitungen der Vorfahren</h1><p>Eine Rezension.</p>
      <footer><p>Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023</p>
      </footer></body>"""
    assert meta(page).date == date(2023, 11, 1)
    # far below a long review, where the text under the headline holds no date
    long_review = "<p>" + "Ein Buch über Herkunft und Erinnerung. " * 200 + "</p>"
    assert meta(page.replace("<p>Eine Rezension.</p>", long_review)).date == date(2023, 11, 1)
