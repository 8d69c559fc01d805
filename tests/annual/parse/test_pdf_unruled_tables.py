"""Tables printed without ruling lines, laid out by their columns (``pdf_layout``'s
``unruled_lines``): a row's label wrapped over several lines, above, beside and under its
numbers, is joined into the one line of its row, whatever the page or the label column's
width; the label of a group of rows (三、本年度办理结果, （五）不予处理) printed in its own
column, its pieces beside other rows' lines, is not mixed into those rows' labels; a number
cell left blank stays blank in its column (read as null, never 0).

The rule is tested on runs of text laid out by hand (labels centred on their numbers, as
an HTML cell, or at their first line, as Word's; no padding between the rows, so that
only the numbers tell where one row's label ends), then on whole reports printed by
WeasyPrint on A5 and A4 pages, upright and landscape, with a narrow label column.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.pdf_layout import TextRun, unruled_lines
from tests.annual.parse.fixture_documents import pdf_html
from tests.annual.parse.test_fixture_reports import differences, expected_for

NAME = "pdf_table3_across_pages_header_repeated"
SIZE = 8.0
"""The height of a line of text in the hand-made layouts."""
PITCH = 10.0
"""From one line's top to the next one's, in a cell and (no padding) from cell to cell."""
COLUMNS = (200.0, 230.0, 260.0)
"""Where the hand-made tables' number columns begin."""


def _runs(text: str, top: float, left: float) -> TextRun:
    return (top, top + SIZE, left, left + SIZE * len(text), text)


def _layout(
    rows: list[tuple[list[str], list[str]]], *, share: float = 0.5, label_left: float = 40.0
) -> list[list[TextRun]]:
    """Rows of a table without ruling lines: each its label's lines and its numbers
    (``""``: a blank cell), the numbers at ``share`` of the label's height (0.5: in the
    middle, 0: beside its first line), every line ``PITCH`` apart, as pdfium's lines."""
    lines: dict[float, list[TextRun]] = {}
    top = 100.0
    for label, numbers in rows:
        height = PITCH * (len(label) - 1)
        at = top + round(share * height / PITCH * 2) / 2 * PITCH
        for k, text in enumerate(label):
            lines.setdefault(top + PITCH * k, []).append(_runs(text, top + PITCH * k, label_left))
        for left, number in zip(COLUMNS, numbers, strict=True):
            if number:
                lines.setdefault(at, []).append(_runs(number, at, left))
        top += PITCH * len(label)
    return [sorted(lines[y], key=lambda r: r[2]) for y in sorted(lines)]


def _texts(lines: list[list[TextRun]]) -> list[str]:
    return [str(text) for _, text in unruled_lines(lines)]


ROWS = [
    (["一行标签"], ["1", "2", "3"]),
    (["两行标签的", "第二行"], ["4", "5", "6"]),
    (["三行标签", "的中间一行", "和最后一行"], ["7", "8", "9"]),
    (["四行", "标签", "折了", "三次"], ["10", "11", "12"]),
    (["五行标签", "从头", "到尾", "折了", "四次"], ["13", "14", "15"]),
    (["又一行"], ["16", "17", "18"]),
]
JOINED = [
    "一行标签\t1\t2\t3",
    "两行标签的第二行\t4\t5\t6",
    "三行标签的中间一行和最后一行\t7\t8\t9",
    "四行标签折了三次\t10\t11\t12",
    "五行标签从头到尾折了四次\t13\t14\t15",
    "又一行\t16\t17\t18",
]


@pytest.mark.parametrize("share", [0.5, 0.0], ids=["centred", "at-the-first-line"])
def test_labels_wrapped_over_any_number_of_lines_join_their_rows(share: float) -> None:
    assert _texts(_layout(ROWS, share=share)) == JOINED


