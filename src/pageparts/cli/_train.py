"""``pageparts train``: rebuild the shipped models from the benchmark packs."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

DEFAULT_PACKS = ("wcxb-dev", "trafilatura-a", "readability")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("train", help="train the block and page-type models from the packs",
                       description="Train the models from benchmark packs and write them, with "
                       "a model card, into the package's data folder (or --out).")
    p.add_argument("packs", nargs="*", default=list(DEFAULT_PACKS), metavar="PACK",
                   help="pack names or folders (default: %(default)s)")
    p.add_argument("--kind", choices=("html", "text", "all"), default="all")
    p.add_argument("--out", type=Path, default=None,
                   help="folder to write the models to (default: the package's data folder)")
    p.add_argument("--datasets", default=None, help="folder holding the packs")
    p.add_argument("--limit", type=int, default=None, help="use the first N pages of each pack")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..eval.packs import datasets_dir, load_pack, pack_ids, resolve_pack, subset
    from ..model import BLOCK_HTML, BLOCK_TEXT, PAGE_TYPE, PAGE_TYPE_TEXT, STACK_HTML, STACK_TEXT
    from ..train import RowCache, fit_models
    from ..train.card import write_card

    out = args.out or Path(__file__).resolve().parents[1] / "data"
    out.mkdir(parents=True, exist_ok=True)
    root = datasets_dir(args.datasets)
    pages = []
    for name in args.packs:
        path = resolve_pack(name, root)
        ids = subset(pack_ids(path), limit=args.limit)
        pages.extend(load_pack(path, ids))

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    log(f"pageparts train: {len(pages)} pages from {', '.join(args.packs)}")
    kinds = ("html", "text") if args.kind == "all" else (args.kind,)
    written = {}
    for kind in kinds:
        t0 = time.perf_counter()
        models = fit_models(pages, kind=kind, cache=RowCache(), log=log)
        if kind == "html":
            assert models.html is not None
            (out / BLOCK_HTML).write_text(models.html.to_string(), encoding="utf-8")
            written[BLOCK_HTML] = time.perf_counter() - t0
            if models.html_stack is not None:
                (out / STACK_HTML).write_text(models.html_stack.to_string(), encoding="utf-8")
                written[STACK_HTML] = time.perf_counter() - t0
            if models.page_type is not None:
                (out / PAGE_TYPE).write_text(models.page_type.to_string(), encoding="utf-8")
                written[PAGE_TYPE] = time.perf_counter() - t0
        else:
            assert models.text is not None
            (out / BLOCK_TEXT).write_text(models.text.to_string(), encoding="utf-8")
            written[BLOCK_TEXT] = time.perf_counter() - t0
            if models.text_stack is not None:
                (out / STACK_TEXT).write_text(models.text_stack.to_string(), encoding="utf-8")
                written[STACK_TEXT] = time.perf_counter() - t0
            if models.text_page_type is not None:
                (out / PAGE_TYPE_TEXT).write_text(models.text_page_type.to_string(),
                                                  encoding="utf-8")
                written[PAGE_TYPE_TEXT] = time.perf_counter() - t0
        log(f"  {kind} models trained in {time.perf_counter() - t0:.0f} s")
    write_card(out, pages, args.packs, written)
    for name in written:
        print(out / name)
    return 0
