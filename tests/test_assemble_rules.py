"""Assembly rules after the block model: a passage the page shows twice (a phone layout and a
desktop one, a carousel's clones) is read once, the second copy being furniture of kind
"duplicate"; a "Read also" lead-in and the links right after it are related links."""

from __future__ import annotations

import pageparts
from pageparts import Options

_PARAS = [
    "The harbour committee met on Tuesday evening to settle the question of the new "
    "breakwater, which has divided the town for the better part of three winters.",
    "Engineers presented two designs: a rubble mound that would cost less to build, and a "
    "caisson wall that would need less repair once the storms of the season arrived.",
    "Fishermen spoke for nearly an hour about the currents near the old lighthouse, where "
    "the sand shifts every spring and the channel has to be dredged again by hand.",
    "The committee chose the caisson wall by five votes to two and asked the council to "
    "find the money for it before the next budget is drawn up in the autumn.",
]


def _page(copy: str, extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in _PARAS)
    return f"""<!doctype html><html><head><title>Harbour committee picks a wall</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main><article><h1>Harbour committee picks a wall</h1>
<div class="desktop">{body}</div>
<div class="mobile">{copy}</div>{extra}
</article></main>
<footer><p>Copyright 2026 The Harbour Gazette. All rights reserved.</p></footer>
</body></html>"""


def test_a_passage_shown_twice_is_read_once() -> None:
    copy = "".join(f"<p>{p}</p>" for p in _PARAS[1:3])
    doc = pageparts.extract(_page(copy), kind="html")
    for p in _PARAS:
        assert doc.text.count(p) == 1, p
    copies = [b for b in doc.blocks if b.kind == "duplicate"]
    assert [b.text for b in copies] == _PARAS[1:3]
    assert all(b.label == "furniture" for b in copies)
    assert any(f.kind == "duplicate" for f in doc.furniture)


def test_short_repeats_stay_content() -> None:
    # one short line again (a spec shared by two models) is content, not a copy
    spec = "Weight: 4.2 kg, with the battery fitted."
    extra = (f"<h2>Model A</h2><p>{spec}</p><p>Model A runs for six hours on one charge and "
             "folds flat for the boot of a small car.</p>"
             f"<h2>Model B</h2><p>{spec}</p><p>Model B runs for nine hours on one charge but "
             "does not fold, and needs a larger car or a van to move it about.</p>")
    doc = pageparts.extract(_page("", extra), kind="html")
    assert doc.text.count(spec) == 2
    assert not [b for b in doc.blocks if b.kind == "duplicate"]


def test_reference_documentation_keeps_its_repeats() -> None:
    copy = "".join(f"<p>{p}</p>" for p in _PARAS[1:3])
    doc = pageparts.extract(_page(copy), kind="html",
                            options=Options(page_type="documentation"))
    assert doc.text.count(_PARAS[1]) == 2
    assert not [b for b in doc.blocks if b.kind == "duplicate"]


def test_a_read_also_box_is_related_links() -> None:
    # a box inside the article, between its paragraphs: the block model alone keeps it
    box = ("<h3>Lesen Sie auch</h3><ul><li><a href='/a/1'>Neue Fähre für die Insel verzögert "
           "sich bis zum Sommer</a></li></ul>")
    paras = [f"<p>{p}</p>" for p in _PARAS]
    html = _page("").replace("".join(paras), "".join(paras[:2]) + box + "".join(paras[2:]))
    doc = pageparts.extract(html, kind="html")
    assert "Lesen Sie auch" not in doc.text
    assert "Neue Fähre" not in doc.text
    assert all(p in doc.text for p in _PARAS)
    related = [b.text for b in doc.blocks if b.kind == "related"]
    assert related[:2] == ["Lesen Sie auch", "Neue Fähre für die Insel verzögert sich bis zum "
                                             "Sommer"]


def test_a_heading_that_only_starts_like_a_lead_in_stays() -> None:
    # the rule is tested on its own: every block of the article scored as content
    from pageparts.assemble import label_blocks
    from pageparts.decode import decode
    from pageparts.html import read_html

    more = ("<h2>More about the breakwater</h2><p>The wall will be built in three sections, "
            "starting at the northern pier, and each section needs a dry summer to set.</p>")
    parsed = read_html(decode(_page("", more), Options(), kind="html"), Options())
    for b in parsed.blocks:
        b.score = 0.05 if b.text.startswith(("Home", "Copyright")) else 0.9
    label_blocks(parsed, "article", Options())
    labels = {b.text: (b.label, b.kind) for b in parsed.blocks}
    assert labels["More about the breakwater"] == ("heading", None)
    assert labels["The wall will be built in three sections, starting at the northern pier, "
                  "and each section needs a dry summer to set."] == ("body", None)


