"""Labelled blocks → :class:`Document`: score blocks, name their roles, write text and markdown."""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Sequence

from ._document import Block, Comment, Document, Furniture
from ._options import Options
from ._words import STOPWORDS
from .blocks import ParsedPage, RawBlock
from .features import featurize
from .furniture import furniture_kind, is_date_only, is_related_lead, text_kind
from .html._meta_author import _PERSON_NAME, _join_authors
from .html._meta_dates import _first_date, _first_date_match
from .model import BoosterModel, Models
from .pagetype import decode_page_type, page_features
from .text.headline import choose

__all__ = ["assemble", "label_blocks"]

_WORD = re.compile(r"\w+")
_HEAD = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CREDIT = re.compile(
    r"(?:\b(?:source|credit|credits|photo|image|picture|foto|bild|quelle|fotografie)\s*:\s*|"
    r"©\s*|\(c\)\s*)([^,;|]+?)\s*[.)]?\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|written by|posted by|author)\b[:\s]", re.I)
#: A byline under the headline is one even when scored as content, up to this length.
_BYLINE_CHARS = 80
#: Page types whose posts are the main content (their thread is also in doc.comments).
DISCUSSION_TYPES = frozenset({"forum"})
# reference documentation repeats a parameter's description under every method that takes it
_REPEATS_ARE_CONTENT = frozenset({"documentation"})
_COPY_ALONE = 100  # characters of a repeated block that is a copy on its own
_COPY_RUN = 300  # characters of a run of repeated blocks that is a copy
_CODE_TAGS = frozenset({"pre", "code"})
_LINKED = 0.6  # share of a block's characters in links that makes it a link to elsewhere
#: schema.org types by which a page declares itself one article (the generic "article" is not
#: enough: forum software uses it too) and those by which it declares a discussion.
_DECLARED_ARTICLE = frozenset({
    "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle"})
_DECLARED_DISCUSSION = frozenset({
    "discussionforumposting", "qapage", "question", "answer", "socialmediaposting"})


#: The score above which a link-only block in a ``<nav>`` is still content.
_SURE = 0.9
#: How much lower the bar for content is on listings and collections, by page kind. Their items
#: (a headline and a teaser, mostly links) are the content there, and the block model, which
#: learns mostly from articles, scores such blocks lower. Measured with 3-fold CV by site (fold
#: models kept, assembly rerun): 0.15 against none, word F1 on wcxb-dev +0.003 on the 400-page
#: sample and +0.0035 on the 1,097 other pages, trafilatura-a snippet F1 unchanged; plain text
#: +0.002 (bullets), +0.006 (WET). With the HTML block models of three seeds, 0.2 against 0.15:
#: +0.0014 and +0.0007 (trafilatura-a -0.0003; 0.25 lost 0.008 on the sample); for plain text
#: 0.2 lost 0.0005 to 0.0012, so it keeps 0.15.
_LOWER_BAR = {"html": {"listing": 0.2, "collection": 0.2},
              "text": {"listing": 0.15, "collection": 0.15}}
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?\s+")
#: A plain-text page of fewer blocks is typed "article", the commonest type, without asking the
#: text page-type model: no page of the packs renders to so few blocks (the fewest in a sample of
#: 150 wcxb-dev pages: 28), and on such pages the model was confidently wrong (a five-paragraph
#: essay typed forum at 0.94, a seven-line news brief listing at 0.68, which lowered the bar and
#: let its menu line in).
_FEW_TEXT_BLOCKS = 20


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


_WORDS_OR_NEWLINES = re.compile(r"[\w\n]+")


def _norms(texts: list[str]) -> list[str]:
    """:func:`_norm` of every text, in one regex pass over the page (a newline inside a text is
    a space to ``_norm``, so it becomes one here, and newlines separate the texts)."""
    joined = "\n".join([t.replace("\n", " ") for t in texts]).lower()
    return [s.strip() for s in " ".join(_WORDS_OR_NEWLINES.findall(joined)).split("\n")]


