"""CPU cost of the HTML segmenter and of whole extraction: this checkout beside a git revision.

    python benchmarks/speed_segment.py [--baseline REV] [--wcxb N] [--traf N] [--repeat K]
                                       [--no-extract] [--hostile]

Pages: seeded samples of wcxb-dev and trafilatura-a from ``../shared/datasets`` (default 150 and
0), decoded and prepared once. The baseline is ``src/pageparts/html/segment.py``,
``html/vocab.py`` and ``furniture.py`` at REV (default HEAD), loaded from ``git show`` as
stand-alone modules (and, for the extract run, ``html/prepare.py`` and ``html/signals.py``).

- segment: each page is parsed once; both versions of ``segment`` run on the same tree, the order
  of the two alternating page by page; a pass is the sum of ``time.process_time`` over the pages;
  the best of K passes is kept.
- extract: ``Extractor().extract(page, kind="html")`` with the baseline modules swapped in
  (``segment``, ``prepare`` and ``page_signals`` in ``pageparts.html``, ``assemble.furniture_kind``)
  against this checkout, interleaved the same way.

- hostile (``--hostile``): whole extraction of the two big hostile pages of
  ``tests/test_hostile.py`` (a 50 MB page of paragraphs, cut at ``max_blocks``; 100,000-deep
  nesting), each version once per pass.

Ratios matter more than absolute numbers on a shared machine. Run it with ``nice -n 10``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _revision import load_at
from speed_segment_check import load_pages

import pageparts.assemble
import pageparts.html
from pageparts import Extractor
from pageparts._options import Options
from pageparts.furniture import furniture_kind
from pageparts.html.segment import segment


def load_baseline(rev: str) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """``segment`` and ``furniture_kind`` as they were at ``rev`` (``prepare`` and
    ``page_signals`` go to :data:`BASE_HTML`)."""
    # newer modules of the package (``._depth``, ``._bounded``...) are read from this checkout
    prep = load_at(rev, "src/pageparts/html/prepare.py", "base_prepare",
                   {"from ._": "from pageparts.html._"})
    sig = load_at(rev, "src/pageparts/html/signals.py", "base_signals",
                  {"from ..blocks import": "from pageparts.blocks import",
                   "from ._": "from pageparts.html._"})
    BASE_HTML.update(prepare=prep.prepare, page_signals=sig.page_signals)
    load_at(rev, "src/pageparts/html/vocab.py", "base_vocab", {})
    seg = load_at(rev, "src/pageparts/html/segment.py", "base_segment",
                {"from .._options import": "from pageparts._options import",
                 "from ..blocks import": "from pageparts.blocks import",
                 "from .vocab import": "from base_vocab import"})
    fur = load_at(rev, "src/pageparts/furniture.py", "base_furniture",
                {"from .blocks import": "from pageparts.blocks import",
                 "from .html.vocab import": "from base_vocab import"})
    return seg.segment, fur.furniture_kind


BASE_HTML: dict[str, Callable[..., Any]] = {}
THIS_HTML = {"prepare": pageparts.html.prepare, "page_signals": pageparts.html.page_signals}


@contextmanager
def swapped(seg: Callable[..., Any], fur: Callable[..., Any]) -> Iterator[None]:
    """The pipeline with ``seg`` and ``fur``; with the baseline's prepare and signals too when
    ``seg`` is the baseline's segment."""
    html = pageparts.html
    old = html.segment, pageparts.assemble.furniture_kind, html.prepare, html.page_signals
    rest = THIS_HTML if seg is segment else BASE_HTML
    html.segment, pageparts.assemble.furniture_kind = seg, fur  # type: ignore[assignment]
    html.prepare, html.page_signals = rest["prepare"], rest["page_signals"]  # type: ignore[assignment]
    try:
        yield
    finally:
        (html.segment, pageparts.assemble.furniture_kind, html.prepare,  # type: ignore[assignment]
         html.page_signals) = old


def bench_segment(pages: list[tuple[str, str]], base: Callable[..., Any],
                  repeat: int) -> tuple[float, float]:
    trees = [LexborHTMLParser(html) for _, html in pages]
    opts = Options()
    best = [float("inf"), float("inf")]
    for rep in range(repeat):
        tot = [0.0, 0.0]
        for i, tree in enumerate(trees):
            order = (0, 1) if (i + rep) % 2 == 0 else (1, 0)
            for which in order:
                fn = base if which == 0 else segment
                t0 = time.process_time()
                fn(tree, opts)
                tot[which] += time.process_time() - t0
        best = [min(b, t) for b, t in zip(best, tot, strict=True)]
    return best[0], best[1]


