"""Work over many files in worker processes, in input order, with a wall-time limit per file.

Each worker process holds one file at a time, sent through its own pipe, so the parent
knows which file every worker is on and since when. A worker still busy when its file's
time is up is killed and replaced: it may be stuck in C code (lxml, pdfium, zlib, a regular
expression) where no Python exception or signal handler can reach it, so only the parent
can end it reliably. A worker that dies (a reader crashing in C code) costs its own file
only. Results come back in the order of ``names``; at most ``window`` files are run ahead
of the first one still missing, so a slow file cannot make the finished ones pile up.

With a ``memory`` cap each worker may take that many bytes of address space beyond what it
holds when it starts (``RLIMIT_AS``, set in the worker, so the parent and the other workers
are untouched): an allocation past it raises ``MemoryError`` in the worker, which reports the
file as over the cap and ends, to be replaced by a fresh process (its heap may be left
fragmented, or a C library in an inconsistent state). A C library that aborts instead of
failing the allocation kills its worker: the file is reported as crashed, as any other.
Counting from the worker's start keeps the parent's own size out of the cap (a Dask
worker, a long batch), but lets the worker reuse heap the parent had freed and kept: the
cap is that much looser, which is little beside the default caps of hundreds of MB.

Workers may be started from a Dask worker process, which is a daemon: ``multiprocessing``
refuses children to daemons, whose children it cannot clean up. Ours end by themselves when
the pipe to their parent closes, and ``run_in_workers`` stops every worker it started.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
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


class _OutOfMemory:
    """Sent by a worker instead of a result: the file took more memory than the cap."""


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    task: int | None = None
    started: float = 0.0


def _serve(
    conn: Connection, work: Callable[[str], object], memory: int | None, parent_end: Connection
) -> None:
    # the parent decides when the run ends (Ctrl-C reaches the whole process group, and
    # the command's SIGTERM handler was inherited through fork, blocked: see ``_held``)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    # the parent's end of our pipe, inherited through fork: were it left open here, the
    # pipe would never close and a worker whose parent died would wait for work forever,
    # holding the parent's standard output and error open
    parent_end.close()
    if memory is not None:
        cap_memory(memory)
    while True:
        try:
            name = conn.recv()
        except EOFError:
            return
        if name is None:
            return
        over = False
        try:
            result = work(name)
        except MemoryError:
            over = True  # leaving the handler frees what the file's parse held
        if not over:
            try:
                conn.send(result)
                continue
            except MemoryError:  # the result itself too large to send
                pass
        conn.send(_OutOfMemory())
        return  # a fresh process takes the next file


def address_space() -> int:
    """Bytes of address space this process holds (0 where ``/proc`` cannot tell)."""
    try:
        with open("/proc/self/statm", "rb") as stream:
            pages = int(stream.read().split()[0])
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def cap_memory(memory: int) -> None:
    """Let this process take at most ``memory`` more bytes of address space than it holds
    now (``RLIMIT_AS``; a lower limit already set stays). Where the platform has no such
    limit, nothing changes."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = address_space() + memory
    for limit in (soft, hard):
        if limit != resource.RLIM_INFINITY:
            cap = min(cap, limit)
    with contextlib.suppress(ValueError, OSError):  # refused by the platform: no cap
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


_DAEMON_FLAG = threading.Lock()
_HELD = frozenset({signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def _held() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back (delivered on leaving) while a worker is started and
    listed: an interrupt between the fork and the listing would leave a worker that no one
    stops. Only the main thread's signals can be held; elsewhere nothing changes."""
    if (
        not hasattr(signal, "pthread_sigmask")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _start(work: Callable[[str], T], memory: int | None) -> _Worker:
    parent_end, child_end = _CONTEXT.Pipe()
    process = _CONTEXT.Process(
        target=_serve, args=(child_end, work, memory, parent_end), daemon=True
    )
    me: Any = multiprocessing.current_process()
    with _DAEMON_FLAG:  # threads of one Dask worker may start workers at the same time
        daemon = bool(me._config.get("daemon"))
        if daemon:  # a Dask worker's process (see the module's docstring)
            me._config["daemon"] = False
        try:
            process.start()
        finally:
            if daemon:
                me._config["daemon"] = True
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


class Crew:
    """Idle workers kept from one run for the next with the same work and memory cap, so
    that a caller making many small runs (a Dask task per 32 files) does not start a process
    for each, with its readers' caches cold. Not shared between threads; ``close`` stops
    them (so does the end of this process: they are daemons, and the end of their pipe)."""

    def __init__(self) -> None:
        self._idle: list[_Worker] = []
        self._for: tuple[object, int | None] | None = None

    def take(self, work: Callable[[str], object], memory: int | None) -> list[_Worker]:
        """The kept workers, if they run ``work`` under ``memory``; else none (the kept
        ones are stopped)."""
        if self._for != (work, memory):
            self.close()
            self._for = (work, memory)
        taken, self._idle = self._idle, []
        return taken

    def keep(self, worker: _Worker) -> None:
        self._idle.append(worker)

    def close(self) -> None:
        while self._idle:
            _stop(self._idle.pop(), kill=False)


def run_in_workers(
    names: Sequence[str],
    work: Callable[[str], T],
    *,
    jobs: int,
    timeout: float | None,
    crashed: Callable[[str], T],
    timed_out: Callable[[str], T],
    window: int | None = None,
    memory: int | None = None,
    out_of_memory: Callable[[str], T] | None = None,
    crew: Crew | None = None,
) -> Iterator[T]:
    """``work(name)`` for every name over ``jobs`` processes, yielded in order.

    A file whose worker is still busy after ``timeout`` seconds (``None``: no limit) gets
    ``timed_out(name)`` and its worker is killed; a file whose worker dies gets
    ``crashed(name)``. With a ``memory`` cap (bytes per worker, see the module's docstring)
    a file whose work raises ``MemoryError`` gets ``out_of_memory(name)`` (``crashed`` when
    none is given) and its worker is replaced. Closing the iterator (or an interrupt) stops
    every worker, but those idle at the end are handed to ``crew`` when one is given.
    """
    over_memory = out_of_memory or crashed
    jobs = max(1, jobs)
    ahead = window or max(32, 8 * jobs)
    results: dict[int, T] = {}
    workers: list[_Worker] = crew.take(work, memory) if crew is not None else []
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
                    with _held():
                        workers.append(_start(work, memory))
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
                outcome = _collect(worker, names, timeout, crashed, timed_out, over_memory)
                if outcome is None:
                    continue
                task, result, alive = outcome
                results[task] = result
                if not alive:
                    workers.remove(worker)
    finally:
        for worker in workers:
            if crew is not None and worker.task is None and worker.process.is_alive():
                crew.keep(worker)
            else:
                _stop(worker, kill=worker.task is not None)


def _collect(
    worker: _Worker,
    names: Sequence[str],
    timeout: float | None,
    crashed: Callable[[str], T],
    timed_out: Callable[[str], T],
    out_of_memory: Callable[[str], T],
) -> tuple[int, T, bool] | None:
    """The busy worker's result, if it has one now: (task, result, whether it lives on)."""
    task = worker.task
    assert task is not None
    name = names[task]
    if worker.conn.poll():
        try:
            result: T | _OutOfMemory = worker.conn.recv()
        except Exception:  # killed halfway through sending: EOF or a cut-off pickle
            worker.task = None
            _stop(worker, kill=True)
            return task, crashed(name), False
        worker.task = None
        if isinstance(result, _OutOfMemory):  # the worker is ending: replace it
            _stop(worker, kill=True)
            return task, out_of_memory(name), False
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