def _find_title(blocks: list[RawBlock], title: str | None, norms: list[str]) -> int | None:
    """The block that shows the article's headline: a match of the metadata title, else the
    first h1 before the main content."""
    if title:
        want = _norm(title)
        want_squashed = want.replace(" ", "")  # "c ycle" and "cycle" meet
        best, best_score = None, 0.0
        want_set = set(want.split())
        limit = 3 * len(title) + 40
        for i, b in enumerate(blocks):
            if len(b.text) > limit:
                continue
            # the section-number pattern opens with a digit (isdigit covers all of \d)
            got = _norm(_SECTION_NUMBER.sub("", b.text)) if b.text[:1].isdigit() else norms[i]
            if not got:
                continue
            if got == want or got.replace(" ", "") == want_squashed:  # got is _norm'ed
                score = 2.0 + (0.5 if b.tag in _HEAD else 0.0)
            elif len(want_set) >= 3 and (got.endswith(" " + want) or got.startswith(want + " ")):
                # the headline with its kicker, label or date, which the title leaves out
                score = 1.5 + (0.5 if b.tag in _HEAD else 0.0)
            else:
                got_set = set(got.split())
                jac = len(got_set & want_set) / len(got_set | want_set)
                if jac < 0.6:
                    continue
                score = jac + (0.5 if b.tag in _HEAD else 0.0)
            if b.tag == "h1":
                score += 0.3
            if score > best_score:
                best, best_score = i, score
        if best is not None:
            return best
    for i, b in enumerate(blocks):
        if b.tag == "h1":
            return i
    return None


def _credit(text: str) -> str | None:
    m = _CREDIT.search(text)
    if m:
        return m.group(1).strip() or None
    return None


def lower_bar(kind: str, page_type: str) -> float:
    """How much lower than ``Options.threshold`` the bar for content is on ``page_type`` pages
    of ``kind`` ("html" or "text")."""
    return _LOWER_BAR["text" if kind == "text" else "html"].get(page_type, 0.0)


def label_blocks(parsed: ParsedPage, page_type: str, options: Options) -> int | None:
    """Give every block its label (and furniture kind); return the title block's index."""
    blocks = parsed.blocks
    threshold = options.threshold - lower_bar(parsed.page.kind, page_type)
    discussion = page_type in DISCUSSION_TYPES
    norms = _norms([b.text for b in blocks])
    title_i = _find_title(blocks, parsed.meta.title, norms)
    title_norm = norms[title_i] if title_i is not None else _norm(parsed.meta.title or "")
    # a menu entry (all link, inside a <nav>) is content only with a sure score
    mains = [b.score >= threshold and not (
        b.score < _SURE and "@nav" in b.tokens and b.link_chars >= len(b.text)) for b in blocks]
    mains = _runs_go_on(parsed, _with_the_majority(parsed, mains))
    first_main = next((i for i, m in enumerate(mains) if m), len(blocks))
    last_main = max((i for i, m in enumerate(mains) if m), default=-1)

    def in_article(i: int) -> bool:
        """Between the headline (or just before the first content block) and the last content
        block: a figure caption there belongs to the article."""
        start = min(title_i if title_i is not None else first_main, first_main - 3)
        return start <= i <= last_main
    for i, (b, main) in enumerate(zip(blocks, mains, strict=True)):
        if i == title_i:
            b.label = "title"
        elif "comment" in b.extra and not discussion and b.extra["comment"] != "posts":
            b.label = "comment"
        elif (title_norm and b.link_chars < 0.5 * len(b.text)
              and norms[i] == title_norm):
            b.label, b.kind = "furniture", "repeated-headline"
        elif b.tag == "figcaption" and (main or b.score >= 0.2 or in_article(i)):
            b.label = "caption"
            b.credit = _credit(b.text)
        elif (len(b.text) < _BYLINE_CHARS and _BYLINE.match(b.text) and title_i is not None
              and 0 < i - title_i <= 4 and b.tag not in _HEAD):
            b.label = "byline"  # "By Ann Lee" under the headline, whatever its score
        elif (not discussion and title_i is not None and 0 < i - title_i <= 4
              and b.tag not in _HEAD and is_date_only(b.text)):
            # "3 March 2026" under an article's headline (a forum post's date is the post's)
            b.label, b.kind = "furniture", "metadata"
        elif main and b.tag in _HEAD:
            b.label = "heading"
        elif main:
            b.label = "body"
        elif (len(b.text) < 160 and _BYLINE.match(b.text)
              and title_i is not None and abs(i - title_i) <= 4 and i <= first_main + 2):
            b.label = "byline"
        else:
            b.label = "furniture"
            b.kind = furniture_kind(b)
    if page_type not in _REPEATS_ARE_CONTENT:
        for i in (*_second_copies(blocks, norms), *_copies_of_the_rest(blocks, norms)):
            blocks[i].label, blocks[i].kind = "furniture", "duplicate"
    for i in _related_boxes(blocks):
        blocks[i].label, blocks[i].kind = "furniture", "related"
    return title_i


