"""Comment threads in plain text without bullets or indent (WET-style lines), and the same pages
rendered with bullets: authors, dates, texts, replies from cues, and what is not a thread.

Every page here is written for this file and rendered with :func:`pageparts.text.render.render`.
"""

from __future__ import annotations

import datetime as _dt

import pytest

from pageparts import Comment, ModelError, Options, extract
from pageparts.blocks import Page
from pageparts.text import read_text
from pageparts.text.render import render

ARTICLE = "".join(
    f"<p>Paragraph {k} of the article tells the story at length, with enough words in it to be "
    "running text, and more words after them so that it reads like the body of a real post on "
    f"a small blog about gardens, bread and bicycles (part {k}).</p>" for k in range(1, 9))


def _page(thread: str, heading: str = "<h2>4 thoughts on this post</h2>") -> str:
    return (f"<html><body><article><h1>Country bread at home</h1>{ARTICLE}</article>"
            f'<div id="comments">{heading}{thread}'
            '<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be '
            "published.</p></div></div><footer><p>Blog footer</p></footer></body></html>")


def _wp(author: str, when: str, text: str, replies: str = "") -> str:
    """A WordPress-style record: "Name says:", the time, the text, "Reply", replies below."""
    children = f'<ol class="children">{replies}</ol>' if replies else ""
    return (f'<li class="comment"><article><footer><div class="comment-author">'
            f'<b class="fn">{author}</b> <span class="says">says:</span></div>'
            f'<div class="comment-metadata"><time>{when}</time></div></footer>'
            f'<div class="comment-content"><p>{text}</p></div>'
            f'<div class="reply"><a href="#r">Reply</a></div></article>{children}</li>')


WORDPRESS = _page('<ol class="comment-list">' + _wp(
    "Anna Berg", "March 3, 2021 at 10:15 am",
    "I baked this on Sunday and the crust came out just right.",
    _wp("Site Owner", "March 4, 2021 at 8:02 am",
        "Thank you Anna, glad the crust worked for you.")) + _wp(
    "Tom Reed", "March 3, 2021 at 4:40 pm",
    "Could the dough rest overnight in the fridge instead?") + _wp(
    "Lea", "March 3, 2021 at 9:05 pm", "Lovely photos, and the recipe is easy to follow.")
    + "</ol>")

#: Header below the text ("Name Le <date>", then "Répondre"), and an "@name" reply.
FOOTER = _page("".join(
    f'<div class="reaction"><p>{text}</p><p class="sig">{who} Le {when}</p>'
    f'<a class="rep">Répondre</a></div>'
    for text, who, when in (
        ("Je trouve que la deuxième partie manque un peu de sources.",
         "Paul", "10 mars 2021 à 21:10"),
        ("Un article très clair, merci pour toutes ces explications détaillées.",
         "Claire Martin", "11 mars 2021 à 18:20"),
        ("@Paul je ne suis pas du tout d'accord avec vous sur ce point.",
         "Julie", "12 mars 2021 à 09:45"),
    )), heading="<h2>Vos réactions</h2>")

#: German headers on one line ("Name am <date> um <time>"), no time order to read.
ONE_LINE = _page("".join(
    f'<div class="kommentar"><p class="kopf">{who} am {when}</p><p>{text}</p>'
    f'<p class="aktion">Antworten</p></div>'
    for who, when, text in (
        ("Kurt", "2. Mai 2020 um 10:00", "Danke für den ausführlichen Bericht aus dem Garten."),
        ("M. Vogel", "2. Mai 2020 um 10:00", "Welche Sorte Tomaten haben Sie dort gepflanzt?"),
        ("Ute", "3. Mai 2020 um 07:30", "Bei uns hat der Frost leider alles erwischt."),
    )), heading="<h2>3 Kommentare</h2>")

#: A board's records: a "Re:" subject line, "by Name writes:", the text, "Reply".
WRITES = _page("".join(
    f'<div class="cmt"><h4>Re: {subj}</h4><p class="by">by {who} writes:</p><p>{text}</p>'
    f'<p class="act">Reply</p></div>'
    for subj, who, text in (
        ("Rest time", "breadhead", "Twelve hours in the fridge gives a sourer loaf, I like it."),
        ("Rest time", "J. Miller", "Mine over-proofed after sixteen hours, so watch the dough."),
        ("Flour", "crumbshot", "A little rye in the starter makes it far more lively."),
    )), heading="<h2>3 comments</h2>")

