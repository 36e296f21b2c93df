"""Speed and memory: pages per second beside the peers, peak RSS, and one very large page.

Speed is measured in this process, systems interleaved page by page over the same decoded pages,
best of ``repeat`` passes per system. Peak memory and the large page run in a fresh child process
per system that streams the pages from a temporary file one at a time, so the peak is the
system's own (plus one page), and one system's allocations do not count against another.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import struct
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .._errors import PagepartsError
from .._options import Options
from ..decode import decode
from ..model import Models
from .packs import datasets_dir, load_pack, pack_ids, resolve_pack, subset
from .peers import PEERS, load_peers
from .systems import PagepartsSystem, System

__all__ = ["BenchConfig", "bench", "format_bench", "synthetic_page"]

Log = Callable[[str], None]
Pages = list[tuple[str, str | None]]


@dataclass(frozen=True, slots=True)
class BenchConfig:
    """One benchmark run."""

    packs: tuple[str, ...] = ("wcxb-dev", "trafilatura-a")
    datasets: str | None = None
    sample: int = 200
    seed: int = 0
    repeat: int = 2
    peers: tuple[str, ...] = ("trafilatura", "trafilatura-text", "resiliparse")
    big_mb: float = 50.0
    big_peers: bool = False
    memory: bool = True
    child_timeout: float = 600.0
    #: compile the models first (the ``fast`` extra) and time LightGBM's pageparts beside them
    compiled: bool = False


def _stderr(msg: str) -> None:
    print(f"pageparts bench: {msg}", file=sys.stderr, flush=True)


def _load_pages(config: BenchConfig) -> Pages:
    """The sampled pages of every pack, decoded once (every system reads the same str)."""
    root = datasets_dir(config.datasets)
    per_pack = max(1, config.sample // max(1, len(config.packs)))
    pages: Pages = []
    for name in config.packs:
        path = resolve_pack(name, root)
        ids = subset(pack_ids(path), sample=per_pack, seed=config.seed)
        for page in load_pack(path, ids):
            try:
                decoded = decode(page.html, Options(), kind="html", url=page.url)
            except PagepartsError:
                continue
            pages.append((decoded.content, page.url))
    return pages


#: pageparts with its models run by LightGBM even where compiled builds are cached
LIGHTGBM = "pageparts-lightgbm"


def _make(name: str) -> System:
    if name == "pageparts":
        return PagepartsSystem()
    if name == LIGHTGBM:
        return PagepartsSystem(Models.default(compiled=False), name=LIGHTGBM)
    return PEERS[name][1]()


def _uses_builds(system: PagepartsSystem) -> bool:
    """Whether ``system`` runs compiled builds of its block models."""
    html = system.extractor.models.html
    return html is not None and html.compiled is not None


def _speed(systems: list[System], pages: Pages, repeat: int, log: Log) -> dict[str, float]:
    """Best seconds per system over ``repeat`` interleaved passes (after one warm-up page)."""
    for system in systems:
        system.run(*pages[0])
    best = {s.name: float("inf") for s in systems}
    for r in range(repeat):
        spent = dict.fromkeys(best, 0.0)
        for i, (page, url) in enumerate(pages):
            k = i % len(systems)
            for system in systems[k:] + systems[:k]:
                t0 = time.perf_counter()
                system.run(page, url)
                spent[system.name] += time.perf_counter() - t0
        log(f"pass {r + 1}/{repeat}: " + ", ".join(f"{n} {s:.2f}s" for n, s in spent.items()))
        best = {n: min(best[n], spent[n]) for n in best}
    return best


def _write_pages(pages: Pages) -> str:
    """Pages to a temporary file of length-prefixed records, so a child can stream them."""
    with tempfile.NamedTemporaryFile("wb", prefix="pageparts-bench-", delete=False) as f:
        for page, url in pages:
            for part in (page.encode("utf-8"), (url or "").encode("utf-8")):
                f.write(struct.pack("<Q", len(part)))
                f.write(part)
        return f.name


def _read_pages(path: str) -> Iterator[tuple[str, str | None]]:
    with open(path, "rb") as f:
        while head := f.read(8):
            page = f.read(struct.unpack("<Q", head)[0]).decode("utf-8")
            url = f.read(struct.unpack("<Q", f.read(8))[0]).decode("utf-8")
            yield page, url or None


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Linux keeps ``ru_maxrss`` across exec (so a spawned
    child would report its parent's peak); the memory map's own high-water mark does not."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(name: str, path: str, out: Any) -> None:
    """In a fresh process: stream the pages in ``path`` through one system (or none), one page
    in memory at a time; send the seconds spent and the process's peak RSS."""
    try:
        system = None if name == "none" else _make(name)
        if system is not None:  # untimed: lazy imports and model loading
            system.run("<html><body><p>A short page to warm up.</p></body></html>", None)
        seconds = 0.0
        for page, url in _read_pages(path):
            if system is not None:
                t0 = time.perf_counter()
                system.run(page, url)
                seconds += time.perf_counter() - t0
        out.send({"seconds": seconds, "peak_rss_mb": _peak_rss_mb()})
    except BaseException as exc:  # report any failure to the parent instead of dying silently
        out.send({"error": f"{type(exc).__name__}: {exc}"})


def _in_child(name: str, path: str, timeout: float) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(name, path, send), daemon=True)
    proc.start()
    result: dict[str, Any] = (recv.recv() if recv.poll(timeout)
                              else {"error": f"no result within {timeout:.0f}s"})
    if proc.is_alive():
        proc.kill()
    proc.join()
    return result


