"""Reader comments in the plain-text path, per rendering, beside the HTML path on the same pages.

    nice -n 10 python benchmarks/text_comments_eval.py [--datasets DIR] [--limit N] [--all]
        [--wcxb N] [--label TEXT] [--out benchmarks/results/FILE.md] [--json FILE.json]
        [--per-page]

Pages: every trafilatura-a page whose gold has reader-comment snippets (``--all``: every page
of the pack, which adds the main-text snippet F1 and shows threads found on pages without any).
Each page is rendered as ``bullets`` and ``wet`` (:func:`pageparts.text.render.render`) and
extracted with ``kind="text"``; the HTML itself is extracted with ``kind="html"``. Per path it
reports, as ``pageparts eval`` does for HTML (:class:`pageparts.eval.score.PackScore`):

* **found**: share of gold comment snippets found in the text of ``doc.comments`` (all comments
  and replies, one per line, whitespace-normalised); also over only the snippets the input holds
  (the rendered text for the text paths, the HTML's visible text for the HTML path: the others
  are loaded by scripts and no extractor of the stored page can see them);
* **leak**: share of gold comment snippets found in ``doc.text``;
* **threads**: pages with comments, comments, share of comments with an author, replies;
* **agreement with HTML**: for snippets found by both the text path and the HTML path, the share
  whose comment sits at the same reply depth and has the same author; and over every text-path
  comment matched to an HTML comment by its text, the same depth and the replies both agree on
  (the HTML path's tree is a silver reference for the structure; the gold has none);
* **main-text snippet F1** (``--all``): the pack's ``with``/``without`` snippets in ``doc.text``
  (marking a thread takes its blocks out of the main text, so this shows what that costs);
* ``--wcxb N``: word F1 of the text path on a sample of N wcxb-dev pages per rendering and page
  type, and how many of them get comments (forum posts are main content there: a thread taken
  for reader comments costs word F1). The shipped text model is trained on wcxb-dev, so these
  figures are NOT held out: compare them only with another run of this script.

Models: the shipped ones by default. They are trained on all three packs, trafilatura-a
included, so those numbers are NOT held out. For held-out numbers, give the fold models of
``benchmarks/fold_models.py``: ``--html-folds DIR`` (``train DIR``) and ``--text-folds DIR``
(``train DIR --kind text``). Each page is then read by the models of the fold that did not see
its site.

    python benchmarks/fold_models.py train /tmp/folds_html
    python benchmarks/fold_models.py train /tmp/folds_text --kind text
    python benchmarks/text_comments_eval.py --html-folds /tmp/folds_html \
        --text-folds /tmp/folds_text
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pageparts import Document, Extractor, Options, PagepartsError
from pageparts.decode import decode
from pageparts.eval.metrics import SnippetScore, normalize_space
from pageparts.eval.packs import PackPage, datasets_dir, load_pack, resolve_pack
from pageparts.eval.run import _shown_text
from pageparts.text.render import STYLES, render

PATHS = ("html", *STYLES)


@dataclass
class PathScore:
    """One path's comment scores over the pages."""

    found: SnippetScore = field(default_factory=SnippetScore)
    found_held: SnippetScore = field(default_factory=SnippetScore)
    leak: SnippetScore = field(default_factory=SnippetScore)
    main: SnippetScore = field(default_factory=SnippetScore)  # the pack's with/without snippets
    pages_with_comments: int = 0
    comments: int = 0
    with_author: int = 0
    replies: int = 0
    same_depth: int = 0
    same_author: int = 0
    compared: int = 0
    #: every comment matched to an HTML comment by its text: same depth, and reply agreement
    matched: int = 0
    matched_same_depth: int = 0
    replies_both: int = 0
    replies_html: int = 0
    replies_text: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _flat(doc: Document) -> list[tuple[int, str | None, str]]:
    """(depth, author, normalised text) of every comment in page order."""
    return [(d, c.author, normalize_space(c.text)) for d, c in doc.iter_comments()]


def _where(snippet: str, flat: list[tuple[int, str | None, str]]) -> tuple[int, str | None] | None:
    s = normalize_space(snippet)
    for depth, author, text in flat:
        if s and s in text:
            return depth, author
    return None


