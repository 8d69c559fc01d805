"""Cells as converters print them (issue 13): pandas' ``nan`` blanks, index column and
numbered column headers (``frames``), footnote marks after a number (``cells``), and
table 四 printed one cell a line or a row (``table4_cells``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes, parse_file
from gongkai.annual.parse.cells import Kind, read_value
from gongkai.annual.parse.document import Document, Grid, Line
from gongkai.annual.parse.frames import may_hold_frames, pandas_frames
from gongkai.annual.parse.notes import Notes
from gongkai.annual.parse.rows import Row, split_rows
from gongkai.annual.parse.table4_cells import read_table4_cells
from gongkai.annual.parse.tables_text import split_cells, split_line
from tests.annual.parse.as_documents import as_html
from tests.conftest import FIXTURES

CONVERTED = FIXTURES / "converted"
WARNED_ROWS = {"ROW_INFERRED", "ROW_TOO_FEW", "ROW_TOO_MANY", "VALUES_UNASSIGNED", "ROW_DUPLICATE"}


def _codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def _notes(report: AnnualReport, code: str) -> list[dict[str, object]]:
    return [dict(d) for d in report.diagnostics or () if d["code"] == code]


def _rows(*lines: str) -> list[Row]:
    return [Row(i, split_cells(line), line, i + 1) for i, line in enumerate(lines)]


# ----------------------------------------------------------------------------- pandas


@pytest.mark.parametrize("cell", ["nan", "NaN", "None", "<NA>"])
def test_pandas_blank_cell_is_a_placeholder_never_a_number_or_text(cell: str) -> None:
    value = read_value(cell)
    assert (value.kind, value.number) == (Kind.PLACEHOLDER, None)


def test_unnamed_header_is_a_blank_cell_and_spaced_nan_cells_split() -> None:
    assert split_cells("| | Unnamed: 0 | 申请人情况 | Unnamed: 12 |") == (
        "",
        "",
        "",
        "申请人情况",
        "",
        "",
    )
    assert split_cells("规章 nan NaN 0") == ("规章", "nan", "NaN", "0")
    assert split_cells("Unnamed: 3 说明") == ("Unnamed: 3 说明",)  # not a Markdown row


def test_pandas_frame_reads_blanks_as_null_and_drops_its_index() -> None:
    report = parse_file(CONVERTED / "markdown_pandas_frames_numbered_columns_index_nan_blanks.txt")
    assert report.table3.row("partially_granted") == (3, None, None, None, None, None, 3)
    assert report.table3.row("received") == (20, 3, None, None, 1, None, 24)
    assert report.table3.row("withheld.state_secret") == (None,) * 7
    assert report.table2.licensing == 310
    assert report.table2.fees is None
    assert not set(_codes(report)) & WARNED_ROWS
    assert len(_notes(report, "ROW_NUMBERS_IGNORED")) == 3  # one a frame
    rows = [d.get("row") for d in _notes(report, "CELL_BLANK")]
    assert "table3.partially_granted" in rows
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_pandas_index_column_is_dropped_and_said() -> None:
    rows = _rows(
        "|    | Unnamed: 0 | 数量 |",
        "|  0 | 行政许可 | 12 |",
        "|  1 | 行政处罚 | nan |",
        "|  2 | 行政强制 | 0 |",
    )
    notes = Notes("样本")
    out = pandas_frames(rows, notes)
    assert [r.cells for r in out] == [
        ("", "", "数量", ""),
        ("", "行政许可", "12", ""),
        ("", "行政处罚", "nan", ""),
        ("", "行政强制", "0", ""),
    ]
    assert [r.index for r in out] == [0, 1, 2, 3]
    assert out[1].text == "| 行政许可 | 12 |"
    codes = [item["code"] for item in notes.items]
    assert codes == ["ROW_NUMBERS_IGNORED", "CELL_BLANK"]
    assert "0、1、2" in str(notes.items[0]["message"])


def test_a_numbered_column_from_one_is_left_to_the_table_readers() -> None:
    rows = _rows(
        "| 序号 | 项目 | 数量 |",
        "| 1 | 行政许可 | 12 |",
        "| 2 | 行政处罚 | 3 |",
        "| 3 | 行政强制 | 0 |",
    )
    notes = Notes("样本")
    assert pandas_frames(rows, notes) is rows
    assert notes.items == []


def test_nan_among_labels_or_in_a_header_line_is_a_blank_cell() -> None:
    rows = _rows(
        "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | nan | 自然人 | nan |",
        "| 一、本年新收政府信息公开申请数量 | nan | 1 | 2 |",
        "| nan | 2.重复申请 | 0 | 0 |",
        "| nan | nan | nan | nan |",
    )
    out = pandas_frames(rows, Notes("样本"))
    assert out[0].cells[2] == "" and out[0].cells[4] == ""
    assert out[1].cells[2] == ""
    assert out[2].cells[1] == ""
    assert set(out[3].cells) == {""}


# ----------------------------------------------------------------------------- footnotes


@pytest.mark.parametrize(
    ("cell", "number"),
    [("1204*", 1204), ("338＊", 338), ("15※", 15), ("56①", 56), ("7⑩", 7), ("1,204*", 1204)],
)
def test_a_footnote_mark_after_a_number_is_dropped(cell: str, number: int) -> None:
    value = read_value(cell)
    assert (value.kind, value.number, value.note) == (Kind.NUMBER, Decimal(number), None)


@pytest.mark.parametrize("cell", ["*", "**", "※", "①", "12*3", "*12", "1204*（注）", "1O*"])
def test_a_footnote_mark_alone_or_between_numbers_is_no_number(cell: str) -> None:
    assert read_value(cell).kind is Kind.TEXT


def test_footnote_marks_in_every_table_read_the_numbers() -> None:
    report = parse_file(
        CONVERTED
        / "markdown_footnote_marks_after_numbers_asterisk_reference_mark_circled_digit.txt"
    )
    assert (report.table2.licensing, report.table2.punishment) == (1204, 338)
    assert report.table3.row("received") == (86, 4, 0, 0, 1, 0, 91)
    assert report.table3.row("unavailable.not_held") == (15, 1, 0, 0, 0, 0, 16)
    assert report.to_dict()["table4"]["reconsideration"]["other"] == 1
    assert _codes(report) == []


def test_html_table3_cell_with_an_asterisk_reads_its_number() -> None:
    path = FIXTURES / "redteam5" / "html-table3-cell-with-footnote-asterisk-after-the-number.html"
    report = parse_file(path)
    assert report.table3.row("received") == (1204, 2, 0, 0, 1, 0, 1207)
    assert "ROW_TOO_FEW" not in _codes(report)


def test_an_asterisk_cell_between_numbers_is_not_merged_into_the_row() -> None:
    text = (
        "样例市某局2025年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "| 规章 | 1 | * | 2 |\n| 行政规范性文件 | 3 | 0 | 9 |\n"
    )
    report = parse_bytes(text.encode("utf-8"), "样本.txt")
    regulations = report.to_dict()["table2"]["regulations"]
    assert regulations == {"made": None, "repealed": None, "in_force": None}  # never [1, 2, …]
    assert "ROW_TOO_FEW" in _codes(report)
    assert report.to_dict()["table2"]["normative_documents"]["in_force"] == 9


# ----------------------------------------------------------------------------- table 四

_TABLE4_CELLS = [
    (group, column, number)
    for group, numbers in (
        ("行政复议", (1, 0, 0, 1, 2)),
        ("行政诉讼（未经复议直接起诉）", (0, 1, 0, 0, 1)),
        ("行政诉讼（复议后起诉）", (0, 0, 0, 0, 0)),
    )
    for column, number in zip(
        ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"), numbers, strict=True
    )
]


def _report_with_table4(lines: list[str]) -> AnnualReport:
    path = CONVERTED / "crawled_table4_one_cell_a_line_litigation_groups_first.txt"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("类别 项目 数量\n", 1)
    tail = rest[rest.index("五、存在的主要问题") :]
    return parse_bytes((head + "\n".join(lines) + "\n" + tail).encode("utf-8"), "样本.txt")


def test_table4_one_row_per_cell_is_read_cell_by_cell() -> None:
    lines = [f"| {g} | {c} | {n} |" for g, c, n in _TABLE4_CELLS]
    report = _report_with_table4(["| 类别 | 项目 | 数量 |", "|---|---|---|", *lines])
    table4 = report.to_dict()["table4"]
    assert table4["reconsideration"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": 1,
        "total": 2,
    }
    assert table4["litigation_direct"]["corrected"] == 1
    assert report.confidence["table4"] == 1.0
    assert not set(_codes(report)) & WARNED_ROWS
    assert "每行印一格" in str(_notes(report, "TABLE4_ONE_CELL_A_ROW")[0]["message"])


def test_table4_cell_not_printed_is_null_with_a_warning_and_lower_confidence() -> None:
    lines = [f"{g} {c} {n}" for g, c, n in _TABLE4_CELLS if (g, c) != ("行政复议", "尚未审结")]
    report = _report_with_table4(lines)
    assert report.to_dict()["table4"]["reconsideration"]["pending"] is None
    assert report.to_dict()["table4"]["reconsideration"]["total"] == 2
    missing = _notes(report, "ROW_NOT_FOUND")
    assert [d.get("cells") for d in missing] == [["table4.reconsideration.pending"]]
    assert report.confidence["table4"] == pytest.approx(14 / 15, abs=0.001)


def test_table4_cell_printed_twice_keeps_the_first_and_says_so() -> None:
    lines = [f"{g} {c} {n}" for g, c, n in _TABLE4_CELLS] + ["行政复议 结果维持 9"]
    report = _report_with_table4(lines)
    assert report.to_dict()["table4"]["reconsideration"]["upheld"] == 1
    duplicate = _notes(report, "ROW_DUPLICATE")
    assert [d.get("cell") for d in duplicate] == ["table4.reconsideration.upheld"]


def test_html_table4_shuffled_cells_with_a_blank_one() -> None:
    report = parse_file(
        CONVERTED / "html_table4_one_row_per_cell_group_column_number_shuffled_blank_cell.html"
    )
    table4 = report.to_dict()["table4"]
    assert table4["reconsideration"] == {
        "upheld": 2,
        "corrected": 0,
        "other": 1,
        "pending": 0,
        "total": 3,
    }
    assert table4["litigation_after_reconsideration"]["upheld"] is None
    blank = _notes(report, "CELL_BLANK")
    assert [d.get("cell") for d in blank] == ["table4.litigation_after_reconsideration.upheld"]


def test_an_ordinary_table4_or_a_few_cells_are_not_read_one_cell_a_row() -> None:
    ordinary = _rows(
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 "
        "| 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
        "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    )
    assert read_table4_cells(ordinary, Notes("样本")) is None
    few = _rows("| 行政复议 | 结果维持 | 1 |", "| 行政复议 | 总计 | 1 |")
    assert read_table4_cells(few, Notes("样本")) is None
    stray = _rows(*(f"| {g} | {c} | {n} |" for g, c, n in _TABLE4_CELLS), "| 合计 | 3 | 2 |")
    assert read_table4_cells(stray, Notes("样本")) is None  # a line of two numbers


def test_pandas_frame_as_a_page_drops_its_index_and_reads_nan_as_null() -> None:
    """``DataFrame.to_html`` (or a Word or PDF copy) prints the same frame as a grid."""
    text = (CONVERTED / "markdown_pandas_frames_numbered_columns_index_nan_blanks.txt").read_text(
        encoding="utf-8"
    )
    report = parse_bytes(as_html(text.replace("| nan |", "| NaN |")), "样本.html")
    assert report.table3.row("partially_granted") == (3, None, None, None, None, None, 3)
    assert report.table3.row("withheld.state_secret") == (None,) * 7
    assert report.table2.licensing == 310
    assert not set(_codes(report)) & WARNED_ROWS
    assert len(_notes(report, "ROW_NUMBERS_IGNORED")) == 3


def test_only_lines_that_may_be_a_frames_are_counted() -> None:
    """A document is looked at row by row only when a line split for it may be a frame's
    row (``tables_text.split_line`` tells, ``rows.split_rows`` passes it on) or a grid's
    first cells count 0, 1."""
    for line, counted in [
        ("| 0 | 1 | 0 | 0 | 1 |", False),  # table 四's numbers
        ("| 1 | 行政许可 | 12 |", False),  # a 序号 column
        ("| 0 | 行政许可 | 12 |", True),
        ("| 行政处罚 | nan | nan |", True),
    ]:
        for _ in range(2):  # split, then cached
            assert split_line(line)[1] is counted, line
    text = Document("样本", "text", [Line("| 行政许可 | 12 |", 1)])
    assert not may_hold_frames(text, split_rows(text)[1])
    framed = Document("样本", "text", [Line("| 行政处罚 | nan | nan |", 1)])
    assert may_hold_frames(framed, split_rows(framed)[1])
    frame = Grid((("", "数量"), ("0", "行政许可"), ("1", "行政处罚")))
    table = Grid((("行政复议", "行政诉讼"), ("1", "0")))
    assert may_hold_frames(Document("样本", "html", [frame]), False)
    assert not may_hold_frames(Document("样本", "html", [table]), False)


def test_table4_in_long_format_printed_by_pandas_with_its_index() -> None:
    """A melted frame (组, 列, 数量) printed with ``to_markdown``: the index is left out
    (``frames``), then the table is read cell by cell (``table4_cells``)."""
    lines = ["|    | 类别 | 项目 | 数量 |", "|---:|:---|:---|---:|"]
    lines += [f"| {i} | {g} | {c} | {n} |" for i, (g, c, n) in enumerate(_TABLE4_CELLS)]
    report = _report_with_table4(lines)
    assert report.to_dict()["table4"]["litigation_direct"] == {
        "upheld": 0,
        "corrected": 1,
        "other": 0,
        "pending": 0,
        "total": 1,
    }
    assert report.confidence["table4"] == 1.0
    assert {"ROW_NUMBERS_IGNORED", "TABLE4_ONE_CELL_A_ROW"} <= set(_codes(report))
    assert not set(_codes(report)) & WARNED_ROWS
