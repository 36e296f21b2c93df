"""An evaluation report (the dict :func:`~pageparts.eval.run.evaluate` returns) as Markdown."""

from __future__ import annotations

from typing import Any

__all__ = ["format_report"]

_DASH = "—"

#: What a reader of the table must know about a pack's gold.
PACK_NOTES = {
    "readability": "text gold is Readability.js's output, not human gold: word and shingle F1 "
                   "here measure agreement with another extractor (a sanity check)",
    "trafilatura-a": "snippet gold only (no full text); comment snippets on about 70 pages",
}


def _f(d: dict[str, Any] | None, key: str = "f1") -> str:
    return f"{d[key]:.3f}" if d and key in d else _DASH


def _acc(d: dict[str, Any] | None) -> str:
    return f"{d['accuracy']:.3f} ({d['n']})" if d else _DASH


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines


def _pack_section(pack: str, systems: dict[str, dict[str, Any]]) -> list[str]:
    any_s = next(iter(systems.values()))
    lines = [f"### {pack} ({any_s['pages']} pages)", ""]
    if pack in PACK_NOTES:
        lines += [f"_{PACK_NOTES[pack]}_", ""]
    header = ["system", "word P", "word R", "word F1", "shingle F1", "snippet F1", "title",
              "author", "date", "page type", "pages/s", "errors", "empty"]
    rows = []
    for name, s in systems.items():
        w = s.get("word")
        rows.append([name, _f(w, "precision"), _f(w, "recall"), _f(w), _f(s.get("shingle")),
                     _f(s.get("snippet")), _acc(s.get("title")), _acc(s.get("author")),
                     _acc(s.get("date")), _acc(s.get("page_type")),
                     f"{s['pages_per_second']:.1f}", str(s["errors"]), str(s["empty"])])
    keep = [i for i in range(len(header)) if i == 0 or any(r[i] != _DASH for r in rows)]
    lines += _table([header[i] for i in keep], [[r[i] for i in keep] for r in rows])
    types = sorted({t for s in systems.values() for t in s.get("word_by_page_type", {})})
    if types:
        lines += ["", "Word F1 by page type:", ""]
        names = list(systems)
        rows = [[t, str(systems[names[0]]["word_by_page_type"].get(t, {}).get("n", 0))]
                + [_f(systems[n].get("word_by_page_type", {}).get(t)) for n in names]
                for t in types]
        lines += _table(["page type", "pages", *names], rows)
    with_comments = {n: s for n, s in systems.items() if "comments_in_main_text" in s}
    if with_comments:
        lines += ["", "Reader-comment snippets (pages with comment gold): share found in the "
                  "system's comments output (of all snippets; of those the stored HTML holds, "
                  "the others being loaded by scripts) / share leaked into its main text:", ""]
        rows = []
        for n, s in with_comments.items():
            found = s.get("comments_recall")
            shown = s.get("comments_recall_shown")
            leak = s["comments_in_main_text"]
            rows.append([n, f"{found['share']:.3f}" if found else _DASH,
                         f"{shown['share']:.3f} of {shown['snippets']}" if shown else _DASH,
                         f"{leak['share']:.3f}", f"{leak['snippets']} in {leak['pages']} pages"])
        lines += _table(["system", "found in comments", "found, of those in the HTML",
                         "in main text", "snippets"], rows)
    for n, s in systems.items():
        for example in s.get("error_examples", []):
            lines.append(f"- {n} error: {example[:200]}")
    return lines


def format_report(report: dict[str, Any]) -> str:
    """The report as Markdown: one table per pack, then speed with ratios to pageparts."""
    cfg = report["config"]
    lines = [
        "## pageparts eval",
        "",
        f"**{report['note']}**",
        "",
        f"packs: {', '.join(cfg['packs'])}; pages: {report['pages']}"
        + (f"; sample {cfg['sample']} (seed {cfg['seed']})" if cfg.get("sample") else "")
        + (f"; first {cfg['limit']}" if cfg.get("limit") else "")
        + (f"; text mode: pageparts reads a {cfg.get('render') or 'bullets'} rendering, "
           "peers read the HTML"
           if cfg.get("kind") == "text" else ""),
        "",
    ]
    for pack, systems in report["packs"].items():
        lines += [*_pack_section(pack, systems), ""]
    speed = report["speed"]
    base = speed.get("pageparts", {}).get("pages_per_second") or 0
    lines += ["### speed (same decoded input, one process, systems interleaved page by page)", ""]
    rows = [[n, str(s["pages"]), f"{s['seconds']:.2f}", f"{s['pages_per_second']:.1f}",
             f"{s['pages_per_second'] / base:.2f}x" if base else _DASH]
            for n, s in speed.items()]
    lines += _table(["system", "pages", "seconds", "pages/s", "x pageparts"], rows)
    lines += ["", "Metrics: word F1 = mean of per-page F1 (WCXB); shingle F1 = F1 of mean P and R "
              "over 4-gram shingles; snippet F1 summed over pages (trafilatura's evaluation). "
              "Metadata: exact match after whitespace collapsing and case folding, dates as ISO "
              "days; (n) = pages whose gold has the field."]
    return "\n".join(lines) + "\n"
