"""DOM → blocks: one iterative walk over the lexbor tree, cutting text at block-level elements.

No recursion (100,000-deep nesting is a plain loop); below ``Options.max_depth`` elements stop
opening frames and their text joins the enclosing block. Each block records what the features
need: its role, list depth, the tags and class/id vocabulary above it, link and image counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
_CELLS = frozenset(("td", "th"))
_WS = re.compile(r"\s+")
_BR_RUN = re.compile(r"[ \t]*\n[ \t]*")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_MAX_ANCESTORS = 8  # features use the innermost three; threads map blocks by element spans
_EMPTY: frozenset[str] = frozenset()
_HIDDEN = frozenset(("hidden",))


@dataclass(slots=True)
class _Frame:
    tag: str
    mem_id: int
    hits: frozenset[str]  # vocabulary hits of this element and everything above
    own: frozenset[str]  # vocabulary hits of this element alone
    is_block: bool
    start_block: int  # index of the first block made inside it
    near: frozenset[str] | None = None  # hits of it, its parent and grandparent; at first use
    tokens: frozenset[str] | None = None  # hits plus the open landmarks, cached for...
    tokens_for: frozenset[str] | None = None  # ...this set of open landmarks


@dataclass(slots=True)
class _State:
    options: Options
    blocks: list[RawBlock] = field(default_factory=list)
    frames: list[_Frame] = field(default_factory=list)
    landmarks: dict[str, int] = field(default_factory=dict)
    landmark_set: frozenset[str] | None = frozenset()  # None: stale, made again when needed
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


_ATTR_KEYS = ("class", "id", "role", "itemprop", "itemtype", "aria-label", "data-testid")


def _attr_hits(attrs: dict[str, str | None]) -> frozenset[str]:
    """Vocabulary hits of an element's attributes. Hidden elements are not skipped (pages hide
    real content for scripts to reveal: streamed server rendering, "read more" sections); they
    carry the stem "hidden" for the model instead."""
    parts = [v for k in _ATTR_KEYS if (v := attrs.get(k))]
    found = hits(" ".join(parts)) if parts else _EMPTY
    if "hidden" in attrs:
        return found | _HIDDEN
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style.lower()):
        return found | _HIDDEN
    return found


def _role(st: _State) -> tuple[str, bool]:
    """The block's structural role from the innermost block-level frames, and whether it is a
    bare table cell."""
    for fr in reversed(st.frames):
        if not fr.is_block:
            continue
        t = fr.tag
        if t in _HEADINGS:
            return t, False
        if t in _CELLS:
            return "td", True
        if t in ("li", "dt", "dd", "pre", "figcaption", "summary"):
            return t, False
        if t == "caption":
            return "figcaption", False
        if t in ("p", "div", "section", "article", "blockquote", "address", "center", "td"):
            break
        if t in ("body", "html"):
            break
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
    ancestors = tuple([fr.mem_id for fr in frames[-_MAX_ANCESTORS:]])
    landmark_set = st.landmark_set
    if landmark_set is None:
        landmark_set = st.landmark_set = frozenset("@" + k for k, v in st.landmarks.items() if v)
    if frames:
        top = frames[-1]
        near = top.near
        if near is None:
            near = top.near = _near(frames)
        tokens = top.tokens
        if tokens is None or top.tokens_for is not landmark_set:
            tokens = top.tokens = top.hits | landmark_set
            top.tokens_for = landmark_set
    else:
        near, tokens = _EMPTY, landmark_set
    total = sum(len(t) for t in texts)
    for text in texts:
        share = len(text) / total
        b = RawBlock(
            text=text,
            tag=tag,
            depth=max(st.list_depth - 1, 0),
            tokens=tokens,
            own_tokens=near,
            ancestors=ancestors,
            link_chars=min(round(link_chars * share), len(text)),
            n_links=n_links if share > 0.5 else 0,
            n_images=n_images if share > 0.5 else 0,
            dom_depth=len(frames),
            line=len(st.blocks),
        )
        if cell:
            b.extra["cell"] = True
        st.blocks.append(b)


def _near(frames: list[_Frame]) -> frozenset[str]:
    """Vocabulary hits of the innermost frame, its parent frame and its grandparent frame."""
    own = frames[-1].own
    parent = frames[-2].own if len(frames) > 1 else _EMPTY
    grand = frames[-3].own if len(frames) > 2 else _EMPTY
    return own | parent | grand if (parent or grand) else own


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


def _enter(st: _State, node: LexborNode, tag: str, own: frozenset[str]) -> None:
    """Open a frame for an element."""
    is_block = tag in BLOCK_TAGS
    if is_block and st.buf:
        _flush(st)
    frames = st.frames
    if frames:
        parent_hits = frames[-1].hits
        hits_ = parent_hits | own if own else parent_hits
    else:
        hits_ = own
    frames.append(_Frame(tag, node.mem_id, hits_, own, is_block, len(st.blocks)))
    if tag in LANDMARKS:
        count = st.landmarks.get(tag, 0)
        st.landmarks[tag] = count + 1
        if not count:
            st.landmark_set = None
        if tag == "a":
            st.link_depth += 1
            st.n_links += 1
        elif tag in _LISTS:
            st.list_depth += 1
    elif tag == "pre":
        st.pre_depth += 1
    elif tag == "menu":
        st.list_depth += 1


def _exit(st: _State, tag: str) -> None:
    fr = st.frames[-1]
    if fr.is_block and st.buf:
        _flush(st)
    st.frames.pop()
    if tag in LANDMARKS:
        count = st.landmarks[tag] - 1
        st.landmarks[tag] = count
        if not count:
            st.landmark_set = None
        if tag == "a":
            st.link_depth -= 1
        elif tag in _LISTS:
            st.list_depth -= 1
    elif tag == "pre":
        st.pre_depth -= 1
    elif tag == "menu":
        st.list_depth -= 1
    elif tag == "tr":
        _merge_row(st, fr.start_block)
    if len(st.blocks) > fr.start_block:
        st.spans[fr.mem_id] = (fr.start_block, len(st.blocks))


def _walk(st: _State, root: LexborNode) -> None:
    """Read the elements and text under ``root`` in document order, opening and closing frames;
    stop (``st.truncated``) once ``Options.max_blocks`` blocks are made."""
    limit = st.options.max_blocks
    max_depth = st.options.max_depth
    blocks, frames, buf = st.blocks, st.frames, st.buf
    if len(blocks) >= limit:
        st.truncated = True
        return
    open_: list[tuple[LexborNode, bool]] = []  # elements entered and not yet left, and whether
    node = root  # each opened a frame
    while True:
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if text:
                if st.pre_depth:
                    buf.append(text)
                elif text.isspace():
                    text = ""
                    if buf:
                        buf.append(" ")
                else:
                    if "\n" in text or "\r" in text or "\t" in text:
                        text = _WS.sub(" ", text)  # source line breaks are spaces; <br> is "\n"
                    buf.append(text)
                if text and st.link_depth:
                    st.link_chars += len(text.strip())
        elif tag is None or tag in SKIP_TAGS or tag.startswith(("_", "!")):
            pass
        elif tag == "br":
            buf.append("\n")
        elif tag == "img":
            st.n_images += 1
        else:
            attrs = node.attributes
            own = _attr_hits(attrs) if attrs else _EMPTY
            # plain inline elements (no vocabulary, no role) need no frame: their text simply
            # joins the enclosing block, and most elements of a page are such
            frame = (tag in _FRAMED or bool(own)) and len(frames) < max_depth
            if frame:
                _enter(st, node, tag, own)
                if len(blocks) >= limit:
                    st.truncated = True
                    return
            child = node.first_child
            if child is not None:
                open_.append((node, frame))
                node = child
                continue
            if frame:  # an element without children is left at once
                _exit(st, tag)
                if node is not root and len(blocks) >= limit:
                    st.truncated = True
                    return
        if node is root:
            return
        nxt = node.next
        while nxt is None:  # past the last child: leave the parent, go on after it
            parent, framed = open_.pop()
            if framed:
                _exit(st, frames[-1].tag)
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
            _exit(st, st.frames[-1].tag)
    return st.blocks, st.spans, st.truncated
