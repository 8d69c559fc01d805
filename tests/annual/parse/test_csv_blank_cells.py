"""A CSV row's blank cells are its doubled commas (``规章,1,,3``): normalising keeps them,
where it folds the doubled commas prose was copied with (``2024年,,市数据局``)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual.parse import normalize as n
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.normalize import is_csv_row, normalize_text
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.rows import document_rows
from tests.conftest import FIXTURES

CSV_REPORT = (
    FIXTURES
    / "redteam6"
    / "csv-export-township-title-year-in-chinese-numerals-in-lenticular-brackets.txt"
)


@pytest.mark.parametrize(
    "line",
    [
        "行政许可,0,,",
        "规章,1,,3",
        "规章, 1 ,, 3",
        '行政事业性收费,"1,234",,',
        '"3.危及""稳定""",0,,0',
    ],
)
def test_a_csv_rows_doubled_commas_are_its_blank_cells_and_stay(line: str) -> None:
    assert is_csv_row(line)
    assert normalize_text(line, simplify=False).count(",") == line.count(",") - line.count('"1,')


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("情况,。2024年,,市数据局", "情况。2024年,市数据局"),  # prose
        ("第二十条第(五)项,,,", "第二十条第(五)项,"),  # a heading: no number after it
        ("信息内容,本年处理决定数量,,", "信息内容,本年处理决定数量,"),  # a header line
        ("规章 | 1,,3 | 0", "规章 | 1,3 | 0"),  # a Markdown row: its cells are between pipes
        ("行政许可,0,,。", "行政许可,0。"),  # a stop after the cells: prose
    ],
)
def test_doubled_commas_elsewhere_are_still_folded(raw: str, expected: str) -> None:
    assert normalize_text(raw, simplify=False) == expected


def test_a_csv_line_beside_prose_keeps_its_blanks_and_the_prose_is_repaired() -> None:
    text = "2024年,,市数据局共收到申请3件。\n规章,1,,3\n办结率100%,,。"
    assert (
        normalize_text(text, simplify=False)
        == "2024年,市数据局共收到申请3件。\n规章,1,,3\n办结率100%。"
    )


def test_a_csv_table_with_a_blank_cell_inside_a_row_is_read_by_its_columns() -> None:
    """``规章,1,,3`` (made 1, repealed blank, in force 3): its blank cell's commas kept, the
    line stays in the CSV table's block and 3 is read as in force, not as repealed."""
    text = CSV_REPORT.read_text(encoding="utf-8").replace("规章,0,0,0", "规章,1,,3")
    cells = [row.cells for row in document_rows(read_document(text.encode("utf-8"), "csv.txt"))]
    assert ("规章", "1", "", "3") in cells
    report = parse_bytes(text.encode("utf-8"), "csv.txt")
    table2 = report.to_dict()["table2"]
    assert table2["regulations"] == {"made": 1, "repealed": None, "in_force": 3}
    assert table2["normative_documents"] == {"made": 0, "repealed": 0, "in_force": 2}


def test_a_label_and_numbers_line_keeps_its_blank_cells() -> None:
    text = CSV_REPORT.read_text(encoding="utf-8")
    cells = [row.cells for row in document_rows(read_document(text.encode("utf-8"), "csv.txt"))]
    assert ("行政许可", "0", "", "") in cells
    assert ("行政事业性收费", "0", "", "") in cells


def _line_by_line(text: str) -> str:
    """What the comma pass does, one line (or cell) at a time."""
    pieces = re.split(r"([\n\x1f])", text)
    return "".join(
        n._COMMA_BEFORE_OTHER_PUNCT_RE.sub("", piece)
        if ",," in piece and is_csv_row(piece)
        else n._COMMA_BEFORE_PUNCT_RES[0].sub("", piece)
        for piece in pieces
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(',,,0 1"规章。、\n\x1f')), max_size=40))
def test_only_csv_rows_keep_their_doubled_commas_wherever_they_stand(text: str) -> None:
    assert n._without_commas_before_punctuation(text) == _line_by_line(text)
