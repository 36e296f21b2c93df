"""read_metadata: one behaviour per test, on small pages written here."""

from __future__ import annotations

import gzip
import itertools
import json
from datetime import date
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from pageparts._options import Options
from pageparts.blocks import Metadata
from pageparts.decode import decode
from pageparts.html.metadata import read_metadata


def meta(html: str, url: str | None = None) -> Metadata:
    return read_metadata(LexborHTMLParser(html), url)


def test_jsonld_headline_beats_title_suffix() -> None:
    m = meta("""<html><head><title>Rivers rise after storm | Daily Tide</title>
      <script type="application/ld+json">{"@type": "NewsArticle",
        "headline": "Rivers rise after the storm"}</script></head><body></body></html>""")
    assert m.title == "Rivers rise after the storm"
    assert m.page_title == "Rivers rise after storm | Daily Tide"


def test_title_site_suffix_is_stripped_with_og_site_name() -> None:
    m = meta("""<title>How to grow leeks | Garden Notes</title>
      <meta property="og:site_name" content="Garden Notes">""")
    assert m.title == "How to grow leeks"
    assert m.site_name == "Garden Notes"


def test_title_site_prefix_is_stripped_by_host() -> None:
    m = meta("<title>Gardennotes - How to grow leeks</title>", "https://www.gardennotes.org/leeks")
    assert m.title == "How to grow leeks"


def test_h1_matching_a_meta_title_is_the_title() -> None:
    m = meta("""<title>Leeks: A Grower&rsquo;s Guide &ndash; Garden Notes</title>
      <meta property="og:title" content="Leeks: A Grower's Guide">
      <body><h1>Garden Notes</h1><h1>Leeks: A Grower&rsquo;s Guide</h1></body>""")
    assert m.title == "Leeks: A Grower\u2019s Guide"


def test_broken_jsonld_is_ignored() -> None:
    m = meta("""<title>Plain title</title>
      <script type="application/ld+json">{"@type": "Article", "headline": </script>
      <script type="application/ld+json">[1, 2,, {]</script>""")
    assert m.title == "Plain title"
    assert m.author is None


def test_jsonld_trailing_comma_and_comment_are_repaired() -> None:
    m = meta("""<script type="application/ld+json"><!--
      {"@type": "BlogPosting", "headline": "Repaired", "author": {"name": "Ann Lee"},}
      --></script>""")
    assert m.title == "Repaired"
    assert m.author == "Ann Lee"


def test_jsonld_graph_with_author_reference() -> None:
    m = meta("""<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "@id": "#site", "name": "Field Log"},
      {"@type": "Person", "@id": "#p1", "name": "Maria Ortiz"},
      {"@type": ["Article", "NewsArticle"], "headline": "Frost arrives early",
       "author": {"@id": "#p1"}, "datePublished": "2021-11-03T07:00:00+01:00",
       "publisher": {"@id": "#site"}}]}</script>""")
    assert m.title == "Frost arrives early"
    assert m.author == "Maria Ortiz"
    assert m.date == date(2021, 11, 3)
    assert {"article", "newsarticle", "website", "person"} <= m.types


def test_jsonld_numbers_where_strings_belong() -> None:
    m = meta("""<script type="application/ld+json">{"@type": "Article", "headline": 1984,
      "author": 42, "datePublished": 20200101}</script>""")
    assert m.title == "1984"
    assert m.date == date(2020, 1, 1)


def test_author_by_prefix_is_cleaned() -> None:
    m = meta('<meta name="author" content="By Jane Doe | Staff">')
    assert m.author == "Jane Doe"


def test_article_author_url_is_not_a_name() -> None:
    m = meta("""<meta property="article:author" content="https://facebook.com/janedoe">
      <body><span class="byline">By Jane Doe</span></body>""")
    assert m.author == "Jane Doe"


def test_several_jsonld_authors_are_joined() -> None:
    m = meta("""<script type="application/ld+json">{"@type": "Article",
      "author": [{"@type": "Person", "name": "Ann Lee"}, {"name": "Bo Chen"}]}</script>""")
    assert m.author == "Ann Lee, Bo Chen"


