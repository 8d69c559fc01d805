"""``gongkai annual parse --scheduler``: the batch on a Dask cluster (a LocalCluster of two
worker processes here), inputs from a folder or an S3-compatible store (moto's server),
Parquet partitioned by year and province to a folder or a bucket."""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gongkai.annual.parse.batch import run_batch
from gongkai.annual.parse.cluster import runner as cluster_runner
from gongkai.annual.province import province_of
from gongkai.cli import app
from tests.annual.parse import stuck_readers
from tests.annual.parse.builders import report_text
from tests.annual.parse.test_batch import sample_report, truncated_docx

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed 未安装（gongkai[cluster]）"
)
pq = pytest.importorskip("pyarrow.parquet")
moto_server = pytest.importorskip("moto.server", reason="moto[server] 未安装")
boto3 = pytest.importorskip("boto3")

pytestmark = pytest.mark.slow
runner = CliRunner()
BUCKET = "reports"
KEYS = {"AWS_ACCESS_KEY_ID": "gongkai", "AWS_SECRET_ACCESS_KEY": "gongkai-secret"}


def report(organ: str, year: int) -> str:
    return report_text(dataclasses.replace(sample_report(), organ=organ, year=year))


FILES = {
    "a/广东省甲市教育局.txt": report("广东省甲市教育局", 2024),
    "a/北京市乙区民政局.txt": report("北京市乙区民政局", 2024),
    "b/广东省丙县财政局.txt": report("广东省丙县财政局", 2023),
    "b/国家某某局.txt": report("国家某某局", 2024),
}


@pytest.fixture(scope="module")
def s3() -> Iterator[str]:
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    endpoint = f"http://127.0.0.1:{server._server.port}"  # type: ignore[attr-defined]
    saved = {k: os.environ.get(k) for k in (*KEYS, "AWS_ENDPOINT_URL")}
    os.environ.update({**KEYS, "AWS_ENDPOINT_URL": endpoint})  # the workers inherit it
    try:
        yield endpoint
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        server.stop()


@pytest.fixture(scope="module")
def cluster(s3: str) -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "年报"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "b" / "坏文件.docx").write_bytes(truncated_docx())
    return root


def partitions(root: Path) -> set[str]:
    return {str(p.parent.relative_to(root)) for p in root.rglob("*.parquet")}


def test_the_cluster_gives_what_the_local_run_gives_in_the_same_order(
    cluster: Any, folder: Path
) -> None:
    local: list[str] = []
    remote: list[str] = []
    arrived: list[str] = []
    run_batch([folder], lambda r: local.append(r.to_json()), jobs=1, timeout=None)
    with distributed.Client(cluster) as client:
        summary = run_batch(
            [folder],
            lambda r: remote.append(r.to_json()),
            runner=cluster_runner(client),
            on_result=lambda result: arrived.append(result.path),
        )
    assert remote == local
    assert len(arrived) == summary.files == 5  # each file reported once, as it finished
    assert summary.any_unreadable  # the damaged DOCX, with its own diagnostic


