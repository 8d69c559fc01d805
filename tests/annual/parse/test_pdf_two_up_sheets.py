"""A report printed "2-up" — two portrait pages shrunk side by side on each landscape
sheet, as a print driver does — is read as its pages, left then right: read as one page,
each line of the left page was joined to the line of the right page at the same height
and table 三's rows came back blank. An ordinary landscape page (table 三 across its
width) is read as one page, as before."""

from __future__ import annotations

import io
from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.pdf_sheets import gutter
from gongkai.annual.parse.reader import read_document
from tests.annual.parse.fixture_documents import _LANDSCAPE_CSS, pdf_html
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.annual.parse.test_pdf_producers import BAD_CODES, HERE, print_pdf, values

weasyprint = pytest.importorskip("weasyprint")
pypdfium2 = pytest.importorskip("pypdfium2")

NAME = "county_named_alone_in_title_signed_by_its_office"
SHEET = (842.0, 595.0)
"""A4 landscape, in points."""


def _portrait_pdf(expected: dict[str, Any]) -> bytes:
    """The report on three A4 portrait pages (part 四 on a page of its own)."""
    html = pdf_html(expected).replace("<h2>四、", '<h2 style="break-before:page">四、', 1)
    return bytes(weasyprint.HTML(string=html).write_pdf())


def _two_up(pdf: bytes) -> bytes:
    """``pdf`` printed 2-up: its pages two by two on A4 landscape sheets, each drawn as a
    form shrunk to fit its half of the sheet and centred there, as a print driver does;
    an odd last page alone on the left of the last sheet."""
    source = pypdfium2.PdfDocument(pdf)
    sheets = pypdfium2.PdfDocument.new()
    width, height = SHEET
    for first in range(0, len(source), 2):
        sheet = sheets.new_page(width, height)
        for side, index in enumerate(range(first, min(first + 2, len(source)))):
            page_width, page_height = source[index].get_size()
            scale = min(width / 2 / page_width, height / page_height)
            x = side * width / 2 + (width / 2 - page_width * scale) / 2
            y = (height - page_height * scale) / 2
            form = source.page_as_xobject(index, sheets).as_pageobject()
            form.transform(pypdfium2.PdfMatrix().scale(scale, scale).translate(x, y))
            sheet.insert_obj(form)
        sheet.gen_content()
    out = io.BytesIO()
    sheets.save(out)
    return out.getvalue()


def _pages_read(pdf: bytes) -> list[int]:
    """The page of each block the reader read from ``pdf``, in order."""
    return [block.page or 0 for block in read_document(pdf, "报告.pdf").blocks]


def _bad_codes(report: Any) -> set[str]:
    return {str(d["code"]) for d in report.diagnostics or ()} & BAD_CODES


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return expected_for(NAME)


@pytest.fixture(scope="module")
def portrait(expected: dict[str, Any]) -> bytes:
    return _portrait_pdf(expected)


def test_the_portrait_report_has_three_pages(portrait: bytes) -> None:
    assert len(pypdfium2.PdfDocument(portrait)) == 3


def test_a_report_printed_two_up_is_read_whole(portrait: bytes, expected: dict[str, Any]) -> None:
    sheets = _two_up(portrait)
    assert len(pypdfium2.PdfDocument(sheets)) == 2
    report = parse_bytes(sheets, "报告.pdf")
    assert differences(report, expected) == []
    assert not _bad_codes(report)


def test_its_pages_are_read_left_then_right_numbered_as_the_reports_pages(
    portrait: bytes,
) -> None:
    pages = _pages_read(_two_up(portrait))
    assert pages == sorted(pages)
    assert set(pages) == {1, 2, 3}
    assert _pages_read(portrait) == pages


def test_a_landscape_page_with_table3_across_its_width_is_one_page(
    expected: dict[str, Any],
) -> None:
    html = pdf_html(expected).replace("</style>", _LANDSCAPE_CSS + "</style>", 1)
    html = html.replace("<h2>三、", '<div class="wide"><h2>三、', 1)
    html = html.replace("<h2>四、", "</div><h2>四、", 1)
    pdf = bytes(weasyprint.HTML(string=html).write_pdf())
    document = pypdfium2.PdfDocument(pdf)
    landscape = [i + 1 for i in range(len(document)) if document[i].get_width() > 800]
    assert landscape
    report = parse_bytes(pdf, "报告.pdf")
    assert differences(report, expected) == []
    assert not _bad_codes(report)
    assert max(_pages_read(pdf)) == len(document)


TWO_UP = "print-driver-two-pages-per-sheet-side-by-side-on-landscape"


def test_chromiums_two_up_sheets_each_glyph_in_a_form_are_read_whole(tmp_path: Any) -> None:
    """Chromium prints each page of the 2-up source as a shrunk form, each glyph a text
    object of its own (pdfium placed some of them in the form's own space). Printed as
    it is, Chromium leaves out the lower part of each page (it fragments the tall page
    box across the sheet's height before shrinking it: 部分公开, 结转下年度 and part 四's
    heading are not in the PDF); contained, the sheet is printed whole."""
    html = (HERE / f"{TWO_UP}.source.html").read_text(encoding="utf-8")
    source = tmp_path / "contained.html"
    source.write_text(html.replace(".sheet {", ".sheet { contain: strict;", 1), encoding="utf-8")
    pdf = print_pdf(source, "chromium", tmp_path / "contained.pdf")
    report = parse_bytes(pdf, "报告.pdf")
    assert differences(report, values(TWO_UP)) == []
    assert not _bad_codes(report)


# --------------------------------------------------------------------- the gutter's rules

WIDTH = SHEET[0]


def _lines(left: float, right: float, count: int = 12, top: float = 540.0) -> list[Any]:
    """``count`` lines of text from ``left`` to ``right``, 20 points apart."""
    return [(left, top - 20 * k - 10, right, top - 20 * k) for k in range(count)]


def test_two_pages_side_by_side_part_at_the_gutter() -> None:
    texts = _lines(60, 360) + _lines(480, 780)
    assert gutter(texts, [], WIDTH) == 420


def test_a_rule_across_the_gutter_drawn_cell_by_cell_keeps_the_sheet_whole() -> None:
    texts = _lines(60, 360) + _lines(480, 780)
    row_rule = [(x, 300.0, x + 60, 300.5) for x in range(60, 780, 60)]
    assert gutter(texts, row_rule, WIDTH) is None


def test_a_narrow_gap_between_two_columns_is_no_gutter() -> None:
    texts = _lines(60, 405) + _lines(430, 780)
    assert gutter(texts, [], WIDTH) is None


def test_labels_beside_numbers_of_another_width_are_no_two_pages() -> None:
    # a table without ruling lines: wide labels, a wide gap, then the numbers
    texts = _lines(60, 430) + _lines(530, 790)
    assert gutter(texts, [], WIDTH) is None


def test_a_column_of_a_few_lines_is_no_page() -> None:
    texts = _lines(60, 360) + _lines(480, 780, count=2)
    assert gutter(texts, [], WIDTH) is None