def test_date_from_article_published_time() -> None:
    m = meta("""<meta property="article:modified_time" content="2020-02-02T10:00:00Z">
      <meta property="article:published_time" content="2019-05-12T22:30:00-04:00">""")
    assert m.date == date(2019, 5, 12)


def test_date_from_url() -> None:
    m = meta("<title>x</title>", "https://example.org/news/2019/05/12/a-story/")
    assert m.date == date(2019, 5, 12)


def test_date_written_under_the_headline() -> None:
    m = meta("""<body><nav>Archive: 3 March 2001</nav><h1>Snow in April</h1>
      <p>Posted on 14. April 2016 by Ole</p><p>Text.</p></body>""")
    assert m.date == date(2016, 4, 14)


def test_registration_dates_are_not_publication_dates() -> None:
    m = meta("""<body><h1>Help with my bike</h1><div>Registered: 2012-01-05</div>
      <div>Posted 2023-06-30 09:12</div></body>""")
    assert m.date == date(2023, 6, 30)


def test_lang_region_is_reduced_to_primary_code() -> None:
    assert meta('<html lang="en-US"><head></head></html>').language == "en"
    assert meta('<meta http-equiv="content-language" content="de_AT">').language == "de"


def test_canonical_url_is_made_absolute() -> None:
    m = meta('<link rel="canonical" href="/a/b">', "https://example.org/a/b?utm=x")
    assert m.url == "https://example.org/a/b"


def test_types_from_jsonld_microdata_and_og() -> None:
    m = meta("""<meta property="og:type" content="article">
      <div itemscope itemtype="https://schema.org/Recipe"></div>
      <script type="application/ld+json">[{"@type": "Product"}]</script>""")
    assert m.types == frozenset({"article", "recipe", "product"})


def test_empty_page_gives_empty_metadata() -> None:
    assert meta("") == Metadata()
    assert meta("<html><body></body></html>") == Metadata()


def test_huge_jsonld_is_skipped() -> None:
    big = '{"@type": "Article", "headline": "Too big", "x": "' + "a" * 1_100_000 + '"}'
    m = meta(f'<script type="application/ld+json">{big}</script>')
    assert m.title is None


def test_deeply_nested_jsonld_does_not_raise() -> None:
    deep = "[" * 5000 + "]" * 5000
    m = meta(f'<script type="application/ld+json">{deep}</script><title>Deep</title>')
    assert m.title == "Deep"


def test_byline_date_and_separator_are_cut() -> None:
    m = meta('<h1>Snow</h1><span class="byline">By Jane Doe | March 3, 2021</span>')
    assert m.author == "Jane Doe"


def test_organisation_author_yields_to_a_person() -> None:
    m = meta("""<script type="application/ld+json">{"@type": "Article", "headline": "Snow",
      "author": {"@type": "Organization", "name": "Daily Tide"}}</script>
      <body><h1>Snow</h1><div class="author-name">Ole Berg</div></body>""")
    assert m.author == "Ole Berg"


def test_organisation_author_is_kept_when_alone() -> None:
    m = meta("""<script type="application/ld+json">{"@type": "Article",
      "author": {"@type": "Organization", "name": "Daily Tide"}}</script>""")
    assert m.author == "Daily Tide"


def test_comment_authors_are_not_the_author() -> None:
    m = meta("""<body><h1>Snow</h1><p>Text.</p><div id="comments">
      <span class="comment-author">Troll</span></div></body>""")
    assert m.author is None


def test_utc_timestamp_takes_the_urls_day() -> None:
    m = meta('<meta property="article:published_time" content="2023-11-09T05:30:00Z">',
             "https://news.example/2023/11/08/late-vote/")
    assert m.date == date(2023, 11, 8)


def test_section_and_tagline_after_a_pipe_are_dropped() -> None:
    m = meta("""<title>Leek soup | Recipes | Garden Notes</title>
      <meta property="og:site_name" content="Garden Notes">""")
    assert m.title == "Leek soup"