def _scored(score: float, page_type: str) -> list[str]:
    """Labels of a small page's blocks when every block scores ``score``."""
    from pageparts.assemble import label_blocks
    from pageparts.decode import decode
    from pageparts.html import read_html

    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in _PARAS) + "</body></html>"
    parsed = read_html(decode(html, Options(), kind="html"), Options())
    for b in parsed.blocks:
        b.score = score
    label_blocks(parsed, page_type, Options())
    return [b.label for b in parsed.blocks]


def test_listings_and_collections_have_a_lower_bar_for_content() -> None:
    # a score of 0.4 is content on a list of items, not in an article
    for page_type in ("listing", "collection"):
        assert set(_scored(0.4, page_type)) == {"body"}
    for page_type in ("article", "product", "service"):
        assert "body" not in _scored(0.4, page_type)
    assert "body" not in _scored(0.25, "listing")  # the HTML bar there is 0.3


def _labels(scores: list[float], html_of: str = "<p>{}</p>") -> list[str]:
    """Labels of an article of ``len(scores)`` paragraphs in one container, scored as given."""
    from pageparts.assemble import label_blocks
    from pageparts.decode import decode
    from pageparts.html import read_html

    paras = "".join(html_of.format(f"Paragraph {i}: " + _PARAS[i % 4]) for i in range(len(scores)))
    html = f"<html><body><article>{paras}</article><footer><p>Contact us</p></footer></body></html>"
    parsed = read_html(decode(html, Options(), kind="html"), Options())
    for b, s in zip(parsed.blocks, [*scores, 0.05], strict=True):
        b.score = s
    label_blocks(parsed, "article", Options())
    return [b.label for b in parsed.blocks]


def test_a_long_run_of_content_paragraphs_goes_on_as_scores_fall() -> None:
    # twenty sure paragraphs, then twenty that fall to 0.25 towards the end of the page: the
    # article goes on; the footer (another container, 0.05) stays furniture
    labels = _labels([0.9] * 20 + [0.25] * 20)
    assert labels[:40] == ["body"] * 40 and labels[40] == "furniture"
    # a short run (under ten) carries nothing, and a paragraph under 0.2 ends the run
    assert _labels([0.9] * 5 + [0.25] * 5)[5:10] == ["furniture"] * 5
    assert _labels([0.9] * 20 + [0.1, 0.25])[20:22] == ["furniture", "furniture"]
    # link lists do not go on with the text
    links = _labels([0.9] * 20 + [0.25] * 3, '<p><a href="/x">{}</a></p>')
    assert links[20:23] == ["furniture"] * 3


def test_an_article_signed_at_its_end_names_its_authors() -> None:
    body = "".join(f"<p>{p}</p>" for p in _PARAS)
    html = (f"<html><body><article><h1>Herbstdüngung im Grünland</h1>{body}"
            "<p>Autoren Jelle Dorn und Jutta Kaul</p></article>"
            "<footer><p>Impressum</p></footer></body></html>")
    assert pageparts.extract(html).author == "Jelle Dorn und Jutta Kaul"
    # a line that only starts like one is no signature
    prose = html.replace("Autoren Jelle Dorn und Jutta Kaul",
                         "Von Berlin aus fuhren die Bauern am Montag zurück.")
    assert pageparts.extract(prose).author is None


_REMARKS = [
    ("ann_lee", "The breakwater figures in the linked report look optimistic to me; the repair "
                "budget assumes calm winters, and the last three were anything but calm."),
    ("bo_chen", "Caisson walls hold up well where the seabed is rock. Here it is sand, which "
                "is the whole reason the channel silts up every spring."),
    ("cy_ortiz", "Has anyone compared this with the harbour two towns over? They built a rubble "
                 "mound in the nineties and have patched it only twice since."),
]


def _link_post() -> str:
    """An aggregator's page for a shared link: a headline that links away, and the thread. It
    calls itself an article (so the page-type model is not asked), as such pages often do."""
    items = "".join(
        f"""<li class="comment" id="c{i}"><div class="comment-body">
<div class="comment-author vcard"><a class="fn" href="/u/{who}">{who}</a>
<time datetime="2026-03-0{i + 1}T10:00">March {i + 1}, 2026</time></div>
<div class="comment-text"><p>{text}</p></div>
<div class="reply"><a href="#">reply</a> <a href="#">flag</a></div></div></li>"""
        for i, (who, text) in enumerate(_REMARKS))
    return f"""<!doctype html><html><head><title>Harbour picks a caisson wall | Links</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "BlogPosting",
"headline": "Harbour picks a caisson wall"}}</script></head>
<body><nav><a href="/">Home</a> <a href="/recent">Recent</a> <a href="/comments">Comments</a></nav>
<main><h1><a href="https://example.org/harbour-wall">Harbour picks a caisson wall</a></h1>
<div class="byline">via ann_lee 2 hours ago | 3 comments</div>
<div id="comments"><ol class="commentlist">{items}</ol></div></main>
<footer><a href="/about">About</a> <a href="/privacy">Privacy</a></footer></body></html>"""