def bench_extract(pages: list[tuple[str, str]], base_seg: Callable[..., Any],
                  base_fur: Callable[..., Any], repeat: int) -> tuple[float, float]:
    ex = Extractor()
    for _, html in pages[:5]:  # warm-up: model loading, caches
        ex.extract(html, kind="html")
    best = [float("inf"), float("inf")]
    for rep in range(repeat):
        tot = [0.0, 0.0]
        for i, (_, html) in enumerate(pages):
            order = (0, 1) if (i + rep) % 2 == 0 else (1, 0)
            for which in order:
                if which == 0:
                    with swapped(base_seg, base_fur):
                        t0 = time.process_time()
                        ex.extract(html, kind="html")
                        tot[0] += time.process_time() - t0
                else:
                    t0 = time.process_time()
                    ex.extract(html, kind="html")
                    tot[1] += time.process_time() - t0
        best = [min(b, t) for b, t in zip(best, tot, strict=True)]
    return best[0], best[1]


_PARA = ("<p>The committee met again on Thursday to discuss the harbour budget, and after a long "
         "debate it agreed to postpone the decision until the spring session of the council.</p>")


def hostile_pages() -> list[tuple[str, str]]:
    n = 50 * 1024 * 1024 // (len(_PARA) + 12)
    body = "".join(_PARA.replace("<p>", f"<p>Item {i}: ", 1) for i in range(n))
    return [("50 MB page", f"<html><body><article>{body}</article></body></html>"),
            ("100,000-deep nesting", "<div>" * 100_000 + "deep text" + "</div>" * 100_000)]


def bench_hostile(base_seg: Callable[..., Any], base_fur: Callable[..., Any],
                  repeat: int) -> None:
    ex = Extractor()
    for name, page in hostile_pages():
        best = [float("inf"), float("inf")]
        for rep in range(repeat):
            for which in ((0, 1) if rep % 2 == 0 else (1, 0)):
                with swapped(*((base_seg, base_fur) if which == 0 else (segment,
                                                                        furniture_kind))):
                    t0 = time.process_time()
                    ex.extract(page, kind="html")
                    best[which] = min(best[which], time.process_time() - t0)
        print(f"{name:22s} extract  baseline {best[0]:6.2f}s  this {best[1]:6.2f}s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--baseline", default="HEAD")
    ap.add_argument("--wcxb", type=int, default=150)
    ap.add_argument("--traf", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-extract", action="store_true")
    ap.add_argument("--hostile", action="store_true", help="only the hostile pages")
    args = ap.parse_args()
    if args.hostile:
        bench_hostile(*load_baseline(args.baseline), repeat=args.repeat)
        return 0
    samples = {k: v for k, v in (("wcxb-dev", args.wcxb), ("trafilatura-a", args.traf)) if v}
    pages = load_pages(samples)
    base_seg, base_fur = load_baseline(args.baseline)
    n = len(pages)
    print(f"{n} pages ({samples}), best of {args.repeat}, baseline {args.baseline}")
    old, new = bench_segment(pages, base_seg, args.repeat)
    print(f"segment  baseline {old:6.3f}s ({n / old:7.1f} p/s)  this {new:6.3f}s "
          f"({n / new:7.1f} p/s)  speed-up x{old / new:.2f}")
    # furniture_kind alone, on every block of the pages (what label_blocks may call)
    blocks = [b for _, html in pages for b in segment(LexborHTMLParser(html), Options())[0]]
    fb = [float("inf"), float("inf")]
    for _ in range(args.repeat):
        for which, fn in ((0, base_fur), (1, furniture_kind)):
            t0 = time.process_time()
            for b in blocks:
                fn(b)
            fb[which] = min(fb[which], time.process_time() - t0)
    print(f"furniture_kind on {len(blocks)} blocks  baseline {fb[0]:6.3f}s  this {fb[1]:6.3f}s  "
          f"speed-up x{fb[0] / fb[1]:.2f}")
    if not args.no_extract:
        old, new = bench_extract(pages, base_seg, base_fur, args.repeat)
        print(f"extract  baseline {old:6.3f}s ({n / old:7.1f} p/s)  this {new:6.3f}s "
              f"({n / new:7.1f} p/s)  speed-up x{old / new:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