def _score(score: PathScore, doc: Document | None, gold: dict[str, Any], held_in: str,
           reference: list[tuple[int, str | None, str]] | None) -> list[tuple[int, str | None,
                                                                          str]]:
    snippets = [s for s in gold.get("comments") or [] if isinstance(s, str)]
    with_ = [s for s in gold.get("with") or [] if isinstance(s, str)]
    without = [s for s in gold.get("without") or [] if isinstance(s, str)]
    flat = _flat(doc) if doc is not None else []
    joined = "\n".join(t for _, _, t in flat if t)
    score.found.add(joined, snippets)
    held_norm = normalize_space(held_in)
    held = [s for s in snippets if normalize_space(s) in held_norm]
    if held:
        score.found_held.add(joined, held)
    score.leak.add(doc.text if doc is not None else "", snippets)
    if with_ or without:
        score.main.add(doc.text if doc is not None else "", with_, without)
    if flat:
        score.pages_with_comments += 1
    score.comments += len(flat)
    score.with_author += sum(1 for _, a, _ in flat if a)
    score.replies += sum(1 for d, _, _ in flat if d > 0)
    if reference is not None:
        ref_depth: dict[str, int] = {}
        for depth, _, text in reference:
            if len(text) >= 20:
                ref_depth.setdefault(text[:80], depth)
        for depth, _, text in flat:
            ref = ref_depth.get(text[:80]) if len(text) >= 20 else None
            if ref is None:
                continue
            score.matched += 1
            score.matched_same_depth += int(depth == ref)
            score.replies_html += int(ref > 0)
            score.replies_text += int(depth > 0)
            score.replies_both += int(ref > 0 and depth > 0)
        for s in snippets:
            mine, ref = _where(s, flat), _where(s, reference)
            if mine is None or ref is None:
                continue
            score.compared += 1
            score.same_depth += int(mine[0] == ref[0])
            same = normalize_space(mine[1] or "") == normalize_space(ref[1] or "")
            score.same_author += int(same)
    return flat


class Readers:
    """The extractor for each path and page: the shipped models, or fold models."""

    def __init__(self, html_folds: Path | None, text_folds: Path | None) -> None:
        self.shipped = Extractor(Options())
        self.folds: dict[str, tuple[dict[str, int], list[Extractor]]] = {}
        for kind, folder in (("html", html_folds), ("text", text_folds)):
            if folder is None:
                continue
            from fold_models import _load  # the same folder layout

            fold_of = json.loads((folder / "folds.json").read_text(encoding="utf-8"))
            k = 1 + max(fold_of.values())
            self.folds[kind] = (fold_of, [Extractor(Options(), models=_load(folder / f"f{i}"))
                                          for i in range(k)])

    def held_out(self, kind: str) -> bool:
        return kind in self.folds

    def extractor(self, kind: str, page: PackPage) -> Extractor:
        if kind not in self.folds:
            return self.shipped
        fold_of, extractors = self.folds[kind]
        return extractors[fold_of[f"{page.pack}/{page.id}"]]


def evaluate(pages: list[PackPage], per_page: bool,
             readers: Readers) -> tuple[dict[str, PathScore], list[dict[str, Any]]]:
    scores = {p: PathScore() for p in PATHS}
    rows: list[dict[str, Any]] = []
    for page in pages:
        snippets = [s for s in page.gold.get("comments") or [] if isinstance(s, str)]
        html = decode(page.html, Options(), kind="html").content
        inputs: dict[str, tuple[str | bytes, str]] = {"html": (page.html, _shown_text(html))}
        for style in STYLES:
            text = render(page.html, style)
            inputs[style] = (text, text)
        reference: list[tuple[int, str | None, str]] | None = None
        row: dict[str, Any] = {"id": page.id, "url": page.url}
        for path in PATHS:
            given, held_in = inputs[path]
            t0 = time.perf_counter()
            kind = "html" if path == "html" else "text"
            try:
                doc: Document | None = readers.extractor(kind, page).extract(
                    given, url=page.url, kind=kind)
            except PagepartsError as exc:
                doc = None
                scores[path].errors.append(f"{page.id}: {exc}")
            scores[path].seconds += time.perf_counter() - t0
            before, leak_before = scores[path].found.tp, scores[path].leak.tp
            flat = _score(scores[path], doc, page.gold, held_in, reference)
            if path == "html":
                reference = flat
            row[path] = {"found": scores[path].found.tp - before, "comments": len(flat),
                         "leak": scores[path].leak.tp - leak_before}
        row["snippets"] = len(snippets)
        if per_page:
            rows.append(row)
    return scores, rows


def _share(s: SnippetScore) -> str:
    n = s.tp + s.fn
    return f"{s.tp / n:.3f} ({s.tp}/{n})" if n else "—"


