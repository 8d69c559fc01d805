"""``gongkai annual …``: the annual-report library on the command line."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Generator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from ..annual import (
    RULES,
    AnnualReport,
    Finding,
    GongkaiError,
    SchemaError,
    Severity,
    check,
    json_schema,
    parse_file,
)
from ..annual.parse.batch import (
    DEFAULT_TIMEOUT,
    MemoryLimit,
    collect_paths,
    over_memory,
    over_time,
    resolve_max_memory,
)
from ..annual.parse.names import shown_name
from ..annual.parse.workers import run_in_workers
from .annual_parse import check_timeout, interrupt_on_sigterm, memory_limit, parse_command
from .annual_render import render_command

app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None)


@app.command("schema")
def schema_command() -> None:
    """打印 annual-report/1 格式的 JSON Schema。"""
    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


FORMAT_OPTION = typer.Option(
    "--format", metavar="text|json", help="输出格式：text 为表格，json 为 JSON 数组。"
)


def _console() -> Console:
    """Standard output as rich draws it: the terminal's width, or 160 columns in a pipe
    (set ``COLUMNS`` to choose)."""
    return Console(
        file=sys.stdout,
        highlight=False,
        width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 160,
    )


def _print_table(console: Console, table: Table) -> None:
    """The table without the spaces rich pads its last column with."""
    with console.capture() as captured:
        console.print(table)
    console.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


@app.command("rules")
def rules_command(
    output: Annotated[OutputFormat, FORMAT_OPTION] = OutputFormat.TEXT,
) -> None:
    """列出全部核查规则：代码、级别、名称和说明。

    核查结果中的代码（如 T3.E001）即此处的规则代码。
    """
    if output is OutputFormat.JSON:
        typer.echo(json.dumps([r.to_dict() for r in RULES], ensure_ascii=False, indent=1))
        return
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
    table.add_column("代码", no_wrap=True)
    table.add_column("级别", no_wrap=True)
    table.add_column("规则", overflow="fold")
    for rule in RULES:
        table.add_row(rule.code, rule.severity.label, f"{rule.title}\n{rule.description}")
    console = _console()
    _print_table(console, table)
    console.print(f"共{len(RULES)}条规则。", markup=False)


# ---------------------------------------------------------------------------- check


class UnreadableInput(Exception):
    """One or more input files cannot be read; ``problems`` names each file and what is wrong."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def load_reports(
    paths: Sequence[Path], *, timeout: float | None = None, max_memory: MemoryLimit = None
) -> list[AnnualReport]:
    """The reports in ``paths``, in order: ``annual-report/1`` JSON files are loaded,
    published documents (text, HTML, DOCX, PDF) are parsed.

    With a ``timeout`` (seconds of wall time per document) or a ``max_memory`` cap (bytes,
    as ``batch.parse_many`` takes it) documents are parsed in a worker process, killed when
    a document passes its time, so that no document can hang the check or take the
    machine's memory; each such document is reported as unreadable, naming the limit.

    Every file is tried; when any cannot be read, ``UnreadableInput`` lists them all,
    each message naming the file and the problem.
    """
    documents = [p for p in paths if not p.is_dir() and not _is_json(p)]
    to_parse = set(documents)
    parsed = _parse_documents(documents, timeout, resolve_max_memory(max_memory, 1))
    reports: list[AnnualReport] = []
    problems: list[str] = []
    with contextlib.closing(parsed):  # an interrupt stops the worker
        for path in paths:
            try:
                if path.is_dir():
                    raise SchemaError("目录中没有文件", source=str(path))
                outcome = next(parsed) if path in to_parse else AnnualReport.load(path)
            except GongkaiError as exc:
                problems.append(str(exc))
                continue
            if isinstance(outcome, str):
                problems.append(outcome)
            else:
                reports.append(outcome)
    if problems:
        raise UnreadableInput(problems)
    return reports


def _parse_documents(
    paths: Sequence[Path], timeout: float | None, memory: int | None
) -> Generator[AnnualReport | str, None, None]:
    """Each document's report, or why it cannot be read (naming it), in order."""
    names = [str(p) for p in paths]
    if timeout is None and memory is None:
        for name in names:
            try:
                yield _parse_document(name)
            except MemoryError:  # the machine's own memory (no cap here)
                yield f"{shown_name(name)} {over_memory(None)}"
        return
    yield from run_in_workers(
        names,
        _parse_document,
        jobs=1,
        timeout=timeout,
        crashed=lambda name: f"{shown_name(name)} 读取时解析进程意外退出（文件可能已损坏）",
        timed_out=lambda name: (
            f"{shown_name(name)} {over_time(timeout or 0.0)}；需要时可用 --timeout 放宽上限"
        ),
        memory=memory,
        out_of_memory=lambda name: (
            f"{shown_name(name)} {over_memory(memory)}；需要时可用 --max-memory 放宽上限"
        ),
    )


def _parse_document(name: str) -> AnnualReport | str:
    """The report in one document, or why it cannot be read (in a worker, what crosses
    the pipe is a report or a message). ``MemoryError`` goes through, for the worker."""
    try:
        return parse_file(name)
    except MemoryError:
        raise
    except GongkaiError as exc:
        if isinstance(exc.__cause__, MemoryError):  # a reader reported it as damage
            raise exc.__cause__ from None
        return str(exc)
    except Exception as exc:  # a reader bug: this file cannot be read, the rest are checked
        return f"{shown_name(name)} 读取时出错（{type(exc).__name__}: {exc}）"


def _expand(paths: Sequence[Path]) -> list[Path]:
    """Files as given; directories replaced by the files under them (an empty one is kept
    so that it is reported)."""
    out: list[Path] = []
    for path in paths:
        out.extend(Path(p) for p in collect_paths([path]) or [path])
    return out


