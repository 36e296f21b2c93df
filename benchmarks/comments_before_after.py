"""pageparts with its HTML comment finder on and off, cross-validated on the same folds.

    nice -n 10 python benchmarks/comments_before_after.py wcxb-dev --cv 3 --sample 300 \
        [--seed 0] [--peers trafilatura] [--out benchmarks/results/FILE.md] [--json FILE.json]

One ``pageparts eval`` run with ``EvalConfig(comments="both")``: in every fold two pageparts
models are trained on the same pages, one with ``Options()`` and one with
``Options(comments=False)`` (no thread features at training or at test time), and both are scored
on the same held-out pages. Prints (and with ``--out`` writes) the usual eval report and a
before/after table of word F1 per page type ("before" = comment finder off).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pageparts.eval.report import format_report
from pageparts.eval.run import NO_COMMENTS, EvalConfig, evaluate


def before_after(report: dict[str, Any]) -> str:
    """Markdown: per pack, word P/R/F1 by page type with the comment finder off and on."""
    lines: list[str] = []
    for pack, systems in report["packs"].items():
        on, off = systems.get("pageparts"), systems.get(NO_COMMENTS)
        if not on or not off:
            continue
        lines += [f"### {pack}: word F1 by page type, comment finder off (before) / on (after)",
                  "", "| page type | pages | P before | P after | R before | R after "
                  "| F1 before | F1 after | F1 change |", "|---|---|---|---|---|---|---|---|---|"]
        groups = [*sorted(on.get("word_by_page_type", {})), "all"]
        for g in groups:
            a = on["word"] if g == "all" else on["word_by_page_type"].get(g)
            b = off["word"] if g == "all" else off["word_by_page_type"].get(g)
            if not a or not b:
                continue
            name = f"**{g}**" if g == "all" else g
            lines.append(f"| {name} | {a['n']} | {b['precision']:.3f} | {a['precision']:.3f} "
                         f"| {b['recall']:.3f} | {a['recall']:.3f} | {b['f1']:.3f} "
                         f"| {a['f1']:.3f} | {a['f1'] - b['f1']:+.3f} |")
        rows = [(k, on.get(k), off.get(k)) for k in ("shingle", "snippet")]
        for k, a, b in rows:
            if a and b:
                lines.append(f"\n{k} F1: {b['f1']:.3f} before, {a['f1']:.3f} after "
                             f"({a['f1'] - b['f1']:+.3f})")
        pt_a, pt_b = on.get("page_type"), off.get("page_type")
        if pt_a and pt_b:
            lines.append(f"\npage-type accuracy: {pt_b['accuracy']:.3f} before, "
                         f"{pt_a['accuracy']:.3f} after ({pt_a['n']} pages)")
        lines += _paired(on, off)
        leak_a, leak_b = on.get("comments_in_main_text"), off.get("comments_in_main_text")
        if leak_a and leak_b:
            lines.append(f"\nreader-comment snippets in main text: {leak_b['share']:.3f} before, "
                         f"{leak_a['share']:.3f} after ({leak_a['snippets']} snippets)")
        lines.append("")
    return "\n".join(lines) + "\n"


def _paired(on: dict[str, Any], off: dict[str, Any]) -> list[str]:
    """Per page type: the change on pages where the finder gave a thread and where it did not
    (there, only the retrained model differs), and how many pages moved by more than 0.01."""
    before = {r["id"]: r for r in off.get("page_scores", [])}
    rows = [(r, before[r["id"]]) for r in on.get("page_scores", []) if r["id"] in before]
    if not rows:
        return []
    lines = ["", "Paired by page (change = after - before; a thread = the finder gave comments):",
             "", "| page type | pages with a thread | change there | pages without "
             "| change there | better / worse by > 0.01 |", "|---|---|---|---|---|---|"]
    for g in [*sorted({str(a["page_type"]) for a, _ in rows}), "all"]:
        sel = [(a, b) for a, b in rows if g == "all" or str(a["page_type"]) == g]
        d_thread = [a["word_f1"] - b["word_f1"] for a, b in sel if a["comments"]]
        d_none = [a["word_f1"] - b["word_f1"] for a, b in sel if not a["comments"]]
        moved = [a["word_f1"] - b["word_f1"] for a, b in sel]
        up, down = sum(d > 0.01 for d in moved), sum(d < -0.01 for d in moved)
        lines.append(f"| {g} | {len(d_thread)} | {_mean(d_thread)} | {len(d_none)} "
                     f"| {_mean(d_none)} | {up} / {down} |")
    return lines


def _mean(xs: list[float]) -> str:
    return f"{sum(xs) / len(xs):+.3f}" if xs else "—"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("packs", nargs="+")
    ap.add_argument("--cv", type=int, default=3)
    ap.add_argument("--cv-train", choices=("all", "subset"), default="all")
    ap.add_argument("--sample", type=int, default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--peers", default="trafilatura,resiliparse",
                    help="comma-separated peers, or 'none'")
    ap.add_argument("--out", type=Path, default=None, help="also write the Markdown here")
    ap.add_argument("--json", type=Path, default=None, help="also write the report JSON here")
    args = ap.parse_args(argv)
    peers = tuple(p for p in args.peers.split(",") if p and p != "none")
    config = EvalConfig(packs=tuple(args.packs), sample=args.sample, limit=args.limit,
                        seed=args.seed, peers=peers, cv=args.cv, cv_train=args.cv_train,
                        comments="both", per_page=True)
    report = evaluate(config)
    cmd = " ".join(sys.argv[1:] if argv is None else argv)
    text = (f"`python benchmarks/comments_before_after.py {cmd}`\n\n"
            f"{before_after(report)}\n{format_report(report)}")
    sys.stdout.write(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
