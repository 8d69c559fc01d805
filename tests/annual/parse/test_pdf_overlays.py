"""Text drawn over the page as a watermark — a site's name, a print date and a serial
number, slanted across every page or printed nearly transparent — is not the report's
text: its digits were read into the cells under it (行政许可 855 read 85501) with no
warning. Such glyphs are dropped before the page's lines and cells are read; a page whose
text is all drawn faint keeps it (it is the page's text)."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes
from tests.annual.parse.fixture_documents import pdf_html
from tests.annual.parse.test_fixture_reports import differences, expected_for

weasyprint = pytest.importorskip("weasyprint")

pytestmark = pytest.mark.slow

NAME = "county_named_alone_in_title_signed_by_its_office"
MARK = "某县人民政府网 2023-01-31 10:08 No.20230131"


def _with_overlay(style: str, *, copies: int = 6) -> bytes:
    html = pdf_html(expected_for(NAME))
    marks = "".join(
        f'<div style="position:fixed;top:{8 + 15 * i}%;left:2%;white-space:nowrap;'
        f'font-size:30pt;z-index:10;{style}">{MARK}</div>'
        for i in range(copies)
    )
    html = html.replace("<body>", "<body>" + marks, 1)
    return bytes(weasyprint.HTML(string=html).write_pdf())


@pytest.mark.parametrize(
    "style",
    [
        pytest.param("transform:rotate(-30deg);color:rgba(0,0,0,0.12)", id="slanted-faint"),
        pytest.param("transform:rotate(-45deg);color:#000", id="slanted-opaque"),
        pytest.param("transform:rotate(20deg);color:#ccc", id="slanted-grey"),
        pytest.param("color:rgba(0,0,0,0.15)", id="level-faint"),
    ],
)
def test_a_watermark_over_every_page_is_not_read_into_the_cells(style: str) -> None:
    report = parse_bytes(_with_overlay(style), "watermarked.pdf")
    assert differences(report, expected_for(NAME)) == []
    codes = {d["code"] for d in report.diagnostics or ()}
    assert not codes & {"ROW_TOO_MANY", "VALUES_UNASSIGNED", "SECTION_NOT_FOUND"}
    (said,) = [d for d in report.diagnostics or () if d["code"] == "PDF_WATERMARK_DROPPED"]
    assert said["severity"] == "info" and "水印" in str(said["message"])


def test_a_report_printed_all_in_faint_ink_is_still_read() -> None:
    html = pdf_html(expected_for(NAME)).replace("<body>", '<body style="color:rgba(0,0,0,0.2)">', 1)
    report = parse_bytes(bytes(weasyprint.HTML(string=html).write_pdf()), "faint.pdf")
    assert differences(report, expected_for(NAME)) == []
    assert "PDF_WATERMARK_DROPPED" not in {d["code"] for d in report.diagnostics or ()}
