"""CPU cost of the comment-thread finder, this checkout beside an earlier git revision.

    python benchmarks/comments_speed.py [--baseline REV] [--quiet N] [--repeat K] [--profile]

Pages: trafilatura-a's pages with gold ``comments`` (all of them) and a seeded sample of N pages
without (default 200), read from ``../shared/datasets``. Each page is parsed once; then
``find_threads`` of both versions runs K times on the same tree, interleaved (so both see the
same machine load), and the per-page minimum of ``time.process_time`` is kept. The baseline is
the file ``src/pageparts/html/comments.py`` at REV (default: the last commit before the split),
loaded from ``git show`` as a stand-alone module. Prints median and p90 per page group, the
ratio, and whether both versions find the same comments (author, text, depth) on every page.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from pageparts._options import Options
from pageparts.decode import decode
from pageparts.html.comments import find_threads

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BASELINE = "68ce964f275a914726c81ddc8e526361861fce15"  # comments.py as one 1,250-line module


def _load_baseline(rev: str) -> Callable[[LexborHTMLParser], list[Any]]:
    src = subprocess.run(["git", "show", f"{rev}:src/pageparts/html/comments.py"], cwd=REPO,
                         check=True, capture_output=True, text=True).stdout
    # the old module imports `.._document`: make that absolute so it loads outside the package
    src = src.replace("from .._document import", "from pageparts._document import")
    path = Path(tempfile.mkdtemp()) / "comments_baseline.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("comments_baseline", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["comments_baseline"] = mod
    spec.loader.exec_module(mod)
    return mod.find_threads  # type: ignore[no-any-return]


def _pages(quiet: int, seed: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    folder = SHARED / "datasets" / "trafilatura-a"
    with_c: list[tuple[str, str]] = []
    without: list[tuple[str, str]] = []
    with gzip.open(folder / "gold.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            gold = json.loads(line)
            (with_c if gold.get("comments") else without).append((gold["id"], ""))
    without = random.Random(seed).sample(without, min(quiet, len(without)))

    def read(ids: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(pid, decode(gzip.decompress((folder / "pages" / f"{pid}.html.gz").read_bytes()),
                             Options()).content) for pid, _ in ids]

    return read(with_c), read(without)


def _shape(threads: list[Any]) -> list[tuple[int, str | None, str]]:
    return [(d, c.author, c.text) for t in threads for root in t.comments for d, c in root.walk()]


def _time(fn: Callable[[LexborHTMLParser], list[Any]], tree: LexborHTMLParser) -> float:
    t0 = time.process_time()
    fn(tree)
    return time.process_time() - t0


def _stats(xs: list[float]) -> str:
    s = sorted(xs)
    p90 = s[min(len(s) - 1, int(0.9 * len(s)))]
    return f"median {statistics.median(s) * 1000:6.2f} ms  p90 {p90 * 1000:6.2f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--baseline", default=BASELINE, help="git revision of the old comments.py")
    ap.add_argument("--quiet", type=int, default=200, help="pages without comments to sample")
    ap.add_argument("--repeat", type=int, default=3, help="runs per page and version (min kept)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="cProfile the new version instead")
    args = ap.parse_args()
    if not (SHARED / "datasets").is_dir():
        print(f"benchmark packs not found at {SHARED / 'datasets'}", file=sys.stderr)
        return 2
    with_c, without = _pages(args.quiet, args.seed)
    if args.profile:
        import cProfile
        import pstats

        trees = [LexborHTMLParser(h) for _, h in with_c + without]
        prof = cProfile.Profile()
        prof.enable()
        for tree in trees:
            find_threads(tree)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        return 0
    old = _load_baseline(args.baseline)
    same = differ = 0
    for label, group in (("with comments", with_c), ("without comments", without)):
        t_old: list[float] = []
        t_new: list[float] = []
        for pid, html in group:
            tree = LexborHTMLParser(html)
            a = min(_time(old, tree) for _ in range(args.repeat))
            b = min(_time(find_threads, tree) for _ in range(args.repeat))
            t_old.append(a)
            t_new.append(b)
            if _shape(old(tree)) == _shape(find_threads(tree)):
                same += 1
            else:
                differ += 1
                print(f"  output differs: trafilatura-a/{pid} ({label})")
        ratio = statistics.median(t_old) / max(statistics.median(t_new), 1e-9)
        print(f"trafilatura-a {label} ({len(group)} pages)")
        print(f"  before  {_stats(t_old)}")
        print(f"  after   {_stats(t_new)}")
        print(f"  median ratio before/after {ratio:.1f}x;"
              f" share under 0.5 ms after {sum(t < 0.0005 for t in t_new) / len(t_new):.2f}")
    print(f"same comments (depth, author, text) on {same} pages, different on {differ}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