#: Dated teasers of other articles: title, date, teaser. No author, no time, no comment cue.
LISTING = (
    f"<html><body><article><h1>Country bread at home</h1>{ARTICLE}</article>"
    '<section class="more"><h2>More stories</h2>' + "".join(
        f"<div><h3>{title}</h3><p>{day}</p><p>{teaser}</p></div>" for title, day, teaser in (
            ("Sourdough starters", "March 1, 2021", "How to keep a starter alive for years."),
            ("Rye in the north", "February 20, 2021", "Why dark rye bread rules the north."),
            ("Flour guide", "February 2, 2021", "Which flour to use for which loaf, and why."),
        )) + "</section></body></html>")

#: A forum page: the posts are the content, no article above them.
FORUM = (
    "<html><body><h1>Best saw for a beginner?</h1>" + "".join(
        f'<div class="post"><p>{who} says:</p><p>{when}</p><p>{text}</p><p>Reply</p></div>'
        for who, when, text in (
            ("woodfan", "June 1, 2022 at 9:00 am",
             "I am starting out and wonder which saw to buy first for small furniture projects, "
             "mostly shelves and boxes, in a tiny garage workshop with little space to spare."),
            ("oldhand", "June 1, 2022 at 11:30 am",
             "A good Japanese pull saw will take you a long way before you need any machine; "
             "learn to sharpen and to mark out, and buy a decent square with the money saved."),
            ("planer42", "June 2, 2022 at 8:15 am",
             "Agree with the pull saw, and add a small block plane. Machines can wait until you "
             "know what you want to build, and they need room and dust collection as well."),
        )) + "</body></html>")


def _flat(comments: list[Comment] | tuple[Comment, ...]) -> list[tuple[int, str | None, str]]:
    out = []
    for c in comments:
        out.extend((d, r.author, r.text) for d, r in c.walk(0))
    return out


def _read(html: str, style: str) -> list[Comment]:
    if style == "bullets":
        pytest.importorskip("resiliparse")
    return read_text(Page(render(html, style), "text"), Options()).comments  # type: ignore[return-value]


@pytest.mark.parametrize("style", ["wet", "bullets"])
def test_wordpress_thread_authors_dates_texts(style: str) -> None:
    comments = _read(WORDPRESS, style)
    assert [(a, t) for _, a, t in _flat(comments)] == [
        ("Anna Berg", "I baked this on Sunday and the crust came out just right."),
        ("Site Owner", "Thank you Anna, glad the crust worked for you."),
        ("Tom Reed", "Could the dough rest overnight in the fridge instead?"),
        ("Lea", "Lovely photos, and the recipe is easy to follow."),
    ]
    assert comments[0].date == _dt.date(2021, 3, 3)
    assert comments[0].date_text == "March 3, 2021 at 10:15 am"


@pytest.mark.parametrize("style", ["wet", "bullets"])
def test_reply_printed_under_its_parent_out_of_time_order_nests(style: str) -> None:
    # WET has no indent: the owner's answer is dated after the next comment, so it is a reply
    depths = [(d, a) for d, a, _ in _flat(_read(WORDPRESS, style))]
    assert depths == [(0, "Anna Berg"), (1, "Site Owner"), (0, "Tom Reed"), (0, "Lea")]


def test_header_below_the_text_and_at_name_reply() -> None:
    comments = _read(FOOTER, "wet")
    flat = _flat(comments)
    # Julie's "@Paul" makes her comment a reply to Paul's, under it
    assert [(d, a, t[:12]) for d, a, t in flat] == [
        (0, "Paul", "Je trouve qu"), (1, "Julie", "@Paul je ne "),
        (0, "Claire Martin", "Un article t")]
    assert comments[0].date == _dt.date(2021, 3, 10)
    assert comments[0].date_text == "10 mars 2021 à 21:10"


def test_one_line_headers_without_nesting_cues_give_a_flat_list() -> None:
    flat = _flat(_read(ONE_LINE, "wet"))
    assert [(d, a) for d, a, _ in flat] == [(0, "Kurt"), (0, "M. Vogel"), (0, "Ute")]
    assert flat[1][2] == "Welche Sorte Tomaten haben Sie dort gepflanzt?"


