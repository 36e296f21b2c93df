"""Executors: run work units (a shard's records) through guarded workers, yield their rows.

:class:`LocalExecutor` drives worker processes on this machine; :class:`RayExecutor` (the
``ray`` extra) hands whole shards to Ray actors, each of which runs a one-worker
:class:`LocalExecutor`, so limits and rows are the same on both engines.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from .._errors import MissingExtra, PagepartsError
from .guard import GuardedWorker, WorkerFailed
from .records import Record, Row, make_row
from .work import WorkSetup

__all__ = ["Executor", "LocalExecutor", "RayExecutor", "WorkUnit", "make_executor"]


@dataclass(frozen=True, slots=True)
class WorkUnit:
    """One shard's records; ``key`` is the shard's stable name."""

    key: str
    records: tuple[Record, ...]


OnRow = Callable[[Row], None]


class Executor:
    """Runs work units and yields ``(key, rows)`` per unit, rows in record order."""

    def run(self, units: Iterable[WorkUnit], on_row: OnRow | None = None
            ) -> Iterator[tuple[str, list[Row]]]:
        raise NotImplementedError

    def close(self) -> None:
        """Stop the workers."""


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class LocalExecutor(Executor):
    """Worker processes on this machine, one record at a time each, under the guard's limits."""

    def __init__(self, setup: WorkSetup, workers: int, context: Any = None) -> None:
        self.setup = setup
        self.size = max(1, workers)
        self.ctx = context or _context()
        self.workers: list[GuardedWorker] = []

    def _spawn(self) -> GuardedWorker:
        worker = GuardedWorker(self.ctx, self.setup)
        self.workers.append(worker)
        return worker

    def _replace(self, worker: GuardedWorker, kill: bool) -> None:
        worker.stop(kill=kill)
        self.workers.remove(worker)
        self._spawn()

    def run(self, units: Iterable[WorkUnit], on_row: OnRow | None = None
            ) -> Iterator[tuple[str, list[Row]]]:
        while len(self.workers) < self.size:
            self._spawn()
        source = iter(units)
        queue: deque[tuple[tuple[str, int], Record]] = deque()
        pending: dict[str, list[Row | None]] = {}
        left: dict[str, int] = {}
        exhausted = False

        def store(key: tuple[str, int], row: Row) -> str | None:
            unit, index = key
            pending[unit][index] = row
            left[unit] -= 1
            if on_row is not None:
                on_row(row)
            return unit if left[unit] == 0 else None

        def finish(unit: str) -> tuple[str, list[Row]]:
            rows = pending.pop(unit)
            del left[unit]
            return unit, [r for r in rows if r is not None]

        while True:
            done: list[str] = []
            # Fill the queue lazily: at most one unit beyond what the workers are busy with.
            while not exhausted and len(queue) < self.size:
                unit = next(source, None)
                if unit is None:
                    exhausted = True
                    break
                pending[unit.key] = [None] * len(unit.records)
                left[unit.key] = len(unit.records)
                if not unit.records:
                    done.append(unit.key)
                for index, record in enumerate(unit.records):
                    if record.status is not None:  # judged by the reader: no extraction
                        finished = store((unit.key, index),
                                         make_row(record, record.status, record.reason))
                        if finished:
                            done.append(finished)
                    else:
                        queue.append(((unit.key, index), record))
            for worker in self.workers:
                if worker.idle and queue:
                    worker.submit(*queue.popleft())
            for unit_key in done:
                yield finish(unit_key)
            busy = [w for w in self.workers if w.task is not None]
            if exhausted and not queue and not busy:
                if pending:  # every record of a unit is queued or stored: this cannot happen
                    raise RuntimeError(f"internal error: units {sorted(pending)} left unfinished")
                return
            yield from (finish(u) for u in self._step(store))

    def _step(self, store: Callable[[tuple[str, int], Row], str | None]) -> list[str]:
        """Wait for the next message, death or deadline; return the units it completed."""
        now = time.monotonic()
        deadline = min((w.deadline for w in self.workers), default=float("inf"))
        timeout = None if deadline == float("inf") else max(0.0, deadline - now)
        waitables: list[Any] = [w.conn for w in self.workers]
        ready = wait(waitables, timeout=timeout)
        completed: list[str] = []
        for worker in list(self.workers):
            if worker.conn in ready:
                try:
                    result = worker.receive()
                except WorkerFailed as exc:
                    self.close()
                    raise PagepartsError(f"a worker cannot extract: {exc}") from exc
                except (EOFError, OSError):
                    if not worker.ready:
                        self.close()
                        raise PagepartsError("a worker process died while starting; run "
                                             "'pageparts extract' on one page to see why") from None
                    if worker.task is not None:
                        key, row = worker.failure_row(timed_out=False)
                        if (unit := store(key, row)) is not None:
                            completed.append(unit)
                    self._replace(worker, kill=True)
                    continue
                if result is not None and (unit := store(*result)) is not None:
                    completed.append(unit)
                if worker.retiring:
                    self._replace(worker, kill=False)
            elif worker.task is not None and time.monotonic() >= worker.deadline:
                key, row = worker.failure_row(timed_out=True)
                self._replace(worker, kill=True)
                if (unit := store(key, row)) is not None:
                    completed.append(unit)
        return completed

    def close(self) -> None:
        for worker in self.workers:
            worker.stop(kill=worker.task is not None)
        self.workers = []


class RayExecutor(Executor):
    """Shards as Ray tasks on a pool of actors, each with one guarded worker process."""

    def __init__(self, setup: WorkSetup, workers: int, address: str | None = None) -> None:
        try:
            import ray
        except ImportError as exc:
            raise MissingExtra("ray", "ray") from exc
        self.ray = ray
        self.started_ray = not ray.is_initialized()  # ours to shut down when done
        if self.started_ray:
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if address:
                kwargs["address"] = address
            else:
                kwargs["num_cpus"] = max(1, workers)
            ray.init(**kwargs)
        from ._ray_actor import shard_actor

        actor_class = shard_actor(ray)
        self.actors = [actor_class.remote(setup) for _ in range(max(1, workers))]

    def run(self, units: Iterable[WorkUnit], on_row: OnRow | None = None
            ) -> Iterator[tuple[str, list[Row]]]:
        ray = self.ray
        idle = deque(self.actors)
        running: dict[Any, Any] = {}  # object ref → actor
        source = iter(units)
        while True:
            while idle and (unit := next(source, None)) is not None:
                actor = idle.popleft()
                running[actor.run.remote(unit)] = actor
            if not running:
                return
            ready, _ = ray.wait(list(running), num_returns=1)
            for ref in ready:
                idle.append(running.pop(ref))
                try:
                    key, rows = ray.get(ref)
                except ray.exceptions.RayTaskError as exc:
                    cause = getattr(exc, "cause", None) or exc
                    raise PagepartsError(f"a Ray worker failed: {cause}") from None
                if on_row is not None:
                    for row in rows:
                        on_row(row)
                yield key, rows

    def close(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor)
        self.actors = []
        if self.started_ray:
            self.ray.shutdown()


def make_executor(engine: str, setup: WorkSetup, workers: int,
                  ray_address: str | None = None) -> Executor:
    """The executor for ``engine`` ("local" or "ray")."""
    if engine == "ray":
        return RayExecutor(setup, workers, ray_address)
    if engine != "local":
        raise PagepartsError(f"unknown engine {engine!r}; use 'local' or 'ray'")
    return LocalExecutor(setup, workers)


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
