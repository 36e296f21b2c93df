"""The one exception tree of pageparts.

Every real failure raised by the library is a :class:`PagepartsError`. "Nothing to extract" is
not an error: it is a :class:`~pageparts.Document` with ``status="empty"`` and a ``reason``.
"""

from __future__ import annotations

__all__ = [
    "InputError",
    "LimitExceeded",
    "MissingExtra",
    "ModelError",
    "PagepartsError",
]


class PagepartsError(Exception):
    """Base class of every error pageparts raises on purpose."""


class InputError(PagepartsError, ValueError):
    """The input cannot be read as a page (wrong type, undecodable, unknown kind)."""


class LimitExceeded(PagepartsError):
    """The input is over a configured limit (size, depth, decompressed size, time, memory)."""

    def __init__(self, what: str, value: float, limit: float, hint: str = "") -> None:
        self.what = what
        self.value = value
        self.limit = limit
        msg = f"{what} is {value:g}, over the limit of {limit:g}"
        if hint:
            msg += f"; {hint}"
        super().__init__(msg)


class ModelError(PagepartsError):
    """The block model file is missing or malformed; rebuild it with `pageparts train`."""


class MissingExtra(PagepartsError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{package} is not installed; install it with: pip install 'pageparts[{extra}]'"
        )
