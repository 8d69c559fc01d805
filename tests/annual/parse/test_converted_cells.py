"""Cells and lines of PDF → Markdown conversions and OCR output (issue 13, shape 2): words
around a cell's number, the letter O for 0, page footers in table rows, ``<br>`` in cells."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.cells import (
    NOTE_APPROXIMATE,
    NOTE_DASH_AS_YI,
    NOTE_LETTER_L,
    NOTE_LETTER_O,
    Kind,
    read_value,
)
from gongkai.annual.parse.detect import detect_format
from gongkai.annual.parse.tables_text import split_cells


@pytest.mark.parametrize(
    ("cell", "number", "note"),
    [
        ("共218件", 218, None),
        ("合计12", 12, None),
        ("共计7件", 7, None),
        ("约12000", 12000, NOTE_APPROXIMATE),
        ("近300件", 300, NOTE_APPROXIMATE),
        ("O", 0, NOTE_LETTER_O),
        ("o", 0, NOTE_LETTER_O),
        ("1O", 10, NOTE_LETTER_O),
        ("2o5", 205, NOTE_LETTER_O),
        ("l", 1, NOTE_LETTER_L),
        ("I", 1, NOTE_LETTER_L),
        ("1l", 11, NOTE_LETTER_L),
        ("lO", 10, NOTE_LETTER_L),
        ("2I4", 214, NOTE_LETTER_L),
        ("12（其中简易程序5件）", 12, None),
        ("12（其中修订4件）（含转发2件）", 12, None),
        ("3[到期失效]", 3, None),
        ("3【废止】", 3, None),
        ("58（含自然失效9件", 58, None),
        ("共137件，其中变更12件", 137, None),
        ("9，含转发3件", 9, None),
        ("５件", 5, None),
    ],
)
def test_words_around_a_number_leave_the_number(cell: str, number: int, note: str | None) -> None:
    value = read_value(cell)
    assert (value.kind, value.number, value.note) == (Kind.NUMBER, Decimal(number), note)


@pytest.mark.parametrize(
    "cell",
    [
        *("共", "合计", "约", "逾300", "OK", "Oo1a", "共收到申请12件", "约有", "ll1a", "Il-1"),
        *("5件，另有2件", "12（", "12（3）（", "1.属于国家秘密", "2024年（含）"),
    ],
)
def test_words_that_are_not_a_number_stay_text(cell: str) -> None:
    assert read_value(cell).kind is Kind.TEXT


@pytest.mark.parametrize("footer", ["- 4 -", "— 4 —", "第 4 页 共 9 页", "第4页"])
def test_a_page_footer_in_a_markdown_table_row_is_no_cell(footer: str) -> None:
    assert split_cells(f"| {footer} | | | |") == ("", "", "", "", "", "")
    assert split_cells("| 规章 | - | 0 | 0 |")[2] == "-"  # a placeholder stays


def test_markdown_with_br_in_its_pipe_cells_is_text_not_html() -> None:
    text = "# 标题\n\n| 行政规范性<br>文件 | 2 | 1 | 9 |\n|---|---|---|---|\n"
    assert detect_format(text.encode()) == "text"
    assert detect_format(b"<p>a<br>b</p>\n| a | b |\n") == "html"


def test_ocr_letter_o_and_approximate_figures_are_read_and_said() -> None:
    text = (
        "样例市某局2025年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "| 第二十条第（五）项 | |\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 约1200 |\n"
        "| 第二十条第（六）项 | |\n| 信息内容 | 本年处理决定数量 |\n| 行政处罚 | 1O |\n"
        "| 行政强制 | O |\n"
    )
    report = parse_bytes(text.encode("utf-8"), "样本.txt")
    assert (report.table2.licensing, report.table2.punishment, report.table2.coercion) == (
        1200,
        10,
        0,
    )
    found = {d["code"]: d for d in report.diagnostics or ()}
    assert found["APPROXIMATE_NUMBER"]["cells"] == ["约1200"]
    assert "约数" in str(found["APPROXIMATE_NUMBER"]["message"])
    letters = [d for d in report.diagnostics or () if d["code"] == "LETTER_O_AS_ZERO"]
    assert [d["cells"] for d in letters] == [["1O"], ["O"]]
    assert all("字母 O" in str(d["message"]) for d in letters)


def test_a_lone_yi_in_a_number_cell_is_a_dash_never_one() -> None:
    """OCR (or a font) turns the dash of an empty cell into 一: read as a placeholder
    (null), never as 1, and said; 一件 and 十一 stay numbers."""
    value = read_value("一")
    assert (value.kind, value.number, value.note) == (Kind.PLACEHOLDER, None, NOTE_DASH_AS_YI)
    assert read_value("一件").number == Decimal(1)
    assert read_value("十一").number == Decimal(11)
    text = (
        "样例县某局2025年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "| 第二十条第（六）项 | |\n| 信息内容 | 本年处理决定数量 |\n| 行政处罚 | l2 |\n"
        "| 行政强制 | 一 |\n"
    )
    report = parse_bytes(text.encode("utf-8"), "样本.txt")
    assert (report.table2.punishment, report.table2.coercion) == (12, None)
    found = {d["code"]: d for d in report.diagnostics or ()}
    assert found["YI_AS_DASH"]["cells"] == ["一"]
    assert found["LETTER_L_AS_ONE"]["cells"] == ["l2"]
