"""A row of table 三 that a page break cut in two (Word's "allow row to break across
pages", a browser's or weasyprint's default): its label on one page and its numbers on
the next, or the other way round. The two pieces are one row and are read as one, also
where the next page prints the header rows again above the rest of the row, and where
the table is a converter's, each row only its own cells (narrower on the first page).

The tables here are laid out so that the page ends in the middle of the chosen row: the
page is first laid out tall (nothing breaks), the row's top and the next row's top are
found from their ``id`` anchors, and the page is then made just tall enough to end
half way down the row (the pages after it are A4: the rest of the table fits on
the second). The row is drawn tall, its label at one end and its numbers at
the other (each cell holds its text and a blank block, in one order or the other: a
page break falls only between them), so that each piece holds only one of the two.

The numbers are chosen by hand: each row's 总计 is the sum of its six cells, （七）总计
the sum of the outcome rows, and 一 + 二 = （七）+ 四 in every column."""

from __future__ import annotations

from html import escape
from typing import Any

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes

weasyprint = pytest.importorskip("weasyprint")

pytestmark = pytest.mark.slow

TABLE3: dict[str, list[int]] = {
    "received": [24, 6, 1, 0, 2, 3, 36],
    "carried_over": [2, 1, 0, 0, 0, 1, 4],
    "granted": [9, 2, 1, 0, 1, 1, 14],
    "partially_granted": [3, 1, 0, 0, 0, 0, 4],
    "withheld.state_secret": [5, 0, 0, 0, 0, 1, 6],
    "withheld.prohibited_by_law": [0, 1, 0, 0, 0, 0, 1],
    "withheld.security_stability": [0, 0, 0, 0, 0, 0, 0],
    "withheld.third_party_rights": [1, 0, 0, 0, 0, 0, 1],
    "withheld.internal_affairs": [0, 0, 0, 0, 0, 0, 0],
    "withheld.process_information": [1, 0, 0, 0, 0, 0, 1],
    "withheld.enforcement_files": [0, 0, 0, 0, 0, 0, 0],
    "withheld.query_matters": [0, 0, 0, 0, 0, 0, 0],
    "unavailable.not_held": [3, 1, 0, 0, 1, 1, 6],
    "unavailable.needs_creation": [1, 0, 0, 0, 0, 0, 1],
    "unavailable.still_unclear": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.petition": [1, 0, 0, 0, 0, 1, 2],
    "not_processed.repeated": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.publication": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.excessive": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.confirmation": [0, 0, 0, 0, 0, 0, 0],
    "other.no_correction": [1, 0, 0, 0, 0, 0, 1],
    "other.fee_unpaid": [0, 0, 0, 0, 0, 0, 0],
    "other.other": [0, 1, 0, 0, 0, 0, 1],
    "handled_total": [25, 6, 1, 0, 2, 4, 38],
    "carried_forward": [1, 1, 0, 0, 0, 0, 2],
}
OUTCOMES = [
    k for k in TABLE3 if k not in ("received", "carried_over", "handled_total", "carried_forward")
]

CSS = (
    "@page{size:595pt 842pt;margin:40pt 30pt}@page:first{size:595pt %(height).2fpt}"
    "body{font-family:'Noto Sans CJK SC';font-size:9pt}"
    "table{border-collapse:collapse;width:100%%;font-size:8pt}"
    "tr{break-inside:auto}"
    "td{border:0.6pt solid #000;padding:2pt;text-align:center}"
    "div.blank{height:80pt}"
)


def test_the_hand_numbers_add_up() -> None:
    for key, row in TABLE3.items():
        assert sum(row[:6]) == row[6], key
    for column in range(7):
        outcomes = sum(TABLE3[k][column] for k in OUTCOMES)
        assert outcomes == TABLE3["handled_total"][column]
        assert (
            TABLE3["received"][column] + TABLE3["carried_over"][column]
            == TABLE3["handled_total"][column] + TABLE3["carried_forward"][column]
        )


