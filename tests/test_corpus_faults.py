"""Faults in a corpus run: each bad record becomes a row with its reason and the run goes on;
damaged and hostile inputs keep what came before; a killed run resumes exactly."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from test_corpus_fixtures import (  # noqa: F401 (echo is a fixture)
    echo,
    jsonl_bytes,
    page,
    read_rows,
    run_cli,
    write_warc,
)

pytestmark = [pytest.mark.usefixtures("echo")]
pytest.importorskip("fastwarc")
pytest.importorskip("pyarrow")


def _jsonl_with(tmp_path: Path, marker: str) -> Path:
    objs = [{"id": f"r{i}", "html": page(i, marker if i == 2 else "").decode()}
            for i in range(5)]
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl_bytes(objs))
    return path


@pytest.mark.parametrize("marker", ["SLOW-RECORD", "STUCK-RECORD"])
def test_a_record_over_the_time_limit_is_rejected_and_the_run_goes_on(tmp_path: Path,
                                                                       marker: str) -> None:
    # SLOW: the worker's CPU-time alarm stops it; STUCK: the alarm is blocked and the worker
    # sleeps, so the supervisor's wall-clock backstop kills it.
    out = tmp_path / "out.jsonl"
    assert run_cli(str(_jsonl_with(tmp_path, marker)), "-o", str(out), "--time-limit", "0.5",
                   "--workers", "2") == 0
    rows = read_rows(out)
    assert [r["id"] for r in rows] == [f"r{i}" for i in range(5)]
    assert [r["status"] for r in rows] == ["ok", "ok", "rejected", "ok", "ok"]
    assert "0.5 s time limit" in rows[2]["reason"] if marker == "STUCK-RECORD" else (
        "time limit of 0.5 s (CPU)" in rows[2]["reason"])


def test_a_record_over_the_memory_limit_is_rejected(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run_cli(str(_jsonl_with(tmp_path, "HUNGRY-RECORD")), "-o", str(out),
                   "--memory-limit", "300") == 0
    rows = read_rows(out)
    assert [r["status"] for r in rows] == ["ok", "ok", "rejected", "ok", "ok"]
    assert "memory limit of 300 MB" in rows[2]["reason"]


def test_a_worker_that_dies_gives_an_error_row_and_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run_cli(str(_jsonl_with(tmp_path, "CRASH-RECORD")), "-o", str(out)) == 0
    rows = read_rows(out)
    assert [r["status"] for r in rows] == ["ok", "ok", "error", "ok", "ok"]
    assert "worker process died (exit code 3)" in rows[2]["reason"]


def test_an_extractor_exception_is_an_error_row(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run_cli(str(_jsonl_with(tmp_path, "BUG-RECORD")), "-o", str(out)) == 0
    rows = read_rows(out)
    assert rows[2]["status"] == "error"
    assert "RuntimeError: a bug in the extractor" in rows[2]["reason"]


def test_truncated_warc_gz_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "in.warc.gz"
    ids = write_warc(path, [page(i) for i in range(6)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 400])  # cut inside the last response
    out = tmp_path / "out.jsonl"
    assert run_cli(str(path), "-o", str(out)) == 0
    rows = read_rows(out)
    assert [r["id"] for r in rows[:-1]] == ids[:5]
    assert all(r["status"] == "ok" for r in rows[:-1])
    assert rows[-1]["status"] == "error"
    assert "after 5 records" in rows[-1]["reason"]
    assert "lost" in rows[-1]["reason"]


def test_corrupt_bytes_in_a_plain_warc_keep_the_records_before(tmp_path: Path) -> None:
    path = tmp_path / "in.warc"
    write_warc(path, [page(i) for i in range(4)], compress=False)
    data = path.read_bytes()
    cut = data.index(b"WARC/1.0", data.index(b"WARC-Type: response") + 1)
    path.write_bytes(data[:cut] + b"\x00garbage where a header should be\r\n\r\n" + data[cut:])
    out = tmp_path / "out.jsonl"
    assert run_cli(str(path), "-o", str(out)) == 0
    rows = read_rows(out)
    assert [r["status"] for r in rows] == ["ok", "error"]
    assert "the rest of the file is lost" in rows[-1]["reason"]


def test_a_gzip_bomb_is_refused_with_a_reason(tmp_path: Path) -> None:
    # 4,096 gzip members of 1 MiB of zeros each: 4 MB on disk that inflate to 4 GiB.
    member = gzip.compress(b"\0" * (1 << 20))
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(jsonl_bytes([{"id": "fine", "html": page(1).decode()}]))
                     + member * 4096)
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "bomb.html.gz").write_bytes(member * 4096)
    out = tmp_path / "out.jsonl"
    assert run_cli(str(bomb), str(folder), "-o", str(out)) == 0
    rows = read_rows(out)
    assert [r["status"] for r in rows] == ["ok", "rejected", "rejected"]
    assert "compression bomb" in rows[1]["reason"]
    assert "compression bomb" in rows[2]["reason"]


def test_a_page_over_the_size_limit_is_rejected_without_extraction(tmp_path: Path) -> None:
    big = "<p>" + "word " * 30_000 + "</p>"
    (tmp_path / "a.jsonl").write_bytes(jsonl_bytes([{"id": "big", "html": big},
                                                     {"id": "small", "html": page(1).decode()}]))
    out = tmp_path / "out.jsonl"
    assert run_cli(str(tmp_path / "a.jsonl"), "-o", str(out), "--max-bytes", "100000") == 0
    rows = read_rows(out)
    assert [r["status"] for r in rows] == ["rejected", "ok"]
    assert "longer than the limit" in rows[0]["reason"]


_DRIVER = """
import sys
sys.path.insert(0, {tests!r})
import pageparts.corpus.guard as guard
from test_corpus_fixtures import EchoExtractor
guard.Extractor = EchoExtractor
from pageparts.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_killed_run_resumes_without_losing_or_repeating_a_record(tmp_path: Path) -> None:
    n = 120
    objs = [{"id": f"r{i:03d}", "html": page(i, "DELAY-RECORD").decode()} for i in range(n)]
    (tmp_path / "in.jsonl").write_bytes(jsonl_bytes(objs))
    driver = tmp_path / "driver.py"
    driver.write_text(_DRIVER.format(tests=str(Path(__file__).parent)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, str(driver), "run", str(tmp_path / "in.jsonl"), "-o", str(out),
           "--shard-size", "4", "--workers", "2", "--quiet"]
    proc = subprocess.Popen(cmd, start_new_session=True)
    parts = Path(str(out) + ".parts")
    deadline = time.monotonic() + 60
    while len(list(parts.glob("*.done"))) < 5 and time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the supervisor and its workers, at once
    proc.wait()
    finished_before = {p.name for p in parts.glob("*.done")}
    assert 5 <= len(finished_before) < n // 4
    assert not out.exists()
    again = subprocess.run([*cmd[:-1]], check=False, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    rows = read_rows(out)
    assert [r["id"] for r in rows] == [o["id"] for o in objs]
    assert Counter(r["status"] for r in rows) == {"ok": n}
    assert f"resumed: {len(finished_before)} shards" in again.stderr
    assert not parts.exists()


def test_summary_counts_every_status(tmp_path: Path) -> None:
    objs = [{"id": "a", "html": page(1).decode()}, {"id": "b", "html": " "},
            {"id": "c", "html": page(2, "BUG-RECORD").decode()}]
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl_bytes(objs) + b"not json\n")
    out = tmp_path / "out.jsonl"
    cmd_out = subprocess.run(
        [sys.executable, "-c", _DRIVER.format(tests=str(Path(__file__).parent)), "run",
         str(path), "-o", str(out)], check=False, capture_output=True, text=True, timeout=120)
    assert cmd_out.returncode == 0, cmd_out.stderr
    assert "4 rows written" in cmd_out.stderr
    assert "ok 1, empty 1, rejected 0, error 2" in cmd_out.stderr
    assert json.loads(out.read_text().splitlines()[1])["status"] == "empty"
