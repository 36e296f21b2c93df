"""Plain-text mode, cross-validated: word F1 per rendering (bullets, WET) beside the whole-text
and C4 line-rule baselines in the same run, page-type accuracy, and F1 by page type.

The 300 scored wcxb-dev pages are a fixed sample. Each fold's text models are trained the way
the shipped ones are (``pageparts train --kind text``: every page of the packs) on the pool
pages outside the fold, folds grouped by site across all packs, so no site is both trained on
and scored. ``--pool N`` trains on a sample of N wcxb-dev pages instead of all of them, and
``--packs`` names the other packs in the pool (``--packs`` alone: wcxb-dev only).

    nice -n 10 python benchmarks/text_eval.py [--sample 300] [--pool N] [--packs P ...] [--cv 3]
"""

from __future__ import annotations

import argparse
import sys

from pageparts.eval.packs import load_pack, pack_ids, resolve_pack, subset
from pageparts.text.evaluate import evaluate_text, format_table


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--pool", type=int, default=None,
                    help="wcxb-dev pages in the training pool (default: all)")
    ap.add_argument("--packs", nargs="*", default=["trafilatura-a", "readability"],
                    help="other packs in the training pool (default: %(default)s)")
    ap.add_argument("--cv", type=int, default=3)
    args = ap.parse_args()
    path = resolve_pack("wcxb-dev")
    ids = pack_ids(path)
    keep = set(subset(ids, sample=args.sample, seed=0))
    wanted = set(ids) if args.pool is None else set(subset(ids, sample=args.pool, seed=0))
    pool = load_pack(path, ids=sorted(wanted | keep))
    scored = [p for p in pool if p.id in keep]
    for name in args.packs:
        other = resolve_pack(name)
        pool += load_pack(other, ids=sorted(pack_ids(other)))
    result = evaluate_text(scored, cv=args.cv, train_pool=pool,
                           log=lambda m: print(m, file=sys.stderr, flush=True))
    print(format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
