"""Comment threads read from schema.org JSON-LD (``comment`` arrays of ``Comment``), on pages
written here."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from pageparts import extract
from pageparts.html.comments import Thread, find_threads

STORY = "The council voted to close the old library on Main Street next spring. " * 6


def _ld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _threads(html: str) -> list[Thread]:
    return find_threads(LexborHTMLParser(html))


def _comment(author: str, text: str, day: int, replies: list[Any] | None = None) -> Any:
    c: dict[str, Any] = {"@type": "Comment", "author": {"@type": "Person", "name": author},
                         "dateCreated": f"2024-03-{day:02d}T10:00:00+01:00", "text": text}
    if replies:
        c["comment"] = replies
    return c


TALK = [("Hollis", "Has anyone tried the new tension springs on the older frames?"),
        ("Marit", "Yes, they fit the 2019 frames but you need the longer bolts as well."),
        ("Osei", "Mine rattled after a week until I added a washer under each spring.")]


def _forum_page(shown: list[tuple[str, str]], ld_posts: list[tuple[str, str]]) -> str:
    """A discussion whose posts are in markup no vocabulary names, and in JSON-LD."""
    data = {"@context": "https://schema.org", "@type": "DiscussionForumPosting",
            "headline": "Tension springs", "author": {"name": ld_posts[0][0]},
            "dateCreated": "2024-03-01T09:00:00Z", "text": ld_posts[0][1],
            "comment": [_comment(a, t, 2 + k) for k, (a, t) in enumerate(ld_posts[1:])]}
    posts = "".join(f'<section class="zz-entry"><aside class="zz-side"><b>{a}</b></aside>'
                    f'<div class="zz-text"><p>{t}</p></div></section>' for a, t in shown)
    return (f"<html><head>{_ld(data)}</head><body><h1>Tension springs</h1>"
            f"<main>{posts}</main></body></html>")


def test_forum_posts_are_read_from_jsonld_and_placed_on_their_records() -> None:
    html = _forum_page(TALK, TALK)
    tree = LexborHTMLParser(html)
    ts = find_threads(tree)
    assert len(ts) == 1
    t = ts[0]
    assert (t.kind, t.detector) == ("posts", "jsonld")
    assert [(c.author, c.text) for c in t.comments] == TALK
    assert t.comments[1].date == dt.date(2024, 3, 2)
    assert t.comments[1].date_text == "2024-03-02T10:00:00+01:00"
    records = {n.mem_id: n for n in tree.css("section.zz-entry")}
    assert [m.record_id for m in t.members] == list(records)  # each post's whole record
    assert all(m.depth == 0 for m in t.members)


def test_opening_post_from_an_earlier_page_is_left_out() -> None:
    # page 2 of a discussion: the JSON-LD still carries page 1's opening post
    html = _forum_page(TALK[1:], TALK)
    (t,) = _threads(html)
    assert [c.author for c in t.comments] == ["Marit", "Osei"]


def test_article_comments_with_replies_not_shown_on_the_page() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Library",
            "comment": [_comment("Ana", "<p>Sad news for the <b>neighbourhood</b>.</p><p>Really.",
                                 5, [_comment("Ben", "It was hardly used &amp; cost a lot.", 6)]),
                        _comment("Cai", "", 7)]}
    html = (f"<html><head>{_ld(data)}</head><body><article><h1>Library</h1><p>{STORY}</p>"
            "</article></body></html>")
    (t,) = _threads(html)
    assert (t.kind, t.detector) == ("comments", "jsonld")
    ana, cai = t.comments
    assert (ana.author, ana.text) == ("Ana", "Sad news for the neighbourhood.\nReally.")
    assert [(r.author, r.text) for r in ana.replies] == [
        ("Ben", "It was hardly used & cost a lot.")]
    assert (cai.author, cai.text) == ("Cai", "")  # a comment with no text stays in the thread
    assert [m.depth for m in t.members] == [0, 1, 0]
    assert all(m.record_id == -1 for m in t.members)  # not on the page: nothing to mark


def test_shown_jsonld_comments_stay_out_of_the_article_text() -> None:
    lines = ["I walked past it every day and never once saw it open before noon.",
             "The reading room upstairs was the quietest place in the whole town."]
    data = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Library",
            "comment": [_comment(f"Reader{k}", t, 3 + k) for k, t in enumerate(lines)]}
    shown = "".join(f'<div class="qq"><span>Reader{k}</span><p>{t}</p></div>'
                    for k, t in enumerate(lines))
    html = (f"<html><head>{_ld(data)}</head><body><article><h1>Library</h1><p>{STORY}</p>"
            f"</article><div class='after'>{shown}</div></body></html>")
    doc = extract(html)
    assert [c.author for c in doc.comments] == ["Reader0", "Reader1"]
    assert "reading room" not in doc.text


def test_markup_thread_wins_over_jsonld() -> None:
    data = {"@type": "BlogPosting", "comment": [_comment("Ghost", "A comment from the data.", 4)]}
    wp = ("<ol class='commentlist'>" + "".join(
        f'<li class="comment" id="comment-{k}"><div class="comment-author vcard">'
        f'<cite class="fn">Reader {k}</cite></div><div class="comment-meta">March {k + 1}, '
        f"2019 at 4:12 pm</div><p>Comment text number {k} on the closing.</p></li>"
        for k in range(2)) + "</ol>")
    html = (f"<html><head>{_ld(data)}</head><body><article><h1>T</h1><p>{STORY}</p></article>"
            f"<div id='comments'>{wp}</div></body></html>")
    (t,) = _threads(html)
    assert t.detector == "markup"
    assert [c.author for c in t.comments] == ["Reader 0", "Reader 1"]


def test_faq_answers_and_broken_json_give_no_thread() -> None:
    faq = {"@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Open?",
           "acceptedAnswer": {"@type": "Answer", "text": "Yes, from nine to five."}}]}
    deep = '{"comment": ' * 50_000 + "1" + "}" * 50_000
    for script in (_ld(faq), '<script type="application/ld+json">{"comment": [</script>',
                   f'<script type="application/ld+json">{deep}</script>'):
        html = f"<html><head>{script}</head><body><p>{STORY}</p></body></html>"
        assert _threads(html) == []
