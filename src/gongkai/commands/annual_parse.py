"""``gongkai annual parse``: published documents → annual-report/1 (JSON lines, CSV, Parquet)."""

from __future__ import annotations

import importlib.util
import math
import os
import signal
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..annual.parse.batch import (
    DEFAULT_TIMEOUT,
    MB,
    FileResult,
    MemoryLimit,
    Status,
    collect_paths,
    run_batch,
)
from ..annual.parse.output import (
    OutputFormat,
    dataset_problem,
    is_dataset_target,
    open_writer,
    output_problem,
)

SHOWN_WARNINGS = frozenset({"TABLE_NOT_FOUND"})
"""Warnings printed during a batch besides every error (the rest stay in the output)."""


def parquet_available() -> bool:
    return importlib.util.find_spec("pyarrow") is not None


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def interrupt_on_sigterm() -> None:
    """SIGTERM (systemd, kill) ends the run as Ctrl-C does: the worker processes are
    stopped with the run and no half-written output is left."""
    signal.signal(signal.SIGTERM, _interrupt)


def check_timeout(timeout: float) -> None:
    """Exit 2 on a ``--timeout`` click's range lets through ("nan", "inf")."""
    if not math.isfinite(timeout):
        typer.echo("用法错误：--timeout 应为秒数，例如 --timeout 30（0 表示不限时）", err=True)
        raise typer.Exit(2)


def memory_limit(megabytes: int | None) -> MemoryLimit:
    """``--max-memory``: not given is ``"auto"``, 0 is no cap, otherwise bytes."""
    if megabytes is None:
        return "auto"
    return megabytes * MB if megabytes else None


def parse_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH…",
            help="要解析的年报文件或目录（目录递归读取），也可以是对象存储地址（如 s3://桶/前缀/，"
            "需安装 gongkai[cluster]）。格式按内容识别：文本、HTML、DOCX、PDF。",
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="输出文件；不给则写到标准输出（Parquet 必须给）。Parquet 给文件夹（以 / 结尾）或"
            "对象存储地址时，写成按年度和省份分区的数据集（year=…/province=…/）。",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            metavar="jsonl|csv|parquet",
            help="jsonl：每个文件一行 annual-report/1 JSON；csv、parquet：长表，"
            "每个单元格一行（source, organ, year, table, row, column, value）。",
        ),
    ] = OutputFormat.JSONL,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", metavar="N", help="并行进程数；0 表示使用全部 CPU 核。", min=0
        ),
    ] = 1,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            help="每个文件最多用时（秒，含解析和核查）；超时的文件放弃并记一条 TIMEOUT 诊断，"
            "其余文件照常解析。0 表示不限时。",
            min=0,
        ),
    ] = DEFAULT_TIMEOUT,
    max_memory: Annotated[
        int | None,
        typer.Option(
            "--max-memory",
            metavar="MB",
            help="每个解析进程为一个文件最多再占用的内存（MB）；超出的文件放弃并记一条 MEMORY_LIMIT 诊断，"
            "其余文件照常解析。不给则按本机内存和进程数确定（内存的四分之三平均分给各进程，"
            "每个 256 至 2048 MB）。0 表示不限。",
            min=0,
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="在 Dask 集群上解析（调度器地址，如 tcp://10.0.0.5:8786；需安装 gongkai[cluster]）；"
            "各工作节点须能读到输入（共享目录或对象存储）。--timeout 和 --max-memory 同样限制集群上的每个文件"
            "（不给 --max-memory 时按各工作节点自己的内存和线程数确定）。",
        ),
    ] = None,
    no_check: Annotated[
        bool, typer.Option("--no-check", help="不核查解析结果（汇总中不列错误规则）。")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="不显示进度条和逐个文件的诊断，只显示汇总。")
    ] = False,
) -> None:
    """解析已发布的年度报告（文本、HTML、DOCX、PDF），输出 annual-report/1 数据。

    坏文件不会中断批处理：无法读取、超时或超出内存上限的文件记一条诊断，然后继续下一个。
    结束时打印汇总（完整解析、部分解析、失败；按规则统计的核查错误）。
    退出码：全部文件都能读取为0，有文件完全无法读取（空文件、二进制、损坏、加密、扫描件）、超时或超出内存上限为1，用法错误（含输出路径不可写）为2，被中断（Ctrl-C、SIGTERM）为130。
    """
    check_timeout(timeout)
    if output_format is OutputFormat.PARQUET and output is None:
        typer.echo(
            "用法错误：--format parquet 必须用 -o 指定输出文件，例如 -o 年报.parquet", err=True
        )
        raise typer.Exit(2)
    if output_format is OutputFormat.PARQUET and not parquet_available():
        typer.echo(
            "用法错误：--format parquet 需要 pyarrow：pip install 'gongkai[parquet]'", err=True
        )
        raise typer.Exit(2)
    if output is not None:
        dataset = output_format is OutputFormat.PARQUET and is_dataset_target(output)
        problem = dataset_problem(output) if dataset else output_problem(output)
        if problem:
            typer.echo(f"用法错误：{problem}", err=True)
            raise typer.Exit(2)
    interrupt_on_sigterm()  # no .part file is left
    try:
        files = collect_paths(paths)
    except Exception as exc:  # an object-store address that cannot be listed
        typer.echo(f"用法错误：无法列出输入（{type(exc).__name__}: {exc}）", err=True)
        raise typer.Exit(2) from None
    if not files:
        typer.echo("用法错误：给出的目录中没有文件", err=True)
        raise typer.Exit(2)
    workers = jobs or os.cpu_count() or 1
    cluster = None
    runner = None
    if scheduler:
        from ..annual.parse.cluster import ClusterUnavailable, connect
        from ..annual.parse.cluster import runner as cluster_runner

        try:
            cluster = connect(scheduler)
        except ClusterUnavailable as exc:
            typer.echo(f"错误：{exc}", err=True)
            raise typer.Exit(2) from None
        runner = cluster_runner(cluster)
    err = Console(stderr=True, highlight=False, soft_wrap=True)

    def report_problems(result: FileResult) -> None:
        if quiet:
            return
        for diagnostic in result.report.diagnostics or ():
            if diagnostic.get("severity") == "error" or diagnostic.get("code") in SHOWN_WARNINGS:
                err.print(f"{diagnostic['code']}：{diagnostic['message']}", markup=False)

    progress = Progress(
        TextColumn("解析"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=quiet or len(files) < 2,
        transient=True,
    )
    try:
        with progress, open_writer(output_format, output, sys.stdout) as writer:
            task = progress.add_task("解析", total=len(files))

            def on_result(result: FileResult) -> None:
                report_problems(result)
                progress.advance(task)

            summary = run_batch(
                files,
                writer.write,
                jobs=workers,
                check=not no_check,
                timeout=timeout or None,
                max_memory=memory_limit(max_memory),
                on_result=on_result,
                runner=runner,
            )
    except KeyboardInterrupt:
        err.print("已中断：没有写出输出文件（已解析的结果未保存）", markup=False)
        raise typer.Exit(130) from None
    finally:
        if cluster is not None:
            cluster.close()
    for line in summary.lines():
        err.print(line, markup=False)
    if summary.any_unreadable:
        err.print(
            f"有 {summary.counts[Status.UNREADABLE]} 个文件完全无法读取（见上面的诊断）",
            markup=False,
        )
    raise typer.Exit(1 if summary.any_unreadable else 0)
