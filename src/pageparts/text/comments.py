"""Reader comments in text: records laid out as a bullet tree.

Whole-page renderings write a comment list as list items: each comment a bullet line holding its
author, the comment's text indented one level deeper under it, and replies as bullet items one
level deeper still. A run of sibling items is a thread when most items in it have that shape: a
short, name-like bullet line with prose under it. Menus (bullets without text) and lists of
sentences (long bullet lines) do not. One pass over the blocks, explicit stack, linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .._document import Comment
from ..blocks import RawBlock
from ..html.comments import parse_date
from .comment_lines import author_line, date_line, heading_above, says_line
from .comment_records import MAX_NESTING, flat_threads

__all__ = ["MAX_NESTING", "find_comments"]

_WORD = re.compile(r"\w+")
_DATE = re.compile(
    r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|"
    r"\d{1,2}\.? (?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)"
    r"[a-zä]*\.? \d{4}|"
    r"\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago)\b",
    re.IGNORECASE,
)
#: Action links that come with each comment; they belong to it but are not its text.
_ACTION = re.compile(
    r"^(?:reply|antworten|répondre|responder|rispondi|like|likes?|report|flag|share|permalink|"
    r"log in to reply|\d+\s*(?:likes?|replies|points?)|upvote|downvote|quote)\W*$",
    re.IGNORECASE,
)
#: A line that is only a price: a product tile's, never a comment's.
_PRICE = re.compile(r"^\W{0,3}(?:[$€£¥]\s?\d[\d.,' ]*|"
                    r"\d[\d.,' ]*\s?(?:[$€£¥]|eur|usd|gbp|chf|kr|zł))"
                    r"\s*(?:\*|/\s?\w+)?$", re.IGNORECASE)
_MAX_AUTHOR_CHARS = 80
_MAX_AUTHOR_WORDS = 6
_MAX_DATED_AUTHOR_WORDS = 14
#: Running text: blocks at least this long count when weighing threads against the page.
_PROSE_CHARS = 100
#: Characters of running text above the first thread that make it the comments under an
#: article, however long the thread (a forum's opening post is one of its records).
_ARTICLE_ABOVE = 2500
#: Characters of running text after a thread with no comment cue that still let it be one.
_PROSE_AFTER = 300


@dataclass(slots=True)
class _Item:
    block: int  # the bullet line (the author line of a comment)
    indent: int
    texts: list[int] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)


def _author_like(text: str) -> bool:
    """A bullet line that can name a commenter: short, no sentence end."""
    end = text.rstrip()[-1:]
    if len(text) > _MAX_AUTHOR_CHARS or end in "!?;,":
        return False
    if end == "." and len(text.rsplit(maxsplit=1)[-1]) > 3:  # a sentence, not "Maria K."
        return False
    n = len(_WORD.findall(text))
    if n == 0:
        return False
    return n <= _MAX_AUTHOR_WORDS or (n <= _MAX_DATED_AUTHOR_WORDS and bool(_DATE.search(text)))


def _tree(blocks: list[RawBlock]) -> list[list[_Item]]:
    """Runs of top-level bullet items (a run ends at a top-level line that is not in a list)."""
    runs: list[list[_Item]] = [[]]
    stack: list[_Item] = []
    for i, b in enumerate(blocks):
        while stack and stack[-1].indent >= b.indent:
            stack.pop()
        if b.bullet is not None:
            if len(stack) >= MAX_NESTING:
                stack.pop()
            item = _Item(i, b.indent)
            (stack[-1].children if stack else runs[-1]).append(item)
            stack.append(item)
        elif stack:
            stack[-1].texts.append(i)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _walk(items: list[_Item]) -> list[_Item]:
    out: list[_Item] = []
    todo = list(reversed(items))
    while todo:
        it = todo.pop()
        out.append(it)
        todo.extend(reversed(it.children))
    return out


def _is_thread(run: list[_Item], blocks: list[RawBlock]) -> bool:
    if not all(_author_like(blocks[it.block].text) for it in run):
        return False
    members = _walk(run)
    records = priced = 0
    for it in members:
        words = sum(len(_WORD.findall(blocks[t].text)) for t in it.texts
                    if not _ACTION.match(blocks[t].text))
        if words >= 3 and _author_like(blocks[it.block].text):
            records += 1
        priced += any(_PRICE.match(blocks[t].text.strip()) for t in it.texts)
    # product tiles: a name with a description and a price line under it
    return (records >= 2 and records >= 0.5 * len(members) and priced < 0.5 * len(members)
            and _cued(run, members, blocks))


def _cued(run: list[_Item], members: list[_Item], blocks: list[RawBlock]) -> bool:
    """The run shows what comments show: a comment heading just above it, a ``says:`` line,
    or a date or an action line ("Reply") with most of its items; or, without any, little
    running text after it. A run of short lines with text under them is otherwise as likely a
    menu with its entries or a list of features or numbered steps, which look the same."""
    if heading_above(blocks, run[0].block):
        return True
    dated = actions = 0
    for it in members:
        line = blocks[it.block].text
        if says_line(line) is not None:
            return True
        texts = [blocks[t].text for t in it.texts]
        # the date on the bullet line, or on a short line just under it (under the name
        # line where the bullet holds the comment: "– Name" then "Feb 7, 2014 at 10:53")
        dated += bool(_DATE.search(line) or any(
            len(t) <= _MAX_AUTHOR_CHARS and (_DATE.search(t) or date_line(t))
            for t in texts[:3]))
        actions += any(_ACTION.match(t) for t in texts)
    if 2 * dated >= len(members) or 2 * actions >= len(members):
        return True
    # no cue (the seed's kind of thread: names and text): then the comments close the page's
    # running text, where a menu or a list of features has the page's prose after it
    last = max(max([it.block, *it.texts]) for it in members)
    return sum(len(b.text) for b in blocks[last + 1:]
               if len(b.text) >= _PROSE_CHARS) <= _PROSE_AFTER


def _one(it: _Item, blocks: list[RawBlock], replies: tuple[Comment, ...]) -> Comment:
    author, date_text = author_line(blocks[it.block].text)
    texts = [blocks[t].text for t in it.texts if not _ACTION.match(blocks[t].text)]
    if date_text is None and texts and (
            (len(_WORD.findall(texts[0])) <= 6 and _DATE.search(texts[0])) or date_line(texts[0])):
        date_text = texts.pop(0)
    return Comment(
        author=author,
        text="\n".join(texts),
        date=parse_date(date_text) if date_text else None,
        date_text=date_text,
        replies=replies,
    )


def _comments(run: list[_Item], blocks: list[RawBlock]) -> list[Comment]:
    """The run's items as nested Comments (bottom-up, no recursion)."""
    made: dict[int, Comment] = {}
    for it in reversed(_walk(run)):
        made[id(it)] = _one(it, blocks, tuple(made.pop(id(c)) for c in it.children))
    return [made[id(it)] for it in run]


