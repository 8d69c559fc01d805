"""Table 四 printed across (``table4_cells.read_table4_across``, issue 13): turned on its
side, a header naming the three groups in some order, then one line a column (结果维持 …
总计) with three numbers, one a group in the header's order."""

from __future__ import annotations

import pytest

from gongkai.annual.check import check
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.notes import Notes
from gongkai.annual.parse.rows import Row
from gongkai.annual.parse.table4_cells import read_table4_across, read_table4_cells
from gongkai.annual.parse.tables_text import split_cells
from tests.annual.parse.as_documents import as_html
from tests.conftest import FIXTURES

BASE = (
    FIXTURES / "redteam6" / "crawled-table4-transposed-one-line-per-result-three-groups-across.txt"
)
TITLE = "四、政府信息公开行政复议、行政诉讼情况\n"
BAD_CODES = {"SECTION_NOT_FOUND", "TABLE_NOT_FOUND", "ROW_NOT_FOUND", "INTERNAL_ERROR"}
WARNED_ROWS = {"ROW_INFERRED", "ROW_TOO_FEW", "ROW_TOO_MANY", "VALUES_UNASSIGNED", "ROW_DUPLICATE"}
HEADER = "项目 行政复议 行政诉讼（未经复议直接起诉） 行政诉讼（复议后起诉）"
LINES = (
    "结果维持 9 4 3",
    "结果纠正 2 1 0",
    "其他结果 1 0 1",
    "尚未审结 3 2 1",
    "总计 15 7 5",
)
RECONSIDERATION = {"upheld": 9, "corrected": 2, "other": 1, "pending": 3, "total": 15}
DIRECT = {"upheld": 4, "corrected": 1, "other": 0, "pending": 2, "total": 7}
AFTER = {"upheld": 3, "corrected": 0, "other": 1, "pending": 1, "total": 5}


def _text(*lines: str) -> str:
    text = BASE.read_text(encoding="utf-8")
    head, rest = text.split(TITLE, 1)
    tail = rest[rest.index("五、存在的主要问题") :]
    return head + TITLE + "\n".join(lines) + "\n" + tail


def _report(*lines: str) -> AnnualReport:
    return parse_bytes(_text(*lines).encode("utf-8"), "样本.txt")


def _codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def _rows(*lines: str) -> list[Row]:
    return [Row(i, split_cells(line), line, i + 1) for i, line in enumerate(lines)]


def _confidence(report: AnnualReport) -> float:
    assert report.confidence is not None
    return report.confidence["table4"]


def _table4(report: AnnualReport) -> dict[str, object]:
    table: dict[str, object] = report.to_dict()["table4"]
    return table


def test_the_red_team_table_is_read_by_the_headers_groups_and_each_lines_column() -> None:
    report = _report(HEADER, *LINES)
    assert _table4(report) == {
        "reconsideration": RECONSIDERATION,
        "litigation_direct": DIRECT,
        "litigation_after_reconsideration": AFTER,
    }
    assert _confidence(report) == 1.0
    assert not set(_codes(report)) & (BAD_CODES | WARNED_ROWS)
    said = [d for d in report.diagnostics or () if d["code"] == "TABLE4_ONE_CELL_A_ROW"]
    assert len(said) == 1
    assert "转置" in str(said[0]["message"])
    assert "行政复议、未经复议直接起诉、复议后起诉" in str(said[0]["message"])


@pytest.mark.parametrize(
    ("header", "order"),
    [
        (
            ("项目 行政诉讼（复议后起诉） 行政诉讼（未经复议直接起诉） 行政复议",),
            ("litigation_after_reconsideration", "litigation_direct", "reconsideration"),
        ),
        (
            ("项目 行政诉讼 行政复议", "未经复议直接起诉 复议后起诉"),
            ("litigation_direct", "litigation_after_reconsideration", "reconsideration"),
        ),
        (
            ("（单位：件）", "项目 行政复议 行政诉讼", "复议后起诉 未经复议直接起诉"),
            ("reconsideration", "litigation_after_reconsideration", "litigation_direct"),
        ),
    ],
)
def test_the_groups_are_read_in_the_order_the_header_prints_them(
    header: tuple[str, ...], order: tuple[str, ...]
) -> None:
    report = _report(*header, *LINES)
    table = _table4(report)
    for key, expected in zip(order, (RECONSIDERATION, DIRECT, AFTER), strict=True):
        assert table[key] == expected
    assert _confidence(report) == 1.0
    assert not set(_codes(report)) & (BAD_CODES | WARNED_ROWS)


def test_lines_in_another_order_are_each_read_into_the_column_they_name() -> None:
    report = _report(HEADER, *reversed(LINES))
    assert _table4(report)["reconsideration"] == RECONSIDERATION
    assert _table4(report)["litigation_after_reconsideration"] == AFTER


