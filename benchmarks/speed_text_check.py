"""Guard and timer for speed work on the plain-text path: its output must not change by one field.

    python benchmarks/speed_text_check.py --save /tmp/text_ref.json.gz    # with the old code
    python benchmarks/speed_text_check.py --check /tmp/text_ref.json.gz   # after a change
    python benchmarks/speed_text_check.py --baseline REV [--repeat K]     # old vs new, one process

Pages: seeded samples of wcxb-dev and trafilatura-a from ``../shared/datasets`` (default 300 and
100), each decoded and rendered to text the two ways of :mod:`pageparts.text.render` (``wet``,
``bullets``). Every fifth page is also hard-wrapped at 72 columns with blank lines between
paragraphs (the paragraph-joining path of :mod:`pageparts.text.segment`), every tenth read with
``Options(max_blocks=40)``; the seed page is added when ``../shared/seed`` is there, and 40
synthetic pages made of tricky lines (İ, final Σ, ſ, tabs, control characters, a 45,000-character
line, credits, dates, money).

Digest of a text case: every field of every RawBlock that ``pageparts.text.read_text`` returns,
its spans, metadata and comment threads, then ``Extractor().extract(text, kind="text")`` as
``Document.to_dict()`` plus the exact (unrounded) block scores. Of an HTML page: the Document the
same way, and ``furniture_kind`` of every block ``read_html`` returns (furniture.py serves both).

``--baseline REV`` loads the old ``text/{__init__,lines,roles,kinds,segment}.py`` and
``furniture.py`` from ``git show REV`` as a stand-alone package, checks that every digest is
identical with them swapped in (everything else is this checkout's), then times both versions,
interleaved page by page, best of K passes of ``time.process_time`` over the wet and bullets
cases: ``read_text`` alone, whole extraction, and ``furniture_kind`` on every HTML block. The
memos of both furniture modules are emptied before each pass. Run it with ``nice -n 10``.

``--save``/``--check`` compare whole processes. The checkout is shared and moves, so freeze it
first: copy ``src`` twice, put the old versions of the files above into one copy, then
``PYTHONPATH=/tmp/old/src ... --save ref.json.gz`` and ``PYTHONPATH=/tmp/new/src ... --check
ref.json.gz`` (the reference holds pack text: keep it outside the repository).

``--unicode`` checks the Unicode property text.roles relies on to count words in the
lower-cased page.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import importlib
import json
import random
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pageparts.assemble
import pageparts.text
from pageparts import Extractor
from pageparts._options import Options
from pageparts.decode import decode
from pageparts.eval.packs import load_pack, pack_ids, resolve_pack, subset
from pageparts.html import read_html
from pageparts.text.render import render

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed"
SAMPLES = {"wcxb-dev": 300, "trafilatura-a": 100}
TIGHT = Options(max_blocks=40)
#: The modules this guard covers, as they sit in ``src/pageparts``.
OWN_TEXT = ("__init__", "lines", "roles", "kinds", "segment")

Case = tuple[str, str, str, Options]  # key, kind ("html" or "text"), content, options


def _wrapped(text: str) -> str:
    """A WET rendering as a hard-wrapped dump: paragraphs at 72 columns, blank lines between."""
    return "\n\n".join(textwrap.fill(ln, 72) for ln in text.splitlines() if ln.strip())


def load_cases(samples: dict[str, int], seed: int = 0) -> list[Case]:
    """The HTML pages and their text renderings, in pack then gold order."""
    out: list[Case] = []
    opts = Options()
    n = 0
    for name, k in samples.items():
        path = resolve_pack(name)
        for page in load_pack(path, subset(pack_ids(path), sample=k, seed=seed)):
            key = f"{name}/{page.id}"
            html = decode(page.html, opts, kind="html").content
            out.append((key, "html", html, opts))
            wet = render(html, "wet")
            out.append((f"{key}#wet", "text", wet, opts))
            out.append((f"{key}#bullets", "text", render(html, "bullets"), opts))
            if n % 5 == 0:
                out.append((f"{key}#wrapped", "text", _wrapped(wet), opts))
            if n % 10 == 0:
                out.append((f"{key}#wet-tight", "text", wet, TIGHT))
            n += 1
    for f in sorted(SEED.glob("*.txt")) if SEED.is_dir() else []:
        out.append((f"seed/{f.stem}", "text", f.read_text(encoding="utf-8"), opts))
    out.extend((f"synthetic/{i}", "text", synthetic(i), opts) for i in range(40))
    return out


#: Lines and pieces the layout and word rules treat specially, in several scripts.
_PIECES = (
    "Share on Facebook", "Related stories", "Advertisement", "© 2024 Example Ltd.", "2,350 $",
    "March 3, 2024", "12.03.2024 10:15", "Photo: Jane Doe / Reuters", "By Maria K.", "Home",
    "Menu", "Subscribe to our newsletter", "We use cookies.", "İSTANBUL İLÇE", "ΟΔΟΣ ΚΑΙ ΣΟΦΙΑ",
    "Straße über Äpfel", "ǅemal ǈubo", "naïve café", "x\u0307y\u0301z", "ſtate of KELVIN",
    "ﬁle ﬂow", "Ⅻ chapter ⅻ", "٣ أيام", "日本語のテキスト", "snake_case_name", "a\tb\tc",
    "\u00a0\u00a0indented", "\u2003em space", "Read more", "Log in", "Search", "Reply",
    "3 days ago", "(c) Someone", "image courtesy of X", "Who? What! When;", "- dash item",
    "• bullet item", "  • nested bullet", "1. first", "a) letter item", "\x07bell\x1bescape",
)
_PROSE = ("The council met on Tuesday to review the proposal, and after a long debate the "
          "members agreed to publish the full report before the end of the month. ")


def synthetic(seed: int) -> str:
    """A page made of the pieces above, prose, blank lines and indents, in a seeded order;
    every fourth has a line too long for one block."""
    rng = random.Random(seed)
    lines = []
    for _ in range(rng.randint(5, 120)):
        r = rng.random()
        if r < 0.25:
            lines.append(_PROSE * rng.randint(1, 4))
        elif r < 0.35:
            lines.append("")
        else:
            lines.append(" " * rng.choice((0, 0, 2, 4, 6)) + " ".join(
                rng.choice(_PIECES) for _ in range(rng.randint(1, 3))))
    if seed % 4 == 0:
        lines.append(_PROSE * 300)
    return "\n".join(lines)


def _plain(v: Any) -> Any:
    """A value as JSON-able data that keeps every distinction (floats by repr)."""
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, frozenset | set):
        return sorted(_plain(x) for x in v)
    if isinstance(v, tuple | list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return sorted([str(k), _plain(x)] for k, x in v.items())
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {f.name: _plain(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if v is None or isinstance(v, str | int | bool):
        return v
    return repr(v)


def digest(case: Case, ex: Extractor) -> dict[str, Any]:
    """Everything the covered code decides for one case, in a process-independent form."""
    _, kind, content, opts = case
    ex.options = opts
    page = decode(content, opts, kind=kind)
    out: dict[str, Any] = {"input": hashlib.sha1(content.encode()).hexdigest()}
    if kind == "text":
        parsed = pageparts.text.read_text(page, opts)  # looked up here: swappable
        out["parsed"] = {
            "blocks": [_plain(b) for b in parsed.blocks],
            "spans": _plain(parsed.spans),
            "meta": _plain(parsed.meta),
            "comments": _plain(parsed.comments),
            "note": parsed.note,
        }
    else:
        fk = pageparts.assemble.furniture_kind
        out["kinds"] = [fk(b) for b in read_html(page, opts).blocks]
    doc = ex.extract(content, kind=kind)
    out["doc"] = doc.to_dict()
    out["scores"] = [repr(b.score) for b in doc.blocks]
    return json.loads(json.dumps(out))  # tuples → lists, as read back from a file


def run(cases: list[Case]) -> dict[str, Any]:
    ex = Extractor()
    return {c[0]: digest(c, ex) for c in cases}


# --- the old code, loaded beside the new --------------------------------------------------------

_BASE = "pp_base_text"


def _show(rev: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{rev}:{path}"], cwd=REPO, check=True,
                          capture_output=True, text=True).stdout


def load_baseline(rev: str) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """``read_text`` and ``furniture_kind`` as they were at ``rev``: the covered modules as one
    stand-alone package; everything else they import is this checkout's."""
    pkg = Path(tempfile.mkdtemp()) / _BASE
    pkg.mkdir()

    def local(m: re.Match[str]) -> str:
        up, name = m.group(1) == "..", m.group(2)
        if name in (("furniture",) if up else OWN_TEXT):
            return f"from .{name} import"
        return f"from pageparts.{'' if up else 'text.'}{name} import"

    for mod in OWN_TEXT:
        src = _show(rev, f"src/pageparts/text/{mod}.py")
        (pkg / f"{mod}.py").write_text(re.sub(r"from (\.\.?)([\w.]+) import", local, src),
                                       encoding="utf-8")
    src = _show(rev, "src/pageparts/furniture.py")
    (pkg / "furniture.py").write_text(re.sub(r"from \.([\w.]+) import", r"from pageparts.\1 import",
                                             src), encoding="utf-8")
    sys.path.insert(0, str(pkg.parent))
    base = importlib.import_module(_BASE)
    fur = importlib.import_module(f"{_BASE}.furniture")
    return base.read_text, fur.furniture_kind


