"""``pageparts eval`` with the comment finder off: the "before" of the comments before/after table.

A tiny pack is written here (pages of our own, one site each), so these tests need no ``../shared``.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from pageparts._errors import PagepartsError
from pageparts._options import Options
from pageparts.eval.packs import PackPage
from pageparts.eval.run import NO_COMMENTS, EvalConfig, _fill_rows, evaluate
from pageparts.eval.systems import PagepartsSystem
from pageparts.features import FEATURE_NAMES
from pageparts.train.fit import RowCache, page_rows

THREAD_COL = FEATURE_NAMES.index("comment_thread")

ARTICLE = ("The river rose three metres overnight and the old bridge was closed to traffic. "
           "Engineers inspected the pillars at dawn and found cracks in two of them. ")


def _page(n: int) -> str:
    comments = "".join(
        f'<li class="comment depth-1" id="comment-{n}{k}"><div class="comment-body">'
        f'<div class="comment-author vcard"><cite class="fn">Reader {k}</cite></div>'
        f'<div class="comment-meta"><a href="#c">March {k + 1}, 2021 at 4:1{k} pm</a></div>'
        f"<p>Comment number {k} on story {n}: the bridge was always too narrow.</p>"
        f'<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></div></li>'
        for k in range(3))
    return (f"<html><head><title>Story {n}</title></head><body><nav><a href='/'>Home</a>"
            f"<a href='/news'>News</a></nav><article><h1>Story {n}</h1><p>{ARTICLE * 3}</p>"
            f"<p>{ARTICLE}</p></article><div id='comments'><h2>3 Responses</h2>"
            f"<ol class='commentlist'>{comments}</ol></div><footer>© Example</footer>"
            "</body></html>")


def _gold(n: int) -> dict[str, object]:
    return {"id": f"p{n}", "url": f"https://site{n}.example/story", "page_type": "article",
            "domain": f"site{n}.example", "text": f"Story {n}\n{ARTICLE * 4}",
            "comments": [f"Comment number 1 on story {n}"]}


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("datasets")
    folder = root / "tiny"
    (folder / "pages").mkdir(parents=True)
    with gzip.open(folder / "gold.jsonl.gz", "wt", encoding="utf-8") as f:
        for n in range(6):
            f.write(json.dumps(_gold(n)) + "\n")
            (folder / "pages" / f"p{n}.html.gz").write_bytes(gzip.compress(_page(n).encode()))
    return root


def _pack_page(n: int) -> PackPage:
    gold = _gold(n)
    return PackPage("tiny", f"p{n}", _page(n).encode(), gold, str(gold["domain"]))


def test_rows_without_comment_finder_have_no_thread_feature() -> None:
    on = page_rows(_pack_page(0))
    assert on is not None and on.X[:, THREAD_COL].max() == 1.0  # the thread is found by default
    cache = RowCache()
    _fill_rows(cache, [_pack_page(0)], "html", Options(comments=False), lambda _m: None)
    off = cache.rows[("tiny", "p0", "html")]
    assert off is not None and off.n_comments == 0
    assert not np.any(off.X[:, THREAD_COL])


def test_system_with_comments_off_gives_no_thread() -> None:
    system = PagepartsSystem(options=Options(comments=False), name=NO_COMMENTS)
    assert not system.does_comments
    assert system.run(_page(1), None).comments == ""
    assert PagepartsSystem().run(_page(1), None).comments


def test_cv_scores_both_on_the_same_folds(pack: Path) -> None:
    config = EvalConfig(packs=("tiny",), datasets=str(pack), peers=(), cv=2, comments="both",
                        per_page=True)
    report = evaluate(config, log=lambda _m: None)
    systems = report["packs"]["tiny"]
    assert list(systems) == ["pageparts", NO_COMMENTS]
    assert systems["pageparts"]["word"]["n"] == systems[NO_COMMENTS]["word"]["n"] == 6
    assert "comments_recall" in systems["pageparts"]
    assert "comments_recall" not in systems[NO_COMMENTS]  # it gives no comments: not scored
    assert "comment finder off, in training too" in report["note"]
    on, off = (systems[n]["page_scores"] for n in ("pageparts", NO_COMMENTS))
    assert [r["id"] for r in on] == [r["id"] for r in off]  # paired: same pages, same order
    assert all(r["comments"] for r in on) and not any(r["comments"] for r in off)


def test_unknown_comment_mode_and_text_mode_are_refused(pack: Path) -> None:
    with pytest.raises(PagepartsError, match="comments must be one of"):
        evaluate(EvalConfig(packs=("tiny",), datasets=str(pack), peers=(), comments="maybe"))
    with pytest.raises(PagepartsError, match="only be switched off in HTML mode"):
        evaluate(EvalConfig(packs=("tiny",), datasets=str(pack), peers=(), comments="off",
                            kind="text", render="wet"))


def test_cv_also_trains_each_fold_on_another_packs_pages(pack: Path) -> None:
    extra = pack / "extra"
    (extra / "pages").mkdir(parents=True, exist_ok=True)
    with gzip.open(extra / "gold.jsonl.gz", "wt", encoding="utf-8") as f:
        for n in (0, 7):  # one page of a scored site, one of a new site
            gold = dict(_gold(n), id=f"x{n}")
            f.write(json.dumps(gold) + "\n")
            (extra / "pages" / f"x{n}.html.gz").write_bytes(gzip.compress(_page(n).encode()))
    sizes: dict[str, list[int]] = {"plain": [], "also": []}

    def run(name: str, also: tuple[str, ...]) -> dict[str, object]:
        def log(msg: str) -> None:
            if "training on" in msg:
                sizes[name].append(int(msg.split("training on ")[1].split(maxsplit=1)[0]))

        return evaluate(EvalConfig(packs=("tiny",), datasets=str(pack), peers=(), cv=2,
                                   cv_also=also), log=log)

    plain, also = run("plain", ()), run("also", ("extra",))
    # each extra page trains the one fold that does not score its site: two more in all
    assert sum(sizes["also"]) == sum(sizes["plain"]) + 2
    assert "and on the pages of extra outside it" in str(also["note"])
    assert also["packs"]["tiny"]["pageparts"]["word"]["n"] == 6  # type: ignore[index]
    assert "extra" not in also["packs"] and "extra" not in plain["packs"]  # type: ignore[operator]