def test_the_command_reads_a_bucket_and_writes_a_partitioned_dataset(
    cluster: Any, s3: str, tmp_path: Path
) -> None:
    client = boto3.client("s3", endpoint_url=s3, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    for name, text in FILES.items():
        client.put_object(Bucket=BUCKET, Key=f"2025/{name}", Body=text.encode())
    out = tmp_path / "数据集"
    result = runner.invoke(
        app,
        [
            "annual", "parse", f"s3://{BUCKET}/2025/", "--scheduler", cluster.scheduler_address,
            "--format", "parquet", "-o", f"{out}/", "-q",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert partitions(out) == {
        "year=2024/province=广东省",
        "year=2024/province=北京市",
        "year=2024/province=未知",
        "year=2023/province=广东省",
    }
    table = pq.read_table(out)
    assert table.num_rows == 4 * 200  # every cell of the form, one row each
    sources = set(table.column("source").to_pylist())
    assert sources == {f"s3://{BUCKET}/2025/{name}" for name in FILES}
    assert set(table.column("province").to_pylist()) == {"广东省", "北京市", "未知"}

    result = runner.invoke(
        app,
        [
            "annual", "parse", f"s3://{BUCKET}/2025/", "--scheduler", cluster.scheduler_address,
            "--format", "parquet", "-o", f"s3://{BUCKET}/out/", "-q",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    listed = client.list_objects_v2(Bucket=BUCKET, Prefix="out/")
    keys = {"/".join(o["Key"].split("/")[1:3]) for o in listed["Contents"]}
    assert "year=2023/province=广东省" in keys and len(keys) == 4


def test_an_unreachable_scheduler_is_a_usage_error(folder: Path) -> None:
    result = runner.invoke(
        app, ["annual", "parse", str(folder), "--scheduler", "tcp://127.0.0.1:9", "-q"]
    )
    assert result.exit_code == 2
    assert "无法连接 Dask 调度器“tcp://127.0.0.1:9”" in result.output


def test_a_dataset_folder_that_holds_files_is_refused_before_parsing(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "旧数据集"
    out.mkdir()
    (out / "part.parquet").write_bytes(b"old")
    result = runner.invoke(
        app, ["annual", "parse", str(folder), "--format", "parquet", "-o", f"{out}/"]
    )
    assert result.exit_code == 2
    assert "已存在且不是空文件夹" in result.output


@pytest.mark.parametrize(
    ("organ", "province"),
    [
        ("广东省深圳市福田区人民政府", "广东省"),
        ("北京市海淀区教育委员会", "北京市"),
        ("内蒙古呼和浩特市民政局", "内蒙古自治区"),
        ("新疆维吾尔自治区人民政府办公厅", "新疆维吾尔自治区"),
        ("国家统计局", "未知"),
        ("深圳市福田区人民政府", "未知"),  # a city printed without its province
        (None, "未知"),
    ],
)
def test_the_province_is_read_from_the_start_of_the_organ_name(
    organ: str | None, province: str
) -> None:
    assert province_of(organ) == province


def test_json_lines_from_the_cluster_name_each_bucket_object(cluster: Any, s3: str) -> None:
    client = boto3.client("s3", endpoint_url=s3, region_name="us-east-1")
    client.create_bucket(Bucket="lines")
    client.put_object(Bucket="lines", Key="x/甲.txt", Body=FILES["a/广东省甲市教育局.txt"].encode())
    result = runner.invoke(
        app, ["annual", "parse", "s3://lines/x/", "--scheduler", cluster.scheduler_address, "-q"]
    )
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.splitlines()[0])
    assert line["organ"] == "广东省甲市教育局" and line["year"] == 2024


@pytest.mark.parametrize(
    ("files", "workers", "size"), [(5, 2, 1), (100, 2, 12), (10_000, 2, 32), (10_000, 0, 32)]
)
def test_tasks_hold_several_files_but_every_worker_gets_several_tasks(
    files: int, workers: int, size: int
) -> None:
    from gongkai.annual.parse.cluster import chunk_size

    assert chunk_size(files, workers) == size


def test_a_large_batch_in_chunks_keeps_the_input_order(cluster: Any, tmp_path: Path) -> None:
    for n in range(150):
        text = report(("广东省甲市教育局", "北京市乙区民政局")[n % 2], 2020 + n % 5)
        (tmp_path / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    seen: list[tuple[str | None, int | None]] = []
    with distributed.Client(cluster) as client:
        summary = run_batch(
            [tmp_path],
            lambda r: seen.append((r.source, r.year)),
            runner=cluster_runner(client),
            check=False,
        )
    assert summary.files == 150
    assert seen == [(str(tmp_path / f"{n:03d}.txt"), 2020 + n % 5) for n in range(150)]


def test_a_file_past_a_limit_on_the_cluster_gets_its_row_and_the_rest_are_written(
    cluster: Any, tmp_path: Path
) -> None:
    """Issue 17: ``--timeout`` and ``--max-memory`` hold on the cluster as on this machine.
    The Dask workers' reader blocks on 慢 files and takes 4 GB on 胖 ones; each shares its
    task with an ordinary file, which is still read."""
    folder = tmp_path / "年报"
    folder.mkdir()
    names = [f"{n:02d}.txt" for n in range(16)]
    names[2], names[5] = "02_慢.txt", "05_胖.txt"
    text = report("广东省甲市教育局", 2024)
    for name in names:
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    address = cluster.scheduler_address
    with distributed.Client(cluster) as client:
        # in each Dask worker's process; the workers they fork for this run's cap (200 MB,
        # no other test's) start after it, where those kept for "auto" would not have it
        client.run(stuck_readers.install)
        try:
            started = time.monotonic()
            result = runner.invoke(
                app,
                [
                    "annual", "parse", str(folder), "--scheduler", address, "-o", str(out),
                    "--timeout", "1.5", "--max-memory", "200",
                ],
            )  # fmt: skip
            elapsed = time.monotonic() - started
        finally:
            client.run(stuck_readers.remove)
    assert elapsed < 30, elapsed  # a broken limit waits the reader's 60 s
    assert result.exit_code == 1, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in rows] == names
    codes = {r["source"]: [d["code"] for d in r.get("diagnostics", [])] for r in rows}
    assert codes == {
        str(folder / name): {2: ["TIMEOUT"], 5: ["MEMORY_LIMIT"]}.get(n, [])
        for n, name in enumerate(names)
    }
    assert f"TIMEOUT：{folder / '02_慢.txt'} 解析用时超过 1.5 秒的上限" in result.stderr
    assert f"MEMORY_LIMIT：{folder / '05_胖.txt'} 解析所需内存超过 200 MB 的上限" in result.stderr
    assert "无法读取 2" in result.stderr
