"""DOM → blocks: one iterative walk over the lexbor tree, cutting text at block-level elements.

No recursion (100,000-deep nesting is a plain loop); below ``Options.max_depth`` elements stop
opening frames and their text joins the enclosing block. Each block records what the features
need: its role, list depth, the tags and class/id vocabulary above it, link and image counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._options import Options
from ..blocks import RawBlock
from .vocab import hits

__all__ = ["segment"]

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "footer",
        "nav",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "address",
        "hr",
        "details",
        "summary",
        "center",
        "caption",
        "legend",
        "menu",
        "dialog",
        "body",
        "html",
        "hgroup",
        "search",
    ]
)
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "select",
        "option",
        "textarea",
        "input",
        "audio",
        "video",
        "source",
        "track",
        "map",
        "area",
        "param",
        "frame",
        "frameset",
        "noembed",
        "noframes",
    ]
)
#: Tags whose presence above a block is a feature of its own ("@nav", "@footer", ...).
LANDMARKS = frozenset(
    [
        "article",
        "main",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "figure",
        "blockquote",
        "table",
        "li",
        "a",
        "button",
        "label",
        "section",
        "address",
        "details",
        "dl",
        "ul",
        "ol",
    ]
)
_FRAMED = BLOCK_TAGS | LANDMARKS | frozenset(("ul", "ol", "dl", "menu", "pre", "a"))
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_LISTS = frozenset(("ul", "ol", "dl", "menu"))
_WS = re.compile(r"\s+")
_BR_RUN = re.compile(r"[ \t]*\n[ \t]*")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_MAX_ANCESTORS = 8  # features use the innermost three; threads map blocks by element spans
_EMPTY: frozenset[str] = frozenset()
_HIDDEN = frozenset(("hidden",))


#: An open element that gets a frame: (tag, element id, vocabulary hits of it and everything
#: above, hits of it alone, block-level?, index of the first block made inside it). A plain tuple:
#: there is one per element of the page, and tuples are the cheapest record to make.
_Frame = tuple[str, int, frozenset[str], frozenset[str], bool, int]
_TAG: Final = 0
_ID: Final = 1
_HITS: Final = 2
_OWN: Final = 3
_BLOCK: Final = 4
_START: Final = 5
#: Tags that move a counter of _State when they open and close.
_LANDMARK_BITS = {tag: 1 << i for i, tag in enumerate(sorted(LANDMARKS))}
_COUNTED = LANDMARKS | frozenset(("pre", "menu"))


@dataclass(slots=True)
class _State:
    options: Options
    blocks: list[RawBlock] = field(default_factory=list)
    frames: list[_Frame] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)  # the frames' element ids
    landmarks: dict[str, int] = field(default_factory=dict)  # open elements of each landmark
    landmark_mask: int = 0  # the landmarks open, as bits of _LANDMARK_BITS
    # the same few landmark sets and token sets recur all over a page: each is made once
    landmark_sets: dict[int, frozenset[str]] = field(default_factory=dict)
    token_sets: dict[tuple[frozenset[str], int], frozenset[str]] = field(default_factory=dict)
    near_sets: dict[tuple[frozenset[str], frozenset[str], frozenset[str]], frozenset[str]] = (
        field(default_factory=dict))
    buf: list[str] = field(default_factory=list)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    merged: bool = False
    truncated: bool = False
    link_chars: int = 0
    n_links: int = 0
    n_images: int = 0
    link_depth: int = 0
    list_depth: int = 0
    pre_depth: int = 0


_ATTR_KEYS = frozenset(("class", "id", "role", "itemprop", "itemtype", "aria-label",
                        "data-testid"))


def _attr_hits(attrs: dict[str, str | None]) -> frozenset[str]:
    """Vocabulary hits of an element's attributes. Hidden elements are not skipped (pages hide
    real content for scripts to reveal: streamed server rendering, "read more" sections); they
    carry the stem "hidden" for the model instead."""
    if len(attrs) == 1:  # half of all elements: a lone class, href...
        for k, v in attrs.items():
            if k in _ATTR_KEYS:
                return hits(v) if v else _EMPTY
            if k == "hidden":
                return _HIDDEN
            if k != "style":
                return _EMPTY
    # no stem holds a space, so the values' order in the joined string changes no hit
    parts = [v for k, v in attrs.items() if v and k in _ATTR_KEYS]
    found = (hits(parts[0]) if len(parts) == 1 else hits(" ".join(parts))) if parts else _EMPTY
    if "hidden" in attrs:
        return found | _HIDDEN
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style.lower()):
        return found | _HIDDEN
    return found


#: Block tags that give a block its role (and whether it is a bare table cell); None: a plain
#: container, the block is a paragraph; block tags not listed (lists, tables, nav...) look further.
_ROLES: dict[str, tuple[str, bool] | None] = {
    **{h: (h, False) for h in _HEADINGS},
    "td": ("td", True), "th": ("td", True),
    **{t: (t, False) for t in ("li", "dt", "dd", "pre", "figcaption", "summary")},
    "caption": ("figcaption", False),
    **dict.fromkeys(("p", "div", "section", "article", "blockquote", "address", "center", "body",
                     "html")),
}
_GO_ON = ("", False)


def _role(st: _State) -> tuple[str, bool]:
    """The block's structural role from the innermost block-level frames, and whether it is a
    bare table cell."""
    for fr in reversed(st.frames):
        if fr[_BLOCK]:
            role = _ROLES.get(fr[_TAG], _GO_ON)
            if role is None:
                break
            if role is not _GO_ON:
                return role
    if st.pre_depth:
        return "pre", False
    if st.landmarks.get("blockquote"):
        return "blockquote", False
    return "p", False


def _flush(st: _State) -> None:
    if not st.buf:
        return
    raw = "".join(st.buf)
    st.buf.clear()
    link_chars, n_links, n_images = st.link_chars, st.n_links, st.n_images
    st.link_chars = st.n_links = st.n_images = 0
    if st.pre_depth:
        texts = [raw.strip("\n")] if raw.strip() else []
    elif "\n" in raw:
        texts = []
        for piece in _BR_RUN.sub("\n", raw).split("\n\n"):
            lines = [" ".join(ln.split()) for ln in piece.split("\n")]
            text = "\n".join(ln for ln in lines if ln)
            if text:
                texts.append(text)
    else:
        text = " ".join(raw.split())
        texts = [text] if text else []
    if not texts:
        return
    tag, cell = _role(st)
    frames = st.frames
    ancestors = tuple(st.ids[-_MAX_ANCESTORS:])
    if frames:
        near = _near(st)
        key = (frames[-1][_HITS], st.landmark_mask)
        tokens = st.token_sets.get(key)
        if tokens is None:
            tokens = st.token_sets[key] = key[0] | _landmark_set(st)
    else:
        near, tokens = _EMPTY, _landmark_set(st)
    depth, dom_depth = max(st.list_depth - 1, 0), len(frames)
    if len(texts) == 1:  # nearly always: the block has all of the counts
        text = texts[0]
        b = RawBlock(text, tag, depth, tokens, near, ancestors, min(link_chars, len(text)),
                     n_links, n_images, dom_depth, len(st.blocks))
        if cell:
            b.extra["cell"] = True
        st.blocks.append(b)
        return
    total = sum(len(t) for t in texts)
    for text in texts:
        share = len(text) / total
        # positional (text, tag, depth, tokens, own_tokens, ancestors, link_chars, n_links,
        # n_images, dom_depth, line): half the cost of keywords, and there is one per block
        b = RawBlock(text, tag, depth, tokens, near, ancestors,
                     min(round(link_chars * share), len(text)),
                     n_links if share > 0.5 else 0, n_images if share > 0.5 else 0,
                     dom_depth, len(st.blocks))
        if cell:
            b.extra["cell"] = True
        st.blocks.append(b)


def _near(st: _State) -> frozenset[str]:
    """Vocabulary hits of the innermost frame, its parent frame and its grandparent frame."""
    frames = st.frames
    n = len(frames)
    key = (frames[-1][_OWN], frames[-2][_OWN] if n > 1 else _EMPTY,
           frames[-3][_OWN] if n > 2 else _EMPTY)
    near = st.near_sets.get(key)
    if near is None:
        near = st.near_sets[key] = frozenset().union(*key)
    return near


def _merge_row(st: _State, start: int) -> None:
    """A table row whose cells hold only inline content becomes one ``tr`` block: the first
    cell's block takes the row's text, the others are marked and dropped by :func:`_compact`."""
    row = st.blocks[start:]
    if len(row) < 2 or not all(b.extra.get("cell") for b in row):
        return
    first = row[0]
    first.text = " | ".join(b.text.replace("\n", " ") for b in row)
    first.tag = "tr"
    first.link_chars = sum(b.link_chars for b in row)
    first.n_links = sum(b.n_links for b in row)
    first.n_images = sum(b.n_images for b in row)
    first.extra.pop("cell", None)
    for b in row[1:]:
        b.extra["merged"] = True
    st.merged = True


def _compact(st: _State) -> None:
    """Drop the cells merged into rows and renumber the element spans to match."""
    keep: list[RawBlock] = []
    new_index: list[int] = []  # old index → index of the block that now holds it
    for b in st.blocks:
        if not b.extra.get("merged"):
            b.line = len(keep)
            keep.append(b)
        new_index.append(len(keep) - 1)
    st.spans = {k: (new_index[a], new_index[b - 1] + 1) for k, (a, b) in st.spans.items()}
    st.blocks = keep


def _landmark_set(st: _State) -> frozenset[str]:
    """``"@tag"`` of each landmark open now."""
    mask = st.landmark_mask
    found = st.landmark_sets.get(mask)
    if found is None:
        found = st.landmark_sets[mask] = frozenset(
            "@" + tag for tag, bit in _LANDMARK_BITS.items() if mask & bit)
    return found


def _open_counted(st: _State, tag: str) -> None:
    """Move the counters a landmark, link, list or ``pre`` element keeps as it opens."""
    bit = _LANDMARK_BITS.get(tag)
    if bit is not None:
        count = st.landmarks.get(tag, 0)
        st.landmarks[tag] = count + 1
        if not count:
            st.landmark_mask |= bit
        if tag == "a":
            st.link_depth += 1
            st.n_links += 1
        elif tag in _LISTS:
            st.list_depth += 1
    elif tag == "pre":
        st.pre_depth += 1
    elif tag == "menu":
        st.list_depth += 1


def _close_counted(st: _State, tag: str) -> None:
    """Move them back as it closes."""
    bit = _LANDMARK_BITS.get(tag)
    if bit is not None:
        count = st.landmarks[tag] - 1
        st.landmarks[tag] = count
        if not count:
            st.landmark_mask &= ~bit
        if tag == "a":
            st.link_depth -= 1
        elif tag in _LISTS:
            st.list_depth -= 1
    elif tag == "pre":
        st.pre_depth -= 1
    elif tag == "menu":
        st.list_depth -= 1


def _exit(st: _State, fr: _Frame) -> None:
    """Close the innermost frame, ``fr``."""
    if fr[_BLOCK] and st.buf:
        _flush(st)
    st.frames.pop()
    st.ids.pop()
    tag, start = fr[_TAG], fr[_START]
    if tag in _COUNTED:
        _close_counted(st, tag)
    elif tag == "tr":
        _merge_row(st, start)
    if len(st.blocks) > start:
        st.spans[fr[_ID]] = (start, len(st.blocks))


def _walk(st: _State, root: LexborNode) -> None:
    """Read the elements and text under ``root`` in document order, opening and closing frames;
    stop (``st.truncated``) once ``Options.max_blocks`` blocks are made."""
    limit = st.options.max_blocks
    max_depth = st.options.max_depth
    blocks, frames, ids, buf = st.blocks, st.frames, st.ids, st.buf
    if len(blocks) >= limit:
        st.truncated = True
        return
    # elements entered and not yet left, with the frame each opened (or None)
    open_: list[tuple[LexborNode, _Frame | None]] = []
    node = root
    while True:
        tag = node.tag
        if tag == "-text":
            if st.pre_depth:
                text = node.text_content
                if text:
                    buf.append(text)
                    if st.link_depth:
                        st.link_chars += len(text.strip())
            elif node.is_empty_text_node:  # two in three text nodes: checked without reading
                if buf:
                    buf.append(" ")
            else:
                text = node.text_content
                if not text:
                    pass
                elif text.isspace():
                    if buf:
                        buf.append(" ")
                else:
                    if "\n" in text or "\r" in text or "\t" in text:
                        text = _WS.sub(" ", text)  # source line breaks are spaces; <br> is "\n"
                    buf.append(text)
                    if st.link_depth:
                        st.link_chars += len(text.strip())
        elif tag is None or tag in SKIP_TAGS:
            pass
        elif tag == "br":
            buf.append("\n")
        elif tag == "img":
            st.n_images += 1
        elif tag in _FRAMED or not tag.startswith(("_", "!", "-")):  # not "-comment"
            attrs = node.attributes
            own = _attr_hits(attrs) if attrs else _EMPTY
            # plain inline elements (no vocabulary, no role) need no frame: their text simply
            # joins the enclosing block, and most elements of a page are such
            frame = None
            if (own or tag in _FRAMED) and len(frames) < max_depth:  # open a frame
                is_block = tag in BLOCK_TAGS
                if is_block and buf:
                    _flush(st)
                    if len(blocks) >= limit:
                        st.truncated = True
                        return
                if frames:
                    parent_hits = frames[-1][_HITS]
                    hits_ = parent_hits | own if own else parent_hits
                else:
                    hits_ = own
                mem_id = node.mem_id
                frame = (tag, mem_id, hits_, own, is_block, len(blocks))
                frames.append(frame)
                ids.append(mem_id)
                if tag in _COUNTED:
                    _open_counted(st, tag)
            child = node.first_child
            if child is not None:
                open_.append((node, frame))
                node = child
                continue
            if frame is not None:  # an element without children is left at once
                _exit(st, frame)
                if node is not root and len(blocks) >= limit:
                    st.truncated = True
                    return
        if node is root:
            return
        nxt = node.next
        while nxt is None:  # past the last child: leave the parent, go on after it
            parent, frame = open_.pop()
            if frame is not None:
                _exit(st, frame)
            if parent is root:
                return
            if len(blocks) >= limit:
                st.truncated = True
                return
            nxt = parent.next
        node = nxt


def segment(
    tree: LexborHTMLParser, options: Options
) -> tuple[list[RawBlock], dict[int, tuple[int, int]], bool]:
    """Cut the page's body into blocks, in document order; also return, for each element that
    holds blocks, the range of their indices, and whether the page was cut short at
    ``Options.max_blocks``."""
    root = tree.body or tree.root
    if root is None:
        return [], {}, False
    st = _State(options)
    _walk(st, root)
    _flush(st)
    if st.merged:
        _compact(st)
    if st.truncated:  # close what is still open so every span is complete
        while st.frames:
            _exit(st, st.frames[-1])
    return st.blocks, st.spans, st.truncated