#: A paragraph scored at least this, in a container whose blocks are at least this share content,
#: is content (see :func:`_with_the_majority`).
_MAJORITY_SCORE = 0.3
_MAJORITY_SHARE = 0.75


def _with_the_majority(parsed: ParsedPage, mains: list[bool]) -> list[bool]:
    """``mains`` with the paragraphs just under the bar that sit in a container of content.

    The model scores a block partly by where it is: near the end of a very long page, where
    footers usually are, the paragraphs of a 500-paragraph article fell under the bar although
    the article around them was content. A paragraph (not mostly link text) scored at least
    :data:`_MAJORITY_SCORE` whose innermost container of three blocks or more is
    :data:`_MAJORITY_SHARE` content goes with its container. On the packs (3-fold CV by site)
    this changes nothing beyond noise (word F1 +0.0001 on the sample, -0.0004 on the other
    pages); it is there for long articles.
    """
    blocks = parsed.blocks
    spans = parsed.spans
    cum = [0]
    for m in mains:
        cum.append(cum[-1] + m)
    out = list(mains)
    for i, b in enumerate(blocks):
        if mains[i] or b.score < _MAJORITY_SCORE or b.tag != "p" \
                or b.link_chars > 0.3 * len(b.text):
            continue
        for a in reversed(b.ancestors):
            span = spans.get(a)
            if span is None or span[1] - span[0] < 3:
                continue
            lo, hi = span
            out[i] = (cum[hi] - cum[lo]) / (hi - lo) >= _MAJORITY_SHARE
            break
    return out


#: A paragraph scored at least this goes on a run of content paragraphs in its own container
#: (see :func:`_runs_go_on`).
_RUN_SCORE = 0.2
_RUN_LENGTH = 10


def _runs_go_on(parsed: ParsedPage, mains: list[bool]) -> list[bool]:
    """``mains`` with each run of content paragraphs carried on through the paragraphs after it.

    A paragraph right after a content paragraph with the same parent element goes with it when
    it is not mostly link text, scores at least :data:`_RUN_SCORE`, and the run before it holds
    :data:`_RUN_LENGTH` paragraphs or more: the body of a long article goes on, while its
    scores fall off towards the end of the page where footers usually are. How far they fall
    changes from one retrain to the next (a 500-paragraph article kept 499, 367 and 289
    paragraphs with three trainings); :func:`_with_the_majority` alone needs a container that is
    three quarters content. On the packs (3-fold CV by site, two sets of fold models) this
    changes no score; with runs of five paragraphs and a bar of 0.15 instead, trafilatura-a's
    snippet F1 fell 0.0008.
    """
    blocks = parsed.blocks
    out = list(mains)
    run = 0
    for i, b in enumerate(blocks):
        if b.tag != "p" or not b.ancestors:
            run = 0
            continue
        prev = blocks[i - 1] if i else None
        same = (prev is not None and prev.tag == "p"  # the parent: ancestors end with the block
                and prev.ancestors[-2:-1] == b.ancestors[-2:-1])
        if out[i]:
            run = run + 1 if same and out[i - 1] else 1
            continue
        if (same and run >= _RUN_LENGTH and b.score >= _RUN_SCORE
                and b.link_chars <= 0.3 * len(b.text)):
            out[i] = True
            run += 1
        else:
            run = 0
    return out


def _thread_as_content(blocks: list[RawBlock], comments: Sequence[Comment]) -> None:
    """Label as body the thread's blocks that hold what its comments say (not the author
    lines and buttons around them): the content of a page whose only text is its thread."""
    said = _said(comments)
    for b in blocks:
        if "comment" not in b.extra or b.label == "title":
            continue
        lines = [s for line in b.text.split("\n") if (s := line.strip())]
        if lines and all(line in said for line in lines):
            b.label, b.kind = ("heading" if b.tag in _HEAD else "body"), None


