"""The learned models: a block model per input kind (HTML, text), each in two stages, a
page-type model per input kind, and for plain text a headline model (which candidate line is
the page's headline, :mod:`pageparts.text.headline`).

The first stage scores every block from its features; the second (optional: used when its file
is there) rescores it from the same features and the first-stage scores around it (see
:mod:`pageparts.stack`).

Models are LightGBM boosters stored in LightGBM's own text format (no pickle: a model file is
data, never code), under ``pageparts/data/``, rebuilt by ``pageparts train``. Each file records
the feature names it was trained on; a file that does not match this version's features raises
:class:`~pageparts.ModelError` with the command that rebuilds it.

With the ``fast`` extra (lleaves), ``pageparts compile`` (or :func:`compile_models`) builds each
model into machine code in a cache folder; models loaded afterwards predict with that build, which
gives LightGBM's outputs (checked on load), several times faster. Without a build, or with any
problem in it, LightGBM predicts as before.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .._errors import ModelError
from ._compiled import CompiledForest
from ._fast import CompileResult, attach, build, status

if TYPE_CHECKING:
    from ..blocks import ParsedPage

__all__ = ["FIELD_FILES", "SHIPPED", "BoosterModel", "CompileResult", "Models", "attach_compiled",
           "compile_models", "compiled_status", "expected_features", "load_booster"]

BLOCK_HTML = "block_html.lgb.txt"
BLOCK_TEXT = "block_text.lgb.txt"
STACK_HTML = "block_html_stack.lgb.txt"
STACK_TEXT = "block_text_stack.lgb.txt"
PAGE_TYPE = "page_type.lgb.txt"
PAGE_TYPE_TEXT = "page_type_text.lgb.txt"
HEADLINE_TEXT = "headline_text.lgb.txt"
#: Each :class:`Models` field and the file that holds it.
FIELD_FILES = {"html": BLOCK_HTML, "html_stack": STACK_HTML, "page_type": PAGE_TYPE,
               "text": BLOCK_TEXT, "text_stack": STACK_TEXT, "text_page_type": PAGE_TYPE_TEXT,
               "text_headline": HEADLINE_TEXT}
#: A block the first stage scores at most this (or at least one minus this) keeps its score: the
#: second stage rescores the others. On the packs the second stage moved no such block across
#: the bar: with fold models (3-fold CV by site), every word F1, snippet, metadata and page-type
#: score, HTML and both text renderings, is the same to the fourth decimal, and 798 of 800
#: Documents are identical; it skips about 56% of the second stage's rows on wcxb-dev.
SURE_FIRST = 0.05
#: The shipped model files, in the order ``pageparts compile`` builds them.
SHIPPED = (BLOCK_HTML, STACK_HTML, PAGE_TYPE, BLOCK_TEXT, STACK_TEXT, PAGE_TYPE_TEXT,
           HEADLINE_TEXT)


@dataclass(frozen=True)
class BoosterModel:
    """A trained booster and the names of the columns it expects, in order."""

    booster: object  # lightgbm.Booster
    feature_names: tuple[str, ...]
    classes: tuple[str, ...] = ()  # for multiclass models: the class of each output column
    #: The same booster compiled to machine code (see :func:`compile_models`), or None.
    compiled: CompiledForest | None = field(default=None, compare=False, repr=False)

    def predict(self, X: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        if X.shape[0] == 0:
            return np.zeros((0,) if not self.classes else (0, len(self.classes)))
        if self.compiled is not None and (fast := self.compiled.predict(X)) is not None:
            return fast
        out = self.booster.predict(X, num_threads=1)  # type: ignore[attr-defined]
        return np.asarray(out, dtype=np.float64)

    def to_string(self) -> str:
        text: str = self.booster.model_to_string()  # type: ignore[attr-defined]
        if self.classes:
            text += "\n#pageparts-classes=" + ",".join(self.classes) + "\n"
        return text


def load_booster(text: str, expected: tuple[str, ...], name: str) -> BoosterModel:
    """Load a model from its text and check that its features are the ones this code makes."""
    import lightgbm

    classes: tuple[str, ...] = ()
    for line in text[-4096:].splitlines()[-5:]:  # the classes line is at the very end
        if line.startswith("#pageparts-classes="):
            classes = tuple(line.split("=", 1)[1].split(","))
    try:
        booster = lightgbm.Booster(model_str=text)
    except Exception as exc:  # lightgbm raises its own LightGBMError for malformed files
        raise ModelError(f"model {name} cannot be read ({exc}); rebuild it with "
                         "'pageparts train'") from exc
    names = tuple(booster.feature_name())
    if names != expected:
        raise ModelError(f"model {name} was trained on other features than this version of "
                         "pageparts computes; rebuild it with 'pageparts train'")
    return BoosterModel(booster, names, classes)


def _read_packaged(name: str) -> str | None:
    res = resources.files("pageparts") / "data" / name
    return res.read_text(encoding="utf-8") if res.is_file() else None


def _label(name: str) -> str:
    """A model file's name without its extension ("block_html.lgb.txt" → "block_html")."""
    return name.split(".", 1)[0]