def _td(text: str, rowspan: int = 1, colspan: int = 1, blank: str = "") -> str:
    """A cell; with ``blank`` ``"after"`` or ``"before"``, its text and a tall blank block
    after or before it."""
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    content = escape(text)
    if blank:
        parts = [f"<div>{content}</div>", '<div class="blank"></div>']
        content = "".join(parts if blank == "after" else reversed(parts))
    return f"<td{spans}>{content}</td>"


def _table3(cut: str, label: str, numbers: str, layout: str = "national") -> str:
    """Table 三 in the national layout, the row ``cut`` (id ``cut``) drawn tall: its label
    at the ``label`` end (``top``/``bottom``) of its cell, its numbers at the
    ``numbers`` end of theirs; the row after it has the id ``after``. ``head``: its
    three header rows in a ``<thead>``, printed again at the top of the next page (as
    Word repeats header rows), so that the cut row goes on under them. ``flat``: as a
    web page's converter writes it (a Markdown pipe table laid out again), each row
    only its own cells and no spans, so that rows have 8 to 10 cells and the table is
    as wide on each page as its widest row there. ``flat-head``: that table with its
    three header rows (of 2, 3 and 5 cells, shorter than the body's) in a ``<thead>``,
    printed again at the top of the next page."""
    ends = {"top": "after", "bottom": "before"}
    if layout.startswith("flat"):
        return _flat_table3(cut, ends[label], ends[numbers], repeated=layout == "flat-head")
    sizes: dict[str, int] = {}
    for row in s.TABLE3_ROWS:
        if row.group:
            sizes[row.group] = sizes.get(row.group, 0) + 1
    head = [
        _td(s.TABLE3_IDENTITY_NOTE, 3, 3) + _td(s.TABLE3_APPLICANT_HEADER, colspan=7),
        _td("自然人", 2) + _td(s.TABLE3_ORGANISATION_HEADER, colspan=5) + _td("总计", 2),
        "".join(_td(c.label) for c in s.TABLE3_COLUMNS[1:6]),
    ]
    body: list[str] = []
    seen: set[str] = set()
    keys = [row.key for row in s.TABLE3_ROWS]
    after = keys[keys.index(cut) + 1]
    for row in s.TABLE3_ROWS:
        tall = row.key == cut
        values = "".join(_td(str(v), blank=ends[numbers] if tall else "") for v in TABLE3[row.key])
        attributes = ' id="cut"' if tall else ' id="after"' if row.key == after else ""
        if row.group is None:
            lead = _td(s.TABLE3_RESULTS_GROUP.label, rowspan=22) if row.key == "granted" else ""
            span = 3 if row.key in ("received", "carried_over", "carried_forward") else 2
            name = _td(row.label, colspan=span, blank=ends[label] if tall else "")
        else:
            lead = ""
            if row.group not in seen:
                seen.add(row.group)
                group = next(g.label for g in s.TABLE3_GROUPS if g.key == row.group)
                lead = _td(group, rowspan=sizes[row.group])
            name = _td(row.label, blank=ends[label] if tall else "")
        body.append(f"<tr{attributes}>{lead}{name}{values}</tr>")
    rows = "".join(f"<tr>{r}</tr>" for r in head)
    if layout == "head":
        return f"<table><thead>{rows}</thead><tbody>{''.join(body)}</tbody></table>"
    return f"<table>{rows}{''.join(body)}</table>"