def _said(comments: Sequence[Comment]) -> set[str]:
    """The lines of what every comment of a thread says, replies and all (walked without
    recursion: a thread can nest as deep as a page's indents)."""
    lines: set[str] = set()
    todo = list(comments)
    while todo:
        c = todo.pop()
        lines.update(s for line in c.text.split("\n") if (s := line.strip()))
        todo.extend(c.replies)
    return lines


def _related_boxes(blocks: list[RawBlock]) -> list[int]:
    """Content blocks that are a "Read also" lead-in and the links right after it."""
    out: list[int] = []
    for i, b in enumerate(blocks):
        if b.label not in ("body", "heading") or not is_related_lead(b.text):
            continue
        out.append(i)
        j = i + 1
        while j < len(blocks) and blocks[j].label in ("body", "heading") \
                and blocks[j].link_chars >= _LINKED * len(blocks[j].text):
            out.append(j)
            j += 1
    return out


def _second_copies(blocks: list[RawBlock], norms: list[str]) -> list[int]:
    """Content blocks that repeat, word for word, a passage shown earlier on the page: the
    copy of a responsive layout (one for phones, one for desktops) or a carousel's clones.

    A repeat counts when it is long on its own (:data:`_COPY_ALONE` characters) or belongs to
    a run of at least two repeated blocks in a row holding :data:`_COPY_RUN` characters; short
    repeats alone ("Add to cart", a spec line shared by two models) stay content. Code is never
    a copy: examples repeat on purpose.
    """
    content = [i for i, b in enumerate(blocks)
               if b.label in ("body", "heading") and b.tag not in _CODE_TAGS and norms[i]]
    seen: set[str] = set()
    repeat = []
    for i in content:
        repeat.append(norms[i] in seen)
        seen.add(norms[i])
    out: list[int] = []
    j = 0
    while j < len(content):
        if not repeat[j]:
            j += 1
            continue
        end = j
        while end < len(content) and repeat[end]:
            end += 1
        run = content[j:end]
        whole_run = len(run) >= 2 and sum(len(norms[i]) for i in run) >= _COPY_RUN
        out.extend(i for i in run if whole_run or len(norms[i]) >= _COPY_ALONE)
        j = end
    return out


#: A content block of this many words or more is checked for being a copy of the rest.
_COPY_WORDS = 200
#: ... and is one when this share of its four-word shingles is found in other content blocks
#: (not code), no one of which holds more than :data:`_COPY_ONE_SOURCE` of what is found.
_COPY_SHARE = 0.7
_COPY_ONE_SOURCE = 0.5
#: ... and only a block holding this share of the content's words is a candidate: a copy of the
#: rest is a large part of the page, and a page of many long paragraphs is checked in one pass.
_COPY_PART = 0.2


def _copies_of_the_rest(blocks: list[RawBlock], norms: list[str]) -> list[int]:
    """Long content blocks that repeat what several other content blocks of the page say: a
    whole article kept again in one element (a hidden raw-markdown copy for machines, a print
    version), which no single block matches word for word.

    Only blocks of :data:`_COPY_WORDS` words or more, and :data:`_COPY_PART` of the content's
    words, are candidates, the longest first, so the paragraphs a copy repeats stay; once a
    block is judged a copy it no longer counts for the others. A block that mostly repeats one
    other block (terms for two regions that differ in a price) is no copy of the rest, and code
    repeats on purpose: code covers nothing.
    """
    content = [i for i, b in enumerate(blocks) if b.label in ("body", "heading")]
    sizes = {i: norms[i].count(" ") + 1 for i in content if norms[i]}
    least = max(_COPY_WORDS, _COPY_PART * sum(sizes.values()))
    long = sorted((i for i, n in sizes.items() if n >= least), key=lambda i: -sizes[i])
    if len(content) < 3 or not long:
        return []
    words = {i: norms[i].split() for i in content}
    where: dict[tuple[str, ...], list[int]] = {}
    for i, w in words.items():
        if blocks[i].tag not in _CODE_TAGS:
            for g in _shingles(w):
                where.setdefault(g, []).append(i)
    out: list[int] = []
    for i in long:
        w = words[i]
        shingles = _shingles(w)
        sources: Counter[int] = Counter()
        for g in shingles:
            j = next((j for j in where.get(g, ()) if j != i and j not in out), None)
            if j is not None:
                sources[j] += 1
        found = sum(sources.values())
        if (found >= _COPY_SHARE * len(shingles)
                and max(sources.values()) <= _COPY_ONE_SOURCE * found):
            out.append(i)
    return out


