"""PDF tables drawn touching each other that the lines alone used to leave as one grid:
a taller table on the left of a shorter one (their rows at the same heights, so every
row line runs on across the shared border), and a narrower table on a wider one, centred
or to the right, whose column lines go on as the wider one's (no line ends on the shared
rule). Each is cut on
its own ruling lines, and the report says on which page the layout cut tables apart
(``TABLES_SPLIT``), so that a reader of the output knows the cut was inferred.

A table whose last rows have fewer cells than the rows above (a Word table whose cells
shift left) has the same outline as a taller table beside a shorter one; it stays whole
unless each side is under a heading row of its own width (the national form's blocks and
groups each begin with one); a table whose first rows have fewer cells has the outline of
a narrower table on a wider one at the same left border, and stays whole too."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.document import Grid
from gongkai.annual.parse.reader import read_document
from tests.annual.parse.fixture_documents import _html_table4_two, build_pdf
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.annual.parse.test_pdf_touching_tables import (
    NAME,
    PAGE_WIDTH,
    TABLE2,
    TABLE3,
    TABLE4,
    Box,
    _columns,
    _grid,
    _lines,
    _no_gap,
    _parts,
    _report_pdf,
    _side_by_side,
    _tables,
)

weasyprint = pytest.importorskip("weasyprint")

PAGE_BREAK = '<div style="break-before:page"></div>'


def _split_notes(report: Any) -> list[tuple[int, str]]:
    return [(d["page"], d["message"]) for d in report.diagnostics if d["code"] == "TABLES_SPLIT"]


def _grids(pdf: bytes) -> list[tuple[int, int, int]]:
    """Page, rows and columns of each grid read from ``pdf``."""
    grids = [b for b in read_document(pdf, "相接.pdf").blocks if isinstance(b, Grid)]
    return [(g.page or 0, len(g.rows), max(len(row) for row in g.rows)) for g in grids]


def _fixed(table: str, widths: list[float], style: str = "") -> str:
    """``table`` on columns of fixed widths (points), as wide as they are together."""
    cols = "".join(f'<col style="width:{w:.3f}pt">' for w in widths)
    return table.replace(
        "<table>",
        f'<table style="table-layout:fixed;width:{sum(widths):.3f}pt;{style}">'
        f"<colgroup>{cols}</colgroup>",
        1,
    )


# ------------------------------------------------------------- a taller table on the left


def test_taller_table_left_of_a_shorter_one_with_rows_at_the_same_heights_is_cut() -> None:
    """Table 二's first three blocks (11 rows) beside its last block (3 rows), same type,
    no gap: every row of the right one is at a row of the left one, so each row line
    runs across both. Each side begins with its block's heading, as wide as it: two
    tables, not one of 11 rows × 6 cells."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    tables["2"] = _side_by_side(tables["2"], 11, "")
    pdf = _report_pdf(tables)
    assert _grids(pdf) == [(1, 11, 4), (1, 3, 2), (1, *TABLE3), (1, *TABLE4)]
    report = parse_bytes(pdf, "相接.pdf")
    assert differences(report, expected) == []
    # the fixture's 收费 row (2.4 万元), read from the right-hand table
    assert report.to_dict()["table2"]["fees"] == 2.4
    [(page, message)] = _split_notes(report)
    assert page == 1
    assert "第1页" in message and "2张表" in message


@pytest.mark.parametrize("size", ["7.6pt", "8.6pt"])
def test_taller_table_left_of_one_whose_rows_are_a_few_points_off_is_cut(size: str) -> None:
    """Table 二's first nine rows beside its last five in a type a little smaller or
    larger, no gap: the right one's row lines come 2.5 to 5 points off the left one's.
    A column line may go on a few points aside, a row line never does: the rows of the
    two sides end and begin at their shared border (they were taken for one line,
    and the two tables for one grid with rows a few points high)."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    tables["2"] = _side_by_side(tables["2"], 9, f"font-size:{size}")
    pdf = _report_pdf(tables)
    assert _grids(pdf) == [(1, 9, 4), (1, 5, 2), (1, *TABLE3), (1, *TABLE4)]
    report = parse_bytes(pdf, "相接.pdf")
    assert differences(report, expected) == []
    assert [page for page, _ in _split_notes(report)] == [1]


def test_shorter_table_whose_rows_meet_the_first_row_of_a_taller_one_is_cut_once() -> None:
    """Table 二's first three rows (its heading, 信息内容…, 规章) beside the rest in
    a slightly larger type: the right one's first row ends on the rule where the left
    one's columns begin, as if a table with one row stood on another. Cut across there
    and then down the border, that made three grids; cut down the border, two tables
    explain every line."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    tables["2"] = _side_by_side(tables["2"], 3, "font-size:8.3pt")
    pdf = _report_pdf(tables)
    assert _grids(pdf) == [(1, 3, 4), (1, 11, 4), (1, *TABLE3), (1, *TABLE4)]
    report = parse_bytes(pdf, "相接.pdf")
    assert differences(report, expected) == []
    # 规范性文件, the right one's first row, under the left one's column headings
    assert report.to_dict()["table2"]["normative_documents"] == {
        "made": 6,
        "repealed": 2,
        "in_force": 41,
    }


def _headed(left: float, top: float, widths: list[float], heights: list[float]) -> list[Box]:
    """A table under a heading row as wide as it (20 points high)."""
    return [(left, top, left + sum(widths), top + 20), *_grid(left, top + 20, widths, heights)]


