"""Tables exported as CSV inside a text report (issue 13): a block of lines of as many
commas is split at them, with RFC 4180 quoting; prose with ASCII commas never is."""

from __future__ import annotations

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.document import Block, Document, Grid, Line
from gongkai.annual.parse.rows import csv_rows, document_rows
from gongkai.annual.parse.tables_text import split_csv
from tests.conftest import FIXTURES

CSV_REPORT = (
    FIXTURES
    / "redteam6"
    / "csv-export-township-title-year-in-chinese-numerals-in-lenticular-brackets.txt"
)


def _lines(*texts: str) -> list[Block]:
    return [Line(text, number) for number, text in enumerate(texts, start=1)]


def _cells(*texts: str) -> list[tuple[str, ...]]:
    document = Document("t.txt", "text", _lines(*texts))
    return [row.cells for row in document_rows(document)]


def test_a_quoted_cell_keeps_its_comma_and_doubled_quotes_are_one() -> None:
    assert split_csv('行政事业性收费,"1,234",,') == ("行政事业性收费", "1,234", "", "")
    assert split_csv('"3.危及""三安全一稳定""",0,0,0') == ('3.危及"三安全一稳定"', "0", "0", "0")
    assert split_csv('"规章" , 1 ,2,3') == ("规章", "1", "2", "3")


def test_a_line_that_cannot_be_a_csv_row_is_none() -> None:
    assert split_csv('"规章,0,0,0') is None  # a quotation mark left open
    assert split_csv('"规章"x,0,0,0') is None  # text after a closing one
    assert split_csv("| 规章 | 0,1 | 0 | 0,2 |") is None
    assert split_csv("规章 1,234 2,345 3,456") is None  # numbers grouped by commas


def test_a_csv_table_is_read_with_its_cells_blanks_kept() -> None:
    cells = _cells(
        "二、主动公开政府信息情况",
        "信息内容,本年制发件数,本年废止件数,现行有效件数",
        "规章,1,,3",
        '"行政规范性文件,含转发",4,5,"1,206"',
        "三、收到和处理政府信息公开申请情况",
    )
    assert cells == [
        ("二、主动公开政府信息情况",),
        ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        ("规章", "1", "", "3"),
        ("行政规范性文件,含转发", "4", "5", "1,206"),
        ("三、收到和处理政府信息公开申请情况",),
    ]


def test_two_lines_alone_or_a_grid_between_them_make_no_csv_table() -> None:
    assert _cells("规章,1,2,3", "行政规范性文件,4,5,6") == [
        ("规章,1,2,3",),
        ("行政规范性文件,4,5,6",),
    ]
    blocks = [
        *_lines("规章,1,2,3", "行政规范性文件,4,5,6"),
        Grid((("a", "b"),)),
        *_lines("x,1,2,3"),
    ]
    assert csv_rows(blocks) == {}


def test_blank_lines_between_rows_do_not_break_the_block() -> None:
    cells = _cells("规章,1,2,3", "", "行政规范性文件,4,5,6", "   ", "其他,7,8,9")
    assert cells == [
        ("规章", "1", "2", "3"),
        ("行政规范性文件", "4", "5", "6"),
        ("其他", "7", "8", "9"),
    ]


def test_prose_with_ascii_commas_is_never_split() -> None:
    prose = (
        "本年度,我们加强培训,完善制度,提升公开质量。",
        "下一步,将继续加强培训,完善制度,提升服务水平。",
        "同时,做好政策解读,回应关切,营造良好氛围。",
    )
    assert csv_rows(_lines(*prose)) == {}
    assert _cells(*prose) == [(text,) for text in prose]


def test_a_prose_line_beside_a_csv_table_is_untouched() -> None:
    prose = "本年度,我们加强培训,完善制度,提升公开质量,共办理12件。"
    cells = _cells("规章,1,2,3", "行政规范性文件,4,5,6", "其他,7,8,9", prose, "行政许可,0,")
    assert cells[3] == (prose,)
    assert cells[4] == ("行政许可", "0", "")  # a label and numbers: split in a CSV document


def test_a_label_and_numbers_line_is_not_split_without_a_csv_block() -> None:
    assert _cells("行政许可,0,", "本年度共办理12件") == [("行政许可,0,",), ("本年度共办理12件",)]


def test_the_csv_report_reads_whole_and_a_quoted_fee_is_one_number() -> None:
    text = CSV_REPORT.read_text(encoding="utf-8")
    assert "行政事业性收费,0,," in text
    text = text.replace("行政事业性收费,0,,", '行政事业性收费,"1,234",,')
    report = parse_bytes(text.encode("utf-8"), "csv.txt")
    table2 = report.to_dict()["table2"]
    assert table2["fees"] == 1234
    assert table2["normative_documents"] == {"made": 0, "repealed": 0, "in_force": 2}
    assert report.table3.row("received") == (8, 1, 0, 0, 0, 0, 9)
    assert report.table3.row("carried_forward") == (1, 0, 0, 0, 0, 0, 1)
    codes = {str(d["code"]) for d in report.diagnostics or ()}
    assert not codes & {"ROW_TOO_FEW", "ROW_NOT_FOUND", "TABLE_NOT_FOUND"}
