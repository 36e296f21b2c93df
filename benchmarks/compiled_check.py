"""Compiled models vs LightGBM on real pages: every model's outputs on the very rows pageparts
feeds it, and the whole Documents, HTML and text (WET rendering) pages; then pages/s of both.

    pageparts compile
    nice -n 10 python benchmarks/compiled_check.py [--sample 300]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from typing import Any

import numpy as np

from pageparts import Extractor, Options
from pageparts.decode import decode
from pageparts.eval.packs import load_pack, pack_ids, resolve_pack, subset
from pageparts.eval.render import load_renderer
from pageparts.model import BoosterModel, Models

STATS: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])  # calls, rows, max |diff|
_predict = BoosterModel.predict


def _recording(self: BoosterModel, X: Any) -> Any:
    out = _predict(self, X)
    if self.compiled is not None and not self.compiled.failed and len(X):
        ref = np.asarray(self.booster.predict(X, num_threads=1), dtype=np.float64)  # type: ignore[attr-defined]
        s = STATS[self.compiled.label]
        s[0] += 1
        s[1] += len(X)
        s[2] = max(s[2], float(np.max(np.abs(out - ref))))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=300, help="pages per pack")
    args = ap.parse_args()
    BoosterModel.predict = _recording  # type: ignore[method-assign]
    fast_models = Models.default()
    used = [m.compiled.label for m in (fast_models.html, fast_models.html_stack,
            fast_models.page_type, fast_models.text, fast_models.text_stack,
            fast_models.text_page_type, fast_models.text_headline)
            if m is not None and m.compiled is not None]
    print("compiled models in use:", ", ".join(used) or "none")
    slow = Extractor(Options(), models=Models.default(compiled=False))
    fast = Extractor(Options(), models=fast_models)
    wet = load_renderer("wet")
    pages: list[tuple[str, str, str | None]] = []
    for pack in ("wcxb-dev", "trafilatura-a"):
        path = resolve_pack(pack)
        for p in load_pack(path, subset(pack_ids(path), sample=args.sample, seed=0)):
            html = decode(p.html, Options(), kind="html", url=p.url).content
            pages.append(("html", html, p.url))
            pages.append(("text", wet(html), p.url))
    same = {"html": [0, 0], "text": [0, 0]}
    spent = {"html": [0.0, 0.0], "text": [0.0, 0.0]}
    for kind, page, url in pages:
        t0 = time.perf_counter()
        a = slow.extract(page, url=url, kind=kind)
        t1 = time.perf_counter()
        b = fast.extract(page, url=url, kind=kind)
        t2 = time.perf_counter()
        spent[kind][0] += t1 - t0
        spent[kind][1] += t2 - t1
        same[kind][0] += a.to_dict() == b.to_dict()
        same[kind][1] += 1
    print("| model | predict calls | rows | max abs diff vs LightGBM |\n|---|---|---|---|")
    for label, (calls, rows, diff) in sorted(STATS.items()):
        print(f"| {label} | {calls:.0f} | {rows:.0f} | {diff:.3g} |")
    for kind, (eq, n) in same.items():
        print(f"{kind}: {eq}/{n} Documents identical (to_dict); seconds LightGBM "
              f"{spent[kind][0]:.2f}, compiled {spent[kind][1]:.2f} (includes the checking "
              "LightGBM calls above, so this is not a speed figure)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
