"""A table printed in two halves side by side (its header's columns twice: 项目, the seven
columns, 项目, the seven again) is read as one table, the right half's rows after the
left's; a table whose columns merely repeat under two groups is left as it is."""

from __future__ import annotations

from gongkai.annual.parse.document import Grid
from gongkai.annual.parse.tables_grid import grid_rows

_HEADER = ("项目", "自然人", "商业企业", "总计")


def test_two_halves_side_by_side_are_read_left_then_right() -> None:
    grid = Grid(
        rows=(
            (*_HEADER, *_HEADER),
            ("一、本年新收", "3", "0", "3", "（七）总计", "2", "0", "2"),
            ("二、上年结转", "1", "0", "1", "四、结转下年度继续办理", "0", "0", "0"),
            ("（一）予以公开", "2", "0", "2", "", "", "", ""),
        ),
        merged=((False,) * 8,) * 4,
    )
    rows, columns = grid_rows(grid)
    assert [row[0] for row in rows] == [
        "项目",
        "一、本年新收",
        "二、上年结转",
        "（一）予以公开",
        "（七）总计",
        "四、结转下年度继续办理",
    ]
    assert rows[4] == ("（七）总计", "2", "0", "2")
    assert all(len(row) == 4 for row in rows)
    assert list(columns) == [None] * 6


def test_columns_repeated_under_two_groups_with_values_at_their_start_stay_one_table() -> None:
    results = ("结果维持", "结果纠正", "其他结果", "总计")
    grid = Grid(
        rows=(
            ("未经复议直接起诉",) * 4 + ("复议后起诉",) * 4,
            (*results, *results),
            ("1", "0", "0", "1", "0", "0", "0", "0"),
        ),
        merged=((False,) * 8,) * 3,
    )
    rows, _ = grid_rows(grid)
    assert rows == grid.rows
