"""Pages per second on one core: pageparts (HTML, and both plain-text renderings of the same
pages) beside trafilatura and resiliparse, the systems interleaved page by page.

    nice -n 10 python benchmarks/speed_peers.py [--sample 150] [--repeat 2] [--seed 1]

Pages: a seeded shuffle of wcxb-dev (``../shared/datasets`` or ``$PAGEPARTS_DATASETS``), each
decoded once; the text renderings are made before timing. Each pass times every system on page
1, then every system on page 2, and so on (``time.process_time``), so a busy neighbour slows all
of them alike; the best of ``--repeat`` passes is reported. pageparts uses its compiled models
when ``pageparts compile`` has built them (the table says which). Needs the ``eval`` extra.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from typing import Any

import pageparts
from pageparts import Options
from pageparts.decode import decode
from pageparts.eval.packs import load_pack, pack_ids, resolve_pack
from pageparts.model import compiled_status
from pageparts.text.render import render


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    try:
        import trafilatura
        from resiliparse.extract.html2text import extract_plain_text
    except ImportError as exc:
        print(f"speed_peers: {exc}; install the eval extra: pip install 'pageparts[eval]'",
              file=sys.stderr)
        return 2
    path = resolve_pack("wcxb-dev")
    ids = pack_ids(path)
    random.Random(args.seed).shuffle(ids)
    pages = load_pack(path, ids[: args.sample])
    html = [decode(p.html, Options(), kind="html").content for p in pages]
    wet = [render(p.html, "wet") for p in pages]
    bullets = [render(p.html, "bullets") for p in pages]
    ex = pageparts.Extractor()
    systems: dict[str, Callable[[int], Any]] = {
        "pageparts, HTML": lambda i: ex.extract(html[i], kind="html"),
        "pageparts, text (WET lines)": lambda i: ex.extract(wet[i], kind="text"),
        "pageparts, text (bullets)": lambda i: ex.extract(bullets[i], kind="text"),
        "trafilatura (bare_extraction, metadata and comments)":
            lambda i: trafilatura.bare_extraction(html[i], with_metadata=True,
                                                  include_comments=True),
        "resiliparse (extract_plain_text, main content)":
            lambda i: extract_plain_text(html[i], main_content=True),
    }
    for run in systems.values():  # warm up: models loaded, caches filled
        run(0)
    best = dict.fromkeys(systems, float("inf"))
    for _ in range(args.repeat):
        spent = dict.fromkeys(systems, 0.0)
        for i in range(len(pages)):
            for name, run in systems.items():
                t0 = time.process_time()
                run(i)
                spent[name] += time.process_time() - t0
        best = {k: min(best[k], spent[k]) for k in systems}
    built = sum(1 for r in compiled_status() if r.status in ("cached", "compiled"))
    print(f"{len(pages)} wcxb-dev pages, one core, best of {args.repeat} passes; "
          f"pageparts models compiled: {built} of 7\n")
    print("| system | pages/s |\n|---|---|")
    for name in systems:
        print(f"| {name} | {len(pages) / best[name]:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
