"""Benchmark packs: a folder of ``gold.jsonl.gz`` + ``pages/<id>.html.gz`` → :class:`PackPage`.

Also where the packs live, deterministic subsets, and cross-validation folds grouped by site so a
model is never scored on a site it was trained on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .._errors import InputError

__all__ = [
    "PackPage",
    "datasets_dir",
    "group_key",
    "grouped_folds",
    "load_pack",
    "pack_ids",
    "resolve_pack",
    "subset",
]

#: Environment variable that points at the folder holding the packs.
ENV_VAR = "PAGEPARTS_DATASETS"


@dataclass(frozen=True, slots=True)
class PackPage:
    """One page of a pack: its raw bytes, its gold record, and its cross-validation group."""

    pack: str
    id: str
    html: bytes
    gold: dict[str, Any]
    group: str

    @property
    def url(self) -> str | None:
        url = self.gold.get("url")
        return url if isinstance(url, str) and "://" in url else None


def datasets_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the packs: ``override``, else ``$PAGEPARTS_DATASETS``, else
    ``shared/datasets`` beside the repository checkout."""
    if override:
        return Path(override)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    # src/pageparts/eval/packs.py → parents[3] is the checkout; shared/ sits beside it.
    return Path(__file__).resolve().parents[4] / "shared" / "datasets"


def resolve_pack(name: str, root: Path | None = None) -> Path:
    """A pack given by name (looked up in :func:`datasets_dir`) or by path."""
    path = Path(name)
    if not (path / "gold.jsonl.gz").is_file():
        path = (root or datasets_dir()) / name
    if not (path / "gold.jsonl.gz").is_file():
        raise InputError(f"{name}: not a pack (no gold.jsonl.gz there or in {path.parent}); "
                         f"pass a pack folder, or set {ENV_VAR} / --datasets to the packs' folder")
    return path


_TLDISH = re.compile(r"^(?:[a-z]{2,3}|info|mobi|name|asia|tech|online|site|blog|news)$")
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gob", "nic"}


def _registrable(host: str) -> str:
    """``www.bbc.co.uk`` → ``bbc.co.uk``; ``blog.python.org`` → ``python.org`` (a close guess,
    no public-suffix list: grouping only needs to keep one site's pages together)."""
    labels = [x for x in host.lower().strip(".").split(".") if x]
    if len(labels) <= 2:
        return ".".join(labels)
    if labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _host_of(url: str) -> str:
    if "://" in url:
        return urlsplit(url).hostname or ""
    # trafilatura-a names some pages like "hard::dw.com.colonial.html": a host, then a slug.
    name = url.split("::", 1)[-1].removesuffix(".html").split("-", 1)[0]
    labels = name.split(".")
    last = max((i for i, lab in enumerate(labels) if i > 0 and _TLDISH.match(lab)), default=-1)
    return ".".join(labels[: last + 1]) if last > 0 else name


def group_key(gold: dict[str, Any]) -> str:
    """The site a page belongs to: ``domain`` when the gold has one, else the URL's host,
    reduced to its registrable domain so sub-domains of one site share a group."""
    domain = gold.get("domain")
    host = domain if isinstance(domain, str) and domain else _host_of(str(gold.get("url") or ""))
    return _registrable(host) or f"id:{gold.get('id')}"


def load_pack(path: Path, ids: Iterable[str] | None = None) -> list[PackPage]:
    """Read a pack's gold and page bytes (only the pages in ``ids`` when given), in gold order."""
    wanted = set(ids) if ids is not None else None
    pages: list[PackPage] = []
    with gzip.open(path / "gold.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            gold = json.loads(line)
            pid = str(gold["id"])
            if wanted is not None and pid not in wanted:
                continue
            html = gzip.decompress((path / "pages" / f"{pid}.html.gz").read_bytes())
            pages.append(PackPage(path.name, pid, html, gold, group_key(gold)))
    return pages


def pack_ids(path: Path) -> list[str]:
    """Every page id of a pack, in gold order (reads the gold only)."""
    with gzip.open(path / "gold.jsonl.gz", "rt", encoding="utf-8") as f:
        return [str(json.loads(line)["id"]) for line in f if line.strip()]


def subset(ids: Sequence[str], *, limit: int | None = None, sample: int | None = None,
           seed: int = 0) -> list[str]:
    """The first ``limit`` ids, or a deterministic random ``sample`` of them (kept in order)."""
    chosen = list(ids)
    if sample is not None and sample < len(chosen):
        picked = set(random.Random(seed).sample(sorted(chosen), sample))
        chosen = [i for i in chosen if i in picked]
    if limit is not None:
        chosen = chosen[:limit]
    return chosen


def grouped_folds(pages: Sequence[PackPage], k: int, seed: int = 0) -> list[int]:
    """A fold index in ``range(k)`` for each page; all pages of one group share a fold.

    Groups are dealt largest first to the currently smallest fold (ties broken by a seeded hash
    of the group name), so folds are balanced and the same inputs always give the same folds.
    """
    if k < 2:
        raise InputError(f"cross-validation needs at least 2 folds, not {k}")
    sizes: dict[str, int] = {}
    for page in pages:
        sizes[page.group] = sizes.get(page.group, 0) + 1
    if len(sizes) < k:
        raise InputError(f"{len(sizes)} site groups cannot fill {k} folds; use fewer folds")

    def tiebreak(group: str) -> str:
        return hashlib.sha256(f"{seed}:{group}".encode()).hexdigest()

    fold_of: dict[str, int] = {}
    load = [0] * k
    for group in sorted(sizes, key=lambda g: (-sizes[g], tiebreak(g))):
        fold = min(range(k), key=lambda i: (load[i], i))
        fold_of[group] = fold
        load[fold] += sizes[group]
    return [fold_of[page.group] for page in pages]


def joined_folds(pages: Sequence[PackPage], folds: Sequence[int], others: Sequence[PackPage],
                 k: int) -> list[int]:
    """Folds for pages of other packs that only join the training: each goes to the fold of its
    site among ``pages`` (so a site is never on both sides), else to a fold hashed from its
    site."""
    site_fold = {p.group: f for p, f in zip(pages, folds, strict=True)}
    return [site_fold.get(p.group, int(hashlib.sha256(p.group.encode()).hexdigest(), 16) % k)
            for p in others]
