"""The batch on a Dask cluster: files per second with 1 and 2 worker processes on the same
10,000-file mixed folder (``bench_batch``'s folder), and the scaling efficiency.

Timed work: ``run_batch`` (parse and check, every report handed to a writer in input
order) over a ``dask.distributed.LocalCluster`` of 1, then 2, single-threaded worker
processes on this machine; the cluster's start-up is not timed. Reference, in the same
run: the same batch in one local process (``--jobs 1``'s path, no per-file timeout and no
memory cap, so no worker process on either side).
Results: the 1-worker rate against the local rate (the cluster's own overhead), the
2-worker rate against the 1-worker rate (speed-up), and the scaling efficiency
(2-worker rate ÷ 2 ÷ 1-worker rate; 1.0 is perfect). ``GONGKAI_BENCH_FILES`` sets another
count. Skipped, and said so, without ``gongkai[cluster]``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import bench_batch  # noqa: E402
from _common import Result  # noqa: E402

COUNT = int(os.environ.get("GONGKAI_BENCH_FILES", "10000"))


def _rate(folder: Path, client: object | None) -> float:
    from gongkai.annual.parse.batch import run_batch
    from gongkai.annual.parse.cluster import runner as cluster_runner

    written: list[int] = []
    started = time.perf_counter()
    summary = run_batch(
        [folder],
        lambda report: written.append(1),
        jobs=1,
        timeout=None,
        max_memory=None,
        runner=None if client is None else cluster_runner(client),
    )
    elapsed = time.perf_counter() - started
    if summary.files != COUNT or len(written) != COUNT:
        raise RuntimeError(f"解析 {summary.files} 个文件，应为 {COUNT} 个")
    return COUNT / elapsed


def _on_cluster(folder: Path, workers: int) -> float:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: __import__("gongkai.annual.parse.batch"))  # warm the imports
        return _rate(folder, client)


def main() -> list[Result]:
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("   未安装 dask.distributed（pip install 'gongkai[cluster]'），跳过", flush=True)
        return []
    work = Path(tempfile.mkdtemp(prefix="gongkai-bench-cluster-"))
    try:
        folder = work / "reports"
        folder.mkdir()
        bench_batch.COUNT = COUNT
        bench_batch._folder(folder, COUNT)
        local = _rate(folder, None)
        one = _on_cluster(folder, 1)
        two = _on_cluster(folder, 2)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    efficiency = two / 2 / one
    print(
        f"   {COUNT:,} 个文件：本机单进程 {local:,.0f} 份/秒，集群 1 个工作进程 {one:,.0f} 份/秒，"
        f"2 个 {two:,.0f} 份/秒，扩展效率 {efficiency:.2f}",
        flush=True,
    )
    return [
        Result("Dask 集群 1 个工作进程（份/秒）", one, "份/秒", "本机单进程", local),
        Result("Dask 集群 2 个工作进程（份/秒）", two, "份/秒", "1 个工作进程", one),
        Result(
            "扩展效率：2 个工作进程每进程（份/秒）",
            two / 2,
            "份/秒",
            "1 个工作进程",
            one,
            target="比值即扩展效率，≥ 0.8",
            met=efficiency >= 0.8,
        ),
    ]


if __name__ == "__main__":
    for result in main():
        print(result.line())