def _flat_table3(cut: str, label: str, numbers: str, *, repeated: bool = False) -> str:
    head = [
        [s.TABLE3_IDENTITY_NOTE, s.TABLE3_APPLICANT_HEADER],
        ["自然人", s.TABLE3_ORGANISATION_HEADER, "总计"],
        [c.label for c in s.TABLE3_COLUMNS[1:6]],
    ]
    rows = ["".join(_td(text) for text in cells) for cells in head]
    keys = [row.key for row in s.TABLE3_ROWS]
    after = keys[keys.index(cut) + 1]
    seen: set[str | None] = set()
    for row in s.TABLE3_ROWS:
        labels = [row.label]
        if row.key == "granted":
            labels.insert(0, s.TABLE3_RESULTS_GROUP.label)
        if row.group is not None and row.group not in seen:
            seen.add(row.group)
            labels.insert(0, next(g.label for g in s.TABLE3_GROUPS if g.key == row.group))
        tall = row.key == cut
        cells = "".join(_td(text, blank=label if tall else "") for text in labels)
        cells += "".join(_td(str(v), blank=numbers if tall else "") for v in TABLE3[row.key])
        attributes = ' id="cut"' if tall else ' id="after"' if row.key == after else ""
        rows.append(f"<tr{attributes}>{cells}</tr>")
    rows = [f"<tr>{r}</tr>" if "<tr" not in r else r for r in rows]
    if repeated:
        return (
            f"<table><thead>{''.join(rows[:3])}</thead><tbody>{''.join(rows[3:])}</tbody></table>"
        )
    return "<table>" + "".join(rows) + "</table>"


def _html(cut: str, label: str, numbers: str, height: float, layout: str, margins: str = "") -> str:
    css = CSS % {"height": height} + margins
    return (
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"
        "<p>某县某局2024年政府信息公开工作年度报告</p>"
        f"<p>三、收到和处理政府信息公开申请情况</p>{_table3(cut, label, numbers, layout)}</body></html>"
    )


def cut_pdf(
    cut: str, label: str, numbers: str, layout: str = "national", margins: str = ""
) -> bytes:
    """Table 三 with the row ``cut`` cut in two by the page break: the label placed at
    the ``label`` end of its cell (``top``/``bottom``), the numbers at the ``numbers``
    end of theirs. ``margins``: CSS of the pages' margin boxes (a page footer or
    header)."""
    tall = weasyprint.HTML(string=_html(cut, label, numbers, 2000.0, layout, margins)).render()
    [page] = tall.pages
    top, bottom = page.anchors["cut"][1], page.anchors["after"][1]  # CSS px
    middle = (top + bottom) / 2 * 0.75  # points
    height = middle + 40.0  # the bottom margin under the break
    html = _html(cut, label, numbers, height, layout, margins)
    data: bytes = weasyprint.HTML(string=html).write_pdf()
    return data


def _pieces(pdf: bytes, head: int = 0) -> tuple[str, str]:
    """The texts of the last row on page 1 and of the first row on page 2 (under the
    ``head`` header rows printed again), as laid out (before any joining): the two
    pieces of the cut row."""
    import pypdfium2

    from gongkai.annual.parse.pdf_layout import TableBox, read_page

    document = pypdfium2.PdfDocument(pdf)
    try:
        first = [i for _, i in read_page(document[0])[0] if isinstance(i, TableBox)][-1]
        second = next(i for _, i in read_page(document[1])[0] if isinstance(i, TableBox))
    finally:
        document.close()
    assert first.open_bottom and second.open_top == (head == 0)
    return (
        "".join(c.text for c in first.rows[-1]).replace("\n", "").replace(" ", ""),
        "".join(c.text for c in second.rows[head]).replace("\n", "").replace(" ", ""),
    )


def _table3_read(pdf: bytes) -> tuple[dict[str, Any], list[str]]:
    report = parse_bytes(pdf, "断行.pdf")
    codes = [d["code"] for d in report.diagnostics]
    return report.to_dict()["table3"], codes


