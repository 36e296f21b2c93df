"""What every evaluated system returns, and pageparts itself as one of the systems.

A system maps one decoded page (``str``, the same for every system) to a :class:`Output`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from .._api import Extractor
from .._errors import ModelError, PagepartsError
from .._options import Options

if TYPE_CHECKING:
    from ..model import Models

__all__ = ["Output", "PagepartsSystem", "System"]


@dataclass(frozen=True, slots=True)
class Output:
    """What the scorers read from one system on one page (None: the system does not say)."""

    text: str
    comments: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    page_type: str | None = None
    status: str = "ok"  # "ok", "empty", or "error: <message>"


class System(Protocol):
    """One extractor under evaluation."""

    name: str
    #: Which optional outputs the system gives; scores for the others are not reported.
    does_metadata: bool
    does_comments: bool
    does_page_type: bool

    def prepare(self, page: str) -> str:
        """The input :meth:`run` reads, made from the decoded HTML outside the timed call."""
        ...

    def run(self, page: str, url: str | None) -> Output:
        """Extract one decoded page."""
        ...


class PagepartsSystem:
    """pageparts through :class:`~pageparts.Extractor`, on HTML or on a text rendering.

    ``render`` (text mode only) maps the decoded HTML to the plain text pageparts reads; its time
    is not counted, as rendering stands for a dump made elsewhere (a WET file). ``options``
    (default ``Options()``) is what the extractor runs with, e.g. ``Options(comments=False)``.
    """

    def __init__(self, models: Models | None = None, *, kind: str = "html",
                 render: Callable[[str], str] | None = None, name: str = "pageparts",
                 options: Options | None = None) -> None:
        self.name = name
        self.does_metadata = self.does_page_type = True
        self.options = options or Options()
        # with the comment finder off, its (empty) comment output is not scored as a recall
        self.does_comments = self.options.comments
        self.kind = kind
        self.render = render
        self.extractor: Extractor = Extractor(self.options, models=models)

    def prepare(self, page: str) -> str:
        """The input this system reads (the text rendering in text mode), untimed."""
        return self.render(page) if self.render is not None else page

    def run(self, page: str, url: str | None) -> Output:
        try:
            doc = self.extractor.extract(page, url=url, kind=self.kind)
        except ModelError:
            raise  # no usable model: every page would fail alike, so stop with its message
        except PagepartsError as exc:
            return Output("", status=f"error: {exc}")
        except Exception as exc:  # a crash is a defect: count it and show it, keep measuring
            return Output("", status=f"error: CRASH {type(exc).__name__}: {exc}")
        comments = "\n".join(c.text for _, c in doc.iter_comments() if c.text)
        return Output(
            text=doc.text,
            comments=comments,
            title=doc.title,
            author=doc.author,
            date=doc.date.isoformat() if doc.date is not None else None,
            page_type=doc.page_type,
            status=doc.status,
        )
