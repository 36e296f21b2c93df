"""Guard for the big-page speed work: normal pages must come out the same, the big page fast.

    python benchmarks/big_page_check.py --save /tmp/big_ref.json.gz          # known-good rev
    python benchmarks/big_page_check.py --check /tmp/big_ref.json.gz         # after a change
    python benchmarks/big_page_check.py --check /tmp/big_ref.json.gz --sample 400
    python benchmarks/big_page_check.py --big-mb 50                          # timing only

Pages: every page of the three packs in ``../shared/datasets`` (or a seeded ``--sample`` of
them, spread over the packs by size). Each page goes through ``Extractor().extract`` with its
URL and default Options; the reference holds ``Document.to_dict()`` of every page. ``--check``
exits 1 when any page's dict differs and prints the first differing fields.

``--big-mb`` (default 50; 0 skips it) times ``pageparts.eval.bench.synthetic_page`` in a fresh
child process (after a warm-up page, so model loading is not counted) and reports its seconds,
its CPU seconds (steadier than wall time on a busy machine) and the child's peak RSS, plus a
digest of its Document so a change to the big page's output shows too. The reference lives
outside the repository (it is made from pack pages).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PACKS = ("wcxb-dev", "trafilatura-a", "readability")


def _pages(sample: int | None, seed: int) -> list[tuple[str, bytes, str | None]]:
    from pageparts.eval.packs import load_pack, pack_ids, resolve_pack, subset

    paths = {name: resolve_pack(name) for name in PACKS}
    ids = {name: pack_ids(path) for name, path in paths.items()}
    total = sum(len(v) for v in ids.values())
    out: list[tuple[str, bytes, str | None]] = []
    for name, path in paths.items():
        chosen = ids[name] if sample is None else subset(
            ids[name], sample=max(1, round(sample * len(ids[name]) / total)), seed=seed)
        out.extend((f"{name}/{p.id}", p.html, p.url) for p in load_pack(path, chosen))
    return out


def _outputs(pages: list[tuple[str, bytes, str | None]]) -> tuple[dict[str, Any], float]:
    from pageparts import Extractor, PagepartsError

    ex = Extractor()
    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    for key, html, url in pages:
        try:
            out[key] = ex.extract(html, url=url).to_dict()
        except PagepartsError as exc:
            out[key] = {"error": f"{type(exc).__name__}: {exc}"}
    return out, time.perf_counter() - t0


def _diff(a: Any, b: Any, path: str = "") -> list[str]:
    if type(a) is not type(b):
        return [f"{path}: {a!r:.80} != {b!r:.80}"]
    if isinstance(a, dict):
        return [d for k in sorted(set(a) | set(b), key=str)
                for d in _diff(a.get(k), b.get(k), f"{path}.{k}")][:5]
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items != {len(b)} items"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True))
                for d in _diff(x, y, f"{path}[{i}]")][:5]
    return [] if a == b else [f"{path}: {a!r:.80} != {b!r:.80}"]


def _big_child(mb: float) -> None:
    """In a fresh process: time one synthetic page and print seconds, peak RSS and a digest."""
    from pageparts import Extractor
    from pageparts.eval.bench import synthetic_page

    ex = Extractor()
    ex.extract("<html><body><p>A short page to warm up the model.</p></body></html>")
    page = synthetic_page(mb)
    t0, c0 = time.perf_counter(), time.process_time()
    doc = ex.extract(page)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = 0.0
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    digest = hashlib.sha256(json.dumps(doc.to_dict(), sort_keys=True, default=str)
                            .encode()).hexdigest()[:16]
    print(json.dumps({"seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
                      "peak_rss_mb": round(peak),
                      "blocks": len(doc.blocks), "digest": digest}))


def _big(mb: float) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--big-child", str(mb)],
                          capture_output=True, text=True, timeout=900, check=False)
    if done.returncode:
        return {"error": done.stderr.strip()[-500:]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--save", type=Path, help="write the reference here")
    ap.add_argument("--check", type=Path, help="compare with this reference")
    ap.add_argument("--sample", type=int, help="pages over all packs (default: every page)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--big-mb", type=float, default=50.0)
    ap.add_argument("--big-child", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.big_child is not None:
        _big_child(args.big_child)
        return 0
    status = 0
    if args.save or args.check:
        pages = _pages(args.sample, args.seed)
        outputs, seconds = _outputs(pages)
        print(f"{len(pages)} pages in {seconds:.1f} s ({len(pages) / seconds:.1f} pages/s)")
        if args.save:
            with gzip.open(args.save, "wt", encoding="utf-8") as f:
                json.dump(outputs, f, default=str)
            print(f"reference saved to {args.save}")
        if args.check:
            with gzip.open(args.check, "rt", encoding="utf-8") as f:
                ref = json.load(f)
            fresh = json.loads(json.dumps(outputs, default=str))
            missing = [k for k in fresh if k not in ref]
            differ = [k for k in fresh if k in ref and ref[k] != fresh[k]]
            for key in differ[:10]:
                print(f"DIFF {key}")
                for line in _diff(ref[key], fresh[key])[:5]:
                    print(f"    {line}")
            print(f"{len(fresh) - len(missing)} pages compared, {len(differ)} differ, "
                  f"{len(missing)} not in the reference")
            status = 1 if differ else 0
    if args.big_mb > 0:
        print(f"big page ({args.big_mb:g} MB, fresh process): {json.dumps(_big(args.big_mb))}")
    return status


if __name__ == "__main__":
    sys.exit(main())