def _is_json(path: Path) -> bool:
    """A ``.json`` file, one that starts with ``{``, or a missing one (reported as such)."""
    if path.suffix.lower() == ".json" or not path.is_file():
        return True
    with path.open("rb") as stream:
        head = stream.read(64)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _same_organ_year_before(
    report: AnnualReport, candidates: Sequence[AnnualReport]
) -> AnnualReport | None:
    return next(
        (
            r
            for r in candidates
            if r.organ == report.organ and report.year is not None and r.year == report.year - 1
        ),
        None,
    )


def _last_years(
    paths: Sequence[Path], reports: Sequence[AnnualReport], last: Sequence[AnnualReport]
) -> list[AnnualReport | None]:
    """Last year's report for each report: the only one given, or the same organ's a year
    before (among ``last``, or without ``--last-year`` among the reports themselves)."""
    if not last:
        return [_same_organ_year_before(report, reports) for report in reports]
    if len(reports) == 1 and len(last) == 1:
        return [last[0]]
    paired: list[AnnualReport | None] = []
    for path, report in zip(paths, reports, strict=True):
        match = _same_organ_year_before(report, last)
        if match is None:
            typer.echo(
                f"提示：{path} 没有对应的上年报告（同一机关的上一年度报告），未做跨年度核对。",
                err=True,
            )
        paired.append(match)
    return paired


def _print_text(results: Sequence[tuple[Path, AnnualReport, list[Finding]]]) -> None:
    console = _console()
    counts = dict.fromkeys(Severity, 0)
    with_errors = 0
    for path, report, findings in results:
        organ = report.organ or "机关未知"
        year = f"{report.year}年度" if report.year is not None else "年度未知"
        console.print(f"{path}（{organ}，{year}）", markup=False)
        if findings:
            table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
            table.add_column("级别", no_wrap=True)
            table.add_column("代码", no_wrap=True)
            table.add_column("说明", overflow="fold")
            for finding in findings:
                table.add_row(finding.severity.label, finding.code, finding.message)
            _print_table(console, table)
        else:
            console.print("  未发现问题。")
        for finding in findings:
            counts[finding.severity] += 1
        with_errors += any(f.severity is Severity.ERROR for f in findings)
    console.print(
        f"共核查{len(results)}份报告，{with_errors}份有错误："
        f"错误{counts[Severity.ERROR]}条，警告{counts[Severity.WARNING]}条，"
        f"提示{counts[Severity.NOTICE]}条。",
        markup=False,
    )


def _print_json(results: Sequence[tuple[Path, AnnualReport, list[Finding]]]) -> None:
    rows = [
        {"file": str(path), "organ": report.organ, "year": report.year, **finding.to_dict()}
        for path, report, findings in results
        for finding in findings
    ]
    typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))


@app.command("check")
def check_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE…",
            help="要核查的年度报告：annual-report/1 格式的 JSON 文件，或已发布的年报文档"
            "（文本、HTML、DOCX、PDF，先解析再核查），或包含它们的目录；可以给多个。"
            "同一机关连续年度的报告一起给出时，也做跨年度核对。",
        ),
    ],
    last_year: Annotated[
        list[Path] | None,
        typer.Option(
            "--last-year",
            metavar="FILE",
            help="上一年度的报告（JSON 或年报文档），用于跨年度核对；可以给多次，"
            "按机关和年度与本年报告配对。",
        ),
    ] = None,
    output: Annotated[OutputFormat, FORMAT_OPTION] = OutputFormat.TEXT,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            help="解析每个年报文档最多用时（秒）；超时的文档报告为无法读取（写明文件名）。"
            "0 表示不限时。JSON 文件不受影响。",
            min=0,
        ),
    ] = DEFAULT_TIMEOUT,
    max_memory: Annotated[
        int | None,
        typer.Option(
            "--max-memory",
            metavar="MB",
            help="解析每个年报文档最多再占用的内存（MB）；超出的文档报告为无法读取（写明文件名）。"
            "不给则按本机内存确定（内存的四分之三，256 至 2048 MB）。0 表示不限。",
            min=0,
        ),
    ] = None,
) -> None:
    """核查年度报告：表格勾稽关系、跨年度衔接、正文与表格是否一致。

    年报文档在子进程中解析，超过 --timeout 或 --max-memory 的上限即放弃。
    没有错误时退出码为0，发现错误时为1，有文件无法读取（含解析超时、超出内存上限）时为2，被中断（Ctrl-C、SIGTERM）为130。
    """
    check_timeout(timeout)
    seconds = timeout or None
    memory = memory_limit(max_memory)
    interrupt_on_sigterm()  # the worker parsing a document is stopped with the run
    files = _expand(files)
    try:
        reports = load_reports(files, timeout=seconds, max_memory=memory)
        previous = load_reports(_expand(last_year or []), timeout=seconds, max_memory=memory)
    except UnreadableInput as exc:
        for problem in exc.problems:
            typer.echo(f"无法读取：{problem}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        typer.echo("已中断：未完成核查", err=True)
        raise typer.Exit(130) from None
    pairs = _last_years(files, reports, previous)
    results = [
        (path, report, check(report, last_year=before))
        for path, report, before in zip(files, reports, pairs, strict=True)
    ]
    if output is OutputFormat.JSON:
        _print_json(results)
    else:
        _print_text(results)
    found_error = any(f.severity is Severity.ERROR for _, _, fs in results for f in fs)
    raise typer.Exit(1 if found_error else 0)


# ---------------------------------------------------------------------------- parse

app.command("parse")(parse_command)
app.command("render")(render_command)