def _shingles(words: list[str]) -> list[tuple[str, ...]]:
    """The four-word windows of ``words``."""
    return list(zip(words, words[1:], words[2:], words[3:], strict=False))


def _markdown_block(b: RawBlock, prev: RawBlock | None) -> str:
    t = b.text
    if b.label == "heading":
        return "#" * min(_HEAD.get(b.tag, 2) + 1, 6) + " " + t.replace("\n", " ")
    if b.tag == "li":
        return "  " * b.depth + "- " + t.replace("\n", " ")
    if b.tag == "tr":
        row = "| " + t.replace("\n", " ") + " |"
        if prev is None or prev.tag != "tr":
            cells = t.count(" | ") + 1
            row += "\n|" + " --- |" * cells
        return row
    if b.tag == "pre":
        return "```\n" + t + "\n```"
    if b.tag == "blockquote":
        return "\n".join("> " + ln for ln in t.split("\n"))
    return t


def _join(parts: list[tuple[RawBlock, str]]) -> str:
    """Join rendered blocks: list items and table rows of one run stay on adjacent lines."""
    out: list[str] = []
    prev: RawBlock | None = None
    for b, s in parts:
        if out:
            tight = prev is not None and b.tag == prev.tag and b.tag in ("li", "tr")
            out.append("\n" if tight else "\n\n")
        out.append(s)
        prev = b
    return "".join(out)


def _furniture(blocks: list[RawBlock]) -> tuple[Furniture, ...]:
    """Runs of furniture of one kind; repeated headlines gather into one entry."""
    runs: list[tuple[str, list[int]]] = []
    repeated: list[int] = []
    last_kind = None
    for i, b in enumerate(blocks):
        if b.label != "furniture":
            last_kind = None
            continue
        kind = b.kind or "other"
        if kind == "repeated-headline":
            repeated.append(i)
            continue
        if kind == last_kind:
            runs[-1][1].append(i)
        else:
            runs.append((kind, [i]))
        last_kind = kind
    if repeated:
        runs.append(("repeated-headline", repeated))
        runs.sort(key=lambda r: r[1][0])
    return tuple(Furniture(k, "\n".join(blocks[i].text for i in idx), tuple(idx))
                 for k, idx in runs)


_NAME = _PERSON_NAME.pattern
#: A signature under an article: "Von: Ann Lee", "Autoren Ann Lee und Bo Chen", "Text: Ann Lee"
_SIGNED = re.compile(
    rf"(?:von|by|autor(?:in|en)?|authors?|text)\s*:?\s+({_NAME}(?:\s*(?:,|und|and|&)\s*{_NAME})*)"
    r"\s*\.?", re.I)


def _signature(blocks: list[RawBlock]) -> str | None:
    """The name an article is signed with at its end (its last content blocks and the few
    after them), when the page's metadata names no author."""
    last = max((i for i, b in enumerate(blocks) if b.label == "body"), default=-1)
    if last < 0:
        return None
    for b in blocks[max(0, last - 1):last + 4]:
        m = _SIGNED.fullmatch(b.text.strip()) if len(b.text) <= 80 else None
        if m:
            return m[1]
    return None


def _byline(blocks: list[RawBlock]) -> str | None:
    """The names of the byline under the headline ("By Ann Lee | 3 March 2024"), when the
    page's metadata names no author (in plain text, it never does)."""
    line = next((b for b in blocks if b.label == "byline"), None)
    return _join_authors([line.text]) if line is not None else None


