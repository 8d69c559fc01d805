"""A batch on a Dask cluster: the same per-file work as ``batch.parse_many``, spread over
the workers of a ``dask.distributed`` scheduler instead of this machine's processes.

Inputs are local paths (which every worker must see at the same place, e.g. a shared
mount) or object-store addresses (``s3://…``, read by each worker through fsspec); results
come back in input order, each file's result handed to ``on_result`` as it arrives (the
progress bar). The limits per file of local runs hold here too: each task parses its files
through ``parse_many`` in a worker process (``workers``; each Dask thread keeps its own
from task to task), which is killed and replaced when a file passes its wall time (a Dask
task itself cannot be stopped from outside) and capped in memory (``"auto"``: worked out on the Dask worker's machine for its
number of threads). A file over a limit gets its ``TIMEOUT`` or ``MEMORY_LIMIT`` row as in a
local run, and the task goes on with its other files. Needs ``pip install 'gongkai[cluster]'``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .batch import FileResult, MemoryLimit, Runner, default_max_memory, parse_many
from .workers import Crew

CHUNK = 32
"""At most this many files per task."""

MAX_IN_FLIGHT = 2000
"""Files submitted ahead of the one being written: bounds the scheduler's and this
process's memory on a folder of hundreds of thousands of files."""


class ClusterUnavailable(Exception):
    """The scheduler cannot be reached, or dask.distributed is not installed (Chinese)."""


def connect(address: str) -> Any:
    """A client of the scheduler at ``address`` (``tcp://host:8786``)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ClusterUnavailable(
            "--scheduler 需要 dask.distributed：pip install 'gongkai[cluster]'"
        ) from exc
    try:
        return Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise ClusterUnavailable(f"无法连接 Dask 调度器“{address}”（{exc}）") from exc


def _work(
    names: list[str], check: bool, timeout: float | None, max_memory: MemoryLimit
) -> list[FileResult]:
    """One task, run on a Dask worker: its files in a worker process of their own."""
    memory = default_max_memory(_threads()) if max_memory == "auto" else max_memory
    crew = getattr(_KEPT, "crew", None)
    if crew is None:
        crew = _KEPT.crew = Crew()
    return list(
        parse_many(names, jobs=1, check=check, timeout=timeout, max_memory=memory, crew=crew)
    )


_KEPT = threading.local()
"""Each Dask worker thread's worker process, kept from one task to the next: starting one
per task, with the readers' caches cold, made the cluster run at about 60 % of its speed."""


def _threads() -> int:
    """Tasks the Dask worker running this one runs at once (each with its own process)."""
    try:
        from distributed import get_worker

        worker: Any = get_worker()
        return int(worker.state.nthreads)
    except (ImportError, ValueError, AttributeError):  # not on a worker (a direct call)
        return os.cpu_count() or 1


def chunk_size(files: int, workers: int) -> int:
    """Files per task: enough to hide the scheduler's cost per task (a report takes a few
    milliseconds), few enough that every worker gets several tasks to balance."""
    return max(1, min(CHUNK, files // (4 * max(1, workers))))


def parse_on_cluster(
    paths: Iterable[str | Path],
    client: Any,
    *,
    check: bool = True,
    timeout: float | None = None,
    max_memory: MemoryLimit = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> Iterator[FileResult]:
    """Parse every file on the cluster of ``client``; results in input order.

    ``timeout`` and ``max_memory``: the limits per file, as ``batch.parse_many`` takes them."""
    from distributed import as_completed

    names = [str(p) for p in paths]
    workers = len(client.scheduler_info().get("workers", {})) or 1
    size = chunk_size(len(names), workers)
    chunks = [names[i : i + size] for i in range(0, len(names), size)]
    position: dict[str, int] = {}
    done: dict[int, list[FileResult]] = {}
    submitted = written = 0
    following = as_completed()  # type: ignore[no-untyped-call]

    def submit_more() -> None:
        nonlocal submitted
        while submitted < len(chunks) and (submitted - written) * size < MAX_IN_FLIGHT:
            future = client.submit(_work, chunks[submitted], check, timeout, max_memory, pure=False)
            position[future.key] = submitted
            following.add(future)  # type: ignore[no-untyped-call]
            submitted += 1

    submit_more()
    for future in following:
        index = position.pop(future.key)
        results = future.result()
        future.release()
        done[index] = results
        if on_result is not None:
            for result in results:
                on_result(result)
        while written in done:
            yield from done.pop(written)
            written += 1
        submit_more()


def runner(client: Any) -> Runner:
    """``run_batch``'s runner for the cluster of ``client``."""

    def run(
        files: Sequence[str | Path],
        *,
        check: bool,
        timeout: float | None,
        max_memory: MemoryLimit,
        on_result: Callable[[FileResult], None] | None,
    ) -> Iterator[FileResult]:
        return parse_on_cluster(
            files,
            client,
            check=check,
            timeout=timeout,
            max_memory=max_memory,
            on_result=on_result,
        )

    return run
