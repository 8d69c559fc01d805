"""``gongkai annual check``: output, exit codes and messages, through typer's CliRunner."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.annual import AnnualReport
from gongkai.cli import app
from tests.annual.check_reports import last_year_of, sound_report
from tests.conftest import EXPECTED

runner = CliRunner(env={"COLUMNS": None})
"""Standard output as in a pipe, 160 columns wide: without ``COLUMNS``, which the workers of
``pytest -n`` set to 80 (the two line-exact tests failed there, passed alone)."""


def _write(tmp_path: Path, name: str, report: AnnualReport) -> Path:
    path = tmp_path / name
    path.write_text(report.to_json(), "utf-8")
    return path


@pytest.fixture
def sound(tmp_path: Path) -> Path:
    return _write(tmp_path, "sound.json", sound_report())


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    report = sound_report(sections=False).with_cell("table4.reconsideration.total", 3)
    return _write(tmp_path, "broken.json", report)


def test_no_error_exits_0_with_a_summary(sound: Path) -> None:
    result = runner.invoke(app, ["annual", "check", str(sound)])
    assert result.exit_code == 0, result.output
    assert (
        result.output
        == f"{sound}（测试市数据局，2024年度）\n  未发现问题。\n共核查1份报告，0份有错误：错误0条，警告0条，提示0条。\n"
    )


def test_an_error_exits_1_and_is_listed_in_a_table(sound: Path, broken: Path) -> None:
    result = runner.invoke(app, ["annual", "check", str(sound), str(broken)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{sound}（测试市数据局，2024年度）"
    assert lines[2] == f"{broken}（测试市数据局，2024年度）"
    assert "级别" in lines[3] and "代码" in lines[3] and "说明" in lines[3]
    assert any(
        line.split()[:2] == ["错误", "T4.E001"] and "表四“行政复议”：总计为3" in line
        for line in lines
    )
    assert lines[-1] == "共核查2份报告，1份有错误：错误1条，警告0条，提示0条。"


def test_json_output_is_an_array_of_findings(broken: Path) -> None:
    result = runner.invoke(app, ["annual", "check", "--format", "json", str(broken)])
    assert result.exit_code == 1
    assert json.loads(result.output) == [
        {
            "file": str(broken),
            "organ": "测试市数据局",
            "year": 2024,
            "code": "T4.E001",
            "severity": "error",
            "message": "表四“行政复议”：总计为3，而结果维持（1） + 结果纠正（0） + 其他结果（0） + 尚未审结（1） = 2。",
            "cells": [
                "table4.reconsideration.upheld",
                "table4.reconsideration.corrected",
                "table4.reconsideration.other",
                "table4.reconsideration.pending",
                "table4.reconsideration.total",
            ],
        }
    ]


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    report = replace(sound_report(), published="2025-04-02")
    path = _write(tmp_path, "late.json", report)
    result = runner.invoke(app, ["annual", "check", "--format", "json", str(path)])
    assert result.exit_code == 0
    assert [f["code"] for f in json.loads(result.output)] == ["RPT.W003"]


def test_last_year_is_compared(tmp_path: Path) -> None:
    report = sound_report(sections=False)
    this = _write(tmp_path, "2024.json", report.with_cell("table2.normative_documents.in_force", 7))
    last = _write(tmp_path, "2023.json", last_year_of(report))
    result = runner.invoke(
        app, ["annual", "check", "--format", "json", str(this), "--last-year", str(last)]
    )
    assert result.exit_code == 0
    assert [f["code"] for f in json.loads(result.output)] == ["YOY.W002"]


def test_several_last_years_are_paired_by_organ_and_year(tmp_path: Path) -> None:
    report = sound_report(sections=False)
    other = replace(report, organ="另一个局")
    paths = [
        _write(tmp_path, "a.json", report.with_cell("table2.normative_documents.in_force", 7)),
        _write(tmp_path, "b.json", other),
    ]
    last = _write(tmp_path, "a-2023.json", last_year_of(report))
    result = runner.invoke(
        app, ["annual", "check", "--format", "json", *map(str, paths), "--last-year", str(last)]
    )
    assert result.exit_code == 0
    assert [(f["file"], f["code"]) for f in json.loads(result.stdout)] == [
        (str(paths[0]), "YOY.W002")
    ]
    assert (
        result.stderr
        == f"提示：{paths[1]} 没有对应的上年报告（同一机关的上一年度报告），未做跨年度核对。\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "无法读取：{path}：文件不存在"),
        (
            "{",
            "无法读取：{path}：不是有效的 JSON（第1行第2列：Expecting property name enclosed in double quotes）",
        ),
        (
            '{"schema": "annual-report/1", "organ": null}',
            "无法读取：{path}：(根)：缺少必填字段“year”",
        ),
        (b"\xff\xfe", "无法读取：{path}：不是 UTF-8 编码的 JSON 文件"),
    ],
)
def test_unreadable_input_exits_2_naming_the_file(
    tmp_path: Path, sound: Path, content: str | bytes | None, message: str
) -> None:
    path = tmp_path / "bad.json"
    if isinstance(content, str):
        path.write_text(content, "utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    result = runner.invoke(app, ["annual", "check", str(sound), str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message.format(path=path) + "\n"


def test_an_empty_directory_holds_no_report(tmp_path: Path) -> None:
    result = runner.invoke(app, ["annual", "check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"无法读取：{tmp_path}：目录中没有文件\n"


def test_unreadable_last_year_exits_2(sound: Path, tmp_path: Path) -> None:
    missing = tmp_path / "2023.json"
    result = runner.invoke(app, ["annual", "check", str(sound), "--last-year", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"无法读取：{missing}：文件不存在\n"


def test_help_is_in_chinese() -> None:
    result = runner.invoke(app, ["annual", "check", "--help"])
    assert result.exit_code == 0
    assert "核查年度报告" in result.output
    assert "上一年度的报告" in result.output
    assert "输出格式" in result.output


@pytest.mark.skipif(not EXPECTED.is_dir(), reason="../shared/seeds 不存在")
def test_the_five_seeds() -> None:
    files = sorted(str(p) for p in EXPECTED.glob("*.json"))
    result = runner.invoke(app, ["annual", "check", "--format", "json", *files])
    assert result.exit_code == 1
    found = json.loads(result.output)
    assert {Path(f["file"]).stem for f in found} == {"003_e8e20449add4641b"}
    assert [f["code"] for f in found] == ["T3.E001"] * 3 + ["T3.E002"] * 3
    assert all(f["severity"] == "error" for f in found)