def test_litigation_beside_review_is_cut_at_their_border() -> None:
    """行政诉讼 (a heading, 未经复议直接起诉 | 复议后起诉, ten labels, ten numbers) on the
    left of 行政复议 (a heading, five labels, five numbers), their rows at the same
    heights."""
    litigation = [(0.0, 0.0, 200.0, 20.0), (0.0, 20.0, 100.0, 40.0), (100.0, 20.0, 200.0, 40.0)]
    litigation += _grid(0, 40, [20] * 10, [20, 20])
    review = _headed(200, 0, [20] * 5, [20, 20])
    assert _parts(litigation + review) == [_lines(litigation), _lines(review)]


def test_taller_table_left_of_a_shorter_one_in_its_middle_is_cut() -> None:
    """The left table's heading row is narrower than the rows below it, where the right
    table begins; but its border runs on below the right table: the two are side by
    side, not a narrower table on a wider one."""
    left = _headed(0, 0, [20] * 5, [20] * 4)
    right = _headed(100, 20, [20] * 3, [20, 20])  # its rows at the left one's
    assert _parts(left + right) == [_lines(left), _lines(right)]


def test_fewer_cells_in_the_last_rows_without_headings_stay_one_table() -> None:
    """The right side's first row has cells of its own: the rows above are the table's,
    the shorter rows below have fewer cells."""
    cells = _headed(0, 0, [20] * 5, [20] * 3) + _grid(100, 0, [20] * 3, [20] * 3)
    assert _parts(cells) == [_lines(cells)]


# ------------------------------------------------------------- a narrower table on a wider one


W = PAGE_WIDTH / 15
"""One of table 四's fifteen columns."""


@pytest.mark.parametrize(
    ("labels", "style"),
    [
        pytest.param([W, W, 3 * W], "margin-left:auto", id="right"),
        pytest.param([W, W, 4 * W], "margin:0 auto", id="centred"),
    ],
)
def test_narrower_table3_on_table4_with_the_same_column_lines_is_cut(
    labels: list[float], style: str
) -> None:
    """Table 三 on columns as wide as table 四's (its label columns as wide as one, one
    and three or four of them), narrower than table 四 and printed on it with no gap,
    to the right or centred, on the second page: each of table 三's column lines goes
    on as one of table 四's, so no line ends on the shared rule, yet table 四's columns
    begin on it left of table 三. (At the same left border it has the outline of one
    table whose first rows have fewer cells, and stays one grid.)"""
    expected = expected_for(NAME)
    tables = _tables(expected)
    table4 = _columns(tables["4"], [W] * 15)
    table3 = _fixed(tables["3"], [*labels, *[W] * 7], style)
    pdf = _report_pdf({"2": tables["2"], "3": PAGE_BREAK + table3 + table4})
    assert _grids(pdf) == [(1, *TABLE2), (2, *TABLE3), (2, *TABLE4)]
    report = parse_bytes(pdf, "相接.pdf")
    assert differences(report, expected) == []
    got = report.to_dict()
    assert got["table3"]["handled_total"] == [38, 8, 0, 1, 2, 3, 52]
    assert got["table4"]["reconsideration"] == {
        "upheld": 3,
        "corrected": 1,
        "other": 0,
        "pending": 1,
        "total": 5,
    }
    [(page, message)] = _split_notes(report)
    assert page == 2
    assert "第2页" in message and "2张表" in message


def test_narrower_table_right_on_a_wider_one_sharing_its_column_lines_is_cut() -> None:
    upper = _grid(100, 0, [50, 50], [20, 20])
    lower = _grid(0, 40, [50, 50, 50, 50], [20, 20])
    assert _parts(upper + lower) == [_lines(upper), _lines(lower)]


def test_first_rows_with_fewer_cells_stay_one_table() -> None:
    """An HTML table whose header rows have fewer cells than its body (a Markdown pipe
    table converted as it is): each row begins at the table's left border and ends
    where its cells end, on the body's column lines. It has the outline of a narrower
    table on a wider one at the same left border, and is left whole."""
    cells = [
        (0.0, 0.0, 100.0, 20.0),  # 行政复议 | 行政诉讼 as two cells
        (100.0, 0.0, 200.0, 20.0),
        *_grid(0, 20, [50] * 5, [20]),
        *_grid(0, 40, [50] * 6, [20, 20]),
    ]
    assert _parts(cells) == [_lines(cells)]


def test_narrower_table_centred_on_a_wider_one_is_not_cut_down_its_side() -> None:
    """The narrower table's left border goes on as a column line of the wider one: it
    was read as a table beside a taller one and cut down that line."""
    upper = _grid(50, 0, [50, 50], [20, 20])
    lower = _grid(0, 40, [50, 50, 50, 50], [20, 20])
    assert _parts(upper + lower) == [_lines(upper), _lines(lower)]


# ------------------------------------------------------------- the note


def test_tables_with_a_gap_between_them_give_no_split_note() -> None:
    expected = expected_for(NAME)
    report = parse_bytes(build_pdf(expected), "年报.pdf")
    assert differences(report, expected) == []
    assert _split_notes(report) == []


def test_table4_as_two_touching_tables_side_by_side_is_named_in_a_note() -> None:
    """行政复议 beside 行政诉讼 with no gap (cut before this note was written): the
    note names the page and the two tables read from it."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    tables["4"] = _no_gap(_html_table4_two(expected["table4"]))
    report = parse_bytes(_report_pdf(tables), "相接.pdf")
    assert differences(report, expected) == []
    [(page, message)] = _split_notes(report)
    assert page == 1
    assert "第1页" in message and "2张表" in message
    assert all(d["severity"] != "warning" for d in report.diagnostics)
