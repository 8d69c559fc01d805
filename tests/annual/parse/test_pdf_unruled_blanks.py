"""Blank number cells of tables printed without ruling lines (``pdf_layout.unruled_lines``):
a row whose last cells are blank keeps them, as the tabs that end its line, and is read
with those cells null in their own columns, never 0, never shifted, never dropped; a text
file's line, whose whitespace at its end means nothing, is read as before.

The report is written here by hand in the national form, with numbers chosen for it
(each table 三 column adds up), and printed by WeasyPrint without cell borders.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.document import Document, Kind, Line
from gongkai.annual.parse.rows import Row, document_rows
from tests.annual.parse.fixture_documents import pdf_html
from tests.annual.parse.test_fixture_reports import differences
from tests.annual.parse.test_pdf_unruled_tables import _layout, _texts

REPORT: dict[str, Any] = {
    "organ": "样例县交通运输局",
    "year": 2024,
    "format": "2021",
    "table2": {
        "regulations": {"made": 0, "repealed": 0, "in_force": 3},
        "normative_documents": {"made": 2, "repealed": 1, "in_force": 15},
        "licensing": 214,
        "punishment": 37,
        "coercion": 5,
        "fees": 0,
    },
    "table3": {
        "received": [20, 5, 0, 1, 2, 0, 28],
        "carried_over": [2, 1, 0, 0, 0, 0, 3],
        "granted": [8, 2, 0, 0, 1, 0, 11],
        "partially_granted": [3, 0, 0, 0, 0, 0, 3],
        "withheld.state_secret": [0, 0, 0, 0, 0, 0, 0],
        "withheld.prohibited_by_law": [1, 0, 0, 0, 0, 0, 1],
        "withheld.security_stability": [0, 0, 0, 0, 0, 0, 0],
        "withheld.third_party_rights": [1, 1, 0, 0, 0, 0, 2],
        "withheld.internal_affairs": [0, 0, 0, 0, 0, 0, 0],
        "withheld.process_information": [2, 0, 0, 0, 0, 0, 2],
        "withheld.enforcement_files": [0, 0, 0, 0, 0, 0, 0],
        "withheld.query_matters": [0, 0, 0, 0, 0, 0, 0],
        "unavailable.not_held": [3, 1, 0, 1, 0, 0, 5],
        "unavailable.needs_creation": [1, 0, 0, 0, 0, 0, 1],
        "unavailable.still_unclear": [0, 0, 0, 0, 0, 0, 0],
        "not_processed.petition": [1, 0, 0, 0, 1, 0, 2],
        "not_processed.repeated": [0, 0, 0, 0, 0, 0, 0],
        "not_processed.publication": [0, 0, 0, 0, 0, 0, 0],
        "not_processed.excessive": [0, 0, 0, 0, 0, 0, 0],
        "not_processed.confirmation": [0, 0, 0, 0, 0, 0, 0],
        "other.no_correction": [1, 1, 0, 0, 0, 0, 2],
        "other.fee_unpaid": [0, 0, 0, 0, 0, 0, 0],
        "other.other": [0, 0, 0, 0, 0, 0, 0],
        "handled_total": [21, 5, 0, 1, 2, 0, 29],
        "carried_forward": [1, 1, 0, 0, 0, 0, 2],
    },
    "table4": {
        "reconsideration": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2},
        "litigation_direct": {"upheld": 1, "corrected": 1, "other": 0, "pending": 0, "total": 2},
        "litigation_after_reconsideration": {
            "upheld": 0,
            "corrected": 0,
            "other": 0,
            "pending": 1,
            "total": 1,
        },
    },
}

LAST_BLANK = {
    "received": [20, 5, 0, 1, 2, 0, None],
    "not_processed.petition": [1, 0, 0, 0, 1, None, None],
    "carried_forward": [1, 1, 0, 0, 0, 0, None],
}
"""Rows whose last cells are blank: 总计, or 其他 and 总计; the table's last row too."""
MIDDLE_BLANK = {
    "granted": [8, None, 0, 0, 1, 0, 11],
    "withheld.third_party_rights": [1, 1, 0, None, 0, 0, 2],
}


def _with_blanks(*rows: dict[str, list[int | None]]) -> dict[str, Any]:
    expected = copy.deepcopy(REPORT)
    for blanks in rows:
        expected["table3"].update(copy.deepcopy(blanks))
    return expected


# ----------------------------------------------------------------------- lines and rows


def test_a_blank_last_cell_is_laid_out_as_a_tab_ending_the_row() -> None:
    rows = [
        (["一行标签"], ["1", "2", ""]),
        (["两行标签的", "第二行"], ["4", "", ""]),
        (["又一行"], ["7", "8", "9"]),
    ]
    assert _texts(_layout(rows)) == [
        "一行标签\t1\t2\t",
        "两行标签的第二行\t4\t\t",
        "又一行\t7\t8\t9",
    ]


