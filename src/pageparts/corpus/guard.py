"""Guarded extraction: a worker process per core, each record under a time and a memory limit.

Two layers keep one bad page from stopping a run:

- inside the worker, a CPU-time alarm (``ITIMER_PROF``) interrupts Python code when the record
  has used the time limit in CPU seconds, so a busy machine does not change which records pass;
  an address space limit (``RLIMIT_AS``: the worker's resting size plus the per-record
  allowance) turns a runaway allocation into ``MemoryError``; both become a "rejected" row and
  the worker goes on (after a memory fault it restarts itself, clean);
- outside, :class:`GuardedWorker` gives each record a wall-clock deadline, :func:`wall_limit`
  (four times the limit, and at least five seconds more); a worker stuck in native code or
  asleep past it is killed and replaced, and its record gets a row.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from types import FrameType
from typing import Any

from .._api import Extractor
from .._errors import PagepartsError
from .passes import text_signature
from .records import Record, Row, make_row
from .work import WorkSetup, extract_row

__all__ = ["GuardedWorker", "WorkerFailed"]

_READY = "ready"
_FATAL = "fatal"
_LAST = "last"  # a row, after which the worker exits (it restarts clean after a memory fault)


class WorkerFailed(RuntimeError):
    """A worker could not start (for instance: no model installed); the message says why."""


class _TimeLimit(BaseException):
    """Raised in the worker by the alarm; a BaseException so ``except Exception`` cannot eat it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeLimit


def _resident_vm() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _limit_memory(extra_mb: int) -> None:
    """Cap the address space at the current size plus ``extra_mb`` (Linux; no-op elsewhere)."""
    import resource

    base = _resident_vm()
    if base is None or extra_mb <= 0:
        return
    cap = base + extra_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def serve(conn: Connection, setup: WorkSetup) -> None:
    """The worker's loop: receive a Record, send back its row; None ends the loop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor handles Ctrl-C
    try:
        extractor = Extractor(setup.options)
        extractor.extract("<html><body><p>warm up the model</p></body></html>", kind="html")
        if setup.minhash_perm:  # import datasketch now, not inside the first record's time
            text_signature("warm up", setup.minhash_perm)
    except PagepartsError as exc:
        conn.send((_FATAL, str(exc)))
        return
    signal.signal(signal.SIGPROF, _on_alarm)
    _limit_memory(setup.memory_limit_mb)
    conn.send((_READY, os.getpid()))
    while True:
        try:
            record = conn.recv()
        except EOFError:
            return
        if record is None:
            return
        restart = False
        try:
            signal.setitimer(signal.ITIMER_PROF, setup.time_limit)
            row = extract_row(extractor, record, setup)
        except _TimeLimit:
            row = make_row(record, "rejected", time_limit_reason(setup.time_limit))
        except MemoryError:
            row = make_row(record, "rejected", memory_limit_reason(setup.memory_limit_mb))
            restart = True
        except PagepartsError as exc:  # ModelError: the install is broken, stop the run
            conn.send((_FATAL, str(exc)))
            return
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        if restart:
            conn.send((_LAST, row))
            return
        conn.send(row)


def wall_limit(limit: float) -> float:
    """The supervisor's backstop: seconds of wall-clock time a record may take."""
    return max(4 * limit, limit + 5)


def time_limit_reason(limit: float) -> str:
    return f"time limit of {limit:g} s (CPU) per record exceeded"


def memory_limit_reason(limit_mb: int) -> str:
    return f"memory limit of {limit_mb} MB per record exceeded"


class GuardedWorker:
    """The supervisor's handle on one worker process and the record it is working on."""

    def __init__(self, ctx: BaseContext, setup: WorkSetup) -> None:
        self.setup = setup
        parent, child = ctx.Pipe()
        self.process: Any = ctx.Process(target=serve, args=(child, setup), daemon=True)  # type: ignore[attr-defined]
        self.process.start()
        child.close()
        self.conn = parent
        self.ready = False
        self.retiring = False  # sent its last row: to be replaced
        self.task: tuple[Any, Record] | None = None
        self.deadline = float("inf")

    @property
    def idle(self) -> bool:
        return self.ready and self.task is None

    def submit(self, key: Any, record: Record) -> None:
        self.task = (key, record)
        self.deadline = time.monotonic() + wall_limit(self.setup.time_limit)
        self.conn.send(record)

    def receive(self) -> tuple[Any, Row] | None:
        """Read one message; a row comes back with its key, readiness with None.

        Raises :class:`WorkerFailed` when the worker reports it cannot extract at all, and
        EOFError when the worker has gone.
        """
        msg = self.conn.recv()
        if isinstance(msg, tuple):
            tag, value = msg
            if tag == _FATAL:
                raise WorkerFailed(str(value))
            if tag == _READY:
                self.ready = True
                return None
            self.retiring, self.ready, msg = True, False, value
        assert self.task is not None
        key = self.task[0]
        self.task, self.deadline = None, float("inf")
        return key, msg

    def failure_row(self, timed_out: bool) -> tuple[Any, Row]:
        """The row of the record this worker was on when it was killed or died."""
        assert self.task is not None
        key, record = self.task
        if timed_out:
            reason = (f"no answer within {wall_limit(self.setup.time_limit):g} s, the wall-clock "
                      f"backstop of the {self.setup.time_limit:g} s time limit (the worker was "
                      "stopped)")
            return key, make_row(record, "rejected", reason)
        self.process.join(timeout=2)  # the pipe closes a moment before the exit code is known
        code = self.process.exitcode
        how = (f"signal {-code}" if code is not None and code < 0 else f"exit code {code}")
        reason = (f"the worker process died ({how}) while extracting this record; the page may "
                  f"need more than the memory limit of {self.setup.memory_limit_mb} MB or "
                  "crash the parser")
        return key, make_row(record, "error", reason)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError, BrokenPipeError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
