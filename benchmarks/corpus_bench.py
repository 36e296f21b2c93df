"""Benchmark of ``pageparts run``: pages per second on one and two workers beside trafilatura and
resiliparse over the same WARC records, scaling from one worker to two, peak memory per worker
over a long run (flat means no leak), and the Ray engine's overhead against the local engine.

The WARC is built here, in a temporary folder, from the benchmark packs' pages (repeated to reach
the record count); nothing is written into the repository. Run from the checkout:

    nice -n 10 python benchmarks/corpus_bench.py --records 2000 --memory-records 10000

Every figure is wall-clock time of a whole run (start-up, reading, extraction, writing), on the
same records, in the same invocation. The peers run in a process pool of the same size, on the
same decoded pages, with the eval command's settings (trafilatura ``extract`` main text only;
resiliparse ``extract_plain_text(main_content=True)``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from pageparts import Options
from pageparts.corpus.config import ReadLimits
from pageparts.corpus.readers.warc import read_warc
from pageparts.decode import decode
from pageparts.eval.packs import datasets_dir, load_pack

PACKS = ("wcxb-dev", "trafilatura-a", "readability")


# -- the WARC ------------------------------------------------------------------------------------

def _record(i: int, uri: str, body: bytes) -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bench-{i:08d}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T00:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def build_warc(path: Path, records: int, datasets: Path) -> int:
    """Write ``records`` response records (pack pages, cycled) to ``path``; return its size."""
    pages: list[tuple[str, bytes]] = []
    for pack in PACKS:
        folder = datasets / pack
        if folder.is_dir():
            pages += [(p.url or f"https://{pack}.example/{p.id}", p.html)
                      for p in load_pack(folder)]
    if not pages:
        sys.exit(f"no packs found under {datasets}; set --datasets")
    with path.open("wb") as f:
        for i in range(records):
            uri, body = pages[i % len(pages)]
            f.write(gzip.compress(_record(i, uri, body), compresslevel=6))
    return path.stat().st_size


# -- memory sampling -----------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    kids.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return kids


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    """Samples the RSS of a process's children (the workers) until stopped."""

    def __init__(self, pid: int, parts: Path, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.parts, self.every = pid, parts, every
        self.samples: list[tuple[float, int, dict[int, int]]] = []  # (t, shards done, rss)
        self.stopped = threading.Event()

    def run(self) -> None:
        start = time.monotonic()
        while not self.stopped.wait(self.every):
            rss = {k: _rss(k) for k in _children(self.pid)}
            done = len(list(self.parts.glob("*.done"))) if self.parts.exists() else 0
            self.samples.append((time.monotonic() - start, done, rss))


# -- runs ----------------------------------------------------------------------------------------

def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_pageparts(warc: Path, out: Path, workers: int, *, engine: str = "local",
                  sample: bool = False, shard_size: int = 500) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "pageparts", "run", str(warc), "-o", str(out), "--quiet",
           "--overwrite", "--workers", str(workers), "--engine", engine,
           "--shard-size", str(shard_size)]
    start, cpu = time.monotonic(), _children_cpu()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid, Path(str(out) + ".parts")) if sample else None
    if sampler:
        sampler.start()
    _, err = proc.communicate()
    seconds = time.monotonic() - start
    if sampler:
        sampler.stopped.set()
        sampler.join()
    if proc.returncode != 0:
        sys.exit(f"pageparts run failed ({proc.returncode}): {err[-2000:]}")
    with out.open("rb") as f:
        statuses: dict[str, int] = {}
        rows = 0
        for line in f:
            rows += 1
            status = json.loads(line)["status"]
            statuses[status] = statuses.get(status, 0) + 1
    result: dict[str, Any] = {"seconds": seconds, "rows": rows, "statuses": statuses,
                              "cpu": _children_cpu() - cpu}
    if sampler:
        result["samples"] = sampler.samples
    return result


_PEER: Any = None


def _peer_init(name: str) -> None:
    global _PEER  # noqa: PLW0603 (one peer per pool process)
    from pageparts.eval.peers import PEERS

    _PEER = PEERS[name][1]()


def _peer_one(item: tuple[bytes, str | None, str | None]) -> int:
    payload, url, encoding = item
    page = decode(payload, Options(), kind="html", encoding=encoding).content
    out = _PEER.run(_PEER.prepare(page), url)
    return len(out.text)


def run_peer(name: str, warc: Path, workers: int) -> dict[str, Any]:
    records = [(r.payload, r.url, r.encoding) for r in read_warc(str(warc), limits=ReadLimits())
               if r.status is None and isinstance(r.payload, bytes)]
    ctx = multiprocessing.get_context("fork")
    start = time.monotonic()
    with ctx.Pool(workers, initializer=_peer_init, initargs=(name,)) as pool:
        chars = sum(pool.imap(_peer_one, records, chunksize=8))
    return {"seconds": time.monotonic() - start, "rows": len(records), "chars": chars}


# -- report --------------------------------------------------------------------------------------

