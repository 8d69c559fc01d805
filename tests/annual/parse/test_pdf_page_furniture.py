"""Page furniture (a page number, a running title or organ name) between the two pieces
of a table row that a page break cut, in a PDF of two pages: too few for it to be known
as a running head (that takes three), yet it stands in the page's margin, under the
first piece or above the rest, and is not text between two tables. The tables are those
of ``test_pdf_row_cut_by_page_break`` with weasyprint's page margin boxes."""

from __future__ import annotations

import pytest

from tests.annual.parse.test_pdf_row_cut_by_page_break import TABLE3, _table3_read, cut_pdf

weasyprint = pytest.importorskip("weasyprint")

pytestmark = pytest.mark.slow


TITLE = "某县某局2024年政府信息公开工作年度报告"
FOOTER = "@page{@bottom-center{content:%s;font-size:9pt}}"
HEADER = "@page{@top-center{content:%s;font-size:9pt}}"


@pytest.mark.parametrize("layout", ["national", "flat"])
@pytest.mark.parametrize(
    "margins",
    [
        pytest.param(FOOTER % '"— " counter(page) " —"', id="dashes"),
        pytest.param(FOOTER % "counter(page)", id="bare-number"),
        pytest.param(
            FOOTER % '"第 " counter(page) " 页 共 " counter(pages) " 页"' + HEADER % f'"{TITLE}"',
            id="of-pages-and-running-title",
        ),
        pytest.param(HEADER % '"某县某局"', id="running-organ-name"),
    ],
)
@pytest.mark.parametrize(
    ("cut", "label", "numbers"),
    [("received", "bottom", "top"), ("withheld.state_secret", "bottom", "top")],
)
def test_a_row_cut_by_a_page_break_goes_on_across_page_furniture_in_a_short_pdf(
    cut: str, label: str, numbers: str, margins: str, layout: str
) -> None:
    """A two-page PDF with a page footer (a page number) under the cut row's first piece
    and, in some, a running head above the rest: with fewer than three pages it is not
    known as a running head, yet it stands in the page's margin, under the first piece
    and above the rest, and is page furniture (a page number, the report's title, the
    same text at the edge of the other page), not text between two tables. It stood
    between the two pieces, and the row's numbers (on the first page, its label on the
    next) were left unassigned."""
    pdf = cut_pdf(cut, label, numbers, layout, margins)
    table3, codes = _table3_read(pdf)
    assert "VALUES_UNASSIGNED" not in codes
    assert table3 == TABLE3


def test_text_in_the_top_margin_between_a_cut_rows_pieces_is_kept() -> None:
    """A note in the next page's top margin, above the rest of the cut row, is no page
    furniture: it stays in the document, and the pieces are not joined across it."""
    from gongkai.annual.parse.document import Grid, Line
    from gongkai.annual.parse.reader import read_document

    note = "注：本表按申请人类型统计"
    pdf = cut_pdf("received", "bottom", "top", "national", HEADER % f'"{note}"')
    blocks = read_document(pdf, "断行.pdf").blocks
    texts = [b.text for b in blocks if isinstance(b, Line)]
    assert note in texts
    grids = [b for b in blocks if isinstance(b, Grid)]
    assert [g.page for g in grids] == [1, 2]
    assert "36" in grids[0].rows[-1]  # the first piece: 一、本年新收's numbers, no label


@pytest.mark.parametrize(
    ("text", "top", "furniture"),
    [
        ("— 4 —", 800.0, True),
        ("第 1 页 共 2 页", 810.0, True),
        ("4", 20.0, True),
        (TITLE, 30.0, True),
        (f"{TITLE}\t— 4 —", 800.0, True),
        ("某县某局", 30.0, True),  # at the edge of the other page
        ("四、政府信息公开行政复议、行政诉讼情况", 30.0, False),
        ("注：本表按申请人类型统计", 800.0, False),
        ("— 4 —", 400.0, False),  # in the middle of the page: not in its margin
    ],
)
def test_page_furniture(text: str, top: float, furniture: bool) -> None:
    from gongkai.annual.parse.read_pdf import _furniture

    assert _furniture(text, top, 842.0, {"某县某局"}) is furniture
