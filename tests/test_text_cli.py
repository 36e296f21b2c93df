"""``pageparts extract`` reads .txt files and standard input as plain text."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from pageparts import ModelError
from pageparts.cli import main

PAGE = (
    "  • Home\n  • World\n\nA Small Town Opens Its First Library\n\n"
    "The new library opened its doors on Saturday, and by noon more than three hundred "
    "residents had signed up for a card, the town clerk said.\n\n"
    "The building, a former bank, was bought by the town last year and renovated by "
    "volunteers over eight months of weekends and evenings.\n\n"
    "© 2024 Town Weekly. All rights reserved.\n"
)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    try:
        code = main(argv)
    except ModelError as exc:  # pragma: no cover - only without any installed model
        pytest.skip(f"no block model installed ({exc})")
    out = capsys.readouterr().out
    assert code == 0, out
    doc: dict[str, object] = json.loads(out)
    return doc


def test_txt_file_is_read_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    doc = _run(["extract", str(page)], capsys)
    assert doc["source_kind"] == "text"
    assert doc["title"] == "A Small Town Opens Its First Library"
    assert "three hundred residents" in str(doc["text"])


def test_standard_input_is_sniffed_as_text(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    fake = io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    doc = _run(["extract", "-"], capsys)
    assert doc["source_kind"] == "text"
    assert "former bank" in str(doc["text"])
