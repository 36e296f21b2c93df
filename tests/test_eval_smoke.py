"""End-to-end ``pageparts eval`` on a few pages of wcxb-dev: structure, not scores."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from pageparts.cli import main
from pageparts.eval.report import format_report
from pageparts.eval.run import EvalConfig, evaluate

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def datasets() -> Path:
    if not (DATASETS / "wcxb-dev" / "gold.jsonl.gz").is_file():
        pytest.skip(f"benchmark packs not found at {DATASETS} (the shared folder beside the "
                    "checkout); the eval smoke test needs wcxb-dev")
    return DATASETS


def _peers() -> tuple[str, ...]:
    return ("resiliparse",) if importlib.util.find_spec("resiliparse") else ()


def test_eval_reports_every_metric_for_every_system(datasets: Path) -> None:
    config = EvalConfig(packs=("wcxb-dev",), datasets=str(datasets), limit=10, peers=_peers())
    report = evaluate(config, log=lambda _msg: None)
    assert report["pages"] == 10
    systems = report["packs"]["wcxb-dev"]
    assert next(iter(systems)) == "pageparts"
    pp = systems["pageparts"]
    assert pp["pages"] == 10
    for key in ("word", "shingle", "snippet"):
        assert set(pp[key]) >= {"precision", "recall", "f1", "n"}
        assert 0.0 <= pp[key]["f1"] <= 1.0
    assert pp["word"]["n"] == 10
    assert set(pp["word_by_page_type"]) <= {"article", "forum", "product", "collection",
                                              "listing", "documentation", "service"}
    assert {"title", "page_type"} <= set(pp)
    assert report["speed"]["pageparts"]["pages"] == 10
    for peer in _peers():
        assert "title" not in systems[peer]  # resiliparse gives no metadata: not scored on it
        assert systems[peer]["word"]["n"] == 10
    text = format_report(report)
    assert "NOT cross-validated" in text
    assert "| pageparts |" in text


def test_eval_command_writes_json(datasets: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    code = main(["eval", "wcxb-dev", "--datasets", str(datasets), "--limit", "3",
                 "--peers", "none", "--json", str(out)])
    assert code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert list(report["packs"]["wcxb-dev"]) == ["pageparts"]
    assert "### wcxb-dev (3 pages)" in capsys.readouterr().out


def test_unknown_pack_is_a_clear_error(datasets: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["eval", "no-such-pack", "--datasets", str(datasets), "--peers", "none"])
    assert code == 2
    assert "not a pack" in capsys.readouterr().err


def test_cv_also_without_cv_is_a_clear_error(datasets: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["eval", "wcxb-dev", "--datasets", str(datasets), "--limit", "3",
                 "--peers", "none", "--cv-also", "readability"])
    assert code == 2
    assert "--cv-also only applies with --cv" in capsys.readouterr().err
