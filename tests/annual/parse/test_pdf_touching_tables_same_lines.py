"""PDF tables drawn one on the other with no gap whose rules are those of one table: as
wide as each other, every column line of the upper one at a column line of the lower
one (table 三 on table 四's fifteen columns, table 二 on table 三's). No line ends on the
shared rule without going on below it, so the lines alone show one table whose lower
rows have more cells; it was read as one grid (table 四's 总计 labels read as a second
（七）总计 of table 三).

The rows tell where the second table begins: a row that opens a table of the national
form (table 三's 申请人情况 and its note, table 四's 行政复议 beside 行政诉讼, a section's
heading printed as a row across the frame), whose top rule runs across the table, under
rows of numbers. A table's own title or unit row above its header stays with it."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.grid import RawCell
from gongkai.annual.parse.pdf_layout import TableBox, _openings
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.annual.parse.test_pdf_split_tables import PAGE_BREAK, W, _fixed, _grids
from tests.annual.parse.test_pdf_touching_tables import (
    NAME,
    TABLE2,
    TABLE3,
    TABLE4,
    _report_pdf,
    _tables,
)

weasyprint = pytest.importorskip("weasyprint")

TABLE3_ON_FOUR = [W, W, 6 * W, *[W] * 7]
"""Table 三's columns at table 四's lines (every ``W``), as wide as table 四."""


def _split_pages(report: Any) -> list[int]:
    return [int(d["page"]) for d in report.diagnostics if d["code"] == "TABLES_SPLIT"]


def test_table3_on_table4_with_the_same_column_lines_is_cut() -> None:
    expected = expected_for(NAME)
    tables = _tables(expected)
    table3 = _fixed(tables["3"], TABLE3_ON_FOUR)
    table4 = _fixed(tables["4"], [W] * 15)
    pdf = _report_pdf({"2": tables["2"], "3": PAGE_BREAK + table3 + table4})
    assert _grids(pdf) == [(1, *TABLE2), (2, *TABLE3), (2, *TABLE4)]
    report = parse_bytes(pdf, "相接.pdf")
    assert differences(report, expected) == []
    assert report.to_dict()["table3"]["handled_total"] == [38, 8, 0, 1, 2, 3, 52]
    assert _split_pages(report) == [2]


def test_table2_on_table3_with_the_same_column_lines_is_cut() -> None:
    """Table 二's label column as wide as table 三's labels, its three number columns on
    table 三's lines (two, two and three of table 三's seven)."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    table2 = _fixed(tables["2"], [5 * W, 2 * W, 2 * W, 3 * W])
    table3 = _fixed(tables["3"], [W, W, 3 * W, *[W] * 7])
    pdf = _report_pdf({"2": PAGE_BREAK + table2 + table3, "4": tables["4"]})
    assert _grids(pdf) == [(2, *TABLE2), (2, *TABLE3), (2, *TABLE4)]
    report = parse_bytes(pdf, "相接.pdf")
    assert report.to_dict()["table2"] == expected["table2"]
    assert report.to_dict()["table3"] == expected["table3"]
    assert _split_pages(report) == [2]


def test_a_heading_printed_across_the_frame_begins_the_next_table() -> None:
    """Section 四's heading in a row of one cell across the frame, between table 三 and
    table 四 on the same lines: table 四 begins at the heading, which is its first row."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    table3 = _fixed(tables["3"], TABLE3_ON_FOUR)
    heading = f'<tr><td colspan="15">{s.SECTIONS[3].heading}</td></tr>'
    table4 = _fixed(tables["4"], [W] * 15).replace("<tr>", heading + "<tr>", 1)
    pdf = _report_pdf({"2": tables["2"], "3": PAGE_BREAK + table3 + table4})
    assert _grids(pdf) == [(1, *TABLE2), (2, *TABLE3), (2, TABLE4[0] + 1, TABLE4[1])]
    report = parse_bytes(pdf, "相接.pdf")
    assert differences(report, expected) == []
    assert [d["code"] for d in report.diagnostics] == ["TABLES_SPLIT"]


# ------------------------------------------------------------- the rows that open a table


def _box(rows: list[list[RawCell]]) -> TableBox:
    rules = tuple(float(20 * i) for i in range(len(rows) + 1))
    return TableBox(rows, 0.0, 0.0, 100.0, rules[-1], row_rules=rules)


def _cells(*texts: str) -> list[RawCell]:
    return [RawCell(text) for text in texts]


def test_a_title_and_a_unit_row_above_a_header_stay_with_it() -> None:
    rows = [
        [RawCell("三、收到和处理政府信息公开申请情况", 1, 3)],
        [RawCell("单位：件", 1, 3)],
        _cells("（本列数据的勾稽关系为：……）", "申请人情况", ""),
        _cells("一、本年新收政府信息公开申请数量", "3", "3"),
    ]
    assert _openings(_box(rows)) == []


def test_a_header_reached_by_a_cell_merged_down_from_above_is_no_table_of_its_own() -> None:
    rows = [
        _cells("信息内容", "本年制发件数", "现行有效件数"),
        [RawCell("规章", 2), RawCell("0"), RawCell("1")],
        _cells("申请人情况", "自然人"),
        _cells("一、本年新收政府信息公开申请数量", "3", "3"),
    ]
    assert _openings(_box(rows)) == []


def test_rows_that_open_tables_under_rows_of_numbers_are_cuts() -> None:
    rows = [
        _cells("第二十条第（一）项", "", ""),
        _cells("规章", "0", "1"),
        _cells("（本列数据的勾稽\n关系为：……）", "申请人\n情况", ""),
        _cells("（七）总计", "3", "3"),
        _cells("行政\n复议", "行政诉讼", ""),
        _cells("1", "0", "1"),
    ]
    assert _openings(_box(rows)) == [40.0, 80.0]


def test_labels_of_table3_numbered_like_headings_open_nothing() -> None:
    rows = [
        _cells("第二十条第（一）项", "", ""),
        _cells("规章", "0", "1"),
        [RawCell("三、本年度办理结果", 1, 3)],
        [RawCell("四、结转下年度继续办理", 1, 3)],
        [RawCell("二、上年结转政府信息公开申请数量", 1, 3)],
    ]
    assert _openings(_box(rows)) == []


def test_a_traditional_report_s_touching_tables_are_cut_at_the_same_rows() -> None:
    """The layout is read before the text is simplified: 申請人情況 and 行政複議 beside
    行政訴訟 open a table as their simplified words do."""
    from tests.annual.parse.shapes import _s2t

    expected = expected_for(NAME)
    tables = _tables(expected)
    table3 = _s2t().convert(_fixed(tables["3"], TABLE3_ON_FOUR))
    table4 = _s2t().convert(_fixed(tables["4"], [W] * 15))
    assert "申請人情況" in table3 and "行政訴訟" in table4
    pdf = _report_pdf({"2": tables["2"], "3": PAGE_BREAK + table3 + table4})
    assert _grids(pdf) == [(1, *TABLE2), (2, *TABLE3), (2, *TABLE4)]
    report = parse_bytes(pdf, "相接（繁体）.pdf")
    assert report.to_dict()["table3"]["handled_total"] == [38, 8, 0, 1, 2, 3, 52]
    assert _split_pages(report) == [2]
