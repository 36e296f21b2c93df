"""``evaluate``: packs → pages → every system on the same decoded page, timed → scores.

Systems take turns page by page (in rotating order), so a load spike on the shared machine hits
them all alike. With ``cv=k`` pageparts is scored with models trained on the other folds only;
folds are grouped by site (:func:`~pageparts.eval.packs.grouped_folds`).

``comments="off"`` scores pageparts with its HTML comment finder off (``Options(comments=False)``),
and with ``cv`` its fold models are trained with it off too, so the thread features are absent at
training and at test time; ``"both"`` scores the two side by side on the same folds.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from .._errors import PagepartsError
from .._options import Options
from ..decode import decode
from .packs import (
    PackPage,
    datasets_dir,
    grouped_folds,
    joined_folds,
    load_pack,
    pack_ids,
    resolve_pack,
    subset,
)
from .peers import load_peers
from .render import load_renderer
from .score import PackScore
from .systems import Output, PagepartsSystem, System

__all__ = ["COMMENT_MODES", "EvalConfig", "evaluate", "select_pages"]

Log = Callable[[str], None]
Fit = Callable[[list[PackPage], str, Options], Any]

#: ``EvalConfig.comments``: which pageparts runs are scored (comment finder on, off, or both).
COMMENT_MODES = {"on": (True,), "off": (False,), "both": (True, False)}
#: The name pageparts is reported under with its comment finder off.
NO_COMMENTS = "pageparts-no-comments"


def _stderr(msg: str) -> None:
    print(f"pageparts eval: {msg}", file=sys.stderr, flush=True)


@dataclass(frozen=True, slots=True)
class EvalConfig:
    """One evaluation run, as the CLI (or a script) asks for it."""

    packs: tuple[str, ...]
    datasets: str | None = None
    limit: int | None = None
    sample: int | None = None
    seed: int = 0
    peers: tuple[str, ...] = ("trafilatura", "resiliparse")
    cv: int | None = None
    #: With cv: train on every page of the packs outside the held-out fold ("all"), or only on
    #: the selected pages outside it ("subset", quicker).
    cv_train: str = "all"
    kind: str = "html"
    render: str | None = None
    #: "on" (default), "off": pageparts without its HTML comment finder (trained without it too
    #: under cv), or "both", side by side.
    comments: str = "on"
    #: Also report each page's word F1 per system (``page_scores``), for paired comparisons.
    per_page: bool = False
    #: With cv: packs that each fold also learns from (every page outside the fold; a page goes
    #: to its site's fold), never scored: e.g. ``("readability",)``, to measure what it brings.
    cv_also: tuple[str, ...] = ()


def select_pages(config: EvalConfig) -> tuple[list[PackPage], list[PackPage]]:
    """(pages to score, pages available for training), read from the configured packs."""
    root = datasets_dir(config.datasets)
    scored: list[PackPage] = []
    pool: list[PackPage] = []
    for name in config.packs:
        path = resolve_pack(name, root)
        ids = pack_ids(path)
        chosen = subset(ids, limit=config.limit, sample=config.sample, seed=config.seed)
        wanted = set(chosen)
        train_all = config.cv is not None and config.cv_train == "all"
        pages = load_pack(path, ids=None if train_all else chosen)
        scored.extend(p for p in pages if p.id in wanted)
        pool.extend(pages)
    return scored, pool


def _fit_models(log: Log) -> Fit:
    """``pageparts.train.fit_models`` with one row cache per comment setting, shared by every
    fold. With the comment finder off, the rows are built with those options before training
    (``fit_models`` builds rows with the default options), and it is checked that the model was
    trained on those rows only."""
    try:
        train: Any = importlib.import_module("pageparts.train")
        fit_models = train.fit_models
    except (ImportError, AttributeError) as exc:
        raise PagepartsError(
            "--cv needs pageparts.train.fit_models, which this build does not have; "
            f"run without --cv to score the shipped model ({exc})") from exc
    has_cache = hasattr(train, "RowCache")
    caches: dict[Options, Any] = {}

    def fit(pages: list[PackPage], kind: str, options: Options) -> Any:
        if options == Options():
            if not has_cache:
                return fit_models(pages, kind=kind)
            cache = caches.setdefault(options, train.RowCache())
            return fit_models(pages, kind=kind, cache=cache, log=log)
        if not has_cache:
            raise PagepartsError("--cv with non-default options needs pageparts.train.RowCache")
        cache = caches.setdefault(options, train.RowCache())
        _fill_rows(cache, pages, kind, options, log)
        known = len(cache.rows)
        models = fit_models(pages, kind=kind, cache=cache, log=log)
        if len(cache.rows) != known:  # fit_models built rows of its own, with default options
            raise PagepartsError("training rows were built with the default options, not with "
                                 f"{options}; the fold model would not be honest")
        return models

    return fit


def _fill_rows(cache: Any, pages: list[PackPage], kind: str, options: Options, log: Log) -> None:
    """Put each page's training rows, read with ``options``, in ``cache`` (keys as fit_models
    uses them: (pack, id, rendering or kind))."""
    fit_mod: Any = importlib.import_module("pageparts.train.fit")
    renderings: tuple[str | None, ...] = (None,) if kind == "html" else fit_mod.TEXT_RENDERINGS
    todo = [(p, r) for p in pages for r in renderings
            if (p.pack, p.id, r or kind) not in cache.rows]
    for i, (page, rendering) in enumerate(todo):
        cache.rows[(page.pack, page.id, rendering or kind)] = fit_mod.page_rows(
            page, kind, rendering, options=options)
        if (i + 1) % 200 == 0:
            log(f"  featurized {i + 1}/{len(todo)} pages with {_options_note(options)}")


def _options_note(options: Options) -> str:
    return "the comment finder off" if not options.comments else "default options"


def _systems_options(config: EvalConfig) -> list[tuple[str, Options]]:
    """(name, options) of each pageparts run the config asks for."""
    if config.comments not in COMMENT_MODES:
        raise PagepartsError(f"comments must be one of {', '.join(COMMENT_MODES)}, "
                             f"not {config.comments!r}")
    if config.comments != "on" and config.kind != "html":
        raise PagepartsError("the comment finder can only be switched off in HTML mode (the "
                             "text reader always threads bullet comments)")
    return [("pageparts" if on else NO_COMMENTS, Options(comments=on))
            for on in COMMENT_MODES[config.comments]]


def evaluate(config: EvalConfig, *, log: Log = _stderr) -> dict[str, Any]:
    """Run every system over the configured pages; return the report (JSON-ready)."""
    scored, pool = select_pages(config)
    if not scored:
        raise PagepartsError("no pages selected; check the pack names and --limit/--sample")
    render = load_renderer(config.render) if config.kind == "text" else None
    peers = load_peers(list(config.peers), warn=log)
    if config.kind == "text" and render is not None:
        # the text-mode baselines read the same rendering: the whole text, and C4's line rules
        from ..text.baselines import baseline_systems

        peers = [*baseline_systems(render), *peers]
    scores: dict[str, dict[str, PackScore]] = {}

    t_start = time.perf_counter()
    done = 0
    for fold_pages, pageparts in _pageparts_runs(config, scored, pool, render, log):
        systems: list[System] = [*pageparts, *peers]

        def score_for(page: PackPage, system: System, systems: list[System] = systems) -> PackScore:
            if page.pack not in scores:  # one row per system, pageparts first
                scores[page.pack] = {s.name: PackScore(
                    s.name, does_metadata=s.does_metadata, does_comments=s.does_comments,
                    does_page_type=s.does_page_type, keep_pages=config.per_page)
                    for s in systems}
            return scores[page.pack][system.name]

        _warm_up(systems, fold_pages[:1])
        for page in fold_pages:
            _run_page(page, systems, done, score_for)
            done += 1
            if done % 50 == 0:
                log(f"{done}/{len(scored)} pages, {time.perf_counter() - t_start:.0f}s")
    return _report(config, scores, cv_note=_cv_note(config), pages=len(scored))


def _pageparts_runs(config: EvalConfig, scored: list[PackPage], pool: list[PackPage],
                    render: Callable[[str], str] | None,
                    log: Log) -> Iterator[tuple[list[PackPage], list[PagepartsSystem]]]:
    """(pages, pageparts systems) pairs: one with the shipped model, or one per fold, each fold
    trained only when the previous one has been scored (one fold's models in memory at a time).
    There is one system per comment setting asked for (see ``EvalConfig.comments``)."""
    runs = _systems_options(config)
    if config.cv is None:
        yield scored, [PagepartsSystem(kind=config.kind, render=render, name=name, options=opts)
                       for name, opts in runs]
        return
    fit = _fit_models(log)
    folds = grouped_folds(pool, config.cv, config.seed)
    fold_of = {(p.pack, p.id): f for p, f in zip(pool, folds, strict=True)}
    root = datasets_dir(config.datasets)
    also = [page for name in config.cv_also for page in load_pack(resolve_pack(name, root))]
    also_folds = joined_folds(pool, folds, also, config.cv)
    for fold in range(config.cv):
        held = [p for p in scored if fold_of[(p.pack, p.id)] == fold]
        if not held:  # no selected page in this fold: nothing to score its model on
            continue
        train = [p for p, f in zip(pool, folds, strict=True) if f != fold]
        train += [p for p, f in zip(also, also_folds, strict=True) if f != fold]
        held_groups = {p.group for p in held}
        if any(p.group in held_groups for p in train):  # grouped_folds guarantees this
            raise PagepartsError(f"fold {fold}: a site is both trained on and scored")
        systems = []
        for name, opts in runs:
            log(f"fold {fold + 1}/{config.cv}: training on {len(train)} pages, "
                f"scoring {len(held)}" + ("" if opts.comments else f" ({name})"))
            systems.append(PagepartsSystem(fit(train, config.kind, opts), kind=config.kind,
                                           render=render, name=name, options=opts))
        yield held, systems


def _warm_up(systems: list[System], pages: list[PackPage]) -> None:
    """Run each system once, untimed and unscored, so lazy imports and caches are not timed."""
    for page in pages:
        try:
            decoded = decode(page.html, Options(), kind="html", url=page.url).content
        except PagepartsError:
            return
        for system in systems:
            system.run(system.prepare(decoded), page.url)


def _run_page(page: PackPage, systems: list[System], turn: int,
              score_for: Callable[[PackPage, System], PackScore]) -> None:
    try:
        decoded = decode(page.html, Options(), kind="html", url=page.url).content
    except PagepartsError as exc:  # undecodable page: every system gets the same failure
        for system in systems:
            score_for(page, system).add(Output("", status=f"error: {exc}"), page.gold, 0.0)
        return
    shown = _shown_text(decoded) if page.gold.get("comments") else None
    k = turn % len(systems)
    for system in systems[k:] + systems[:k]:
        given = system.prepare(decoded)
        t0 = time.perf_counter()
        out = system.run(given, page.url)
        score_for(page, system).add(out, page.gold, time.perf_counter() - t0, shown=shown)


def _shown_text(html: str) -> str:
    """All the text a page's HTML holds outside scripts and styles: comment snippets not in it
    are loaded by scripts, and no extractor of the stored page can find them."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "template"])
    root = tree.body or tree.root
    return root.text(separator=" ") if root is not None else ""


def _cv_note(config: EvalConfig) -> str:
    if config.cv is None:
        note = ("pageparts: shipped model, NOT cross-validated (it was trained on these packs; "
                "use --cv K for honest numbers)")
    else:
        train = "all pages" if config.cv_train == "all" else "the selected pages"
        note = (f"pageparts: {config.cv}-fold cross-validated, folds grouped by site; each fold's "
                f"model trained on {train} of the packs outside the fold")
        if config.cv_also:
            note += (f", and on the pages of {', '.join(config.cv_also)} outside it (each "
                     "with its site's fold; never scored)")
    if config.comments != "on":
        note += (f"; {NO_COMMENTS}: the HTML comment finder off"
                 + (", in training too" if config.cv is not None else
                    " (the shipped model was trained with it on)"))
    return note


def _report(config: EvalConfig, scores: dict[str, dict[str, PackScore]], *, cv_note: str,
            pages: int) -> dict[str, Any]:
    cfg = asdict(config)
    totals: dict[str, dict[str, float]] = {}
    for by_system in scores.values():
        for name, s in by_system.items():
            t = totals.setdefault(name, {"pages": 0, "seconds": 0.0})
            t["pages"] += s.pages
            t["seconds"] += s.seconds
    speed = {name: {"pages": int(t["pages"]), "seconds": round(t["seconds"], 3),
                    "pages_per_second": round(t["pages"] / t["seconds"], 2) if t["seconds"] else 0}
             for name, t in totals.items()}
    return {
        "config": cfg,
        "note": cv_note,
        "pages": pages,
        "speed": speed,
        "packs": {pack: {name: s.to_dict() for name, s in by_system.items()}
                  for pack, by_system in scores.items()},
    }

