"""annual.render.docx: the official layout in Word, read back with python-docx."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings

from gongkai.annual import AnnualReport
from gongkai.annual import schema as s
from gongkai.annual.render import render_docx
from tests.annual.test_render_html import form_labels
from tests.conftest import EXPECTED, seed_params
from tests.strategies import blank_report, consistent_reports

Number = int | Decimal | None


def parse_number(text: str) -> Number:
    if text == "":
        return None
    return Decimal(text) if "." in text else int(text)


def distinct_cells(row: Any) -> list[Any]:
    """The cells of a row, each merged cell once."""
    out: list[Any] = []
    for cell in row.cells:
        if not out or out[-1]._tc is not cell._tc:
            out.append(cell)
    return out


def read_numbers(data: bytes) -> dict[str, Number]:
    """Every number of the three tables, found by the labels printed beside it."""
    tables = docx.Document(BytesIO(data)).tables
    assert len(tables) == 3
    t2, t3, t4 = tables
    out: dict[str, Number] = {}

    headings = {b.heading: b for b in s.TABLE2_BLOCKS}
    block = None
    for row in t2.rows:
        texts = [c.text for c in distinct_cells(row)]
        block = headings.get(texts[0], block)
        assert block is not None
        row2 = next((r for r in block.rows if r.label == texts[0]), None)
        if row2 is None:
            continue
        for column, text in zip(block.columns, texts[1:], strict=True):
            key = (
                s.cell_key("table2", row2.key, column.key)
                if block.is_counted_by_column
                else s.cell_key("table2", row2.key)
            )
            out[key] = parse_number(text)

    labels = {r.label: r for r in s.TABLE3_ROWS}
    for row in t3.rows:
        texts = [c.text for c in distinct_cells(row)]
        if len(texts) <= s.TABLE3_WIDTH:
            continue
        row3 = labels.get(texts[-1 - s.TABLE3_WIDTH])
        if row3 is None:
            continue
        for column, text in zip(s.TABLE3_COLUMNS, texts[-s.TABLE3_WIDTH :], strict=True):
            out[s.table3_cell(row3.key, column.key)] = parse_number(text)

    values = [c.text for c in t4.rows[-1].cells]
    keys = [s.table4_cell(g.key, c.key) for g in s.TABLE4_GROUPS for c in s.TABLE4_COLUMNS]
    out.update(zip(keys, map(parse_number, values), strict=True))
    return out


def all_text(data: bytes) -> set[str]:
    document = docx.Document(BytesIO(data))
    texts = {p.text for p in document.paragraphs}
    for table in document.tables:
        for row in table.rows:
            texts.update(c.text for c in row.cells)
    return texts


@pytest.mark.parametrize("seed", seed_params())
def test_seed_numbers_read_back_from_the_word_tables(seed: str) -> None:
    report = AnnualReport.load(EXPECTED / f"{seed}.json")
    assert read_numbers(render_docx(report)) == dict(report.cells())


def test_every_label_of_the_form_is_printed_exactly() -> None:
    texts = all_text(render_docx(blank_report()))
    assert [label for label in form_labels() if label not in texts] == []
    # the long title is set in two lines, broken between the organ and the year
    assert "测试市测试局\n2024年政府信息公开工作年度报告" in texts


def test_blank_cells_stay_empty() -> None:
    numbers = read_numbers(render_docx(blank_report().with_cell("table4.reconsideration.total", 0)))
    assert numbers.pop("table4.reconsideration.total") == 0
    assert set(numbers.values()) == {None}


def test_header_cells_are_real_merges() -> None:
    t2, t3, t4 = docx.Document(BytesIO(render_docx(blank_report()))).tables
    assert t3.cell(0, 0)._tc is t3.cell(2, 2)._tc
    assert t3.cell(0, 0).text == s.TABLE3_IDENTITY_NOTE
    assert t3.cell(0, 3)._tc is t3.cell(0, 9)._tc
    granted = 3 + s.TABLE3_ROW_BY_KEY["granted"].index
    total = 3 + s.TABLE3_ROW_BY_KEY["handled_total"].index
    assert t3.cell(granted, 0)._tc is t3.cell(total, 0)._tc
    assert t3.cell(total + 1, 0)._tc is not t3.cell(total, 0)._tc
    assert t4.cell(0, 5)._tc is t4.cell(0, 14)._tc
    assert t4.cell(1, 0)._tc is t4.cell(2, 0)._tc
    assert t2.cell(0, 0)._tc is t2.cell(0, 3)._tc
    assert len(t3.rows) == 3 + len(s.TABLE3_ROWS)


def _east_asian(run_or_style: Any) -> str:
    fonts = run_or_style.element.rPr.rFonts
    return str(fonts.get(qn("w:eastAsia")))


def test_fonts_and_sizes_are_those_of_official_documents() -> None:
    document = docx.Document(BytesIO(render_docx(blank_report())))
    title = document.paragraphs[0].runs[0]
    assert (_east_asian(title), title.font.size.pt) == ("方正小标宋简体", 22)
    normal = document.styles["Normal"]
    assert (_east_asian(normal), normal.font.size.pt) == ("仿宋_GB2312", 16)
    heading = document.styles["Heading 1"]
    assert (_east_asian(heading), heading.font.size.pt) == ("黑体", 16)
    table_text = document.tables[1].cell(3, 0).paragraphs[0].style
    assert (_east_asian(table_text), table_text.font.size.pt) == ("宋体", 10.5)
    assert document.tables[1].cell(0, 0).paragraphs[0].style.font.size.pt == 9
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_section_texts_are_paragraphs_under_their_headings() -> None:
    from dataclasses import replace

    report = replace(blank_report(), sections={"5": "问题一。\n问题二。"})
    texts = [p.text for p in docx.Document(BytesIO(render_docx(report))).paragraphs]
    at = texts.index(s.SECTION_BY_KEY["5"].heading)
    assert texts[at + 1 : at + 4] == ["问题一。", "问题二。", s.SECTION_BY_KEY["6"].heading]


def test_section_three_opens_a_page_so_its_table_stays_whole() -> None:
    document = docx.Document(BytesIO(render_docx(blank_report())))
    breaks = [p.text for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert breaks == [s.SECTION_BY_KEY["3"].heading]
    header_rows = [
        r for r in document.tables[1].rows if r._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    assert len(header_rows) == 3


@settings(max_examples=20, deadline=None)
@given(consistent_reports())
def test_random_consistent_reports_read_back_unchanged(report: AnnualReport) -> None:
    assert read_numbers(render_docx(report)) == dict(report.cells())
