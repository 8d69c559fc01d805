"""Rows of tables printed without ruling lines, read from text layers that do not give
one run per word on one baseline (``pdf_words`` and ``pdf_layout``'s ``unruled_lines``).

Chromium draws a page glyph by glyph: read run by run, the digits of one number stood as
numbers of their own (48 read as 4 and 8, in two columns, the row read blank: too many
numbers), a full-width comma's ink left a blank after it that parted a label into two
cells, and pdfium read a glyph whose box touches the next one's into both runs
(东川镇人民政府 read 东川镇人镇人民政府); and it misplaced the glyphs of an element that
CSS scales (行政许可 read 政许可, its 行 a line of its own elsewhere on the page). The
glyphs of a word are joined into one run, each put where the page draws it.

An OCR'd text layer sets each word up to 0.7 mm off its line: a row's numbers were read
as two lines, each row losing the other's cells, a label line over the numbers left out
of the row, and a line's text read with the glyphs of the line under it that reach into
it. The numbers of two lines that reach into each other, in other columns, are one row.

Reports are printed here without ruling lines (and as a three-line table, ruled only
above, under the header and below), their cells' words set off their lines, by
WeasyPrint and by Chromium (skipped where it is not installed), and read back to the
values they were printed from; the rows are also laid out by hand.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.pdf_layout import TextRun, unruled_lines
from tests.annual.parse.fixture_documents import pdf_html
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.annual.parse.test_pdf_producers import print_pdf

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
        "SUBTOTAL_IGNORED",
    }
)
BOOKTABS = """
table { border-top: 1.5pt solid #000; border-bottom: 1.5pt solid #000; }
thead tr:last-child th { border-bottom: 0.75pt solid #000; }
"""
JITTER = (0.0, 1.8, -1.6, 0.9, -2.0, 1.3, -0.7, 2.0, -1.2, 0.4, 1.6, -1.9, 0.8)
"""Points by which cell after cell is set off its line (up to 0.7 mm, as OCR'd words)."""
SCALED = "display:inline-block;transform:scaleX(0.93);transform-origin:left top;"
"""A cell's text narrowed by CSS: Chromium draws it inside a form, where pdfium misplaces
some of its glyphs."""


def _chromium(html: str, tmp_path: Path) -> bytes:
    source = tmp_path / "report.html"
    source.write_text(html, encoding="utf-8")
    return print_pdf(source, "chromium", tmp_path / "report.pdf")


def _weasyprint(html: str) -> bytes:
    import weasyprint

    return bytes(weasyprint.HTML(string=html).write_pdf())


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


def _jittered(html: str, *, scaled: bool = False) -> str:
    """Each cell's text set off its line by the next of ``JITTER`` (every third cell's
    also narrowed by CSS, if ``scaled``)."""
    count = 0

    def cell(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        style = f"position:relative;top:{JITTER[count % len(JITTER)]}pt;"
        if scaled and count % 3 == 0:
            style += SCALED
        return f'{match[1]}<span style="{style}">{match[2]}</span></{match[3]}>'

    return re.sub(r"(<t[dh][^>]*>)([^<]*)</(t[dh])>", cell, html)


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


# ------------------------------------------------------------ words set off their lines


@pytest.mark.slow
def test_a_report_whose_words_sit_off_their_lines_reads_whole() -> None:
    """Each cell's words up to 2 points above or under the row's line (WeasyPrint): the
    numbers of a row gathered whole, its label's lines with them."""
    expected = copy.deepcopy(expected_for(NAME))
    _reads_whole(_weasyprint(_jittered(_unruled(expected))), expected)


@pytest.mark.slow
def test_a_report_whose_words_sit_off_their_lines_reads_whole_from_chromium(
    tmp_path: Path,
) -> None:
    """The same drawn glyph by glyph by Chromium, a third of the cells narrowed by CSS
    (their glyphs misplaced by pdfium)."""
    expected = copy.deepcopy(expected_for(NAME))
    _reads_whole(_chromium(_jittered(_unruled(expected), scaled=True), tmp_path), expected)


@pytest.mark.slow
def test_lines_set_closer_than_their_glyphs_are_high_are_read_once() -> None:
    """Two lines of a narrow cell whose glyphs reach into each other (an OCR'd layer):
    each line's text read once, not with the other's glyphs (（四（四）无)."""
    style = "position:absolute;left:30mm;font-size:8pt;line-height:1;white-space:nowrap"
    html = (
        '<html><head><meta charset="utf-8"><style>@page { size: A5; margin: 0 }</style>'
        f'</head><body><div style="{style};top:30mm">（四</div>'
        f'<div style="{style};top:32.7mm">）无法提供</div></body></html>'
    )
    assert _page_lines(_weasyprint(html)) == ["（四", "）无法提供"]


SIZE = 8.0
"""A line's height in the hand-made layouts."""
COLUMNS = (200.0, 230.0, 260.0)
"""Where the hand-made tables' number columns begin."""


def _run(text: str, top: float, left: float = 40.0) -> TextRun:
    width = 4.0 * len(text) if text.isdigit() else SIZE * len(text)
    return (top, top + SIZE, left, left + width, text)


def _numbers(top: float, texts: dict[int, str]) -> list[TextRun]:
    """Numbers at ``top`` in the columns given (by their index in ``COLUMNS``)."""
    return [_run(text, top, COLUMNS[column]) for column, text in sorted(texts.items())]


def _texts(lines: list[list[TextRun]]) -> list[str]:
    return [str(text) for _, text in unruled_lines(lines)]


FIRST = [_run("一行标签", 120.0), *_numbers(120.0, {0: "1", 1: "1", 2: "1"})]
LAST = [_run("又一行", 200.0), *_numbers(200.0, {0: "4", 1: "4", 2: "4"})]


def test_numbers_of_one_row_read_as_two_lines_are_one_row() -> None:
    """A row whose last number stands a little higher than its first ones, read as two
    lines (each with a line of the label): one row, no cell blank, its label whole."""
    lines = [
        FIRST,
        [_run("两行标签的", 150.0), *_numbers(151.0, {2: "9"})],
        [_run("第二行", 160.0), *_numbers(154.0, {0: "2", 1: "2"})],
        LAST,
    ]
    assert _texts(lines) == ["一行标签\t1\t1\t1", "两行标签的第二行\t2\t2\t9", "又一行\t4\t4\t4"]


def test_a_label_line_over_a_rows_numbers_between_two_rows_is_that_rows() -> None:
    """A row's label of three lines, its numbers beside the second (one of them a little
    lower, read as a line of its own), rows above and under it further than a line's
    gap: the first and last lines are the row's, not a header's or a note's."""
    lines = [
        FIRST,
        [_run("甲乙丙", 150.0)],
        [_run("丁戊己", 160.0), *_numbers(158.0, {0: "2", 1: "2"})],
        _numbers(162.0, {2: "3"}),
        [_run("庚辛", 171.0)],
        LAST,
    ]
    assert _texts(lines) == ["一行标签\t1\t1\t1", "甲乙丙丁戊己庚辛\t2\t2\t3", "又一行\t4\t4\t4"]
