"""``pageparts compile``: build the shipped models into machine code (the ``fast`` extra)."""

from __future__ import annotations

import argparse
import sys

from ..model import CompileResult, compile_models, compiled_status
from ..model._cache import cache_dir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "compile", help="compile the models with lleaves for faster extraction (fast extra)",
        description="Compile every shipped model to machine code with lleaves (pip install "
        "'pageparts[fast]') into the cache folder: --cache-dir, else $PAGEPARTS_CACHE_DIR, else "
        "$XDG_CACHE_HOME/pageparts or ~/.cache/pageparts. Extraction then uses the compiled "
        "models, which give LightGBM's outputs (checked when loaded). Takes two to three minutes "
        "(about 0.9 GB of memory); good builds already in the cache are kept.")
    p.add_argument("--cache-dir", default=None, help="cache folder (default: see above)")
    p.add_argument("--force", action="store_true", help="rebuild even good cached builds")
    p.add_argument("--status", action="store_true",
                   help="only report which models have a usable build; compile nothing")
    p.set_defaults(func=run)


def _say(msg: str) -> None:
    print(f"pageparts compile: {msg}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    where = cache_dir(args.cache_dir)
    if args.status:
        results = compiled_status(where)
    else:
        _say(f"cache folder {where}")
        results = compile_models(where, force=args.force, log=_say)
    sys.stdout.write(_table(results))
    ok = ("compiled", "cached")
    return 0 if results and all(r.status in ok for r in results) else 1


def _table(results: list[CompileResult]) -> str:
    lines = ["| model | status | build | seconds | file |", "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r.label} | {r.status} | {r.form} | {r.seconds:.1f} | "
                     f"{r.path.name if r.path else ''} |")
    total = sum(r.seconds for r in results)
    return "\n".join([*lines, "", f"{len(results)} models, {total:.1f}s in all"]) + "\n"
