"""``gongkai annual check`` on published documents and directories (parse, then check)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.annual import AnnualReport, parse_file
from gongkai.cli import app
from gongkai.commands import annual as annual_command
from tests.annual.parse.builders import report_text
from tests.annual.parse.stuck_readers import misbehave
from tests.annual.parse.test_batch import sample_report

runner = CliRunner()


def with_year(report: AnnualReport, year: int) -> AnnualReport:
    return AnnualReport(
        organ=report.organ,
        year=year,
        table2=report.table2,
        table3=report.table3,
        table4=report.table4,
    )


def check(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["annual", "check", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_document_is_parsed_then_checked(tmp_path: Path) -> None:
    path = tmp_path / "年报.txt"
    path.write_text(report_text(sample_report()), encoding="utf-8")
    code, stdout, _ = check(str(path), "--format", "json")
    findings = json.loads(stdout)
    assert code == 0
    assert all(f["severity"] != "error" for f in findings)
    broken = tmp_path / "有错.txt"
    broken.write_text(
        report_text(sample_report().with_cell("table3.handled_total.total", 9)), encoding="utf-8"
    )
    code, stdout, _ = check(str(broken), "--format", "json")
    assert code == 1
    assert {f["file"] for f in json.loads(stdout)} == {str(broken)}


def test_a_directory_of_consecutive_years_runs_the_cross_year_rules(tmp_path: Path) -> None:
    first = with_year(sample_report(), 2023).with_cell("table3.carried_forward.total", 2)
    second = with_year(sample_report(), 2024)  # carried_over 0, not last year's 2
    (tmp_path / "2023.txt").write_text(report_text(first), encoding="utf-8")
    (tmp_path / "2024.html").write_text(
        "<html><body><pre>" + report_text(second) + "</pre></body></html>", encoding="utf-8"
    )
    code, stdout, _ = check(str(tmp_path), "--format", "json")
    findings = json.loads(stdout)
    cross_year = [f for f in findings if f["code"] == "YOY.W001"]
    assert [f["file"] for f in cross_year] == [str(tmp_path / "2024.html")]
    assert code == 1  # 2023's own totals no longer add up


def test_last_year_may_be_a_document(tmp_path: Path) -> None:
    last = tmp_path / "去年.txt"
    last.write_text(
        report_text(with_year(sample_report(), 2023).with_cell("table3.carried_forward.total", 2)),
        encoding="utf-8",
    )
    this = tmp_path / "今年.json"
    this.write_text(sample_report().to_json(), encoding="utf-8")
    _, stdout, _ = check(str(this), "--last-year", str(last), "--format", "json")
    assert "YOY.W001" in {f["code"] for f in json.loads(stdout)}


def test_an_unreadable_document_exits_2_naming_it(tmp_path: Path) -> None:
    empty = tmp_path / "空.docx"
    empty.write_bytes(b"")
    code, _, stderr = check(str(empty))
    assert code == 2
    assert stderr == f"无法读取：{empty} 文件是空的，没有可读取的内容\n"


def test_seed_documents_checked_from_the_command_line(seeds_dir: Path) -> None:
    """The issue's two narrative cases, through ``gongkai annual check DOCUMENT``."""
    code, stdout, _ = check(str(seeds_dir / "003_e8e20449add4641b.txt"), "--format", "json")
    found = [f["code"] for f in json.loads(stdout)]
    assert code == 1
    assert found.count("T3.E001") == 3 and found.count("T3.E002") == 3
    (narrative,) = [f for f in json.loads(stdout) if f["code"] == "NARR.W005"]
    assert "自然人提交的信息公开申请4件" in narrative["message"]
    assert "商业企业1" in narrative["message"]
    code, stdout, _ = check(str(seeds_dir / "002_3f0a03dfd5eda10b.txt"), "--format", "json")
    by_code = {f["code"]: f["message"] for f in json.loads(stdout)}
    assert code == 0  # warnings only
    assert set(by_code) == {"NARR.W001", "NARR.W006"}
    assert "共13件" in by_code["NARR.W001"] and "总计”列为10" in by_code["NARR.W001"]
    assert "2022年" in by_code["NARR.W006"] and "2023年度报告" in by_code["NARR.W006"]