def _memory_table(samples: list[tuple[float, int, dict[int, int]]]) -> list[str]:
    """RSS of each worker at every tenth of the run, and its peak: a leak shows as steady growth
    after the first pass over the distinct pages has set the high-water mark."""
    per_worker: dict[int, list[int]] = {}
    for _, _, rss in samples:
        for pid, value in rss.items():
            if value:
                per_worker.setdefault(pid, []).append(value)
    tenths = [f"{q * 10}%" for q in range(1, 11)]
    lines = ["| worker | " + " | ".join(tenths) + " | peak |",
             "|---|" + "---|" * (len(tenths) + 1)]
    for pid, values in sorted(per_worker.items(), key=lambda kv: -len(kv[1])):
        if len(values) < 20:
            continue
        n = len(values)
        cells = [f"{values[max(0, n * q // 10 - 1)] / 2**20:.0f}" for q in range(1, 11)]
        lines.append(f"| {pid} | " + " | ".join(cells) + f" | {max(values) / 2**20:.0f} |")
    return [*lines, "", "(RSS in MB, sampled every 0.5 s)"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=2000, help="records for the speed runs")
    ap.add_argument("--memory-records", type=int, default=10000,
                    help="records for the memory run (two workers); 0 skips it")
    ap.add_argument("--datasets", default=None)
    ap.add_argument("--no-ray", action="store_true")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--json", default=None, help="also write the raw results here")
    args = ap.parse_args()
    datasets = datasets_dir(args.datasets)
    results: dict[str, Any] = {"records": args.records, "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="pageparts-bench-") as tmp:
        folder = Path(tmp)
        warc = folder / "bench.warc.gz"
        results["warc_bytes"] = build_warc(warc, args.records, datasets)
        out = folder / "out.jsonl"
        for workers in (1, 2):
            run = results[f"pageparts_{workers}"] = run_pageparts(warc, out, workers)
            print(f"pageparts, {workers} worker(s): {run['seconds']:.1f} s", file=sys.stderr)
        if not args.no_peers:
            for name in ("trafilatura-text", "resiliparse"):
                for workers in (1, 2):
                    results[f"{name}_{workers}"] = run_peer(name, warc, workers)
                    print(f"{name}, {workers}: {results[f'{name}_{workers}']['seconds']:.1f} s",
                          file=sys.stderr)
        if not args.no_ray:
            results["ray_2"] = run_pageparts(warc, folder / "ray.jsonl", 2, engine="ray")
            print(f"ray, 2: {results['ray_2']['seconds']:.1f} s", file=sys.stderr)
        if args.memory_records:
            big = folder / "memory.warc.gz"
            build_warc(big, args.memory_records, datasets)
            results["memory"] = run_pageparts(big, folder / "memory.jsonl", 2, sample=True,
                                              shard_size=250)
            print(f"memory run: {results['memory']['seconds']:.1f} s", file=sys.stderr)
    results["load_after"] = os.getloadavg()
    print(report(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")


def report(results: dict[str, Any]) -> str:
    n = results["records"]
    lines = [f"records: {n:,} (pack pages, cycled), WARC {results['warc_bytes'] / 2**20:.1f} MB; "
             f"load average before {results['load_before'][0]:.1f}, after "
             f"{results['load_after'][0]:.1f}", "",
             "| system | 1 worker (pages/s) | 2 workers (pages/s) | scaling |",
             "|---|---|---|---|"]
    for name, label in (("pageparts", "pageparts run"), ("trafilatura-text", "trafilatura"),
                        ("resiliparse", "resiliparse")):
        one, two = results.get(f"{name}_1"), results.get(f"{name}_2")
        if one and two:
            r1, r2 = one["rows"] / one["seconds"], two["rows"] / two["seconds"]
            lines.append(f"| {label} | {r1:.1f} | {r2:.1f} | {r2 / r1:.2f}x |")
    if "ray_2" in results and "pageparts_2" in results:
        ray, local = results["ray_2"]["seconds"], results["pageparts_2"]["seconds"]
        same = results["ray_2"]["statuses"] == results["pageparts_2"]["statuses"]
        lines += ["", f"Ray engine, 2 workers: {ray:.1f} s against {local:.1f} s locally "
                  f"(overhead {ray - local:+.1f} s, {ray / local - 1:+.0%}); "
                  f"same statuses: {same}"]
    if "pageparts_1" in results:
        lines += ["", f"pageparts statuses: {results['pageparts_1']['statuses']}"]
        for workers in (1, 2):
            run = results.get(f"pageparts_{workers}", {})
            if run.get("cpu"):
                per_page = run["cpu"] / run["rows"] * 1000
                lines.append(f"pageparts, {workers} worker(s): {per_page:.0f} ms of CPU per page "
                             f"(all processes), {run['rows'] / run['cpu']:.1f} pages per "
                             "CPU-second")
    if "memory" in results:
        mem = results["memory"]
        lines += ["", f"memory run: {mem['rows']:,} records, 2 workers, {mem['seconds']:.0f} s "
                  f"({mem['rows'] / mem['seconds']:.1f} pages/s)", "",
                  *_memory_table(mem["samples"])]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
