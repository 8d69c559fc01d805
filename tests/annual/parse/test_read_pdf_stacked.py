"""PDF tables printed one directly under the other, with no gap between them and each on
its own column widths: table 二 on table 三, table 三 on table 四. Their rules touch, and
read as one grid each table's rules cut the other's cells into slivers (table 二's four
columns became thirteen); each must be read on its own rules."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.document import Grid
from gongkai.annual.parse.reader import read_document
from tests.annual.parse.fixture_documents import (
    _PDF_CSS,
    _html_table2,
    _html_table3,
    _html_table4,
)
from tests.annual.parse.test_fixture_reports import differences, expected_for

weasyprint = pytest.importorskip("weasyprint")

NAME = "county_named_alone_in_title_signed_by_its_office"


def _stacked_pdf(expected: dict[str, Any], together: tuple[str, str], *, narrow: bool) -> bytes:
    """The report with the tables ``together`` (section keys) printed one on the other
    under the first one's heading; ``narrow``: the upper table is not full width."""
    tables = {
        "2": _html_table2(expected["table2"]),
        # on one page: the rows of table 三 are not cut by a page break
        "3": _html_table3(expected["table3"]).replace(' style="break-before: page"', ""),
        "4": _html_table4(expected["table4"]),
    }
    if narrow:
        tables[together[0]] = tables[together[0]].replace("<table>", '<table style="width:70%">', 1)
    css = _PDF_CSS + "table { margin: 0; } @page { size: A3; }"
    parts = [f"<html><head><style>{css}</style></head><body>"]
    parts.append(f"<h1>青禾县{expected['year']}年政府信息公开工作年度报告</h1>")
    for section in s.SECTIONS:
        parts.append(f"<h2>{section.heading}</h2><p>本部分内容见表。</p>")
        if section.key == together[0]:
            parts.append(tables[together[0]] + tables[together[1]])
        elif section.key in tables and section.key not in together:
            parts.append(tables[section.key])
    parts.append("<p>青禾县人民政府办公室</p><p>2026年1月26日</p></body></html>")
    return bytes(weasyprint.HTML(string="\n".join(parts)).write_pdf())


def _widths(pdf: bytes) -> list[int]:
    grids = [b for b in read_document(pdf, "叠放.pdf").blocks if isinstance(b, Grid)]
    return [max(len(row) for row in grid.rows) for grid in grids]


@pytest.mark.parametrize("narrow", [False, True], ids=["full_width", "upper_narrower"])
@pytest.mark.parametrize("together", [("2", "3"), ("3", "4")], ids=["2_on_3", "3_on_4"])
def test_tables_stacked_without_a_gap_are_read_as_separate_tables(
    together: tuple[str, str], narrow: bool
) -> None:
    expected = expected_for(NAME)
    pdf = _stacked_pdf(expected, together, narrow=narrow)
    # table 二 has 4 columns, table 三 9 + 1 (its labels in two), table 四 15
    assert _widths(pdf) == [4, 10, 15]
    report = parse_bytes(pdf, "叠放.pdf")
    assert differences(report, expected) == []
