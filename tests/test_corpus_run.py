"""``pageparts run`` over each input format: one row per record, statuses counted, output formats.

Extraction here is the test double (see test_corpus_fixtures): these tests are about the corpus
machinery; test_corpus_e2e.py runs the real extractor.
"""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import pytest

from pageparts import InputError
from pageparts.corpus import RunConfig, run_corpus
from pageparts.corpus.shards import ShardStore
from test_corpus_fixtures import (  # noqa: F401 (echo is a fixture)
    echo,
    http_response,
    jsonl_bytes,
    page,
    read_rows,
    run_cli,
    text_page,
    uuid,
    warc_record,
    write_parquet,
    write_warc,
    write_wet,
)

pytestmark = [pytest.mark.usefixtures("echo")]
pytest.importorskip("fastwarc")
pytest.importorskip("pyarrow")


def test_warc_rows_equal_response_records(tmp_path: Path) -> None:
    image = warc_record("response", "https://news.example/logo.png",
                        http_response(b"\x89PNG\r\n", "image/png"), uuid(500))
    ids = write_warc(tmp_path / "in.warc.gz", [page(i) for i in range(7)], extra=[image])
    out = tmp_path / "out.jsonl"
    assert run_cli(str(tmp_path / "in.warc.gz"), "-o", str(out), "--workers", "2") == 0
    rows = read_rows(out)
    assert [r["id"] for r in rows] == [*ids, f"<urn:uuid:{uuid(500)}>"]
    assert [r["status"] for r in rows] == ["ok"] * 7 + ["rejected"]
    assert "image/png" in rows[-1]["reason"]
    assert rows[3]["url"] == "https://news.example/3"
    assert "Report 3 from the valley" in rows[3]["text"]


def test_wet_conversion_records_are_read_as_text(tmp_path: Path) -> None:
    ids = write_wet(tmp_path / "in.wet.gz", [text_page(i) for i in range(4)])
    out = tmp_path / "out.jsonl"
    assert run_cli(str(tmp_path / "in.wet.gz"), "-o", str(out), "--workers", "1") == 0
    rows = read_rows(out)
    assert [r["id"] for r in rows] == ids
    assert {r["source_kind"] for r in rows} == {"text"}