@contextmanager
def swapped(read_text: Callable[..., Any], furniture_kind: Callable[..., Any]) -> Iterator[None]:
    old = pageparts.text.read_text, pageparts.assemble.furniture_kind
    pageparts.text.read_text, pageparts.assemble.furniture_kind = read_text, furniture_kind
    try:
        yield
    finally:
        pageparts.text.read_text, pageparts.assemble.furniture_kind = old


def _clear_memos() -> None:
    """Empty the memos of both versions of furniture.py, so no pass starts with the answers of
    the one before (within a pass they fill as they would over a corpus)."""
    for name in ("pageparts.furniture", f"{_BASE}.furniture"):
        for v in vars(sys.modules[name]).values():
            if callable(getattr(v, "cache_clear", None)):
                v.cache_clear()


def _timed(cases: list[Case], versions: list[Callable[[Case], object]],
           repeat: int) -> list[float]:
    """Best-of-``repeat`` CPU seconds of each version over the cases, interleaved per case."""
    best = [float("inf")] * len(versions)
    for rep in range(repeat):
        _clear_memos()
        tot = [0.0] * len(versions)
        for i, case in enumerate(cases):
            order = range(len(versions)) if (i + rep) % 2 == 0 else reversed(range(len(versions)))
            for which in order:
                t0 = time.process_time()
                versions[which](case)
                tot[which] += time.process_time() - t0
        best = [min(b, t) for b, t in zip(best, tot, strict=True)]
    return best