@pytest.mark.parametrize("layout", ["national", "head", "flat", "flat-head"])
@pytest.mark.parametrize(
    ("cut", "label", "numbers", "upper", "lower"),
    [
        # 一、本年新收: label on the first page, numbers on the next
        ("received", "top", "bottom", "一、本年新收政府信息公开申请数量", ""),
        # 一、本年新收: numbers on the first page, label on the next
        ("received", "bottom", "top", "", "一、本年新收政府信息公开申请数量"),
        # （三）不予公开's first item, each way
        ("withheld.state_secret", "top", "bottom", "1.属于国家秘密", ""),
        ("withheld.state_secret", "bottom", "top", "", "1.属于国家秘密"),
    ],
)
def test_a_row_cut_by_a_page_break_is_read_as_one_row(
    cut: str, label: str, numbers: str, upper: str, lower: str, layout: str
) -> None:
    pdf = cut_pdf(cut, label, numbers, layout)
    first, second = _pieces(pdf, 3 if layout.endswith("head") else 0)
    # the fixture: the label on one page, the numbers on the other
    digits = "".join(str(v) for v in TABLE3[cut])
    if upper:
        assert upper in first and digits not in first and digits in second
    else:
        assert lower in second and digits not in second and digits in first
    table3, codes = _table3_read(pdf)
    assert "VALUES_UNASSIGNED" not in codes
    assert table3 == TABLE3


def test_the_reported_markdown_table_cut_under_its_first_row_reads_whole() -> None:
    """The reported case: the ``markdown_tables_from_web_converter`` fixture without its
    table 三 heading, laid out as PDF: table 三 follows table 二 with nothing between
    (read with it as one grid), and the page ends in its 一、本年新收 row, the numbers
    on the first page and the label on the second. The first page's table is narrower
    (its rows there have at most 8 cells, those of 三、本年度办理结果 have 9), so
    the outlines differ; the cut row's rules do not. The row's seven numbers were left
    unassigned (``VALUES_UNASSIGNED``) and 一、本年新收 read as null."""
    from pathlib import Path

    from tests.annual.parse.as_documents import as_pdf
    from tests.annual.parse.test_fixture_reports import differences, expected_for

    name = "markdown_tables_from_web_converter"
    text = (Path(__file__).parents[2] / "fixtures" / "reports" / f"{name}.txt").read_text()
    heading = "## **三、收到和处理政府信息公开申请情况**\n"
    assert heading in text
    pdf = as_pdf(text.replace(heading, ""))
    first, second = _pieces(pdf)
    assert first.endswith("6328022256171")
    assert second.startswith("一、本年新收政府信息公开申请数量")
    report = parse_bytes(pdf, f"{name}.pdf")
    assert "VALUES_UNASSIGNED" not in [d["code"] for d in report.diagnostics]
    assert report.to_dict()["table3"]["received"] == [63, 28, 0, 22, 2, 56, 171]
    assert differences(report, expected_for(name)) == []


def test_a_cut_rows_pieces_on_other_rules_are_not_joined() -> None:
    """The row lines of the two pieces decide where the tables' outlines differ: the
    same rules join them, a rule more or moved does not (two different tables)."""
    from gongkai.annual.parse.document import Document, Grid
    from gongkai.annual.parse.pdf_layout import TableBox
    from gongkai.annual.parse.read_pdf import Cut

    first = Grid((("项目", "自然人", "总计"), ("一、本年新收", "", "")), (), 1, 1)
    second = Grid((("", "6", "8", ""), ("二、上年结转", "1", "1", "")), (), 2, 2)
    document = Document(source="x.pdf", kind="pdf")
    document.blocks.append(first)
    cut = Cut(first, (50.0, 250.0, 300.0, 350.0), (50.0, 250.0, 300.0, 350.0))

    def table(lines: tuple[float, ...]) -> TableBox:
        columns = (50.0, 250.0, 300.0, 350.0, 380.0)
        return TableBox([], 50.0, 40.0, 380.0, 90.0, columns, True, row_lines=(lines,))

    assert cut.fits(table((50.0, 251.5, 299.0, 350.0)), second, document)
    assert not cut.fits(table((50.0, 250.0, 300.0, 350.0, 380.0)), second, document)
    assert not cut.fits(table((50.0, 200.0, 300.0, 350.0)), second, document)
    assert not cut.fits(table((50.0, 350.0)), second, document)


