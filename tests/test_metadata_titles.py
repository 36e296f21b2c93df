"""Title choice: kickers, dates and separators around the headline (``_meta_title``)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from pageparts.blocks import Metadata
from pageparts.html.metadata import read_metadata


def meta(html: str, url: str | None = None) -> Metadata:
    return read_metadata(LexborHTMLParser(html), url)


def test_kicker_span_in_h1_is_not_part_of_the_title() -> None:
    m = meta("""<title>Harbour: Ferries run again | The Coast Post</title>
      <meta property="og:site_name" content="The Coast Post">
      <body><h1><span class="article__kicker">Harbour</span><span class="sr-only">: </span>
      <span>Ferries run again</span></h1></body>""")
    assert m.title == "Ferries run again"


def test_date_inside_h1_is_not_part_of_the_title() -> None:
    m = meta("""<title>Ferries run again on Sunday - Coast Office</title>
      <body><h1><span class="supertitle"><time datetime="2022-02-01">1 February 2022</time>
      </span> Ferries run again on Sunday</h1></body>""")
    assert m.title == "Ferries run again on Sunday"


def test_leading_date_of_a_meta_title_is_dropped() -> None:
    m = meta("""<title>23.01.2022 - Ferries run again on Sunday - Harbour news</title>
      <meta property="og:site_name" content="Harbour news"><body><p>No heading.</p></body>""")
    assert m.title == "Ferries run again on Sunday"


def test_a_date_alone_is_kept_as_the_title() -> None:
    m = meta("<title>23.01.2022</title><body><p>No heading.</p></body>")
    assert m.title == "23.01.2022"


def test_article_h1_sharing_words_beats_a_differing_meta_title() -> None:
    m = meta("""<title>Planning software for small teams compared | Taskly</title>
      <meta property="og:type" content="article"><meta property="og:site_name" content="Taskly">
      <body><h1>We compared 9 planning tools for small teams</h1></body>""")
    assert m.title == "We compared 9 planning tools for small teams"


def test_h1_classed_like_a_kicker_keeps_its_own_text() -> None:
    m = meta("""<body><h1 class="hero-eyebrow headline">Slate Pro</h1><p>Thin.</p></body>""")
    assert m.title == "Slate Pro"


def test_site_title_h1_is_not_the_title_and_names_the_site() -> None:
    m = meta("""<title>Borrowing rules - The Clay Handbook</title>
      <body><h1 class="menu-title">The Clay Handbook</h1>
      <h2>Borrowing Rules</h2><p>Each kiln slot is lent for a week.</p></body>""")
    assert m.title == "Borrowing rules"


def test_logo_h1_is_not_the_title() -> None:
    m = meta("""<body><h1 id="site-logo"><a href="/">Pots Weekly</a></h1>
      <h1>Glazes that crackle</h1></body>""")
    assert m.title == "Glazes that crackle"


def test_meta_title_that_is_only_the_site_name_gives_way_to_the_h1() -> None:
    m = meta("""<title>Harbour Law Office</title>
      <meta property="og:site_name" content="Harbour Law Office">
      <body><h1>Welcome aboard!</h1></body>""")
    assert m.title == "Welcome aboard!"


def test_generic_home_page_meta_title_gives_way_to_the_h1() -> None:
    m = meta("<title>Home Page</title><body><h1>Sharp knives for every kitchen</h1></body>")
    assert m.title == "Sharp knives for every kitchen"


def test_site_name_joined_without_spaces_is_stripped() -> None:
    m = meta("""<title>COAST NEWS EASY|Ferries run again</title>
      <meta property="og:site_name" content="Coast News Easy">
      <body><h1>Welcome</h1><h1>Ferries <ruby>run<rt>r</rt></ruby> again</h1></body>""")
    assert m.title == "Ferries run again"


def test_site_name_alone_stays_the_title_without_a_heading() -> None:
    m = meta("""<title>Harbour Law Office</title>
      <meta property="og:site_name" content="Harbour Law Office"><body><p>Hello</p></body>""")
    assert m.title == "Harbour Law Office"


def test_heading_that_goes_on_after_a_shortened_meta_title_wins() -> None:
    m = meta("""<title>Best Electric Kilns in 2025 | Coast Pottery</title>
      <meta property="og:site_name" content="Coast Pottery">
      <body><h1>Best Electric Kilns in 2025, Tested</h1></body>""")
    assert m.title == "Best Electric Kilns in 2025, Tested"


def test_heading_with_a_separated_tail_keeps_the_meta_title() -> None:
    m = meta("""<title>Tips for a first kiln firing</title>
      <body><h1>Tips for a first kiln firing - Pottery Forum</h1></body>""")
    assert m.title == "Tips for a first kiln firing"


def test_heading_that_only_adds_punctuation_keeps_the_meta_title() -> None:
    m = meta("""<title>How hot is a kiln</title><body><h1>How hot is a kiln?</h1></body>""")
    assert m.title == "How hot is a kiln"


def test_heading_written_exactly_as_the_meta_title_wins_over_a_near_copy() -> None:
    m = meta("""<title>Kiln Pro \u2013 Studio Model</title><body>
      <h1>Kiln Pro - Studio Model</h1><h1>Kiln Pro \u2013 Studio Model</h1></body>""")
    assert m.title == "Kiln Pro \u2013 Studio Model"


def test_archived_copy_strips_the_archived_sites_name() -> None:
    m = read_metadata(LexborHTMLParser(
        """<head><title>Was ist Rankenwerk? | KalmusBlog</title></head>
        <body><h1>KalmusBlog</h1><h2>Was ist Rankenwerk?</h2></body>"""),
        "https://web.archive.org/web/20080731095558/http://www.kalmusblog.de/2008/07/29/x/")
    assert m.title == "Was ist Rankenwerk?"


def test_utf8_read_as_latin1_in_a_title_is_repaired() -> None:
    mangled = "A Saver\u00e2\u0080\u0099s Guide to Kilns".encode("utf-8").decode("utf-8")
    m = read_metadata(LexborHTMLParser(
        f"<head><title>{mangled}</title></head><body><p>Text.</p></body>"), None)
    assert m.title == "A Saver\u2019s Guide to Kilns"


def test_meta_title_cut_at_an_unescaped_quote_gives_way_to_the_title() -> None:
    m = meta("""<head><title>Senator calls the plan "reckless"</title>
      <meta property="og:title" content="Senator calls the plan "reckless""></head>
      <body><p>The senator spoke on Tuesday.</p></body>""")
    assert m.title == 'Senator calls the plan "reckless"'


def test_heading_written_as_the_title_keeps_its_slash() -> None:
    m = meta("""<head><title>Can fish feel pain / suffer?</title>
      <meta property="og:title" content="Can fish feel pain?"></head>
      <body><h1>Can fish feel pain / suffer?</h1><p>Fish have nociceptors.</p></body>""")
    assert m.title == "Can fish feel pain / suffer?"
