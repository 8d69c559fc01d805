"""Batches: ``gongkai annual parse`` over files and directories, writers, summary, exit codes."""

from __future__ import annotations

import io
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from gongkai.annual import AnnualReport
from gongkai.annual.parse.batch import (
    Status,
    Summary,
    classify,
    collect_paths,
    parse_one,
)
from gongkai.annual.parse.output import LONG_COLUMNS, long_rows
from gongkai.cli import app
from tests.annual.parse.builders import report_text
from tests.conftest import FIXTURES
from tests.strategies import blank_report

runner = CliRunner()


def sample_report() -> AnnualReport:
    report = blank_report(2024, "测试市测试局")
    for key, _ in report.cells():
        report = report.with_cell(key, 0)
    for column, value in (("natural_person", 3), ("commercial", 1), ("total", 4)):
        report = report.with_cell(f"table3.received.{column}", value)
        report = report.with_cell(f"table3.granted.{column}", value)
        report = report.with_cell(f"table3.handled_total.{column}", value)
    report = report.with_cell("table2.fees", Decimal("0.35"))
    return report.with_cell("table4.reconsideration.upheld", 1).with_cell(
        "table4.reconsideration.total", 1
    )


def truncated_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()[:2000]


@pytest.fixture
def good_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "年报"
    (folder / "下级").mkdir(parents=True)
    text = report_text(sample_report())
    (folder / "a_good.txt").write_text(text, encoding="utf-8")
    (folder / "下级" / "b_good_gbk.txt").write_bytes(text.encode("gb18030"))
    (folder / ".hidden.txt").write_text("不应读取", encoding="utf-8")
    return folder


@pytest.fixture
def mixed_dir(good_dir: Path) -> Path:
    (good_dir / "c_empty.txt").write_bytes(b"")
    (good_dir / "d_binary.dat").write_bytes(bytes(range(256)) * 16)
    (good_dir / "e_truncated.docx").write_bytes(truncated_docx())
    (good_dir / "f_no_report.html").write_text(
        "<html><body><nav>首页</nav><p>欢迎访问本网站</p></body></html>", encoding="utf-8"
    )
    (good_dir / "g_no_table3.txt").write_text(
        report_text(sample_report(), table3=False), encoding="utf-8"
    )
    return good_dir


def parse(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["annual", "parse", *args])
    return result.exit_code, result.stdout, result.stderr


def test_collect_paths_recurses_sorted_and_skips_hidden(good_dir: Path, tmp_path: Path) -> None:
    missing = tmp_path / "没有.txt"
    assert collect_paths([good_dir, missing]) == [
        good_dir / "a_good.txt",
        good_dir / "下级" / "b_good_gbk.txt",
        missing,
    ]


