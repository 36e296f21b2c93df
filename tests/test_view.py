"""The annotated view (``pageparts show``): what it draws, how it escapes, how it reads rows."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from pageparts import Block, Comment, Document, Furniture, ModelError
from pageparts.cli import main
from pageparts.corpus.writers import write_output
from pageparts.model import Models
from pageparts.serialize import serialize
from pageparts.serialize.view import MAX_BLOCK_CHARS, document_from_dict, to_html

SCRIPT = "<script>document.title='PWNED'</script>"
BREAKOUT = '"><img src=x onerror="document.body.dataset.pwned=1">'
JS_URL = "javascript:document.title='PWNED'"


def sample_document() -> Document:
    """A small page with every label, three furniture kinds and a two-level comment thread."""
    blocks = (
        Block(0, "Donate 0 $ 2,350 $", "furniture", tag="line", kind="funding-progress"),
        Block(1, "Home | World | Sport", "furniture", tag="li", kind="navigation"),
        Block(2, "Lighthouse keepers return to the north cape", "title", tag="h1", score=0.98),
        Block(3, "By Ada Keeper, 2 May 2024", "byline", score=0.81),
        Block(4, "The lamp was lit again on Sunday after nine dark years. " * 3, "body",
              score=0.95),
        Block(5, "The lamp at dusk, source: @capelight", "caption", tag="figcaption",
              score=0.7, credit="@capelight"),
        Block(6, "Why it went dark", "heading", tag="h2", score=0.9),
        Block(7, "Storms in 2015 broke the lens; the parts took years to find.", "body",
              score=0.93),
        Block(8, "Share this story", "furniture", tag="p", kind="share"),
        Block(9, "marta", "comment", tag="li", depth=1, score=0.2),
        Block(10, "Lovely news.", "comment", tag="li", depth=2, score=0.2),
        Block(11, "olav", "comment", tag="li", depth=2, score=0.2),
        Block(12, "I remember the old keeper.", "comment", tag="li", depth=3, score=0.2),
    )
    thread = (
        Comment("marta", "Lovely news.", dt.date(2024, 5, 3), "3 May",
                (Comment("olav", "I remember the old keeper."),
                 Comment("ingrid", "", date_text="yesterday"))),
        Comment(None, "First!"),
    )
    return Document(
        title="Lighthouse keepers return to the north cape", author="Ada Keeper",
        date=dt.date(2024, 5, 2), site_name="Cape Weekly", language="en", page_type="article",
        url="https://example.org/lighthouse", text="The lamp was lit again.",
        markdown="# Lighthouse\n\nThe lamp was lit again.", blocks=blocks,
        furniture=(Furniture("share", "Share this story", (8,)),), comments=thread)


def hostile_document() -> Document:
    """Page-provided strings that would run script, break out of attributes or link away."""
    blocks = (
        Block(0, f"Hello {SCRIPT}", "title", tag="h1", score=0.9),
        Block(1, f"x{BREAKOUT}", "body", score=0.9),
        Block(2, "<style>body{display:none}</style>", "body", score=0.9),
        Block(3, f'<a href="{JS_URL}">click</a>', "furniture", kind="share"),
        Block(4, "<iframe src=https://example.net/></iframe>", "weird\"><b>label", tag=BREAKOUT),
        Block(5, "pic", "caption", credit=BREAKOUT),
    )
    return Document(
        title=f"Hello {SCRIPT}", author=BREAKOUT, site_name=JS_URL, url=JS_URL,
        language=BREAKOUT, page_type=SCRIPT, description=BREAKOUT, reason=BREAKOUT,
        text=SCRIPT, markdown=f"[click]({JS_URL})", blocks=blocks,
        comments=(Comment(JS_URL, SCRIPT, date_text=BREAKOUT,
                          replies=(Comment(BREAKOUT, BREAKOUT),)),),
    )


def _tree(doc: Document) -> HTMLParser:
    return HTMLParser(to_html(doc))


def test_every_block_is_drawn_in_page_order_with_its_label() -> None:
    doc = sample_document()
    tree = _tree(doc)
    drawn = tree.css("section.page .blk")
    assert [n.css_first(".ix").text() for n in drawn] == [str(b.index) for b in doc.blocks]
    assert [n.css_first(".tx").text() for n in drawn][2] == doc.blocks[2].text
    for node, block in zip(drawn, doc.blocks, strict=True):
        assert f"l-{block.label}" in (node.attributes["class"] or "")
        chip = node.css_first(".chip").text()
        assert chip == (block.kind if block.label == "furniture" else block.label)
        assert block.label in (node.attributes["title"] or "")  # the label on hover


def test_caption_credit_and_depth_are_shown() -> None:
    tree = _tree(sample_document())
    caption = tree.css_first(".blk.l-caption")
    assert caption.css_first(".credit").text() == "credit: @capelight"
    assert "d3" in (tree.css(".blk")[12].attributes["class"] or "")


def test_metadata_panel_lists_the_documents_fields() -> None:
    html = to_html(sample_document(), extras=(("row id", "r-17"),))
    md = HTMLParser(html).css_first("dl.md")
    pairs = dict(zip((n.text() for n in md.css("dt")), (n.text() for n in md.css("dd")),
                     strict=True))
    assert pairs["title"] == "Lighthouse keepers return to the north cape"
    assert pairs["author"] == "Ada Keeper"
    assert pairs["date"] == "2024-05-02"
    assert pairs["site"] == "Cape Weekly"
    assert pairs["language"] == "en"
    assert pairs["page type"] == "article"
    assert pairs["status"] == "ok"
    assert pairs["reason"] == "none"
    assert pairs["row id"] == "r-17"


def test_comment_thread_is_a_nested_tree_with_authors_and_dates() -> None:
    tree = _tree(sample_document())
    top = tree.css("ul.tree > li")
    assert len(top) == 2
    first = top[0]
    assert first.css_first(".who").text() == "marta"
    assert first.css_first(".when").text() == "2024-05-03 (3 May)"
    replies = [li for li in first.css_first("ul").iter() if li.tag == "li"]
    assert [r.css_first(".who").text() for r in replies] == ["olav", "ingrid"]
    assert replies[1].css_first(".ct").text() == "(no text)"
    assert top[1].css_first(".who").text() == "anonymous"
    assert "Comments (4)" in tree.css_first("ul.tree").parent.text()


def test_counts_per_label_and_text_panels() -> None:
    tree = _tree(sample_document())
    counts = {r.css("td")[0].text(): r.css("td")[1].text() for r in tree.css("table.counts tr")[1:]}
    assert counts["body"] == "2"
    assert counts["comment"] == "4"
    assert counts["furniture"] == "3"
    assert counts["furniture: share"] == "1"
    assert counts["byline"] == "1"
    panels = [p.text() for p in tree.css("details pre")]
    assert panels == ["The lamp was lit again.", "# Lighthouse\n\nThe lamp was lit again."]


def test_legend_names_every_label_and_furniture_kind_present() -> None:
    doc = sample_document()
    odd = Block(13, "?", "mystery<label>")
    doc = Document(blocks=(*doc.blocks, odd))
    legend = [n.text(deep=False) for n in _tree(doc).css("nav.legend .chip")]
    for label in {b.label for b in doc.blocks}:
        assert label in legend
    for kind in {b.kind for b in doc.blocks if b.kind}:
        assert f"furniture: {kind}" in legend


def test_csp_meta_is_the_first_thing_in_head_and_allows_no_script_or_loads() -> None:
    html = to_html(sample_document())
    head = HTMLParser(html).head
    assert head is not None
    first = head.child
    while first is not None and first.tag == "-text":
        first = first.next
    assert first is not None
    assert first.tag == "meta"
    assert first.attributes["http-equiv"] == "Content-Security-Policy"
    csp = first.attributes["content"] or ""
    assert "default-src 'none'" in csp
    assert "script-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "http" not in csp
    # the one stylesheet is allowed by its hash, and that hash is the hash of the style drawn
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp
    assert html.index("Content-Security-Policy") < html.index("<title>")


def test_view_has_no_script_link_or_remote_resource_of_its_own() -> None:
    tree = _tree(sample_document())
    for tag in ("script", "a", "img", "link", "iframe", "object", "embed", "form", "base"):
        assert not tree.css(tag), tag
    assert all("style" not in n.attributes for n in tree.body.traverse()) if tree.body else False


def test_hostile_strings_are_escaped_everywhere() -> None:
    html = to_html(hostile_document(), extras=(("file", BREAKOUT),))
    for raw in (SCRIPT, BREAKOUT, "<img", "<iframe", "<a href", "<b>", "<style>body{display"):
        assert raw not in html, raw
    assert "&lt;script&gt;" in html
    tree = HTMLParser(html)
    assert len(tree.css("script, img, iframe, a, b")) == 0
    assert len(tree.css("style")) == 1
    for node in tree.root.traverse() if tree.root else ():
        attrs = node.attributes
        assert not any(name.startswith("on") for name in attrs), attrs
        assert "href" not in attrs and "src" not in attrs
    assert tree.css_first("title").text() == f"pageparts view: Hello {SCRIPT}"


def test_javascript_url_is_shown_as_text_not_a_link() -> None:
    tree = _tree(hostile_document())
    md = tree.css_first("dl.md")
    values = [n.text() for n in md.css("dd")]
    assert JS_URL in values  # visible to the reader, as text
    assert tree.css_first("ul.tree .who").text() == JS_URL


def test_unknown_label_gets_a_safe_class() -> None:
    tree = _tree(hostile_document())
    odd = tree.css(".blk")[4]
    assert (odd.attributes["class"] or "").split() == ["blk", "l-other"]
    assert odd.css_first(".chip").text() == 'weird"><b>label'


def test_long_block_is_cut_in_the_view() -> None:
    doc = Document(blocks=(Block(0, "w" * (MAX_BLOCK_CHARS + 50), "body"),))
    tx = _tree(doc).css_first(".blk .tx")
    assert tx.text().count("w") == MAX_BLOCK_CHARS
    assert "50 more characters" in tx.text()


def test_very_deep_thread_is_drawn_without_crashing() -> None:
    node = Comment("leaf", "deepest")
    for i in range(150):
        node = Comment(f"a{i}", "t", replies=(node,))
    tree = _tree(Document(comments=(node,)))
    assert len(tree.css("ul.tree li")) == 151
    assert "Comments (151)" in to_html(Document(comments=(node,)))


def test_empty_document_shows_its_status_and_reason() -> None:
    doc = Document(status="empty", reason="the page is empty")
    tree = _tree(doc)
    assert "No blocks: the page is empty" in tree.css_first("section.page").text()
    assert tree.css_first("dd.st-bad").text() == "empty"


def test_html_is_a_serializer_format() -> None:
    doc = sample_document()
    assert serialize(doc, "html") == to_html(doc)


def test_document_from_dict_round_trips_to_dict() -> None:
    doc = sample_document()
    assert document_from_dict(json.loads(json.dumps(doc.to_dict()))) == doc


def test_document_from_dict_tolerates_missing_and_malformed_fields() -> None:
    row = {
        "id": "r1", "status": "error", "reason": "timeout", "date": "not a date",
        "blocks": [{"text": "hi"}, "junk", {"label": "body", "depth": "x", "score": "high"}],
        "comments": [{"author": 7, "replies": "no"}, None],
        "furniture": [{"blocks": [1, "two"]}],
    }
    doc = document_from_dict(row)
    assert (doc.status, doc.reason, doc.date) == ("error", "timeout", None)
    assert [(b.index, b.label, b.text) for b in doc.blocks] == [(0, "furniture", "hi"),
                                                               (2, "body", "")]
    assert doc.comments == (Comment("7", ""),)
    assert doc.furniture == (Furniture("other", "", (1,)),)
    assert "timeout" in to_html(doc)
    assert document_from_dict({}) == Document()


def _write_corpus(path: Path) -> None:
    rows = [
        {"id": "a1", **sample_document().to_dict()},
        {"id": "b2", "status": "empty", "reason": "no main content", "title": None},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")


def test_show_corpus_row_by_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "out.jsonl"
    _write_corpus(corpus)
    out = tmp_path / "view.html"
    assert main(["show", str(corpus), "--id", "a1", "--output", str(out)]) == 0
    tree = HTMLParser(out.read_text(encoding="utf-8"))
    assert tree.css_first("header h1").text() == sample_document().title
    assert len(tree.css("ul.tree li")) == 4
    assert "row id" in tree.css_first("dl.md").text()
    assert str(out) in capsys.readouterr().err

    assert main(["show", str(corpus), "--id", "b2"]) == 0
    shown = capsys.readouterr().out
    assert "no main content" in shown and "<!DOCTYPE html>" in shown


def test_show_corpus_errors_name_the_fix(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "out.jsonl"
    _write_corpus(corpus)
    assert main(["show", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert "choose one with --id" in err and "a1, b2" in err and "1 unreadable" in err
    assert main(["show", str(corpus), "--id", "zz"]) == 2
    assert "no row with id 'zz'" in capsys.readouterr().err
    assert main(["show", str(tmp_path / "missing.jsonl"), "--id", "a1"]) == 2


def test_show_open_writes_a_file_and_opens_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "out.jsonl"
    _write_corpus(corpus)
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert main(["show", str(corpus), "--id", "a1", "--open"]) == 0
    assert capsys.readouterr().out == ""
    assert len(opened) == 1 and opened[0].startswith("file://")
    written = Path(opened[0].removeprefix("file://"))
    assert written.parent == tmp_path and "<!DOCTYPE html>" in written.read_text("utf-8")


def test_show_page_extracts_and_writes_the_view(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Tide tables</title></head><body><nav><a href=/>Home</a></nav>"
        "<article><h1>Tide tables</h1><p>The spring tide comes twice a month, at new and full "
        "moon, and the harbour floods its lower quay when the wind is from the west.</p>"
        "<p><script>document.title='PWNED'</script>Keep boats tied high.</p></article>"
        "</body></html>", encoding="utf-8")
    try:
        Models.default().block("html")
    except ModelError as exc:
        pytest.skip(f"no HTML block model is installed ({exc}); show was not run on a page")
    out = tmp_path / "view.html"
    assert main(["show", str(page), "--output", str(out)]) == 0
    tree = HTMLParser(out.read_text(encoding="utf-8"))
    texts = [n.text() for n in tree.css(".blk .tx")]
    assert any("spring tide" in t for t in texts)
    assert "PWNED" not in tree.css_first("title").text()
    assert len(tree.css("script")) == 0


def test_lone_surrogates_from_a_row_are_written_as_replacement_characters(
        tmp_path: Path) -> None:
    corpus = tmp_path / "out.jsonl"
    corpus.write_text('{"id": "s", "title": "caf\\ud800", "blocks": [{"text": "\\udfff x"}]}\n',
                      encoding="utf-8")
    out = tmp_path / "view.html"
    assert main(["show", str(corpus), "--output", str(out)]) == 0
    assert "caf\ufffd" in out.read_text(encoding="utf-8")


def test_document_from_dict_nests_a_flat_parquet_thread() -> None:
    flat = [
        {"index": 0, "parent": None, "depth": 0, "author": "a", "text": "one",
         "date": dt.date(2024, 1, 2)},
        {"index": 1, "parent": 0, "depth": 1, "author": "b", "text": "two"},
        {"index": 2, "parent": 1, "depth": 2, "author": "c", "text": "three"},
        {"index": 3, "parent": None, "depth": 0, "author": "d", "text": "four"},
    ]
    doc = document_from_dict({"comments": flat, "date": dt.date(2024, 1, 1)})
    assert doc.date == dt.date(2024, 1, 1)
    assert [(d, c.author) for d, c in doc.iter_comments()] == [(0, "a"), (1, "b"), (2, "c"),
                                                               (0, "d")]
    assert doc.comments[0].date == dt.date(2024, 1, 2)


def test_show_parquet_row_by_id(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="pyarrow (the corpus extra) is not installed; "
                        "show was not tried on a Parquet output")
    rows = [{"id": "a1", **sample_document().to_dict()}, {"id": "b2", "status": "empty",
                                                           "reason": "no main content"}]
    corpus = tmp_path / "out.parquet"
    write_output(iter(rows), str(corpus))
    out = tmp_path / "view.html"
    assert main(["show", str(corpus), "--id", "a1", "--output", str(out)]) == 0
    tree = HTMLParser(out.read_text(encoding="utf-8"))
    assert tree.css_first("header h1").text() == sample_document().title
    assert [n.text() for n in tree.css("ul.tree .who")] == ["marta", "olav", "ingrid",
                                                            "anonymous"]
    assert main(["show", str(corpus), "--id", "zz", "--output", str(out)]) == 2
