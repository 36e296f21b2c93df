"""Document → one self-contained HTML file that shows the page's anatomy (``pageparts show``).

Left: every block in page order, coloured by its label (furniture by kind), with a label chip and
the details on hover. Right: the metadata, counts per label, the comment thread as a tree, and the
extracted text and markdown.

The page is untrusted, so the view guards twice. Every string taken from the document goes through
:func:`html.escape` (``quote=True``, attributes included) and is only ever text: no page URL becomes
a link. And the file's first ``<head>`` element is a Content-Security-Policy that allows no script,
no loads, and no stylesheet but the view's own (see :mod:`._view_style`).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence

from .._document import LABELS, Block, Comment, Document
from ._view_rows import document_from_dict
from ._view_style import CSP, MAX_DEPTH_CLASS, STYLE, css_token

__all__ = ["document_from_dict", "to_html"]

#: Longer block texts are cut in the view (the text panel still has all of the extracted text).
MAX_BLOCK_CHARS = 4000
#: At most this many blocks are drawn; the rest are counted.
MAX_BLOCKS = 20_000
#: Replies deeper than this are drawn at this depth (the tree would otherwise leave the panel).
MAX_TREE_DEPTH = 12


_SURROGATE = re.compile("[\ud800-\udfff]")


def _e(value: object) -> str:
    # Lone surrogates (possible in a JSON row) cannot be written as UTF-8: show U+FFFD instead.
    return html.escape(_SURROGATE.sub("\ufffd", str(value)), quote=True)


def _chip(label: str, kind: str | None) -> str:
    if label == "furniture":
        k = kind or "other"
        return f'<span class="chip ck-{css_token(k)}">{_e(k)}</span>'
    return f'<span class="chip c-{css_token(label)}">{_e(label)}</span>'


def _block(b: Block) -> str:
    classes = ["blk", f"l-{css_token(b.label)}"]
    if b.label == "furniture":
        classes.append(f"k-{css_token(b.kind or 'other')}")
    depth = min(max(b.depth, 0), MAX_DEPTH_CLASS)
    if depth:
        classes.append(f"d{depth}")
    what = b.label if b.label != "furniture" else f"furniture: {b.kind or 'other'}"
    hover = f"{what} · <{b.tag}> · depth {b.depth} · score {b.score:.2f}"
    text = b.text
    cut = ""
    if len(text) > MAX_BLOCK_CHARS:
        cut = f' <span class="cut">… {len(text) - MAX_BLOCK_CHARS:,} more characters</span>'
        text = text[:MAX_BLOCK_CHARS]
    credit = f'<span class="credit">credit: {_e(b.credit)}</span>' if b.credit else ""
    return (
        f'<div class="{" ".join(classes)}" title="{_e(hover)}">'
        f'<span class="ix">{b.index}</span>'
        f'<div class="tx">{_e(text)}{cut}{credit}</div>'
        f'<div class="meta">{_chip(b.label, b.kind)}'
        f'<span class="score">{_e(b.tag)} {b.score:.2f}</span></div></div>'
    )


def _blocks_section(doc: Document) -> str:
    if not doc.blocks:
        why = doc.reason or "the document has no blocks"
        body = f'<p class="none">No blocks: {_e(why)}</p>'
    else:
        body = "\n".join(_block(b) for b in doc.blocks[:MAX_BLOCKS])
        if len(doc.blocks) > MAX_BLOCKS:
            more = len(doc.blocks) - MAX_BLOCKS
            body += f'\n<p class="note">… {more:,} more blocks not drawn</p>'
    return f'<section class="page"><h2>Page, block by block</h2>\n{body}\n</section>'


def _labels_present(doc: Document) -> list[str]:
    seen = {b.label for b in doc.blocks}
    return [*LABELS, *sorted(seen - set(LABELS))]


def _legend(doc: Document) -> str:
    counts = Counter(b.label for b in doc.blocks)
    kinds = Counter((b.kind or "other") for b in doc.blocks if b.label == "furniture")
    items = [
        f'<span class="chip c-{css_token(label)}{"" if counts[label] else " zero"}">{_e(label)}'
        f'<span class="n">{counts[label]}</span></span>'
        for label in _labels_present(doc)
    ]
    items += [
        f'<span class="chip ck-{css_token(k)}">furniture: {_e(k)}<span class="n">{n}</span></span>'
        for k, n in sorted(kinds.items())
    ]
    return f'<nav class="legend" aria-label="legend">{"".join(items)}</nav>'


def _metadata(doc: Document, extras: Sequence[tuple[str, str]]) -> str:
    status_class = "st-ok" if doc.status == "ok" else "st-bad"
    rows: list[tuple[str, str | None]] = [
        *extras,
        ("title", doc.title),
        ("author", doc.author),
        ("date", doc.date.isoformat() if doc.date else None),
        ("site", doc.site_name),
        ("language", doc.language),
        ("page type", doc.page_type),
        ("url", doc.url),
        ("description", doc.description),
        ("read as", doc.source_kind + (f" ({doc.encoding})" if doc.encoding else "")),
    ]
    out = [f'<dt>status</dt><dd class="{status_class}">{_e(doc.status)}</dd>',
           f"<dt>reason</dt><dd>{_value(doc.reason)}</dd>"]
    out += [f"<dt>{_e(k)}</dt><dd>{_value(v)}</dd>" for k, v in rows]
    return f'<section><h2>Metadata</h2><dl class="md">{"".join(out)}</dl></section>'


def _value(v: str | None) -> str:
    return _e(v) if v else '<span class="none">none</span>'


def _counts(doc: Document) -> str:
    n = Counter(b.label for b in doc.blocks)
    chars = Counter[str]()
    for b in doc.blocks:
        chars[b.label] += len(b.text)
    rows = [
        f'<tr><td><span class="chip c-{css_token(label)}">{_e(label)}</span></td>'
        f'<td class="num">{n[label]}</td><td class="num">{chars[label]:,}</td></tr>'
        for label in _labels_present(doc)
    ]
    kinds = Counter[str]()
    kind_chars = Counter[str]()
    for b in doc.blocks:
        if b.label == "furniture":
            kinds[b.kind or "other"] += 1
            kind_chars[b.kind or "other"] += len(b.text)
    rows += [
        f'<tr><td><span class="chip ck-{css_token(k)}">furniture: {_e(k)}</span></td>'
        f'<td class="num">{c}</td><td class="num">{kind_chars[k]:,}</td></tr>'
        for k, c in sorted(kinds.items())
    ]
    head = '<tr><th>label</th><th class="num">blocks</th><th class="num">characters</th></tr>'
    return (f'<section><h2>Counts</h2><table class="counts">{head}{"".join(rows)}</table>'
            "</section>")


def _comment(c: Comment, depth: int) -> str:
    when = c.date.isoformat() if c.date else c.date_text
    if c.date and c.date_text and c.date_text != when:
        when = f"{when} ({c.date_text})"
    head = f'<span class="who">{_e(c.author) if c.author else "anonymous"}</span>'
    if when:
        head += f'<span class="when">{_e(when)}</span>'
    text = (f'<div class="ct">{_e(c.text)}</div>' if c.text
            else '<div class="ct none">(no text)</div>')
    node = f'<div class="cm">{head}{text}</div>'
    if not c.replies:
        return f"<li>{node}</li>"
    if depth >= MAX_TREE_DEPTH:  # deeper replies are drawn as siblings, at this depth
        return f"<li>{node}</li>" + "".join(_comment(r, depth) for r in c.replies)
    return f'<li>{node}<ul>{"".join(_comment(r, depth + 1) for r in c.replies)}</ul></li>'


def _thread(comments: tuple[Comment, ...]) -> str:
    items = "".join(_comment(c, 0) for c in comments)
    if not items:
        return '<section><h2>Comments</h2><p class="none">No comments found.</p></section>'
    total = sum(1 for c in comments for _ in c.walk())
    return (f'<section><h2>Comments ({total})</h2><ul class="tree" aria-label="comment thread">'
            f"{items}</ul></section>")


def _texts(doc: Document) -> str:
    parts = []
    for name, value in (("Text", doc.text), ("Markdown", doc.markdown)):
        body = f"<pre>{_e(value)}</pre>" if value else '<p class="none">empty</p>'
        parts.append(f"<details open><summary>{name} ({len(value):,} characters)</summary>"
                     f"{body}</details>")
    return f'<section><h2>Extracted</h2>{"".join(parts)}</section>'


def to_html(doc: Document, *, extras: Sequence[tuple[str, str]] = ()) -> str:
    """The annotated view of ``doc`` as one HTML file; ``extras`` are more (name, value) rows
    for the metadata panel (for instance the corpus row's id)."""
    heading = doc.title or "(no title)"
    side = "\n".join((_metadata(doc, extras), _counts(doc), _thread(doc.comments), _texts(doc)))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pageparts view: {_e(heading)}</title>
<style>{STYLE}</style>
</head>
<body>
<header><h1>{_e(heading)}</h1>
<div class="sub">pageparts annotated view · {len(doc.blocks):,} blocks · status {_e(doc.status)}
 · everything below is text taken from the page, shown inert</div></header>
{_legend(doc)}
<main>
<div class="left">
{_blocks_section(doc)}
</div>
<div class="right">
{side}
</div>
</main>
</body>
</html>
"""