def find_comments(blocks: list[RawBlock]) -> list[Comment]:
    """Comment threads laid out as bullet trees, then as flat records among the blocks left
    (:func:`pageparts.text.comment_records.flat_threads`); their blocks get
    ``extra["comment"]`` (the comment's ordinal in page order).

    When the threads hold more running text than the rest of the page and no article stands
    above them, they are the page's content (a forum or Q&A page): they are still returned, but
    their blocks are left unmarked so the block model judges them like any other text.
    """
    found: list[tuple[int, Comment]] = []  # (first block, thread) to put in page order
    members: list[tuple[int, ...]] = []
    for run in _tree(blocks):
        if not _is_thread(run, blocks):
            continue
        members.extend((it.block, *it.texts) for it in _walk(run))
        found.extend(zip((it.block for it in run), _comments(run, blocks), strict=True))
    taken = {i for m in members for i in m}
    for first, thread, covered in flat_threads(blocks, taken):
        found.append((first, thread))
        members.extend(covered)
    members.sort()
    in_thread = {i for m in members for i in m}
    thread_chars = sum(len(blocks[i].text) for i in in_thread)
    rest_chars = sum(len(b.text) for i, b in enumerate(blocks)
                     if i not in in_thread and len(b.text) >= _PROSE_CHARS)
    first = min(in_thread, default=0)
    prose_above = sum(len(b.text) for b in blocks[:first] if len(b.text) >= _PROSE_CHARS)
    if thread_chars <= rest_chars or prose_above >= _ARTICLE_ABOVE:
        for ordinal, member in enumerate(members):
            for i in member:
                blocks[i].extra["comment"] = ordinal
    found.sort(key=lambda fc: fc[0])
    return [c for _, c in found]
