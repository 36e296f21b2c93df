"""Plain-text mode, cross-validated: word F1 per rendering (bullets, WET) beside the whole-text
and C4 line-rule baselines in the same run, page-type accuracy, and F1 by page type.

The 300 scored wcxb-dev pages are a fixed sample; each fold's text models are trained on the
pool (a 600-page sample and the 300) outside the fold, folds grouped by site.

    nice -n 10 python benchmarks/text_eval.py [--sample 300] [--pool 600] [--cv 3]
"""

from __future__ import annotations

import argparse
import sys

from pageparts.eval.packs import load_pack, pack_ids, resolve_pack, subset
from pageparts.text.evaluate import evaluate_text, format_table


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--pool", type=int, default=600)
    ap.add_argument("--cv", type=int, default=3)
    args = ap.parse_args()
    path = resolve_pack("wcxb-dev")
    ids = pack_ids(path)
    keep = set(subset(ids, sample=args.sample, seed=0))
    pool = load_pack(path, ids=sorted(set(subset(ids, sample=args.pool, seed=0)) | keep))
    scored = [p for p in pool if p.id in keep]
    result = evaluate_text(scored, cv=args.cv, train_pool=pool,
                           log=lambda m: print(m, file=sys.stderr, flush=True))
    print(format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