def bench(cases: list[Case], base: tuple[Callable[..., Any], Callable[..., Any]],
          repeat: int) -> None:
    new = pageparts.text.read_text, pageparts.assemble.furniture_kind
    ex = Extractor()
    text = [c for c in cases if c[0].endswith(("#wet", "#bullets"))]
    pages = {c[0]: decode(c[2], Options(), kind="text") for c in text}

    def reader(fns: tuple[Callable[..., Any], Callable[..., Any]]) -> Callable[[Case], object]:
        return lambda c: fns[0](pages[c[0]], Options())

    def extractor(fns: tuple[Callable[..., Any], Callable[..., Any]]) -> Callable[[Case], object]:
        def go(c: Case) -> object:
            with swapped(*fns):
                return ex.extract(c[2], kind="text")
        return go

    n = len(text)
    for what, make in (("read_text", reader), ("extract", extractor)):
        old, got = _timed(text, [make(base), make(new)], repeat)
        print(f"{what:10s} {n} text pages  baseline {old:6.3f}s ({n / old:6.1f} p/s)  "
              f"this {got:6.3f}s ({n / got:6.1f} p/s)  x{old / got:.2f}")
    blocks = [b for c in cases if c[1] == "html"
              for b in read_html(decode(c[2], Options(), kind="html"), Options()).blocks]
    old, got = _timed([("", "", "", Options())], [lambda _: [base[1](b) for b in blocks],
                                                  lambda _: [new[1](b) for b in blocks]], repeat)
    print(f"furniture_kind on {len(blocks)} HTML blocks  baseline {old:6.3f}s  this {got:6.3f}s"
          f"  x{old / got:.2f}")