def _row(kind: Kind, text: str) -> Row:
    document = Document(source=f"样本.{kind}", kind=kind)
    document.blocks.append(Line(text, 1, 1 if kind == "pdf" else None))
    (row,) = document_rows(document)
    return row


def _cells(kind: Kind, text: str) -> tuple[str, ...]:
    return _row(kind, text).cells


def test_a_pdf_row_keeps_its_blank_last_cells() -> None:
    assert _cells("pdf", "（一）予以公开\t8\t2\t0\t0\t1\t0\t") == (
        "（一）予以公开",
        *("8", "2", "0", "0", "1", "0"),
        "",
    )
    numbers = ("1", "0", "0", "0", "0")
    assert _cells("pdf", "2.重复申请\t1\t0\t0\t0\t0\t\t") == ("2.重复申请", *numbers, "", "")


@pytest.mark.parametrize("kind", ["text", "docx"])
def test_whitespace_ending_a_line_of_other_documents_is_no_cell(kind: Kind) -> None:
    assert _cells(kind, "（一）予以公开\t8\t2\t0\t0\t1\t0\t") == (
        "（一）予以公开",
        *("8", "2", "0", "0", "1", "0"),
    )


def test_a_pdf_line_of_narrative_is_one_cell() -> None:
    assert _cells("pdf", "本年度共收到申请28件。") == ("本年度共收到申请28件。",)


@pytest.mark.parametrize(
    ("kind", "text", "placed"),
    [
        ("pdf", "（一）予以公开\t8\t\t0\t0\t1\t0\t11", True),
        ("pdf", "（一）予以公开\t8\t2\t0\t0\t1\t0\t", True),
        ("pdf", "\t2\t0\t0\t1\t0\t11", True),
        # a line pdf_layout joined by its gaps: a wide gap is one tab, whatever it spans
        ("pdf", "信息内容\t本年收费金额（单位：万元）", False),
        ("pdf", "（一）予以公开\t8\t2\t0\t0\t1\t0\t11", False),
        ("text", "（一）予以公开\t8\t\t0\t0\t1\t0\t11", False),
        ("docx", "（一）予以公开\t8\t\t0\t0\t1\t0\t11", False),
    ],
)
def test_only_a_pdf_row_laid_out_by_its_columns_places_its_blanks(
    kind: Kind, text: str, placed: bool
) -> None:
    assert _row(kind, text).placed is placed


# ----------------------------------------------------------------------------- reports

weasyprint = pytest.importorskip("weasyprint")


def _parsed(expected: dict[str, Any], page: str) -> tuple[Any, list[dict[str, Any]]]:
    html = pdf_html(expected, ruled=False)
    assert "size: A4;" in html
    html = html.replace("size: A4;", f"size: {page};", 1)
    report = parse_bytes(bytes(weasyprint.HTML(string=html).write_pdf()), "无线空格.pdf")
    return report, list(report.diagnostics or ())


def _blank_rows(diagnostics: list[dict[str, Any]]) -> set[str]:
    return {
        d["row"]
        for d in diagnostics
        if d["code"] in ("CELL_BLANK", "CELL_AMBIGUOUS") and "row" in d
    }


@pytest.mark.slow
@pytest.mark.parametrize("page", ["A4", "A5"])
def test_rows_whose_last_cells_are_blank_are_read_with_them_null(page: str) -> None:
    """总计 left blank (the row's last cell), 其他 and 总计 both, in the table's first,
    middle and last rows (on A5 their labels wrap): each row read, its blanks null."""
    expected = _with_blanks(LAST_BLANK)
    report, diagnostics = _parsed(expected, page)
    assert differences(report, expected) == []
    assert report.to_dict()["table3"]["received"] == [20, 5, 0, 1, 2, 0, None]
    assert "ROW_TOO_FEW" not in {d["code"] for d in diagnostics}
    assert _blank_rows(diagnostics) == {f"table3.{key}" for key in LAST_BLANK}


@pytest.mark.slow
@pytest.mark.parametrize("page", ["A4", "A5"])
def test_blanks_of_an_unruled_row_placed_by_their_columns_are_certain(page: str) -> None:
    """Blank cells in the middle of rows and at their end: the columns of the table's
    numbers say which cell is empty, as a ruled table's borders do: null, CELL_BLANK."""
    expected = _with_blanks(LAST_BLANK, MIDDLE_BLANK)
    report, diagnostics = _parsed(expected, page)
    assert differences(report, expected) == []
    assert {d["code"] for d in diagnostics} == {"CELL_BLANK"}
    assert _blank_rows(diagnostics) == {f"table3.{key}" for key in (*LAST_BLANK, *MIDDLE_BLANK)}
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
