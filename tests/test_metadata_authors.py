"""Author hints read when no byline names anyone (``_meta_author_hints``)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from pageparts.blocks import Metadata
from pageparts.html.metadata import read_metadata


def meta(html: str, url: str | None = None) -> Metadata:
    return read_metadata(LexborHTMLParser(html), url)


def test_written_by_label_pair_names_the_author() -> None:
    m = meta("""<meta name="twitter:label1" content="Est. reading time">
      <meta name="twitter:data1" content="4 minutes">
      <meta name="twitter:label2" content="Written by">
      <meta name="twitter:data2" content="Nora Quill">
      <body><h1>Moving a piano</h1><p>Lift with care.</p></body>""")
    assert m.author == "Nora Quill"


def test_reading_time_label_is_not_an_author() -> None:
    m = meta("""<meta name="twitter:label1" content="Est. reading time">
      <meta name="twitter:data1" content="4 minutes"><body><h1>Moving a piano</h1></body>""")
    assert m.author is None


def test_microdata_author_name_held_in_meta_content() -> None:
    m = meta("""<body><div itemscope itemtype="https://schema.org/DiscussionForumPosting">
      <span itemprop="author" itemscope itemtype="https://schema.org/Person">
      <meta itemprop="name" content="Tern42"></span>
      <h1>Which lens for birds?</h1><p>Looking for advice.</p></div></body>""")
    assert m.author == "Tern42"


def test_author_from_a_data_layer_script() -> None:
    m = meta("""<script>var dataLayer_content = {"pagePostType":"post",
      "pagePostAuthor":"Ilse Varga"};</script><body><h1>Sourdough at altitude</h1></body>""")
    assert m.author == "Ilse Varga"


def test_author_object_in_app_state() -> None:
    m = meta("""<body><h1>Fast tokenizers</h1><script id="__NEXT_DATA__" type="application/json">
      {"props":{"frontmatter":{"title":"Fast tokenizers","author":{"name":"Lu Wen"}}}}</script>
      </body>""")
    assert m.author == "Lu Wen"


def test_url_in_app_state_is_not_an_author() -> None:
    m = meta("""<body><h1>Fast tokenizers</h1><script>{"author":"https://example.org/u/9"}
      </script></body>""")
    assert m.author is None


def test_forum_first_poster_username_link() -> None:
    m = meta("""<body><h2>Fan keeps spinning</h2>
      <div class="post"><dl class="postprofile">
      <dt><a href="./memberlist.php?mode=viewprofile&amp;u=7" class="username">k.marsh</a></dt>
      </dl><div class="content">My fan never stops.</div></div>
      <div class="post"><dl class="postprofile">
      <dt><a href="./memberlist.php?mode=viewprofile&amp;u=8" class="username">ohm</a></dt>
      </dl><div class="content">Check the overlay.</div></div></body>""")
    assert m.author == "k.marsh"


def test_byline_beats_hints() -> None:
    m = meta("""<meta name="twitter:label1" content="Written by">
      <meta name="twitter:data1" content="Site Admin">
      <meta name="author" content="Nora Quill"><body><h1>Moving a piano</h1></body>""")
    assert m.author == "Nora Quill"


def test_scripts_full_of_author_keys_without_names_give_none() -> None:
    noise = '{"author": 12, "coauthors": [], "authorUrl": "/x"}' * 20_000
    m = meta(f"""<body><h1>Fast tokenizers</h1><script>var s = {noise};</script>
      <script>var t = {{"author": "</script></body>""")
    assert m.author is None


def test_many_username_links_read_only_the_first() -> None:
    links = "".join(f'<a class="username" href="/members/u{i}">u{i}</a>' for i in range(5_000))
    m = meta(f"<body><h2>Thread</h2>{links}</body>")
    assert m.author == "u0"


def test_username_link_that_is_the_itemprop_author_is_read_as_such() -> None:
    m = meta("""<body><h1>Glaze recipes</h1><p>By
      <a class="username" itemprop="author" href="/members/ilse.4/">Ilse Varga</a></p></body>""")
    assert m.author == "Ilse Varga"


def test_person_that_is_also_an_organisation_is_the_author() -> None:
    m = meta("""<title>Kiln notes</title>
      <script type="application/ld+json">{"@type": "BlogPosting", "headline": "Kiln notes",
       "author": {"@type": ["Person", "Organization"], "name": "Ann Lee"}}</script>
      <meta property="og:site_name" content="Kiln Notes Weekly">
      <meta name="author" content="Coast Media Group">
      <body><h1>Kiln notes</h1><p>Clay needs time to dry.</p></body>""")
    assert m.author == "Ann Lee"


def test_label_after_the_byline_name_is_not_part_of_it() -> None:
    m = meta("""<title>Kiln notes</title><body><h1>Kiln notes</h1>
      <p>By Ann Lee Post date March 5, 2014</p><p>Clay needs time to dry.</p></body>""")
    assert m.author == "Ann Lee"


def test_labelled_fields_give_the_author_field() -> None:
    m = meta("""<title>Kiln notes</title><body><h1>Kiln notes</h1>
      <div class="article-author-date"><span class="label">Date:</span> 19.11.2021<br>
      <span class="label">Author:</span> Ann Lee<br><span class="label">Source:</span> Coast Wire
      </div><p>Clay needs time to dry.</p></body>""")
    assert m.author == "Ann Lee"


def test_bio_box_opening_with_written_by_names_the_author() -> None:
    m = meta(f"""<title>Kiln notes</title><body><h1>Kiln notes</h1>
      <p>{"Clay needs time to dry before firing. " * 60}</p>
      <div class="author-bio">This post was written by Ann Lee, Head of Glazes</div></body>""")
    assert m.author == "Ann Lee"


def test_bio_box_without_a_byline_names_no_author() -> None:
    m = meta("""<title>Kiln notes</title><body><h1>Kiln notes</h1>
      <p>Clay needs time to dry.</p>
      <div class="author-bio">Potter and teacher since 1999</div></body>""")
    assert m.author is None


def test_french_author_class_names_the_author() -> None:
    m = meta("""<body><h1>Les toits de Lisbonne</h1>
      <div class="dates_auteurs">par <span class="auteurs">Odile Marchand</span>, 3 mai 2021
      </div><p>Texte.</p></body>""")
    assert m.author == "Odile Marchand"


def test_german_profile_link_under_the_headline() -> None:
    m = meta("""<body><h1>Feuerwehrautos der Fünfziger</h1><p>
      <a href="/profil/31/Jonas_Wendel">Jonas Wendel</a> schreibt über Technik</p>
      <p>Text.</p></body>""")
    assert m.author == "Jonas Wendel"


def test_posted_on_date_then_by_name() -> None:
    m = meta("""<body><h1>Gadgets we never knew we wanted</h1>
      <div class="page-meta--author">Posted on March 2, 2021 by Rhea Castell</div></body>""")
    assert m.author == "Rhea Castell"


def test_posted_on_date_alone_names_no_one() -> None:
    m = meta("""<body><h1>Gadgets we never knew we wanted</h1>
      <div class="post-author">Posted on March 2, 2021</div></body>""")
    assert m.author is None


def test_two_initials_are_not_a_repeated_name() -> None:
    m = meta("""<body><h1>Neue Kinosäle</h1><p class="author">Von R. R. am 07.08.2013</p>
      </body>""")
    assert m.author == "R. R."


def test_site_named_as_a_persons_blog() -> None:
    m = meta("""<head><title>Moving the build farm | Imre Halasz's blog</title></head>
      <body><h1>Moving the build farm</h1><p>Notes.</p></body>""")
    assert m.author == "Imre Halasz"


def test_brand_site_name_is_not_an_author() -> None:
    m = meta("""<head><title>Bike locks | Harbor Lock</title>
      <meta property="og:site_name" content="Harbor Lock"></head>
      <body><h1>Bike locks</h1></body>""", "https://www.harborlock.com/bike")
    assert m.author is None


def test_teams_blog_is_no_persons_blog() -> None:
    m = meta("""<head><title>Release notes | The Team's blog</title></head>
      <body><h1>Release notes</h1></body>""")
    assert m.author is None


def test_thread_starter_beats_the_first_post_shown() -> None:
    m = meta("""<body><h1>Which mesh router?</h1><ul class="p-description">
      <li><span class="u-srOnly">Thread starter</span> <a href="/members/tova_k.12/"
      class="username">tova_k</a></li><li><span>Start date</span> Jun 14, 2025</li></ul>
      <article class="message" itemprop="author" itemscope itemtype="https://schema.org/Person">
      <span itemprop="name">rmoss</span><p>Page 3 reply.</p></article></body>""")
    assert m.author == "tova_k"


def test_web_page_author_in_json_ld_beats_a_theme_meta_author() -> None:
    m = meta("""<head><meta name="author" content="Theme by Studio Nord">
      <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebPage", "@id": "https://x.example/p#webpage", "name": "Grundeinkommen",
       "author": {"@id": "https://x.example/#/person/1"}},
      {"@type": "Person", "@id": "https://x.example/#/person/1", "name": "Hanna Weller"}]}
      </script></head><body><h1>Grundeinkommen</h1></body>""")
    assert m.author == "Hanna Weller"


def test_byline_lists_coauthors_after_the_structured_author() -> None:
    m = meta("""<head><meta name="author" content="Rosa Imhof"></head><body>
      <h1>Trail bikes tested</h1><div class="meta-item author"><span class="fn">von Rosa Imhof,
      Jan Tiller</span></div><p>Text.</p></body>""")
    assert m.author == "Rosa Imhof, Jan Tiller"


def test_role_after_the_structured_author_is_no_coauthor() -> None:
    m = meta("""<head><meta name="author" content="Rosa Imhof"></head><body>
      <h1>Trail bikes tested</h1><div class="byline">Rosa Imhof, Senior Editor</div></body>""")
    assert m.author == "Rosa Imhof"


def test_team_after_a_dash_is_cut_from_the_name() -> None:
    m = meta("""<head><meta name="author" content="Dara Quist - Acme Editorial Team"></head>
      <body><h1>Price guide</h1></body>""")
    assert m.author == "Dara Quist"


def test_job_title_at_a_firm_is_cut_from_the_name() -> None:
    m = meta("""<body><h1>Claims after a crash</h1><p class="author-line">Reviewed by
      Lea M. Oduya, Trial Attorney at Oduya &amp; Park, on May 9, 2024.</p></body>""")
    assert m.author == "Lea M. Oduya"


def test_place_after_a_dash_stays() -> None:
    m = meta("""<head><meta name="author" content="Dara Quist - Paris"></head>
      <body><h1>Price guide</h1></body>""")
    assert m.author == "Dara Quist - Paris"


def test_written_by_label_pair_beats_the_site_as_structured_author() -> None:
    m = meta("""<head><meta property="og:site_name" content="Orbit Notes">
      <script type="application/ld+json">{"@type": "Article", "headline": "New books",
      "author": {"@type": "Organization", "name": "Orbit Notes"}}</script>
      <meta name="twitter:label1" content="Written by">
      <meta name="twitter:data1" content="Ines Barros"></head>
      <body><h1>New books</h1></body>""")
    assert m.author == "Ines Barros"


def test_site_credits_in_the_author_tag_are_no_author() -> None:
    m = meta("""<head><meta name="author" content="content: Kite Labs, design: Jo Park,
      code: Eli Stone"></head><body><h1>Pricing chart</h1>
      <div id="authors">by <span class="author">Mara Velde</span></div></body>""")
    assert m.author == "Mara Velde"


def test_text_and_photo_credits_name_the_writer() -> None:
    m = meta("""<body><h1>Alpine huts</h1><p class="author">Text: Mara Velde, Fotos: Jo Park</p>
      </body>""")
    assert m.author == "Mara Velde"


def test_written_by_label_pair_beats_a_related_cards_microdata_author() -> None:
    m = meta("""<head><meta name="twitter:label1" content="Written by">
      <meta name="twitter:data1" content="Ines Barros"></head><body>
      <aside><div class="card" itemprop="author" itemscope itemtype="https://schema.org/Person">
      <span itemprop="name">By Tom Reyes</span></div></aside>
      <h1>Podcasts for leaders</h1><p>Text.</p></body>""")
    assert m.author == "Ines Barros"


def test_dateline_next_to_the_headline_names_the_author() -> None:
    m = meta("""<body><div class="meta"><span>25.10.2022 - Ida Brenner</span></div>
      <h1>Die Freiheit der Planung</h1><p>Was haben fahrerlose Autos damit zu tun?</p></body>""")
    assert m.author == "Ida Brenner"


def test_dateline_after_the_headline_with_time_and_bars() -> None:
    m = meta("""<body><h1>Neue Wege im Pilotjahr</h1>
      <small>04.02.2022 | 13:10 Uhr | Uta Marlow</small><p>Gerade haben sich die Verbände
      geeinigt.</p></body>""")
    assert m.author == "Uta Marlow"


def test_lower_case_by_word_line_and_one_word_name_after_a_date() -> None:
    m = meta("""<body><h1>Eignet sich eine Pumpe im Altbau?</h1><ul><li>
      <span>von Alex Rosen</span></li></ul><p>Grundsätzlich ist das möglich.</p></body>""")
    assert m.author == "Alex Rosen"
    m = meta("""<body><h1>Ehezoff eskaliert</h1><h2>Stars <span>06.11.2023 13:30 von Olga</span>
      <span>Symbolbild imago</span></h2><p>Die Lage ist angespannt.</p></body>""")
    assert m.author == "Olga"


def test_dateline_rejects_a_category_a_photo_credit_and_about_us() -> None:
    m = meta("""<body><h1>Glossar zur Pandemie</h1><div><span>2020-04-26</span>
      <span>Deutsche Sprache</span></div><p>Foto: Max Weller (Copyright)</p>
      <p><a href="/about">About Us</a></p><p>Die Pandemie löst Wandel aus.</p></body>""")
    assert m.author is None


def test_article_by_label_and_role_in_brackets() -> None:
    m = meta("""<body><div>05.02.2020 <span>- Redaktion: Ebbe Fuhrmann (Pressesprecher)</span>
      </div><h1>Faire Lieferketten</h1><p>Aktionen planen.</p></body>""")
    assert m.author == "Ebbe Fuhrmann"
    m = meta("""<body><h1>Kondenswasser verhindern</h1><div class="author">Artikel von: hausrat
      </div><p>Lüften hilft.</p></body>""")
    assert m.author == "hausrat"


def test_reading_time_and_about_the_author_are_no_names() -> None:
    article = "<p>Fische haben Nozizeptoren, und sie reagieren auf Reize.</p>" * 20
    m = meta(f"""<body><h1>Können Fische Schmerzen spüren?</h1>
      <div class="author-meta">ca. 8 Min. 12.01.2022</div>{article}
      <div class="author-box">Über den Autor</div><p>Mehr lesen.</p></body>""")
    assert m.author is None


def test_on_behalf_of_and_sponsored_tails_are_cut() -> None:
    m = meta("""<body><h1>Vision doc update</h1><p class="byline">By Nils Marek on behalf of
      the Docs group</p><p>We met twice.</p></body>""")
    assert m.author == "Nils Marek"
    m = meta("""<body><h1>Patch now</h1><span class="author">Net Watch Sponsored</span>
      <p>Three flaws were fixed.</p></body>""")
    assert m.author == "Net Watch"


def test_drupal_submitted_line_names_the_author() -> None:
    m = meta("""<body><h1>Hackathon im Sommercamp</h1><p>Wir fahren ins Jura.</p>
      <div class="submitted">Gespeichert von <span class="username">kasos</span>
      am 24. Juli 2017 - 18:55</div></body>""")
    assert m.author == "kasos"


def test_several_authors_as_the_byline_writes_them() -> None:
    ld = """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rezoning",
      "author": [{"@type": "Person", "name": "Dana Brandt"},
                 {"@type": "Person", "name": "Ramsey Kahl"}]}</script>"""
    m = meta(f"""<head>{ld}</head><body><h1>Rezoning</h1><p class="byline">By Dana Brandt and
      Ramsey Kahl</p><p>The plan passed.</p></body>""")
    assert m.author == "Dana Brandt and Ramsey Kahl"
    m = meta(f"""<head>{ld}</head><body><h1>Rezoning</h1><p>The plan passed.</p></body>""")
    assert m.author == "Dana Brandt, Ramsey Kahl"  # written nowhere: listed with commas


def test_a_role_before_the_name_and_a_slash_between_elements() -> None:
    m = meta("""<body><h1>Zehn Tipps</h1><p class="author">FOCUS-Online-Experte Rob Tesch</p>
      <p>Erstens.</p></body>""")
    assert m.author == "Rob Tesch"
    m = meta("""<body><h1>Team news</h1><p class="author">Content Marketing Team</p>
      <p>First.</p></body>""")
    assert m.author == "Content Marketing Team"  # an adjective alone is no role to cut
    m = meta("""<body><h1>Wien</h1><p class="author">red, wien.ORF.at/<a href="/ag">Agenturen</a>
      </p><p>Text.</p></body>""")
    assert m.author == "red, wien.ORF.at/Agenturen"


def test_byline_element_gives_the_microformat_name_it_holds() -> None:
    m = meta("""<body><h1><a href="https://example.org/wall">Harbour picks a wall</a></h1>
      <div class="byline"><span>via</span> <a class="u-author h-card" href="/~tern42">tern42</a>
      <time datetime="2026-03-01 10:00">1 year ago</time> | <span>caches</span> |
      <a href="#c">12 comments</a></div><p>Nothing else here.</p></body>""")
    assert m.author == "tern42"


def test_a_relative_time_after_the_names_is_cut() -> None:
    m = meta("""<body><h1>Harbour picks a wall</h1>
      <div class="byline">Ann Lee and Bo Chen | 3 days ago</div><p>Text.</p></body>""")
    assert m.author == "Ann Lee and Bo Chen"


def test_copyright_lines_credits_and_prices_are_no_authors() -> None:
    for line in ("The Harbour University © 2025", "Government Websites by CivicPlus",
                 "billed annually, or $50 / mo billed monthly", "I", "The"):
        m = meta(f"""<body><h1>Harbour picks a wall</h1>
          <div class="author">{line}</div><p>Text.</p></body>""")
        assert m.author is None, line


def test_a_by_label_alone_is_no_author() -> None:
    m = meta("""<body><h1>Harbour picks a wall</h1><span class="author">Article by</span>
      <a href="/people/ann-lee">Ann Lee</a>
      <p>The harbour committee met on Tuesday evening to settle the question of the new
      breakwater, which has divided the town for three winters.</p></body>""")
    assert m.author == "Ann Lee"


def test_a_short_username_that_is_a_word_stays_a_name() -> None:
    m = meta("""<body><h1>How do I back up my system?</h1>
      <div class="author">Will</div><p>Text.</p></body>""")
    assert m.author == "Will"