def test_a_page_whose_only_text_is_its_thread_is_a_discussion() -> None:
    doc = pageparts.extract(_link_post(), kind="html")
    assert doc.status == "ok", doc.reason
    assert doc.page_type == "forum"
    for _, text in _REMARKS:
        assert text in doc.text
    assert "reply" not in doc.text.split()


_REPORT = [
    "The harbour committee met on Tuesday evening to settle the question of the new breakwater, "
    "which has divided the town for the better part of three winters and filled the letters "
    "page of this paper most weeks since the storm that flooded the fish market.",
    "Engineers presented two designs. A rubble mound would cost less to build and could be "
    "raised with local stone, while a caisson wall would need fewer repairs once the autumn "
    "gales arrived, though its concrete sections would have to be cast in another port.",
    "Fishermen spoke for nearly an hour about the currents near the old lighthouse, where the "
    "sand shifts every spring and the channel has to be dredged by hand before the mackerel "
    "boats can leave at low water without scraping their keels on the bar.",
    "Several shopkeepers asked what the works would mean for the summer trade. Lorries would "
    "use the quay road for eighteen months, and the council promised a temporary car park "
    "behind the chapel so that visitors could still reach the promenade.",
    "The treasurer reminded members that the grant from the coastal fund covers only half of "
    "either design, and that the remainder would come from reserves already promised to the "
    "swimming pool, the library roof and the long delayed repairs to the slipway.",
    "A retired pilot warned that neither design had been tested against a surge like the one "
    "in the winter of his apprenticeship, when waves broke over the harbour wall and carried "
    "a lifeboat across the square into the window of the ironmonger's shop.",
    "After a short adjournment the chairman called the vote. The caisson wall won by five "
    "votes to two, with the members for the north ward asking for their objection to the "
    "cost to be written into the minutes in full, which the clerk agreed to do.",
    "Work is expected to start in the spring if the ministry approves the plans, and the "
    "committee will hold an open evening in the town hall next month where residents can "
    "see the drawings, ask the engineers questions and leave written comments.",
]


def test_a_hidden_copy_of_the_whole_article_is_read_once() -> None:
    paras = _REPORT
    body = "".join(f"<p>{p}</p>" for p in paras)
    copy = "# Harbour committee picks a wall\n\n" + "\n\n".join(
        f"{p} [more](https://example.org/n/{n})" for n, p in enumerate(paras))
    html = f"""<!doctype html><html><head><title>Harbour committee picks a wall</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Harbour committee picks a wall</h1>{body}</article>
<pre aria-hidden="true" class="raw-markdown" hidden>{copy}</pre></main>
<footer><p>Copyright 2026 The Harbour Gazette.</p></footer></body></html>"""
    doc = pageparts.extract(html, kind="html")
    for p in paras:
        assert doc.text.count(p) == 1, p
    assert any(b.kind == "duplicate" and b.tag == "pre" for b in doc.blocks)


def test_two_long_variants_of_one_text_both_stay() -> None:
    base = " ".join(_REPORT[:6])
    variants = [base.replace("the town", town) for town in ("the borough", "the county")]
    html = f"""<!doctype html><html><head><title>Terms of the harbour offer</title></head>
<body><main><article><h1>Terms of the harbour offer</h1>
<h2>North quay</h2><p>{variants[0]}</p><h2>South quay</h2><p>{variants[1]}</p>
<p>{_REPORT[5]}</p><p>{_REPORT[6]}</p></article></main></body></html>"""
    doc = pageparts.extract(html, kind="html")
    for v in variants:
        assert v in doc.text


def test_the_byline_names_the_author_and_date_of_a_plain_text_page() -> None:
    text = "\n".join([
        "Home", "News", "Sport", "",
        "Harbour committee picks a caisson wall", "",
        "By Ann Lee | 3 March 2026", "",
        *(p + "\n" for p in _REPORT[:4]),
        "Share this article", "Facebook", "Email",
    ])
    doc = pageparts.extract(text, kind="text")
    assert any(b.label == "byline" for b in doc.blocks)
    assert doc.author == "Ann Lee"
    assert doc.date is not None and doc.date.isoformat() == "2026-03-03"


class _AllContent:
    """A stand-in block model that scores every block as sure content."""

    classes: tuple[str, ...] = ()

    def predict(self, X: object) -> object:
        import numpy as np

        return np.full(len(X), 0.9)  # type: ignore[arg-type]


