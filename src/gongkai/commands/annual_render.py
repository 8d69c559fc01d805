"""``gongkai annual render``: an annual-report/1 JSON file → HTML, DOCX, PDF or XLSX."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from ..annual import AnnualReport, Finding, GongkaiError, RenderError, SchemaError, check
from ..annual.render import render_docx, render_html, render_pdf, render_xlsx

FORMATS = ("html", "docx", "pdf", "xlsx")


def _renderer(fmt: str, findings: list[Finding] | None) -> Callable[[AnnualReport], bytes]:
    if fmt == "html":
        return lambda report: render_html(report, findings=findings).encode("utf-8")
    if fmt == "pdf":
        return lambda report: render_pdf(report, findings=findings)
    return render_docx if fmt == "docx" else render_xlsx


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so no half file is ever left."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; give what open() gives
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def render_command(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.json", help="年度报告数据（annual-report/1 格式的 JSON 文件）。"
        ),
    ],
    to: Annotated[
        str,
        typer.Option(
            "--to", metavar="html|docx|pdf|xlsx", help="输出格式：html、docx、pdf 或 xlsx。"
        ),
    ] = "html",
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="OUT",
            help="输出文件；不给时 html 写到标准输出，其他格式必须给。",
        ),
    ] = None,
    with_check: Annotated[
        bool,
        typer.Option("--check", help="先核查报告，把核查结果列在报告之后（仅 html 和 pdf）。"),
    ] = False,
) -> None:
    """按国办公开办函〔2021〕30号格式生成年度报告文件（HTML、DOCX、PDF、XLSX）。

    表格的合并单元格、标签和数字与全国统一格式一致；空白单元格保持空白（不填0）。
    退出码：成功为0，无法生成（如缺少中文字体）为1，用法错误或输入文件无法读取为2。
    """
    fmt = to.strip().lower()
    if fmt not in FORMATS:
        raise _fail(f"用法错误：不支持的输出格式“{to}”，--to 可选：{'、'.join(FORMATS)}。", 2)
    if output is None and fmt != "html":
        raise _fail(f"用法错误：生成 {fmt} 必须用 -o 指定输出文件，例如 -o 年报.{fmt}", 2)
    if with_check and fmt not in ("html", "pdf"):
        raise _fail(f"用法错误：--check 只用于 html 和 pdf，{fmt} 不列核查结果。", 2)
    if output is not None and not output.parent.is_dir():
        raise _fail(f"用法错误：输出文件 {output} 所在的目录不存在。", 2)
    try:
        if file.is_dir():
            raise SchemaError("这是一个目录，不是报告文件", source=str(file))
        report = AnnualReport.load(file)
    except GongkaiError as exc:
        raise _fail(f"无法读取：{exc}", 2) from None
    findings = check(report) if with_check else None
    try:
        data = _renderer(fmt, findings)(report)
    except RenderError as exc:
        raise _fail(f"无法生成 {fmt}：{exc}", 1) from None
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    write_atomically(output, data)
    typer.echo(f"已生成 {output}（{fmt}，{len(data):,} 字节）", err=True)
