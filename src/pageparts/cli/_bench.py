"""``pageparts bench``: pages/second beside trafilatura and resiliparse, peak RSS, a huge page."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .._errors import InputError
from ..eval.bench import BenchConfig, bench, format_bench


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "bench", help="speed and memory of pageparts beside trafilatura and resiliparse",
        description="Time pageparts and its peers on the same decoded pages (best of --repeat "
        "passes, systems interleaved), measure each one's peak RSS in a fresh process, and time "
        "one large synthetic page. Other jobs on the machine skew absolute numbers; the ratios "
        "hold better.")
    p.add_argument("packs", nargs="*", default=["wcxb-dev", "trafilatura-a"], metavar="PACK",
                   help="packs to draw pages from (default: wcxb-dev trafilatura-a)")
    p.add_argument("--datasets", default=None, help="folder holding the packs")
    p.add_argument("--sample", type=int, default=200, help="pages in all (split across packs)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--repeat", type=int, default=2, help="timed passes; the best one counts")
    p.add_argument("--peers", default="trafilatura,trafilatura-text,resiliparse",
                   help="comma-separated peers (trafilatura: text, comments and metadata; "
                   "trafilatura-text: extract() main text only; resiliparse), or 'none'")
    p.add_argument("--big-mb", type=float, default=50.0,
                   help="size of the synthetic page in MB (0: skip it)")
    p.add_argument("--big-peers", action="store_true",
                   help="also run trafilatura on the synthetic page (slow)")
    p.add_argument("--no-memory", action="store_true", help="skip the peak-RSS runs")
    p.add_argument("--compiled", action="store_true",
                   help="compile the models first (needs the 'fast' extra; minutes the first "
                   "time, then cached) and time pageparts with LightGBM beside the builds")
    p.add_argument("--json", dest="json_out", default=None, metavar="OUT",
                   help="also write the report as JSON to OUT")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.sample < 1 or args.repeat < 1:
        raise InputError("--sample and --repeat must be at least 1")
    if args.big_mb < 0:
        raise InputError("--big-mb must be 0 (skip) or more")
    peers = tuple(n.strip() for n in args.peers.split(",") if n.strip() not in ("", "none"))
    config = BenchConfig(packs=tuple(args.packs), datasets=args.datasets, sample=args.sample,
                         seed=args.seed, repeat=args.repeat, peers=peers, big_mb=args.big_mb,
                         big_peers=args.big_peers, memory=not args.no_memory,
                         compiled=args.compiled)
    report = bench(config)
    sys.stdout.write(format_bench(report))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0
