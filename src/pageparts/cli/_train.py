"""``pageparts train``: rebuild the shipped models from the benchmark packs."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

#: The packs each kind learns from when none are named. HTML blocks leave out readability (its
#: reference text is another extractor's output): with it, 3-fold CV by site fell 0.007 on the
#: wcxb-dev sample, 0.002 in trafilatura-a snippet F1 and 0.0003 on the other wcxb-dev pages.
#: Plain-text lines learn from all three (+0.003 / +0.005 with the other two packs).
DEFAULT_PACKS = {"html": ("wcxb-dev", "trafilatura-a"),
                 "text": ("wcxb-dev", "trafilatura-a", "readability")}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("train", help="train the block and page-type models from the packs",
                       description="Train the models from benchmark packs and write them, with "
                       "a model card, into the package's data folder (or --out).")
    p.add_argument("packs", nargs="*", default=None, metavar="PACK",
                   help="pack names or folders, for every kind (default: wcxb-dev and "
                   "trafilatura-a for HTML, those and readability for text)")
    p.add_argument("--kind", choices=("html", "text", "all"), default="all")
    p.add_argument("--out", type=Path, default=None,
                   help="folder to write the models to (default: the package's data folder)")
    p.add_argument("--datasets", default=None, help="folder holding the packs")
    p.add_argument("--limit", type=int, default=None, help="use the first N pages of each pack")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..eval.packs import PackPage, datasets_dir, load_pack, pack_ids, resolve_pack, subset
    from ..model import FIELD_FILES
    from ..train import RowCache, fit_models
    from ..train.card import write_card

    out = args.out or Path(__file__).resolve().parents[1] / "data"
    out.mkdir(parents=True, exist_ok=True)
    root = datasets_dir(args.datasets)
    kinds = ("html", "text") if args.kind == "all" else (args.kind,)
    kind_packs = {kind: tuple(args.packs) if args.packs else DEFAULT_PACKS[kind]
                  for kind in kinds}
    by_pack: dict[str, list[PackPage]] = {}
    for name in dict.fromkeys(n for names in kind_packs.values() for n in names):
        path = resolve_pack(name, root)
        by_pack[name] = load_pack(path, subset(pack_ids(path), limit=args.limit))

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    written = {}
    for kind in kinds:
        t0 = time.perf_counter()
        pages = [page for name in kind_packs[kind] for page in by_pack[name]]
        log(f"pageparts train --kind {kind}: {len(pages)} pages from "
            f"{', '.join(kind_packs[kind])}")
        models = fit_models(pages, kind=kind, cache=RowCache(), log=log)
        for field, name in FIELD_FILES.items():
            model = getattr(models, field)
            if model is not None:
                (out / name).write_text(model.to_string(), encoding="utf-8")
                written[name] = time.perf_counter() - t0
        log(f"  {kind} models trained in {time.perf_counter() - t0:.0f} s")
    write_card(out, by_pack, kind_packs, written)
    for name in written:
        print(out / name)
    return 0
