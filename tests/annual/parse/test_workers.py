"""Worker processes of the batch: order kept, a crash costs one file, a file past its time
limit is abandoned and its worker killed (wherever it is stuck), and the run always ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gongkai.annual.parse.workers import Crew, run_in_workers

PIDS = "GONGKAI_TEST_WORKER_PIDS"
STUCK = 60.0
"""How long a stuck file takes: far past the limits below, yet a broken limit fails the
test instead of hanging it."""
MB = 1024 * 1024
GREEDY = 4096 * MB
"""What a greedy file takes: far past the caps below, in chunks never written (so without
a cap it costs address space, not the machine's memory)."""
CHUNK = 64 * MB


def _note_pid() -> None:
    folder = os.environ.get(PIDS)
    if folder:
        (Path(folder) / str(os.getpid())).touch()


def _work(name: str) -> str:
    """Files named for what they do: ``crash`` ends its process as a C-level crash does,
    ``spin`` loops in Python ignoring every catchable signal, ``sleep`` blocks (both for
    ``STUCK`` seconds), ``greedy`` takes ``GREEDY`` bytes; a digit sleeps that many tenths
    of a second first."""
    _note_pid()
    if name == "crash":
        os._exit(3)
    if name == "spin":
        for number in (signal.SIGTERM, signal.SIGALRM, signal.SIGINT):
            signal.signal(number, signal.SIG_IGN)
        end = time.monotonic() + STUCK
        while time.monotonic() < end:
            pass
    if name == "sleep":
        time.sleep(STUCK)
    if name == "greedy":
        held = [bytes(CHUNK) for _ in range(GREEDY // CHUNK)]  # never written: cheap uncapped
        del held
    if name[:1].isdigit():
        time.sleep(int(name[0]) / 10)
    return name.upper()


def _run(
    names: list[str], *, jobs: int, timeout: float | None, memory: int | None = None
) -> list[str]:
    return list(
        run_in_workers(
            names,
            _work,
            jobs=jobs,
            timeout=timeout,
            crashed=lambda n: f"崩溃：{n}",
            timed_out=lambda n: f"超时：{n}",
            memory=memory,
            out_of_memory=lambda n: f"内存：{n}",
        )
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def pids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(PIDS, str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_back_in_input_order(jobs: int) -> None:
    names = ["3a", "0b", "2c", "0d", "1e", "0f"]
    assert _run(names, jobs=jobs, timeout=None) == [n.upper() for n in names]


def test_a_crashing_worker_costs_one_file_not_the_batch() -> None:
    names = ["a", "b", "crash", "c", "d"]
    assert _run(names, jobs=2, timeout=None) == ["A", "B", "崩溃：crash", "C", "D"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_files_past_the_limit_are_abandoned_and_their_workers_killed(jobs: int, pids: Path) -> None:
    names = ["a", "spin", "b", "sleep", "c"]
    started = time.monotonic()
    results = _run(names, jobs=jobs, timeout=1.0)
    elapsed = time.monotonic() - started
    assert results == ["A", "超时：spin", "B", "超时：sleep", "C"]
    assert elapsed < 20, elapsed  # two limits of 1 s, not an hour
    workers = [int(p.name) for p in pids.iterdir()]
    assert len(workers) >= 3  # the two killed workers were replaced
    assert not any(_alive(pid) for pid in workers)


def test_closing_the_run_early_stops_every_worker(pids: Path) -> None:
    results = run_in_workers(
        ["a", "sleep", "sleep"],
        _work,
        jobs=2,
        timeout=None,
        crashed=lambda n: n,
        timed_out=lambda n: n,
    )
    assert next(results) == "A"
    time.sleep(0.2)  # the second worker has taken its file
    results.close()  # as an interrupt (Ctrl-C, SIGTERM) ends the batch
    workers = [int(p.name) for p in pids.iterdir()]
    assert len(workers) == 2 and not any(_alive(pid) for pid in workers)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_past_the_memory_cap_costs_that_file_and_its_worker_only(
    jobs: int, pids: Path
) -> None:
    """Issue 17: a memory cap per worker. The greedy file's ``MemoryError`` is reported as
    over the cap (not as a crash), its worker is replaced, the files after it are read."""
    names = ["a", "greedy", "b", "greedy", "c"]
    results = _run(names, jobs=jobs, timeout=10.0, memory=200 * MB)
    assert results == ["A", "内存：greedy", "B", "内存：greedy", "C"]
    workers = [int(p.name) for p in pids.iterdir()]
    assert len(workers) >= 3  # each greedy file's worker ended and was replaced
    assert not any(_alive(pid) for pid in workers)
    assert _run(["greedy"], jobs=1, timeout=10.0) == ["GREEDY"]  # no cap: it fits


def test_the_cap_binds_the_worker_not_the_parent() -> None:
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    assert _run(["greedy", "a"], jobs=1, timeout=None, memory=100 * MB) == ["内存：greedy", "A"]
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    assert _work("greedy") == "GREEDY"  # this process may still take it


def test_a_cap_counts_from_what_the_worker_holds_when_it_starts() -> None:
    """A parent already holding more than the cap (a big batch, a Dask worker) still gets
    workers that can read an ordinary file."""
    ballast = bytes(512 * MB)  # address space the forked worker inherits
    try:
        assert _run(["a", "b"], jobs=1, timeout=None, memory=64 * MB) == ["A", "B"]
    finally:
        del ballast


def test_a_crew_keeps_its_idle_workers_from_one_run_to_the_next(pids: Path) -> None:
    """The cluster's tasks (32 files each) reuse one worker process per Dask thread instead
    of starting one per task; a worker killed on a timeout is not kept."""
    crew = Crew()

    def run(names: list[str], timeout: float | None = None) -> list[str]:
        return list(
            run_in_workers(
                names,
                _work,
                jobs=1,
                timeout=timeout,
                crashed=lambda n: f"崩溃：{n}",
                timed_out=lambda n: f"超时：{n}",
                crew=crew,
            )
        )

    try:
        assert run(["a", "b"]) == ["A", "B"]
        assert run(["c"]) == ["C"]
        assert len(list(pids.iterdir())) == 1  # one process for both runs
        assert run(["d", "sleep"], timeout=1.0) == ["D", "超时：sleep"]
        assert run(["e"]) == ["E"]  # a fresh worker for the killed one
        assert len(list(pids.iterdir())) == 2
    finally:
        crew.close()
    assert not any(_alive(int(p.name)) for p in pids.iterdir())


_DYING_PARENT = """
import os
from gongkai.annual.parse.workers import run_in_workers

results = run_in_workers(["1", "2", "3"], str, jobs=2, timeout=None, crashed=str, timed_out=str)
next(results)
os._exit(0)  # as a kill -9 or the OOM killer ends it: no finally, no atexit
"""


def test_workers_end_by_themselves_when_their_parent_dies_without_stopping_them() -> None:
    """The workers hold the parent's standard output and error: one left waiting for work
    keeps them open, so whoever reads the run's output (a shell pipe, a supervisor) waits
    forever after the run has died."""
    done = subprocess.run(
        [sys.executable, "-c", _DYING_PARENT], capture_output=True, timeout=30, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
