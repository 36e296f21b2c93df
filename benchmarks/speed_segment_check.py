"""Guard for speed work on the HTML segmenter: its output must not change by a single field.

    python benchmarks/speed_segment_check.py --save /tmp/segment_ref.json.gz   # known-good rev
    python benchmarks/speed_segment_check.py --check /tmp/segment_ref.json.gz  # after a change

Pages: a seeded sample of each of the three packs in ``../shared/datasets`` (default 200 of
wcxb-dev, 130 of trafilatura-a, 70 of readability). Each page is decoded, prepared and parsed as
``pageparts.html.read_html`` does, then segmented with the default Options and, on a few pages,
with tight ``max_depth`` / ``max_blocks`` (to cover the depth cut and truncation). The digest of a
page is every RawBlock field the segmenter fills (text, tag, depth, tokens, own_tokens, ancestors,
link_chars, n_links, n_images, dom_depth, line, extra), the element spans, the truncated flag, and
``furniture_kind`` of every block, and the page signals (``html.signals.page_signals``, with
empty metadata: the counts, not the URL and schema.org hints). Element ids (``mem_id``, a C
address) are replaced by the element's position in a document-order walk so digests compare
across processes.

The reference lives outside the repository (it is made from pack pages). Exit status 1 when any
page differs; the first differences are printed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from pageparts._options import Options
from pageparts.blocks import Metadata
from pageparts.decode import decode
from pageparts.eval.packs import load_pack, pack_ids, resolve_pack, subset
from pageparts.furniture import furniture_kind
from pageparts.html.prepare import prepare
from pageparts.html.segment import segment
from pageparts.html.signals import page_signals

SAMPLES = {"wcxb-dev": 200, "trafilatura-a": 130, "readability": 70}
#: Extra runs with tight limits on every tenth page (depth cut, truncation and its span closing).
TIGHT = (Options(max_depth=12), Options(max_blocks=40), Options(max_depth=6, max_blocks=15))


def load_pages(samples: dict[str, int], seed: int = 0) -> list[tuple[str, str]]:
    """(pack/id, decoded markup) of the sampled pages, in pack then gold order."""
    out: list[tuple[str, str]] = []
    opts = Options()
    for name, n in samples.items():
        path = resolve_pack(name)
        for page in load_pack(path, subset(pack_ids(path), sample=n, seed=seed)):
            doc = decode(page.html, opts, kind="html")
            out.append((f"{name}/{page.id}", prepare(doc.content, opts.max_nesting)))
    return out


def digest(html: str, options: Options) -> dict[str, Any]:
    """Everything segment() returns for one page, in a process-independent form."""
    tree = LexborHTMLParser(html)
    order = {n.mem_id: i for i, n in enumerate(tree.root.traverse())} if tree.root else {}
    blocks, spans, truncated = segment(tree, options)
    return {
        "truncated": truncated,
        "signals": page_signals(tree, blocks, Metadata()),
        "spans": sorted([order[k], a, b] for k, (a, b) in spans.items()),
        "blocks": [
            [b.text, b.tag, b.depth, sorted(b.tokens), sorted(b.own_tokens),
             [order[a] for a in b.ancestors], b.link_chars, b.n_links, b.n_images, b.dom_depth,
             b.line, sorted(b.extra.items()), furniture_kind(b)]
            for b in blocks
        ],
    }


def run(pages: list[tuple[str, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for i, (key, html) in enumerate(pages):
        out[key] = digest(html, Options())
        if i % 10 == 0:
            for j, opts in enumerate(TIGHT):
                out[f"{key}#tight{j}"] = digest(html, opts)
    return out


def _first_difference(a: dict[str, Any], b: dict[str, Any]) -> str:
    if a["truncated"] != b["truncated"]:
        return f"truncated {a['truncated']} != {b['truncated']}"
    if len(a["blocks"]) != len(b["blocks"]):
        return f"{len(a['blocks'])} blocks != {len(b['blocks'])}"
    for i, (x, y) in enumerate(zip(a["blocks"], b["blocks"], strict=True)):
        if x != y:
            return f"block {i}: {json.dumps(x)[:300]}\n    != {json.dumps(y)[:300]}"
    return "spans differ"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path, help="write the reference digest here")
    g.add_argument("--check", type=Path, help="compare against this reference digest")
    args = ap.parse_args()
    pages = load_pages(SAMPLES)
    got = json.loads(json.dumps(run(pages)))  # tuples → lists, as read back from the file
    if args.save:
        with gzip.open(args.save, "wt", encoding="utf-8") as f:
            json.dump(got, f)
        n_blocks = sum(len(d["blocks"]) for d in got.values())
        print(f"saved {len(got)} digests ({len(pages)} pages, {n_blocks} blocks) to {args.save}")
        return 0
    with gzip.open(args.check, "rt", encoding="utf-8") as f:
        ref = json.load(f)
    bad = [k for k in ref if got.get(k) != ref[k]] + [k for k in got if k not in ref]
    n_blocks = sum(len(d["blocks"]) for d in got.values())
    if not bad:
        print(f"identical: {len(got)} digests ({len(pages)} pages, {n_blocks} blocks)")
        return 0
    print(f"DIFFERENT: {len(bad)} of {len(got)} digests")
    for k in bad[:5]:
        print(f"  {k}: " + (_first_difference(ref[k], got[k]) if k in ref and k in got
                             else "missing on one side"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
