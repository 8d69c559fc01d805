"""Whole reports as PDFs in shapes that published reports take, each read to the cells of
``pdf_table3_across_pages_header_repeated`` (written by hand) with nothing said that a
user would take for a problem, or, where nothing can be read, saying so and reading no
number:

* a short PDF (two pages: its footers are not known as running heads) whose table 三
  goes on on the next page under its header printed again, with ``第 1 页 共 2 页`` or
  ``— 1 —`` at the foot of each page between the two parts;
* the same without ruling lines (the columns only as text placed in them), with the
  same footers;
* table 三 on a landscape page of a portrait report: as laid out, and drawn turned a
  quarter on a portrait page shown upright by ``/Rotate 90`` (the ``/Rotate 270`` one is
  ``test_read_pdf``'s);
* the header's 法人或其他组织 printed in two lines over its five columns, and tables so
  narrow that every header name and long label wraps (ruled, or without ruling lines on
  A5 pages: there a wrapped label's middle line also carries a piece of the group label
  三、本年度办理结果 wrapped beside it, ``度办理结 0 11 0 7 0 3 21``; the reader lays a
  table without ruling lines out by its columns, more in ``test_pdf_unruled_tables``);
* a scan (no text layer at all), and a report whose tables' page is a picture: no
  number is guessed.
"""

from __future__ import annotations

import io
from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes
from tests.annual.parse.fixture_documents import (
    _LANDSCAPE_CSS,
    pdf_html,
    turned_landscape_pages,
)
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.annual.parse.test_read_pdf import image_only_pdf

weasyprint = pytest.importorskip("weasyprint")

NAME = "pdf_table3_across_pages_header_repeated"
PAGE_FOOTER = 'content: "第 " counter(page) " 页"'
FOOTERS = {
    "page-of-pages": 'content: "第 " counter(page) " 页 共 " counter(pages) " 页"',
    "dashes": 'content: "— " counter(page) " —"',
}


def _pdf(html: str) -> bytes:
    return bytes(weasyprint.HTML(string=html).write_pdf())


def _pages(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _read_clean(pdf: bytes, name: str) -> None:
    """``pdf`` gives the fixture's cells, and no note at all."""
    expected = expected_for(NAME)
    report = parse_bytes(pdf, name)
    assert differences(report, expected) == []
    assert [d["code"] for d in report.diagnostics or ()] == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


@pytest.mark.slow
@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "without-ruling-lines"])
@pytest.mark.parametrize("footer", sorted(FOOTERS))
def test_table3_over_two_pages_with_a_footer_between_its_parts(footer: str, ruled: bool) -> None:
    html = pdf_html(expected_for(NAME), ruled=ruled)
    assert PAGE_FOOTER in html
    pdf = _pdf(html.replace(PAGE_FOOTER, FOOTERS[footer]))
    assert _pages(pdf) == 2  # too few pages for the footers to be known as running heads
    _read_clean(pdf, f"{footer}.pdf")


def _landscape_html() -> str:
    """The report with section 三 (its table) on a landscape page."""
    html = pdf_html(expected_for(NAME)).replace("</style>", _LANDSCAPE_CSS + "</style>", 1)
    html = html.replace("<h2>三、", '<div class="wide"><h2>三、', 1)
    return html.replace("<h2>四、", "</div><h2>四、", 1)


@pytest.mark.slow
@pytest.mark.parametrize("turned", [False, True], ids=["as-laid-out", "turned-rotate-90"])
def test_table3_on_a_landscape_page(turned: bool) -> None:
    pdf = _pdf(_landscape_html())
    _read_clean(turned_landscape_pages(pdf, 90) if turned else pdf, "横页.pdf")


@pytest.mark.slow
def test_organisations_header_in_two_lines_over_its_five_columns() -> None:
    html = pdf_html(expected_for(NAME))
    assert html.count("法人或其他组织") == 1
    _read_clean(_pdf(html.replace("法人或其他组织", "法人或其<br>他组织")), "表头两行.pdf")


@pytest.mark.slow
def test_tables_so_narrow_that_header_names_and_labels_wrap() -> None:
    wide = "table { border-collapse: collapse; width: 100%;"
    html = pdf_html(expected_for(NAME))
    assert wide in html
    narrow = html.replace(wide, "table { border-collapse: collapse; width: 55%;")
    _read_clean(_pdf(narrow), "窄表.pdf")


@pytest.mark.slow
def test_tables_without_ruling_lines_on_small_pages() -> None:
    html = pdf_html(expected_for(NAME), ruled=False)
    assert "size: A4;" in html
    _read_clean(_pdf(html.replace("size: A4;", "size: A5;", 1)), "无线窄页.pdf")


def _numbers(report: Any) -> list[object]:
    """Every cell of the three tables, as read."""
    data = report.to_dict()
    out: list[object] = []
    for key in ("table2", "table3", "table4"):
        stack = [data[key]]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            else:
                out.append(item)
    return out


def test_a_scan_says_it_has_no_text_and_reads_no_number() -> None:
    report = parse_bytes(image_only_pdf(3), "扫描件.pdf")
    first = (report.diagnostics or ())[0]
    assert (first["code"], first["severity"]) == ("PDF_NO_TEXT", "error")
    assert "共3页" in first["message"] and "没有文字层" in first["message"]
    errors = [d["code"] for d in report.diagnostics or () if d["severity"] == "error"]
    assert errors == ["PDF_NO_TEXT"]  # not also NO_REPORT: the file may well be a report
    assert report.organ is None and report.year is None
    assert set(_numbers(report)) == {None}
    assert report.confidence == {"table2": 0.0, "table3": 0.0, "table4": 0.0}


@pytest.mark.slow
def test_tables_printed_as_a_picture_are_not_guessed() -> None:
    """The narrative as text, the tables' page a picture (a scan pasted in): the tables
    are said to be missing and no number of them is read."""
    import pypdfium2

    html = pdf_html(expected_for(NAME))
    narrative = html.split("<table>")[0] + "</body></html>"
    text = pypdfium2.PdfDocument(_pdf(narrative))
    text.import_pages(pypdfium2.PdfDocument(image_only_pdf(1)))
    out = io.BytesIO()
    text.save(out)
    report = parse_bytes(out.getvalue(), "图片表格.pdf")
    assert set(_numbers(report)) == {None}
    pictures = [d for d in report.diagnostics or () if d["code"] == "PDF_PAGES_NO_TEXT"]
    assert [(d["severity"], d["page"]) for d in pictures] == [("warning", len(text))]
    assert f"第{len(text)}页只有图片、没有文字层" in str(pictures[0]["message"])
    missing = [d["message"] for d in report.diagnostics or () if d["code"] == "TABLE_NOT_FOUND"]
    assert [m.split("：", 1)[1] for m in missing] == [
        "找不到表二，整张表留空",
        "找不到表三，整张表留空",
        "找不到表四，整张表留空",
    ]