def test_a_byline_under_the_headline_is_one_even_when_scored_as_content() -> None:
    from pageparts.model import Models

    text = "\n".join(["Harbour committee picks a caisson wall", "", "By Ann Lee", "",
                      *(p + "\n" for p in _REPORT[:3])])
    doc = pageparts.Extractor(models=Models(text=_AllContent())).extract(  # type: ignore[arg-type]
        text, kind="text")
    assert [b.text for b in doc.blocks if b.label == "byline"] == ["By Ann Lee"]
    assert "By Ann Lee" not in doc.text and doc.author == "Ann Lee"
    assert _REPORT[0] in doc.text
    # further down, or a long sentence that starts with "By", is not a byline
    late = "\n".join(["Harbour committee picks a caisson wall", "",
                      *(p + "\n" for p in _REPORT[:5]),
                      "By the end of the meeting the vote was clear."])
    doc = pageparts.Extractor(models=Models(text=_AllContent())).extract(  # type: ignore[arg-type]
        late, kind="text")
    assert not any(b.label == "byline" for b in doc.blocks)


def test_a_date_over_the_headline_dates_a_plain_text_page() -> None:
    from pageparts.model import Models

    text = "\n".join(["Home", "News", "", "3 March 2026", "",
                      "Harbour committee picks a caisson wall", "",
                      *(p + "\n" for p in _REPORT[:4])])
    doc = pageparts.Extractor(models=Models(text=_AllContent())).extract(  # type: ignore[arg-type]
        text, kind="text")
    assert doc.title == "Harbour committee picks a caisson wall"
    assert doc.date is not None and doc.date.isoformat() == "2026-03-03"
    # a date under the headline comes first
    under = text.replace("caisson wall\n", "caisson wall\n\nUpdated 5 March 2026\n")
    doc = pageparts.Extractor(models=Models(text=_AllContent())).extract(  # type: ignore[arg-type]
        under, kind="text")
    assert doc.date is not None and doc.date.isoformat() == "2026-03-05"


def test_a_name_line_by_the_headline_names_the_author_when_it_shows_a_date_or_a_by() -> None:
    from pageparts.model import Models

    def author(*lines: str) -> str | None:
        text = "\n".join(["Home", "", "Harbour committee picks a caisson wall", "", *lines, "",
                          *(p + "\n" for p in _REPORT[:4])])
        doc = pageparts.Extractor(models=Models(text=_AllContent())).extract(  # type: ignore[arg-type]
            text, kind="text")
        return doc.author

    assert author("Tom Talbot October 14, 2025") == "Tom Talbot"
    assert author("September 1st, 2023 By Emily Norwood") == "Emily Norwood"
    assert author("ByNina Pineda") == "Nina Pineda"
    assert author("Ann Lee", "", "3 March 2026") == "Ann Lee"
    # capitalised words alone are no name: menus and section heads look the same
    assert author("Contact Us") is None
    assert author("Final Thoughts", "", "Read more below") is None


def test_a_plain_text_page_smaller_than_any_the_models_learnt_from_is_an_article() -> None:
    # seven lines: the text page-type model, which never saw a page this small, typed it a
    # listing, whose lower bar then let the menu line in
    brief = "\n\n".join([
        "Home | News | Sport", "A headline about the council vote", "By Ann Lee", "3 March 2026",
        "The council voted on Tuesday to publish the figures that residents had asked for since "
        "the spring, after a long debate.",
        "A second paragraph follows with more of the story, long enough to count as running "
        "text on the page.",
        "Related: Another story about the council"])
    doc = pageparts.extract(brief, kind="text")
    assert doc.page_type == "article"
    assert "Home | News | Sport" not in doc.text
    assert doc.title == "A headline about the council vote" and doc.author == "Ann Lee"
    assert pageparts.extract(brief, kind="text", options=Options(page_type="listing")
                             ).page_type == "listing"  # the caller's type still wins


def test_a_date_line_under_the_headline_is_metadata_whatever_its_score() -> None:
    text = "\n\n".join([
        "A headline about the council vote", "3 March 2026",
        "The council voted on Tuesday to publish the figures that residents had asked for since "
        "the spring, after a long debate.",
        "A second paragraph follows with more of the story, long enough to count as running "
        "text on the page.",
        "The vote was close, and the figures will be out before the summer."])
    doc = pageparts.extract(text, kind="text")
    assert not doc.text.startswith("3 March 2026")
    assert ("metadata", "3 March 2026") in [(f.kind, f.text) for f in doc.furniture]
    assert doc.date is not None and doc.date.isoformat() == "2026-03-03"
