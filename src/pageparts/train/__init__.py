"""Training the models from the benchmark packs (``pageparts train``)."""

from .fit import RowCache, fit_models

__all__ = ["RowCache", "fit_models"]