@pytest.mark.parametrize("style", ["wet", "bullets"])
def test_writes_headers_and_subject_lines(style: str) -> None:
    # the subject line above a header opens that record: it is not the end of the one before
    assert _flat(_read(WRITES, style)) == [
        (0, "breadhead", "Twelve hours in the fridge gives a sourer loaf, I like it."),
        (0, "J. Miller", "Mine over-proofed after sixteen hours, so watch the dough."),
        (0, "crumbshot", "A little rye in the starter makes it far more lively.")]


def test_writes_without_a_colon_is_prose() -> None:
    text = "\n".join(["Country bread at home", "Smith writes that the crust needs steam.",
                      "March 3, 2021 at 10:15 am", "More words of the article follow here."])
    assert read_text(Page(text, "text"), Options()).comments == []


@pytest.mark.parametrize("style", ["wet", "bullets"])
def test_dated_teasers_are_not_a_thread(style: str) -> None:
    assert _read(LISTING, style) == []


def test_thread_blocks_are_marked_and_article_and_form_are_not() -> None:
    parsed = read_text(Page(render(WORDPRESS, "wet"), "text"), Options())
    marked = [b.text for b in parsed.blocks if "comment" in b.extra]
    assert marked[0] == "Anna Berg says:"
    assert marked[-1] == "Reply"
    assert not any(t.startswith(("Paragraph", "Leave a Reply", "Blog footer")) for t in marked)


def test_forum_posts_are_returned_but_left_to_the_block_model() -> None:
    parsed = read_text(Page(render(FORUM, "wet"), "text"), Options())
    assert [c.author for c in parsed.comments] == ["woodfan", "oldhand", "planer42"]
    assert not any("comment" in b.extra for b in parsed.blocks)


def test_comments_do_not_leak_into_the_main_text() -> None:
    try:
        doc = extract(render(WORDPRESS, "wet"), kind="text")
    except ModelError as exc:
        pytest.skip(f"no block model installed ({exc})")
    assert "Paragraph 3 of the article" in doc.text
    assert "crust came out" not in doc.text
    assert [c.author for _, c in doc.iter_comments()] == ["Anna Berg", "Site Owner", "Tom Reed",
                                                          "Lea"]


def test_many_header_lines_are_bounded_and_do_not_crash() -> None:
    lines = []
    for k in range(6000):
        lines += [f"user{k} says:", f"March {k % 28 + 1}, 2021 at 10:{k % 60:02d} am",
                  "@user1 a short remark with a few words in it", "Reply"]
    comments = read_text(Page("\n".join(lines), "text"), Options()).comments
    assert 0 < sum(1 for c in comments for _ in c.walk(0)) <= 6000


def test_header_like_lines_alone_are_not_comments() -> None:
    text = "\n".join(["Date: Fri, 1 Feb 2002 11:53:40 -0500", "From: someone",
                      "Subject: a mail quoted in an article", "Hello list, here is the patch.",
                      "Date: Fri, 1 Feb 2002 13:07:39 -0500", "From: someone else",
                      "Thanks, applied to the tree."])
    assert read_text(Page(text, "text"), Options()).comments == []


def test_profile_fields_are_not_commenters() -> None:
    text = "\n".join(["Kommentare", "Registriert: 18.09.2008, 05:56", "Wohnort: Hagen",
                      "Beiträge und Fragen rund um das Forum und seine Regeln.", "Zitat",
                      "Registriert: 02.03.2010, 21:14", "Wohnort: Bonn",
                      "Noch ein Beitrag mit genug Worten, um als Text zu gelten.", "Zitat"])
    assert read_text(Page(text, "text"), Options()).comments == []


def test_headlines_with_says_are_not_commenters() -> None:
    lines = ["Latest Articles"]
    for k, (who, what) in enumerate((("Minister", "no reason to panic about the outbreak"),
                                      ("Union", "talks with the railway will go on all week"),
                                      ("Mayor", "the bridge reopens after repairs in May"))):
        lines += [f"{who} says {what}", f"{k + 1} hours ago",
                  f"The {who.lower()} spoke to reporters on Tuesday and answered their questions."]
    assert read_text(Page("\n\n".join(lines), "text"), Options()).comments == []
