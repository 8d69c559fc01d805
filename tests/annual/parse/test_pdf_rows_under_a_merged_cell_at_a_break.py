"""A page break inside a ruled table 三 under a cell merged down over many rows (三、本年度办理结果,
printed by weasyprint with no rule under it at the break): the last row on the page
looks cut, yet its own cells are closed, and the row under the header printed again on
the next page is the next row, not its rest. Joined as one row, each cell held the digits
of both (予以公开 559 and 部分公开 95 read 55995), silently. Two rows that each hold a number
in the same column are two rows: a number is printed once in its cell."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gongkai.annual.parse import parse_bytes
from tests.annual.parse.fixture_documents import pdf_html
from tests.annual.parse.test_fixture_reports import differences, expected_for

weasyprint = pytest.importorskip("weasyprint")

pytestmark = pytest.mark.slow

NAME = "county_named_alone_in_title_signed_by_its_office"


SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "pdf_sources"
SPREAD = "number-cells-with-distributed-alignment-digits-spread-across-the-cell"


@pytest.mark.parametrize("spacing", ["0.9em", "0.6em", "0.3em"])
def test_rows_either_side_of_a_break_under_a_merged_cell_stay_apart(spacing: str) -> None:
    """Table 三 breaks under （一）予以公开 while 三、本年度办理结果, centred in the 18 rows it
    spans, is printed on the next page: no rule closes the page's last row under it."""
    html = (SOURCES / f"{SPREAD}.source.html").read_text(encoding="utf-8")
    html = html.replace("letter-spacing: 0.9em", f"letter-spacing: {spacing}")
    report = parse_bytes(bytes(weasyprint.HTML(string=html).write_pdf()), "spread.pdf")
    values = json.loads((SOURCES / f"{SPREAD}.values.json").read_text(encoding="utf-8"))
    assert differences(report, values) == []
    codes = {d["code"] for d in report.diagnostics or ()}
    assert not codes & {"ROW_NOT_FOUND", "ROW_TOO_MANY", "VALUES_UNASSIGNED"}


def test_the_rule_keeps_the_break_where_the_label_goes_on() -> None:
    """Not a number in the same column of both pieces: a row whose wrapped label goes on
    over the break is still joined (the fixture's own break, before （四）1)."""
    html = pdf_html(expected_for(NAME))
    assert re.search("break-before: page", html)
    report = parse_bytes(bytes(weasyprint.HTML(string=html).write_pdf()), "report.pdf")
    assert differences(report, expected_for(NAME)) == []
