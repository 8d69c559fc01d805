"""``gongkai annual render``: files written, exit codes and messages, through CliRunner."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.annual import AnnualReport, check
from gongkai.cli import app
from tests.annual.test_render_docx import read_numbers as docx_numbers
from tests.annual.test_render_xlsx import read_numbers as xlsx_numbers
from tests.strategies import blank_report

runner = CliRunner()


def sample() -> AnnualReport:
    report = blank_report(organ="测试市数据局")
    for key, value in (
        ("table3.received.natural_person", 5),
        ("table3.received.total", 5),
        ("table3.granted.natural_person", 4),
        ("table3.granted.total", 4),
        ("table4.reconsideration.upheld", 1),
        ("table2.fees", Decimal("0.5")),
    ):
        report = report.with_cell(key, value)
    return report


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "年报.json"
    path.write_text(sample().to_json(), "utf-8")
    return path


@pytest.mark.parametrize(
    ("fmt", "read_back"),
    [("docx", docx_numbers), ("xlsx", xlsx_numbers)],
)
def test_office_formats_are_written_and_hold_the_numbers(
    fmt: str, read_back: object, report_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["annual", "render", str(report_file), "--to", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    assert out.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
    assert result.stderr == f"已生成 {out}（{fmt}，{len(data):,} 字节）\n"
    assert read_back(data) == dict(sample().cells())  # type: ignore[operator]


def test_html_goes_to_stdout_without_o(report_file: Path) -> None:
    result = runner.invoke(app, ["annual", "render", str(report_file)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert (
        '<h1 class="gk-title"><span class="gk-title-line">测试市数据局</span>'
        '<span class="gk-title-line">2024年政府信息公开工作年度报告</span></h1>'
    ) in result.stdout
    assert '<section class="gk-findings"' not in result.stdout


def test_check_lists_the_findings_after_the_report(report_file: Path) -> None:
    codes = sorted({f.code for f in check(sample())})
    assert codes, "the sample report should have findings (its columns do not add up)"
    result = runner.invoke(app, ["annual", "render", str(report_file), "--check"])
    assert result.exit_code == 0, result.output
    findings = result.stdout[result.stdout.index('<section class="gk-findings"') :]
    assert [code for code in codes if f'<code class="gk-code">{code}</code>' not in findings] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--to", "odt"],
            "用法错误：不支持的输出格式“odt”，--to 可选：html、docx、pdf、xlsx。\n",
        ),
        (["--to", "docx"], "用法错误：生成 docx 必须用 -o 指定输出文件，例如 -o 年报.docx\n"),
        (
            ["--to", "xlsx", "--check", "-o", "x.xlsx"],
            "用法错误：--check 只用于 html 和 pdf，xlsx 不列核查结果。\n",
        ),
        (
            ["-o", "/nonexistent/dir/out.html"],
            "用法错误：输出文件 /nonexistent/dir/out.html 所在的目录不存在。\n",
        ),
    ],
)
def test_usage_errors_exit_2_and_say_what_to_do(
    args: list[str], message: str, report_file: Path
) -> None:
    result = runner.invoke(app, ["annual", "render", str(report_file), *args])
    assert result.exit_code == 2
    assert result.stderr == message


def test_a_missing_file_exits_2_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "没有.json"
    result = runner.invoke(app, ["annual", "render", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"无法读取：{missing}：文件不存在\n"


def test_a_bad_report_exits_2_naming_file_and_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(sample().to_json().replace('"year": 2024', '"year": "2024"'), "utf-8")
    out = tmp_path / "out.docx"
    result = runner.invoke(app, ["annual", "render", str(bad), "--to", "docx", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"无法读取：{bad}：year：应为整数或 null，读到字符串“2024”\n"
    assert not out.exists()


@pytest.mark.slow
def test_pdf_without_a_chinese_font_exits_1_and_writes_nothing(
    report_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("没有 fc-list（fontconfig），无法模拟无中文字体的系统")
    empty = tmp_path / "fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(f"<fontconfig><dir>{empty}</dir><cachedir>{empty}</cachedir></fontconfig>")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    out = tmp_path / "out.pdf"
    result = runner.invoke(
        app, ["annual", "render", str(report_file), "--to", "pdf", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("无法生成 pdf：生成 PDF 需要中文字体")
    assert "apt-get install fonts-noto-cjk" in result.stderr
    assert not out.exists()
    assert list(tmp_path.glob(".out.pdf.*")) == []


@pytest.mark.slow
def test_pdf_is_written(report_file: Path, tmp_path: Path) -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("没有 fc-list（fontconfig）")
    out = tmp_path / "out.pdf"
    result = runner.invoke(
        app, ["annual", "render", str(report_file), "--to", "pdf", "-o", str(out)]
    )
    if result.exit_code == 1 and "fonts-noto-cjk" in result.stderr:
        pytest.skip("没有中文字体（apt-get install fonts-noto-cjk）")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")