def test_navigation_h1_is_not_the_title() -> None:
    m = meta("<title>Leek soup - Garden Notes</title><body><h1>Menu</h1><h1>Leek soup</h1>")
    assert m.title == "Leek soup"


def test_deeply_nested_page_does_not_raise() -> None:
    depth = 20_000
    page = "<title>Deep</title><body>" + "<div>" * depth + "<h1>Deep</h1><p>By Ann Lee</p>"
    m = meta(page + "</div>" * depth)
    assert m.title == "Deep"


def test_reviewers_on_a_product_page_are_not_the_author() -> None:
    m = meta("""<script type="application/ld+json">{"@type": "Product", "name": "Kettle"}</script>
      <body><h1>Kettle</h1><div class="review-author">By Sam Roe</div></body>""")
    assert m.author is None
    assert m.title == "Kettle"


def test_undetermined_language_falls_through() -> None:
    assert meta('<html lang="und"><meta property="og:locale" content="fr_FR">').language == "fr"


def test_unix_timestamp_date() -> None:
    m = meta('<script type="application/ld+json">{"@type": "Article", '
             '"datePublished": 1577880000}</script>')
    assert m.date == date(2020, 1, 1)


def test_comments_open_wrapper_does_not_hide_the_byline() -> None:
    m = meta("""<body><div class="site comments-open"><h1>Snow</h1>
      <span class="byline">Posted by Ole Berg</span></div></body>""")
    assert m.author == "Ole Berg"


def test_citation_author_last_first_is_turned_around() -> None:
    assert meta('<meta name="citation_author" content="Roy, Ann">').author == "Ann Roy"


def test_visible_byline_stops_before_the_month() -> None:
    m = meta("<body><h1>Snow</h1><p>By Ann Lee December 3, 2024</p></body>")
    assert m.author == "Ann Lee"


def test_garbage_markup_does_not_raise() -> None:
    junk = "".join(chr(c) for c in range(1, 0x3000, 7))
    page = (f'<html lang="{junk[:40]}"><meta property="og:title" content="{"x" * 200_000}">'
            f'<meta name="date" content="{junk}"><time datetime="99999-99-99">'
            f'<script type="application/ld+json">{{"@graph": [{{"@id": "a", "author": '
            f'{{"@id": "a"}}}}], "datePublished": "0000-00-00"}}</script><h1><h1><p>{junk}')
    m = meta(page, "not a url")
    assert m.date is None
    assert m.language is None
    assert m.title is not None and len(m.title) <= 400


def test_british_english_dates_are_day_first() -> None:
    page = "<html lang='{}'><body><h1>Snow</h1><p>Posted 03/10/2023</p></body></html>"
    assert meta(page.format("en-GB")).date == date(2023, 10, 3)
    assert meta(page.format("en-US")).date == date(2023, 3, 10)


def test_date_shown_under_the_headline_beats_jsonld() -> None:
    m = meta("""<script type="application/ld+json">{"@type": "Article",
        "headline": "Leeks in winter", "datePublished": "2025-06-24"}</script>
      <body><article><h1>Leeks in winter</h1><p>Ann Lee &middot; August 25, 2024</p>
      <p>Leeks are hardy.</p></article></body>""")
    assert m.date == date(2024, 8, 25)


def test_updated_date_under_the_headline_leaves_the_published_one() -> None:
    m = meta("""<script type="application/ld+json">{"@type": "Article",
        "headline": "Leeks in winter", "datePublished": "2021-03-02"}</script>
      <body><article><h1>Leeks in winter</h1><p>Last updated: May 5, 2025</p>
      <p>Leeks are hardy.</p></article></body>""")
    assert m.date == date(2021, 3, 2)


def test_date_in_the_lede_prose_is_not_the_date() -> None:
    m = meta("""<meta property="article:published_time" content="2019-11-17">
      <body><article><h1>Sign the petition</h1>
      <p>You can sign until 25 November 2019 at any town hall.</p></article></body>""")
    assert m.date == date(2019, 11, 17)