def expected_features(name: str) -> tuple[str, ...]:
    """The columns this version computes for the model file ``name`` (one of :data:`SHIPPED`)."""
    from ..features import FEATURE_NAMES, TEXT_FEATURE_NAMES
    from ..pagetype import PAGE_FEATURE_NAMES
    from ..stack import STACK_FEATURE_NAMES, TEXT_STACK_FEATURE_NAMES
    from ..text.headline import HEADLINE_FEATURE_NAMES

    return {BLOCK_HTML: FEATURE_NAMES, BLOCK_TEXT: TEXT_FEATURE_NAMES,
            STACK_HTML: STACK_FEATURE_NAMES, STACK_TEXT: TEXT_STACK_FEATURE_NAMES,
            PAGE_TYPE: PAGE_FEATURE_NAMES, PAGE_TYPE_TEXT: PAGE_FEATURE_NAMES,
            HEADLINE_TEXT: HEADLINE_FEATURE_NAMES}[name]


def _shipped() -> list[tuple[str, str, BoosterModel]]:
    """(label, file text, loaded model) of every model file shipped in the package."""
    items = []
    for name in SHIPPED:
        text = _read_packaged(name)
        if text is not None:
            items.append((_label(name), text, load_booster(text, expected_features(name), name)))
    return items


def _given(models: Mapping[str, BoosterModel] | None) -> list[tuple[str, str, BoosterModel]]:
    if models is None:
        return _shipped()
    return [(label, model.to_string(), model) for label, model in models.items()]


def compile_models(cache_dir: str | os.PathLike[str] | None = None, *,
                   models: Mapping[str, BoosterModel] | None = None, force: bool = False,
                   log: Callable[[str], None] | None = None) -> list[CompileResult]:
    """Compile the shipped models (or ``models``, by label) into the cache with lleaves.

    Good builds already there are kept unless ``force``. Takes seconds per model (tens for a
    page-type model); raises :class:`~pageparts.MissingExtra` without the ``fast`` extra.
    """
    return build(_given(models), cache_dir, force=force, log=log)


def compiled_status(cache_dir: str | os.PathLike[str] | None = None, *,
                    models: Mapping[str, BoosterModel] | None = None) -> list[CompileResult]:
    """Which of the shipped models (or ``models``) have a usable build in the cache."""
    return status(_given(models), cache_dir)


def attach_compiled(models: Mapping[str, BoosterModel],
                    cache_dir: str | os.PathLike[str] | None = None) -> dict[str, BoosterModel]:
    """``models`` (by label), each with its cached build attached where there is a good one."""
    return attach(_given(models), cache_dir)


@dataclass(frozen=True)
class Models:
    """The block models and the page-type models one Extractor uses."""

    html: BoosterModel | None = None
    text: BoosterModel | None = None
    page_type: BoosterModel | None = None
    html_stack: BoosterModel | None = None
    text_stack: BoosterModel | None = None
    text_page_type: BoosterModel | None = None
    #: scores candidate headline lines of a plain-text page (:mod:`pageparts.text.headline`)
    text_headline: BoosterModel | None = None

    @classmethod
    def default(cls, *, compiled: bool = True,
                cache_dir: str | os.PathLike[str] | None = None) -> Models:
        """The models shipped inside the package; with ``compiled``, each one that has a good
        build in the cache (``cache_dir``, default :func:`~._cache.cache_dir`) predicts with it.
        """
        items = _shipped()
        shipped = (attach(items, cache_dir) if compiled
                   else {label: model for label, _, model in items})

        def get(name: str) -> BoosterModel | None:
            return shipped.get(_label(name))

        return cls(
            html=get(BLOCK_HTML),
            text=get(BLOCK_TEXT),
            page_type=get(PAGE_TYPE),
            html_stack=get(STACK_HTML),
            text_stack=get(STACK_TEXT),
            text_page_type=get(PAGE_TYPE_TEXT),
            text_headline=get(HEADLINE_TEXT),
        )

    def block(self, kind: str) -> BoosterModel:
        model = self.html if kind == "html" else self.text
        if model is None:
            raise ModelError(f"no block model for {kind} pages is installed; build one with "
                             "'pageparts train'")
        return model

    def page_type_model(self, kind: str) -> BoosterModel | None:
        """The page-type model for ``kind`` pages, if one is installed."""
        return self.page_type if kind == "html" else self.text_page_type

    def score_blocks(self, kind: str, parsed: ParsedPage, X: npt.NDArray[np.float32]
                     ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """First-stage and final block scores of a page (the same array when there is no
        second stage for ``kind``). The second stage rescores only the blocks the first left
        unsure (see :data:`SURE_FIRST`)."""
        first = self.block(kind).predict(X)
        second = self.html_stack if kind == "html" else self.text_stack
        if second is None or not len(first):
            return first, first
        from ..stack import stack_context, stack_features

        unsure = (first > SURE_FIRST) & (first < 1.0 - SURE_FIRST)
        final = first.copy()
        if unsure.any():
            final[unsure] = second.predict(
                stack_features(stack_context(parsed), X, first, rows=unsure))
        return first, final
