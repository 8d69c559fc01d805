"""annual.check, by property: consistent reports pass, any one changed cell is caught.

Cells covered by "a changed cell breaks a rule that points at it": every cell of tables
三 and 四 (each sits in a row or group sum, and table 三's also in a column identity),
and, with last year's report given, the made / repealed / in force cells of table 二
(现行有效件数 = 上年 + 本年制发 − 本年废止). The decision counts and the fee of table 二
have no identity; only their values are checked (non-negative, whole counts).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual import AnnualReport, Severity, check
from gongkai.annual import schema as s
from tests.annual.check_reports import last_year_of, narrative_for
from tests.strategies import consistent_reports

IDENTITY_CELLS = [
    *(s.table3_cell(r.key, c.key) for r in s.TABLE3_ROWS for c in s.TABLE3_COLUMNS),
    *(s.table4_cell(g.key, c.key) for g in s.TABLE4_GROUPS for c in s.TABLE4_COLUMNS),
]
CROSS_YEAR_CELLS = [
    s.cell_key("table2", row, c.key)
    for row in s.TABLE2_DOCUMENT_ROWS
    for c in s.TABLE2_DOCUMENT_COLUMNS
]
TABLE_PREFIXES = ("T3.", "T4.", "YOY.")
FREE_CELLS = [s.cell_key("table2", k) for k in (*s.TABLE2_COUNT_ROWS, s.TABLE2_FEES_ROW)]
"""The cells in no identity: table 二's decision counts and its fee amount."""


def _with_consistent_documents(report: AnnualReport) -> AnnualReport:
    """Make 现行有效件数 at least 本年制发件数, so only the identities are under test."""
    for row in s.TABLE2_DOCUMENT_ROWS:
        counts = getattr(report.table2, row)
        if counts.in_force < counts.made:
            report = report.with_cell(s.cell_key("table2", row, "in_force"), counts.made)
    return report


@settings(max_examples=150)
@given(consistent_reports())
def test_a_consistent_report_and_its_own_text_pass(report: AnnualReport) -> None:
    report = _with_consistent_documents(report)
    assert check(report, last_year=last_year_of(report)) == []
    with_text = replace(report, sections=narrative_for(report))
    assert check(with_text, last_year=last_year_of(report)) == []


@settings(max_examples=200)
@given(consistent_reports(), st.sampled_from(IDENTITY_CELLS), st.integers(-5, 5).filter(bool))
def test_changing_any_cell_of_tables_3_and_4_breaks_a_rule_that_names_it(
    report: AnnualReport, cell: str, delta: int
) -> None:
    value = report.cell(cell)
    assert isinstance(value, int)
    findings = check(report.with_cell(cell, value + delta))
    assert any(f.severity is Severity.ERROR and cell in f.cells for f in findings), findings


@settings(max_examples=100)
@given(consistent_reports(), st.sampled_from(CROSS_YEAR_CELLS), st.integers(1, 5))
def test_changing_a_document_count_breaks_the_cross_year_rule(
    report: AnnualReport, cell: str, delta: int
) -> None:
    last = last_year_of(report)
    value = report.cell(cell)
    assert isinstance(value, int)
    findings = check(report.with_cell(cell, value + delta), last_year=last)
    assert any(f.code == "YOY.W002" and cell in f.cells for f in findings), findings


@settings(max_examples=20, deadline=None)
@given(consistent_reports())
def test_every_cell_of_the_form_outside_the_free_ones_is_caught_when_changed(
    report: AnnualReport,
) -> None:
    """All 194 cells, one at a time, each raised by one, with last year's report given:
    only table 二's decision counts and fee amount (no identity holds them) may pass."""
    report = _with_consistent_documents(report)
    last = last_year_of(report)
    uncaught = []
    for cell in s.all_cell_keys():
        value = report.cell(cell)
        assert value is not None
        findings = check(report.with_cell(cell, value + 1), last_year=last)
        if not any(f.severity is not Severity.NOTICE and cell in f.cells for f in findings):
            uncaught.append(cell)
    assert set(uncaught) <= set(FREE_CELLS)


@settings(max_examples=100)
@given(
    consistent_reports(),
    st.sampled_from(FREE_CELLS + CROSS_YEAR_CELLS),
    st.sampled_from([Decimal(-1), Decimal("-0.5"), Decimal("2.5")]),
)
def test_an_impossible_value_in_table_2_is_an_error_naming_the_cell(
    report: AnnualReport, cell: str, value: Decimal
) -> None:
    """A negative count or amount, or a count that is not whole (T2.E001 / T2.E002)."""
    findings = check(report.with_cell(cell, value))
    errors = [f.code for f in findings if f.severity is Severity.ERROR and cell in f.cells]
    if cell == s.cell_key("table2", s.TABLE2_FEES_ROW):
        assert errors == (["T2.E002"] if value < 0 else []), findings
    else:
        assert errors == ["T2.E001"], findings


@settings(max_examples=150)
@given(consistent_reports(), st.sampled_from(IDENTITY_CELLS + CROSS_YEAR_CELLS))
def test_a_blank_cell_gives_notices_never_errors(report: AnnualReport, cell: str) -> None:
    blank = report.with_cell(cell, None)
    findings = check(blank, last_year=last_year_of(report))
    table_findings = [f for f in findings if f.code.startswith(TABLE_PREFIXES)]
    assert table_findings, "a blank cell must be reported as 无法核对"
    assert all(f.severity is Severity.NOTICE for f in table_findings)
    assert any(cell in f.cells for f in table_findings)


@settings(max_examples=100)
@given(consistent_reports(), st.sampled_from(IDENTITY_CELLS), st.integers(-5, 5).filter(bool))
def test_json_round_trip_is_lossless_and_checks_the_same(
    report: AnnualReport, cell: str, delta: int
) -> None:
    value = report.cell(cell)
    assert isinstance(value, int)
    changed = replace(
        report.with_cell(cell, value + delta), sections={"1": "共收到政府信息公开申请3件。"}
    )
    again = AnnualReport.from_json(changed.to_json())
    assert again == changed
    assert again.to_dict() == changed.to_dict()
    assert check(again) == check(changed)
