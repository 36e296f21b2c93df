"""Near-duplicates over the main text, with datasketch's MinHash LSH.

Each worker attaches a MinHash signature of the main text (word 5-grams) to its
row; this pass indexes the signatures in record order with datasketch's LSH and marks every row
whose text is near-identical (estimated Jaccard ≥ the threshold) to an earlier row's with
``near_duplicate_of`` = that earlier row's id. The first of a group is the one kept unmarked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..._errors import MissingExtra
from ..records import Row

__all__ = ["NEAR_DUPLICATE_PERM", "near_duplicates", "signatures_of", "text_signature"]

#: MinHash permutations: with 128 the Jaccard estimate's standard error is about 0.035 at 0.8.
NEAR_DUPLICATE_PERM = 128
_SEED = 1
_SCHEME = "affine32"  # datasketch 2.0's hashing scheme, named so stored signatures stay valid
_WORD = re.compile(r"\w+")
_SHINGLE = 5


def _minhash() -> Any:
    try:
        from datasketch import MinHash
    except ImportError as exc:
        raise MissingExtra("datasketch", "corpus") from exc
    return MinHash


def text_signature(text: str, num_perm: int = NEAR_DUPLICATE_PERM) -> list[int]:
    """The MinHash signature of ``text``'s lower-cased word 5-grams (a short text: its words)."""
    words = _WORD.findall(text.lower())
    n = min(_SHINGLE, len(words))
    shingles = {" ".join(words[i: i + n]).encode("utf-8")
                for i in range(max(1, len(words) - n + 1))} if words else {b""}
    m = _minhash()(num_perm=num_perm, seed=_SEED, scheme=_SCHEME)
    m.update_batch(list(shingles))
    return [int(v) for v in m.hashvalues]


def near_duplicates(signatures: Iterable[tuple[int, str, list[int]]],
                    threshold: float) -> dict[int, str]:
    """``{row number: id of the earlier row it nearly duplicates}`` over ``(row, id, signature)``
    given in output order."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh: MinHashLSH | None = None
    kept: dict[int, LeanMinHash] = {}
    ids: dict[int, str] = {}
    marks: dict[int, str] = {}
    for number, rid, values in signatures:
        sketch = LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)
        if lsh is None:
            lsh = MinHashLSH(threshold=threshold, num_perm=len(values))
        candidates = [c for c in lsh.query(sketch) if kept[c].jaccard(sketch) >= threshold]
        if candidates:
            marks[number] = ids[min(candidates)]
            continue
        lsh.insert(number, sketch)
        kept[number] = sketch
        ids[number] = rid
    return marks


def signatures_of(rows: Iterable[Row]) -> Iterable[tuple[int, str, list[int]]]:
    """``(row number, id, signature)`` of every row that has one."""
    for number, row in enumerate(rows):
        values = row.get("_minhash")
        if values:
            yield number, str(row["id"]), values
