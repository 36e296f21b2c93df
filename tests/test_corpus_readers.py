"""Readers and streams on their own: formats recognised by content, damage and bombs reported as
records, never raised; and the progress line."""

from __future__ import annotations

import gzip
import io
from collections import Counter
from pathlib import Path

import pytest

from pageparts import InputError, LimitExceeded
from pageparts.corpus.config import Fields, ReadLimits
from pageparts.corpus.progress import Progress, format_summary
from pageparts.corpus.readers import detect_format, expand_inputs, read_input
from pageparts.corpus.streams import InputStream
from test_corpus_fixtures import jsonl_bytes, page, write_parquet, write_warc

pytest.importorskip("fastwarc")
pytest.importorskip("pyarrow")


def _read(path: Path, **kw: object) -> list[object]:
    return list(read_input(str(path), limits=ReadLimits(**kw), fields=Fields()))  # type: ignore[arg-type]


def test_formats_are_recognised_by_content_whatever_the_name(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.bin", [page(0)])
    (tmp_path / "pages.dat").write_bytes(gzip.compress(jsonl_bytes([{"html": "<p>x</p>"}])))
    write_parquet(tmp_path / "table.data", [{"html": "<p>x</p>"}])
    assert detect_format(str(tmp_path / "crawl.bin")) == "warc"
    assert detect_format(str(tmp_path / "pages.dat")) == "jsonl"
    assert detect_format(str(tmp_path / "table.data")) == "parquet"
    assert detect_format(str(tmp_path)) == "folder"


def test_a_glob_expands_sorted_and_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    for name in ("b.jsonl", "a.jsonl"):
        (tmp_path / name).write_bytes(b"")
    assert expand_inputs((str(tmp_path / "*.jsonl"),)) == (str(tmp_path / "a.jsonl"),
                                                          str(tmp_path / "b.jsonl"))
    with pytest.raises(InputError, match="no such file"):
        detect_format(str(tmp_path / "missing.warc"))


def test_zstd_bomb_is_refused(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    frame = zstandard.ZstdCompressor().compress(b"\0" * (64 << 20))
    path = tmp_path / "bomb.jsonl.zst"
    path.write_bytes(frame * 32)  # 2 GiB inflated
    with pytest.raises(LimitExceeded, match="compression bomb"), InputStream(str(path)) as s:
        while s.read(1 << 20):
            pass


def test_trailing_garbage_after_gzip_is_reported_not_swallowed(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl_bytes([{"id": "a", "html": "<p>x</p>"}]))
                     + b"this is not gzip")
    records = _read(path)
    assert [r.status for r in records] == [None, "error"]  # type: ignore[attr-defined]
    assert "not gzip" in records[-1].reason  # type: ignore[attr-defined]


def test_an_unreadable_parquet_row_group_loses_only_its_rows(tmp_path: Path) -> None:
    write_parquet(tmp_path / "t.parquet", [{"id": f"r{i}", "html": "<p>x</p>"} for i in range(6)],
                  row_group_size=2)
    data = bytearray((tmp_path / "t.parquet").read_bytes())
    pq = pytest.importorskip("pyarrow.parquet")
    meta = pq.ParquetFile(tmp_path / "t.parquet").metadata
    start = meta.row_group(1).column(0).data_page_offset
    data[start:start + 40] = b"\xff" * 40  # wreck the middle group's first column
    (tmp_path / "t.parquet").write_bytes(bytes(data))
    records = _read(tmp_path / "t.parquet")
    assert [r.id for r in records] == ["r0", "r1", "t.parquet#group1", "r4", "r5"]  # type: ignore[attr-defined]
    assert "rows 2-3" in records[2].reason  # type: ignore[attr-defined]


def test_a_truncated_parquet_file_is_one_error_record(tmp_path: Path) -> None:
    write_parquet(tmp_path / "t.parquet", [{"id": "a", "html": "<p>x</p>"}])
    data = (tmp_path / "t.parquet").read_bytes()
    (tmp_path / "t.parquet").write_bytes(data[: len(data) // 2])
    records = _read(tmp_path / "t.parquet")
    assert len(records) == 1
    assert records[0].status == "error"  # type: ignore[attr-defined]


def test_a_warc_record_over_the_size_limit_is_rejected_unread(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc.gz", [page(0), page(1, "x" * 100_000)])
    records = _read(tmp_path / "a.warc.gz", max_bytes=3000)
    assert [r.status for r in records] == [None, "rejected"]  # type: ignore[attr-defined]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_shows_rate_statuses_and_time_left() -> None:
    stream = _Terminal()
    progress = Progress(enabled=True, total_bytes=1000, stream=stream)
    progress.read(250)
    progress.row({"status": "ok"})
    progress.close()
    line = stream.getvalue()
    assert "1 records" in line
    assert "pages/s" in line
    assert "25% read" in line
    assert "left" in line


def test_progress_is_silent_when_standard_error_is_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(enabled=True, total_bytes=None, stream=stream)
    progress.row({"status": "ok"})
    progress.close()
    assert stream.getvalue() == ""


def test_summary_counts_every_status_even_when_zero() -> None:
    text = format_summary(Counter({"ok": 3, "error": 1}), output="o.jsonl", seconds=2.0,
                          extracted=4, resumed=0, near_duplicates=None)
    assert "4 rows written to o.jsonl (ok 3, empty 0, rejected 0, error 1)" in text
