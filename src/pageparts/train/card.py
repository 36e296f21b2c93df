"""The model card written beside the models: data, features, parameters, how to rebuild.

Cross-validated scores are added by ``pageparts eval --cv`` runs and recorded in the card's
"Scores" section (kept from the previous card when a retrain does not recompute them).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..features import FEATURE_NAMES, TEXT_FEATURE_NAMES
from ..pagetype import PAGE_FEATURE_NAMES
from ..stack import STACK_NAMES, TEMPLATE_NAMES
from ..text.headline import HEADLINE_FEATURE_NAMES
from .fit import (
    BLOCK_PARAMS,
    BLOCK_ROUNDS,
    BLOCK_SEEDS,
    HEADLINE_PARAMS,
    HEADLINE_ROUNDS,
    OOF_FOLDS,
    PAGE_PARAMS,
    PAGE_ROUNDS,
    PAGE_WEIGHT_POWER,
)

if TYPE_CHECKING:
    from ..eval.packs import PackPage

CARD = "MODEL_CARD.md"
_ROLE = {
    "block_html.lgb.txt": "main-content probability of an HTML block (first stage)",
    "block_html_stack.lgb.txt": "the same, second stage (sees the first stage's scores around "
                                "the block)",
    "page_type.lgb.txt": "page type (multiclass)",
    "block_text.lgb.txt": "main-content probability of a plain-text block (first stage)",
    "block_text_stack.lgb.txt": "the same for plain text, second stage",
    "page_type_text.lgb.txt": "page type of a plain-text page (multiclass)",
    "headline_text.lgb.txt": "which candidate line of a plain-text page is its headline",
}
_SCORES = "## Scores"


def write_card(out: Path, by_pack: Mapping[str, Sequence[PackPage]],
               kind_packs: Mapping[str, Sequence[str]], written: dict[str, float]) -> Path:
    """Write ``MODEL_CARD.md`` for a training run: ``by_pack`` the pages read, per pack
    argument; ``kind_packs`` the packs each kind trained on; ``written`` the files made."""
    path = out / CARD
    old_scores = old = ""
    if path.is_file():
        old = path.read_text(encoding="utf-8")
        if _SCORES in old:
            old_scores = old[old.index(_SCORES):]
    per_pack = {name: len(pages) for name, pages in by_pack.items()}  # the packs of this run
    learns = {kind: f"- {kind} models learn from: {', '.join(names)}"
              for kind, names in kind_packs.items()}
    for line in old.splitlines():  # a kind this run did not train keeps its line and packs
        kind = line[2:].split(" ", 1)[0] if line.startswith("- ") else ""
        if line.startswith(f"- {kind} models learn from: ") and kind not in learns:
            learns[kind] = line
            for name in line.split(": ", 1)[1].split(", "):
                count = re.search(rf"^- `{re.escape(name)}`: (\d+) pages$", old, re.M)
                if name not in per_pack and count:
                    per_pack[name] = int(count[1])
    lines = [
        "# pageparts models",
        "",
        "The packs are read from `../shared/datasets`. `pageparts train` rebuilds every file "
        "in one command (default: both kinds, HTML from wcxb-dev and trafilatura-a, text from "
        "those and readability); each file below names the command "
        "that made the shipped copy.",
        "",
        "## Files",
        "",
        *_file_lines(out, old, kind_packs, written),
        "",
        "All are LightGBM boosters in LightGBM's text format (data, not code; no pickle).",
        "",
        "## Data",
        "",
        *(f"- `{pack}`: {n} pages" for pack, n in sorted(per_pack.items())),
        *(line for _, line in sorted(learns.items())),
        "",
        "Block labels come from aligning each block with the gold: with gold text (wcxb-dev, "
        "readability) an HTML block's label is the share of its word trigrams that occur in "
        "the gold (soft labels, learnt with LightGBM's cross-entropy objective), and a "
        "plain-text block is main content when at least half of them do (short blocks: when "
        "they are a whole gold line); with gold snippets "
        "(trafilatura-a) only the blocks a `with` snippet touches are positive and those a "
        "`without` or `comments` snippet touches negative, the rest unused. Readability's "
        "reference text is another extractor's output, so its blocks weigh half. Within a page, a "
        f"block weighs with its log-length, and a page's blocks weigh n ** {PAGE_WEIGHT_POWER} "
        "in all (n: their number; `PAGE_WEIGHT_POWER`). The text model "
        "learns from each HTML page rendered to text two ways (bullets, WET-style lines).",
        "",
        "## Features",
        "",
        f"Block model: {len(FEATURE_NAMES)} columns (see `pageparts/features.py`): text "
        "statistics, link density, role tag, list depth, class/id vocabulary near the block and "
        "above it, HTML landmarks, position, container statistics, the main-text container, "
        "title similarity, text-layout columns for plain text, and neighbours at ±1..3 and "
        "windows of ±5 and ±15 blocks; word cues of calls to action, legal notices and "
        f"second-person address. The text model has {len(TEXT_FEATURE_NAMES) - len(FEATURE_NAMES)}"
        " more: the share of the page's prose before and after the block, the distance to the "
        "nearest prose block, a repeat of the line above or below, and the page's shares of "
        "bullet lines and of blocks after a blank line.",
        "",
        f"Second-stage block model (`*_stack.lgb.txt`): the same columns and {len(STACK_NAMES)} "
        "more from the first stage's scores (see `pageparts/stack.py`): the block's own, its "
        "neighbours' at ±1..3, window means, char-weighted means over its three innermost "
        "containers, page mean and maximum, rank, and distance to the nearest content block; "
        f"for HTML {len(TEMPLATE_NAMES)} more: the char-weighted mean score of the page's other "
        "blocks of the same template (tag and class tokens of the element and its parent) and "
        f"their number. It learns from out-of-fold first-stage scores ({OOF_FOLDS} folds "
        "grouped by site), so it sees them as they are on unseen sites.",
        "",
        f"Page-type models (one per input kind): {len(PAGE_FEATURE_NAMES)} columns (see "
        "`pageparts/pagetype.py`): page signals (forms, prices, carts, calls to action, pagers, "
        "read-more links, linked headings, repeated card moulds, nested link lists, "
        "documentation cues, first-person-plural prose, whether the page states an author and a "
        "date, schema.org types; plain text has the cues its blocks show, not the markup's), "
        "the shape of the address "
        "(`pageparts/urlshape.py`), means of block features, and statistics of the blocks "
        "scored as main content (out-of-fold scores at training). Each training page is used "
        "twice: as it is, and as if read without its address (a file on disk), so that a page "
        "given with no URL is within the model's range.",
        "",
        f"Headline model (plain text): {len(HEADLINE_FEATURE_NAMES)} columns for each "
        "candidate line (see `pageparts/text/headline.py`): where it sits (from the top, "
        "above the prose), its size and case, sentence, colon, separator, price and menu-word "
        "cues, how often the page repeats it, how many of its words the first paragraphs use, "
        "its neighbours, and the headline rule's score and choice. Its labels: a candidate is "
        "1 when it is the gold title (compared as the eval compares titles); pages whose gold "
        "title is no line of the text teach only negatives. The page's headline is the "
        "candidate scored best.",
        "",
        "## Parameters",
        "",
        f"- block: {BLOCK_ROUNDS} rounds, {BLOCK_PARAMS}; HTML blocks, whose labels are soft, "
        "with the objective `cross_entropy` instead. Seeds: "
        + "; ".join(f"{kind} {', '.join(map(str, seeds))}" for kind, seeds in BLOCK_SEEDS.items())
        + " (a block model of several seeds is one file averaging one booster per seed, its "
        "leaf values divided by their number: `pageparts/train/average.py`; both stages alike)",
        f"- page type: {PAGE_ROUNDS} rounds, {PAGE_PARAMS}",
        f"- headline: {HEADLINE_ROUNDS} rounds, {HEADLINE_PARAMS}",
        "",
    ]
    text = "\n".join(lines) + "\n" + (old_scores or (
        f"{_SCORES}\n\nNot yet measured: run `pageparts eval wcxb-dev trafilatura-a --cv 5`.\n"))
    path.write_text(text, encoding="utf-8")
    return path


def _file_lines(out: Path, old: str, kind_packs: Mapping[str, Sequence[str]],
                written: dict[str, float]) -> list[str]:
    """One line per model file: its role and the command that made it (kept from the previous
    card for the files this run did not write)."""
    kept = {ln.split("`")[1]: ln for ln in old.splitlines()
            if ln.startswith("- `") and ln.count("`") >= 2}
    today = _dt.date.today().isoformat()
    lines = []
    for f in sorted(out.glob("*.lgb.txt")):
        name = f.name
        if name in written:
            kind = "text" if "text" in name else "html"
            lines.append(f"- `{name}`: {_ROLE.get(name, 'model')}; made {today} by "
                         f"`pageparts train {' '.join(kind_packs.get(kind, ()))} --kind {kind}` "
                         f"({written[name]:.0f} s)")
        else:
            lines.append(kept.get(name, f"- `{name}`: {_ROLE.get(name, 'model')}; from an "
                                        "earlier run"))
    return lines
