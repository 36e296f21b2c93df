"""One LightGBM booster that is the average of several: their trees together, each leaf value
divided by their number.

A booster's raw score is the sum of its trees' leaf values (the starting score is folded into
the first tree), so the joined booster's raw score is the mean of the raw scores, and its
probability the sigmoid of the mean log-odds. Boosters trained alike with different random
seeds (row and column sampling) err in different places; their average errs less, and it stays
one ordinary model file that LightGBM, the compiler and the model checks read as any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["average_models"]

_TREE = re.compile(r"^Tree=\d+\n", re.M)
_END = "end of trees"
#: The lines of a tree that hold outputs: the leaves' (what predicts), and the inner nodes'
#: (what feature contributions are computed from).
_SCALED = ("leaf_value=", "internal_value=")


def _parts(text: str) -> tuple[str, list[str], str]:
    """(header, tree bodies without their ``Tree=k`` line, the rest from "end of trees")."""
    end = text.index(_END)
    first = _TREE.search(text)
    if first is None or first.start() > end:
        raise ValueError("a model with no trees")
    trees = _TREE.split(text[first.start():end])[1:]
    return text[:first.start()], trees, text[end:]


def _scale(tree: str, factor: float) -> str:
    lines = tree.split("\n")
    for i, line in enumerate(lines):
        for key in _SCALED:
            if line.startswith(key):
                values = line[len(key):].split()
                lines[i] = key + " ".join(repr(float(v) * factor) for v in values)
    return "\n".join(lines)


def average_models(texts: Sequence[str]) -> str:
    """The text of one booster averaging the boosters ``texts`` (LightGBM model text, same
    objective and features, one output each); a single model comes back as it is."""
    if len(texts) == 1:
        return texts[0]
    header, _, tail = _parts(texts[0])
    if "num_class=1\n" not in header:
        raise ValueError("only single-output models can be averaged")
    # tree_sizes indexes the trees of one model; LightGBM reads the trees in order without it
    header = re.sub(r"^tree_sizes=.*\n", "", header, flags=re.M)
    factor = 1.0 / len(texts)
    trees = [_scale(t, factor) for text in texts for t in _parts(text)[1]]
    body = "".join(f"Tree={k}\n{t}" for k, t in enumerate(trees))
    return header + body + tail
