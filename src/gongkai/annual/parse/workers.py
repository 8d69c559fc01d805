"""Work over many files in worker processes, in input order, with a wall-time limit per file.

Each worker process holds one file at a time, sent through its own pipe, so the parent
knows which file every worker is on and since when. A worker still busy when its file's
time is up is killed and replaced: it may be stuck in C code (lxml, pdfium, zlib, a regular
expression) where no Python exception or signal handler can reach it, so only the parent
can end it reliably. A worker that dies (a reader crashing in C code) costs its own file
only. Results come back in the order of ``names``; at most ``window`` files are run ahead
of the first one still missing, so a slow file cannot make the finished ones pile up.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

T = TypeVar("T")

# fork starts a worker in milliseconds with every module already imported (a replacement
# after a timeout included); elsewhere the platform's default method is used
_CONTEXT: Any = multiprocessing.get_context(
    "fork" if "fork" in multiprocessing.get_all_start_methods() else None
)


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    task: int | None = None
    started: float = 0.0


def _serve(conn: Connection, work: Callable[[str], object]) -> None:
    # the parent decides when the run ends (Ctrl-C reaches the whole process group, and
    # the command's SIGTERM handler was inherited through fork)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            name = conn.recv()
        except EOFError:
            return
        if name is None:
            return
        conn.send(work(name))


def _start(work: Callable[[str], T]) -> _Worker:
    parent_end, child_end = _CONTEXT.Pipe()
    process = _CONTEXT.Process(target=_serve, args=(child_end, work), daemon=True)
    process.start()
    child_end.close()
    return _Worker(process, parent_end)


def _stop(worker: _Worker, *, kill: bool) -> None:
    if kill:
        worker.process.kill()
    else:
        try:
            worker.conn.send(None)
        except OSError:  # already gone
            worker.process.kill()
    worker.process.join(5)
    if worker.process.is_alive():  # pragma: no cover - ignores the request to end
        worker.process.kill()
        worker.process.join()
    worker.conn.close()


def run_in_workers(
    names: Sequence[str],
    work: Callable[[str], T],
    *,
    jobs: int,
    timeout: float | None,
    crashed: Callable[[str], T],
    timed_out: Callable[[str], T],
    window: int | None = None,
) -> Iterator[T]:
    """``work(name)`` for every name over ``jobs`` processes, yielded in order.

    A file whose worker is still busy after ``timeout`` seconds (``None``: no limit) gets
    ``timed_out(name)`` and its worker is killed; a file whose worker dies gets
    ``crashed(name)``. Closing the iterator (or an interrupt) stops every worker.
    """
    jobs = max(1, jobs)
    ahead = window or max(32, 8 * jobs)
    results: dict[int, T] = {}
    workers: list[_Worker] = []
    next_out = 0
    next_in = 0
    try:
        while next_out < len(names):
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            if next_out >= len(names):
                break
            idle = [w for w in workers if w.task is None]
            while next_in < len(names) and next_in < next_out + ahead:
                if not idle and len(workers) < jobs:
                    workers.append(_start(work))
                    idle.append(workers[-1])
                if not idle:
                    break
                worker = idle.pop()
                try:
                    worker.conn.send(names[next_in])
                except OSError:  # died while idle (the OOM killer): replace it
                    _stop(worker, kill=True)
                    workers.remove(worker)
                    continue
                worker.task, worker.started = next_in, time.monotonic()
                next_in += 1
            busy = [w for w in workers if w.task is not None]
            if not busy:  # pragma: no cover - the file awaited is always running
                continue
            limit = None
            if timeout is not None:
                limit = max(0.0, min(w.started for w in busy) + timeout - time.monotonic())
            wait([w.conn for w in busy] + [w.process.sentinel for w in busy], limit)
            for worker in busy:
                outcome = _collect(worker, names, timeout, crashed, timed_out)
                if outcome is None:
                    continue
                task, result, alive = outcome
                results[task] = result
                if not alive:
                    workers.remove(worker)
    finally:
        for worker in workers:
            _stop(worker, kill=worker.task is not None)


def _collect(
    worker: _Worker,
    names: Sequence[str],
    timeout: float | None,
    crashed: Callable[[str], T],
    timed_out: Callable[[str], T],
) -> tuple[int, T, bool] | None:
    """The busy worker's result, if it has one now: (task, result, whether it lives on)."""
    task = worker.task
    assert task is not None
    name = names[task]
    if worker.conn.poll():
        try:
            result: T = worker.conn.recv()
        except Exception:  # killed halfway through sending: EOF or a cut-off pickle
            worker.task = None
            _stop(worker, kill=True)
            return task, crashed(name), False
        worker.task = None
        return task, result, True
    if not worker.process.is_alive():
        worker.task = None
        _stop(worker, kill=True)
        return task, crashed(name), False
    if timeout is not None and time.monotonic() - worker.started >= timeout:
        worker.task = None
        _stop(worker, kill=True)
        return task, timed_out(name), False
    return None