def test_shown_date_against_the_urls_year_is_passed_over() -> None:
    m = meta("""<meta property="article:published_time" content="2022-02-16">
      <body><article><h1>Wine for beginners</h1><p>27 September 2023 By Jack Lee</p>
      </article></body>""", "https://example.org/2022/learn/wine")
    assert m.date == date(2022, 2, 16)


def test_forum_join_date_with_weekday_is_not_the_date() -> None:
    m = meta("""<body><h1>Portfolio review</h1><div>Topic author changingtimes Posts: 524
      Joined: Mon Jul 24, 2017 9:28 am</div><div>Sat Feb 24, 2024 2:10 pm</div>
      <p>Hello all</p></body>""")
    assert m.date == date(2024, 2, 24)


def test_style_source_is_not_searched_for_dates() -> None:
    m = meta("""<body><h1>Leeks in winter</h1><style>.a{color:red}/* 2020-01-01 */</style>
      <p>By Ann Lee, March 3, 2024</p></body>""")
    assert m.date == date(2024, 3, 3)


def test_question_author_from_post_attribute() -> None:
    m = meta("""<body><h1>Why is this slow?</h1>
      <div class="question" data-author-username="leek_fan"><p>My loop is slow.</p>
      <a href="/users/7/editor">editor</a></div></body>""")
    assert m.author == "leek_fan"


def test_forum_starter_from_first_profile_link() -> None:
    m = meta("""<body><div><h1>Best winter leeks?</h1>
      <div class="post"><a href="/members/ann-lee.3009/">Ann Lee</a><p>Which ones?</p></div>
      <div class="post"><a href="/members/bob.12/">bob</a><p>Blue Solaise.</p></div>
      </div></body>""")
    assert m.author == "Ann Lee"


def test_profile_link_must_name_its_target() -> None:
    m = meta("""<body><div><h1>Leek seeds</h1>
      <a href="/people/signup">Start your free trial</a><p>Seeds for sale.</p></div></body>""")
    assert m.author is None


def test_sort_by_control_is_not_a_byline() -> None:
    m = meta("""<body><h1>Leek seeds</h1><div>Sort by Featured Items</div><p>Seeds.</p></body>""")
    assert m.author is None


def test_forum_suffix_with_host_name_is_stripped() -> None:
    m = meta("<title>Leeks keep bolting / Growing help / Leekland Forums</title>",
             "https://forum.leekland.org/viewtopic.php?id=4")
    assert m.title == "Leeks keep bolting"


def test_h1_split_by_styled_spans_gives_way_to_the_meta_title() -> None:
    m = meta("""<title>How to plan a crop cycle</title>
      <body><h1>How to plan a crop c<span>ycle</span></h1></body>""")
    assert m.title == "How to plan a crop cycle"


def test_h1_without_the_meta_titles_separator_gives_way() -> None:
    m = meta("""<meta property="og:title" content="Question - Which leek is hardiest?">
      <body><h1><span>Question</span> Which leek is hardiest?</h1></body>""")
    assert m.title == "Question - Which leek is hardiest?"


def test_cut_off_h1_gives_way_to_the_whole_title() -> None:
    m = meta("""<title>Which leek variety will be the trend in the garden in 2024?</title>
      <body><h1>Which leek variety will be the trend in the...</h1></body>""")
    assert m.title == "Which leek variety will be the trend in the garden in 2024?"


def test_button_and_style_text_inside_h1_are_not_the_title() -> None:
    m = meta("""<body><h1><style>.x{color:red}</style>Crate leeks
      <button>Copy item path</button></h1></body>""")
    assert m.title == "Crate leeks"


def test_dangling_separator_is_dropped_from_a_title() -> None:
    assert meta("<title>Leeks win the county show -</title>").title == "Leeks win the county show"


def test_time_element_beats_a_bare_date_meta() -> None:
    m = meta("""<meta name="date" content="2022-1-26T14:32:06+02:00">
      <body><h1>New touring boot</h1><time datetime="2022-01-21">21.01.2022</time>
      <p>A boot for both worlds.</p></body>""")
    assert m.date == date(2022, 1, 21)


