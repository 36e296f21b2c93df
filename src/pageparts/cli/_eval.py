"""``pageparts eval PACK...``: score pageparts and its peers on benchmark packs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .._errors import InputError
from ..eval.report import format_report
from ..eval.run import EvalConfig, evaluate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "eval", help="score pageparts (and trafilatura, resiliparse) on benchmark packs",
        description="Score pageparts and its peers on benchmark packs (word, shingle and snippet "
        "F1, metadata, page type, pages/second). Without --cv the shipped model is scored, "
        "which was trained on these packs: those numbers are not cross-validated.")
    p.add_argument("packs", nargs="+", metavar="PACK",
                   help="a pack name (wcxb-dev, trafilatura-a, readability) or a pack folder")
    p.add_argument("--datasets", default=None,
                   help="folder holding the packs (default: $PAGEPARTS_DATASETS, else "
                   "shared/datasets beside the checkout)")
    p.add_argument("--cv", nargs="?", type=int, const=5, default=None, metavar="K",
                   help="cross-validate pageparts with K folds grouped by site (default K: 5)")
    p.add_argument("--cv-train", choices=("all", "subset"), default="all",
                   help="with --cv, train each fold on all pack pages outside it, or only on "
                   "the selected pages outside it (quicker)")
    p.add_argument("--cv-also", nargs="+", default=(), metavar="PACK",
                   help="with --cv, packs each fold also learns from (never scored; a page goes "
                   "to its site's fold), e.g. readability, to measure what a pack brings")
    p.add_argument("--limit", type=int, default=None, help="only the first N pages of each pack")
    p.add_argument("--sample", type=int, default=None,
                   help="a deterministic random sample of N pages of each pack")
    p.add_argument("--seed", type=int, default=0, help="seed for --sample and the folds")
    p.add_argument("--peers", default="trafilatura,resiliparse",
                   help="comma-separated peers to run beside pageparts (trafilatura, "
                   "trafilatura-text, resiliparse), or 'none'")
    p.add_argument("--kind", choices=("html", "text"), default="html",
                   help="text: pageparts reads a plain-text rendering of each page")
    p.add_argument("--render", choices=("bullets", "wet"), default=None,
                   help="with --kind text: how pages are rendered (default: bullets)")
    p.add_argument("--comments", choices=("on", "off", "both"), default="on",
                   help="pageparts with its HTML comment finder on, off (with --cv the fold "
                   "models are trained without it too), or both side by side")
    p.add_argument("--per-page", action="store_true",
                   help="keep each page's word F1 per system in the JSON report")
    p.add_argument("--json", dest="json_out", default=None, metavar="OUT",
                   help="also write the full report as JSON to OUT")
    p.set_defaults(func=run)


def _peers(value: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    return () if names in ((), ("none",)) else names


def run(args: argparse.Namespace) -> int:
    for flag in ("limit", "sample", "cv"):
        value = getattr(args, flag)
        if value is not None and value < (2 if flag == "cv" else 1):
            raise InputError(f"--{flag.replace('_', '-')} must be at least "
                             f"{2 if flag == 'cv' else 1}, not {value}")
    if args.cv_also and args.cv is None:
        raise InputError("--cv-also only applies with --cv")
    if args.render and args.kind != "text":
        raise InputError("--render only applies with --kind text")
    config = EvalConfig(packs=tuple(args.packs), datasets=args.datasets, limit=args.limit,
                        sample=args.sample, seed=args.seed, peers=_peers(args.peers),
                        cv=args.cv, cv_train=args.cv_train, kind=args.kind, render=args.render,
                        comments=args.comments, per_page=args.per_page,
                        cv_also=tuple(args.cv_also))
    report = evaluate(config)
    sys.stdout.write(format_report(report))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    return 0
