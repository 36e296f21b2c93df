"""Exact-match accuracy of ``pageparts.html.metadata.read_metadata`` against the packs' gold.

Reads ``../shared/datasets/<pack>/`` beside the repo checkout (never copied into the repo) and
prints, per pack and field, accuracy where gold exists for pageparts and for trafilatura's
``extract_metadata`` on the same pages, plus milliseconds per page.

Pages are decoded, prepared (``prepare``: noscript, nesting) and parsed as ``read_html`` does,
so the metadata read is the one the pipeline reads. Matching: title, author and date use the
eval's own matchers (``pageparts.eval.score``: NFKC, quotes folded, whitespace-collapsed,
case-insensitive; a gold list of authors matches when every name occurs in the prediction;
dates as ISO days, a year-month gold matches its month), so these numbers agree with
``pageparts eval``. Site name and language: whitespace-collapsed, case-insensitive; language by
primary subtag only. "no gold" columns: on pages whose gold says the field is empty, how often a
value is given anyway.

Halves: ``--half even|odd`` keeps pages whose *site* hashes even / odd (md5 of wcxb-dev's
``domain``, else the URL's host without "www.", else the id without a "-N" suffix), so no site
is in both halves: tune on even, report odd.

    python benchmarks/metadata_eval.py                      # all packs, all pages
    python benchmarks/metadata_eval.py --half odd --trafilatura
    python benchmarks/metadata_eval.py --pack wcxb-dev --show author --limit 300
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from pageparts._options import Options
from pageparts.decode import decode
from pageparts.eval.score import gold_value, match_author, match_date, match_text
from pageparts.html.metadata import read_metadata
from pageparts.html.prepare import prepare

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
PACKS = ("wcxb-dev", "trafilatura-a", "readability")
FIELDS = ("title", "author", "date", "language", "site_name")
GOLD_KEY = {"language": "lang"}
# typographic quotes fold to ASCII: the packs' gold writes straight quotes where pages curl them
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def norm(field: str, value: Any) -> str | None:
    """The comparable form of a value, or None for "no value"."""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    s = re.sub(r"\s+", " ", str(value).translate(_QUOTES)).strip().lower()
    if s in ("", "none"):
        return None
    if field == "date":
        m = _DATE.search(s)
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else s
    if field == "language":
        return re.split(r"[-_]", s)[0]
    return s


def matches(field: str, got: Any, gold: Any) -> bool:
    """Whether ``got`` matches the gold value ``gold`` (not None), as the eval scores it."""
    if field == "date":
        return match_date(got.isoformat() if hasattr(got, "isoformat") else got, str(gold))
    if field == "author":
        return match_author(got, gold)
    if field == "title":
        return match_text(got, str(gold))
    return norm(field, got) == norm(field, gold)


def site_of(gold: dict[str, Any]) -> str:
    """The page's site: the pack's domain, else the URL's host, else the id's stem."""
    domain = gold.get("domain")
    if isinstance(domain, str) and domain not in ("", "None"):
        return domain.lower().removeprefix("www.")
    url = gold.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        host = (urlsplit(url).hostname or "").lower()
        if host:
            return host.removeprefix("www.")
    if isinstance(url, str) and url.startswith("hard::"):  # "hard::dw.com.colonial.html"
        return url[6:].lower()
    return re.sub(r"-\d+$", "", str(gold["id"]))


def in_half(gold: dict[str, Any], half: str) -> bool:
    if half == "all":
        return True
    parity = int(hashlib.md5(site_of(gold).encode()).hexdigest(), 16) % 2
    return parity == (0 if half == "even" else 1)


def pages(pack: str, half: str, limit: int) -> Iterator[tuple[dict[str, Any], bytes]]:
    n = 0
    with gzip.open(SHARED / pack / "gold.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            gold = json.loads(line)
            if not in_half(gold, half):
                continue
            raw = gzip.decompress((SHARED / pack / "pages" / f"{gold['id']}.html.gz").read_bytes())
            yield gold, raw
            n += 1
            if limit and n >= limit:
                return


def page_url(gold: dict[str, Any]) -> str | None:
    url = gold.get("url")
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def trafilatura_meta(html: str, url: str | None) -> dict[str, Any]:
    from trafilatura import extract_metadata  # optional: imported only with --trafilatura

    doc = extract_metadata(html, default_url=url)
    return {"title": doc.title, "author": doc.author, "date": doc.date,
            "site_name": doc.sitename, "language": None}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pack", action="append", choices=PACKS)
    ap.add_argument("--half", choices=("all", "even", "odd"), default="all")
    ap.add_argument("--limit", type=int, default=0, help="pages per pack (0 = all)")
    ap.add_argument("--trafilatura", action="store_true", help="also score trafilatura")
    ap.add_argument("--show", choices=FIELDS, help="print this field's misses")
    ap.add_argument("--dump", type=Path, help="write every page's gold and values here (jsonl)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="time parse and read_metadata N times per page, keep the fastest "
                         "(steadier numbers on a busy machine)")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"benchmark packs not found at {SHARED}", file=sys.stderr)
        return 2
    options = Options()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for pack in args.pack or PACKS:
        hits: dict[str, list[int]] = {f: [0, 0, 0] for f in FIELDS}  # ours, theirs, n
        extra: dict[str, list[int]] = {f: [0, 0, 0] for f in FIELDS}  # no gold: ours, theirs, n
        t_parse = t_ours = t_theirs = 0.0
        per_page: list[float] = []
        n_pages = 0
        for gold, raw in pages(pack, args.half, args.limit):
            n_pages += 1
            url = page_url(gold)
            page = decode(raw, options, kind="html", url=url)
            best_parse = best_ours = float("inf")
            for _ in range(max(1, args.repeat)):
                t0 = time.perf_counter()
                tree = LexborHTMLParser(prepare(page.content, options.max_nesting))  # as read_html
                t1 = time.perf_counter()
                meta = read_metadata(tree, url)
                t2 = time.perf_counter()
                best_parse, best_ours = min(best_parse, t1 - t0), min(best_ours, t2 - t1)
            t_parse += best_parse
            t_ours += best_ours
            per_page.append(best_ours)
            theirs: dict[str, Any] = {}
            if args.trafilatura:
                t3 = time.perf_counter()
                theirs = trafilatura_meta(page.content, url)
                t_theirs += time.perf_counter() - t3
            if dump is not None:
                dump.write(json.dumps({"pack": pack, "id": gold["id"], **{
                    f: [norm(f, gold.get(GOLD_KEY.get(f, f))), norm(f, getattr(meta, f))]
                    for f in FIELDS}, "ok": {
                    f: matches(f, getattr(meta, f), g) for f in FIELDS
                    if (g := gold_value(gold, GOLD_KEY.get(f, f))) is not None}}) + "\n")
            for field in FIELDS:
                gold_raw = gold_value(gold, GOLD_KEY.get(field, field))
                want = norm(field, gold_raw)
                if want is None or gold_raw is None:
                    if GOLD_KEY.get(field, field) in gold:  # the pack has the field: says "none"
                        extra[field][0] += norm(field, getattr(meta, field)) is not None
                        extra[field][1] += norm(field, theirs.get(field)) is not None
                        extra[field][2] += 1
                    continue
                got = norm(field, getattr(meta, field))
                hits[field][2] += 1
                ok = matches(field, getattr(meta, field), gold_raw)
                hits[field][0] += ok
                hits[field][1] += matches(field, theirs.get(field), gold_raw)
                if args.show == field and not ok:
                    print(f"  {gold['id'][:16]:16} {site_of(gold)[:40]}\n"
                          f"{'':6}gold={want!r}\n{'':6}got ={got!r}")
        print(f"\n{pack} ({n_pages} pages, half={args.half}; tuned on these packs, "
              f"not cross-validated unless half=odd)")
        print(f"  {'field':10} {'n':>5} {'pageparts':>10} {'trafilatura':>12}"
              f"   | no gold: {'n':>5} {'ours given':>10} {'theirs given':>12}")
        for field in FIELDS:
            ours, tr, n = hits[field]
            if n:
                scored = args.trafilatura and field != "language"
                theirs_s = f"{tr / n:12.3f}" if scored else f"{'n/a':>12}"
                e_ours, e_tr, e_n = extra[field]
                given = (f"{e_n:5d} {e_ours / e_n:10.3f} "
                         + (f"{e_tr / e_n:12.3f}" if scored else f"{'n/a':>12}")) if e_n else ""
                print(f"  {field:10} {n:5d} {ours / n:10.3f} {theirs_s}   |          {given}")
        if n_pages:
            ms = 1000 / n_pages
            theirs_t = (f", trafilatura extract_metadata {t_theirs * ms:.2f}"
                        if args.trafilatura else "")
            median = sorted(per_page)[len(per_page) // 2] * 1000
            print(f"  ms/page: read_metadata {t_ours * ms:.3f} (median {median:.3f}; "
                  f"prepare + parse {t_parse * ms:.3f})" + theirs_t)
    if dump is not None:
        dump.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
