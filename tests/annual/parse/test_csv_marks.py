"""Whether a document can hold a table exported as CSV is told before any line is split
(``rows.may_hold_csv``): prose with ASCII commas is passed over, and no CSV table is ever
missed for it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.document import Block, Line
from gongkai.annual.parse.rows import _scanned_csv_rows, csv_rows, may_hold_csv
from tests.conftest import FIXTURES

CSV_REPORT = (
    FIXTURES
    / "redteam6"
    / "csv-export-township-title-year-in-chinese-numerals-in-lenticular-brackets.txt"
)


def _lines(*texts: str) -> list[Block]:
    return [Line(text, number) for number, text in enumerate(texts, start=1)]


def test_prose_whose_commas_stand_before_words_cannot_hold_a_csv_table() -> None:
    """Commas before 无, a count with its unit and words, a year between spaces: none of
    them before a cell that is blank or a number."""
    prose = _lines(
        "2024年,本机关无申请行政复议,无被举报和投诉,依法依规答复公开,1件属不掌握相关信息。",
        "作为区政府门户网站技术运维管理部门, 2023 年, 区政务服务和大数据管理局围绕中心工作。",
        "下一步,将继续加强培训,完善制度,-提升服务水平,nanjing 路演,None 之外。",
    )
    assert not may_hold_csv(prose)
    assert csv_rows(prose) == {}


def test_a_comma_before_a_blank_a_number_or_a_quoted_cell_may_open_a_table() -> None:
    for line in ("行政许可,0,", "规章, 1 ,2", "规章,,", '规章,"1,234"', "规章,-,/", "规章,无,nan"):
        assert may_hold_csv(_lines("二、主动公开政府信息情况", line)), line


def test_a_csv_report_is_still_read_and_its_blank_cells_kept() -> None:
    text = CSV_REPORT.read_text(encoding="utf-8")
    report = parse_bytes(text.encode("utf-8"), "csv.txt")
    assert report.table3.row("received") == (8, 1, 0, 0, 0, 0, 9)
    assert report.to_dict()["table2"]["normative_documents"] == {
        "made": 0,
        "repealed": 0,
        "in_force": 2,
    }


_CELL = st.one_of(
    st.sampled_from(["", " ", "规章", "行政 许可", "1件属", "0", '"1,234"', "-", "无", "nan"]),
    st.text(alphabet='规章行政许可无 "0123456789-nN.', max_size=8),
)
_TABLE = st.integers(min_value=4, max_value=6).flatmap(
    lambda width: st.lists(
        st.lists(_CELL, min_size=width, max_size=width).map(",".join), min_size=3, max_size=5
    )
)
"""Lines of as many cells, as a CSV table's, whose cells may be words, blanks or values."""


@settings(max_examples=300, deadline=None)
@given(_TABLE)
@example(["规章,,行政许可,规章"] * 3)
@example(['规章,"1,234",行政许可,规章'] * 3)
def test_a_document_that_cannot_hold_a_csv_table_has_none_when_every_line_is_read(
    texts: list[str],
) -> None:
    """``may_hold_csv`` never turns away a document in which reading every line would find
    a CSV table."""
    blocks = _lines(*texts)
    if not may_hold_csv(blocks):
        assert _scanned_csv_rows(blocks) == {}
    assert csv_rows(blocks) == _scanned_csv_rows(blocks)
