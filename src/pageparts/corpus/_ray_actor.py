"""The Ray actor of :class:`~pageparts.corpus.executor.RayExecutor` (imported only with Ray)."""

from __future__ import annotations

import multiprocessing
from typing import Any

from .executor import LocalExecutor
from .records import Row
from .work import WorkSetup

__all__ = ["shard_actor"]


def shard_actor(ray: Any) -> Any:
    """The actor class: one guarded worker process per actor, one shard per call."""

    @ray.remote(num_cpus=1)
    class ShardActor:
        def __init__(self, setup: WorkSetup) -> None:
            # spawn, not fork: a Ray worker runs threads, and forking those is unsafe.
            self.executor = LocalExecutor(setup, 1, multiprocessing.get_context("spawn"))

        def run(self, unit: Any) -> tuple[str, list[Row]]:
            for key, rows in self.executor.run([unit]):
                return key, rows
            return unit.key, []

    return ShardActor