#: Blocks under (then over) the headline where a line that is only a name is looked for.
_NAME_LINE_BELOW = 3
_NAME_LINE_ABOVE = 3
_NAME_LINE_CHARS = 80
#: A by-label glued to the name by a rendering ("ByNina Pineda"), and what ends a name on its
#: line: a separator, or the words of a date stamp.
_GLUED_BY = re.compile(r"^By(?=[A-Z])")
_NAME_END = re.compile(r"\s+[|\u2014\u2013·•]\s*|\s+-\s+|(?:Published|Updated|Posted)\b.*$")


def _name_line(blocks: list[RawBlock], title_i: int | None) -> str | None:
    """The author named on a short line by the headline that is a name with a by-label or a
    date, or a name beside a date line ("By Ann Lee", "Tom Talbot October 14, 2025",
    "September 1st, 2023 By Emily Norwood", "Ann Lee" over "3 March 2024"), when the metadata
    and the byline name nobody (plain text mostly). A name alone is not enough: menus and
    section heads are written in capitals too ("Contact Us", "Final Thoughts")."""
    if title_i is None:
        return None
    order = [*range(title_i + 1, min(len(blocks), title_i + 1 + _NAME_LINE_BELOW)),
             *range(title_i - 1, max(-1, title_i - 1 - _NAME_LINE_ABOVE), -1)]
    for i in order:
        text = blocks[i].text.strip()
        if (len(text) > _NAME_LINE_CHARS or blocks[i].label in ("title", "comment")
                or text_kind(text)):
            continue
        m = _first_date_match(text)
        if m is not None:  # the name is on one side of the date
            text = text[:m.start()] if m.start() > 0 else text[m.end():]
        text = _GLUED_BY.sub("By ", text.strip())
        labelled = _BYLINE.match(text) is not None
        text = _BYLINE.sub("", _NAME_END.split(text, maxsplit=1)[0]).strip(" ,:;-")
        head = text.split(",", 1)[0].strip()
        if not head or not _PERSON_NAME.fullmatch(head) \
                or any(w.lower() in STOPWORDS for w in head.split()):
            continue
        dated = m is not None or any(
            0 <= j < len(blocks) and j != title_i and _date_line(blocks[j]) is not None
            for j in (i - 1, i + 1))
        if labelled or dated:
            return _join_authors([text])
    return None


#: Blocks after the headline where its date line is looked for, and the longest such line
#: (plain text, WET / bullets, all wcxb-dev pages with fold models: none above and 5 below
#: found 0.39 / 0.40 of the gold dates, 5 above and 8 below 0.51 / 0.53, with 0.85 of the dates
#: given right either way; pages without a gold date that get one: 2.7% -> 4.6%).
_DATELINE_BLOCKS = 8
_DATELINE_CHARS = 120
#: ... and, failing those, blocks just above it (a date printed over the headline).
_DATELINE_ABOVE = 5


def _dateline(blocks: list[RawBlock], title_i: int | None) -> _dt.date | None:
    """The date written on a short line just under the headline ("By Ann Lee | 3 March 2024",
    "Published 4 October 2022"), or failing that just over it, when the page's metadata gives
    none (in plain text, it never does)."""
    if title_i is None:
        return None
    below = blocks[title_i + 1:title_i + 1 + _DATELINE_BLOCKS]
    above = blocks[max(0, title_i - _DATELINE_ABOVE):title_i][::-1]  # nearest first
    return next((d for b in (*below, *above) if (d := _date_line(b)) is not None), None)


def _date_line(b: RawBlock) -> _dt.date | None:
    """The date a short line shows ("3.4.2024" is read day first all the same), or None."""
    return _first_date(b.text, False) if len(b.text) <= _DATELINE_CHARS else None


def _opener(parsed: ParsedPage, comments: tuple[Comment, ...], page_type: str) -> str | None:
    """A thread's author: who opened it (the first post's)."""
    if page_type not in DISCUSSION_TYPES:
        return None
    opener = next((c for c in (*parsed.opening_posts, *comments) if isinstance(c, Comment)
                   and c.author), None)
    return opener.author if opener is not None else None


def _without(comments: tuple[Comment, ...], posts: list[object]) -> tuple[Comment, ...]:
    """``comments`` with each of ``posts`` (by identity) replaced by its replies."""
    out: list[Comment] = []
    for c in comments:
        if any(c is p for p in posts):
            out.extend(c.replies)
        else:
            out.append(c)
    return tuple(out)