def test_a_directory_of_several_years_and_organs_pairs_each_with_its_own_last_year(
    tmp_path: Path,
) -> None:
    """Three years of one organ and one year of another, in one folder tree: each
    report is checked against the same organ's report of the year before only."""
    this_organ = {
        2022: with_year(sample_report(), 2022),
        2023: with_year(sample_report(), 2023).with_cell("table3.carried_forward.total", 2),
        2024: with_year(sample_report(), 2024),  # carried_over 0, not 2023's 2
    }
    for year, report in this_organ.items():
        (tmp_path / str(year)).mkdir()
        (tmp_path / str(year) / "年报.txt").write_text(report_text(report), encoding="utf-8")
    sample = with_year(sample_report(), 2023)
    other = AnnualReport(
        organ="另一市另一局",
        year=2023,
        table2=sample.table2,
        table3=sample.table3,
        table4=sample.table4,
    )
    (tmp_path / "另一局2023.txt").write_text(report_text(other), encoding="utf-8")
    code, stdout, _ = check(str(tmp_path), "--format", "json")
    findings = json.loads(stdout)
    cross_year = {(f["file"], f["code"]) for f in findings if f["code"].startswith("YOY.")}
    first, _second, third = (str(tmp_path / str(y) / "年报.txt") for y in this_organ)
    assert {(file, code) for file, code in cross_year if code == "YOY.W001"} == {
        (third, "YOY.W001")
    }
    # sections 二–四 are only their tables: no words to compare, nothing reported as copied
    assert {file for file, code in cross_year if code == "YOY.W005"} == set()
    assert first not in {file for file, _ in cross_year}
    assert str(tmp_path / "另一局2023.txt") not in {file for file, _ in cross_year}
    assert code == 1  # 2023's own totals no longer add up


# ---------------------------------------------------------------- limits per document


def _stuck_or_greedy(path: str | Path, source: str | None = None) -> AnnualReport:
    """``parse_file`` as the check command calls it, misbehaving on 慢 and 胖 files."""
    misbehave(str(path))
    return parse_file(path, source)


@pytest.fixture
def misbehaving_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    # the worker process is forked from this one and keeps the patched reader
    monkeypatch.setattr(annual_command, "parse_file", _stuck_or_greedy)


def test_a_document_past_the_time_limit_is_named_and_exits_2(
    tmp_path: Path, misbehaving_reader: None
) -> None:
    """Issue 17: ``annual check DOCUMENT`` has the wall-time limit of ``annual parse``."""
    good = tmp_path / "a.txt"
    good.write_text(report_text(sample_report()), encoding="utf-8")
    slow = tmp_path / "b_慢.txt"
    slow.write_text(report_text(sample_report()), encoding="utf-8")
    started = time.monotonic()
    code, stdout, stderr = check(str(tmp_path), "--timeout", "1.5")
    assert time.monotonic() - started < 30
    assert code == 2 and stdout == ""
    assert stderr == (
        f"无法读取：{slow} 解析用时超过 1.5 秒的上限，已放弃这个文件"
        "（文件可能异常庞大、嵌套过深或是恶意构造的）；需要时可用 --timeout 放宽上限\n"
    )
    code, stdout, _ = check(str(good), "--timeout", "1.5", "--format", "json")
    assert code == 0 and json.loads(stdout) == []


def test_a_document_past_the_memory_cap_is_named_and_exits_2(
    tmp_path: Path, misbehaving_reader: None
) -> None:
    greedy = tmp_path / "胖.txt"
    greedy.write_text(report_text(sample_report()), encoding="utf-8")
    last = tmp_path / "去年.json"
    last.write_text(with_year(sample_report(), 2023).to_json(), encoding="utf-8")
    code, _, stderr = check(str(greedy), "--last-year", str(last), "--max-memory", "200")
    assert code == 2
    assert stderr == (
        f"无法读取：{greedy} 解析所需内存超过 200 MB 的上限，已放弃这个文件"
        "（文件可能异常庞大、展开后极大或是恶意构造的）；需要时可用 --max-memory 放宽上限\n"
    )
    code, _, _ = check(str(greedy), "--max-memory", "0")  # no cap: it fits
    assert code == 0


def test_the_limits_of_check_are_checked_as_parse_checks_them(tmp_path: Path) -> None:
    path = tmp_path / "年报.txt"
    path.write_text(report_text(sample_report()), encoding="utf-8")
    for option, value in (("--timeout", "nan"), ("--timeout", "-1"), ("--max-memory", "-1")):
        code, stdout, stderr = check(str(path), option, value)
        assert code == 2 and stdout == "" and option in stderr, (option, value)
    code, _, _ = check(str(path), "--timeout", "0", "--max-memory", "0")  # in this process
    assert code == 0


@pytest.mark.parametrize("name", ["pipe", "pipe.json"])
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, name: str) -> None:
    """A named pipe (with or without .json) would block the read forever."""
    fifo = tmp_path / name
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "annual", "check", str(fifo)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "不是普通文件" in done.stdout + done.stderr