def test_good_directory_to_jsonl(good_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, stdout, stderr = parse(str(good_dir), "-o", str(out), "-q")
    assert code == 0
    assert stdout == ""
    objects = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [o["source"] for o in objects] == [
        str(good_dir / "a_good.txt"),
        str(good_dir / "下级" / "b_good_gbk.txt"),
    ]
    for obj in objects:
        report = AnnualReport.from_dict(obj)
        assert (report.table2, report.table3, report.table4) == (
            sample_report().table2,
            sample_report().table3,
            sample_report().table4,
        )
    assert objects[0]["confidence"] == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
    assert "共 2 个文件" in stderr
    assert "完整解析 2；部分解析 0；未找到年报表格 0；无法读取 0" in stderr
    assert "核查未发现错误" in stderr
    assert not (tmp_path / "out.jsonl.part").exists()


def test_bad_files_get_a_diagnostic_and_the_batch_goes_on(mixed_dir: Path) -> None:
    code, stdout, stderr = parse(str(mixed_dir))
    assert code == 1  # some files could not be read at all
    objects = [json.loads(line) for line in stdout.splitlines()]
    assert len(objects) == 7
    by_name = {Path(o["source"]).name: o for o in objects}
    codes = {name: [d["code"] for d in o.get("diagnostics", [])] for name, o in by_name.items()}
    assert codes["c_empty.txt"] == ["EMPTY_FILE"]
    assert codes["d_binary.dat"] == ["BINARY_FILE"]
    assert codes["e_truncated.docx"] == ["DOCX_DAMAGED"]
    assert codes["f_no_report.html"] == ["NO_REPORT"]
    assert "TABLE_NOT_FOUND" in codes["g_no_table3.txt"]
    # every problem names its file on stderr
    assert f"EMPTY_FILE：{mixed_dir / 'c_empty.txt'} 文件是空的，没有可读取的内容" in stderr
    assert f"DOCX_DAMAGED：{mixed_dir / 'e_truncated.docx'} Word 文档已损坏或不完整" in stderr
    assert f"TABLE_NOT_FOUND：{mixed_dir / 'g_no_table3.txt'}：找不到表三，整张表留空" in stderr
    assert (
        f"NO_REPORT：{mixed_dir / 'f_no_report.html'}：没有找到政府信息公开工作年度报告"
        "（既没有年报标题，也没有“一、总体情况”等六个部分的标题，也没有表二、表三、表四）"
    ) in stderr
    assert "完整解析 2；部分解析 1；未找到年报表格 1；无法读取 3" in stderr
    assert "有 3 个文件完全无法读取" in stderr


def test_csv_long_form(good_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    code, _, _ = parse(str(good_dir / "a_good.txt"), "--format", "csv", "-o", str(out))
    assert code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(LONG_COLUMNS)
    assert len(lines) == 1 + 200
    source = good_dir / "a_good.txt"
    assert f"{source},测试市测试局,2024,table2,regulations,made,0" in lines
    assert f"{source},测试市测试局,2024,table2,fees,amount,0.35" in lines
    assert f"{source},测试市测试局,2024,table3,received,natural_person,3" in lines
    assert f"{source},测试市测试局,2024,table3,withheld.state_secret,total,0" in lines
    assert f"{source},测试市测试局,2024,table4,reconsideration,upheld,1" in lines


def test_csv_keeps_unknown_cells_as_empty_values() -> None:
    rows = list(long_rows(blank_report(2023, "某局")))
    assert len(rows) == 200
    assert {r.value for r in rows} == {None}
    assert Counter(r.table for r in rows) == {"table2": 10, "table3": 175, "table4": 15}


def test_parquet_long_form(good_dir: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "cells.parquet"
    code, _, _ = parse(str(good_dir), "--format", "parquet", "-o", str(out), "-q")
    assert code == 0
    table = pq.read_table(out)
    assert table.column_names == list(LONG_COLUMNS)
    assert table.num_rows == 400
    assert str(table.schema.field("value").type) == "decimal128(38, 10)"
    rows = table.to_pylist()
    fees = [r for r in rows if r["row"] == "fees"]
    assert [r["value"] for r in fees] == [Decimal("0.3500")] * 2
    assert rows[0]["year"] == 2024


def test_parquet_needs_an_output_file(good_dir: Path) -> None:
    code, stdout, stderr = parse(str(good_dir), "--format", "parquet")
    assert stdout == ""
    assert code == 2
    assert "用法错误：--format parquet 必须用 -o 指定输出文件" in stderr


@pytest.mark.slow
def test_jobs_give_the_same_output_in_the_same_order(mixed_dir: Path) -> None:
    _, one, _ = parse(str(mixed_dir), "-q")
    code, two, stderr = parse(str(mixed_dir), "-q", "--jobs", "2")
    assert code == 1
    assert two == one
    assert "共 7 个文件" in stderr


def test_checker_errors_are_counted_by_rule(tmp_path: Path) -> None:
    broken = sample_report().with_cell("table3.handled_total.total", 9)
    path = tmp_path / "broken.txt"
    path.write_text(report_text(broken), encoding="utf-8")
    result = parse_one(str(path))
    assert result.status is Status.FULL
    assert result.errors  # the totals no longer add up
    summary = Summary()
    summary.add(result)
    lines = summary.lines()
    assert lines[2] == "核查发现的错误（按规则）："
    assert {line.split()[0] for line in lines[3:]} == set(result.errors)


@pytest.mark.parametrize(
    ("diagnostics", "confidence", "status"),
    [
        ((), {"table2": 1.0, "table3": 1.0, "table4": 1.0}, Status.FULL),
        (
            ({"code": "TRADITIONAL", "severity": "info"},),
            {"table2": 1.0, "table3": 1.0, "table4": 1.0},
            Status.FULL,
        ),
        (
            ({"code": "ROW_NOT_FOUND", "severity": "warning"},),
            {"table2": 1.0, "table3": 0.9, "table4": 1.0},
            Status.PARTIAL,
        ),
        ((), {"table2": 1.0, "table3": 0.5, "table4": 1.0}, Status.PARTIAL),
        (
            ({"code": "TABLE_NOT_FOUND", "severity": "warning"},),
            {"table2": 0.0, "table3": 0.0, "table4": 0.0},
            Status.FAILED,
        ),
        (
            ({"code": "NO_REPORT", "severity": "error"},),
            {"table2": 0.0, "table3": 0.0, "table4": 0.0},
            Status.FAILED,
        ),
        (
            ({"code": "PDF_NO_TEXT", "severity": "error"},),
            {"table2": 0.0, "table3": 0.0, "table4": 0.0},
            Status.UNREADABLE,
        ),
    ],
)
def test_classify(
    diagnostics: tuple[dict[str, str], ...], confidence: dict[str, float], status: Status
) -> None:
    report = AnnualReport(organ=None, year=None, diagnostics=diagnostics, confidence=confidence)
    assert classify(report) is status


def test_html_fixture_through_the_command() -> None:
    code, stdout, _ = parse(str(FIXTURES / "documents" / "report_page.html"))
    assert code == 0
    obj = json.loads(stdout)
    assert obj["organ"] == "测试市测试局"
    assert obj["table4"]["reconsideration"] == {
        "upheld": 1,
        "corrected": 0,
        "other": None,
        "pending": None,
        "total": 1,
    }
