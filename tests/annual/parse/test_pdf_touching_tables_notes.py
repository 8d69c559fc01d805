"""The notes a user sees on a clean PDF whose tables touch (one on the other or side by
side, no gap): the values are right, and the one note is ``TABLES_SPLIT`` (info: the
layout, not the document, drew the line between the tables). No warning says that a
row was read twice or that numbers were left over, because nothing was; a real
duplicate row or real numbers without a label in such a PDF are still said, on the table
they belong to.

The layout reads each touching table as a grid of its own (``test_pdf_touching_tables``,
``test_pdf_touching_tables_same_lines``); the spurious warnings came after it: the
fixture prints the second table right under the first, under the first one's heading,
and its own heading after it (touching tables leave no room for a heading between
them). Read from heading to heading, the first table's rows ran on into the second's:
table 三's rows became ``表二 VALUES_UNASSIGNED`` and table 四's values
``表三 VALUES_UNASSIGNED`` or a second ``（七）总计`` (``ROW_DUPLICATE``). The same
happens with the same tables in an HTML page, so the fix is the recognizer's: a table
found inside another table's section cuts the other's reading back to end where it
begins (``recognize``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes
from tests.annual.parse.fixture_documents import _html_table4_two
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.annual.parse.test_pdf_split_tables import PAGE_BREAK, W, _fixed
from tests.annual.parse.test_pdf_touching_tables import (
    NAME,
    PAGE_WIDTH,
    _columns,
    _no_gap,
    _report_pdf,
    _side_by_side,
    _tables,
)
from tests.annual.parse.test_pdf_touching_tables_same_lines import TABLE3_ON_FOUR

weasyprint = pytest.importorskip("weasyprint")

LABELS_3 = 520.2 - 48.8
"""Points from the left margin to the end of table 三's labels on these A3 pages."""
REVIEW = 553 - 48.8
"""Points from the left margin to table 三's 自然人|商业企业 line."""

Tables = dict[str, str]


def _two_on_three(tables: Tables, table3: str | None = None) -> bytes:
    """Table 二's label column as wide as table 三's labels, one on the other."""
    label = LABELS_3 + 1.0
    table2 = _columns(tables["2"], [label, *[(PAGE_WIDTH - label) / 3] * 3])
    return _report_pdf({"2": table2 + (table3 or tables["3"]), "4": tables["4"]})


def _three_on_four(tables: Tables, table3: str | None = None) -> bytes:
    """Table 四's 行政复议 group as wide as table 三's labels and 自然人, under table 三."""
    widths = [REVIEW / 5] * 5 + [(PAGE_WIDTH - REVIEW) / 10] * 10
    return _report_pdf(
        {"2": tables["2"], "3": (table3 or tables["3"]) + _columns(tables["4"], widths)}
    )


def _three_on_four_same_lines(tables: Tables) -> bytes:
    table3 = _fixed(tables["3"], TABLE3_ON_FOUR)
    table4 = _fixed(tables["4"], [W] * 15)
    return _report_pdf({"2": tables["2"], "3": PAGE_BREAK + table3 + table4})


def _two_on_three_same_lines(tables: Tables) -> bytes:
    table2 = _fixed(tables["2"], [5 * W, 2 * W, 2 * W, 3 * W])
    table3 = _fixed(tables["3"], [W, W, 3 * W, *[W] * 7])
    return _report_pdf({"2": PAGE_BREAK + table2 + table3, "4": tables["4"]})


def _table4_side_by_side(tables: Tables) -> bytes:
    return _report_pdf({**tables, "4": _no_gap(_html_table4_two(expected_for(NAME)["table4"]))})


def _table2_side_by_side(tables: Tables) -> bytes:
    return _report_pdf({**tables, "2": _side_by_side(tables["2"], 5, "font-size:11pt")})


LAYOUTS: list[Any] = [
    pytest.param(_table4_side_by_side, id="table4-groups-side-by-side"),
    pytest.param(_table2_side_by_side, id="table2-blocks-side-by-side"),
    pytest.param(
        _two_on_three,
        id="table2-on-table3-one-line-shared",
    ),
    pytest.param(
        _three_on_four,
        id="table3-on-table4-one-line-shared",
    ),
    pytest.param(
        _two_on_three_same_lines,
        id="table2-on-table3-same-lines",
    ),
    pytest.param(
        _three_on_four_same_lines,
        id="table3-on-table4-same-lines",
    ),
]


def _notes(report: Any) -> list[tuple[str, str]]:
    return [(str(d["code"]), str(d["severity"])) for d in report.diagnostics or ()]


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
def test_clean_touching_tables_give_only_the_split_note(layout: Callable[[Tables], bytes]) -> None:
    expected = expected_for(NAME)
    report = parse_bytes(layout(_tables(expected)), "相接.pdf")
    assert differences(report, expected) == []
    assert _notes(report) == [("TABLES_SPLIT", "info")]


def _with_row(table3: str, label: str, values: tuple[int, ...]) -> str:
    """Table 三 with one more row at its end (after 四、结转下年度继续办理)."""
    cells = "".join(f"<td>{v}</td>" for v in values)
    row = f'<tr><td colspan="3">{label}</td>{cells}</tr>'
    return table3.replace("</tbody>", row + "</tbody>", 1)


@pytest.mark.slow
def test_a_real_duplicate_row_of_table3_on_table4_is_still_said() -> None:
    """（七）总计 printed a second time, with other numbers, at the end of table 三: said
    once, on table 三's grid, and the first one is read."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    table3 = _with_row(tables["3"], "（七）总计", (39, 8, 0, 1, 2, 3, 53))
    report = parse_bytes(_three_on_four(tables, table3), "相接.pdf")
    assert differences(report, expected) == []
    duplicates = [d for d in report.diagnostics or () if d["code"] == "ROW_DUPLICATE"]
    assert [(d["severity"], d["table"], d["table_row"]) for d in duplicates] == [("warning", 2, 29)]
    assert "表三“（七）总计”再次出现" in str(duplicates[0]["message"])


@pytest.mark.slow
def test_real_numbers_without_a_label_in_table3_under_table2_are_still_said() -> None:
    """A row whose label is none of the form's, with seven numbers, at the end of table
    三: its numbers are said to be left unread, on table 三's grid, as table 三's."""
    expected = expected_for(NAME)
    tables = _tables(expected)
    table3 = _with_row(tables["3"], "（八）其他情况说明", (1, 0, 0, 0, 0, 0, 1))
    report = parse_bytes(_two_on_three(tables, table3), "相接.pdf")
    assert differences(report, expected) == []
    said = [
        (d["severity"], d["table"], d["table_row"])
        for d in report.diagnostics or ()
        if d["code"] == "VALUES_UNASSIGNED"
        and "表三有7个数字前面没有可识别的行标签" in d["message"]
    ]
    assert said == [("warning", 2, 29)]
