"""Rows of tables printed without ruling lines, read from text layers that do not give
one run per word (``pdf_words``).

Chromium draws a page glyph by glyph: read run by run, the digits of one number stood as
numbers of their own (48 read as 4 and 8, in two columns, the row read blank: too many
numbers), a full-width comma's ink left a blank after it that parted a label into two
cells, and pdfium read a glyph whose box touches the next one's into both runs
(东川镇人民政府 read 东川镇人镇人民政府); and it misplaced the glyphs of an element that
CSS scales (行政许可 read 政许可, its 行 a line of its own elsewhere on the page). The
glyphs of a word are joined into one run, each put where the page draws it.

Reports are printed here by Chromium (skipped where it is not installed) without ruling
lines, and as a three-line table (ruled only above, under the header and below), and
read back to the values they were printed from.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes
from tests.annual.parse.fixture_documents import pdf_html
from tests.annual.parse.test_fixture_reports import differences, expected_for

NAME = "pdf_table3_across_pages_header_repeated"
"""A report whose numbers have one, two and three digits and whose fee has decimals."""
BAD_CODES = frozenset(
    {
        "ROW_NOT_FOUND",
        "ROW_TOO_FEW",
        "ROW_TOO_MANY",
        "ROW_INFERRED",
        "VALUES_UNASSIGNED",
        "CELL_BLANK",
    }
)
BOOKTABS = """
table { border-top: 1.5pt solid #000; border-bottom: 1.5pt solid #000; }
thead tr:last-child th { border-bottom: 0.75pt solid #000; }
"""


def _chromium(html: str, tmp_path: Path) -> bytes:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed")
    source, out = tmp_path / "report.html", tmp_path / "report.pdf"
    source.write_text(html, encoding="utf-8")
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out.read_bytes()


def _page_lines(pdf: bytes) -> list[str]:
    import pypdfium2

    from gongkai.annual.parse.pdf_layout import read_page

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [str(item) for i in range(len(document)) for _, item in read_page(document[i])[0]]
    finally:
        document.close()


def _unruled(expected: dict[str, Any], css: str = "") -> str:
    html = pdf_html(expected, ruled=False)
    return html.replace("</style>", css + "</style>", 1)


def _reads_whole(pdf: bytes, expected: dict[str, Any]) -> None:
    report = parse_bytes(pdf, "无线表格.pdf")
    assert differences(report, expected) == []
    codes = {str(d["code"]) for d in report.diagnostics or ()}
    assert not codes & BAD_CODES


# ------------------------------------------------------------ a page drawn glyph by glyph


@pytest.mark.slow
@pytest.mark.parametrize("css", ["", BOOKTABS], ids=["unruled", "three-line"])
def test_a_report_printed_by_chromium_without_ruling_lines_reads_whole(
    css: str, tmp_path: Path
) -> None:
    """Every cell read: numbers of two and three digits whole in their columns (1287,
    286), the fee with its decimals (36.8), no row's numbers left without a label."""
    expected = copy.deepcopy(expected_for(NAME))
    _reads_whole(_chromium(_unruled(expected, css), tmp_path), expected)


@pytest.mark.slow
def test_glyphs_drawn_one_by_one_are_read_as_words(tmp_path: Path) -> None:
    """The lines a reader sees: the organ's name once (not 人镇人民), a number whole
    beside its label, a sentence without blanks after its commas."""
    expected = copy.deepcopy(expected_for(NAME))
    expected["organ"] = "东川镇人民政府"
    lines = _page_lines(_chromium(_unruled(expected), tmp_path))
    assert "东川镇人民政府2023年政府信息公开工作年度报告" in lines
    assert "行政许可\t1287" in lines
    assert "行政事业性收费\t36.8" in lines
    assert not any("人镇人" in line for line in lines)
    assert not any("， " in line for line in lines)


@pytest.mark.slow
def test_glyphs_of_a_scaled_element_stay_in_their_words(tmp_path: Path) -> None:
    """Text narrowed by CSS keeps every character where the page shows it: 行政许可
    whole beside its number, 人民政府 whole, no stray 行 or 金 on a line of its own."""
    narrow = 'style="transform:scaleX(0.92);transform-origin:left top"'
    html = (
        '<html><head><meta charset="utf-8"></head><body style="font-size:12pt">'
        "<p>行政许可 行政处罚 人民政府</p>"
        f"<div {narrow}>行政许可　359　人民政府</div>"
        f"<div {narrow}>行政处罚　41</div>"
        f"<div {narrow}>收费金额　36.80</div></body></html>"
    )
    lines = _page_lines(_chromium(html, tmp_path))
    assert lines == [
        "行政许可行政处罚人民政府",
        "行政许可 359 人民政府",
        "行政处罚 41",
        "收费金额 36.80",
    ]
