"""Table 三 as a pdfminer-based converter prints a PDF's table: its 25 row labels one a
line, then its 175 numbers one a line, column by column (all 自然人, then all 商业企业,
…) or row by row. The order whose numbers add up as the form says (each row's 总计, the
（七）总计 row, 一 plus 二 equal to （七） plus 四) is read; when neither does, nothing is
read (it was all null before, ``ROW_TOO_FEW``), and that is said."""

from __future__ import annotations

import re

import pytest

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from tests.annual.parse.builders import report_text
from tests.annual.parse.test_fixture_reports import expected_for

NAME = "pdf_table3_across_pages_header_repeated"
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_FIRST = "一、本年新收"
_LAST = "四、结转"
WARNED = {"ROW_INFERRED", "ROW_TOO_FEW", "ROW_TOO_MANY", "VALUES_UNASSIGNED", "ROW_DUPLICATE"}


def _report() -> AnnualReport:
    return AnnualReport.from_dict(expected_for(NAME))


def _one_a_line(report: AnnualReport, order: str) -> list[str]:
    numbers = [[str(v) for v in report.table3.row(row.key)] for row in s.TABLE3_ROWS]
    if order == "columns":
        return [line[c] for c in range(s.TABLE3_WIDTH) for line in numbers]
    return [n for line in numbers for n in line]


def _pdfminer_text(report: AnnualReport, numbers: list[str]) -> str:
    """The report's text with table 三's rows as their labels, one a line, then
    ``numbers``, one a line."""
    lines = report_text(report).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(_FIRST))
    last = next(i for i, line in enumerate(lines) if line.startswith(_LAST))
    labels = []
    for line in lines[first : last + 1]:
        cells = [c.strip() for c in line.strip(" |").split("|")]
        labels.append(" ".join(c for c in cells if c and not _NUMBER.match(c)))
    return "\n".join([*lines[:first], *labels, *numbers, *lines[last + 1 :]]) + "\n"


def _codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


@pytest.mark.parametrize("order", ["columns", "rows"])
def test_numbers_one_a_line_after_the_labels_are_read_in_the_order_that_adds_up(
    order: str,
) -> None:
    report = _report()
    text = _pdfminer_text(report, _one_a_line(report, order))
    got = parse_bytes(text.encode("utf-8"), "pdfminer.txt")
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert not set(_codes(got)) & WARNED
    assert "LABELS_THEN_VALUES" in _codes(got)
    assert got.confidence["table3"] == 1.0


def test_numbers_that_add_up_in_neither_order_are_not_read() -> None:
    """One number misprinted (a 1 more in 予以公开's 自然人): neither order adds up, so
    which number is whose is not known; the table stays null and says so, no cell is
    read from a guessed order."""
    report = _report()
    numbers = _one_a_line(report, "columns")
    at = [row.key for row in s.TABLE3_ROWS].index("granted")
    numbers[at] = str(int(numbers[at]) + 1)
    got = parse_bytes(_pdfminer_text(report, numbers).encode("utf-8"), "pdfminer.txt")
    assert set(got.table3.rows.values()) == {(None,) * 7}
    assert "VALUES_UNASSIGNED" in _codes(got)
    assert "LABELS_THEN_VALUES" not in _codes(got)


def test_a_number_lost_leaves_the_table_unread() -> None:
    report = _report()
    numbers = _one_a_line(report, "columns")[:-1]
    got = parse_bytes(_pdfminer_text(report, numbers).encode("utf-8"), "pdfminer.txt")
    assert set(got.table3.rows.values()) == {(None,) * 7}
    assert "LABELS_THEN_VALUES" not in _codes(got)
