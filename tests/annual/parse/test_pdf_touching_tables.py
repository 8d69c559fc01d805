"""PDF tables drawn touching each other: side by side with no gap (the right border of
one is the left border of the other), or one on the other with a column line of each
at the same place. Their rules touch, so they form one group of edges; read as one grid,
each table's rows or columns cut the other's cells (table 四 printed as 行政复议 beside
行政诉讼 put the 行政复议 numbers under the 复议后起诉 labels). Each must be read on its
own rules: a table's column lines run from its top rule to its bottom rule, so where the
lines on the two sides of a shared rule do not go on across it, these are two tables.
Real single tables whose merged cells stop a line (table 三's header, table 四's groups)
stay one table."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.document import Grid
from gongkai.annual.parse.pdf_layout import Edge, _merged, _tables_in, _touching
from gongkai.annual.parse.reader import read_document
from tests.annual.parse.fixture_documents import (
    _PDF_CSS,
    _html_table2,
    _html_table3,
    _html_table4,
    _html_table4_two,
)
from tests.annual.parse.test_fixture_reports import differences, expected_for

weasyprint = pytest.importorskip("weasyprint")

NAME = "county_named_alone_in_title_signed_by_its_office"
PAGE_WIDTH = 744.3
"""Points between the left and the right margin of an A3 page with this CSS."""


def _report_pdf(tables: dict[str, str]) -> bytes:
    """The report on A3 pages with ``tables`` (section key → HTML) under the headings."""
    expected = expected_for(NAME)
    css = _PDF_CSS + "table { margin: 0; } @page { size: A3; }"
    parts = [f"<html><head><style>{css}</style></head><body>"]
    parts.append(f"<h1>青禾县{expected['year']}年政府信息公开工作年度报告</h1>")
    for section in s.SECTIONS:
        parts.append(f"<h2>{section.heading}</h2><p>本部分内容见表。</p>")
        parts.append(tables.get(section.key, ""))
    parts.append("<p>青禾县人民政府办公室</p><p>2026年1月26日</p></body></html>")
    return bytes(weasyprint.HTML(string="\n".join(parts)).write_pdf())


def _tables(expected: dict[str, Any]) -> dict[str, str]:
    return {
        "2": _html_table2(expected["table2"]),
        # on one page: the rows of table 三 are not cut by a page break
        "3": _html_table3(expected["table3"]).replace(' style="break-before: page"', ""),
        "4": _html_table4(expected["table4"]),
    }


def _columns(table: str, points: list[float]) -> str:
    """``table`` laid out on fixed column widths (points between the page's margins)."""
    cols = "".join(f'<col style="width:{p / PAGE_WIDTH * 100:.3f}%">' for p in points)
    return table.replace(
        "<table>", f'<table style="table-layout:fixed"><colgroup>{cols}</colgroup>', 1
    )


def _no_gap(html: str) -> str:
    """Tables printed side by side (a flex row) with no gap between them."""
    return html.replace("gap:8pt", "gap:0")


def _side_by_side(table: str, split: int, right_style: str) -> str:
    """A one-table HTML string as two tables side by side with no gap: rows before
    ``split`` on the left, the rest on the right, styled ``right_style``."""
    rows = table.removeprefix("<table>").removesuffix("</table>").split("</tr>")[:-1]
    left = "<table>" + "".join(r + "</tr>" for r in rows[:split]) + "</table>"
    right = f'<table style="{right_style}">' + "".join(r + "</tr>" for r in rows[split:])
    return (
        '<div style="display:flex;gap:0;align-items:flex-start">'
        f'<div style="width:50%">{left}</div><div style="width:50%">{right}</table></div></div>'
    )


def _shapes(pdf: bytes) -> list[tuple[int, int]]:
    """Rows × columns of each grid read from ``pdf``."""
    grids = [b for b in read_document(pdf, "相接.pdf").blocks if isinstance(b, Grid)]
    return [(len(grid.rows), max(len(row) for row in grid.rows)) for grid in grids]


# table 二 has 14 rows of 4 columns, table 三 28 rows of 9 + 1 (its labels in two), table 四
# 4 rows of 15
TABLE2, TABLE3, TABLE4 = (14, 4), (28, 10), (4, 15)


def test_table4_as_two_touching_tables_side_by_side_reads_each_group() -> None:
    """行政复议 (3 rows) beside 行政诉讼 (4 rows), no gap: as one grid the 行政复议
    numbers stood under the 行政诉讼 labels and were read as 复议后起诉's."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    tables["4"] = _no_gap(_html_table4_two(expected["table4"]))
    pdf = _report_pdf(tables)
    report = parse_bytes(pdf, "相接.pdf")
    assert differences(report, expected) == []
    assert report.confidence["table4"] == 1.0
    assert _shapes(pdf) == [TABLE2, TABLE3, (3, 5), (4, 10)]


def test_table2_as_two_touching_tables_with_other_row_heights() -> None:
    """Table 二's first block beside its other blocks in a larger type, no gap: the row
    lines of the two sides do not go on across their shared border."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    tables["2"] = _side_by_side(tables["2"], 5, "font-size:11pt")
    pdf = _report_pdf(tables)
    assert _shapes(pdf) == [(5, 4), (9, 2), TABLE3, TABLE4]
    report = parse_bytes(pdf, "相接.pdf")
    assert differences(report, expected) == []


@pytest.mark.parametrize("offset", [1.0, 4.0])
def test_table2_on_table3_sharing_one_column_line(offset: float) -> None:
    """Table 二's label column as wide as table 三's labels (its first inner line
    ``offset`` pt from table 三's: one line, or two lines within 5 pt), printed one on
    the other with no gap."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    label = 520.2 + offset - 48.8  # table 三's labels end at x = 520.2 on this page
    table2 = _columns(tables["2"], [label, *[(PAGE_WIDTH - label) / 3] * 3])
    pdf = _report_pdf({"2": table2 + tables["3"], "4": tables["4"]})
    assert _shapes(pdf) == [TABLE2, TABLE3, TABLE4]
    report = parse_bytes(pdf, "相接.pdf")
    assert differences(report, expected) == []


def test_table3_on_table4_sharing_one_column_line() -> None:
    """Table 四's 行政复议 group as wide as table 三's labels and 自然人 column (its
    line at table 三's 自然人|商业企业 line), printed under table 三 with no gap."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    review = 553 - 48.8
    table4 = _columns(tables["4"], [review / 5] * 5 + [(PAGE_WIDTH - review) / 10] * 10)
    pdf = _report_pdf({"2": tables["2"], "3": tables["3"] + table4})
    assert _shapes(pdf) == [TABLE2, TABLE3, TABLE4]
    report = parse_bytes(pdf, "相接.pdf")
    assert differences(report, expected) == []


def test_table3_whose_labels_end_further_right_under_its_header_is_read() -> None:
    """Table 三 drawn as its header and its body with no gap, the body's labels 8 pt
    wider than the header's (its first value column as much narrower): the label line
    ends on the shared rule and another begins beside it, so the two are read as two
    grids, the header's and the body's, and the body's numbers still find their
    columns."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    head, body = tables["3"].split("</thead>")
    head = head.removeprefix("<table><thead>")
    body = body.removeprefix("<tbody>").removesuffix("</tbody></table>")
    label = 520.2 - 48.8
    values = [(PAGE_WIDTH - label) / 7] * 7
    header = _columns(f"<table>{head}</table>", [label / 3] * 3 + values)
    rows = _columns(f"<table>{body}</table>", [(label + 8) / 3] * 3 + [values[0] - 8, *values[1:]])
    pdf = _report_pdf({"2": tables["2"], "3": header + rows, "4": tables["4"]})
    assert _shapes(pdf) == [TABLE2, (3, 8), (25, 10), TABLE4]
    assert differences(parse_bytes(pdf, "相接.pdf"), expected) == []


# ------------------------------------------------------------- edges drawn by hand

Box = tuple[float, float, float, float]


def _parts(cells: list[Box]) -> list[tuple[list[float], list[float]]]:
    """The tables found in ``cells`` (left, top, right, bottom; top-down points), drawn
    as the four sides of each cell as a PDF draws bordered cells: each table as the x of
    its vertical lines and the y of its horizontal ones."""
    edges = [
        Edge(horizontal, position, start, end)
        for left, top, right, bottom in cells
        for horizontal, position, start, end in (
            (True, top, left, right),
            (True, bottom, left, right),
            (False, left, top, bottom),
            (False, right, top, bottom),
        )
    ]
    parts = [part for group in _touching(_merged(edges)) for part in _tables_in(group)]
    return [_lines(part) for part in parts]


def _lines(part: list[Edge] | list[Box]) -> tuple[list[float], list[float]]:
    if part and isinstance(part[0], Edge):
        edges = [e for e in part if isinstance(e, Edge)]
        xs = {e.position for e in edges if not e.horizontal}
        ys = {e.position for e in edges if e.horizontal}
    else:
        boxes = [b for b in part if isinstance(b, tuple)]
        xs = {x for b in boxes for x in (b[0], b[2])}
        ys = {y for b in boxes for y in (b[1], b[3])}
    return sorted(round(x, 1) for x in xs), sorted(round(y, 1) for y in ys)


def _grid(left: float, top: float, widths: list[float], heights: list[float]) -> list[Box]:
    xs = [left + sum(widths[:i]) for i in range(len(widths) + 1)]
    ys = [top + sum(heights[:i]) for i in range(len(heights) + 1)]
    return [(x0, y0, x1, y1) for y0, y1 in pairwise(ys) for x0, x1 in pairwise(xs)]


def test_tables_side_by_side_with_other_row_heights_are_cut_at_their_border() -> None:
    left = _grid(0, 0, [40, 30, 30], [24, 24, 24])
    right = _grid(100, 0, [50, 50], [18, 18, 18, 18])
    assert _parts(left + right) == [_lines(left), _lines(right)]


def test_a_shorter_table_left_of_a_taller_one_with_the_same_rows_is_cut() -> None:
    left = _grid(0, 0, [20] * 5, [20, 20, 20])
    right = _grid(100, 0, [20] * 10, [20, 20, 20, 20])
    assert _parts(left + right) == [_lines(left), _lines(right)]


def test_rows_with_fewer_cells_at_the_end_stay_one_table() -> None:
    """A Word table whose last row has fewer cells (they shift left)."""
    cells = _grid(0, 0, [60, 20, 20, 20], [20, 20, 20]) + _grid(0, 60, [60, 20], [20])
    assert _parts(cells) == [_lines(cells)]


def test_tables_one_on_the_other_sharing_one_column_line_are_cut() -> None:
    upper = _grid(0, 0, [100, 50, 50], [20, 20])
    lower = _grid(0, 40, [60, 44, 56, 40], [20, 20, 20])  # 100 vs 104: within 5 pt
    assert _parts(upper + lower) == [_lines(upper), _lines(lower)]


def test_merged_cells_of_one_table_keep_it_whole() -> None:
    """A header spanning every column, a column header spanning two, a label spanning
    three rows (its vertical line stops at the merged cells), a total row spanning the
    labels: lines stop at merged cells, none begins where nothing was."""
    cells = [
        (0, 0, 200, 20),  # 行政诉讼 over all columns
        (0, 20, 50, 60),  # a label two rows high
        (50, 20, 200, 40),  # 未经复议直接起诉 over three columns
        *_grid(50, 40, [50, 50, 50], [20]),
        (0, 60, 20, 120),  # 三、本年度办理结果 down three rows
        *_grid(20, 60, [30, 50, 50, 50], [20, 20, 20]),
        (0, 120, 50, 140),  # （七）总计 across the labels
        *_grid(50, 120, [50, 50, 50], [20]),
    ]
    assert _parts(cells) == [_lines(cells)]


def test_rows_squeezed_flat_do_not_cut_a_table() -> None:
    """Empty cells a few points high and wide (an HTML table's empty columns) end and
    begin on a rule without being a table's border."""
    cells = [*_grid(0, 0, [100, 50], [20, 20, 20]), (150, 38, 154, 42), (154, 38, 158, 42)]
    assert _parts(cells) == [([0, 100, 150, 154, 158], [0, 20, 40, 60])]  # 38, 42 → 40


def test_rows_without_columns_of_their_own_between_two_tables_go_to_the_upper_one() -> None:
    """Table 二 (a block of four columns, then blocks of two) on table 三 (whose first
    row has only its label line, at table 二's): the cut is at table 三's top rule, the
    last rule before the row where table 三's own lines begin."""
    upper = _grid(0, 0, [100, 50, 50], [20, 20]) + _grid(0, 40, [100, 100], [20, 20])
    lower = [(0, 80, 100, 100), (100, 80, 200, 100), *_grid(0, 100, [100, 30, 30, 40], [20, 20])]
    assert _parts(upper + lower) == [_lines(upper), _lines(lower)]
