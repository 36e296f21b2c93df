"""Text-mode evaluation: word F1 of pageparts, the whole rendering and C4's line rules, per
rendering, cross-validated with folds grouped by site.

``evaluate_text(pages, ...)`` is the entry point ``pageparts eval --kind text`` can call (or
:func:`~pageparts.text.baselines.baseline_systems` can be added to its systems); it is also what
the numbers in ``notes/text.md`` come from. Rendering is not timed (a dump is made elsewhere);
extraction is, one page at a time on one core.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._api import Extractor
from .._errors import PagepartsError
from .._options import Options
from ..eval.metrics import WordScore
from .baselines import c4_lines, whole_text
from .render import STYLES, render

if TYPE_CHECKING:
    from ..eval.packs import PackPage
    from ..model import Models

__all__ = ["TextEval", "evaluate_text", "format_table"]

Log = Callable[[str], None]
SYSTEMS = ("pageparts", "whole-text", "c4-rules")


@dataclass
class TextEval:
    """Scores by (rendering, system), and pageparts' extraction time by rendering."""

    scores: dict[tuple[str, str], WordScore] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    note: str = ""
    #: by rendering: [pages whose predicted page type is the gold one, pages with a gold type]
    page_type: dict[str, list[int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"note": self.note, "errors": self.errors, "renderings": {}}
        for (style, system), s in self.scores.items():
            r = out["renderings"].setdefault(style, {"systems": {}})
            r["systems"][system] = {
                "all": s.result().to_dict(),
                "by_page_type": {g: s.result(g).to_dict() for g in s.groups()},
            }
            hits = self.page_type.get(style)
            r["page_type_accuracy"] = round(hits[0] / hits[1], 4) if hits and hits[1] else None
            r["pages_per_second"] = round(self.pages[style] / self.seconds[style], 1) \
                if self.seconds.get(style) else None
        return out


def _gold_text(page: PackPage) -> str | None:
    text = page.gold.get("text")
    return text if isinstance(text, str) else None


def _score_fold(result: TextEval, pages: Sequence[PackPage], extractor: Extractor,
                styles: Sequence[str]) -> None:
    for page in pages:
        gold = _gold_text(page)
        if gold is None:
            continue
        pt = page.gold.get("page_type")
        group = pt if isinstance(pt, str) else None
        for style in styles:
            try:
                text = render(page.html, style)
            except PagepartsError:
                text = ""
            t0 = time.perf_counter()
            predicted = None
            try:
                if text:
                    doc = extractor.extract(text, kind="text", url=page.url)
                    out, predicted = doc.text, doc.page_type
                else:
                    out = ""
            except (PagepartsError, ValueError) as exc:
                # ValueError: guards the run against a failure in shared assembly; counted
                out = ""
                result.errors.append(f"{page.id} ({style}): {type(exc).__name__}: {exc}")
            result.seconds[style] = result.seconds.get(style, 0.0) + time.perf_counter() - t0
            result.pages[style] = result.pages.get(style, 0) + 1
            if group is not None:
                hits = result.page_type.setdefault(style, [0, 0])
                hits[0] += predicted == group
                hits[1] += 1
            for name, pred in (("pageparts", out), ("whole-text", whole_text(text)),
                               ("c4-rules", c4_lines(text))):
                result.scores.setdefault((style, name), WordScore()).add(pred, gold, group)


def evaluate_text(pages: Sequence[PackPage], *, styles: Sequence[str] = STYLES,
                  cv: int | None = 3, seed: int = 0, models: Models | None = None,
                  train_pool: Sequence[PackPage] | None = None,
                  log: Log | None = None) -> TextEval:
    """Score the text mode on ``pages`` (pages with gold ``text``).

    With ``cv=k``, each fold's text model is trained (``fit_models(kind="text")``) on the pages
    of ``train_pool`` (default: ``pages``) outside the fold, folds grouped by site; with
    ``cv=None`` the given (or shipped) ``models`` are scored, which is not held-out.
    """
    result = TextEval()
    if cv is None:
        result.note = "shipped text model, NOT cross-validated"
        _score_fold(result, pages, Extractor(Options(), models=models), styles)
        return result
    from ..eval.packs import grouped_folds
    from ..train import RowCache, fit_models

    pool = list(train_pool if train_pool is not None else pages)
    scored_keys = {(p.pack, p.id) for p in pages}
    folds = grouped_folds(pool, cv, seed)
    fold_of = {(p.pack, p.id): f for p, f in zip(pool, folds, strict=True)}
    cache = RowCache()
    for fold in range(cv):
        held = [p for p in pages if fold_of.get((p.pack, p.id)) == fold]
        train = [p for p, f in zip(pool, folds, strict=True)
                 if f != fold and (p.pack, p.id) not in {(h.pack, h.id) for h in held}]
        held_groups = {p.group for p in held}
        if any(p.group in held_groups for p in train):
            raise PagepartsError(f"fold {fold}: a site is both trained on and scored")
        if log:
            log(f"fold {fold + 1}/{cv}: training on {len(train)} pages, scoring {len(held)}")
        fold_models = fit_models(train, kind="text", cache=cache, log=log)
        _score_fold(result, held, Extractor(Options(), models=fold_models), styles)
    n = len(scored_keys)
    result.note = (f"{cv}-fold cross-validated on {n} pages, folds grouped by site; each fold's "
                   f"text model trained on the pool pages outside the fold")
    return result


def format_table(result: TextEval) -> str:
    """A Markdown table: word F1 (P/R) overall and on articles, per rendering and system."""
    rows = ["| rendering | system | word F1 | P | R | article F1 | pages | pages/s | page type |",
            "|---|---|---|---|---|---|---|---|---|"]
    for (style, system), s in sorted(result.scores.items(),
                                     key=lambda kv: (kv[0][0], SYSTEMS.index(kv[0][1]))):
        a = s.result()
        art = s.result("article") if "article" in s.groups() else None
        speed = kind = ""
        if system == "pageparts" and result.seconds.get(style):
            speed = f"{result.pages[style] / result.seconds[style]:.0f}"
        hits = result.page_type.get(style)
        if system == "pageparts" and hits and hits[1]:
            kind = f"{hits[0] / hits[1]:.3f}"
        rows.append(f"| {style} | {system} | {a.f1:.3f} | {a.precision:.3f} | {a.recall:.3f} | "
                    f"{art.f1 if art else float('nan'):.3f} | {a.n} | {speed} | {kind} |")
    groups = sorted({g for s in result.scores.values() for g in s.groups()})
    styles = sorted({style for style, _ in result.scores})
    if groups:
        rows += ["", "pageparts word F1 by page type:", "",
                 "| page type | " + " | ".join(styles) + " |",
                 "|---|" + "---|" * len(styles)]
        for g in groups:
            cells = []
            for style in styles:
                score = result.scores.get((style, "pageparts"))
                cells.append(f"{score.result(g).f1:.3f} ({score.result(g).n})"
                             if score and g in score.groups() else "")
            rows.append(f"| {g} | " + " | ".join(cells) + " |")
    errors = f"\n{len(result.errors)} pageparts errors (scored as empty output)" \
        if result.errors else ""
    return "\n".join(rows) + "\n\n" + result.note + errors + "\n"