def test_locale_in_the_url_makes_dates_day_first() -> None:
    page = """<html lang="en"><body><h1>Halls too full</h1><p>The Paper 02/10/2020</p>
      <p>Experts warn.</p></body></html>"""
    assert meta(page, "https://news.example.com/en-gb/news/halls").date == date(2020, 10, 2)
    assert meta(page, "https://news.example.com/en-us/news/halls").date == date(2020, 2, 10)


def test_byline_cleaning_drops_counts_roles_and_dangling_words() -> None:
    page = '<body><h1>Leeks</h1><span class="byline">{}</span><p>Text.</p></body>'
    assert meta(page.format("8 Written by Ann Lee")).author == "Ann Lee"
    assert meta(page.format("&amp; Ann Lee Writer, Gardening")).author == "Ann Lee"
    assert meta(page.format("Ann Lee in")).author == "Ann Lee"


def test_placeholders_and_weekdays_are_not_authors() -> None:
    assert meta('<meta name="author" content="page.head.extra.author">').author is None
    assert meta('<meta name="author" content="undefined">').author is None
    assert meta('<meta name="author" content="Sat">').author is None
    assert meta('<meta name="author" content="ann.r.lee">').author == "ann.r.lee"


def test_meta_title_cut_mid_word_gives_way_to_the_h1() -> None:
    m = meta("""<meta property="og:title" content="Set up your monitor, laptop, and k">
      <body><h1>Set up your monitor, laptop, and keyboard (checklist)</h1></body>""")
    assert m.title == "Set up your monitor, laptop, and keyboard (checklist)"


def test_section_number_of_a_manual_heading_is_dropped() -> None:
    m = meta("<title>Git - Branches</title><body><h1>3.1 Git Branching</h1></body>")
    assert m.title == "Git Branching"


def test_unknown_time_zone_name_parses_without_a_warning() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = meta('<meta property="article:published_time" content="Mon May 03 10:00:00 CEST 2021">')
    assert m.date == date(2021, 5, 3)


# --- quality gate on the benchmark packs (slow; skipped without ../shared) -------------------

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
#: exact-match floors on the first 150 pages of each pack (measured 2026-11-25, second pass:
#: wcxb-dev 0.873 / 0.811 / 0.874, trafilatura-a 0.881 / 0.671 / 0.905), about 0.03 below
FLOORS = {"wcxb-dev": {"title": 0.84, "author": 0.78, "date": 0.84},
          "trafilatura-a": {"title": 0.85, "author": 0.64, "date": 0.87}}


def _norm(field: str, value: object) -> str | None:
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    if value is None:
        return None
    text = " ".join(str(value).translate(_QUOTES).split()).lower()
    if text in ("", "none"):
        return None
    return text[:10] if field == "date" else text


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@pytest.mark.slow
@pytest.mark.parametrize("pack", sorted(FLOORS))
def test_metadata_floor_on_pack_sample(pack: str) -> None:
    folder = SHARED / pack
    if not folder.is_dir():
        pytest.skip(f"benchmark pack not found at {folder} (it lives beside the repo checkout)")
    hits = {f: [0, 0] for f in FLOORS[pack]}
    with gzip.open(folder / "gold.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in itertools.islice(lines, 150):
            gold = json.loads(line)
            raw = gzip.decompress((folder / "pages" / f"{gold['id']}.html.gz").read_bytes())
            url = gold.get("url") if str(gold.get("url")).startswith("http") else None
            page = decode(raw, Options(), kind="html", url=url)
            got = read_metadata(LexborHTMLParser(page.content), url)
            for field, counts in hits.items():
                want = _norm(field, gold.get(field))
                if want is not None:
                    counts[1] += 1
                    counts[0] += _norm(field, getattr(got, field)) == want
    for field, (ok, n) in hits.items():
        assert ok / n >= FLOORS[pack][field], f"{pack} {field}: {ok}/{n} below the floor"
