"""Word's "convert table to text" with commas: table 三's group, item and sub-item each in
its own cell, the cells a row does not use blank (``三、本年度办理结果,（一）予以公开,,3,2``).
Such a row's doubled comma is a blank cell, as in a row of one label, and its numbers are
read in their columns."""

from __future__ import annotations

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse.normalize import is_csv_row
from gongkai.annual.parse.tables_text import split_csv
from tests.annual.parse.table3_printed import THIS_YEAR, WARNINGS, codes, parse, report, row


@pytest.mark.parametrize(
    "line",
    [
        "三、本年度办理结果,(一)予以公开,,3,2,0,0,0,0,5",
        "三、本年度办理结果,(七)总计,,7,2,0,0,0,0,9",
        "一、本年新收政府信息公开申请数量,,,8,2,0,0,0,0,10",
        "行政许可,0,,",
    ],
)
def test_label_cells_then_blanks_and_numbers_make_a_csv_row(line: str) -> None:
    assert is_csv_row(line)


@pytest.mark.parametrize(
    "line",
    ["2024年,,市数据局", "信息内容,本年处理决定数量,,", "第二十条第(五)项,,,", "a,b,,c,1"],
)
def test_text_after_a_blank_cell_is_no_csv_row(line: str) -> None:
    assert not is_csv_row(line)


def _word_csv_lines() -> list[str]:
    """Table 三 as Word converts it to text with commas: three label columns."""
    groups = {g.key: g.label for g in s.TABLE3_GROUPS}
    lines = [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）,,,申请人情况,,,,,,",
        ",,,自然人,法人或其他组织,,,,,总计",
        ",,,,商业企业,科研机构,社会公益组织,法律服务机构,其他,",
    ]
    for table_row in s.TABLE3_ROWS:
        if table_row.group:
            labels = [s.TABLE3_RESULTS_GROUP.label, groups[table_row.group], table_row.label]
        elif table_row.is_outcome:
            labels = [s.TABLE3_RESULTS_GROUP.label, table_row.label, ""]
        else:
            labels = [table_row.label, "", ""]
        lines.append(",".join([*labels, *map(str, row(THIS_YEAR, table_row.key))]))
    return lines


def test_rows_with_two_label_cells_and_a_blank_read_whole() -> None:
    read = parse(report(_word_csv_lines()))
    for key in ("granted", "partially_granted", "handled_total", "received"):
        assert read.table3.row(key) == row(THIS_YEAR, key), key
    assert not set(codes(read)) & WARNINGS


def test_a_label_keeps_the_commas_inside_its_brackets() -> None:
    """``(区分处理的,只计这一情形,不计其他情形)`` with ASCII commas: one cell, not three."""
    lines = [
        line.replace(
            "区分处理的，只计这一情形，不计其他情形", "区分处理的,只计这一情形,不计其他情形"
        )
        for line in _word_csv_lines()
    ]
    assert any("处理的,只计" in line for line in lines)
    read = parse(report(lines))
    assert read.table3.row("partially_granted") == row(THIS_YEAR, "partially_granted")
    assert not set(codes(read)) & WARNINGS


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        (
            "(二)部分公开(区分处理的,只计这一情形),,1,0",
            ("(二)部分公开(区分处理的,只计这一情形)", "", "1", "0"),
        ),
        ("规章(件),1,0,3", ("规章(件)", "1", "0", "3")),
        ("a(b,c,1", ("a(b", "c", "1")),
    ],
)
def test_commas_in_a_closed_bracket_part_no_cells(line: str, cells: tuple[str, ...]) -> None:
    assert split_csv(line) == cells
