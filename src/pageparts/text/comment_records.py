"""Reader comments in flat text: records of an author line, a timestamp, the text, "Reply".

WET-style dumps have no bullets and no indent, so a comment list is a run of look-alike records.
A record's **header** is an author line with a timestamp: ``Name says:`` (then a date line), a
name line then a date line, or ``Name 3. März 2019 um 10:00`` on one line. Most sites put the
header above the text; some put it below (then an action line such as "Reply" follows the header
at once). A run of headers is a thread when most records hold text and the run shows a comment
cue: ``says:`` headers, action lines, times of day, or a "12 comments" heading just above it.
Listings of dated teasers show none of these.

Without indent, nesting comes from what the text says: a comment opening with ``@Name`` or
"In reply to Name" answers that person's latest comment; and when the comments are in
chronological order, one whose timestamp breaks that order is a reply to the comment above it
(sites print replies under their parent). Otherwise the thread is a flat list with authors.

Reading one line (timestamps, names, says-lines, actions) is :mod:`.comment_lines`' job.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .._document import Comment
from ..blocks import RawBlock
from ..html._comment_dates import parse_date
from .comment_lines import (
    CLOSING,
    MAX_HEADER_CHARS,
    PUNCT,
    REPLY_TO,
    SECTION,
    Stamp,
    alone,
    before,
    commenter,
    heading_above,
    is_action,
    says_line,
    shown,
    stamp,
    timed,
    when,
)

__all__ = ["MAX_NESTING", "MAX_RECORDS", "flat_threads"]

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = frozenset(".!?…)\"'»”“:;")
#: A reply's subject line ("Re: Rest time", "AW: ..."), printed just above its header on boards.
_SUBJECT = re.compile(r"^(?:re|aw|sv|antw|rép|rif)\s?:\s*\S", re.IGNORECASE)
#: A one-line comment this long is prose even without a second line.
_PROSE_WORDS = 15
#: Records longer than this many blocks end the run (a comment is not a chapter).
_MAX_RECORD_BLOCKS = 30
#: Threads with more records are cut (bounded work on hostile input).
MAX_RECORDS = 5000
#: Replies nested deeper than this are kept as replies at this depth.
MAX_NESTING = 32


@dataclass(slots=True)
class _Header:
    start: int
    end: int  # exclusive
    author: str | None
    stamp: str | None  # the date as shown
    timed: bool  # shows a time of day
    says: bool  # "Name says:"


@dataclass(slots=True)
class _Record:
    header: _Header
    blocks: list[int] = field(default_factory=list)  # every block of the record, in order
    texts: list[int] = field(default_factory=list)  # its text blocks
    actions: int = 0  # action links ("Reply"), not counters


def _header_at(i: int, lines: list[str], stamps: list[Stamp | None], free: list[bool]
               ) -> _Header | None:
    """The record header starting at block ``i``, if one does."""
    text = lines[i]
    if len(text) > MAX_HEADER_CHARS:
        return None
    nxt = i + 1 < len(lines) and free[i + 1] and alone(lines[i + 1], stamps[i + 1])
    says = says_line(text)
    if says is not None:
        who, rest = says
        if rest and stamp(rest):
            return _Header(i, i + 1, who, rest, timed(rest), True)
        if not rest and nxt:
            return _Header(i, i + 2, who, lines[i + 1], timed(lines[i + 1]), True)
        if not rest:
            return _Header(i, i + 1, who, None, False, True)
        # "EU says no reason to panic": a headline, not a commenter
    st = stamps[i]
    if st is not None:
        prefix = before(text[: st[0]])
        if not prefix:  # a date line alone
            return _Header(i, i + 1, None, text, st[2], False)
        if text[: st[0]].rstrip().endswith(":"):  # a field: "Registriert: 18.09.2008"
            return None
        named = commenter(prefix)
        return _Header(i, i + 1, named, text[st[0]:], st[2], False) if named else None
    named = commenter(text) if nxt else None
    if named is not None:
        return _Header(i, i + 2, named, lines[i + 1], timed(lines[i + 1]), False)
    return None


def _headers(blocks: list[RawBlock], free: list[bool]) -> list[_Header]:
    lines = [shown(b) for b in blocks]
    # every timestamp holds a digit: most lines are ruled out by one cheap search
    stamps = [stamp(t) if len(t) <= MAX_HEADER_CHARS and _DIGIT.search(t) else None
              for t in lines]
    out: list[_Header] = []
    i = 0
    while i < len(blocks):
        h = _header_at(i, lines, stamps, free) if free[i] else None
        if h is None or not all(free[h.start:h.end]):
            i += 1
            continue
        out.append(h)
        i = h.end
    return out


def _shape(h: _Header) -> tuple[bool, bool, bool, int]:
    return h.author is not None, h.says, h.timed, h.end - h.start


def _runs(headers: list[_Header], blocks: list[RawBlock]) -> Iterator[list[_Header]]:
    """Headers of one shape close enough to be records of one list, with no comment heading
    or comment form between them (a list's records all look alike)."""
    run: list[_Header] = []
    for h in headers:
        if run and (h.start - run[-1].end > _MAX_RECORD_BLOCKS or _shape(h) != _shape(run[-1])
                    or any(SECTION.match(blocks[i].text) or CLOSING.match(blocks[i].text)
                           for i in range(run[-1].end, h.start))):
            yield run
            run = []
        run.append(h)
    if run:
        yield run


def _text_then_header(run: list[_Header], blocks: list[RawBlock], free: list[bool]) -> bool:
    """Text between a comment heading and the first header, and the comment form (or the end
    of the page) right after the last header: each header closes its record."""
    end = run[-1].end
    if end < len(blocks) and not CLOSING.match(blocks[end].text):
        return False
    i = run[0].start - 1
    texts = 0
    while i >= 0 and free[i] and texts <= _MAX_RECORD_BLOCKS:
        if SECTION.match(blocks[i].text):
            return texts > 0
        texts += 1
        i -= 1
    return False


def _records(run: list[_Header], blocks: list[RawBlock], free: list[bool]) -> list[_Record]:
    """The run's records, header first or header last (an action line right after most
    headers says the header closes its record, and so does a list that opens with text under
    its heading and ends with a header right above the comment form)."""
    after = sum(1 for h in run if h.end < len(blocks) and is_action(blocks[h.end]))
    before = sum(1 for h in run if h.start > 0 and is_action(blocks[h.start - 1]))
    footer = (after > before and 2 * after >= len(run)) or _text_then_header(run, blocks, free)
    bounds: list[tuple[int, int]] = []
    if footer:
        ends = []
        for h in run:
            e = h.end
            while e < len(blocks) and free[e] and is_action(blocks[e]):
                e += 1
            ends.append(e)
        longest = max((run[k].start - ends[k - 1] for k in range(1, len(run))), default=1)
        first = run[0].start
        while (first > 0 and free[first - 1] and run[0].start - first < max(longest, 1)
               and not SECTION.match(blocks[first - 1].text)
               and not is_action(blocks[first - 1])):
            first -= 1
        bounds = [(first if k == 0 else ends[k - 1], ends[k]) for k in range(len(run))]
    else:
        longest = max((run[k + 1].start - run[k].end for k in range(len(run) - 1)), default=3)
        # a subject line just above a header opens that record, not the one before it
        starts = [h.start - 1 if h.start > (run[k - 1].end if k else 0) and free[h.start - 1]
                  and _SUBJECT.match(blocks[h.start - 1].text) else h.start
                  for k, h in enumerate(run)]
        for k, h in enumerate(run):
            if k + 1 < len(run):
                bounds.append((starts[k], starts[k + 1]))
                continue
            e = h.end
            while (e < len(blocks) and free[e] and e - h.end < longest + 1
                   and not CLOSING.match(blocks[e].text)):
                e += 1
                if is_action(blocks[e - 1]):
                    while e < len(blocks) and free[e] and is_action(blocks[e]):
                        e += 1
                    break
            bounds.append((starts[k], e))
    records = []
    for h, (a, b) in zip(run, bounds, strict=True):
        r = _Record(h)
        for i in range(a, b):
            if not free[i]:
                continue
            r.blocks.append(i)
            if h.start <= i < h.end or (not footer and i < h.start):  # header, subject line
                continue
            if is_action(blocks[i]):
                r.actions += any(c.isalpha() for c in blocks[i].text)
            else:
                r.texts.append(i)
        records.append(r)
    return records


def _is_thread(records: list[_Record], blocks: list[RawBlock]) -> bool:
    """Most records hold text and name an author, and the run shows a comment cue; one record
    alone needs a ``says:`` header or a comment heading above it, and a time or an action."""
    n = len(records)
    if n == 0:
        return False
    with_text = sum(1 for r in records
                    if sum(len(_WORD.findall(blocks[t].text)) for t in r.texts) >= 3)
    authors = sum(1 for r in records if r.header.author)
    if with_text < 0.5 * n or authors < 0.5 * n:
        return False
    first = records[0].blocks[0]
    heading = heading_above(blocks, first)
    says = sum(r.header.says for r in records)
    actions = sum(1 for r in records if r.actions)
    timed = sum(r.header.timed for r in records)
    if n == 1:
        return with_text == 1 and (heading or says == 1) and (timed + actions) >= 1
    if with_text < 2:
        return False
    if heading or 2 * says >= n or 2 * actions >= n:
        return True
    # times alone also date lists of headlines ("By Name 12 May 2022, 4:18pm" + a title):
    # then most records must hold sentences
    prose = sum(1 for r in records if _prose([blocks[t].text for t in r.texts]))
    return 2 * timed >= n and 2 * prose >= n


def _prose(texts: list[str]) -> bool:
    """Sentences, not a headline: a sentence end, and more than a title's words or lines."""
    if not any(t.rstrip()[-1:] in _SENTENCE_END for t in texts if t.strip()):
        return False
    return len(texts) >= 2 or sum(len(_WORD.findall(t)) for t in texts) >= _PROSE_WORDS


def _in_order(times: list[_dt.datetime]) -> set[int]:
    """Indices of a longest run-in-order subsequence (non-decreasing, or non-increasing when
    the page lists newest first), or all indices when the order says nothing."""
    up = sum(1 for a, b in itertools.pairwise(times) if b > a)
    down = sum(1 for a, b in itertools.pairwise(times) if b < a)
    keys = [t.timestamp() * (1 if up >= down else -1) for t in times]
    tails: list[float] = []
    tail_at: list[int] = []
    prev = [-1] * len(keys)
    for k, v in enumerate(keys):
        pos = bisect.bisect_right(tails, v)
        prev[k] = tail_at[pos - 1] if pos else -1
        if pos == len(tails):
            tails.append(v)
            tail_at.append(k)
        else:
            tails[pos], tail_at[pos] = v, k
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(k)
        k = prev[k]
    return keep


def _parents(records: list[_Record], blocks: list[RawBlock]) -> list[int]:
    """Each record's parent record (-1: top level), from reply cues and timestamp order."""
    parents = [-1] * len(records)
    times = [when(r.header.stamp) for r in records]
    if len(records) >= 3 and all(t is not None for t in times):
        keep = _in_order([t for t in times if t is not None])
        if len(keep) >= 0.5 * len(records):
            top = -1
            for k in range(len(records)):
                if k in keep:
                    top = k
                elif top >= 0:
                    parents[k] = top
    latest: dict[str, int] = {}  # an author's name and first name → their latest record
    for k, r in enumerate(records):
        m = REPLY_TO.match(blocks[r.texts[0]].text) if r.texts else None
        if m is not None:
            j = latest.get(m.group("name").lower().strip(PUNCT + ".!?"))
            if j is not None:
                parents[k] = j
        author = (r.header.author or "").lower()
        if author:
            latest[author] = latest[author.split()[0].strip(PUNCT + ".")] = k
    depth = [0] * len(records)
    for k in range(len(records)):  # a parent always comes first; cap the nesting
        p = parents[k]
        while p >= 0 and depth[p] + 1 > MAX_NESTING:
            p = parents[p]
        parents[k] = p
        depth[k] = depth[p] + 1 if p >= 0 else 0
    return parents


def _thread(records: list[_Record], blocks: list[RawBlock], parents: list[int]) -> list[Comment]:
    children: list[list[int]] = [[] for _ in records]
    for k, p in enumerate(parents):
        if p >= 0:
            children[p].append(k)
    made: dict[int, Comment] = {}
    for k in range(len(records) - 1, -1, -1):  # a parent always comes before its replies
        r = records[k]
        h = r.header
        made[k] = Comment(
            author=h.author,
            text="\n".join(blocks[t].text for t in r.texts),
            date=parse_date(h.stamp) if h.stamp else None,
            date_text=h.stamp,
            replies=tuple(made.pop(c) for c in children[k]),
        )
    return [made[k] for k in range(len(records)) if parents[k] < 0]


def flat_threads(blocks: list[RawBlock], taken: set[int]
                 ) -> list[tuple[int, Comment, list[tuple[int, ...]]]]:
    """Threads of flat records among the blocks not in ``taken``: per top-level comment, its
    first block, the comment with its replies, and the blocks of each of its records."""
    free = [i not in taken for i in range(len(blocks))]
    out: list[tuple[int, Comment, list[tuple[int, ...]]]] = []
    for found in _runs(_headers(blocks, free), blocks):
        run = [h for h in found[:MAX_RECORDS] if all(free[h.start:h.end])]  # not taken before
        if not run:
            continue
        records = _records(run, blocks, free)
        if not _is_thread(records, blocks):
            continue
        parents = _parents(records, blocks)
        comments = _thread(records, blocks, parents)
        covered = [tuple(r.blocks) for r in records]
        tops = [r.blocks[0] for r, p in zip(records, parents, strict=True) if p < 0]
        for k, (first, c) in enumerate(zip(tops, comments, strict=True)):
            out.append((first, c, covered if k == 0 else []))
        for r in records:
            for i in r.blocks:
                free[i] = False
    return out
