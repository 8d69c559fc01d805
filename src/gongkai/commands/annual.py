"""``gongkai annual …``: the annual-report library on the command line."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
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
from ..annual.parse.batch import collect_paths
from .annual_parse import parse_command
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


def load_reports(paths: Sequence[Path]) -> list[AnnualReport]:
    """The reports in ``paths``, in order: ``annual-report/1`` JSON files are loaded,
    published documents (text, HTML, DOCX, PDF) are parsed.

    Every file is tried; when any cannot be read, ``UnreadableInput`` lists them all,
    each message naming the file and the problem.
    """
    reports: list[AnnualReport] = []
    problems: list[str] = []
    for path in paths:
        try:
            reports.append(_load_report(path))
        except GongkaiError as exc:
            problems.append(str(exc))
    if problems:
        raise UnreadableInput(problems)
    return reports


def _load_report(path: Path) -> AnnualReport:
    if path.is_dir():
        raise SchemaError("目录中没有文件", source=str(path))
    if _is_json(path):
        return AnnualReport.load(path)
    return parse_file(path)


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
) -> None:
    """核查年度报告：表格勾稽关系、跨年度衔接、正文与表格是否一致。

    没有错误时退出码为0，发现错误时为1，有文件无法读取时为2。
    """
    files = _expand(files)
    try:
        reports = load_reports(files)
        previous = load_reports(_expand(last_year or []))
    except UnreadableInput as exc:
        for problem in exc.problems:
            typer.echo(f"无法读取：{problem}", err=True)
        raise typer.Exit(2) from None
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