def _first_difference(a: dict[str, Any], b: dict[str, Any]) -> str:
    if a.get("input") != b.get("input"):
        return "the input differs (rendering changed?): not comparable"
    for part in ("parsed", "kinds", "doc", "scores"):
        x, y = a.get(part), b.get(part)
        if x == y:
            continue
        if isinstance(x, dict) and isinstance(y, dict):
            for k in sorted(set(x) | set(y)):
                if x.get(k) != y.get(k):
                    xs, ys = x.get(k), y.get(k)
                    if isinstance(xs, list) and isinstance(ys, list) and len(xs) == len(ys):
                        i = next(i for i, (p, q) in enumerate(zip(xs, ys, strict=True)) if p != q)
                        return (f"{part}.{k}[{i}]: {json.dumps(xs[i])[:400]}\n      != "
                                f"{json.dumps(ys[i])[:400]}")
                    return f"{part}.{k}: {json.dumps(xs)[:400]}\n      != {json.dumps(ys)[:400]}"
        return f"{part}: {json.dumps(x)[:400]}\n      != {json.dumps(y)[:400]}"
    return "?"


def compare(ref: dict[str, Any], got: dict[str, Any]) -> int:
    bad = [k for k in ref if got.get(k) != ref[k]] + [k for k in got if k not in ref]
    n_blocks = sum(len(d["doc"].get("blocks", ())) for d in got.values())
    if not bad:
        print(f"identical: {len(got)} cases ({n_blocks} blocks)")
        return 0
    print(f"DIFFERENT: {len(bad)} of {len(got)} cases")
    for k in bad[:8]:
        print(f"  {k}: " + (_first_difference(ref[k], got[k]) if k in ref and k in got
                             else "missing on one side"))
    return 1


def unicode_check() -> int:
    """What text.roles relies on to count words in the lower-cased page: a character that
    lower-cases to one character (σ or ς for Σ, by context) stays a word character or not; the
    others make the page longer, and roles then counts in the page as written."""
    word = re.compile(r"\w")
    flips = [hex(cp) for cp in range(sys.maxunicode + 1)
             if len(low := chr(cp).lower()) == 1
             and bool(word.match(chr(cp))) != bool(word.match(low))]
    if not word.match("ς"):
        flips.append("final sigma")
    longer = [hex(cp) for cp in range(sys.maxunicode + 1) if len(chr(cp).lower()) > 1]
    print(f"characters whose lower case changes word-ness: {flips or 'none'}; "
          f"that lower-case to more than one character: {longer}")
    return 1 if flips else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path, help="write the digests of this code here")
    g.add_argument("--check", type=Path, help="compare this code against saved digests")
    g.add_argument("--baseline", metavar="REV", help="compare and time against REV in-process")
    g.add_argument("--unicode", action="store_true", help="check the lower-casing assumption")
    ap.add_argument("--wcxb", type=int, default=SAMPLES["wcxb-dev"])
    ap.add_argument("--traf", type=int, default=SAMPLES["trafilatura-a"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-time", action="store_true", help="with --baseline: compare only")
    args = ap.parse_args()
    if args.unicode:
        return unicode_check()
    cases = load_cases({"wcxb-dev": args.wcxb, "trafilatura-a": args.traf})
    if args.baseline:
        base = load_baseline(args.baseline)
        with swapped(*base):
            ref = run(cases)
        status = compare(ref, run(cases))
        if not args.no_time:
            bench(cases, base, args.repeat)
        return status
    got = run(cases)
    if args.save:
        with gzip.open(args.save, "wt", encoding="utf-8") as f:
            json.dump(got, f)
        print(f"saved {len(got)} digests to {args.save}")
        return 0
    with gzip.open(args.check, "rt", encoding="utf-8") as f:
        return compare(json.load(f), got)


if __name__ == "__main__":
    sys.exit(main())
