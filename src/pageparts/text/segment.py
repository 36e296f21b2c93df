"""Lines → blocks: one block per line, or per paragraph when the dump is hard-wrapped.

A block keeps what the layout says about it: its bullet, indent and nesting level, the blank lines
above it, how many lines it joins. Bullet lines become ``li`` blocks, tab-separated cells ``tr``
blocks, everything else ``line`` blocks (captions and headings are told apart later, in
:mod:`pageparts.text.roles`).
"""

from __future__ import annotations

from .._options import Options
from ..blocks import RawBlock
from .lines import MAX_LINE_CHARS, Line

__all__ = ["segment", "wrap_width"]

#: Hard-wrapped text: most long lines end within this many columns of the page's wrap width.
_WRAP_SLACK = 20
_MIN_WRAP = 50
_MAX_WRAP = 110


def wrap_width(lines: list[Line]) -> int | None:
    """The column a hard-wrapped dump wraps at, or None when lines are not hard-wrapped
    (renderings of HTML write one line per block, however long)."""
    lengths = sorted(len(ln.text) + ln.indent for ln in lines if ln.bullet is None)
    if len(lengths) < 8:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not _MIN_WRAP <= width <= _MAX_WRAP or lengths[-1] > width + _WRAP_SLACK:
        return None
    long_lines = [n for n in lengths if n >= width // 2]
    near = sum(1 for n in long_lines if n >= width - _WRAP_SLACK)
    return width if near >= 5 and near >= 0.6 * len(long_lines) else None


def _continues(prev: Line, line: Line, width: int) -> bool:
    """Whether ``line`` is the next wrapped line of ``prev``'s paragraph."""
    return (line.blank_before == 0 and line.bullet is None and not line.cells
            and line.indent <= prev.indent + 4 and line.indent >= prev.indent - 4
            and len(prev.text) + prev.indent >= width - _WRAP_SLACK)


def _block(line: Line, base_indent: int) -> RawBlock:
    if line.bullet is not None:
        tag = "li"
        depth = max(line.indent - base_indent, 0) // 2
    else:
        tag = "tr" if line.cells else "line"
        depth = line.indent // 2
    return RawBlock(text=line.text, tag=tag, depth=depth, line=line.number, bullet=line.bullet,
                    indent=line.indent, blank_before=line.blank_before)


def segment(lines: list[Line], options: Options) -> list[RawBlock]:
    """The page's blocks in reading order (at most ``options.max_blocks``)."""
    width = wrap_width(lines)
    base = min((ln.indent for ln in lines if ln.bullet is not None), default=0)
    if width is None:  # not hard-wrapped: a block per line
        return [_block(line, base) for line in lines[:max(options.max_blocks, 0)]]
    blocks: list[RawBlock] = []
    prev: Line | None = None
    for line in lines:
        if (prev is not None and blocks and _continues(prev, line, width)
                and len(blocks[-1].text) < MAX_LINE_CHARS):
            b = blocks[-1]
            b.text = f"{b.text} {line.text}"
            b.n_lines += 1
        else:
            if len(blocks) >= options.max_blocks:
                break
            blocks.append(_block(line, base))
        prev = line
    return blocks