def _learned_headline(parsed: ParsedPage, model: BoosterModel | None) -> None:
    """Make the candidate line the headline model scores best the page's title (plain text;
    without candidates or a model the segmenter's headline stays)."""
    if parsed.headlines is None or model is None:
        return
    i = choose(model.predict(parsed.headlines.X), parsed.headlines)
    if i is not None:
        parsed.meta.title = parsed.blocks[i].text


def assemble(parsed: ParsedPage, models: Models, options: Options) -> Document:
    """Score, label and assemble one segmented page."""
    meta = parsed.meta
    page = parsed.page
    common = {
        "url": meta.url or page.url,
        "site_name": meta.site_name,
        "language": meta.language,
        "description": meta.description,
        "author": meta.author,
        "date": meta.date if isinstance(meta.date, _dt.date) else None,
        "source_kind": page.kind,
        "encoding": page.encoding,
    }
    blocks = parsed.blocks
    if not blocks:
        return Document(status="empty", reason="the page has no visible text",
                        title=meta.title, **common)  # type: ignore[arg-type]
    X = featurize(parsed)  # with the segmenter's headline, as the block models were trained
    _learned_headline(parsed, models.text_headline)
    first, scores = models.score_blocks(page.kind, parsed, X)
    for b, s in zip(blocks, scores, strict=True):
        b.score = float(s)
    comments: tuple[Comment, ...] = tuple(
        c for c in parsed.comments if isinstance(c, Comment)) if options.comments else ()
    if options.page_type:
        page_type = options.page_type
    elif page.kind == "text" and len(blocks) < _FEW_TEXT_BLOCKS:
        page_type = "article"  # smaller than any page the text page-type model learnt from
    elif (pt_model := models.page_type_model(page.kind)) is not None:
        row = page_features(parsed.signals, X, first, len(comments))
        page_type = decode_page_type(pt_model.predict(row), pt_model.classes)
        if (page_type in DISCUSSION_TYPES and meta.types & _DECLARED_ARTICLE
                and not meta.types & _DECLARED_DISCUSSION):
            # a page that says it is a news article or a blog post is one; its thread is
            # reader comments (on wcxb-dev no forum page declares these types)
            page_type = "article"
    else:
        page_type = "article"
    if parsed.opening_posts and page_type not in DISCUSSION_TYPES:
        # the page's own post read as the first of a thread: its replies are the comments
        comments = _without(comments, parsed.opening_posts)
    title_i = label_blocks(parsed, page_type, options)
    if (not options.page_type and page_type not in DISCUSSION_TYPES and len(comments) >= 2
            and not any(b.label in ("body", "heading") for b in blocks)):
        # a link shared for discussion (an aggregator's thread): the page's only text is its
        # thread, which is then what the page is for
        page_type = "forum"
        title_i = label_blocks(parsed, page_type, options)
        _thread_as_content(blocks, comments)
    if common["author"] is None:  # the metadata names nobody
        common["author"] = _byline(blocks) or _name_line(blocks, title_i) \
            or _opener(parsed, comments, page_type) or _signature(blocks)
    if common["date"] is None:
        common["date"] = _dateline(blocks, title_i)
    content = [b for b in blocks if b.label in ("body", "heading")]
    text = "\n\n".join(b.text for b in content)
    markdown = _join([(b, _markdown_block(b, content[i - 1] if i else None))
                      for i, b in enumerate(content)])
    title = meta.title or (blocks[title_i].text if title_i is not None else None)
    public = tuple(
        Block(index=i, text=b.text, label=b.label, tag=b.tag, kind=b.kind, depth=b.depth,
              score=b.score, credit=b.credit)
        for i, b in enumerate(blocks)
    )
    status, reason = "ok", parsed.note
    if not text:
        status = "empty"
        reason = f"no main content found: all {len(blocks)} blocks were judged furniture"
    return Document(
        status=status,
        reason=reason,
        title=title,
        page_type=page_type,
        text=text,
        markdown=markdown,
        blocks=public,
        furniture=_furniture(blocks) if options.furniture else (),
        comments=comments,
        **common,  # type: ignore[arg-type]
    )


