"""`pageparts extract` from the command line: formats, several files, standard input, errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from pageparts.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.html"


def test_extract_prints_the_document_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLE)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["title"] == "How the Harbour Town Library Rebuilt Its Reading Room"
    assert doc["schema_version"] == 1
    assert [c["author"] for c in doc["comments"]] == ["Peter Holm", "Old Salt (saltwater42)"]


def test_markdown_shows_the_thread_indented(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLE), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# How the Harbour Town Library")
    assert "## Comments" in out
    assert "  - **Lena Berg**" in out  # a reply, one level in


def test_several_pages_give_json_lines(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    other = tmp_path / "other.html"
    other.write_text("<p>A short page with one sentence of text in it for the test.</p>")
    assert main(["extract", str(EXAMPLE), str(other)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["source"] for r in rows] == [str(EXAMPLE), str(other)]


def test_standard_input(monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    assert main(["extract", "-", "--format", "text"]) == 0
    assert "eleven thousand books" in capsys.readouterr().out


def test_missing_file_is_exit_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "/no/such/page.html"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_one_bad_file_among_several_is_a_row_and_exit_1(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert main(["extract", str(EXAMPLE), str(binary)]) == 1
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[1]["status"] == "error" and "binary" in rows[1]["reason"]