def test_jsonl_fields_are_configurable_and_zstd_is_read(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    objs = [{"key": f"k{i}", "link": f"https://news.example/{i}", "body": page(i).decode()}
            for i in range(5)]
    path = tmp_path / "in.jsonl.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(jsonl_bytes(objs)))
    out = tmp_path / "out.jsonl"
    assert run_cli(str(path), "-o", str(out), "--content-field", "body", "--id-field", "key",
                   "--url-field", "link") == 0
    rows = read_rows(out)
    assert [r["id"] for r in rows] == [f"k{i}" for i in range(5)]
    assert rows[4]["url"] == "https://news.example/4"
    assert all(r["status"] == "ok" for r in rows)


def test_corrupt_json_line_is_an_error_row_and_the_run_goes_on(tmp_path: Path) -> None:
    good = jsonl_bytes([{"id": "a", "html": page(1).decode()}])
    path = tmp_path / "in.jsonl"
    path.write_bytes(good + b'{"id": "b", "html": "<p>cut\n\n[1, 2]\n{"id": "c"}\n' + good)
    out = tmp_path / "out.jsonl"
    assert run_cli(str(path), "-o", str(out)) == 0
    rows = read_rows(out)
    assert [r["status"] for r in rows] == ["ok", "error", "rejected", "rejected", "ok"]
    assert "not valid JSON" in rows[1]["reason"]
    assert "not an object" in rows[2]["reason"]
    assert "no page" in rows[3]["reason"]


def test_parquet_in_parquet_out_keeps_every_row(tmp_path: Path) -> None:
    objs = [{"id": f"p{i}", "url": f"https://news.example/{i}", "html": page(i).decode()}
            for i in range(9)]
    objs[4]["html"] = ""
    write_parquet(tmp_path / "in.parquet", objs, row_group_size=4)
    out = tmp_path / "out.parquet"
    assert run_cli(str(tmp_path / "in.parquet"), "-o", str(out), "--shard-size", "2") == 0
    rows = read_rows(out)
    assert [r["id"] for r in rows] == [f"p{i}" for i in range(9)]
    assert Counter(r["status"] for r in rows) == {"ok": 8, "empty": 1}
    assert rows[0]["comments"] == []


def test_several_inputs_a_glob_and_a_folder_in_one_run(tmp_path: Path) -> None:
    for n in range(2):
        (tmp_path / f"part{n}.jsonl").write_bytes(
            jsonl_bytes([{"id": f"{n}-{i}", "html": page(i).decode()} for i in range(3)]))
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.html").write_bytes(page(1))
    (folder / "sub" / "b.txt.gz").write_bytes(gzip.compress(text_page(2)))
    out = tmp_path / "out.jsonl.gz"
    assert run_cli(str(tmp_path / "part*.jsonl"), str(folder), "-o", str(out)) == 0
    rows = read_rows(out)
    assert [r["id"] for r in rows] == ["0-0", "0-1", "0-2", "1-0", "1-1", "1-2", "a.html",
                                       "sub/b.txt.gz"]
    assert rows[-1]["source_kind"] == "text"


def test_unknown_input_and_output_formats_are_clear_errors(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01 nothing known")
    assert run_cli(str(tmp_path / "notes.bin"), "-o", str(tmp_path / "o.jsonl")) == 2
    assert "cannot tell what this input is" in capsys.readouterr().err
    (tmp_path / "a.jsonl").write_bytes(jsonl_bytes([{"html": "<p>x</p>"}]))
    assert run_cli(str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "o.csv")) == 2
    assert run_cli(str(tmp_path / "none-*.jsonl"), "-o", str(tmp_path / "o.jsonl")) == 2


def test_a_finished_output_is_not_overwritten_without_the_flag(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(jsonl_bytes([{"html": page(0).decode()}]))
    out = tmp_path / "o.jsonl"
    assert run_cli(str(tmp_path / "a.jsonl"), "-o", str(out)) == 0
    assert run_cli(str(tmp_path / "a.jsonl"), "-o", str(out)) == 2
    assert run_cli(str(tmp_path / "a.jsonl"), "-o", str(out), "--overwrite") == 0
    assert len(read_rows(out)) == 1


def test_shards_of_another_job_are_not_mixed_in(tmp_path: Path) -> None:
    ShardStore(str(tmp_path / "o.jsonl"), {"inputs": ["other"]})
    (tmp_path / "a.jsonl").write_bytes(jsonl_bytes([{"html": page(0).decode()}]))
    with pytest.raises(InputError, match="different job"):
        run_corpus(RunConfig(inputs=(str(tmp_path / "a.jsonl"),),
                             output=str(tmp_path / "o.jsonl"), progress=False))


def test_near_duplicates_are_marked_with_the_first_ones_id(tmp_path: Path) -> None:
    story = ("The council voted on Tuesday to rebuild the old stone bridge over the river, "
             "after a long debate about cost, heritage and the needs of the farmers who "
             "cross it every morning with their cattle and their machines. ") * 3
    objs = [{"id": "first", "text": story}, {"id": "other", "text": page(5).decode()},
            {"id": "copy", "text": story + " Updated at noon."}]
    (tmp_path / "a.jsonl").write_bytes(jsonl_bytes(objs))
    out = tmp_path / "o.parquet"
    assert run_cli(str(tmp_path / "a.jsonl"), "-o", str(out), "--near-duplicates") == 0
    rows = read_rows(out)
    assert [r["near_duplicate_of"] for r in rows] == [None, None, "first"]


_STORIES = ("the harbour master counted boats leaving before dawn",
            "a storm closed the ferry route for two days",
            "fishermen voted to repair the old stone pier",
            "the lighthouse keeper retired after forty years",
            "a whale was seen near the northern breakwater")


def _site_page(i: int) -> str:
    return ("<html><body><article>"
            f"<p>Today {_STORIES[i % len(_STORIES)]}, the harbour office said.</p>"
            "<p>Support independent local news from the harbour town</p>"
            "</article></body></html>")


def test_site_template_lines_become_furniture_over_the_whole_run(tmp_path: Path) -> None:
    objs = [{"id": f"s{i}", "url": f"https://harbour.example/{i}", "html": _site_page(i)}
            for i in range(4)]
    objs.append({"id": "other-site", "url": "https://elsewhere.example/x", "html": _site_page(9)})
    (tmp_path / "a.jsonl").write_bytes(jsonl_bytes(objs))
    out = tmp_path / "o.jsonl"
    assert run_cli(str(tmp_path / "a.jsonl"), "-o", str(out), "--site-templates") == 0
    rows = read_rows(out)
    assert all("the harbour office said" in r["text"] for r in rows)
    assert all("Support independent" not in r["text"] for r in rows[:4])
    assert "Support independent" in rows[4]["text"]  # one page of its host: nothing recurs
    assert [r["template_blocks"] != [] for r in rows] == [True] * 4 + [False]
