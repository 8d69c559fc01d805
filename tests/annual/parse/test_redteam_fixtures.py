"""A third red team's hand-made fixtures (shapes 2–4 of issue 13): converters' Markdown
and HTML tables, reports numbering their own sections, organ and year in more titles.

The fixtures with an ``.expected.json`` are compared cell by cell by
``test_fixture_reports``; here are the notes each must (or must not) give. A fixture
whose rule lives in a module this red team does not own has its expected values in a
``.pending.json`` beside it instead (so the shared fixture test stays green) and is
compared here, marked ``xfail(strict=True)`` with the fix it needs: when the fix lands the
test fails as XPASS, and the file is renamed to ``.expected.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes, parse_file
from gongkai.annual.parse.labels import table2_labels, table3_labels, table4_labels
from gongkai.annual.parse.recognize import _title_kind
from tests.annual.parse.redteam import BAD_CODES, WARNED_ROWS, codes, pending_params
from tests.annual.parse.test_fixture_reports import differences
from tests.conftest import FIXTURES


def _path(name: str) -> Path:
    return next(FIXTURES.glob(f"*/{name}.txt"))


def _pending(name: str) -> dict[str, Any]:
    path = next(FIXTURES.glob(f"*/{name}.pending.json"))
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


PENDING: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    pending_params(PENDING),
)
def test_pending_fixture_reads_whole(name: str) -> None:
    report = parse_file(_path(name))
    assert differences(report, _pending(name)) == []
    assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_letter_o_in_tables_three_and_four_is_read_as_zero_and_said_each_time() -> None:
    report = parse_file(_path("ocr_lost_leading_pipes_letter_o_in_tables_3_and_4"))
    found = [d for d in report.diagnostics or () if d["code"] == "LETTER_O_AS_ZERO"]
    assert [d["cells"] for d in found] == [["O"], ["o"], ["O"], ["O"]]
    assert sum("表四" in str(d["message"]) for d in found) == 1


def test_thousands_separators_are_one_number() -> None:
    report = parse_file(_path("markdown_alignment_rows_doubled_header_rows_thousands_separators"))
    assert (report.table2.licensing, report.table2.punishment) == (1234, 2015)
    assert "ROW_DUPLICATE" not in codes(report)  # the repeated header rows are no rows


def test_table4_header_rows_printed_twice_are_no_conflict() -> None:
    report = parse_file(_path("markdown_alignment_rows_doubled_header_rows_thousands_separators"))
    assert "TABLE4_HEADINGS_CONFLICT" not in codes(report)


def test_html_tables_with_placeholder_headers_and_a_blank_total_say_only_the_blank() -> None:
    report = parse_file(_path("html_tables_placeholder_th_br_notes_footers_table3_in_three"))
    blanks = [d for d in report.diagnostics or () if d["code"] == "CELL_BLANK"]
    assert [d.get("row") for d in blanks] == ["table3.other.other"]
    row = report.table3.row("other.other")
    assert row[-1] is None  # the 总计 cell printed blank: never 0
    assert None not in row[:-1]


@pytest.mark.parametrize(
    "name",
    [
        "six_section_titles_listed_in_the_preface_before_the_sections",
        "contents_list_of_the_six_sections_before_them_dot_leaders",
    ],
)
def test_a_list_of_the_six_titles_before_the_sections_is_not_their_headings(name: str) -> None:
    report = parse_file(_path(name))
    assert report.sections is not None
    assert report.sections["1"].startswith("2025年，我们坚持以公开为常态")
    assert report.sections["5"] == "信息公开的及时性还有差距。"
    assert report.sections["6"].startswith("本年度未收取信息处理费。")


def test_sections_numbered_in_brackets_keep_their_own_numbered_paragraphs() -> None:
    name = "sections_numbered_in_brackets_subheadings_1_dun_guifanxing_wenjian_no_guizhang_xingzheng_fa_fuyi"
    report = parse_file(_path(name))
    assert report.sections is not None
    assert report.sections["1"].startswith("1、主动公开")
    assert "3、政府信息管理" in report.sections["1"]
    assert report.sections["5"].startswith("1、公开的深度不够")
    assert "ROW_NOT_PRINTED" in codes(report)  # no 规章 row: said, left blank
    assert report.table2.regulations.made is None


@pytest.mark.parametrize(
    ("table", "cell", "key"),
    [
        ("4", "尚末审结", "pending"),
        ("4", "末经复议直接起诉", "litigation_direct"),
        ("3", "5.要求行政机关确认或重新出具己获取信息", "not_processed.confirmation"),
        ("3", "5.要求行政机关确认或重新出具巳获取信息", "not_processed.confirmation"),
        ("2", "年末现行有效件数", "in_force"),
    ],
)
def test_characters_ocr_reads_for_wei_and_yi_leave_the_label(
    table: str, cell: str, key: str
) -> None:
    labels = {"2": table2_labels, "3": table3_labels, "4": table4_labels}[table]()
    assert labels.match(cell)[0].key == key


def test_table4_header_with_mo_for_wei_still_orders_its_columns() -> None:
    report = parse_file(_path("ocr_mo_for_wei_ji_for_yi_in_labels_table4_columns_reordered"))
    assert "TABLE4_REORDERED" in codes(report)
    assert not set(codes(report)) & WARNED_ROWS


def _markdown_report(table3_row: str) -> str:
    """A bare report whose table 三 prints only ``table3_row`` under its header."""
    header = (
        "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 申请人情况 "
        "| | | | | | |\n|---|---|---|---|---|---|---|---|---|\n"
        "| | | 自然人 | 法人或其他组织 | | | | | 总计 |\n"
        "| | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |\n"
    )
    return (
        "样例县某局2025年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        f"{header}{table3_row}\n四、政府信息公开行政复议、行政诉讼情况\n"
    )


def test_a_markdown_row_that_lost_a_pipe_between_two_numbers_is_not_shifted() -> None:
    row = "| 三、本年度办理结果 | （一）予以公开 | 123 | 1 | 0 | 1 | 0 | 17 |"
    report = parse_bytes(_markdown_report(row).encode("utf-8"), "样本.txt")
    assert report.table3.row("granted") in ((12, 3, 1, 0, 1, 0, 17), (None,) * 7)
    assert "ROW_TOO_FEW" in codes(report)  # (the blank after the closing | is no cell)


def test_a_markdown_row_printing_its_last_cell_blank_keeps_it_blank() -> None:
    row = "| 三、本年度办理结果 | （一）予以公开 | 12 | 3 | 1 | 0 | 1 | 0 |  |"
    report = parse_bytes(_markdown_report(row).encode("utf-8"), "样本.txt")
    assert report.table3.row("granted") == (12, 3, 1, 0, 1, 0, None)


def test_a_markdown_row_that_lost_a_pipe_beside_a_space_is_read_whole() -> None:
    row = "| 三、本年度办理结果 | （一）予以公开 | 12 3 | 1 | 0 | 1 | 0 | 17 |"
    report = parse_bytes(_markdown_report(row).encode("utf-8"), "样本.txt")
    assert report.table3.row("granted") == (12, 3, 1, 0, 1, 0, 17)


SPLIT_BY_COLUMNS = (
    "markdown_table3_split_by_columns_labels_printed_again",
    "markdown_table3_split_by_columns_second_without_labels",
)
"""Table 三 split by its columns into two tables (read whole as text, HTML, DOCX and,
each half running over a page break, PDF: ``test_fixtures_as_documents``)."""


@pytest.mark.parametrize("name", SPLIT_BY_COLUMNS)
def test_a_markdown_table3_split_by_its_columns_is_joined(name: str) -> None:
    report = parse_file(_path(name))
    expected = json.loads(next(FIXTURES.glob(f"*/{name}.expected.json")).read_text("utf-8"))
    assert differences(report, expected) == []
    assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


# ------------------------------------------------------------- the fourth red team (rt4-*)


def _blank_rows(report: AnnualReport) -> list[str | None]:
    return [d.get("row") for d in report.diagnostics or () if d["code"] == "CELL_BLANK"]


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("rt4-md-table2-notes-in-cells-footer-row-in-table3-blank-total", "unavailable.not_held"),
        (
            "rt4-md-labels-above-values-footer-between-label-and-values-blank-total",
            "partially_granted",
        ),
    ],
)
def test_rt4_a_blank_total_cell_stays_blank_and_is_said_once(name: str, row: str) -> None:
    report = parse_file(_path(name))
    assert _blank_rows(report) == [f"table3.{row}"]
    assert report.table3.row(row)[-1] is None
    assert None not in report.table3.row(row)[:-1]
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_rt4_table4_on_one_markdown_row_with_a_blank_total_reads_each_cell() -> None:
    report = parse_file(_path("rt4-md-notes-in-table3-cells-wrapped-labels-table4-blank-total"))
    assert report.table4.litigation_direct.total is None
    assert (
        report.table4.litigation_after_reconsideration.upheld,
        report.table4.reconsideration.total,
    ) == (1, 5)
    assert "CELL_BLANK" in codes(report)
    assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)
    assert report.confidence is not None and report.confidence["table4"] == 1.0


def _table4_report(cells: str) -> str:
    header = (
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        "| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 "
        "| 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
    )
    return (
        "样例县某局2025年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
        f"{header}{cells}\n五、存在的主要问题及改进情况\n"
    )


def test_rt4_table4_markdown_row_with_its_first_cell_blank_is_not_shifted() -> None:
    row = "|  | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 |"
    report = parse_bytes(_table4_report(row).encode("utf-8"), "样本.txt")
    got = report.table4.reconsideration
    assert (got.upheld, got.corrected, got.total) == (None, 1, 1)
    assert report.table4.litigation_direct.total == 2
    assert "CELL_BLANK" in codes(report)


def test_rt4_table4_markdown_row_one_cell_short_is_not_read_by_position() -> None:
    row = "| 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 |"  # 14 cells, none blank
    report = parse_bytes(_table4_report(row).encode("utf-8"), "样本.txt")
    assert report.table4.reconsideration.upheld is None
    assert "ROW_TOO_FEW" in codes(report)


def test_rt4_a_total_row_printed_as_zeros_is_read_as_printed() -> None:
    report = parse_file(_path("rt4-md-table3-total-row-printed-zeros-table4-total-wrong"))
    assert report.table3.row("handled_total") == (0,) * 7
    assert report.table4.reconsideration.total == 2  # printed so, though 1+0+0+0


def test_rt4_a_total_row_printed_blank_is_never_zero() -> None:
    report = parse_file(_path("rt4-md-total-row-all-blank-table2-licensing-blank"))
    assert report.table3.row("handled_total") == (None,) * 7
    assert report.table2.licensing is None


def test_rt4_narrative_parts_then_tables_under_their_own_numbers() -> None:
    name = "rt4-parts-narrative-then-tables-own-numbers-no-guizhang-xingzhengfa-fuyi"
    report = parse_file(_path(name))
    assert report.sections is not None
    assert report.sections["2"] == "主动公开情况详见附表一。"
    assert report.sections["4"].startswith("本年度未发生行政复议")
    assert "ROW_NOT_PRINTED" in codes(report)
    assert report.table2.regulations.made is None


def test_rt4_tables_titled_by_their_own_numbers_leave_part_six() -> None:
    report = parse_file(_path("rt4-parts-titled-di-n-bufen-tables-titled-biao-n-after-them"))
    assert report.sections is not None
    assert report.sections["2"] == "详见表1。"
    assert report.sections["6"] == "无。\n样例市文化广电旅游局\n2026年1月18日"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("表1 主动公开政府信息情况", "title"),
        ("附表二：收到和处理政府信息公开申请情况", "title"),
        ("表３、政府信息公开行政复议、行政诉讼情况", "title"),
        ("表1 本单位主动公开的文件目录", None),
        ("表格说明：主动公开政府信息情况", None),
    ],
)
def test_rt4_a_tables_own_number_before_a_parts_title(line: str, kind: str | None) -> None:
    assert _title_kind(line) == kind


def test_rt4_table4_row_cut_by_a_page_footer_is_one_row_read_by_its_cells() -> None:
    name = "rt4-md-table4-row-cut-by-page-footer-blank-cell-xingzhengfa-fuyi-notes-in-table2"
    report = parse_file(_path(name))
    assert report.table4.reconsideration.pending is None
    assert report.table4.litigation_direct.total == 3  # (the footer's 8 is no cell)
    assert "CELL_BLANK" in codes(report)
    assert report.confidence is not None and report.confidence["table4"] == 1.0


def test_rt4_two_table4_rows_printing_the_same_column_are_not_joined() -> None:
    first = "| 1 | 0 | 0 | 0 | 1 | 0 | 0 |  |  |  |  |  |  |  |  |"
    second = "|  |  |  |  |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |  |  |"  # 14 numbers in all
    report = parse_bytes(_table4_report(f"{first}\n{second}").encode("utf-8"), "样本.txt")
    assert report.table4.reconsideration.upheld is None
    assert "ROW_TOO_FEW" in codes(report)


@pytest.mark.parametrize(
    "title", ["## 三、收到和处理政府信息公开申请情况", "## 四、政府信息公开行政复议、行政诉讼情况"]
)
def test_rt4_table3_under_other_tables_header_words_without_a_title_is_not_cut(
    title: str,
) -> None:
    name = "rt4-md-table3-in-three-under-table4-and-table2-header-words"
    text = _path(name).read_text(encoding="utf-8")
    assert title in text
    report = parse_bytes(text.replace(title, "").encode("utf-8"), f"{name}.txt")
    expected = json.loads(next(FIXTURES.glob(f"*/{name}.expected.json")).read_text("utf-8"))
    assert differences(report, expected) == []
