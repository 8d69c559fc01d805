"""Tables copied from Excel as tab-separated text (``read_text.join_quoted_cells``).

Excel writes a cell holding a line break between double quotes, over as many lines as it
has, a quote in it doubled (``"结果`` and ``维持"``). Such a record is read as one line with
its tabs, in its first line's place; a quote that closes no cell leaves the text as it is.
"""

from __future__ import annotations

import re
from typing import Any

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.read_text import join_quoted_cells
from gongkai.annual.parse.reader import read_document
from tests.conftest import FIXTURES

EXCEL = (
    "三、收到和处理政府信息公开申请情况\n"
    '\t"（二）部分公开\n'
    '（区分处理的，只计这一情形，不计其他情形）"\t\t0\t1\t0\t0\t0\t0\t1\n'
    "\t（三）不予公开\t1.属于国家秘密\t0\t0\t\t0\t0\t0\t0\n"
    '"结果\n维持"\t"结果\n纠正"\t总计\n'
    "2\t0\t2\n"
)


def numbered(data: bytes) -> list[tuple[int | None, str]]:
    return [(line.number, line.text) for line in read_document(data, "表格.txt").lines()]


def test_a_record_over_lines_is_one_line_in_its_first_lines_place() -> None:
    joined = join_quoted_cells(EXCEL).split("\n")
    assert len(joined) == len(EXCEL.split("\n"))
    assert joined[1] == (
        "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t0\t1\t0\t0\t0\t0\t1"
    )
    assert joined[2] == ""
    assert joined[3] == EXCEL.split("\n")[3]  # (no quote: as printed)
    assert joined[4:8] == ["结果维持\t结果纠正\t总计", "", "", "2\t0\t2"]


def test_the_joined_lines_keep_the_files_numbers() -> None:
    lines = numbered(EXCEL.encode("utf-8"))
    assert [number for number, _ in lines] == [1, 2, 4, 5, 8]
    assert lines[1][1].split("\t")[3:6] == ["0", "1", "0"]
    assert lines[2][1].split("\t")[3:7] == ["0", "0", "", "0"]  # the empty cell stays one


def test_a_doubled_quote_is_one_and_a_break_between_latin_words_a_space() -> None:
    text = '名称\t"Line one\nline ""two"""\t3\n'
    assert join_quoted_cells(text) == '名称\tLine one line "two"\t3\n\n'


def test_windows_line_ends_outside_the_cells() -> None:
    text = '"结果\n维持"\t"其他\n结果"\r\n2\t0\r\n'
    assert join_quoted_cells(text) == "结果维持\t其他结果\n\n\n2\t0\r\n"


def test_a_quote_that_never_closes_leaves_the_text_as_it_is() -> None:
    text = EXCEL + '\t"（六）其他处理\n1.申请人\n2.申请人\n3.其他\n' + "0\n" * 10
    assert join_quoted_cells(text) == text
    closed_by_other_text = '项目\t"结果\n维持"说明\t2\n'
    assert join_quoted_cells(closed_by_other_text) == closed_by_other_text


def test_a_quote_that_starts_a_cell_and_closes_before_its_text_is_the_cells_own() -> None:
    text = '"放管服"改革\t3\n"结果\n维持"\t2\n'
    assert join_quoted_cells(text) == '"放管服"改革\t3\n结果维持\t2\n\n'


def test_a_line_of_one_cell_stays_as_printed() -> None:
    text = '他说：\n"我们要\n做好公开"\n项目\t数量\n'
    assert join_quoted_cells(text) == text


def test_prose_with_quotes_and_no_tabs_is_unchanged() -> None:
    prose = (
        "一、总体情况\n"
        '本局深化"放管服"改革，他说："公开是常态，\n'
        '不公开是例外。"全年主动公开信息120条。\n'
    )
    assert join_quoted_cells(prose) is prose
    assert [text for _, text in numbered(prose.encode("utf-8"))] == [
        "一、总体情况",
        '本局深化"放管服"改革，他说："公开是常态，',
        '不公开是例外。"全年主动公开信息120条。',
    ]


EXCEL_REPORT = (
    FIXTURES
    / "redteam7"
    / "excel-copy-tab-separated-cells-with-line-breaks-quoted-quotes-doubled.txt"
)


def tables(data: bytes) -> dict[str, Any]:
    report = parse_bytes(data, "年报.txt").to_dict()
    return {key: report[key] for key in ("table2", "table3", "table4")}


def test_a_report_copied_from_excel_reads_as_the_one_without_breaks() -> None:
    excel = EXCEL_REPORT.read_text(encoding="utf-8")
    # (its quoted cells hold Chinese text only, broken between two characters)
    unbroken = re.sub(r'"([^"]*)"', lambda m: m.group(1).replace("\n", ""), excel)
    assert unbroken.count("\n") == excel.count("\n") - 19
    read = tables(excel.encode("utf-8"))
    assert read == tables(unbroken.encode("utf-8"))
    assert read["table3"]["withheld.state_secret"] == [0, 0, None, 0, 0, 0, 0]
    assert read["table3"]["not_processed.publication"] == [0, 0, 0, 0, None, 0, 0]
