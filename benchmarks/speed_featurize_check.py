"""Guard and clock for speed work on block features: this checkout's ``featurize`` and stack
features against a git revision's, on the same segmented pages.

    python benchmarks/speed_featurize_check.py [--baseline REV] [--wcxb N] [--traf N]
                                               [--repeat K] [--no-extract] [--json OUT]

Pages: seeded samples of wcxb-dev and trafilatura-a from ``../shared/datasets`` (default 300 and
100), each read three ways: as HTML (``read_html``) and as its two plain-text renderings
(``pageparts.text.render``: ``wet`` and ``bullets``, read with ``read_text``). Every page is
segmented once; both versions then see the same ``ParsedPage``.

The baseline is ``src/pageparts/features.py`` and ``stack.py`` at REV (default HEAD), loaded from
``git show`` as modules inside the ``pageparts`` package.

- check: the cue, date and credit regexes must find the same matches as the baseline's on
  ``--fuzz`` random strings made of the words they look for, punctuation and random characters
  (how patterns rewritten for speed are held to their plain forms); ``featurize`` must give the
  same float32 matrix (``np.array_equal``, shape and dtype) on every page and ``FEATURE_NAMES``
  must be the same tuple; ``stack_features(stack_context(...))`` likewise, fed with first-stage
  scores rounded to one decimal (ties and exact 0.5 included) and with the shipped first-stage
  model's scores when it loads. Exit status 1 on any difference.
- time: ``featurize`` and the two stack functions, both versions on each page in turn (the order
  alternating page by page), ``time.process_time`` summed over a pass, best of K passes; and
  ``Extractor().extract`` with the baseline functions swapped in (``assemble.featurize``,
  ``stack.stack_context``/``stack_features``) against this checkout, interleaved the same way.

Ratios matter more than absolute numbers on a shared machine. Run it with ``nice -n 10``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from _revision import load_at

import pageparts.assemble
import pageparts.features as new_features
import pageparts.stack as new_stack
from pageparts import Extractor
from pageparts._options import Options
from pageparts.blocks import Metadata, Page, ParsedPage, RawBlock
from pageparts.decode import decode
from pageparts.eval.packs import load_pack, pack_ids, resolve_pack, subset
from pageparts.html import read_html
from pageparts.model import Models
from pageparts.text import read_text
from pageparts.text.render import render

KINDS = ("html", "wet", "bullets")


@dataclass
class Sample:
    """One page read one way: its key, its input for ``extract`` and its segmented form."""

    key: str
    kind: str  # html, wet or bullets
    content: str
    parsed: ParsedPage


def load_baseline(rev: str) -> tuple[ModuleType, ModuleType]:
    """``features`` and ``stack`` as they were at ``rev`` (relative imports resolve inside the
    installed ``pageparts``; the baseline stack imports the baseline features)."""
    feats = load_at(rev, "src/pageparts/features.py", "pageparts._base_features", {})
    stack = load_at(rev, "src/pageparts/stack.py", "pageparts._base_stack",
                  {"from .features import": "from ._base_features import"})
    return feats, stack


def load_samples(n_wcxb: int, n_traf: int, seed: int = 0) -> list[Sample]:
    """The sampled pages, each as HTML and as its wet and bullets renderings."""
    opts = Options()
    out: list[Sample] = []
    for name, n in (("wcxb-dev", n_wcxb), ("trafilatura-a", n_traf)):
        if not n:
            continue
        path = resolve_pack(name)
        for page in load_pack(path, subset(pack_ids(path), sample=n, seed=seed)):
            html = decode(page.html, opts, kind="html").content
            key = f"{name}/{page.id}"
            out.append(Sample(key, "html", html, read_html(decode(html, opts, kind="html"), opts)))
            for style in ("wet", "bullets"):
                text = render(html, style)
                if not text.strip():
                    continue
                out.append(Sample(key, style, text,
                                  read_text(decode(text, opts, kind="text"), opts)))
    return out


def synthetic_samples(seed: int = 0, n_pages: int = 60) -> list[Sample]:
    """Pages built block by block from awkward pieces (empty and blank texts, NUL, lone
    surrogates, characters above the BMP, a text of 5,000 characters, 5,000 links, deep and
    shallow ancestors, every comment mark, bullets), segmented by no segmenter, so the check
    also covers what pack pages rarely hold."""
    rng = random.Random(seed)
    pieces = ["", " ", "\n", "\x00", "\ud800", "\U0001f600", "\U00020000", "Σ", "ΣΑΣ", "İ",
              "©", "Copyright", "5 days ago", "12.03.2020", "Photo: AP", "By Jane", "$ 12.99",
              "Sign up", "cookies", "du bist", "The", "and", "x" * 5_000, "a:b", "Title Words"]
    out = []
    for k in range(n_pages):
        n = rng.randint(1, 40)
        spans: dict[int, tuple[int, int]] = {}
        blocks = []
        for i in range(n):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
            if i == n - 1 and k % 10 and not text:
                text = "end"  # the baseline fails on an empty last block: only every tenth page
            depth = rng.randint(0, 6)
            anc = tuple(rng.sample(range(1, 30), depth))
            for a in anc:
                lo, hi = spans.get(a, (i, i + 1))
                spans[a] = (min(lo, i), max(hi, i + 1))
            extra: dict[str, object] = rng.choice(
                [{}, {"comment": 0}, {"comment": "posts"}, {"comment": None}])
            blocks.append(RawBlock(
                text, tag=rng.choice(["p", "h1", "h5", "li", "dd", "line", "div"]),
                depth=rng.randint(0, 3), ancestors=anc,
                link_chars=rng.randint(0, len(text)), n_links=rng.choice([0, 1, 5_000]),
                n_images=rng.randint(0, 2), dom_depth=rng.randint(0, 50),
                tokens=frozenset(rng.sample(["nav", "comment", "share", "@nav", "x"], 2)),
                own_tokens=frozenset(rng.sample(["footer", "related", "y"], 1)),
                bullet=rng.choice([None, "", "•", "1.", "a)"]), indent=rng.randint(0, 8),
                blank_before=rng.randint(0, 2), n_lines=rng.randint(1, 3), extra=extra))
        title = rng.choice([None, "", "Title Words", "ΣΑΣ and The", "x" * 30])
        page = Page("", "text")
        parsed = ParsedPage(page, blocks, Metadata(title=title), spans=spans)
        out.append(Sample(f"synthetic/{k}", "synthetic", "", parsed))
    return out


def _scores(models: Models | None, s: Sample, X: np.ndarray) -> list[np.ndarray]:
    n = X.shape[0]
    rng = np.random.default_rng(n)
    out = [np.round(rng.random(n), 1)]
    if models is not None and n and s.kind != "synthetic":
        kind = "html" if s.kind == "html" else "text"
        try:
            out.append(models.block(kind).predict(X))
        except Exception as exc:  # a stale shipped model: the rounded scores still check
            print(f"  (first-stage model not used: {exc})", file=sys.stderr)
            return out
    return out


def check(samples: list[Sample], base_f: ModuleType, base_s: ModuleType) -> list[str]:
    """Keys of the samples whose features or stack features differ, with the first difference."""
    bad: list[str] = []
    if tuple(base_f.FEATURE_NAMES) != tuple(new_features.FEATURE_NAMES):
        bad.append("FEATURE_NAMES differ")
    if tuple(base_s.STACK_FEATURE_NAMES) != tuple(new_stack.STACK_FEATURE_NAMES):
        bad.append("STACK_FEATURE_NAMES differ")
    try:
        models: Models | None = Models.default()
    except Exception as exc:
        print(f"  (shipped models not loaded: {exc})", file=sys.stderr)
        models = None
    for s in samples:
        b = new_features.featurize(s.parsed)
        try:
            a = base_f.featurize(s.parsed)
        except Exception as exc:  # a baseline bug this checkout fixed: report, not a difference
            print(f"  baseline failed on {s.key}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        if a.dtype != b.dtype or a.shape != b.shape or not np.array_equal(a, b):
            cols = [] if a.shape != b.shape else sorted(
                {new_features.FEATURE_NAMES[j] for j in np.argwhere(a != b)[:, 1]})
            bad.append(f"{s.key} [{s.kind}] features: {a.shape} {a.dtype} vs {b.shape} "
                       f"{b.dtype}; columns {cols[:8]}")
            continue
        if not a.shape[0]:
            continue
        ca, cb = base_s.stack_context(s.parsed), new_stack.stack_context(s.parsed)
        if not (np.array_equal(ca.chars, cb.chars) and np.array_equal(ca.containers,
                                                                      cb.containers)):
            bad.append(f"{s.key} [{s.kind}] stack_context differs")
            continue
        for p in _scores(models, s, a):
            sa, sb = base_s.stack_features(ca, a, p), new_stack.stack_features(cb, b, p)
            if sa.dtype != sb.dtype or sa.shape != sb.shape or not np.array_equal(sa, sb):
                bad.append(f"{s.key} [{s.kind}] stack_features differ")
                break
    return bad


#: Pieces the cue, date and credit patterns care about, for :func:`fuzz_patterns`.
_FRAGMENTS = (
    "sign", "up", "in", "log", "login", "subscribe", "cookies", "cookie", "terms", "of", "and",
    "all rights reserved", "donate", "dona", "regístrate", "registriert", "register", "mehr",
    "lesen", "supporting us", "consent", "become a member", "add to cart", "get the app",
    "política de privacidad", "1", "12", "2020", "05", "٣", "/", ".", "-", ",", ":", "jan", "Jan",
    "JAN", "ſep", "Sep", "September", "mär", "März", "Mai", "okt", "dez", "ago", "AGO", "days",
    "minutes", "years", "source", "SOURCE", "ſource", "credit", "PHOTO", "İmage", "ımage", "foto",
    "bild", "quelle", "©", "(c)", "(C)", "(", ")", "getty", "@", "@a", "é", "_", "\n", "\x00",
    "İ", "K", "ä", " ", "  ",
)


def fuzz_patterns(base_f: ModuleType, n: int, seed: int = 0) -> list[str]:
    """Strings on which a regex of this checkout and the baseline's namesake find different
    matches (spans, and for the cues the group's first letter), for _CUES, _DATE and _CREDIT."""
    rng = random.Random(seed)
    bad: list[str] = []
    pats = [(name, getattr(base_f, name), getattr(new_features, name))
            for name in ("_CUES", "_DATE", "_CREDIT")
            if hasattr(base_f, name) and hasattr(new_features, name)]
    for _ in range(n):
        text = "".join(rng.choice(_FRAGMENTS) if rng.random() < 0.8 else chr(rng.randrange(0x3000))
                       for _ in range(rng.randint(1, 12)))
        for name, a, b in pats:
            ma = [(m.span(), (m.lastgroup or "")[:1]) for m in a.finditer(text)]
            mb = [(m.span(), (m.lastgroup or "")[:1]) for m in b.finditer(text)]
            if ma != mb:
                bad.append(f"{name} on {text!r}: {ma} != {mb}")
    return bad


def _clock(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def time_stages(samples: list[Sample], base_f: ModuleType, base_s: ModuleType, repeat: int
                ) -> dict[str, dict[str, float]]:
    """Best-of-``repeat`` seconds per kind for featurize and for the stack functions."""
    best: dict[str, dict[str, float]] = {}
    for _ in range(repeat):
        tot: dict[str, dict[str, float]] = {}
        for i, s in enumerate(samples):
            p = np.linspace(0.0, 1.0, len(s.parsed.blocks))
            X = new_features.featurize(s.parsed)
            for version, f, st in (("before", base_f, base_s), ("after", new_features,
                                                                  new_stack))[:: 1 - 2 * (i % 2)]:
                t = tot.setdefault(f"featurize {s.kind}", {"before": 0.0, "after": 0.0})
                t[version] += _clock(lambda f=f, s=s: f.featurize(s.parsed))
                if len(p):
                    t = tot.setdefault(f"stack {s.kind}", {"before": 0.0, "after": 0.0})
                    t[version] += _clock(
                        lambda st=st, s=s, X=X, p=p: st.stack_features(st.stack_context(s.parsed),
                                                                      X, p))
        for k, v in tot.items():
            b = best.setdefault(k, {"before": float("inf"), "after": float("inf")})
            for version in v:
                b[version] = min(b[version], v[version])
    return best


@contextmanager
def _swapped(base_f: ModuleType, base_s: ModuleType) -> Iterator[None]:
    saved = (pageparts.assemble.featurize, new_stack.stack_context, new_stack.stack_features)
    pageparts.assemble.featurize = base_f.featurize  # type: ignore[attr-defined]
    new_stack.stack_context = base_s.stack_context  # type: ignore[attr-defined]
    new_stack.stack_features = base_s.stack_features  # type: ignore[attr-defined]
    try:
        yield
    finally:
        (pageparts.assemble.featurize, new_stack.stack_context,  # type: ignore[attr-defined]
         new_stack.stack_features) = saved


def time_extract(samples: list[Sample], base_f: ModuleType, base_s: ModuleType, repeat: int
                 ) -> dict[str, dict[str, float]]:
    """Best-of-``repeat`` seconds of ``Extractor().extract`` per kind (text: wet + bullets)."""
    ex = Extractor()
    best: dict[str, dict[str, float]] = {}
    for _ in range(repeat):
        tot: dict[str, dict[str, float]] = {}
        for i, s in enumerate(samples):
            kind = "html" if s.kind == "html" else "text"
            t = tot.setdefault(f"extract {kind}", {"before": 0.0, "after": 0.0})
            for version in ("before", "after")[:: 1 - 2 * (i % 2)]:
                if version == "before":
                    with _swapped(base_f, base_s):
                        t[version] += _clock(lambda s=s, k=kind: ex.extract(s.content, kind=k))
                else:
                    t[version] += _clock(lambda s=s, k=kind: ex.extract(s.content, kind=k))
        for k, v in tot.items():
            b = best.setdefault(k, {"before": float("inf"), "after": float("inf")})
            for version in v:
                b[version] = min(b[version], v[version])
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--baseline", default="HEAD", help="git revision to compare against")
    ap.add_argument("--wcxb", type=int, default=300, help="pages of wcxb-dev")
    ap.add_argument("--traf", type=int, default=100, help="pages of trafilatura-a")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes (best kept)")
    ap.add_argument("--no-time", action="store_true", help="check only")
    ap.add_argument("--no-extract", action="store_true", help="skip the whole-extract timing")
    ap.add_argument("--fuzz", type=int, default=50_000,
                    help="random strings on which the cue, date and credit regexes must agree")
    ap.add_argument("--json", type=Path, help="write the timings here")
    args = ap.parse_args()
    base_f, base_s = load_baseline(args.baseline)
    samples = load_samples(args.wcxb, args.traf)
    n_blocks = {k: sum(len(s.parsed.blocks) for s in samples if s.kind == k) for k in KINDS}
    n_pages = {k: sum(1 for s in samples if s.kind == k) for k in KINDS}
    print(f"{len(samples)} samples: " + ", ".join(
        f"{k} {n_pages[k]} pages / {n_blocks[k]} blocks" for k in KINDS))
    synthetic = synthetic_samples()
    bad = fuzz_patterns(base_f, args.fuzz) + check(synthetic + samples, base_f, base_s)
    if bad:
        print(f"DIFFERENT: {len(bad)} differences (fuzzed strings and {len(samples)} samples)")
        for line in bad[:10]:
            print("  " + line)
        return 1
    print(f"identical: features and stack features of all {len(samples)} samples and "
          f"{len(synthetic)} synthetic pages, regex matches on {args.fuzz} fuzzed strings "
          f"(baseline {args.baseline})")
    if args.no_time:
        return 0
    result: dict[str, Any] = {"baseline": args.baseline, "pages": n_pages, "blocks": n_blocks}
    result["stages"] = time_stages(samples, base_f, base_s, args.repeat)
    if not args.no_extract:
        result["extract"] = time_extract(samples, base_f, base_s, args.repeat)
    pages = {**{f"featurize {k}": n_pages[k] for k in KINDS},
             **{f"stack {k}": n_pages[k] for k in KINDS},
             "extract html": n_pages["html"], "extract text": n_pages["wet"] + n_pages["bullets"]}
    print(f"{'stage':<20} {'before s':>9} {'after s':>9} {'speed-up':>9} "
          f"{'pages/s before':>15} {'pages/s after':>14}")
    for group in ("stages", "extract"):
        for k, v in result.get(group, {}).items():
            b, a = v["before"], v["after"]
            print(f"{k:<20} {b:9.3f} {a:9.3f} {b / a if a else 0:8.2f}x "
                  f"{pages[k] / b if b else 0:15.1f} {pages[k] / a if a else 0:14.1f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
