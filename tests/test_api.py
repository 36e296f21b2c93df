"""The public surface: names, types, statuses and the exception tree."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

import pageparts
from pageparts import Document, Extractor, InputError, Options, PagepartsError

ARTICLE = """<html><head><title>Night trains return to the valley | Valley Post</title>
<meta property="og:title" content="Night trains return to the valley"></head><body>
<nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<article><h1>Night trains return to the valley</h1>
<p>After eleven years without a sleeper service, the valley line will again run a night train
to the capital from next month, the regional transport authority said on Tuesday morning.</p>
<p>The train will leave at ten in the evening and arrive shortly after six, with couchettes and
a small dining car staffed by a local bakery that won the contract in an open tender.</p>
<p>Tickets go on sale next week; the authority expects the first departures to sell out within
days, as they did when a trial service ran for a single summer four years ago.</p>
</article>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
<footer>© 2024 Valley Post. All rights reserved.</footer>
</body></html>"""


def test_all_is_complete_and_importable() -> None:
    public = {n for n in dir(pageparts) if not n.startswith("_")}
    exported = set(pageparts.__all__) - {"__version__"}
    modules = {"blocks", "decode", "features", "furniture", "html", "model", "pagetype",
               "assemble", "stack", "urlshape", "serialize", "train", "eval", "text", "cli",
               "corpus",
               "annotations", "data"}  # `from __future__ import annotations` leaves this name
    assert public - modules - exported == set()
    for name in pageparts.__all__:
        assert hasattr(pageparts, name)


def test_extract_gives_title_and_body_without_furniture() -> None:
    doc = pageparts.extract(ARTICLE)
    assert isinstance(doc, Document)
    assert doc.status == "ok"
    assert doc.title == "Night trains return to the valley"
    assert "sleeper service" in doc.text
    assert "Tickets go on sale" in doc.text
    assert "All rights reserved" not in doc.text
    assert "Night trains return" not in doc.text  # the title is not part of the text
    labels = {b.label for b in doc.blocks}
    assert {"title", "body", "furniture"} <= labels


def test_bytes_and_str_give_the_same_document() -> None:
    assert pageparts.extract(ARTICLE).text == pageparts.extract(ARTICLE.encode()).text


def test_document_is_frozen_plain_data() -> None:
    doc = pageparts.extract(ARTICLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "x"  # type: ignore[misc]
    d = doc.to_dict()
    assert d["schema_version"] == pageparts.SCHEMA_VERSION
    json.dumps(d)  # JSON-serialisable as it is
    assert all(b["label"] in pageparts.LABELS for b in d["blocks"])


def test_empty_page_is_a_status_not_none() -> None:
    pages = ("", "   \n\t", b"", "<html><body></body></html>", "<html><script>x=1</script></html>")
    for page in pages:
        doc = pageparts.extract(page)
        assert doc.status == "empty", page
        assert doc.reason


def test_binary_input_is_a_clear_error() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10
    with pytest.raises(InputError, match="binary"):
        pageparts.extract(png)


def test_wrong_type_and_kind_are_input_errors() -> None:
    with pytest.raises(InputError):
        pageparts.extract(12345)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        pageparts.extract("<p>x</p>", kind="pdf")
    assert issubclass(InputError, PagepartsError)


def test_extractor_reuses_options() -> None:
    ex = Extractor(Options(comments=False))
    assert ex.extract(ARTICLE).comments == ()
    assert ex.options.comments is False


def test_date_is_a_date() -> None:
    page = ARTICLE.replace("</head>", '<meta property="article:published_time" '
                           'content="2024-05-02T08:00:00Z"></head>')
    doc = pageparts.extract(page)
    assert doc.date == dt.date(2024, 5, 2)


def test_forced_page_type_is_used() -> None:
    assert pageparts.extract(ARTICLE, options=Options(page_type="forum")).page_type == "forum"


def test_the_headline_block_is_found_despite_spacing_or_a_section_number() -> None:
    body = "<p>" + "The tool installs with one command and needs no other setup. " * 4 + "</p>"
    # h2, not h1: a lone h1 would be taken as the headline anyway
    for h1 in ("12.3.4 Installing the tool", "Installing  the to ol"):
        html = (f"<html><head><title>Installing the tool</title></head><body><h2>{h1}</h2>"
                f"{body}</body></html>")
        doc = pageparts.extract(html)
        titles = [b.text for b in doc.blocks if b.label == "title"]
        assert titles == [h1.replace("  ", " ")], h1
        assert "Installing" not in doc.text


def test_the_headline_block_is_found_with_its_kicker() -> None:
    body = "<p>" + "The council voted late on Tuesday after a long public debate. " * 4 + "</p>"
    h2 = "Live from the town hall meeting: Council approves the new bridge"
    html = ("<html><head><title>Council approves the new bridge</title></head><body>"
            f"<h2>{h2}</h2>{body}</body></html>")
    doc = pageparts.extract(html)
    assert [b.text for b in doc.blocks if b.label == "title"] == [h2]


def test_a_long_article_keeps_its_paragraphs() -> None:
    """Page size is not held against a long article (500 paragraphs, about 90,000 characters)."""
    topics = ("harbour", "budget", "school", "bridge", "library", "transport", "housing")
    paras = "".join(
        f"<p>Section {i}: the council looked again at the {topics[i % 7]} plan, heard from "
        f"residents for {i % 40 + 5} minutes, and asked the officers to report back with "
        "costs and a timetable before the next meeting.</p>" for i in range(500))
    html = ("<html><head><title>The council year in review</title></head><body><article>"
            f"<h1>The council year in review</h1>{paras}</article></body></html>")
    doc = pageparts.extract(html)
    kept = sum(1 for b in doc.blocks if b.label == "body")
    assert kept >= 450, kept
