"""Site templates: lines that recur across many pages of one host are template furniture.

A corpus pass in two steps, pure and deterministic (CCNet hashes lines across a shard; this does
it per host). First every page of a shard is observed, then lines are asked about::

    templates = SiteTemplates()
    for host, lines in pages:            # pass 1
        templates.observe(host, lines)
    templates.is_template(host, line)    # pass 2

A line is a template line of a host when it occurs on at least ``min_pages`` of the host's pages
and on at least ``min_share`` of them. Lines are normalised (case, digits, white space) and kept
as 8-byte hashes, each counted once per page; hosts with fewer than ``min_pages`` pages never
have template lines. Very short lines (fewer than ``min_chars`` characters) are not judged: a
lone "Reply" tells nothing about the site.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["SiteTemplates", "line_key"]

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


def line_key(line: str) -> bytes:
    """The hash a line is counted under: lower-cased, digits folded, white space collapsed."""
    norm = _SPACE.sub(" ", _DIGITS.sub("0", line.lower())).strip()
    return hashlib.blake2b(norm.encode("utf-8", "replace"), digest_size=8).digest()


@dataclass
class _Host:
    pages: int = 0
    lines: Counter[bytes] = field(default_factory=Counter)


@dataclass
class SiteTemplates:
    """Per-host counts of normalised lines over the pages observed so far."""

    min_pages: int = 3
    min_share: float = 0.5
    min_chars: int = 12
    #: Distinct lines remembered per host (beyond it, new lines are not counted).
    max_lines_per_host: int = 200_000
    hosts: dict[str, _Host] = field(default_factory=dict)

    def observe(self, host: str, lines: Iterable[str]) -> None:
        """Count one page of ``host`` (each distinct line once)."""
        h = self.hosts.setdefault(host.lower(), _Host())
        h.pages += 1
        keys = {line_key(ln) for ln in lines if len(ln.strip()) >= self.min_chars}
        for k in keys:
            if k in h.lines or len(h.lines) < self.max_lines_per_host:
                h.lines[k] += 1

    def page_count(self, host: str) -> int:
        h = self.hosts.get(host.lower())
        return h.pages if h else 0

    def is_template(self, host: str, line: str) -> bool:
        """Whether ``line`` recurs across ``host``'s observed pages often enough to be template."""
        if len(line.strip()) < self.min_chars:
            return False
        h = self.hosts.get(host.lower())
        if h is None or h.pages < self.min_pages:
            return False
        n = h.lines.get(line_key(line), 0)
        return n >= self.min_pages and n >= self.min_share * h.pages
