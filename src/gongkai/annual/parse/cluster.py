"""A batch on a Dask cluster: the same per-file work as ``batch.parse_many``, spread over
the workers of a ``dask.distributed`` scheduler instead of this machine's processes.

Inputs are local paths (which every worker must see at the same place, e.g. a shared
mount) or object-store addresses (``s3://…``, read by each worker through fsspec); results
come back in input order, each file's result handed to ``on_result`` as it arrives (the
progress bar). The per-file wall-time limit of local runs is not enforced here (a Dask task
cannot be stopped from outside); the reader's own budgets (sizes, cells, text runs) still
bound every file. Needs ``pip install 'gongkai[cluster]'``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .batch import FileResult, Runner, parse_one

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


def _work(names: list[str], check: bool) -> list[FileResult]:
    return [parse_one(name, check) for name in names]


def chunk_size(files: int, workers: int) -> int:
    """Files per task: enough to hide the scheduler's cost per task (a report takes a few
    milliseconds), few enough that every worker gets several tasks to balance."""
    return max(1, min(CHUNK, files // (4 * max(1, workers))))


def parse_on_cluster(
    paths: Iterable[str | Path],
    client: Any,
    *,
    check: bool = True,
    on_result: Callable[[FileResult], None] | None = None,
) -> Iterator[FileResult]:
    """Parse every file on the cluster of ``client``; results in input order."""
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
            future = client.submit(_work, chunks[submitted], check, pure=False)
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
        check: bool,
        on_result: Callable[[FileResult], None] | None,
    ) -> Iterator[FileResult]:
        return parse_on_cluster(files, client, check=check, on_result=on_result)

    return run
