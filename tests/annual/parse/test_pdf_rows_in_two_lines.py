"""Table 三 printed with each row's label on one table row and its numbers on the next
(a PDF made from a converted Markdown table of that shape), broken by a page break with
a border drawn at the break on both pages.

Broken under a row of numbers, the next page goes on with the next row's label: the
two are whole rows, each already paired with its other half. They were taken for the
two pieces of one row that the break cut (numbers on the first page, label on the
next) and joined, so that every row after the break took the numbers of the row before
it (``2.没有现成信息需要另行制作`` read with ``1.本机关不掌握相关政府信息``'s 11 … 14).
Broken between a label and its numbers, the two halves still read as one row."""

from __future__ import annotations

from html import escape

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.document import Document, Grid
from gongkai.annual.parse.pdf_layout import TableBox
from gongkai.annual.parse.read_pdf import Cut
from tests.annual.parse import test_pdf_row_cut_closed as closed
from tests.annual.parse.as_documents import as_pdf
from tests.annual.parse.mutators import without_titles
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.annual.parse.test_pdf_row_cut_by_page_break import TABLE3, _table3_read
from tests.conftest import FIXTURES

weasyprint = pytest.importorskip("weasyprint")

pytestmark = pytest.mark.slow

KEYS = [row.key for row in s.TABLE3_ROWS]


def _rows() -> list[str]:
    """The header rows, then for each row of table 三 its label across the three label
    columns and, in the row under it, its numbers."""
    head = [c for c in closed._cells() if c[0] < closed.HEAD]
    rows = []
    for r in range(closed.HEAD):
        cells = sorted(c for c in head if c[0] == r)
        rows.append("".join(_td(text, rows_, columns) for _, _, rows_, columns, text in cells))
    for row in s.TABLE3_ROWS:
        rows.append(_td(row.label, 1, closed.LABELS) + "<td></td>" * 7)
        rows.append(_td("", 1, closed.LABELS) + "".join(_td(str(v)) for v in TABLE3[row.key]))
    return rows


def _td(text: str, rows: int = 1, columns: int = 1) -> str:
    spans = (f' rowspan="{rows}"' if rows > 1 else "") + (
        f' colspan="{columns}"' if columns > 1 else ""
    )
    return f"<td{spans}>{escape(text)}</td>"


def _pdf(after: int) -> bytes:
    """The table broken by a page break under its ``after``-th row (0: the first header
    row), the rows after it on the next page with a border at their top."""
    css = closed.CSS % {"height": 842.0, "width": sum(closed.WIDTHS)}
    cols = "".join(f'<col style="width:{w}pt">' for w in closed.WIDTHS)
    rows = "".join(
        f"<tr{closed.BREAK if r == after + 1 else ''}>{cells}</tr>"
        for r, cells in enumerate(_rows())
    )
    html = (
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"
        "<p>某县某局2024年政府信息公开工作年度报告</p>"
        "<p>三、收到和处理政府信息公开申请情况</p>"
        f"<table><colgroup>{cols}</colgroup>{rows}</table></body></html>"
    )
    data: bytes = weasyprint.HTML(string=html).write_pdf()
    return data


def _numbers_row(key: str) -> int:
    return closed.HEAD + 2 * KEYS.index(key) + 1


@pytest.mark.parametrize(
    "key", ["received", "granted", "withheld.state_secret", "unavailable.not_held"]
)
def test_a_break_under_a_row_of_numbers_joins_nothing(key: str) -> None:
    table3, codes = _table3_read(_pdf(_numbers_row(key)))
    assert table3 == TABLE3
    assert "VALUES_UNASSIGNED" not in codes


@pytest.mark.parametrize("key", ["carried_over", "withheld.state_secret"])
def test_a_break_between_a_label_and_its_numbers_reads_them_together(key: str) -> None:
    table3, codes = _table3_read(_pdf(_numbers_row(key) - 1))
    assert table3 == TABLE3
    assert "VALUES_UNASSIGNED" not in codes


def test_numbers_under_their_label_do_not_go_on_with_a_label_on_the_next_page() -> None:
    """The rule on grids: the first page's last row holds numbers under the row that holds
    their label, so the next page's first row (a label, no numbers) begins a row."""
    rules = (50.0, 100.0, 150.0, 200.0)
    upper = Grid((("1.本机关不掌握相关政府信息", "", ""), ("", "11", "14")), (), page=1)
    lower = Grid((("2.没有现成信息需要另行制作", "", ""), ("", "0", "0")), (), page=2)
    table = TableBox([], 50.0, 40.0, 200.0, 60.0, rules, row_lines=(rules, rules))
    document = Document(source="x.pdf", kind="pdf")
    document.blocks.append(upper)
    assert Cut(upper, rules, rules, is_open=False).rest(table, lower, document) is None
    # a table printing label and numbers on one row, cut with its numbers first: joined
    whole = Grid(
        (("项目", "数", "总计"), ("1.本机关不掌握相关政府信息", "11", "14"), ("", "0", "0")), page=1
    )
    document.blocks.append(whole)
    label = Grid(
        (("2.没有现成信息需要另行制作", "", ""), ("3.补正后申请内容仍不明确", "2", "2")), page=2
    )
    assert Cut(whole, rules, rules, is_open=False).rest(table, label, document) == 0


NAME = "markdown_table3_labels_on_one_row_values_on_next_blank_total"


@pytest.mark.parametrize("taken", ["3", "234"])
def test_the_converted_fixture_without_its_headings_as_a_pdf(taken: str) -> None:
    """The fixture (each label on one row, its numbers on the next) laid out as a PDF
    without the headings of its tables: the page breaks fall under rows of numbers."""
    text = (FIXTURES / "converted" / f"{NAME}.txt").read_text(encoding="utf-8")
    report = parse_bytes(as_pdf(without_titles(text, tuple(taken))), f"{NAME}.pdf")
    assert differences(report, expected_for(NAME)) == []
