"""Tables whose cell boundaries a crawler lost (issue 13, shape 1): the project's own
fixtures in ``tests/fixtures/flat``, each with its expected JSON written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.annual import AnnualReport
from gongkai.annual.parse.flat_tables import compact, read_flat

FLAT = Path(__file__).resolve().parents[2] / "fixtures" / "flat"
CASES = sorted(p.stem for p in FLAT.glob("*.txt"))


def test_compact_keeps_spaces_between_digits_only() -> None:
    assert compact("社会公益 组织 30 0 0 0 03\n总计") == "社会公益组织30 0 0 0 03总计"


@pytest.mark.parametrize("case", CASES)
def test_flat_tables_read_back_every_cell(case: str) -> None:
    expected = AnnualReport.load(FLAT / f"{case}.json")
    flat = read_flat((FLAT / f"{case}.txt").read_text(encoding="utf-8"))
    assert flat.table3 is not None and flat.table4 is not None and flat.table2 is not None
    assert dict(flat.table3.rows) == dict(expected.table3.rows)
    assert flat.table4 == expected.table4
    assert flat.table2 == expected.table2


@pytest.mark.parametrize("case", CASES)
def test_the_parser_reads_flat_reports_whole(case: str) -> None:
    from gongkai.annual.parse import parse_bytes

    expected = AnnualReport.load(FLAT / f"{case}.json")
    got = parse_bytes((FLAT / f"{case}.txt").read_bytes(), f"{case}.txt")
    assert (got.organ, got.year) == (expected.organ, expected.year)
    assert dict(got.table3.rows) == dict(expected.table3.rows)
    assert (got.table2, got.table4) == (expected.table2, expected.table4)
    assert got.sections is not None
    assert all(not got.sections.get(k) for k in ("2", "3", "4"))  # they are their tables
    assert got.sections.get("1") and got.sections.get("5")
    codes = {str(d["code"]) for d in got.diagnostics or ()}
    assert not codes & {"TABLE_NOT_FOUND", "SECTION_NOT_FOUND", "NO_REPORT"}