def report(scores: dict[str, PathScore], pages: list[PackPage], label: str,
           readers: Readers) -> str:
    n_snip = scores["html"].found.tp + scores["html"].found.fn
    with_gold = sum(1 for p in pages if p.gold.get("comments"))

    def models(kind: str) -> str:
        return ("fold models, 3-fold CV grouped by site (held out)" if readers.held_out(kind)
                else "the shipped models (trained on this pack: NOT held out)")

    lines = [
        f"Pages: {len(pages)} trafilatura-a pages, {with_gold} with gold comment snippets "
        f"({n_snip} snippets); {label}.",
        f"HTML path: {models('html')}. Text paths: {models('text')}.",
        "",
        "| path | found | found, of those the input holds | leak into text | pages with comments "
        "| comments | with author | replies | same depth as HTML | same author as HTML "
        "| main-text snippet F1 | errors | pages/s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for path in PATHS:
        s = scores[path]
        cmp_ = ("—", "—")
        if s.compared:
            cmp_ = (f"{s.same_depth / s.compared:.3f} ({s.compared})",
                    f"{s.same_author / s.compared:.3f}")
        if path == "html":
            cmp_ = ("(reference)", "(reference)")
        speed = f"{len(pages) / s.seconds:.1f}" if s.seconds else "—"
        main = f"{s.main.result().f1:.3f} ({s.main.pages})" if s.main.pages else "—"
        lines.append(
            f"| {path} | {_share(s.found)} | {_share(s.found_held)} | {_share(s.leak)} "
            f"| {s.pages_with_comments} | {s.comments} | {s.with_author} | {s.replies} "
            f"| {cmp_[0]} | {cmp_[1]} | {main} | {len(s.errors)} | {speed} |")
    lines += [
        "",
        "Thread structure against the HTML path's tree (a silver reference: the gold has none), "
        "over the text path's comments matched to an HTML comment by their first 80 characters:",
        "",
        "| path | matched comments | same depth | replies in HTML | of them nested in text "
        "| replies in text | of them replies in HTML |",
        "|---|---|---|---|---|---|---|",
    ]
    for path in STYLES:
        s = scores[path]
        if not s.matched:
            continue
        rec = f"{s.replies_both / s.replies_html:.3f}" if s.replies_html else "—"
        prec = f"{s.replies_both / s.replies_text:.3f}" if s.replies_text else "—"
        lines.append(f"| {path} | {s.matched} | {s.matched_same_depth / s.matched:.3f} "
                     f"| {s.replies_html} | {rec} | {s.replies_text} | {prec} |")
    return "\n".join(lines) + "\n"


def wcxb(root: Path, sample: int) -> str:
    """Word F1 of the text path on wcxb-dev pages, per rendering and page type."""
    from pageparts.eval.metrics import WordScore
    from pageparts.eval.packs import pack_ids, subset

    path = resolve_pack("wcxb-dev", root)
    pages = load_pack(path, ids=subset(pack_ids(path), sample=sample, seed=1))
    extractor = Extractor(Options())
    lines = [f"wcxb-dev, {len(pages)} pages (sample seed 1), shipped text model (trained on "
             "wcxb-dev: NOT held out), word F1:", "",
             "| rendering | all | article | forum | other types | pages with comments |",
             "|---|---|---|---|---|---|"]
    for style in STYLES:
        score, with_comments = WordScore(), 0
        for page in pages:
            try:
                doc = extractor.extract(render(page.html, style), kind="text", url=page.url)
            except PagepartsError:
                score.add("", page.gold.get("text") or "", page.gold.get("page_type"))
                continue
            score.add(doc.text, page.gold.get("text") or "", page.gold.get("page_type"))
            with_comments += bool(doc.comments)
        others = [g for g in score.groups() if g not in ("article", "forum")]
        other = sum(score.result(g).f1 * score.result(g).n for g in others) / max(
            1, sum(score.result(g).n for g in others))
        lines.append(f"| {style} | {score.result().f1:.4f} | {score.result('article').f1:.4f} "
                     f"({score.result('article').n}) | {score.result('forum').f1:.4f} "
                     f"({score.result('forum').n}) | {other:.4f} | {with_comments} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--datasets", help="folder holding the packs (default: ../shared/datasets)")
    ap.add_argument("--limit", type=int, help="only the first N pages with comment gold")
    ap.add_argument("--out", help="write the Markdown report here")
    ap.add_argument("--json", help="write the scores (and per-page rows) here as JSON")
    ap.add_argument("--per-page", action="store_true", help="keep per-page rows in the JSON")
    ap.add_argument("--all", action="store_true", help="every page of the pack")
    ap.add_argument("--label", help="what this run measures (default: the checkout's commit)")
    ap.add_argument("--html-folds", type=Path, metavar="DIR",
                    help="fold models of 'fold_models.py train' for the HTML path (held out)")
    ap.add_argument("--text-folds", type=Path, metavar="DIR",
                    help="fold models of 'fold_models.py train --kind text' (held out)")
    ap.add_argument("--wcxb", type=int, metavar="N",
                    help="also word F1 on N wcxb-dev pages (what taking threads out costs)")
    args = ap.parse_args(argv)
    root = datasets_dir(args.datasets)
    try:
        path = resolve_pack("trafilatura-a", root)
    except PagepartsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with gzip.open(path / "gold.jsonl.gz", "rt", encoding="utf-8") as f:
        ids = [g["id"] for g in map(json.loads, f) if args.all or g.get("comments")]
    pages = load_pack(path, ids=ids[: args.limit] if args.limit else ids)
    readers = Readers(args.html_folds, args.text_folds)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=False).stdout.strip() or "unknown"
    scores, rows = evaluate(pages, args.per_page, readers)
    text = report(scores, pages, args.label or f"commit {commit}", readers)
    if args.wcxb:
        text += "\n" + wcxb(root, args.wcxb)
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    if args.json:
        data = {p: {"found": s.found.result().recall, "found_held": s.found_held.result().recall,
                    "leak": s.leak.tp / (s.leak.tp + s.leak.fn) if s.leak.tp + s.leak.fn else 0,
                    "comments": s.comments, "with_author": s.with_author,
                    "replies": s.replies, "errors": s.errors}
                for p, s in scores.items()}
        Path(args.json).write_text(json.dumps({"scores": data, "pages": rows}, indent=1),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
