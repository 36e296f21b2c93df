"""Page-type accuracy on wcxb-dev, cross-validated with folds grouped by site: a fast harness.

Once, every wcxb-dev page is read the way training reads it (``train.fit.page_rows``: the HTML
path, page signals, block features, gold block labels) and its blocks are scored out of fold the
way ``fit_models`` scores them for the page-type model (``train.fit._out_of_fold`` with 2 folds
and a third of the rounds, so no page is scored by a block model that saw its site). Both are
cached under ``/tmp`` (never in the repo), keyed by a hash of the package's source outside the
page-type code, so editing ``pagetype.py`` or ``train/fit.py`` reuses the cache while editing a
signal or a feature rebuilds it.

Then, for 3 and 5 folds (``eval.packs.grouped_folds``), the page-type model is trained with
``train.fit._fit_page_type`` itself on the training folds' rows and scored on the held-out
folds' pages twice: read with their address, and without it (``pagetype.without_address``).
It prints the accuracies and the confusion matrices (rows gold, columns predicted).

Caveats: the block scores of a held-out page come from the same out-of-fold models as the
training pages' (not from a block model trained on the training folds only, as in
``pageparts eval --cv``), and pages whose gold labels none of their blocks are left out (as
training leaves them out), so the numbers are close to, not equal to, the eval's.

    nice -n 10 python benchmarks/pagetype_cv.py                   # builds the cache once
    python benchmarks/pagetype_cv.py --folds 3 5 --errors 30      # also list misread pages
    python benchmarks/pagetype_cv.py --param num_leaves=15 --rounds 200 --importance 25
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from pageparts.eval.packs import grouped_folds, load_pack, resolve_pack
from pageparts.pagetype import PAGE_FEATURE_NAMES, page_features, without_address
from pageparts.train import fit
from pageparts.train.fit import PageRows, _fit_page_type, _out_of_fold, page_rows

_SRC = Path(fit.__file__).resolve().parents[1]
#: Sources whose change does not invalidate the cached rows (they only shape the page rows).
_PAGE_TYPE_CODE = {"pagetype.py", "train/fit.py"}


def _source_hash() -> str:
    h = hashlib.sha1()
    for path in sorted(_SRC.rglob("*.py")):
        rel = path.relative_to(_SRC).as_posix()
        if rel not in _PAGE_TYPE_CODE:
            h.update(rel.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _build(pages: list[Any], cache: Path) -> tuple[list[PageRows], dict[Any, Any]]:
    t0 = time.perf_counter()
    rows: list[PageRows] = []
    groups: list[str] = []
    for i, page in enumerate(pages):
        r = page_rows(page)
        if r is not None:
            r.ctx = None  # type: ignore[assignment]  # the stack context is not needed here
            rows.append(r)
            groups.append(page.group)
        if (i + 1) % 250 == 0:
            print(f"  read {i + 1}/{len(pages)} pages ({time.perf_counter() - t0:.0f} s)",
                  file=sys.stderr)
    print("  scoring blocks out of fold", file=sys.stderr)
    oof = _out_of_fold(rows, groups, "html", 2, fit.BLOCK_ROUNDS // 3)
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as f:
        pickle.dump((rows, oof), f, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"  cache written: {cache} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return rows, oof


def _confusion(gold: list[str], pred: list[str], classes: list[str]) -> str:
    w = max(len(c) for c in classes) + 1
    lines = [" " * w + "".join(f"{c[:6]:>7}" for c in classes) + "   recall"]
    for g in classes:
        counts = Counter(p for gg, p in zip(gold, pred, strict=True) if gg == g)
        n = sum(counts.values())
        rec = counts[g] / n if n else 0.0
        lines.append(f"{g:<{w}}" + "".join(f"{counts[c]:>7}" for c in classes)
                     + f"   {rec:.2f} ({n})")
    return "\n".join(lines)


def _cv(rows: list[PageRows], oof: dict[Any, Any], folds: list[int], k: int,
        importance: Counter[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"gold": [], "url": [], "nourl": [], "key": []}
    for f in range(k):
        train = [r for r, g in zip(rows, folds, strict=True) if g != f]
        test = [r for r, g in zip(rows, folds, strict=True) if g == f and r.page_type]
        model = _fit_page_type(train, oof)
        if model is None or not test:
            continue
        gain = model.booster.feature_importance("gain")  # type: ignore[attr-defined]
        for name, v in zip(PAGE_FEATURE_NAMES, gain, strict=True):
            importance[name] += float(v)
        X = np.vstack([page_features(r.signals, r.X, oof[r.key], r.n_comments) for r in test])
        for col, Xc in (("url", X), ("nourl", without_address(X))):
            probs = model.predict(Xc)
            out[col].extend(model.classes[int(i)] for i in probs.argmax(axis=1))
        out["gold"].extend(r.page_type or "" for r in test)
        out["key"].extend(r.key[1] for r in test)
    return out


def _number(value: str) -> int | float | str:
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pack", default="wcxb-dev")
    ap.add_argument("--folds", type=int, nargs="+", default=[3, 5])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/pageparts_pagetype_cv"))
    ap.add_argument("--rebuild", action="store_true", help="read the pages again")
    ap.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                    help="override a PAGE_PARAMS entry for this run (repeatable)")
    ap.add_argument("--rounds", type=int, help="override PAGE_ROUNDS for this run")
    ap.add_argument("--address-less-weight", type=float, help="override ADDRESS_LESS_WEIGHT")
    ap.add_argument("--seeds", type=int, default=1,
                    help="average the accuracies over this many learner seeds (noise is "
                    "about +-0.005 on one)")
    ap.add_argument("--errors", type=int, default=0, help="list this many misread pages")
    ap.add_argument("--importance", type=int, default=0, help="show the top features by gain")
    args = ap.parse_args(argv)

    for item in args.param:
        key, _, value = item.partition("=")
        fit.PAGE_PARAMS[key] = _number(value)
    if args.rounds:
        fit.PAGE_ROUNDS = args.rounds
    if args.address_less_weight is not None:
        fit.ADDRESS_LESS_WEIGHT = args.address_less_weight

    pack = resolve_pack(args.pack)
    pages = load_pack(pack)
    cache = args.cache / f"{args.pack}-{_source_hash()}.pickle"
    if cache.exists() and not args.rebuild:
        with cache.open("rb") as f:
            rows, oof = pickle.load(f)
    else:
        print(f"building the cache for {len(pages)} pages", file=sys.stderr)
        rows, oof = _build(pages, cache)
    group_of = {p.id: p.group for p in pages}
    url_of = {p.id: p.url for p in pages}
    by_id = {p.id: p for p in pages}
    kept = [by_id[r.key[1]] for r in rows]
    print(f"{args.pack}: {len(rows)} of {len(pages)} pages with labelled blocks, "
          f"{len({group_of[r.key[1]] for r in rows})} sites, "
          f"{len(PAGE_FEATURE_NAMES)} page features; params {fit.PAGE_PARAMS}, "
          f"rounds {fit.PAGE_ROUNDS}, address-less weight {fit.ADDRESS_LESS_WEIGHT}")
    classes = sorted({r.page_type for r in rows if r.page_type})
    importance: Counter[str] = Counter()
    t0 = time.perf_counter()
    base_seed = fit.PAGE_PARAMS.get("seed", 7)
    for k in args.folds:
        folds = grouped_folds(kept, k)
        accs: list[dict[str, float]] = []
        runs: list[dict[str, list[str]]] = []
        for s in range(args.seeds):  # the first seed's predictions are the ones shown below
            fit.PAGE_PARAMS["seed"] = base_seed if s == 0 else 1000 + s
            out = _cv(rows, oof, folds, k, importance)
            runs.append(out)
            n = len(out["gold"])
            accs.append({c: sum(g == p for g, p in zip(out["gold"], out[c], strict=True)) / n
                         for c in ("url", "nourl")})
        fit.PAGE_PARAMS["seed"] = base_seed
        res = runs[0]
        acc = {c: sum(a[c] for a in accs) / len(accs) for c in ("url", "nourl")}
        seeds = f" (mean of {args.seeds} learner seeds)" if args.seeds > 1 else ""
        print(f"\n== {k}-fold CV grouped by site, {n} pages: accuracy with URL "
              f"{acc['url']:.3f}, without URL {acc['nourl']:.3f}{seeds}")
        for col in ("url", "nourl"):
            print(f"-- confusion ({'with' if col == 'url' else 'without'} URL; rows gold)")
            print(_confusion(res["gold"], res[col], classes))
        if args.errors:
            print(f"-- misread pages (with URL), first {args.errors}")
            bad = [(g, p, key) for g, p, key in zip(res["gold"], res["url"], res["key"],
                                                     strict=True) if g != p]
            for g, p, key in bad[: args.errors]:
                print(f"  {g:>13} -> {p:<13} {key}  {url_of.get(key)}")
    if args.importance:
        print("\n-- top features by gain (summed over all folds)")
        for name, v in importance.most_common(args.importance):
            print(f"  {name:<24} {v:10.0f}")
    print(f"\n(CV {time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
