"""The annotated view in a real browser: headless Chromium draws it, a hostile page stays inert.

Chromium is Debian's ``chromium`` package (installed by .ci/run). Where it is absent the tests
skip with a message. Screenshots are kept under ``artifacts/`` in the repository root.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from pageparts import Block, Comment, Document, ModelError, extract
from pageparts.serialize.view import to_html
from test_view import sample_document

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "artifacts"
SHARED = REPO.parent / "shared"
TIMEOUT = 120  # seconds; a browser call that takes longer is killed and the test fails

#: What the hostile page's scripts would do if they ran: retitle the view, add an element,
#: mark the body. None of these may be visible in the rendered DOM.
PAYLOAD = ("document.title='PWNED';"
           "document.body.insertAdjacentHTML('beforeend','<p id=pwned>PWNED</p>')")


@dataclass
class Browser:
    exe: str
    profile: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [self.exe, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-quic",
               "--disable-default-apps", "--disable-extensions", "--mute-audio",
               "--enable-logging=stderr", "--v=0",
               f"--user-data-dir={self.profile}", *args]
        # its own session, so a hung browser and all its children can be killed together
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            out, err = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"chromium did not finish within {TIMEOUT}s: {' '.join(args)}")
        return subprocess.CompletedProcess(cmd, proc.returncode, out, err)

    def dom(self, page: Path) -> tuple[HTMLParser, str]:
        """The DOM after loading (scripts, had any run, would have changed it) and the log."""
        done = self.run("--dump-dom", page.as_uri())
        assert "<html" in done.stdout, done.stderr[-2000:]
        return HTMLParser(done.stdout), done.stderr

    def screenshot(self, page: Path, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / name
        shot.unlink(missing_ok=True)
        done = self.run(f"--screenshot={shot}", "--window-size=1400,2000", "--hide-scrollbars",
                        page.as_uri())
        assert shot.is_file() and shot.stat().st_size > 10_000, done.stderr[-2000:]
        print(f"screenshot: {shot}")
        return shot


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Browser:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("chromium is not installed (apt-get install chromium, as .ci/run does); "
                    "the annotated view was not checked in a browser")
    return Browser(exe, tmp_path_factory.mktemp("chromium-profile"))


class _Counter(BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local web server that records every request the view makes (there must be none)."""
    hits: list[str] = []
    handler = type("Handler", (_Counter,), {"hits": hits})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def _hostile(base: str) -> Document:
    """A page whose text tries everything: script, handlers, styles, remote loads, links."""
    script = f"<script>{PAYLOAD}</script>"
    img = '<img src=x onerror="document.body.dataset.pwned=1">'
    remote = f'<img src="{base}/beacon.png"><link rel=stylesheet href="{base}/x.css">'
    style = "<style>body{display:none!important}</style>"
    link = f'<a href="javascript:{PAYLOAD}">click</a>'
    return Document(
        title=f"Breaking {script}", author=f'x">{img}', url=f"javascript:{PAYLOAD}",
        site_name=remote, text=script, markdown=link,
        blocks=(Block(0, f"Breaking {script}", "title", tag="h1", score=0.9),
                Block(1, f"{img} body text", "body", score=0.8),
                Block(2, style + remote, "body", score=0.7),
                Block(3, link, "furniture", kind="share")),
        comments=(Comment(f'"><script>{PAYLOAD}</script>', img,
                          replies=(Comment(link, style),)),),
    )


def _csp_reports(log: str) -> list[str]:
    return [ln for ln in log.splitlines() if "Content Security Policy" in ln]


def _assert_inert(dom: HTMLParser, title: str) -> None:
    assert dom.css_first("title").text() == title
    assert dom.css_first("#pwned") is None
    assert dom.body is not None and "data-pwned" not in dom.body.attributes


def test_browser_draws_labels_legend_and_tree(browser: Browser, tmp_path: Path) -> None:
    doc = sample_document()
    page = tmp_path / "view.html"
    page.write_text(to_html(doc), encoding="utf-8")
    dom, log = browser.dom(page)
    assert _csp_reports(log) == []  # the view's own stylesheet is allowed; nothing else is tried
    assert len(dom.css("section.page .blk")) == len(doc.blocks)
    legend = {n.text(deep=False) for n in dom.css("nav.legend .chip")}
    assert {b.label for b in doc.blocks} <= legend
    chips = [n.text() for n in dom.css(".blk .chip")]
    assert chips[:3] == ["funding-progress", "navigation", "title"]
    assert [n.text() for n in dom.css("ul.tree .who")] == ["marta", "olav", "ingrid", "anonymous"]
    assert len(dom.css("ul.tree ul li")) == 2  # the replies sit one level down
    browser.screenshot(page, "view-sample.png")


