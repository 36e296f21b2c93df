"""Comment threads in text: author bullet lines with text indented under them, replies deeper."""

from __future__ import annotations

from pageparts import Options
from pageparts.blocks import Page
from pageparts.text import read_text

ARTICLE = """\
Some article text that is long enough to be a paragraph of the page, with words in it, and \
more words after them so that the article outweighs the comments under it on this page.

A second paragraph of the article follows here, also long enough to count as running text, \
since a page's article is usually longer than the comments that readers leave under it.

"""

COMMENTS = """\
  • Maria K.

    I tried this last week and it worked well for our family.

    • Tom

      Same here, thanks for sharing the idea.

    • deleted user

  • Alex (alx99)

    Could you say more about the second step?
    It was not clear to me.
"""
THREAD = ARTICLE + COMMENTS

MENU = """\
  • Home
  • News
    • World
    • Politics
  • Sport
"""

SENTENCES = """\
  • The first point is that the council has not published the figures yet.

    More detail follows here about the first point and why it matters.

  • The second point is that residents were not asked before the vote.

    More detail follows here about the second point as well.
"""


def test_thread_authors_texts_and_replies() -> None:
    parsed = read_text(Page(THREAD, "text"), Options())
    tree = [(c.author, c.text, [(r.author, r.text) for r in c.replies]) for c in parsed.comments]
    assert tree == [
        ("Maria K.", "I tried this last week and it worked well for our family.",
         [("Tom", "Same here, thanks for sharing the idea."), ("deleted user", "")]),
        ("Alex (alx99)", "Could you say more about the second step?\nIt was not clear to me.", []),
    ]


def test_thread_blocks_are_marked_and_the_article_is_not() -> None:
    parsed = read_text(Page(THREAD, "text"), Options())
    marked = [b.text for b in parsed.blocks if "comment" in b.extra]
    assert parsed.blocks[0].text.startswith("Some article text")
    assert "comment" not in parsed.blocks[0].extra
    assert marked[0] == "Maria K." and marked[-1] == "It was not clear to me."
    assert len(marked) == len(parsed.blocks) - 2


def test_menu_is_not_a_thread() -> None:
    assert read_text(Page(MENU, "text"), Options()).comments == []


def test_list_of_sentences_is_not_a_thread() -> None:
    assert read_text(Page(SENTENCES, "text"), Options()).comments == []


def test_dated_author_line_and_action_lines() -> None:
    text = ("  • Jane Doe March 3, 2021 at 4:05 pm\n\n    Great write-up, I learned a lot.\n\n"
            "    Reply\n\n  • Bob\n\n    2 days ago\n\n    Thanks, this helped me fix my bike.\n")
    comments = read_text(Page(text, "text"), Options()).comments
    assert [c.author for c in comments] == ["Jane Doe", "Bob"]
    assert comments[0].date_text == "March 3, 2021 at 4:05 pm"
    assert comments[0].date is not None and comments[0].date.isoformat() == "2021-03-03"
    assert comments[0].text == "Great write-up, I learned a lot."
    assert comments[1].date_text == "2 days ago"
    assert comments[1].text == "Thanks, this helped me fix my bike."


def test_a_thread_that_is_most_of_the_page_is_its_content() -> None:
    forum = "Question about wheels\n\n" + COMMENTS
    parsed = read_text(Page(forum, "text"), Options())
    assert [c.author for c in parsed.comments] == ["Maria K.", "Alex (alx99)"]
    assert not any("comment" in b.extra for b in parsed.blocks)


TILES = """\
  • Harbour Linen Shirt

    Washed linen, relaxed fit

    $48.00

  • Field Jacket

    Waxed cotton with a cord collar

    $129.00

  • Trail Sock Pack

    Merino blend, three pairs

    €24,90
"""


def test_product_tiles_with_prices_are_not_a_thread() -> None:
    assert read_text(Page(ARTICLE + TILES, "text"), Options()).comments == []


#: A numbered comment list (``<ol>`` rendered with numbers), the time glued to the name, the
#: picture's alt text before it, and initials.
NUMBERED = """\
11 Kommentare

  1. Julia 14.09.2022 um 21.11

    Danke für den Bericht, wir haben es genauso erlebt.

  2. Ruby21:00

    Hey, schöner Text und schöne Bilder dazu.

  3. Avatar Kristine says:
    October 22, 2020 at 5:17 pm

    Can I keep the frosting in the fridge overnight?

  4. H.H. sagt:
    10. April 2018 um 12:13

    In dem Zusammenhang taucht noch ein Begriff auf.
"""


def test_numbered_list_names_dates_avatars_and_initials() -> None:
    comments = read_text(Page(ARTICLE + NUMBERED, "text"), Options()).comments
    assert [(c.author, c.date_text) for c in comments] == [
        ("Julia", "14.09.2022 um 21.11"), ("Ruby", "21:00"),
        ("Kristine", "October 22, 2020 at 5:17 pm"), ("H.H.", "10. April 2018 um 12:13")]
    assert comments[0].text == "Danke für den Bericht, wir haben es genauso erlebt."


#: A mega-menu: short entries with a line of description under each, nested. The same shape as
#: a thread of names with text, but the page's article follows it.
MEGA_MENU = """\
  • Storage

    Durable object storage for teams of any size.

    • Archive tier

      Cold storage for data you rarely read.

  • Databases

    Managed relational databases with backups.

  • Analytics

    Query large tables in seconds.

"""


def test_a_run_with_no_comment_cue_and_the_article_after_it_is_not_a_thread() -> None:
    parsed = read_text(Page(MEGA_MENU + ARTICLE, "text"), Options())
    assert parsed.comments == []
    assert not any("comment" in b.extra for b in parsed.blocks)


def test_the_same_run_with_a_comment_heading_above_it_is_a_thread() -> None:
    parsed = read_text(Page("3 Comments\n\n" + MEGA_MENU + ARTICLE, "text"), Options())
    assert [c.author for c in parsed.comments] == ["Storage", "Databases", "Analytics"]


def test_a_says_line_in_spanish_names_the_commenter() -> None:
    text = ARTICLE + ("  • Ramón dijo:\n\n    Muy buen artículo, gracias por escribirlo.\n\n"
                      "  • Lucía dijo:\n\n    Lo probé ayer y funcionó muy bien.\n\n")
    parsed = read_text(Page(text + ARTICLE, "text"), Options())
    assert [c.author for c in parsed.comments] == ["Ramón", "Lucía"]