def test_a_group_label_in_its_own_column_stays_out_of_the_rows_labels() -> None:
    lines = _layout(ROWS)
    # 三、本年度办理结果 printed down the left, a piece beside each of four lines
    group = ["三、本年", "度办理结", "果"]
    for k, piece in enumerate(group):
        line = lines[4 + k]  # beside the third row's lines and the fourth's first
        line.insert(0, _runs(piece, line[0][0], 0.0))
    texts = _texts(lines)
    assert texts[2] == "三、本年度办理结果\t" + JOINED[2]
    assert texts[:2] + texts[3:] == JOINED[:2] + JOINED[3:]


def test_a_blank_number_cell_stays_blank_in_its_column() -> None:
    rows = [
        (["一行标签"], ["1", "", "3"]),
        (["两行标签的", "第二行"], ["", "5", "6"]),
        (["又一行"], ["7", "8", "9"]),
    ]
    assert _texts(_layout(rows)) == [
        "一行标签\t1\t\t3",
        "两行标签的第二行\t\t5\t6",
        "又一行\t7\t8\t9",
    ]


def test_text_without_a_table_is_laid_out_as_printed() -> None:
    lines = [
        [_runs("本年度共收到申请", 100.0, 40.0), _runs("12", 100.0, 104.0)],
        [_runs("件。", 110.0, 40.0)],
        [_runs("—", 300.0, 150.0), _runs("1", 300.0, 170.0), _runs("—", 300.0, 190.0)],
    ]
    assert _texts(lines) == ["本年度共收到申请12", "件。", "— 1 —"]


def test_a_number_alone_beside_a_wrapped_label_is_its_row() -> None:
    lines = [
        [_runs("行政事业性收", 100.0, 40.0)],
        [_runs("36.8", 105.0, 230.0)],
        [_runs("费", 110.0, 40.0)],
        [_runs("4", 400.0, 150.0)],  # a page number, alone
    ]
    assert _texts(lines) == ["行政事业性收费\t36.8", "4"]


# ----------------------------------------------------------------------------- whole reports

weasyprint = pytest.importorskip("weasyprint")


def _pdf(html: str) -> bytes:
    return bytes(weasyprint.HTML(string=html).write_pdf())


def _read_clean(pdf: bytes, expected: dict[str, Any], name: str) -> None:
    report = parse_bytes(pdf, name)
    assert differences(report, expected) == []
    assert [d["code"] for d in report.diagnostics or ()] == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def _narrow_labels(html: str) -> str:
    """Each number cell given a tenth of the table's width: the label columns keep what
    is left, and their labels wrap on any page."""
    html = re.sub(r"<td>([\d.]+)</td>", r'<td class="n">\1</td>', html)
    return html.replace("</style>", ".n { width: 10%; }</style>", 1)


@pytest.mark.slow
@pytest.mark.parametrize(
    "page", ["A5 landscape", "A4 landscape"], ids=["a5-landscape", "a4-landscape"]
)
def test_unruled_tables_on_other_pages(page: str) -> None:
    expected = expected_for(NAME)
    html = pdf_html(expected, ruled=False)
    assert "size: A4;" in html
    _read_clean(_pdf(html.replace("size: A4;", f"size: {page};", 1)), expected, "无线横页.pdf")


@pytest.mark.slow
@pytest.mark.parametrize("page", ["A4", "A5"])
def test_unruled_tables_with_a_narrow_label_column(page: str) -> None:
    expected = expected_for(NAME)
    html = _narrow_labels(pdf_html(expected, ruled=False))
    _read_clean(_pdf(html.replace("size: A4;", f"size: {page};", 1)), expected, "无线窄标签.pdf")


@pytest.mark.slow
@pytest.mark.parametrize("width", [40, 55])
def test_unruled_tables_narrowed_rows_cut_by_page_breaks(width: int) -> None:
    """Tables at 40% or 55% of an A4 page: every label wraps, and a page break cuts a
    row of table 三, its numbers at the foot of one page and its label's lines at the
    top of the next, under the header printed again: joined, the row is read."""
    expected = expected_for(NAME)
    wide = "table { border-collapse: collapse; width: 100%;"
    html = pdf_html(expected, ruled=False)
    assert wide in html
    narrow = html.replace(wide, f"table {{ border-collapse: collapse; width: {width}%;")
    _read_clean(_pdf(narrow), expected, "无线窄表.pdf")


