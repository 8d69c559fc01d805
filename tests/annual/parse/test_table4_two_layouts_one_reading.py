"""Table 四 printed one cell a line and printed across (``table4_cells``) are read into one
table the same way: the same table printed either way gives the same numbers, the same
placeholders, the same blank cells said and the same cells said missing."""

from __future__ import annotations

from gongkai.annual import schema as s
from gongkai.annual.parse.notes import Notes
from gongkai.annual.parse.rows import Row
from gongkai.annual.parse.table4_cells import read_table4_cells
from gongkai.annual.parse.tables import Reading
from gongkai.annual.parse.tables_text import split_cells

GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")
COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
PRINTED = {
    "结果维持": ("9", "-", "3"),
    "结果纠正": ("2", "1", "0"),
    "其他结果": ("1", "0", ""),
    "尚未审结": ("3", "2", "1"),
    "总计": ("15", "-", "4"),
}
"""Each column's three cells, one a group: ``-`` a placeholder, ``""`` a blank cell."""


def _rows(lines: list[str]) -> list[Row]:
    return [Row(i, split_cells(line), line, i + 1) for i, line in enumerate(lines)]


def _one_cell_a_line(columns: tuple[str, ...] = COLUMNS) -> list[str]:
    return [
        f"| {group} | {column} | {PRINTED[column][g]} |"
        for g, group in enumerate(GROUPS)
        for column in columns
    ]


def _across(columns: tuple[str, ...] = COLUMNS) -> list[str]:
    header = "| 项目 | " + " | ".join(GROUPS) + " |"
    return [header, *(f"| {column} | {' | '.join(PRINTED[column])} |" for column in columns)]


def _read(lines: list[str]) -> tuple[Reading, Notes]:
    notes = Notes("样本.md")
    reading = read_table4_cells(_rows(lines), notes)
    assert reading is not None
    return reading, notes


def _said(notes: Notes, code: str) -> list[object]:
    return [item.get("cell") or item.get("cells") for item in notes.items if item["code"] == code]


def test_the_same_table_printed_either_way_reads_the_same() -> None:
    by_cell, cell_notes = _read(_one_cell_a_line())
    across, across_notes = _read(_across())
    assert by_cell.cells == across.cells
    assert by_cell.cells["reconsideration"] == [9, 2, 1, 3, 15]
    assert by_cell.cells["litigation_direct"] == [None, 1, 0, 2, None]
    assert by_cell.cells["litigation_after_reconsideration"] == [3, 0, None, 1, 4]
    assert by_cell.placeholders == across.placeholders == {"litigation_direct": (0, 4)}
    assert by_cell.confidence == across.confidence == 1.0
    blank = ["table4.litigation_after_reconsideration.other"]
    assert _said(cell_notes, "CELL_BLANK") == _said(across_notes, "CELL_BLANK") == blank


def test_a_column_left_out_either_way_leaves_the_same_cells_null_and_said() -> None:
    shown = tuple(c for c in COLUMNS if c != "其他结果")
    by_cell, cell_notes = _read(_one_cell_a_line(shown))
    across, across_notes = _read(_across(shown))
    assert by_cell.cells == across.cells
    missing = [s.table4_cell(group, "other") for group in s.TABLE4_GROUP_KEYS]
    assert _said(cell_notes, "ROW_NOT_FOUND") == _said(across_notes, "ROW_NOT_FOUND") == [missing]
    assert by_cell.confidence == across.confidence == 0.8


def test_the_rows_the_table_lies_on_are_its_lines_either_way() -> None:
    lines = ["四、政府信息公开行政复议、行政诉讼情况", *_across(), "五、存在的主要问题及改进情况"]
    across, _ = _read(lines)
    assert (across.first_row, across.last_row) == (2, len(lines) - 2)
    by_cell, _ = _read(["（单位：件）", *_one_cell_a_line(), "| 行政复议 | 结果维持 | 7 |"])
    assert (by_cell.first_row, by_cell.last_row) == (1, 16)  # its cell printed twice included
    assert by_cell.cells["reconsideration"][0] == 9