def _in_children(names: list[str], pages: Pages, timeout: float) -> dict[str, Any]:
    path = _write_pages(pages)
    try:
        return {n: _in_child(n, path, timeout) for n in names}
    finally:
        os.unlink(path)


def synthetic_page(megabytes: float) -> str:
    """A large article page written here: navigation, many paragraphs, lists, a table,
    a comment thread and a footer, repeated with varying numbers up to ``megabytes``."""
    head = ("<!doctype html><html><head><meta charset='utf-8'><title>A long report</title>"
            "</head><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a>"
            "</li><li><a href='/about'>About</a></li></ul></nav><main><article>"
            "<h1>A long report on nothing in particular</h1><p class='byline'>By A. Writer</p>")
    tail = ("</article><section class='comments'><h2>Comments</h2><ol><li><b>reader1</b>"
            "<p>Thanks for writing this.</p></li></ol></section></main><footer><p>Copyright "
            "example publisher. All rights reserved.</p></footer></body></html>")
    target = int(megabytes * 1024 * 1024)
    parts = [head]
    size, i = len(head) + len(tail), 0
    while size < target:
        chunk = (f"<h2>Section {i}</h2><p>Paragraph {i} goes on about measurement number {i * 7}"
                 f", the weather on day {i % 365}, and the price of {i % 97} apples at the "
                 "market, which is more than anybody wanted to know.</p><ul><li>item one of "
                 f"{i}</li><li>item two of {i}</li></ul><table><tr><td>{i}</td><td>{i * i}</td>"
                 "</tr></table><div class='share'><a href='#'>Share</a> <a href='#'>Tweet</a>"
                 "</div>")
        parts.append(chunk)
        size += len(chunk)
        i += 1
    parts.append(tail)
    return "".join(parts)


def bench(config: BenchConfig, *, log: Log = _stderr) -> dict[str, Any]:
    """Run the benchmark; return its report (JSON-ready)."""
    pages = _load_pages(config)
    if not pages:
        raise PagepartsError("no pages to benchmark; check the pack names and --sample")
    if config.compiled:
        from ..model import compile_models

        compile_models(log=log)  # untimed; builds already in the cache are kept
    pageparts = PagepartsSystem()
    systems: list[System] = [pageparts,
                             *([_make(LIGHTGBM)] if config.compiled else []),
                             *load_peers(list(config.peers), warn=log)]
    names = [s.name for s in systems]
    chars = sum(len(p) for p, _ in pages)
    log(f"{len(pages)} pages ({chars / 1e6:.1f} M characters), {config.repeat} passes")
    best = _speed(systems, pages, config.repeat, log)
    base = len(pages) / best["pageparts"]
    report: dict[str, Any] = {
        "config": {k: getattr(config, k) for k in config.__slots__},
        "pages": len(pages),
        "characters": chars,
        "compiled_models": _uses_builds(pageparts),
        "speed": {n: {"seconds": round(best[n], 3),
                      "pages_per_second": round(len(pages) / best[n], 1),
                      "x_pageparts": round(len(pages) / best[n] / base, 3)} for n in names},
    }
    if config.memory:
        log("peak memory: one fresh process per system")
        report["memory"] = _in_children(["none", *names], pages, config.child_timeout)
    if config.big_mb > 0:
        big: Pages = [(synthetic_page(config.big_mb), None)]
        log(f"synthetic page of {len(big[0][0]) / 1e6:.1f} M characters")
        big_names = ["none", *(names if config.big_peers else [
            n for n in names if n in ("pageparts", "resiliparse")])]
        report["big_page"] = {"megabytes": config.big_mb,
                              "runs": _in_children(big_names, big, config.child_timeout)}
    return report


def format_bench(report: dict[str, Any]) -> str:
    """The benchmark report as Markdown."""
    lines = ["## pageparts bench", "",
             f"{report['pages']} pages ({report['characters'] / 1e6:.1f} M characters), same "
             "decoded input for every system, one process, interleaved page by page; best of "
             f"{report['config']['repeat']} passes. pageparts ran "
             + ("compiled builds of its models (the `fast` extra)"
                if report.get("compiled_models") else "its models with LightGBM")
             + ".", "",
             "| system | seconds | pages/s | x pageparts |", "|---|---|---|---|"]
    for n, s in report["speed"].items():
        lines.append(f"| {n} | {s['seconds']:.2f} | {s['pages_per_second']:.1f} | "
                     f"{s['x_pageparts']:.2f} |")
    if "memory" in report:
        lines += ["", "Peak RSS of a fresh process streaming the same pages one at a time ('none': "
                  "the same process reading the pages and running nothing):", "",
                  "| system | peak RSS (MB) |", "|---|---|"]
        for n, m in report["memory"].items():
            value = f"{m['peak_rss_mb']:.0f}" if "peak_rss_mb" in m else m.get("error", "?")
            lines.append(f"| {n} | {value} |")
    if "big_page" in report:
        big = report["big_page"]
        lines += ["", f"One synthetic page of {big['megabytes']:g} MB, each system in a fresh "
                  "process ('none': the same process reading the page and running nothing):", "",
                  "| system | seconds | peak RSS (MB) |", "|---|---|---|"]
        for n, m in big["runs"].items():
            if "error" in m:
                lines.append(f"| {n} | {m['error']} | |")
            else:
                lines.append(f"| {n} | {m['seconds']:.2f} | {m['peak_rss_mb']:.0f} |")
    return "\n".join(lines) + "\n"
