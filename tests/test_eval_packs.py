"""Pack pages, site groups and grouped cross-validation folds, on pages written here."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from pageparts._errors import InputError
from pageparts.eval.packs import (
    PackPage,
    group_key,
    grouped_folds,
    load_pack,
    resolve_pack,
    subset,
)
from pageparts.eval.score import gold_value, match_author, match_date, match_text


def _page(group: str, i: int) -> PackPage:
    return PackPage("p", f"{group}-{i}", b"<p>x</p>", {}, group)


def test_no_group_is_split_across_folds() -> None:
    sizes = {"a.com": 7, "b.org": 1, "c.de": 3, "d.net": 5, "e.fr": 2, "f.io": 4, "g.com": 1}
    pages = [_page(g, i) for g, n in sizes.items() for i in range(n)]
    folds = grouped_folds(pages, 3, seed=1)
    fold_of: dict[str, set[int]] = {}
    for page, fold in zip(pages, folds, strict=True):
        fold_of.setdefault(page.group, set()).add(fold)
    assert all(len(f) == 1 for f in fold_of.values())
    assert set(folds) == {0, 1, 2}


def test_folds_are_deterministic_and_balanced() -> None:
    pages = [_page(f"site{i % 40}.com", i) for i in range(400)]
    assert grouped_folds(pages, 5, seed=3) == grouped_folds(pages, 5, seed=3)
    counts = [grouped_folds(pages, 5, seed=3).count(k) for k in range(5)]
    assert max(counts) - min(counts) <= 10


def test_too_few_groups_for_the_folds_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="site groups"):
        grouped_folds([_page("a.com", 0), _page("b.com", 1)], 3)


def test_group_key_uses_domain_then_url_host() -> None:
    assert group_key({"domain": "www.example.com", "url": "https://other.org/x"}) == "example.com"
    assert group_key({"url": "https://blog.example.co.uk/post"}) == "example.co.uk"
    assert group_key({"url": "http://news.example.de/a"}) == "example.de"


def test_group_key_reads_named_pages_without_scheme() -> None:
    assert group_key({"url": "hard::blog.example.org.html"}) == "example.org"
    assert group_key({"url": "hard::example.com.colonial.html"}) == "example.com"
    assert group_key({"url": "hard::example.hn-story.html"}) == "example.hn"


def test_subset_is_deterministic_and_keeps_order() -> None:
    ids = [f"{i:03d}" for i in range(100)]
    a = subset(ids, sample=10, seed=5)
    assert a == subset(ids, sample=10, seed=5)
    assert a == sorted(a)
    assert a != subset(ids, sample=10, seed=6)
    assert subset(ids, limit=3) == ["000", "001", "002"]


def test_load_pack_reads_gold_and_pages(tmp_path: Path) -> None:
    pack = tmp_path / "tiny"
    (pack / "pages").mkdir(parents=True)
    rows = [{"id": "1", "url": "https://www.a.com/x", "title": "None"},
            {"id": "2", "url": "https://b.org/y", "title": "B"}]
    with gzip.open(pack / "gold.jsonl.gz", "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
            (pack / "pages" / f"{row['id']}.html.gz").write_bytes(gzip.compress(b"<p>hi</p>"))
    assert resolve_pack(str(pack)) == pack
    assert resolve_pack("tiny", tmp_path) == pack
    pages = load_pack(pack)
    assert [(p.id, p.group, p.html) for p in pages] == [("1", "a.com", b"<p>hi</p>"),
                                                         ("2", "b.org", b"<p>hi</p>")]
    assert [p.id for p in load_pack(pack, ids=["2"])] == ["2"]
    with pytest.raises(InputError, match="not a pack"):
        resolve_pack("missing", tmp_path)


def test_gold_placeholders_mean_absent() -> None:
    gold = {"title": "None", "author": "", "date": None, "tags": "[]", "names": ["", "Ann"]}
    assert [gold_value(gold, k) for k in ("title", "author", "date", "tags")] == [None] * 4
    assert gold_value(gold, "names") == ["Ann"]


def test_metadata_matching_rules() -> None:
    assert match_text("  The  Title\n", "the title")
    assert not match_text("The Title | Site", "The Title")
    assert match_text("It\u2019s \u201cfine\u201d", "it's \"fine\"")
    assert not match_text(None, "x")
    assert match_author("Ann Lee, Bo Park", ["Ann Lee", "Bo Park"])
    assert not match_author("Ann Lee", ["Ann Lee", "Bo Park"])
    assert match_date("2024-05-03", "2024-05-03T10:00:00Z")
    assert match_date("2024-05-30", "2024-05")
    assert not match_date("2024-06-01", "2024-05")
    assert not match_date(None, "2024-05-03")


def test_joined_pages_go_to_their_sites_fold() -> None:
    from pageparts.eval.packs import joined_folds

    pages = [_page(g, i) for i, g in enumerate(["a.com", "a.com", "b.org", "c.de", "d.net"])]
    folds = grouped_folds(pages, 2, seed=0)
    others = [_page("a.com", 9), _page("d.net", 8), _page("new.site", 7)]
    joined = joined_folds(pages, folds, others, 2)
    assert joined[0] == folds[0] and joined[1] == folds[4]  # never across a site's folds
    assert joined[2] in (0, 1) and joined == joined_folds(pages, folds, others, 2)