def test_a_total_that_does_not_add_up_is_read_as_printed_and_the_check_reports_it() -> None:
    report = _report(HEADER, *LINES[:4], "总计 16 7 5")
    assert _table4(report)["reconsideration"] == {**RECONSIDERATION, "total": 16}
    assert _table4(report)["litigation_direct"] == DIRECT
    assert "T4.E001" in {f.code for f in check(report)}


def test_a_column_not_printed_stays_null_and_is_said() -> None:
    report = _report(HEADER, *LINES[:2], *LINES[3:])
    assert _table4(report)["reconsideration"] == {**RECONSIDERATION, "other": None}
    assert _table4(report)["litigation_direct"] == {**DIRECT, "other": None}
    assert "ROW_NOT_FOUND" in _codes(report)
    assert _confidence(report) == 0.8


def test_a_markdown_rows_blank_cell_is_null_never_zero_nor_shifted() -> None:
    rows = _rows(
        "| 项目 | 行政复议 | 未经复议直接起诉 | 复议后起诉 |",
        "| 结果维持 | 9 |  | 3 |",
        *(f"| {' | '.join(line.split())} |" for line in LINES[1:]),
    )
    notes = Notes("样本.md")
    reading = read_table4_cells(rows, notes)
    assert reading is not None
    assert reading.cells["reconsideration"][0] == 9
    assert reading.cells["litigation_direct"][0] is None
    assert reading.cells["litigation_after_reconsideration"][0] == 3
    codes = [item["code"] for item in notes.items]
    assert codes.count("CELL_BLANK") == 1
    assert "TABLE4_ONE_CELL_A_ROW" in codes


def test_an_html_table_printed_across_is_read_the_same() -> None:
    piped = [f"| {' | '.join(line.split())} |" for line in (HEADER, *LINES)]
    report = parse_bytes(as_html(_text(*piped)), "样本.html")
    assert _table4(report) == {
        "reconsideration": RECONSIDERATION,
        "litigation_direct": DIRECT,
        "litigation_after_reconsideration": AFTER,
    }
    assert not set(_codes(report)) & (BAD_CODES | WARNED_ROWS)


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(("项目 甲 乙 丙", *LINES), id="no-group-named"),
        pytest.param(("项目 行政复议 行政诉讼", *LINES), id="two-groups-named"),
        pytest.param((HEADER, *LINES[:4], "结果维持 1 1 1"), id="column-twice"),
        pytest.param((HEADER, "结果维持 9 4", *LINES[1:]), id="two-numbers-on-a-text-line"),
        pytest.param((HEADER, "结果维持 9 4 3 1", *LINES[1:]), id="four-numbers"),
        pytest.param((HEADER, "行政复议 结果维持 9 4 3", *LINES[1:]), id="a-group-beside-numbers"),
        pytest.param((HEADER, "9 4 3", *LINES[1:]), id="a-line-naming-no-column"),
        pytest.param((HEADER, *LINES[:2]), id="too-few-lines"),
        pytest.param(
            ("项目 行政诉讼（未经复议直接起诉） 行政复议 行政诉讼（复议后起诉）", *LINES),
            id="headings-interleaved",
        ),
        pytest.param(
            ("项目 行政复议 未经复议直接起诉 复议后起诉 总计", *LINES), id="a-column-in-the-header"
        ),
    ],
)
def test_an_unclear_layout_is_not_read_across(lines: tuple[str, ...]) -> None:
    assert read_table4_across(_rows(*lines), Notes("样本.txt")) is None


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param((HEADER, *LINES[:4], "结果维持 1 1 1"), id="column-twice"),
        pytest.param((HEADER, "结果维持 9 4", *LINES[1:]), id="two-numbers-on-a-text-line"),
    ],
)
def test_an_unclear_layout_is_never_misplaced_in_the_report(lines: tuple[str, ...]) -> None:
    report = _report(*lines)
    table = _table4(report)
    for key, expected in (
        ("reconsideration", RECONSIDERATION),
        ("litigation_direct", DIRECT),
        ("litigation_after_reconsideration", AFTER),
    ):
        assert table[key] in (expected, dict.fromkeys(expected))
    assert _confidence(report) < 1.0


def test_the_usual_table_read_whole_is_never_read_across() -> None:
    rows = _rows(
        "项目 结果维持 结果纠正 其他结果 尚未审结 总计",
        "行政复议 9 2 1 3 15",
        "未经复议直接起诉 4 1 0 2 7",
        "复议后起诉 3 0 1 1 5",
    )
    assert read_table4_across(rows, Notes("样本.txt")) is None
