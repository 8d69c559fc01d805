"""A row of table 三 that a page break cut in two, with a border drawn at the break on
both pages (Word draws a cut row's cell borders at the bottom of the first page and at
the top of the next): neither piece looks open, yet the two are one row, its label on
one page and its numbers on the other. They are known by the table's arithmetic shape:
the same vertical rules cross both pieces, and one holds the row's label without
numbers, the other its numbers without a label.

Each PDF is table 三 in the national layout drawn as two tables on columns of fixed
widths: the rows up to the cut row on the first page (its numbers blank, or its label),
the rest on the next, beginning with the cut row's other piece; cells merged down across
the break (三、本年度办理结果, a group's label) are cut in two, their text on the first
page. The first page is made just tall enough for the first table.

The numbers are those of ``test_pdf_row_cut_by_page_break`` (each row adds up)."""

from __future__ import annotations

from html import escape

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse.document import Grid
from gongkai.annual.parse.normalize import normalize_text
from gongkai.annual.parse.reader import read_document
from tests.annual.parse.test_pdf_row_cut_by_page_break import TABLE3, _table3_read

weasyprint = pytest.importorskip("weasyprint")

pytestmark = pytest.mark.slow

Cell = tuple[int, int, int, int, str]
"""Row, column, rows and columns it covers, text."""

WIDTHS = [60.0, 60.0, 150.0] + [35.0] * 7
"""Points: three label columns, then the seven numbers."""
LABELS = 3
HEAD = 3
CSS = (
    "@page{size:595pt 842pt;margin:40pt 30pt}@page:first{size:595pt %(height).2fpt}"
    "body{font-family:'Noto Sans CJK SC';font-size:9pt}"
    "table{border-collapse:collapse;table-layout:fixed;width:%(width).2fpt;font-size:8pt}"
    "td{border:0.6pt solid #000;padding:2pt;text-align:center}"
)


def _cells() -> list[Cell]:
    """Table 三's cells in the national layout: three header rows, then the body."""
    cells: list[Cell] = [
        (0, 0, 3, 3, s.TABLE3_IDENTITY_NOTE),
        (0, 3, 1, 7, s.TABLE3_APPLICANT_HEADER),
        (1, 3, 2, 1, "自然人"),
        (1, 4, 1, 5, s.TABLE3_ORGANISATION_HEADER),
        (1, 9, 2, 1, "总计"),
    ]
    cells += [(2, 4 + i, 1, 1, c.label) for i, c in enumerate(s.TABLE3_COLUMNS[1:6])]
    sizes: dict[str, int] = {}
    for row in s.TABLE3_ROWS:
        if row.group:
            sizes[row.group] = sizes.get(row.group, 0) + 1
    seen: set[str] = set()
    for r, row in enumerate(s.TABLE3_ROWS, start=HEAD):
        if row.group is None:
            if row.key == "granted":
                cells.append((r, 0, 22, 1, s.TABLE3_RESULTS_GROUP.label))
            span = 3 if row.key in ("received", "carried_over", "carried_forward") else 2
            cells.append((r, LABELS - span, 1, span, row.label))
        else:
            if row.group not in seen:
                seen.add(row.group)
                group = next(g.label for g in s.TABLE3_GROUPS if g.key == row.group)
                cells.append((r, 1, sizes[row.group], 1, group))
            cells.append((r, 2, 1, 1, row.label))
        cells += [(r, LABELS + k, 1, 1, str(v)) for k, v in enumerate(TABLE3[row.key])]
    return cells


def _pieces(cut: str, label_first: bool | None) -> tuple[list[Cell], list[Cell]]:
    """The cells of the two tables (each row numbered from its table's first): rows up
    to the row ``cut``, and from it on, the cut row's label in the first and its
    numbers in the second (``label_first``), or the other way round; with
    ``label_first`` ``None``, the row is not cut: the break falls under it."""
    at = HEAD + [row.key for row in s.TABLE3_ROWS].index(cut)
    start = at if label_first is not None else at + 1
    upper: list[Cell] = []
    lower: list[Cell] = []
    for row, column, rows, columns, text in _cells():
        end = row + rows - 1
        first_side = (column < LABELS) == label_first
        if row <= at:
            kept = "" if label_first is not None and row == at and not first_side else text
            upper.append((row, column, min(end, at) - row + 1, columns, kept))
        if end >= start:
            top = max(row, start)
            kept = text if row > at or (row == at and not first_side) else ""
            lower.append((top - start, column, end - top + 1, columns, kept))
    return upper, lower


