"""annual.render.xlsx: one sheet per table, merged like the form, numbers as numbers."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
from hypothesis import given, settings
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.annual import AnnualReport
from gongkai.annual import schema as s
from gongkai.annual.render import render_xlsx
from tests.conftest import EXPECTED, seed_params
from tests.strategies import blank_report, consistent_reports

Number = int | Decimal | None


def _number(value: object) -> Number:
    """A cell read back: numbers must be stored as numbers, blanks as nothing."""
    if value is None:
        return None
    assert isinstance(value, int | float) and not isinstance(value, bool), repr(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _rows(sheet: Worksheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_numbers(data: bytes) -> dict[str, Number]:
    """Every number of the three sheets, found by the labels printed beside it."""
    book = openpyxl.load_workbook(BytesIO(data))
    assert book.sheetnames == ["说明", "表二", "表三", "表四"]
    out: dict[str, Number] = {}

    headings = {b.heading: b for b in s.TABLE2_BLOCKS}
    block = None
    for row in _rows(book["表二"]):
        block = headings.get(str(row[0]), block)
        row2 = next((r for r in block.rows if r.label == row[0]), None) if block else None
        if block is None or row2 is None:
            continue
        if block.is_counted_by_column:
            for column, value in zip(block.columns, row[1:4], strict=True):
                out[s.cell_key("table2", row2.key, column.key)] = _number(value)
        else:
            out[s.cell_key("table2", row2.key)] = _number(row[1])

    labels = {r.label: r for r in s.TABLE3_ROWS}
    for row in _rows(book["表三"]):
        label = next((v for v in reversed(row[:3]) if v is not None), None)
        row3 = labels.get(str(label))
        if row3 is None:
            continue
        for column, value in zip(s.TABLE3_COLUMNS, row[3:10], strict=True):
            out[s.table3_cell(row3.key, column.key)] = _number(value)

    last = _rows(book["表四"])[-1]
    keys = [s.table4_cell(g.key, c.key) for g in s.TABLE4_GROUPS for c in s.TABLE4_COLUMNS]
    out.update(zip(keys, map(_number, last), strict=True))
    return out


@pytest.mark.parametrize("seed", seed_params())
def test_seed_numbers_read_back_from_the_sheets(seed: str) -> None:
    report = AnnualReport.load(EXPECTED / f"{seed}.json")
    assert read_numbers(render_xlsx(report)) == dict(report.cells())


def test_blank_cells_stay_empty_and_fees_are_a_number_in_wan_yuan() -> None:
    report = blank_report().with_cell("table2.fees", Decimal("1.25"))
    book = openpyxl.load_workbook(BytesIO(render_xlsx(report)))
    numbers = read_numbers(render_xlsx(report))
    assert numbers.pop("table2.fees") == Decimal("1.25")
    assert set(numbers.values()) == {None}
    fees = next(
        row[1] for row in book["表二"].iter_rows() if row[0].value == s.table2_row("fees").label
    )
    assert (fees.value, fees.number_format) == (1.25, "0.00##")


def test_sheets_merge_the_header_cells_like_the_form() -> None:
    book = openpyxl.load_workbook(BytesIO(render_xlsx(blank_report())))
    t3 = {str(r) for r in book["表三"].merged_cells.ranges}
    granted = 4 + 3 + s.TABLE3_ROW_BY_KEY["granted"].index
    total = 4 + 3 + s.TABLE3_ROW_BY_KEY["handled_total"].index
    assert {"A4:C6", "D4:J4", "D5:D6", "E5:I5", "J5:J6", f"A{granted}:A{total}"} <= t3
    assert book["表三"]["A4"].value == s.TABLE3_IDENTITY_NOTE
    t4 = {str(r) for r in book["表四"].merged_cells.ranges}
    assert {"A4:E4", "F4:O4", "F5:J5", "K5:O5", "A5:A6", "E5:E6"} <= t4
    assert book["表四"]["F4"].value == s.TABLE4_LITIGATION_HEADER
    t2 = {str(r) for r in book["表二"].merged_cells.ranges}
    assert {"A4:D4", "B9:D9"} <= t2


def test_info_sheet_names_the_report() -> None:
    book = openpyxl.load_workbook(BytesIO(render_xlsx(blank_report(organ="嘉兴市数据局"))))
    values = [v for row in book["说明"].iter_rows(values_only=True) for v in row if v]
    assert values[:7] == [
        "嘉兴市数据局2024年政府信息公开工作年度报告",
        "机关", "嘉兴市数据局", "年度", 2024, "格式", "国办公开办函〔2021〕30号",
    ]  # fmt: skip


@settings(max_examples=20, deadline=None)
@given(consistent_reports())
def test_random_consistent_reports_read_back_unchanged(report: AnnualReport) -> None:
    assert read_numbers(render_xlsx(report)) == dict(report.cells())
