"""Table 三's header cells under 法人或其他组织 (商业企业, 科研机构, 社会公益组织, 法律服务机构,
其他) drawn narrower than their names, which are not wrapped: each name reaches a point
or two over its cell's right rule into the cell beside it. pdfium gives every character
whose box touches the area asked for, so the name's last character was read in both
cells and the names ran together (``业科研机构``, ``构社会公益组织``); a cell's text
now follows its vertical rules. A name reaching further over, by more than the 3 pt a
cell's text is looked for inside its rules (most of a character, or all of one), lost its
last characters to the cell beside (``商业企``, ``业科研机``): such a name is read whole in
the cell it begins in, and the cell beside keeps only its own name.

The table is that of ``test_pdf_row_cut_closed``, drawn whole on one page, its number
columns as narrow as each name less a point or two, five or nine."""

from __future__ import annotations

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse.pdf_layout import TableBox, read_page
from tests.annual.parse import test_pdf_row_cut_closed as closed
from tests.annual.parse.test_pdf_row_cut_by_page_break import TABLE3, _table3_read

weasyprint = pytest.importorskip("weasyprint")

pytestmark = pytest.mark.slow

NAMES = [c.label for c in s.TABLE3_COLUMNS[1:6]]


def _pdf(widths: list[float]) -> bytes:
    css = closed.CSS % {"height": 842.0, "width": sum(closed.WIDTHS[:3]) + sum(widths)}
    css = css.replace("padding:2pt", "padding:1pt")
    css += "tr:nth-child(-n+3) td{white-space:nowrap}"  # the header's names on one line
    table = closed._table(closed._cells())
    cols = "".join(f'<col style="width:{w}pt">' for w in closed.WIDTHS)
    mine = "".join(f'<col style="width:{w}pt">' for w in closed.WIDTHS[:3] + widths)
    html = (
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"
        "<p>某县某局2024年政府信息公开工作年度报告</p>"
        f"<p>三、收到和处理政府信息公开申请情况</p>{table.replace(cols, mine)}</body></html>"
    )
    data: bytes = weasyprint.HTML(string=html).write_pdf()
    return data


@pytest.mark.parametrize(
    "widths",
    [
        pytest.param([24.0, 31.0, 31.0, 47.0, 47.0, 15.0, 24.0], id="half-a-point-over"),
        pytest.param([24.0, 30.0, 30.0, 46.0, 46.0, 15.0, 24.0], id="two-points-over"),
        pytest.param([24.0, 27.0, 27.0, 43.0, 43.0, 11.5, 24.0], id="five-points-over"),
        pytest.param([24.0, 22.5, 22.5, 38.5, 38.5, 7.0, 24.0], id="nine-points-over"),
    ],
)
def test_names_wider_than_narrow_header_cells_stay_in_their_cells(widths: list[float]) -> None:
    import pypdfium2

    pdf = _pdf(widths)
    document = pypdfium2.PdfDocument(pdf)
    try:
        table = next(i for _, i in read_page(document[0])[0] if isinstance(i, TableBox))
    finally:
        document.close()
    header = [[c.text.replace("\n", "").strip() for c in row] for row in table.rows[:3]]
    assert header[1] == ["自然人", s.TABLE3_ORGANISATION_HEADER, "总计"]
    assert header[2] == NAMES
    table3, codes = _table3_read(pdf)
    assert "VALUES_UNASSIGNED" not in codes
    assert table3 == TABLE3
