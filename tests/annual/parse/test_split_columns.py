"""Table 三 printed as two tables that split its seven columns is read as one."""

from __future__ import annotations

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse.document import Document, Grid, Line
from gongkai.annual.parse.recognize import recognize

SPLIT = 4
"""自然人 … 社会公益组织 in the first table, 法律服务机构, 其他, 总计 in the second."""


def values(i: int) -> tuple[str, ...]:
    return tuple(str(10 * i + j) for j in range(s.TABLE3_WIDTH))


def grid(columns: slice, labelled: bool, number: int) -> Grid:
    header = ("", *(c.label for c in s.TABLE3_COLUMNS[columns]))
    rows = [header if labelled else header[1:]]
    for i, row in enumerate(s.TABLE3_ROWS):
        label = (row.full_label,) if labelled else ()
        rows.append((*label, *values(i)[columns]))
    return Grid(tuple(rows), (), number)


def document(second_labelled: bool) -> Document:
    return Document(
        "split.html",
        "html",
        [
            Line("三、收到和处理政府信息公开申请情况", 1),
            grid(slice(0, SPLIT), True, 2),
            Line("（续表）", 3),
            grid(slice(SPLIT, None), second_labelled, 4),
            Line("四、政府信息公开行政复议、行政诉讼情况", 5),
        ],
    )


@pytest.mark.parametrize("second_labelled", [True, False], ids=["labels_again", "no_labels"])
def test_split_table3_columns_are_joined_by_row(second_labelled: bool) -> None:
    report = recognize(document(second_labelled))
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == tuple(int(v) for v in values(i)), row.key
    codes = {d["code"] for d in report.diagnostics or ()}
    assert not codes & {"ROW_TOO_FEW", "ROW_DUPLICATE", "VALUES_UNASSIGNED", "ROW_NOT_FOUND"}
    assert report.confidence is not None and report.confidence["table3"] == 1.0
    whole = recognize(one_table())
    assert report.table3 == whole.table3
    assert [d["code"] for d in report.diagnostics or ()] == [
        d["code"] for d in whole.diagnostics or ()
    ]


def one_table() -> Document:
    return Document(
        "whole.html",
        "html",
        [
            Line("三、收到和处理政府信息公开申请情况", 1),
            grid(slice(0, None), True, 2),
            Line("四、政府信息公开行政复议、行政诉讼情况", 5),
        ],
    )


def test_two_tables_with_all_seven_columns_each_are_not_joined() -> None:
    rows = s.TABLE3_ROWS
    half = len(rows) // 2
    first, second = grid(slice(0, None), True, 2), grid(slice(0, None), True, 4)
    split = Grid((first.rows[0], *first.rows[1 : half + 1]), (), 2)
    rest = Grid((second.rows[0], *second.rows[half + 1 :]), (), 4)
    report = recognize(
        Document(
            "pages.html",
            "html",
            [Line("三、收到和处理政府信息公开申请情况", 1), split, rest, Line("四、", 5)],
        )
    )
    for i, row in enumerate(rows):
        assert report.table3.row(row.key) == tuple(int(v) for v in values(i)), row.key


def test_a_header_alone_on_one_page_is_not_the_first_columns() -> None:
    """A page break between table 三's two header rows: the first page holds 自然人 |
    法人或其他组织 | 总计 and no row of numbers, the next page the five organisation
    columns and every row. That is one table going on, not two that split the columns:
    each value stays in its column."""
    top = Grid(
        (("", "自然人", "法人或其他组织", "", "", "", "", "总计"),),
        (),
        2,
    )
    organisations = tuple(c.label for c in s.TABLE3_COLUMNS[1:6])
    rows: list[tuple[str, ...]] = [("", "", *organisations, "")]
    rows.extend((row.full_label, *values(i)) for i, row in enumerate(s.TABLE3_ROWS))
    report = recognize(
        Document(
            "pages.pdf",
            "pdf",
            [Line("三、收到和处理政府信息公开申请情况", 1), top, Grid(tuple(rows), (), 3)],
        )
    )
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == tuple(int(v) for v in values(i)), row.key
    assert "COLUMNS_REORDERED" not in {d["code"] for d in report.diagnostics or ()}