def test_the_rest_of_a_cut_row_under_header_rows_printed_again() -> None:
    """The next page prints the header row again: the row under it goes on with the cut
    row when the same rules cross it; under other rules, or under other header rows,
    the cut row does not go on there."""
    from gongkai.annual.parse.document import Document, Grid
    from gongkai.annual.parse.pdf_layout import TableBox
    from gongkai.annual.parse.read_pdf import Cut, _joined

    rules = (50.0, 250.0, 300.0, 350.0)
    first = Grid((("项目", "自然人", "总计"), ("一、本年新收", "", "")), (), 1, 1)
    second = Grid(
        (("项目", "自然人", "总计"), ("", "6", "8"), ("二、上年结转", "1", "1")), (), 2, 2
    )
    document = Document(source="x.pdf", kind="pdf")
    document.blocks.append(first)
    cut = Cut(first, rules, rules)

    def table(under_head: tuple[float, ...]) -> TableBox:
        return TableBox([], 50.0, 40.0, 350.0, 90.0, rules, row_lines=(rules, under_head, rules))

    assert cut.rest(table(rules), second, document) == 1
    assert cut.rest(table((50.0, 200.0, 350.0)), second, document) is None
    other = Grid((("项目", "法人", "总计"), ("", "6", "8")), (), 2, 2)
    assert cut.rest(table(rules), other, document) is None
    top, rest = _joined(first, second, None, 1)
    assert top.rows == (("项目", "自然人", "总计"), ("一、本年新收", "6", "8"))
    assert rest.rows == (("二、上年结转", "1", "1"),)  # the header printed again: dropped


def test_the_space_beside_header_rows_shorter_than_the_body_is_no_cell() -> None:
    """Table 三 as a converter writes it, its header rows (2, 3 and 5 cells) printed
    again at the top of the next page: the space right of them, bounded by no rule of
    its own, joins with the space beside the body's shorter rows into a shape that is
    no rectangle. Read as one merged cell as large as its outline, it held 总计, the
    narrow header cells' names and the numbers of the rows it surrounds, so the header
    rows differed from the first page's and the cut row was not joined."""
    import pypdfium2

    from gongkai.annual.parse.pdf_layout import TableBox, read_page

    pdf = cut_pdf("received", "top", "bottom", "flat-head")
    document = pypdfium2.PdfDocument(pdf)
    try:
        tables = [
            next(i for _, i in read_page(document[n])[0] if isinstance(i, TableBox))
            for n in range(2)
        ]
    finally:
        document.close()
    heads = [
        [s.TABLE3_IDENTITY_NOTE, s.TABLE3_APPLICANT_HEADER],
        ["自然人", s.TABLE3_ORGANISATION_HEADER, "总计"],
        [c.label for c in s.TABLE3_COLUMNS[1:6]],
    ]
    for table in tables:
        for row, head in zip(table.rows, heads, strict=False):
            texts = [c.text.replace("\n", "").strip() for c in row]
            assert all(c.rowspan == c.colspan == 1 for c in row)
            assert texts[: len(head)] == head and not any(texts[len(head) :])


@pytest.mark.parametrize("layout", ["head", "flat-head"])
def test_the_header_rows_printed_again_are_dropped_when_the_cut_row_goes_on(layout: str) -> None:
    """The rest of the table, on the next page under the header rows printed again,
    goes on from the cut row: the repeated header rows are dropped, and the two grids
    read as one table (the first page's header, then every body row once)."""
    from gongkai.annual.parse.document import Grid
    from gongkai.annual.parse.reader import read_document

    pdf = cut_pdf("received", "top", "bottom", layout)
    grids = [b for b in read_document(pdf, "断行.pdf").blocks if isinstance(b, Grid)]
    assert [g.page for g in grids] == [1, 2]
    assert s.TABLE3_APPLICANT_HEADER in grids[0].rows[0]
    assert not any(s.TABLE3_APPLICANT_HEADER in row for row in grids[1].rows)
    assert len(grids[0].rows) + len(grids[1].rows) == 3 + len(s.TABLE3_ROWS)