@pytest.mark.slow
def test_unruled_table4_wrapping_its_header_words() -> None:
    """Table 四 so narrow that each column name wraps (结果/维持), its numbers all
    different, so that a number read in another column shows."""
    expected = copy.deepcopy(expected_for(NAME))
    number = iter(range(1, 16))
    for group in expected["table4"].values():
        for column in ("upheld", "corrected", "other", "pending"):
            group[column] = next(number)
        group["total"] = group["upheld"] + group["corrected"] + group["other"] + group["pending"]
    html = pdf_html(expected, ruled=False)
    at = html.rindex("<table>")
    html = html[:at] + '<table style="width: 45%">' + html[at + len("<table>") :]
    pdf = _pdf(html)
    import pypdfium2

    from gongkai.annual.parse.pdf_layout import read_page

    document = pypdfium2.PdfDocument(pdf)
    try:
        printed = [str(item) for i in range(len(document)) for _, item in read_page(document[i])[0]]
    finally:
        document.close()
    assert not any("结果维持" in line for line in printed)  # the header words wrap
    _read_clean(pdf, expected, "无线表四.pdf")


@pytest.mark.slow
@pytest.mark.parametrize("page", ["A4", "A5"])
def test_a_number_cell_left_blank_in_an_unruled_row_is_null(page: str) -> None:
    """Blank cells inside rows (one of them a row whose label wraps on A5): read as
    null in their own columns, the row's other numbers read; never 0."""
    expected = copy.deepcopy(expected_for(NAME))
    expected["table3"]["received"][0] = None
    expected["table3"]["not_processed.confirmation"][2] = None
    expected["table3"]["other.no_correction"][3] = None
    html = pdf_html(expected, ruled=False)
    if page == "A5":
        html = html.replace("size: A4;", "size: A5;", 1)
    report = parse_bytes(_pdf(html), "无线空格.pdf")
    assert differences(report, expected) == []
    codes = {d["code"] for d in report.diagnostics or ()}
    # said, as blanks; which code (CELL_BLANK: the columns place them) is
    # test_pdf_unruled_blanks's to say
    assert codes and codes <= {"CELL_BLANK", "CELL_AMBIGUOUS"}


def _page_break(labelled: bool) -> list[tuple[list[Any], float]]:
    from gongkai.annual.parse.pdf_layout import LabelText, RowText

    first = [
        (700.0, RowText("1.属于国家秘密\t0\t0\t0", labelled=True)),
        (760.0, RowText(("2.其他\t" if labelled else "") + "0\t2\t14", labelled=labelled)),
        (810.0, "第 1 页"),
    ]
    second = [
        (60.0, "申请人情况"),
        (160.0, LabelText("2.其他法律", above=True)),
        (172.0, LabelText("行政法规禁止公开", above=True)),
        (190.0, RowText("3.危及“三安全一稳定”\t7\t0\t7", labelled=True)),
    ]
    return [(first, 842.0), (second, 842.0)]


def test_a_row_cut_by_a_page_break_takes_its_label_from_the_next_page() -> None:
    from gongkai.annual.parse.read_pdf import _join_cut_rows

    pages = _page_break(labelled=False)
    _join_cut_rows(pages)
    assert [str(item) for _, item in pages[0][0]] == [
        "1.属于国家秘密\t0\t0\t0",
        "2.其他法律行政法规禁止公开\t0\t2\t14",
        "第 1 页",
    ]
    assert [str(item) for _, item in pages[1][0]] == ["申请人情况", "3.危及“三安全一稳定”\t7\t0\t7"]
    # a row that has its label keeps it; the text on the next page stays there
    pages = _page_break(labelled=True)
    _join_cut_rows(pages)
    assert [str(item) for _, item in pages[0][0]][1] == "2.其他\t0\t2\t14"
    assert len(pages[1][0]) == 4
