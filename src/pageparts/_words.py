"""Word lists shared by the block features and the metadata rules."""

from __future__ import annotations

from importlib import resources

__all__ = ["STOPWORDS"]

#: Function words of the languages most common on the web (data/stopwords.txt): prose is full
#: of them, menus and buttons are not, and none of them alone is a person's name.
STOPWORDS: frozenset[str] = frozenset(
    line.strip()
    for line in resources.files("pageparts").joinpath("data", "stopwords.txt").open(
        encoding="utf-8"
    )
    if line.strip() and not line.startswith("#")
)
