"""How deep a page's markup nests: the exact measure, and a fast upper bound with numpy.

The measure counts ``<name`` as one level deeper and ``</name`` as one level up (never below
zero), skipping the names in :data:`VOID_TAGS` when a space, ``/`` or ``>`` follows them. Its
regex walk over every tag of a 50 MB page takes over half a second; :func:`depth_bound` does
the same count on the UTF-8 bytes with array operations in about half that. Where the bytes
cannot tell (a name followed by a non-ASCII character that may be a Unicode space), the bound
counts the tag as an opening one or does not count it as a closing one, so it never comes out
lower than the exact measure: a page under the limit by the bound is under it for sure.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

__all__ = ["VOID_TAGS", "depth_bound", "max_depth"]

VOID_TAGS = (
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
    # often left unclosed, closed implicitly by the parser: never count them as depth
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "tbody", "thead", "tfoot", "colgroup",
    "rb", "rt", "rp",
)
_VOID = "|".join(VOID_TAGS)
#: A start tag ("") or an end tag ("/") that counts for depth.
_OPEN_CLOSE = re.compile(rf"<(/?)(?!(?:{_VOID})[\s/>])[a-zA-Z]")


def _walk(html: str, depth: int) -> tuple[int, int]:
    """(depth at the end, deepest level) of ``html`` entered at ``depth``."""
    top = depth
    for slash in _OPEN_CLOSE.findall(html):
        if slash:
            depth = depth - 1 if depth > 0 else 0
        else:
            depth += 1
            top = max(top, depth)
    return depth, top


def max_depth(html: str) -> int:
    """How deep ``html`` nests (exact)."""
    return _walk(html, 0)[1]


_Bools = npt.NDArray[np.bool_]
_Words = npt.NDArray[np.uint64]
_NOTHING = np.uint64(0xFFFF_FFFF_FFFF_FFFF)  # an empty slot: no name of letters looks like it
_SLOTS = 12  # bits of the hash: 4,096 slots for the 29 names


def _word(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "little")


def _table() -> tuple[np.uint64, _Words]:
    """A multiplier that hashes every void name to its own slot, and the slots."""
    for step in range(1, 10_000):
        mult = (0x9E37_79B9_7F4A_7C15 + 2 * step) % (1 << 64)
        slots = {(_word(t) * mult % (1 << 64)) >> (64 - _SLOTS): _word(t) for t in VOID_TAGS}
        if len(slots) == len(VOID_TAGS):
            table = np.full(1 << _SLOTS, _NOTHING, dtype=np.uint64)
            table[list(slots)] = list(slots.values())
            return np.uint64(mult), table
    raise AssertionError("no collision-free multiplier")  # pragma: no cover


def _ends(*, non_ascii: bool) -> _Bools:
    """Bytes that end a void name: ASCII space (``\\s`` of a str pattern), ``/``, ``>``."""
    table = np.zeros(256, dtype=np.bool_)
    table[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32, ord("/"), ord(">")]] = True
    if non_ascii:  # maybe a Unicode space: the regex might have taken the name as void
        table[128:] = True
    return table


_MULT, _VOIDS = _table()
_ENDS_OPEN = _ends(non_ascii=False)  # for opening tags: void only when surely void
_ENDS_CLOSE = _ends(non_ascii=True)  # for end tags: counted only when surely not void
# the first n bytes of a word, n = 0..9 (a name of nine letters or more is never void)
_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(9)] + [0], dtype=np.uint64)
_TAIL = 11  # bytes a tag's name and the byte after it can take up, with "</"
_CHUNK = 1 << 20


def _void(name: _Words, ninth: npt.NDArray[np.uint8], closing: _Bools) -> _Bools:
    """Which tag names (first eight bytes as a little-endian word, and the ninth byte) are
    void names followed by a byte that ends them."""
    row = np.empty((len(name), 10), dtype=np.uint8)
    row[:, :8] = name.view(np.uint8).reshape(-1, 8)
    row[:, 8] = ninth
    row[:, 9] = 0
    letter = ((row | 0x20) - ord("a")) < 26  # uint8 arithmetic wraps below "a"
    length = letter.argmin(axis=1)  # the first byte that is not a letter
    end = row[np.arange(len(row)), length]
    key = name & _MASKS[length]
    known: _Bools = _VOIDS[(key * _MULT) >> np.uint64(64 - _SLOTS)] == key
    ends: _Bools = np.where(closing, _ENDS_CLOSE[end], _ENDS_OPEN[end])
    return known & ends


def _bound(buf: bytes, end: int, depth: int) -> tuple[int, int]:
    """(depth after, deepest level) of the tags starting before ``end`` in ``buf`` (which
    holds at least ``_TAIL`` bytes more), entered at ``depth``; an upper bound of both."""
    raw = np.frombuffer(buf, dtype=np.uint8)
    starts = np.flatnonzero(raw[:end] == ord("<"))
    # the eight bytes at every offset, as one unaligned little-endian word each
    words = np.ndarray((len(raw) - 7,), dtype="<u8", buffer=raw, strides=(1,))
    first = words[starts + 1]
    closing = (first & np.uint64(0xFF)) == ord("/")
    name = np.where(closing, words[starts + 2], first)
    letter = ((name & np.uint64(0xFF)) | np.uint64(0x20)).astype(np.uint8)
    is_tag = (letter >= ord("a")) & (letter <= ord("z"))
    name, closing = name[is_tag], closing[is_tag]
    ninth = raw[starts[is_tag] + 9 + closing]
    void = _void(name, ninth, closing)
    steps = np.where(closing, -1, 1).astype(np.int8)[~void]
    if not len(steps):
        return depth, depth
    level = depth + np.cumsum(steps, dtype=np.int64)
    levels = level - np.minimum.accumulate(np.minimum(level, 0))
    return int(levels[-1]), max(depth, int(levels.max()))


def depth_bound(html: str) -> int:
    """An upper bound on :func:`max_depth` of ``html`` (equal to it on ordinary markup).

    The page goes through in slices of ``_CHUNK`` characters, so the arrays stay small.
    """
    depth = top = 0
    for at in range(0, len(html), _CHUNK):
        part = html[at:at + _CHUNK].encode("utf-8", "surrogatepass")
        buf = part + html[at + _CHUNK:at + _CHUNK + _TAIL].encode("utf-8", "surrogatepass")
        end = min(len(part), len(buf) - _TAIL)
        if end > 8:
            depth, deepest = _bound(buf, end, depth)
            top = max(top, deepest)
        if end < len(part):  # the page ends within ``buf``: its last tags go the exact way
            last = buf.find(b"<", end if end > 8 else 0)
            if last >= 0:
                top = max(top, _walk(buf[last:].decode("utf-8", "surrogatepass"), depth)[1])
            break
    return top
