"""Cross-validation with the fold models kept: train once, then score assembly changes in seconds.

``pageparts eval --cv 3`` trains each fold's models and throws them away. Changes that do not
touch the features or the training (assembly rules, thresholds, page-type overrides) can reuse
the fold models: this script writes them to a folder once (about five minutes for HTML) and then
scores the held-out pages of each fold with its own fold's models, with the eval's own scorers,
in about twenty seconds for 800 pages.

    python benchmarks/fold_models.py train DIR [--kind html|text]
    python benchmarks/fold_models.py score DIR OUT.json [--kind text --render wet]
        [--threshold T] [--type-thresholds '{"listing": 0.35}'] [--oracle] [--rest]

The folds are those of ``pageparts eval wcxb-dev trafilatura-a --cv 3 --sample 400`` (HTML; the
same numbers) or of ``benchmarks/text_eval.py`` (text: 300 wcxb-dev pages scored, all pages of the
three packs in the pool). ``--rest`` scores the wcxb-dev pages outside the sample instead, each
with the fold model that did not see its site: a second held-out set to check that a setting
chosen on the sample carries over. ``--oracle`` forces each page's gold page type (how much a
better page-type model could give). The score command reads the code it runs, so point
``PYTHONPATH`` at a worktree to score a change with the same fold models.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

from pageparts import Options
from pageparts.eval.packs import (
    PackPage,
    grouped_folds,
    joined_folds,
    load_pack,
    pack_ids,
    resolve_pack,
)
from pageparts.eval.render import load_renderer
from pageparts.eval.run import EvalConfig, _cv_note, _report, _run_page, select_pages
from pageparts.eval.score import PackScore
from pageparts.eval.systems import PagepartsSystem
from pageparts.model import FIELD_FILES, Models, expected_features, load_booster

#: Models field → (file name, feature names).
FILES = {field: (name, expected_features(name)) for field, name in FIELD_FILES.items()}
OTHER_TEXT_PACKS = ("trafilatura-a", "readability")


def _config(kind: str, render: str | None = None) -> EvalConfig:
    packs = ("wcxb-dev", "trafilatura-a") if kind == "html" else ("wcxb-dev",)
    return EvalConfig(packs=packs, cv=3, sample=400 if kind == "html" else 300, seed=0,
                      peers=(), kind=kind, render=render, per_page=True)


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def train(out: Path, kind: str, extra: tuple[str, ...] | None = None) -> None:
    from pageparts.train import RowCache, fit_models

    cfg = _config(kind)
    _, pool = select_pages(cfg)
    # besides the scored packs, the folds learn from these (default for text: as the shipped
    # text models, every page of the three packs)
    if extra is None:
        extra = OTHER_TEXT_PACKS if kind == "text" else ()
    k = cfg.cv or 3
    if kind == "text":  # folds dealt over the whole pool, as benchmarks/text_eval.py does
        for name in extra:
            path = resolve_pack(name)
            pool += load_pack(path, ids=sorted(pack_ids(path)))
        folds = grouped_folds(pool, k, cfg.seed)
    else:  # the eval's folds; a page of another pack joins its site's fold (as --cv-also)
        folds = grouped_folds(pool, k, cfg.seed)
        also = [page for name in extra for page in load_pack(resolve_pack(name))]
        folds += joined_folds(pool, folds, also, k)
        pool += also
    cache = RowCache()
    for fold in range(k):
        t0 = time.perf_counter()
        models = fit_models([p for p, f in zip(pool, folds, strict=True) if f != fold],
                            kind=kind, cache=cache, log=_log)
        folder = out / f"f{fold}"
        folder.mkdir(parents=True, exist_ok=True)
        for field, (name, _) in FILES.items():
            model = getattr(models, field)
            if model is not None:
                (folder / name).write_text(model.to_string(), encoding="utf-8")
        _log(f"fold {fold + 1}/{k} trained in {time.perf_counter() - t0:.0f} s")
    fold_of = {f"{p.pack}/{p.id}": f for p, f in zip(pool, folds, strict=True)}
    (out / "folds.json").write_text(json.dumps(fold_of), encoding="utf-8")


def _load(folder: Path) -> Models:
    found = {}
    for field, (name, names) in FILES.items():
        if (folder / name).exists():
            found[field] = load_booster((folder / name).read_text(encoding="utf-8"), names, name)
    return Models(**found)


def score(src: Path, out: Path, *, kind: str, render: str | None, options: Options,
          rest: bool, oracle: bool) -> None:
    cfg = _config(kind, render)
    scored, pool = select_pages(cfg)
    if rest:
        chosen = {(p.pack, p.id) for p in scored}
        scored = [p for p in pool if p.pack == "wcxb-dev" and (p.pack, p.id) not in chosen]
    fold_of = json.loads((src / "folds.json").read_text(encoding="utf-8"))
    renderer = load_renderer(render) if kind == "text" else None
    scores: dict[str, dict[str, PackScore]] = {}

    def score_for(page: PackPage, system: Any) -> PackScore:
        return scores.setdefault(page.pack, {}).setdefault(system.name, PackScore(
            system.name, does_metadata=True, does_comments=True, does_page_type=True,
            keep_pages=True))

    t0 = time.perf_counter()
    done = 0
    for k in range(cfg.cv or 0):
        models = _load(src / f"f{k}")
        system = PagepartsSystem(models, kind=kind, render=renderer, options=options)
        for page in (p for p in scored if fold_of[f"{p.pack}/{p.id}"] == k):
            gold_type = page.gold.get("page_type")
            if oracle and isinstance(gold_type, str):
                system = PagepartsSystem(models, kind=kind, render=renderer,
                                         options=dataclasses.replace(options, page_type=gold_type))
            _run_page(page, [system], done, score_for)
            done += 1
    report = _report(cfg, scores, cv_note=_cv_note(cfg), pages=len(scored))
    out.write_text(json.dumps(report), encoding="utf-8")
    _log(f"scored {done} pages in {time.perf_counter() - t0:.0f} s")


def _type_thresholds(spec: str) -> None:
    """Per-page-type thresholds, for trying them out: wraps ``assemble.label_blocks``."""
    from pageparts import assemble

    per_type = json.loads(spec)
    original = assemble.label_blocks

    def label_blocks(parsed: Any, page_type: str, options: Options) -> int | None:
        t = per_type.get(page_type)
        if t is not None:
            # undo the shipped per-type shift, so the number given is the bar used
            t += assemble.lower_bar(parsed.page.kind, page_type)
            options = dataclasses.replace(options, threshold=t)
        return original(parsed, page_type, options)

    assemble.label_blocks = label_blocks  # type: ignore[assignment]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("train", "score"))
    ap.add_argument("folder", type=Path)
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--kind", choices=("html", "text"), default="html")
    ap.add_argument("--render", choices=("bullets", "wet"), default=None)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--type-thresholds", default=None, help='JSON, e.g. {"listing": 0.35}')
    ap.add_argument("--extra-packs", nargs="*", default=None,
                    help="train: packs the folds also learn from (default: none for html; "
                    "trafilatura-a and readability for text)")
    ap.add_argument("--oracle", action="store_true", help="force each page's gold page type")
    ap.add_argument("--rest", action="store_true",
                    help="score the wcxb-dev pages outside the sample")
    args = ap.parse_args()
    if args.command == "train":
        train(args.folder, args.kind,
              None if args.extra_packs is None else tuple(args.extra_packs))
        return 0
    if args.out is None:
        ap.error("score needs OUT.json")
    if args.kind == "text" and args.render is None:
        ap.error("--kind text needs --render bullets|wet")
    if args.type_thresholds:
        _type_thresholds(args.type_thresholds)
    options = Options() if args.threshold is None else Options(threshold=args.threshold)
    score(args.folder, args.out, kind=args.kind, render=args.render, options=options,
          rest=args.rest, oracle=args.oracle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