def test_hostile_page_scripts_do_not_run(browser: Browser, tmp_path: Path,
                                         server: tuple[str, list[str]]) -> None:
    base, hits = server
    doc = _hostile(base)
    page = tmp_path / "hostile.html"
    page.write_text(to_html(doc), encoding="utf-8")
    dom, _ = browser.dom(page)
    _assert_inert(dom, f"pageparts view: {doc.title}")
    assert not dom.css("script, img, a, link, iframe")
    assert len(dom.css("style")) == 1
    # the would-be markup is on screen as text, where a reader can see it
    assert f"<script>{PAYLOAD}</script>" in dom.css(".blk.l-title .tx")[0].text()
    browser.screenshot(page, "view-hostile.png")
    assert hits == []


def test_csp_stops_injected_markup_if_escaping_ever_failed(
        browser: Browser, tmp_path: Path, server: tuple[str, list[str]]) -> None:
    base, hits = server
    view = to_html(sample_document())
    title = HTMLParser(view).css_first("title").text()
    raw = (f"<script>{PAYLOAD}</script>"
           '<img src=x onerror="document.body.dataset.pwned=1">'
           f'<img src="{base}/beacon.png"><link rel=stylesheet href="{base}/x.css">'
           "<style>body{display:none!important}</style>")
    injected = view.replace("<main>", raw + "<main>", 1)
    page = tmp_path / "injected.html"
    page.write_text(injected, encoding="utf-8")
    dom, log = browser.dom(page)
    _assert_inert(dom, title)
    assert hits == []
    reports = " ".join(_csp_reports(log))
    assert "script" in reports and "style" in reports, log[-2000:]

    # Control: the same page without its policy does run the script and load the beacon,
    # so the checks above would have seen it.
    bare = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", injected, count=1)
    assert bare != injected
    page.write_text(bare, encoding="utf-8")
    dom, _ = browser.dom(page)
    assert dom.css_first("title").text() == "PWNED"
    assert dom.css_first("#pwned") is not None
    assert "/beacon.png" in hits


def _view_page(browser: Browser, tmp_path: Path, source: Path, kind: str, shot: str) -> None:
    """Extract a page from ../shared, view it, and check the browser drew what it holds."""
    if not source.is_file():
        pytest.skip(f"{source} is absent (the shared folder beside the checkout); not viewed")
    data = source.read_bytes()
    if source.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        doc = extract(data, kind=kind)
    except ModelError as exc:
        pytest.skip(f"no block model is installed yet ({exc}); {source.name} not viewed")
    page = tmp_path / "view.html"
    page.write_text(to_html(doc), encoding="utf-8")
    dom, log = browser.dom(page)
    assert _csp_reports(log) == []
    assert len(dom.css("section.page .blk")) == len(doc.blocks)
    assert len(dom.css("ul.tree li")) == sum(1 for _ in doc.iter_comments())
    labels = {n.text(deep=False) for n in dom.css("nav.legend .chip:not(.zero)")}
    assert labels == {b.label for b in doc.blocks} | {
        f"furniture: {b.kind or 'other'}" for b in doc.blocks if b.label == "furniture"}
    browser.screenshot(page, shot)


def test_seed_view_in_browser(browser: Browser, tmp_path: Path) -> None:
    _view_page(browser, tmp_path, SHARED / "seed" / "000_da3d02e79bbce8f7.txt", "text",
               "view-seed.png")


@pytest.mark.slow
@pytest.mark.parametrize(("pack", "page_id"), [("wcxb-dev", "0001"), ("wcxb-dev", "0031"),
                                               ("trafilatura-a", "008865dd1912eab1")])
def test_pack_page_view_in_browser(browser: Browser, tmp_path: Path, pack: str,
                                   page_id: str) -> None:
    source = SHARED / "datasets" / pack / "pages" / f"{page_id}.html.gz"
    _view_page(browser, tmp_path, source, "html", f"view-{pack}-{page_id}.png")