def _table(cells: list[Cell], attributes: str = "") -> str:
    cols = "".join(f'<col style="width:{w}pt">' for w in WIDTHS)
    rows = []
    for r in range(max(c[0] for c in cells) + 1):
        tds = ""
        for _, _, rows_, columns, text in sorted(c for c in cells if c[0] == r):
            spans = (f' rowspan="{rows_}"' if rows_ > 1 else "") + (
                f' colspan="{columns}"' if columns > 1 else ""
            )
            tds += f"<td{spans}>{escape(text)}</td>"
        rows.append(f"<tr>{tds}</tr>")
    return f"<table{attributes}><colgroup>{cols}</colgroup>{''.join(rows)}</table>"


BREAK = ' style="break-before:page"'


def _html(upper: list[Cell], lower: list[Cell], height: float) -> str:
    css = CSS % {"height": height, "width": sum(WIDTHS)}
    return (
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"
        "<p>某县某局2024年政府信息公开工作年度报告</p>"
        "<p>三、收到和处理政府信息公开申请情况</p>"
        f'{_table(upper)}<div id="end"></div>' + _table(lower, BREAK) + "</body></html>"
    )


def closed_pdf(cut: str, label_first: bool | None) -> bytes:
    """Table 三 cut in the row ``cut`` (``_pieces``), a border at the break on both pages."""
    upper, lower = _pieces(cut, label_first)
    tall = weasyprint.HTML(string=_html(upper, lower, 2000.0)).render()
    end = tall.pages[0].anchors["end"][1] * 0.75  # CSS px → points
    html = _html(upper, lower, end + 41.0)  # the bottom margin (40 pt) under the table
    data: bytes = weasyprint.HTML(string=html).write_pdf()
    return data


@pytest.mark.parametrize("label_first", [True, False], ids=["label-first", "numbers-first"])
@pytest.mark.parametrize("cut", ["received", "withheld.state_secret", "other.no_correction"])
def test_a_cut_row_closed_by_a_border_at_the_break_is_read_as_one_row(
    cut: str, label_first: bool
) -> None:
    pdf = closed_pdf(cut, label_first)
    grids = [b for b in read_document(pdf, "断行.pdf").blocks if isinstance(b, Grid)]
    assert [g.page for g in grids] == [1, 2]
    # the pieces, joined: the cut row is the first page's last row, whole
    label = normalize_text(next(row.label for row in s.TABLE3_ROWS if row.key == cut))
    last = grids[0].rows[-1]
    assert label in last and [v for v in last if v.isdigit()] == [str(v) for v in TABLE3[cut]]
    table3, codes = _table3_read(pdf)
    assert "VALUES_UNASSIGNED" not in codes
    assert table3 == TABLE3


@pytest.mark.parametrize("after", ["received", "granted", "withheld.state_secret"])
def test_a_page_break_between_two_whole_rows_joins_nothing(after: str) -> None:
    """The table broken under a row, the row after it whole on the next page (each with
    its label and its numbers): the two are two rows, read as they are."""
    pdf = closed_pdf(after, None)
    grids = [b for b in read_document(pdf, "断行.pdf").blocks if isinstance(b, Grid)]
    assert [g.page for g in grids] == [1, 2]
    label = normalize_text(next(row.label for row in s.TABLE3_ROWS if row.key == after))
    assert label in grids[0].rows[-1]
    assert len(grids[0].rows) == HEAD + 1 + [row.key for row in s.TABLE3_ROWS].index(after)
    table3, codes = _table3_read(pdf)
    assert "VALUES_UNASSIGNED" not in codes
    assert table3 == TABLE3


def test_a_header_row_closed_over_a_row_of_numbers_on_the_next_page_is_not_joined() -> None:
    """Table 四 broken under its header rows, its row of numbers on the next page: the
    last header row holds labels without numbers and the next page's row numbers
    without a label, on the same rules, yet each number stands under its label, in the
    same column: two rows. The cut row of table 三 holds them side by side."""
    from gongkai.annual.parse.document import Document
    from gongkai.annual.parse.pdf_layout import TableBox
    from gongkai.annual.parse.read_pdf import Cut

    rules = (50.0, 100.0, 150.0, 200.0, 250.0)
    header = Grid(
        (("行政复议", "行政复议", "行政复议", "行政复议"), ("维持", "纠正", "其他", "总计"))
    )
    header = Grid(header.rows, ((False, True, True, True), (False,) * 4), page=1)
    numbers = Grid((("3", "1", "0", "4"),), ((False,) * 4,), page=2)
    document = Document(source="x.pdf", kind="pdf")
    document.blocks.append(header)
    cut = Cut(header, rules, rules, is_open=False)
    table = TableBox([], 50.0, 40.0, 250.0, 60.0, rules, row_lines=(rules,))
    assert cut.rest(table, numbers, document) is None
    label = Grid((("项目", "数", "总计", ""), ("一、本年新收", "", "", "")), (), page=1)
    rest = Grid((("", "3", "1", "4"),), (), page=2)
    document.blocks.append(label)
    assert Cut(label, rules, rules, is_open=False).rest(table, rest, document) == 0
