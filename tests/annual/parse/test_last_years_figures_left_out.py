"""Last year's figures printed beside or after this year's (red team 6): a table 二 with a
上年 column beside each 本年 one, and last year's table 三 printed after this year's for
comparison. This year's figures are read, last year's left out with one note, and never
read as this year's."""

from __future__ import annotations

from pathlib import Path

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from tests.conftest import FIXTURES

HERE = FIXTURES / "redteam6"
SIDE_BY_SIDE = HERE / "md-table2-last-year-and-this-year-columns-side-by-side.txt"
AFTER = HERE / "md-table3-last-years-table-printed-after-this-years-for-comparison.txt"
LEFT_OUT = "LAST_YEAR_LEFT_OUT"
INTRO = "2022年度收到和处理政府信息公开申请情况如下表，供对照："


def _parse(text: str) -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), "样例.txt")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def test_table2_with_last_year_columns_reads_this_years_and_is_the_2021_form() -> None:
    report = _parse(_text(SIDE_BY_SIDE))
    table2 = report.to_dict()["table2"]
    assert report.format == "2021"
    assert table2["normative_documents"] == {"made": 3, "repealed": 1, "in_force": 17}
    assert (table2["licensing"], table2["punishment"], table2["coercion"]) == (46, 12, 2)
    assert report.confidence["table2"] == 1.0
    assert "TRIAL_FORMAT" not in _codes(report) and "TRIAL_TABLE2" not in _codes(report)
    notes = [d for d in report.diagnostics or () if d["code"] == LEFT_OUT]
    assert len(notes) == 1 and notes[0]["severity"] == "info"
    assert "上年处理决定数量" in notes[0]["message"]


def test_a_row_not_lined_up_under_last_years_header_is_left_blank_not_guessed() -> None:
    # the 行政许可 row printed as a plain line (not under the header's cells): which of
    # its two numbers is this year's cannot be told
    text = _text(SIDE_BY_SIDE).replace(
        "| 行政许可 | 39 | 46 |  |  |  |  |", "| 行政许可 | 39 | 46 |"
    )
    report = _parse(text)
    assert report.to_dict()["table2"]["licensing"] is None
    assert report.to_dict()["table2"]["punishment"] == 12
    assert report.confidence["table2"] < 1.0


def test_the_trial_forms_last_year_column_still_makes_a_trial_table2() -> None:
    # 上一年项目数量 is the 2019 trial form's own column, not last year's figures
    text = _text(SIDE_BY_SIDE).replace("上年处理决定数量", "上一年项目数量")
    assert "TRIAL_TABLE2" in _codes(_parse(text))


def test_last_years_table3_after_this_years_is_left_out_with_one_note() -> None:
    report = _parse(_text(AFTER))
    assert report.table3.row("received") == (28, 5, 0, 0, 1, 1, 35)
    assert report.table3.row("handled_total") == (27, 5, 0, 0, 1, 1, 34)
    assert report.confidence["table3"] == 1.0
    assert "ROW_DUPLICATE" not in _codes(report)
    notes = [d for d in report.diagnostics or () if d["code"] == LEFT_OUT]
    assert len(notes) == 1 and notes[0]["severity"] == "info"
    # the second table is not section 三's text
    assert "本年新收" not in report.to_dict()["sections"]["3"]


def test_a_second_table3_not_introduced_as_another_years_is_still_a_duplicate() -> None:
    text = _text(AFTER).replace(INTRO, "本机关收到和处理政府信息公开申请情况如下表：")
    report = _parse(text)
    assert report.table3.row("received") == (28, 5, 0, 0, 1, 1, 35)
    assert _codes(report).count("ROW_DUPLICATE") == 25
    assert LEFT_OUT not in _codes(report)


def test_a_line_naming_the_report_year_does_not_make_the_second_table_last_years() -> None:
    text = _text(AFTER).replace(INTRO, "2023年度收到和处理政府信息公开申请情况如下表，供对照：")
    assert _codes(_parse(text)).count("ROW_DUPLICATE") == 25
