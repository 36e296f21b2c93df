"""Builders for corpus inputs (WARC, WET, JSON Lines, Parquet) from pages written here, and a
test double of the extractor so the corpus machinery is tested without a trained model.

The double (:class:`EchoExtractor`) strips tags and returns the text; markers in a page make it
misbehave on purpose: ``SLOW-RECORD`` spins on the CPU, ``STUCK-RECORD`` sleeps with the alarm
signal blocked (only the supervisor's kill can stop it), ``HUNGRY-RECORD`` allocates 4 GiB,
``CRASH-RECORD`` kills its own process, ``BUG-RECORD`` raises.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from pageparts import Block, Document
from pageparts.cli import main
from pageparts.corpus import guard

PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>
<p>{body} The river rose again this spring, and the town council met twice to discuss it.</p>
<p>Residents said the new embankment held, though the footpath by the mill was closed.</p>
</article><footer>Copyright the Example Gazette</footer></body></html>"""

TEXT_PAGE = """{title}

{body} The river rose again this spring, and the town council met twice to discuss it.

Residents said the new embankment held, though the footpath by the mill was closed.
"""


def page(i: int, extra: str = "") -> bytes:
    return PAGE.format(title=f"Flood report number {i}",
                       body=f"Report {i} from the valley. {extra}").encode("utf-8")


def text_page(i: int) -> bytes:
    return TEXT_PAGE.format(title=f"Flood report number {i}",
                            body=f"Report {i} from the valley.").encode("utf-8")


# -- WARC / WET ------------------------------------------------------------------------------------

def warc_record(rtype: str, uri: str, block: bytes, rid: str,
                content_type: str = "application/http; msgtype=response") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T00:00:00Z\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode("ascii") + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode("ascii") + body


def uuid(i: int) -> str:
    return f"{i:08d}-0000-4000-8000-000000000000"


def write_warc(path: Path, pages: list[bytes], *, extra: list[bytes] = (),  # type: ignore[assignment]
               compress: bool = True) -> list[str]:
    """A WARC of one request + one response per page (gzip per record); returns response ids."""
    records, ids = [], []
    for i, body in enumerate(pages):
        uri = f"https://news.example/{i}"
        records.append(warc_record("request", uri, b"GET / HTTP/1.1\r\n\r\n", uuid(10_000 + i),
                                   "application/http; msgtype=request"))
        records.append(warc_record("response", uri, http_response(body), uuid(i)))
        ids.append(f"<urn:uuid:{uuid(i)}>")
    records.extend(extra)
    data = b"".join(gzip.compress(r) for r in records) if compress else b"".join(records)
    path.write_bytes(data)
    return ids


def write_wet(path: Path, texts: list[bytes]) -> list[str]:
    records = [warc_record("warcinfo", "", b"software: test\r\n", uuid(99_999),
                           "application/warc-fields")]
    ids = []
    for i, text in enumerate(texts):
        records.append(warc_record("conversion", f"https://news.example/t{i}", text,
                                   uuid(20_000 + i), "text/plain"))
        ids.append(f"<urn:uuid:{uuid(20_000 + i)}>")
    path.write_bytes(b"".join(gzip.compress(r) for r in records))
    return ids


# -- JSON Lines / Parquet -------------------------------------------------------------------

def jsonl_bytes(objs: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(o).encode("utf-8") + b"\n" for o in objs)


def write_parquet(path: Path, objs: list[dict[str, Any]], row_group_size: int = 1000) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.Table.from_pylist(objs), path, row_group_size=row_group_size)


def read_rows(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".parquet":
        pq = pytest.importorskip("pyarrow.parquet")
        rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
        return rows
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# -- the extractor test double ----------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(?:p|h[1-6]|li|div|article|nav|footer|title)\b[^>]*>|\n\s*\n", re.I)


class EchoExtractor:
    """Stands in for :class:`pageparts.Extractor`: the page's text, tags stripped."""

    def __init__(self, options: Any = None, **_: Any) -> None:
        self.options = options

    def extract(self, page: bytes | str, *, url: str | None = None, kind: str | None = None,
                encoding: str | None = None) -> Document:
        text = page.decode(encoding or "utf-8", "replace") if isinstance(page, bytes) else page
        if "SLOW-RECORD" in text:
            end = time.monotonic() + 60
            while time.monotonic() < end:
                pass
        if "STUCK-RECORD" in text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})
            time.sleep(60)
        if "HUNGRY-RECORD" in text:
            hog = bytearray(4 << 30)
            del hog
        if "CRASH-RECORD" in text:
            os._exit(3)
        if "BUG-RECORD" in text:
            raise RuntimeError("a bug in the extractor")
        if "DELAY-RECORD" in text:
            time.sleep(0.05)
        parts = [" ".join(_TAG.sub(" ", seg).split()) for seg in _BLOCK.split(text)]
        parts = [p for p in parts if p]
        if not parts:
            return Document(status="empty", reason="the page is empty", url=url)
        blocks = tuple(Block(index=i, text=p, label="body") for i, p in enumerate(parts))
        joined = "\n\n".join(parts)
        return Document(text=joined, markdown=joined, blocks=blocks, url=url,
                        source_kind=kind or "html")


@pytest.fixture
def echo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers (forked from the test process) extract with :class:`EchoExtractor`."""
    monkeypatch.setattr(guard, "Extractor", EchoExtractor)


def run_cli(*args: str) -> int:
    return main(["run", "--quiet", *args])


def test_warc_builder_reads_back_with_fastwarc(tmp_path: Path) -> None:
    fastwarc = pytest.importorskip("fastwarc.warc")
    ids = write_warc(tmp_path / "a.warc.gz", [page(0), page(1)])
    with gzip.open(tmp_path / "a.warc.gz", "rb") as f:
        got = [r.record_id for r in fastwarc.ArchiveIterator(io.BytesIO(f.read()))
               if str(r.record_type) == "response"]
    assert got == ids


def test_echo_extractor_strips_tags() -> None:
    doc = EchoExtractor().extract(b"<p>Hello <b>there</b></p>")
    assert doc.text == "Hello there"
